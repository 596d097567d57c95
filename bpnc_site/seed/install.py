"""A new install, or a release, in one step that is safe to repeat: setup_site.

The order is kept here once, so no one can get it wrong: the database schema
first; the first content next, and only into an empty site (afterwards the
content is the staff's: the loader would never overwrite an edit, but it would
bring back a page they deleted); then the roles and the review workflow, which
are given to the language home pages the content makes. On a local install the
site's address follows WAGTAILADMIN_BASE_URL (``make run`` passes its port) and
the demo users are made.
"""

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage

from .loader import site_address


def site_is_empty():
    """No home page yet: what `migrate` leaves (Wagtail's welcome page at most)."""
    return not HomePage.objects.exists()


def follow_base_url():
    """Give the default site the address WAGTAILADMIN_BASE_URL names.

    Only for local installs, whose address is wherever `make run` serves them;
    in production the site's address belongs to staff (Settings → Sites).
    Returns the new address, or None when it was already right.
    """
    site = Site.objects.filter(is_default_site=True).first()
    address = site_address(settings.WAGTAILADMIN_BASE_URL)
    if site is None or (site.hostname, site.port) == address:
        return None
    site.hostname, site.port = address
    site.save(update_fields=["hostname", "port"])
    return site.root_url


def setup_site(stdout, verbosity=1):
    """Migrate, load the first content, set up roles and workflow (and, on a
    local install, the site's address and the demo users)."""
    output = {"stdout": stdout, "verbosity": verbosity}
    call_command("migrate", interactive=False, **output)
    if site_is_empty():
        call_command("load_site_content", **output)
    else:
        stdout.write("Site content: already there, left as staff keep it.")
    call_command("setup_roles", **output)
    if settings.LOCAL_INSTALL:
        moved = follow_base_url()
        if moved:
            stdout.write(f"Site address: {moved}")
        call_command("create_demo_users", **output)
