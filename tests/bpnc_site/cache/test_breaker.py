"""A hung, dead or wrong cache server costs each request nothing after the first
failure, and its outage is logged once when it starts and once when it ends."""

import logging
import socket
import threading

import pytest
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from bpnc_site.cache import breaker
from bpnc_site.cache.breaker import BreakerRedisCache


class FakeServer:
    """Listens on a free port; takes connections and what they send, answers
    nothing (a hung Redis) or the given bytes (something that is not Redis)."""

    def __init__(self, answer=None):
        self.answer = answer
        self.received = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection):
        while True:
            try:
                data = connection.recv(4096)
            except OSError:
                return
            if not data:
                return
            self.received += len(data)
            if self.answer is not None:
                connection.sendall(self.answer)

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture(autouse=True)
def fresh_breakers():
    breaker._breakers.clear()
    yield
    breaker._breakers.clear()


def cache_at(location, seconds=60):
    return BreakerRedisCache(
        location,
        {
            "KEY_PREFIX": "breaker-test",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "BREAKER_SECONDS": seconds,
            },
        },
    )


def every_call(cache):
    """What a page view, a purge and a sign-up limit ask of the cache."""
    answers = [
        cache.get("page", "missing"),
        cache.get_many(["a", "b"]),
        cache.set("page", "stored"),
        cache.add("limit", 1),
        cache.set_many({"a": 1}),
        cache.delete("page"),
        cache.delete_many(["a", "b"]),
        cache.has_key("page"),
    ]
    with pytest.raises(ValueError):
        cache.incr("limit")
    return answers


MISSES = ["missing", {}, False, False, [], False, 0, False]


@pytest.mark.parametrize(
    "answer", [None, b"HTTP/1.1 400 Bad Request\r\n\r\n"], ids=["hung", "not redis"]
)
def test_after_the_first_failure_the_cache_is_not_asked_again(caplog, answer):
    server = FakeServer(answer)
    cache = cache_at(f"redis://127.0.0.1:{server.port}/0")
    try:
        with caplog.at_level(logging.WARNING, logger=breaker.__name__):
            assert cache.get("page", "missing") == "missing"
            asked = server.received
            for _ in range(20):
                assert every_call(cache) == MISSES
    finally:
        server.close()

    assert asked > 0
    assert server.received == asked
    assert [record.levelname for record in caplog.records] == ["ERROR"]
    assert "Cache unavailable" in caplog.records[0].getMessage()


def test_a_dead_cache_is_tried_again_after_a_while_and_its_return_logged_once(
    caplog, monkeypatch
):
    cache = cache_at("redis://127.0.0.1:6379/15")
    calls = []

    def refused(self, *args, **kwargs):
        calls.append(args)
        raise RedisConnectionError("Connection refused")

    with caplog.at_level(logging.WARNING, logger=breaker.__name__):
        with monkeypatch.context() as outage:
            outage.setattr(RedisCache, "get", refused)
            for _ in range(10):
                assert cache.get("page") is None
            assert len(calls) == 1
            cache.breaker.closed_at = 0  # the breaker's wait is over
            assert cache.get("page") is None
            assert len(calls) == 2
        cache.breaker.closed_at = 0
        assert cache.set("page", "stored") is True
        assert cache.get("page") == "stored"
        cache.delete("page")

    assert [record.levelname for record in caplog.records] == ["ERROR", "WARNING"]
    assert "Cache back" in caplog.records[1].getMessage()
