"""The Redis cache behind a circuit breaker: a sick cache costs a request nothing.

Every page view asks the cache several times (the stored page, its parts, purge
markers, sign-up limits, Wagtail's site lookups). When Redis hangs, each ask
would wait out its socket timeout; when it is down, each would fail and log.
Here the first failure opens the breaker: for ``BREAKER_SECONDS`` this process
answers every cache call at once as a miss (nothing stored, nothing found, an
``incr`` of a missing key), then lets one call through to try again. An outage
is logged once when it starts and once when the cache is back. (Overrides
registry: cache-breaker.)
"""

import logging
import socket
import threading
import time

from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 10
FAILURES = (RedisError, OSError, socket.timeout)


class _Breaker:
    """One per cache server and process: Django makes a cache object per thread."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.lock = threading.Lock()
        self.closed_at = 0.0  # calls may go through from this moment
        self.outage_started = None
        self.failures = 0  # how a caller learns that a call it made failed


_breakers = {}
_breakers_lock = threading.Lock()


def _breaker_for(server, seconds):
    with _breakers_lock:
        if server not in _breakers:
            _breakers[server] = _Breaker(seconds)
        return _breakers[server]


class BreakerRedisCache(RedisCache):
    """django-redis's cache, failing fast while Redis is unreachable or sick.

    Configured like RedisCache; OPTIONS["BREAKER_SECONDS"] sets how long to
    stay away after a failure.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        seconds = options.pop("BREAKER_SECONDS", BREAKER_SECONDS)
        # The breaker decides what a failure costs, and logs it once.
        options["IGNORE_EXCEPTIONS"] = False
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = _breaker_for(server, seconds)

    def _call(self, method, *args, fallback=None, **kwargs):
        if not self._may_try():
            return fallback() if callable(fallback) else fallback
        try:
            result = method(*args, **kwargs)
        except FAILURES as error:
            self._failed(error)
            return fallback() if callable(fallback) else fallback
        self._succeeded()
        return result

    def _may_try(self):
        return time.monotonic() >= self.breaker.closed_at

    def available(self):
        """Whether calls go through now (the breaker is closed)."""
        return self._may_try()

    def _failed(self, error):
        breaker = self.breaker
        with breaker.lock:
            breaker.closed_at = time.monotonic() + breaker.seconds
            breaker.failures += 1
            if breaker.outage_started is None:
                breaker.outage_started = time.monotonic()
                logger.error(
                    "Cache unavailable (%s: %s); answering without it, trying "
                    "again every %s s",
                    type(error).__name__,
                    error,
                    breaker.seconds,
                )

    def _succeeded(self):
        breaker = self.breaker
        if breaker.outage_started is None:
            return
        with breaker.lock:
            if breaker.outage_started is not None:
                logger.warning(
                    "Cache back after %.0f s",
                    time.monotonic() - breaker.outage_started,
                )
                breaker.outage_started = None

    def get(self, key, default=None, version=None, client=None):
        return self._call(super().get, key, default, version, client, fallback=default)

    def get_many(self, *args, **kwargs):
        return self._call(super().get_many, *args, fallback=dict, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(super().set, *args, fallback=False, **kwargs)

    def add(self, *args, **kwargs):
        return self._call(super().add, *args, fallback=False, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call(super().set_many, *args, fallback=list, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(super().delete, *args, fallback=False, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(super().delete_many, *args, fallback=0, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call(super().has_key, *args, fallback=False, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(super().touch, *args, fallback=False, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call(super().incr, *args, fallback=_missing_key, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call(super().decr, *args, fallback=_missing_key, **kwargs)

    def clear(self):
        return self._call(super().clear, fallback=False)


def _missing_key():
    """What incr does to a key that is not there: counters start afresh."""
    raise ValueError("Key not found (the cache is unavailable)")
