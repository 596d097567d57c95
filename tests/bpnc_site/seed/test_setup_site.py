"""`manage.py setup_site`, the one install step: on the database `migrate`
leaves, it gives every role pages to work on; run again (each release), it
changes nothing and never touches what staff did."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import HomePage
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

WORKFLOW = "Review before publishing"


def setup_site():
    out = StringIO()
    call_command("setup_site", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def installed_for_module(django_db_setup, django_db_blocker):
    """setup_site's output on the database `migrate` leaves (Wagtail's welcome
    page at the site's root, no content), once per module, rolled back after it;
    each test runs in a savepoint inside."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert not HomePage.objects.exists()
        yield setup_site()
        transaction.set_rollback(True)


@pytest.fixture
def installed(installed_for_module, db):
    return installed_for_module


def signed_in_as(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def opens(client, page):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.get(url).status_code == 200


def test_each_role_can_open_its_pages_after_a_new_install(installed, client):
    english = seed_page()
    spanish_page = spanish(english)

    comms = signed_in_as(client, "comms")
    assert opens(comms, english)
    assert not opens(comms, spanish_page)
    add = reverse(
        "wagtailadmin_pages:add",
        args=["campaigns", "campaignpage", seed_page("campaigns").pk],
    )
    assert comms.get(add).status_code == 200

    translator = signed_in_as(client, "traductora")
    assert opens(translator, spanish_page)
    assert not opens(translator, english)

    moderator = signed_in_as(client, "moderator")
    assert opens(moderator, english)
    assert opens(moderator, spanish_page)


def test_a_new_install_reviews_both_languages_with_the_projects_workflow(installed):
    english = seed_page()

    assert english.get_workflow().name == WORKFLOW
    assert spanish(english).get_workflow().name == WORKFLOW
    assert "Roles: Communications, Translators, Moderators" in installed


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_running_it_again_changes_nothing(installed):
    before = row_counts()
    site = Site.objects.get(is_default_site=True)

    output = setup_site()

    assert row_counts() == before
    assert Site.objects.get(is_default_site=True).root_url == site.root_url
    assert "already there, left as staff keep it" in output


def test_a_release_keeps_staff_edits_and_deletions(installed):
    about = seed_page("about")
    about.title = "Who we are"
    about.save_revision().publish()
    privacy = seed_page("privacy")
    privacy.delete()

    setup_site()

    assert seed_page("about").title == "Who we are"
    assert not Page.objects.filter(pk=privacy.pk).exists()
    assert not Page.objects.filter(title=privacy.title, locale=privacy.locale)


def test_a_local_install_is_addressed_where_make_run_serves_it(
    installed, settings, client
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8103"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]

    assert "Site address: http://127.0.0.1:8103" in setup_site()

    html = client.get(seed_page().url, HTTP_HOST="127.0.0.1:8103").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8103/en/' in html
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8103").content.decode()
    assert "<loc>http://127.0.0.1:8103/es/" in sitemap


def test_in_production_the_site_address_stays_as_staff_set_it(installed, settings):
    settings.LOCAL_INSTALL = False
    settings.WAGTAILADMIN_BASE_URL = "https://bpnc.example.org"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "www.bpnc.example.org", 443
    site.save()

    output = setup_site()

    assert Site.objects.get(is_default_site=True).root_url == (
        "https://www.bpnc.example.org"
    )
    assert "Site address" not in output
    assert "demo" not in output
