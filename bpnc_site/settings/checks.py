"""Deploy checks (`manage.py check --deploy`) on what the settings alone cannot
show: the address in the default Site record, from which every absolute link
(canonical, hreflang, sitemap, robots.txt) is made.

The settings package is no app, so the seed app, which gives the Site its
address on the first install, registers them.
"""

from django.conf import settings
from django.core.checks import Warning
from django.db import DatabaseError
from django.http.request import validate_host


def site_address(app_configs=None, **kwargs):
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:
        return []  # no database to ask yet (a build step, a first start)
    if site is None:
        return []
    warnings = []
    if not validate_host(site.hostname, settings.ALLOWED_HOSTS):
        warnings.append(
            Warning(
                f"The default site's host name, {site.hostname}, is not in "
                "ALLOWED_HOSTS: every link the pages and the sitemap give points "
                "at an address this site refuses.",
                hint="Set the site's host name under Settings → Sites, or add it "
                "to ALLOWED_HOSTS.",
                id="bpnc.W001",
            )
        )
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if site.root_url != base_url:
        warnings.append(
            Warning(
                f"The default site's address is {site.root_url} but "
                f"WAGTAILADMIN_BASE_URL is {base_url}: pages and the sitemap link "
                "to one, the admin's emails to the other.",
                hint="Make them the same public address (Settings → Sites).",
                id="bpnc.W002",
            )
        )
    return warnings
