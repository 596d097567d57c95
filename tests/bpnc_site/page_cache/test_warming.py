"""After a publish the purged pages are rendered again, so the next visitor in
either language gets a stored page showing the change."""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from bpnc_site.page_cache import warming
from tests.support.seed import seed_page, seed_path
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()


@pytest.fixture
def warming_in_this_thread(settings, monkeypatch):
    """Warm in the test's own thread and database transaction, keeping its
    connection open as Django's test client does."""
    settings.PAGE_CACHE_WARM_LIMIT = 50
    monkeypatch.setattr(warming, "_serving", True)

    def inline(work):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            work()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    monkeypatch.setattr(warming, "in_background", inline)


def test_the_first_visitor_after_a_publish_gets_a_stored_page_in_both_languages(
    seeded_site, warming_in_this_thread, django_capture_on_commit_callbacks
):
    campaign = seed_page()
    for url in (CAMPAIGN, spanish(campaign).url, "/en/", "/es/"):
        Client().get(url)
    campaign.title = "Treatment Not Trauma Now"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
        spanish_translation(campaign).save_target(publish=True)

    for url in (CAMPAIGN, spanish(campaign).url, "/en/campaigns/", "/en/", "/es/"):
        response = Client().get(url)
        assert response["X-Page-Cache"] == "hit", url
    assert "Treatment Not Trauma Now" in Client().get(CAMPAIGN).text


def test_warming_is_bounded_and_starts_with_the_shallowest_pages(settings, monkeypatch):
    settings.PAGE_CACHE_WARM_LIMIT = 2
    monkeypatch.setattr(warming, "_serving", True)
    warmed = []
    monkeypatch.setattr(warming, "warm", warmed.append)
    monkeypatch.setattr(warming, "in_background", lambda work: work())

    warming.warm_soon(
        [
            "http://localhost/en/campaigns/treatment-not-trauma/",
            "http://localhost/es/",
            "http://localhost/en/campaigns/",
            "http://localhost/en/",
        ]
    )

    assert warmed == ["http://localhost/en/", "http://localhost/es/"]


def test_nothing_is_warmed_when_the_page_cache_is_off(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_WARM_LIMIT = 50
    monkeypatch.setattr(warming, "_serving", True)
    monkeypatch.setattr(warming, "in_background", pytest.fail)

    warming.warm_soon(["http://localhost/en/"])


def test_a_command_that_publishes_warms_nothing(settings, monkeypatch):
    """Only app servers warm pages: a command would exit before they were used."""
    settings.PAGE_CACHE_WARM_LIMIT = 50
    monkeypatch.setattr(warming, "_serving", False)
    monkeypatch.setattr(warming, "in_background", pytest.fail)

    warming.warm_soon(["http://localhost/en/"])
