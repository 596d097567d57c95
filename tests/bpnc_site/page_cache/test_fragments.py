"""Parts of a page stored by its path: reused by fresh renders, gone with every
purge of the page, never used for previews, filtered listings or other views."""

import time

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bpnc_site.page_cache.context import context_of
from bpnc_site.page_cache.fragments import keep, lookup
from bpnc_site.page_cache.store import (
    PageCachePurgeBackend,
    PurgeLog,
    fragment_key,
    page_cache,
)
from tests.support.forms import campaign_form
from tests.support.seed import seed_page, seed_path
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()


def count_queries(client, url):
    client.get(url)  # per-process and per-part caches warmed
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), visible_text(response.content)


def test_an_editor_browsing_the_site_reuses_the_stored_parts_of_a_page(
    admin_client, seeded_site, settings
):
    settings.PAGE_FRAGMENT_CACHE_ENABLED = False
    whole, whole_text = count_queries(admin_client, CAMPAIGN)
    settings.PAGE_FRAGMENT_CACHE_ENABLED = True
    with_parts, parts_text = count_queries(admin_client, CAMPAIGN)

    assert parts_text == whole_text
    assert with_parts <= whole - 5  # the menu, settings, people, partners, areas…


def test_a_published_change_shows_in_the_next_fresh_render(
    admin_client, seeded_site, django_capture_on_commit_callbacks
):
    admin_client.get(CAMPAIGN)
    page = seed_page()
    page.title = "Treatment Not Trauma Now"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    text = visible_text(admin_client.get(CAMPAIGN).content)

    assert "Treatment Not Trauma Now" in text
    assert "<title>Treatment Not Trauma Now" in admin_client.get(CAMPAIGN).text


def test_a_filtered_listing_is_never_the_stored_unfiltered_one(client, seeded_site):
    index = seed_path("campaigns")
    client.get(index + "?utm_source=newsletter")  # stores the unfiltered parts

    filtered = client.get(index + "?status=won").content.decode()

    assert '<option value="won" selected>' in filtered
    assert "No campaign matches these choices." in visible_text(filtered)


def test_the_thank_you_shows_after_the_sign_up_form_was_stored(client, seeded_site):
    client.get(CAMPAIGN + "?fbclid=abc")

    thanked = client.get(CAMPAIGN + "?signed-up=1")

    assert "Thank you! Your submission has been received!" in visible_text(
        thanked.content
    )


def test_a_preview_shows_the_unsaved_form_not_the_stored_parts(
    admin_client, seeded_site
):
    admin_client.get(CAMPAIGN)
    page = seed_page()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = campaign_form(title="Treatment Not Trauma, revised", slug=page.slug)
    assert admin_client.post(url, data).json()["is_valid"]

    text = visible_text(admin_client.get(url).content)

    assert "Treatment Not Trauma, revised" in text
    assert "Fund crossing guards" in text


@pytest.mark.parametrize("shared_cache", [True, False])
def test_a_part_rendered_while_its_page_was_purged_is_not_stored(
    shared_cache, monkeypatch
):
    """What the render read may be what the purge was for."""
    if shared_cache:
        monkeypatch.setattr("bpnc_site.page_cache.store.shared_log", lambda: None)
    request = RequestFactory().get("/en/about/")
    context_of(request).started = time.time()

    PageCachePurgeBackend({}).purge_batch(["http://testserver/en/about/"])
    keep("content", "/en/about/", request, "the old About page")

    assert lookup("content", "/en/about/") is None
    context_of(request).started = time.time() + 1
    keep("content", "/en/about/", request, "the new About page")
    assert lookup("content", "/en/about/") == "the new About page"


def test_a_purge_in_another_process_removes_the_parts_it_stored(settings, tmp_path):
    settings.PAGE_CACHE_PURGE_LOG = tmp_path / "purges.log"
    cache = page_cache()
    reader = PurgeLog(settings.PAGE_CACHE_PURGE_LOG)
    cache.set(fragment_key("header", "/en/about/"), "stale header")
    cache.set(fragment_key("header", "/en/"), "still right")

    PageCachePurgeBackend({}).purge_batch(["http://localhost/en/about/"])
    cache.set(fragment_key("header", "/en/about/"), "stale header")  # elsewhere
    reader.catch_up(cache)

    assert cache.get(fragment_key("header", "/en/about/")) is None
    assert cache.get(fragment_key("header", "/en/")) == "still right"
