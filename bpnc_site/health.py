"""`/healthz` for load balancers and container health checks.

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
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    checks = {"database": database_ok(), "cache": cache_ok()}
    response = JsonResponse(
        {name: "ok" if ok else "failing" for name, ok in checks.items()},
        status=200 if all(checks.values()) else 503,
    )
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return healthz(request)
        return self.get_response(request)
