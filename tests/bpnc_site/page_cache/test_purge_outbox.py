"""A publish's purge cannot be lost: it is recorded with the publish, tried again
until the cache takes it, and meanwhile no server serves what it was for for
longer than PAGE_CACHE_STALENESS_BOUND seconds, whether or not it was up."""

import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError
from django.utils import timezone
from django_redis.cache import RedisCache
from redis.exceptions import TimeoutError as RedisTimeoutError

from bpnc_site.cache import breaker
from bpnc_site.page_cache import store
from bpnc_site.page_cache.models import Purge
from tests.support.alerts import publish_alert
from tests.support.seed import seed_path

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()
CAMPAIGN_ES = seed_path(language="es")
BOUND = 1  # seconds, small to keep the test short


class SharedRedis:
    """What every app server's BreakerRedisCache talks to: one store in memory
    that can be taken down (each call then times out, as a hung Redis does)."""

    def __init__(self):
        self.memory = LocMemCache("shared-redis", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self.down = False

    def method(self, name):
        def call(cache, *args, **kwargs):
            if self.down:
                raise RedisTimeoutError("Timeout reading from socket")
            if name == "get":  # django-redis passes a client too
                args = args[:3]
            kwargs.pop("client", None)
            return getattr(self.memory, name)(*args, **kwargs)

        return call


class Server:
    """One app server process: its own breaker and its own knowledge of the
    purges waiting; a new one knows nothing (started after the publish)."""

    def __init__(self):
        self.trust = store._Trust()
        self.breakers = {}

    @contextmanager
    def serving(self):
        store._trust, breaker._breakers = self.trust, self.breakers
        try:
            yield
        finally:
            self.trust, self.breakers = store._trust, breaker._breakers


@pytest.fixture
def redis(settings, monkeypatch):
    shared = SharedRedis()
    for name in ("get", "get_many", "set", "set_many", "add", "delete"):
        monkeypatch.setattr(RedisCache, name, shared.method(name))
    monkeypatch.setattr(RedisCache, "delete_many", shared.method("delete_many"))
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "bpnc_site.cache.breaker.BreakerRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # never reached: calls go to shared
            "OPTIONS": {"BREAKER_SECONDS": 30},
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    settings.PAGE_CACHE_STALENESS_BOUND = BOUND
    monkeypatch.setattr(store, "_trust", store._Trust())
    monkeypatch.setattr(breaker, "_breakers", {})
    return shared


def title_served(client, path):
    response = client.get(path)
    return response.get("X-Page-Cache"), response.content.decode()


def publish_while_down(redis, page, title, capture):
    redis.down = True
    with capture(execute=True):
        page.title = title
        page.save_revision().publish()
    redis.down = False


def test_a_publish_during_a_cache_outage_is_served_once_the_cache_answers(
    client, campaign, campaign_es, redis, django_capture_on_commit_callbacks
):
    first, second = Server(), Server()
    for server in (first, second):
        with server.serving():
            client.get(CAMPAIGN)
            client.get(CAMPAIGN_ES)
            assert title_served(client, CAMPAIGN)[0] == "hit"

    with first.serving():
        publish_while_down(
            redis,
            campaign,
            "Treatment, not trauma: we won",
            django_capture_on_commit_callbacks,
        )
        purge = Purge.objects.get()
        assert not purge.cache_purged and purge.attempts == 1
        # The stale entries are still in the cache, which answers again.
        assert redis.memory.get(store.cache_key(CAMPAIGN)) is not None
        for breaker_of_server in breaker._breakers.values():
            breaker_of_server.closed_at = 0

        status, content = title_served(client, CAMPAIGN)
        assert "we won" in content and status != "hit"

    # The second server checked just before the publish: within the bound it
    # learns of the waiting purge, and serves nothing stored until it is done.
    time.sleep(BOUND + 0.05)
    with second.serving():
        status, content = title_served(client, CAMPAIGN)
        assert "we won" in content and status != "hit"
        status, content = title_served(client, CAMPAIGN_ES)
        assert status != "hit"

    # Once the next attempt is due, the first server to look applies it.
    Purge.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    with Server().serving():  # a server started after the publish
        status, content = title_served(client, CAMPAIGN)
        assert "we won" in content
        assert not Purge.objects.exists()
        assert title_served(client, CAMPAIGN) == ("hit", content)
    with second.serving():
        time.sleep(BOUND + 0.05)
        assert title_served(client, CAMPAIGN) == ("hit", content)


def test_an_alert_published_during_a_cache_outage_is_on_the_next_render(
    client, seeded_site, redis, django_capture_on_commit_callbacks
):
    """Every page shows its language's alerts, kept with the home page: while
    their purge waits, the kept list is not used, so no fresh render shows the
    alerts as they were before the publish."""
    client.get(CAMPAIGN)
    client.get("/en/about/")  # the language's alerts (none) are kept
    redis.down = True
    with django_capture_on_commit_callbacks(execute=True):
        publish_alert(message="The vigil moved to the park.")
    redis.down = False
    for cache_breaker in breaker._breakers.values():
        cache_breaker.closed_at = 0

    for path in (CAMPAIGN, "/en/about/"):
        status, content = title_served(client, path)
        assert status != "hit"
        assert "The vigil moved to the park." in content


class UnreadableOutbox:
    class objects:  # stands in for the model's manager
        @staticmethod
        def filter(**kwargs):
            raise OperationalError("could not connect to server")


def test_while_the_outbox_cannot_be_read_only_paths_known_to_wait_are_uncached(
    client, campaign, redis, monkeypatch, django_capture_on_commit_callbacks
):
    """The site stays up on its stored pages through a database outage (see
    /healthz), but never serves one it knew a purge waits for."""
    for path in (CAMPAIGN, "/en/about/"):
        client.get(path)
    publish_while_down(redis, campaign, "Stale", django_capture_on_commit_callbacks)
    for cache_breaker in breaker._breakers.values():
        cache_breaker.closed_at = 0
    assert title_served(client, CAMPAIGN)[0] != "hit"  # it learns of the purge

    monkeypatch.setattr(store, "Purge", UnreadableOutbox)
    time.sleep(BOUND + 0.05)

    assert title_served(client, CAMPAIGN)[0] != "hit"
    assert title_served(client, "/en/about/")[0] == "hit"


def test_a_purge_the_cache_takes_at_once_leaves_nothing_waiting(
    client, campaign, redis, django_capture_on_commit_callbacks
):
    client.get(CAMPAIGN)
    with django_capture_on_commit_callbacks(execute=True):
        campaign.title = "Treatment, not trauma: next steps"
        campaign.save_revision().publish()

    assert not Purge.objects.exists()
    assert "next steps" in client.get(CAMPAIGN).content.decode()
    assert client.get(CAMPAIGN)["X-Page-Cache"] == "hit"


def test_a_purge_is_recorded_in_the_publishing_transaction(campaign, redis):
    """In the publish's transaction, and not applied before it commits."""
    campaign.title = "Never committed"
    campaign.save_revision().publish()

    assert Purge.objects.filter(cache_purged=False).count() == 1
    assert any(url.endswith(CAMPAIGN) for url in Purge.objects.get().urls)


def test_a_publish_during_a_rolling_release_reaches_the_servers_of_both_releases(
    client, campaign, redis, monkeypatch, django_capture_on_commit_callbacks
):
    """Old and new servers share the cache, each keeping pages under its own
    release: a publish on a server of one removes what the other stored."""
    client.get(CAMPAIGN)
    assert title_served(client, CAMPAIGN)[0] == "hit"
    new_release = store.release()

    with Server().serving():  # a server still on the release before
        monkeypatch.setattr(store, "release", lambda: "the-release-before")
        client.get(CAMPAIGN)
        with django_capture_on_commit_callbacks(execute=True):
            campaign.title = "Treatment, not trauma: half rolled out"
            campaign.save_revision().publish()
    monkeypatch.setattr(store, "release", lambda: new_release)

    status, content = title_served(client, CAMPAIGN)
    assert status != "hit"
    assert "half rolled out" in content
