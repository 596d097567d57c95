"""Anonymous visitors get stored pages; a change purges exactly the pages showing it."""

import re
import threading

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import Page, PageViewRestriction

from bpnc_site.page_cache.serving import CachedPagesApplication, PageCacheMiddleware
from bpnc_site.page_cache.store import (
    PageCachePurgeBackend,
    PurgeLog,
    cache_key,
    page_cache,
)
from campaigns.models import CampaignPage
from campaigns.signups.models import Signup
from home.models import OrganisationSettings
from people.models import Person
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page, seed_path
from tests.support.translations import spanish, spanish_translation
from tests.support.wsgi import DjangoStandIn, serve, wsgi_environ

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()


def cache_status(client, url):
    return client.get(url).headers.get("X-Page-Cache")


def live_urls():
    return sorted(page.url for page in Page.objects.live().filter(depth__gt=1))


@pytest.fixture
def warm(client, seeded_site):
    """Every page of the site cached, in both languages; returns a checker that
    tells which of them were purged since."""
    urls = live_urls()
    for url in urls:
        client.get(url)
    assert {cache_status(client, url) for url in urls} == {"hit"}

    def purged():
        return {url for url in urls if cache_status(client, url) != "hit"}

    return purged


def test_a_returning_visitor_gets_the_stored_page_without_database_queries(
    client, seeded_site, django_assert_num_queries
):
    first = client.get(CAMPAIGN)
    with django_assert_num_queries(0):
        second = client.get(CAMPAIGN)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Set-Cookie" not in second


def test_english_and_spanish_pages_are_stored_apart(client, seeded_site):
    for _ in range(2):
        english, spanish_home = client.get("/en/"), client.get("/es/")

    assert english["X-Page-Cache"] == spanish_home["X-Page-Cache"] == "hit"
    assert b'<html lang="en"' in english.content
    assert b'<html lang="es"' in spanish_home.content


def test_logged_in_editors_never_get_or_leave_stored_pages(
    client, seeded_site, admin_user
):
    client.force_login(admin_user)
    as_editor = client.get(CAMPAIGN)
    client.logout()
    anonymous = Client()

    assert "X-Page-Cache" not in as_editor
    assert "private" in as_editor["Cache-Control"]
    assert anonymous.get(CAMPAIGN)["X-Page-Cache"] == "miss"
    assert b"wagtail-userbar" not in anonymous.get(CAMPAIGN).content


def test_query_strings_and_posts_bypass_the_cache(client, seeded_site):
    client.get(CAMPAIGN)

    assert "X-Page-Cache" not in client.get(CAMPAIGN + "?signed-up=1")
    assert "X-Page-Cache" not in client.get("/en/campaigns/?status=active")
    assert "X-Page-Cache" not in client.post(CAMPAIGN)


def test_a_first_time_visitor_can_sign_up_from_a_stored_page(client, seeded_site):
    client.get(CAMPAIGN)
    visitor = Client()
    page = visitor.get(CAMPAIGN)
    form = re.search(r'<form[^>]*method="post"[^>]*>', page.content.decode()).group()
    action = re.search(r'action="([^"]+)"', form).group(1)

    response = visitor.post(
        action,
        SIGNUP_FORM,
        HTTP_ORIGIN="http://testserver",
    )

    assert page["X-Page-Cache"] == "hit"
    assert b"csrfmiddlewaretoken" not in page.content
    assert response.status_code in (302, 303)
    assert Signup.objects.filter(email="ana@example.org").exists()


