"""Fixtures every test package may use: languages, a bare home page or the whole
seeded site, the roles and a member of each, the sample campaign, a photo."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import transaction
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


@pytest.fixture(scope="module")
def seeded_site_for_module(django_db_setup, django_db_blocker):
    """The whole site as the content loader builds it, built once per test module.

    It lives in a transaction that is rolled back after the module; each test
    runs in its own savepoint inside it, so edits made by one test never reach
    the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        SiteContentLoader().load()
        applied_on_commit()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded_site(seeded_site_for_module, db):
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
