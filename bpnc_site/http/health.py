"""`/healthz` for load balancers and container health checks.

Three questions, three addresses:

- `/healthz` (ready: can this server serve the public?) for load balancers and
  the compose health check. 200 while it can reach the database, and also while
  the database is down but the page cache answers, since visitors are then still
  served every page stored before the outage (the body says
  ``"database": "failing (cached pages only)"``). 503 only when it can serve
  nothing: no database and no page cache. The database is shared by every app
  server, so a 503 for its outage alone would take them all out of the load
  balancer at once and turn a cached site into errors.
- `/healthz/database` (503 while the database does not answer) for monitoring
  and for whoever must know the database is there (before a migration, say).
- `/healthz/live` (alive: is the process answering at all?, touching nothing
  else) for whatever restarts stuck containers.

They are answered by the first middleware, before host validation, the HTTPS
redirect, sessions, the page cache and language handling: probes from a load
balancer or Docker address the server by its IP, over plain HTTP, and must never
be given a cached answer or a cookie. The answers show nothing about the host
they were asked for, so skipping host validation exposes nothing.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATH = "/healthz"
LIVE_PATH = "/healthz/live"
DATABASE_PATH = "/healthz/database"


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
    """503 only when the server can serve the public nothing. Without the cache
    it still serves every page, more slowly; without the database, the pages
    the cache holds. Both are shared by every app server, so failing them all
    for either outage would take the site down over a slowdown."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    database, cache_ = database_ok(), cache_ok()
    cached_pages = cache_ and settings.PAGE_CACHE_ENABLED
    if database:
        database_state = "ok"
    elif cached_pages:
        database_state = "failing (cached pages only)"
    else:
        database_state = "failing"
    return _answer(
        {
            "database": database_state,
            "cache": "ok" if cache_ else _cache_failing(database),
        },
        ready=database or cached_pages,
    )


def _cache_failing(database):
    return "failing (pages served uncached)" if database else "failing"


def database_health(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    database = database_ok()
    return _answer({"database": "ok" if database else "failing"}, ready=database)


def _answer(checks, ready):
    response = JsonResponse(checks, status=200 if ready else 503)
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
        if request.path_info == DATABASE_PATH:
            return database_health(request)
        return self.get_response(request)


def alive(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _answer({"alive": True}, ready=True)
