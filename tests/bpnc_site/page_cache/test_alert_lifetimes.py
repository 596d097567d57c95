"""A stored page never shows an alert early or keeps it late: its life, and what a
CDN may keep, end at the next start or end of an alert in its language; publishing
an alert purges every page."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bpnc_site.page_cache.serving import CachedPagesApplication
from tests.support.alerts import MENSAJE, MESSAGE, publish_alert, publish_in_spanish
from tests.support.seed import seed_path
from tests.support.wsgi import DjangoStandIn, serve, wsgi_environ

pytestmark = pytest.mark.django_db

PAGES = {seed_path(): MESSAGE, seed_path(language="es"): MENSAJE}


def s_maxage(response_headers):
    return int(re.search(r"s-maxage=(\d+)", response_headers["Cache-Control"])[1])


@pytest.fixture
def alert_in_a_minute(seeded_site, django_capture_on_commit_callbacks):
    """An alert in both languages, from a minute from now for ten minutes."""
    with django_capture_on_commit_callbacks(execute=True):
        alert = publish_alert(
            starts_in=timedelta(minutes=1), lasts=timedelta(minutes=10)
        )
        publish_in_spanish(alert)
    return alert


def test_an_alert_appears_on_stored_pages_once_it_starts_and_leaves_when_it_ends(
    client, alert_in_a_minute, time_machine
):
    for path, message in PAGES.items():
        assert message not in client.get(path).content.decode()
        stored = client.get(path)
        assert stored["X-Page-Cache"] == "hit"
        assert message not in stored.content.decode()

    time_machine.move_to(alert_in_a_minute.starts_at + timedelta(seconds=1))
    for path, message in PAGES.items():
        django = DjangoStandIn()
        serve(CachedPagesApplication(django), wsgi_environ(path))
        assert django.calls == [path]  # the page stored before the start is not served
        fresh = client.get(path)
        assert fresh["X-Page-Cache"] == "miss"
        assert message in fresh.content.decode()
        front_door = serve(CachedPagesApplication(DjangoStandIn()), wsgi_environ(path))
        assert front_door["headers"]["X-Page-Cache"] == "hit"
        assert message in front_door["body"].decode()
        assert client.get(path)["X-Page-Cache"] == "hit"

    time_machine.move_to(alert_in_a_minute.ends_at + timedelta(seconds=1))
    for path, message in PAGES.items():
        django = DjangoStandIn()
        serve(CachedPagesApplication(django), wsgi_environ(path))
        assert django.calls == [path]
        assert message not in client.get(path).content.decode()


def test_a_cdn_never_keeps_a_page_past_the_next_alert_change(
    client, alert_in_a_minute, settings, time_machine
):
    settings.PAGE_CACHE_CDN_MAX_AGE = 3600
    path = seed_path()

    assert s_maxage(client.get(path)) <= 60
    time_machine.move_to(timezone.now() + timedelta(seconds=30))
    hit = client.get(path)
    front_door = serve(CachedPagesApplication(DjangoStandIn()), wsgi_environ(path))

    assert hit["X-Page-Cache"] == "hit"
    assert s_maxage(hit) <= 30
    assert s_maxage(front_door["headers"]) <= 30

    time_machine.move_to(alert_in_a_minute.starts_at + timedelta(seconds=5))
    shown = client.get(path)
    assert s_maxage(shown) <= 10 * 60 - 5  # until it ends
    assert s_maxage(shown) > 60


def test_pages_showing_no_timed_alert_keep_the_usual_lifetime(
    client, seeded_site, settings
):
    settings.PAGE_CACHE_CDN_MAX_AGE = 3600

    assert s_maxage(client.get(seed_path())) == 3600
    assert s_maxage(client.get(seed_path())) == 3600


def test_publishing_an_alert_purges_stored_pages_in_both_languages(
    client, seeded_site, django_capture_on_commit_callbacks
):
    for path in PAGES:
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        alert = publish_alert()
    english = client.get(seed_path())
    spanish = client.get(seed_path(language="es"))

    assert english["X-Page-Cache"] == "miss"
    assert MESSAGE in english.content.decode()
    assert spanish["X-Page-Cache"] == "miss"  # purged, but not shown in English
    assert MESSAGE not in spanish.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publish_in_spanish(alert)
    assert MENSAJE in client.get(seed_path(language="es")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        alert.unpublish()  # withdraws its translation too
    assert MESSAGE not in client.get(seed_path()).content.decode()
    assert MENSAJE not in client.get(seed_path(language="es")).content.decode()


def alert_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [q["sql"] for q in queries if "home_alert" in q["sql"]]


def test_a_language_reads_its_alerts_once_until_an_alert_is_published(
    client, seeded_site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_alert()
    _first, read = alert_queries(client, seed_path())
    other_page, read_again = alert_queries(client, seed_path("about"))

    assert len(read) == 1
    assert read_again == []
    assert MESSAGE in other_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publish_alert(message="The march starts at noon.")
    after, read_after = alert_queries(client, seed_path("about"))

    assert len(read_after) == 1
    assert "The march starts at noon." in after.content.decode()
