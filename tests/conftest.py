"""Fixtures every test package may use: languages, a bare home page or the whole
seeded site, the roles and a member of each, the sample campaign, a photo."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from bpnc_site.page_cache.models import Purge
from bpnc_site.page_cache.store import check_purges_again
from bpnc_site.seed.loader import SiteContentLoader
from campaigns.models import CampaignPagePolicyArea
from home.editorial.roles import COMMUNICATIONS, MODERATORS, TRANSLATORS, setup_roles
from home.models import HomePage, OrganisationSettings
from tests.support.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PolicyAreaPageFactory,
    PolicyIndexPageFactory,
    StandardPageFactory,
)
from tests.support.seed import seed_page
from tests.support.session_seed import (
    SeedTransaction,
    seeded_last_among_plain_database_tests,
    uses_seeded_site,
)
from tests.support.translations import spanish


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches site roots; a rolled-back test must not leave them behind,
    nor what the page cache last read of the purges waiting in the database."""
    cache.clear()
    check_purges_again()
    yield
    cache.clear()
    check_purges_again()


def applied_on_commit():
    """The purges recorded while building content are applied once it commits,
    which it never does in a test: start as a committed site would."""
    Purge.objects.all().delete()


@pytest.fixture
def locales(db):
    english, _ = Locale.objects.get_or_create(language_code="en")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    return english, spanish


@pytest.fixture
def home(locales):
    """An English home page serving as the default site's root."""
    root = Page.get_first_root_node()
    # One at a time: deleting an English page deletes its translations too.
    while root.get_children().exists():
        root.get_children().first().delete()
    home = HomePage(title="Brighton Park Neighborhood Council", slug="home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", root_page=home, is_default_site=True
    )
    # Made by the first page view otherwise, whose render its purge would interrupt.
    OrganisationSettings.for_site(site)
    applied_on_commit()
    return home


_seed_transactions = []


def load_seed_as_committed():
    SiteContentLoader().load()
    applied_on_commit()


@pytest.fixture(scope="session")
def seeded_site_for_session(django_db_setup, django_db_blocker):
    """The whole site as the content loader builds it, built once per session.

    It lives in a transaction rolled back after the last test that uses it; each
    test runs in its own savepoint inside it, so edits made by one test never reach
    the next (tests/support/session_seed.py says how the tests are ordered for it).
    """
    seed = SeedTransaction(django_db_blocker)
    seed.open(load_seed_as_committed)
    _seed_transactions.append(seed)
    yield
    seed.close()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """After pytest-django's own ordering, the seeded-site tests right after the
    other plain database tests, before the transactional ones."""
    seeded_last_among_plain_database_tests(items)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Roll the seed back once its last test is torn down: the transactional tests
    and those serving the database to other processes come next."""
    if nextitem is None or not uses_seeded_site(nextitem):
        while _seed_transactions:
            _seed_transactions.pop().close()


@pytest.fixture
def seeded_site(seeded_site_for_session, db, request):
    if not uses_seeded_site(request.node):
        # Asked for through request.getfixturevalue: the test would run among those
        # on a bare site, and every one after it would see the seed.
        raise pytest.UsageError(
            f"{request.node.nodeid} reaches the seeded site only at run time: name "
            "seeded_site (or roles) among its arguments so that it runs with the "
            "seeded tests."
        )
    return Site.objects.get(is_default_site=True)


@pytest.fixture(autouse=True)
def page_cache_purge_log(settings, tmp_path):
    settings.PAGE_CACHE_PURGE_LOG = tmp_path / "page-cache-purges.log"


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "rally.png"
    PILImage.new("RGB", (1600, 900), "#6b1d52").save(path)
    with open(path, "rb") as handle:
        return Image.objects.create(
            title="Rally", file=ImageFile(handle, name="rally.png")
        )


@pytest.fixture
def tree(home):
    """One page of every type under a bare home page, optional fields left empty."""
    campaigns = CampaignIndexPageFactory(parent=home)
    policy = PolicyIndexPageFactory(parent=home)
    area = PolicyAreaPageFactory(
        parent=policy, title="Economic Justice", slug="economic"
    )
    campaign = CampaignPageFactory(
        parent=campaigns,
        title="City Budget",
        policy_area_links=[CampaignPagePolicyArea(policy_area=area)],
    )
    return {
        "home": home,
        "campaigns": campaigns,
        "campaign": campaign,
        "policy": policy,
        "area": area,
        "about": StandardPageFactory(parent=home, title="About us", slug="about"),
    }


@pytest.fixture
def campaign(seeded_site):
    """The sample campaign of the seed, in English."""
    return seed_page()


@pytest.fixture
def campaign_es(campaign):
    return spanish(campaign)


@pytest.fixture
def staff_client(client, django_user_model, locales):
    """A client signed in as a superuser."""
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def roles(seeded_site):
    setup_roles()


def member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def translator(roles, django_user_model):
    return member(django_user_model, "trad", TRANSLATORS)


@pytest.fixture
def moderator(roles, django_user_model):
    return member(django_user_model, "mod", MODERATORS)


@pytest.fixture
def comms(roles, django_user_model):
    return member(django_user_model, "comms", COMMUNICATIONS)


@pytest.fixture
def uncached_pages(settings):
    """What a page costs to render, not to fetch from the page cache or reuse
    from its stored parts."""
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_FRAGMENT_CACHE_ENABLED = False
