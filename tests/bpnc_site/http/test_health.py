"""/healthz tells a load balancer whether this app server can serve the site."""

import pytest

from tests.support.database import database_unreachable

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every Redis call fails at once, as in an outage.
REDIS_DOWN = {
    "default": {
        "BACKEND": "bpnc_site.cache.breaker.BreakerRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {**REDIS_DOWN, "ratelimit": REDIS_DOWN["default"]}


def test_healthy_server_answers_200_and_names_each_check(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}


def test_answer_is_never_cached_and_sets_no_cookie(client):
    response = client.get("/healthz")

    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Vary" not in response


def test_load_balancers_may_probe_by_ip_address_over_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/healthz", HTTP_HOST="10.0.3.7:8000")

    assert response.status_code == 200


def test_database_outage_keeps_the_server_ready_for_its_cached_pages(client, home):
    assert client.get("/en/").status_code == 200  # stored by the page cache

    with database_unreachable():
        ready = client.get("/healthz")
        page = client.get("/en/")

    assert ready.status_code == 200
    assert ready.json() == {"database": "failing (cached pages only)", "cache": "ok"}
    assert page.status_code == 200
    assert home.title in page.content.decode()


def test_the_database_has_a_check_of_its_own(client):
    assert client.get("/healthz/database").json() == {"database": "ok"}

    with database_unreachable():
        response = client.get("/healthz/database")

    assert response.status_code == 503
    assert response.json() == {"database": "failing"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_a_server_with_neither_database_nor_cache_is_not_ready(client, redis_down):
    with database_unreachable():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "failing", "cache": "failing"}


def test_without_the_page_cache_a_database_outage_is_not_ready(client, settings):
    settings.PAGE_CACHE_ENABLED = False

    with database_unreachable():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_redis_outage_is_reported_but_keeps_the_server_in_rotation(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "cache": "failing (pages served uncached)",
    }


def test_pages_are_still_served_while_redis_is_down(client, home, redis_down):
    assert client.get("/en/").status_code == 200


def test_only_reading_is_allowed(client):
    assert client.post("/healthz").status_code == 405


def test_a_server_that_can_serve_nothing_is_alive_but_not_ready(client, redis_down):
    with database_unreachable():
        ready = client.get("/healthz")
        alive = client.get("/healthz/live")

    assert ready.status_code == 503
    assert alive.status_code == 200
    assert alive.json() == {"alive": True}
    assert "no-store" in alive["Cache-Control"]


def test_the_database_check_only_reads(client):
    assert client.post("/healthz/database").status_code == 405