def test_publishing_a_campaign_purges_the_pages_showing_it_and_no_others(
    warm, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()

    purged = warm()
    assert purged >= {
        CAMPAIGN,
        spanish(campaign).url,
        "/en/",
        "/es/",
        "/en/campaigns/",
        spanish(campaign).get_parent().url,
        seed_path(SAMPLE_POLICY_AREA),  # lists its campaigns
        "/en/policy/healthcare/",
        spanish(Page.objects.get(url_path__endswith="/policy/healthcare/")).url,
    }
    assert not purged & {
        "/en/about/",
        "/en/policy/",
        "/en/policy/economic-justice/",
        "/en/campaigns/free-the-funds/",
    }


def test_publishing_a_spanish_translation_purges_both_languages(
    warm, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        spanish_translation(campaign).save_target(publish=True)

    assert {CAMPAIGN, spanish(campaign).url} <= warm()


def test_unpublishing_a_campaign_takes_it_off_every_listing(
    warm, client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        campaign.unpublish()

    assert {CAMPAIGN, "/en/campaigns/", "/en/"} <= warm()
    assert client.get(CAMPAIGN).status_code == 404
    assert CAMPAIGN.encode() not in client.get("/en/campaigns/").content


def test_deleting_a_campaign_purges_its_page_and_listings(
    warm, client, django_capture_on_commit_callbacks
):
    doomed = CampaignPage.objects.get(slug="free-the-funds")
    with django_capture_on_commit_callbacks(execute=True):
        doomed.delete()

    assert {"/en/campaigns/free-the-funds/", "/en/campaigns/"} <= warm()
    assert client.get("/en/campaigns/free-the-funds/").status_code == 404


def test_publishing_a_contact_person_purges_the_pages_that_show_them(
    warm, campaign, django_capture_on_commit_callbacks
):
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    person.role = "Organiser for community safety"
    with django_capture_on_commit_callbacks(execute=True):
        person.save_revision().publish()

    purged = warm()
    assert {CAMPAIGN, spanish(campaign).url} <= purged
    assert not purged & {"/en/about/", "/en/campaigns/free-the-funds/"}


def test_changing_the_organisation_settings_purges_every_page(
    warm, seeded_site, django_capture_on_commit_callbacks
):
    settings_ = OrganisationSettings.for_site(seeded_site)
    settings_.name = "BPNC"
    with django_capture_on_commit_callbacks(execute=True):
        settings_.save()

    assert warm() == set(live_urls())


def test_renaming_a_slug_purges_the_old_addresses(
    warm, client, django_capture_on_commit_callbacks
):
    index = Page.objects.get(url_path__endswith="/home/campaigns/").specific
    index.slug = "our-campaigns"
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()

    assert client.get(CAMPAIGN).headers.get("X-Page-Cache") != "hit"
    moved = f"/en/our-campaigns/{seed_page().slug}/"
    assert client.get(moved).status_code == 200


def test_a_purge_reaches_every_app_server_process(settings, tmp_path):
    """Processes with their own local-memory caches learn of each other's purges."""
    settings.PAGE_CACHE_PURGE_LOG = tmp_path / "purges.log"
    other_process = LocMemCache("another-process", {})
    other_process.set(cache_key("/en/about/"), "stale")
    other_process.set(cache_key("/en/"), "still right")
    other_log = PurgeLog(settings.PAGE_CACHE_PURGE_LOG)

    PageCachePurgeBackend({}).purge_batch(["http://localhost/en/about/"])
    other_log.catch_up(other_process)

    assert other_process.get(cache_key("/en/about/")) is None
    assert other_process.get(cache_key("/en/")) == "still right"


def test_pages_are_served_when_the_cache_is_down(client, seeded_site, monkeypatch):
    class Unreachable:
        def __getattr__(self, name):
            raise ConnectionError("cache server unreachable")

    monkeypatch.setattr("bpnc_site.page_cache.store.page_cache", Unreachable)

    assert client.get(CAMPAIGN).status_code == 200
    assert client.get(CAMPAIGN).status_code == 200


class SlowCDN:
    """A CDN whose purge API answers only when the test lets it."""

    purged = []
    answer = threading.Event()

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        self.answer.wait(timeout=10)
        self.purged.extend(urls)


def test_cdn_purges_happen_without_making_the_editor_wait(
    settings, campaign, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        **settings.WAGTAILFRONTENDCACHE,
        "cdn": {"BACKEND": f"{__name__}.SlowCDN"},
    }
    SlowCDN.purged.clear()
    SlowCDN.answer.clear()
    before = set(threading.enumerate())

    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    purging = set(threading.enumerate()) - before

    assert SlowCDN.purged == []  # the editor is already done
    SlowCDN.answer.set()
    for thread in purging:
        thread.join(timeout=10)
    assert any(url.endswith(CAMPAIGN) for url in SlowCDN.purged)


def test_stored_pages_are_served_before_django_with_every_header(client, seeded_site):
    stored = client.get(CAMPAIGN)
    django = DjangoStandIn()

    answer = serve(CachedPagesApplication(django), wsgi_environ(CAMPAIGN))

    assert django.calls == []
    assert answer["status"] == "200 OK"
    assert answer["body"] == stored.content
    assert answer["headers"]["X-Page-Cache"] == "hit"
    assert answer["headers"]["Content-Length"] == str(len(stored.content))
    for header in ("Content-Security-Policy", "Permissions-Policy", "Content-Type"):
        assert answer["headers"][header] == stored[header]


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "csrftoken=x; sessionid=abc"},
        {"HTTP_HOST": "evil.example"},
        {"QUERY_STRING": "signed-up=1"},
        {"REQUEST_METHOD": "POST"},
    ],
)
def test_requests_a_stored_page_must_not_answer_go_on_to_django(
    client, seeded_site, extra
):
    client.get(CAMPAIGN)
    django = DjangoStandIn()

    serve(CachedPagesApplication(django), wsgi_environ(CAMPAIGN, **extra))

    assert django.calls == [CAMPAIGN]


