"""`/healthz` for load balancers and container health checks.

Two questions, two addresses: `/healthz` (ready: may this server take visitors?
503 while it cannot reach the database) for load balancers and the compose
health check, and `/healthz/live` (alive: is the process answering at all?,
touching nothing else) for whatever restarts stuck containers, so a database
outage never gets every app server restarted at once.

It is answered by the first middleware, before host validation, the HTTPS
redirect, sessions, the page cache and language handling: probes from a load
balancer or Docker address the server by its IP, over plain HTTP, and must never
be given a cached answer or a cookie. The answer shows nothing about the host
it was asked for, so skipping host validation exposes nothing.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATH = "/healthz"
LIVE_PATH = "/healthz/live"


def database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database did not answer")
        return False


def cache_ok():
    # A key of its own per check: app servers probed at the same moment share
    # the cache. A Redis outage is swallowed by django-redis, so the value read
    # back is what tells.
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        found = cache.get(key) == "ok"
        cache.delete(key)
        return found
    except Exception:
        logger.exception("Health check: the cache did not answer")
        return False


def healthz(request):
    """503 only when the server cannot serve pages. Without the cache it still
    can, more slowly: the cache is shared by every app server, so failing them
    all for its outage would take the site down over a slowdown."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    database, cache_ = database_ok(), cache_ok()
    response = JsonResponse(
        {
            "database": "ok" if database else "failing",
            "cache": "ok" if cache_ else "failing (pages served uncached)",
        },
        status=200 if database else 503,
    )
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return healthz(request)
        if request.path_info == LIVE_PATH:
            return alive(request)
        return self.get_response(request)


def alive(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    response = JsonResponse({"alive": True})
    add_never_cache_headers(response)
    return response