def test_plain_http_is_redirected_rather_than_served_when_https_is_required(
    client, seeded_site, settings
):
    client.get(CAMPAIGN)
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    django = DjangoStandIn()
    front_door = CachedPagesApplication(django)

    serve(front_door, wsgi_environ(CAMPAIGN))
    served = serve(front_door, wsgi_environ(CAMPAIGN, HTTP_X_FORWARDED_PROTO="https"))

    assert django.calls == [CAMPAIGN]
    assert served["headers"]["X-Page-Cache"] == "hit"


def test_making_a_page_private_takes_it_and_its_children_out_of_the_cache(
    warm, client, django_capture_on_commit_callbacks
):
    index = Page.objects.get(url_path__endswith="/home/campaigns/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )

    assert {"/en/campaigns/", CAMPAIGN} <= warm()
    assert client.get(CAMPAIGN).status_code == 302  # to the sign-in page


@pytest.fixture
def logo(seeded_site, photo, django_capture_on_commit_callbacks):
    settings_ = OrganisationSettings.for_site(seeded_site)
    settings_.logo = photo
    with django_capture_on_commit_callbacks(execute=True):  # its purge applied
        settings_.save()
    return photo


def test_changing_the_logo_image_purges_every_page(
    logo, warm, django_capture_on_commit_callbacks
):
    logo.focal_point_x, logo.focal_point_y = 10, 10
    with django_capture_on_commit_callbacks(execute=True):
        logo.save()

    assert warm() == set(live_urls())


def test_a_made_up_port_in_the_host_never_reaches_a_stored_page(client, seeded_site):
    client.get(CAMPAIGN, HTTP_HOST="testserver:6666")

    stored = client.get(CAMPAIGN)

    assert stored["X-Page-Cache"] == "hit"
    assert b"6666" not in stored.content
    assert b'<link rel="canonical" href="http://testserver/en/' in stored.content


@pytest.fixture
def contact_photo(seeded_site, photo):
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    person.photo = photo
    person.save_revision().publish()
    return photo


def test_changing_a_contact_photo_purges_the_pages_showing_that_person(
    contact_photo, warm, django_capture_on_commit_callbacks
):
    contact_photo.focal_point_x, contact_photo.focal_point_y = 10, 10
    with django_capture_on_commit_callbacks(execute=True):
        contact_photo.save()

    purged = warm()
    assert CAMPAIGN in purged
    assert not purged & {"/en/about/", "/en/campaigns/free-the-funds/"}


@pytest.mark.parametrize("shared_cache", [True, False])
def test_a_page_purged_while_it_was_rendered_is_not_stored(
    settings, shared_cache, monkeypatch
):
    """The render may have read the content as it was before the publish."""
    if shared_cache:
        monkeypatch.setattr("bpnc_site.page_cache.store.shared_log", lambda: None)

    def render_during_a_publish(request):
        request.page_cache.served(page=object(), anonymous=True)
        PageCachePurgeBackend({}).purge_batch(["http://testserver/en/about/"])
        return HttpResponse("the old About page")

    middleware = PageCacheMiddleware(render_during_a_publish)
    middleware(RequestFactory().get("/en/about/"))

    assert page_cache().get(cache_key("/en/about/")) is None
    middleware(RequestFactory().get("/en/"))  # no purge this time
    assert page_cache().get(cache_key("/en/")) is not None


def test_first_visit_page_sets_no_cookies(seeded_site):
    response = Client().get(seed_path())

    assert response.cookies == {} or not any(response.cookies.values())
