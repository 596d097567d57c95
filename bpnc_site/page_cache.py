"""Whole pages cached for visitors who are not logged in.

A cached page is served before sessions, authentication or the database are
touched. Only Wagtail pages rendered for an anonymous visitor, without a query
string and without setting a cookie, are stored (the page's serve marks the
request through the ``before_serve_page`` hook in ``bpnc_site/wagtail_hooks.py``).
Entries are keyed by path: the language prefix keeps English and Spanish apart.

Entries are removed exactly when something they show changes
(``bpnc_site/cache_purge.py``), through Wagtail's front-end cache purging, whose
backends here are this cache and, when configured, a CDN.

With the local-memory cache every app-server process holds its own copies, so a
purge in one process must reach the others: purged paths are appended to a
shared log file that every process reads (one ``stat`` per request) before
answering. With Redis the cache is shared and the log is not used.
"""

import hashlib
import logging
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger(__name__)

KEY_PREFIX = "page:"
CACHEABLE_FLAG = "_bpnc_page_cacheable"
STATUS_HEADER = "X-Page-Cache"
# Kept out of stored entries: set afresh for each response, or only for a miss.
# Long enough to outlast any render that started before a purge.
PURGE_MARKER_TIMEOUT = 10 * 60  # seconds
UNSTORED_HEADERS = {"set-cookie", "date", STATUS_HEADER.lower()}


def purge_marker_key(path):
    return "purged-" + cache_key(path)


def cache_key(path):
    # Hashed: a path may hold characters or a length no cache server accepts.
    return KEY_PREFIX + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def mark_cacheable(request):
    """Called while a page is served to an anonymous visitor."""
    setattr(request, CACHEABLE_FLAG, True)


class PurgeLog:
    """Purged paths shared between processes that each keep a local-memory cache."""

    ROTATE_AT = 1024 * 1024  # bytes

    def __init__(self, path):
        self.path = Path(path)
        self.offset = self._size()

    def _size(self):
        try:
            return os.stat(self.path).st_size
        except FileNotFoundError:
            return 0

    def record(self, paths):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._size() > self.ROTATE_AT:
            self.path.write_text("")  # readers see it shrink and drop everything
        with open(self.path, "a", encoding="utf-8") as log:
            log.write("".join(f"{path}\n" for path in paths))

    def catch_up(self, cache):
        """Remove from this process's cache what other processes have purged;
        return the paths purged since the last call (EVERYTHING after a rotation)."""
        size = self._size()
        if size == self.offset:
            return set()
        if size < self.offset:
            cache.clear()
            self.offset = size
            return EVERYTHING
        with open(self.path, encoding="utf-8") as log:
            log.seek(self.offset)
            paths = {path for path in log.read().splitlines() if path}
        cache.delete_many([cache_key(path) for path in paths])
        self.offset = size
        return paths


class _Everything:
    def __contains__(self, path):
        return True


EVERYTHING = _Everything()


def _shared_log():
    if isinstance(page_cache(), LocMemCache):
        return PurgeLog(settings.PAGE_CACHE_PURGE_LOG)
    return None


def may_use_cache(meta, path):
    """Whether a request (its WSGI environ or request.META) may get a stored page.

    Anything Django would answer differently for reasons other than the page
    (a host it refuses, an HTTPS redirect, a logged-in user) goes on to Django.
    """
    return (
        meta.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not meta.get("QUERY_STRING")
        and f"{settings.SESSION_COOKIE_NAME}=" not in meta.get("HTTP_COOKIE", "")
        and "HTTP_AUTHORIZATION" not in meta
        and not path.startswith(_uncached_prefixes())
        and _allowed_host(meta)
        and (_is_secure(meta) or not settings.SECURE_SSL_REDIRECT)
    )


def _uncached_prefixes():
    return (settings.STATIC_URL, settings.MEDIA_URL, "/admin/")


def _allowed_host(meta):
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        host = meta["HTTP_X_FORWARDED_HOST"]
    domain, _port = split_domain_port(host)
    return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)


def _is_secure(meta):
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if header in meta:
            return meta[header].split(",", 1)[0].strip() == secure_value
    return meta.get("wsgi.url_scheme") == "https"


def lookup(path, purge_log):
    """The stored page for this path, or None (also when the cache is down)."""
    cache = page_cache()
    try:
        if purge_log is not None:
            purge_log.catch_up(cache)
        return cache.get(cache_key(path))
    except Exception:  # a cache outage must not stop the site
        logger.warning("Page cache unavailable; serving uncached", exc_info=True)
        return None


class PageCacheMiddleware:
    """Stores the pages served to anonymous visitors, and serves them again.

    It comes first among the middleware, so a stored page carries every header
    the others add (security headers included) and skips them all when served.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.purge_log = _shared_log() if self.enabled else None

    def __call__(self, request):
        if not (self.enabled and may_use_cache(request.META, request.path)):
            return self._private(request, self.get_response(request))

        stored = lookup(request.path, self.purge_log)
        if stored is not None:
            return self._from_stored(stored)

        started = time.time()
        response = self.get_response(request)
        if request.method == "GET" and self._may_store(request, response):
            try:
                self._store(request.path, response, started)
            except Exception:
                logger.warning("Page cache unavailable; not stored", exc_info=True)
            response[STATUS_HEADER] = "miss"
        return response

    def _store(self, path, response, started):
        """Store the page unless it was purged while it was being rendered: it may
        then show what the purge was for, as it was before."""
        cache = page_cache()
        if self.purge_log is not None:
            if path in self.purge_log.catch_up(cache):
                return
        purged_at = cache.get(purge_marker_key(path))
        if purged_at is not None and purged_at >= started:
            return
        stored = self._to_stored(response)
        cache.set(cache_key(path), stored, settings.PAGE_CACHE_TIMEOUT)

    @staticmethod
    def _may_store(request, response):
        return (
            getattr(request, CACHEABLE_FLAG, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _to_stored(response):
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
        )
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        return (response.content, headers)

    @staticmethod
    def _from_stored(stored):
        content, headers = stored
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return response

    @staticmethod
    def _private(request, response):
        """Pages shown to logged-in editors must never land in a shared cache."""
        if getattr(request, "user", None) is not None and getattr(
            request.user, "is_authenticated", False
        ):
            patch_cache_control(response, private=True, no_cache=True)
        return response


class CachedPagesApplication:
    """Serves stored pages straight from the WSGI server, before Django.

    Building a Django request and running the middleware costs several times
    what sending the stored bytes does; a hit here skips all of it. Whatever
    may not be served from the cache, and every miss, goes on to Django, whose
    PageCacheMiddleware stores what it may.
    """

    def __init__(self, application):
        self.application = application
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.purge_log = _shared_log() if self.enabled else None

    def __call__(self, environ, start_response):
        if self.enabled and not get_script_name(environ):
            path = get_path_info(environ)
            if may_use_cache(environ, path):
                stored = lookup(path, self.purge_log)
                if stored is not None:
                    return self._send(environ, start_response, stored)
        return self.application(environ, start_response)

    @staticmethod
    def _send(environ, start_response, stored):
        content, headers = stored
        start_response(
            "200 OK",
            [
                *((name, value) for name, value in headers if name != "Content-Length"),
                ("Content-Length", str(len(content))),
                (STATUS_HEADER, "hit"),
            ],
        )
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [content]


class PageCachePurgeBackend(BaseBackend):
    """Wagtail front-end cache backend that removes pages from the page cache."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        paths = sorted({urlsplit(url).path or "/" for url in urls})
        if not paths:
            return
        cache = page_cache()
        cache.delete_many([cache_key(path) for path in paths])
        now = time.time()
        cache.set_many(
            {purge_marker_key(path): now for path in paths}, PURGE_MARKER_TIMEOUT
        )
        log = _shared_log()
        if log is not None:
            log.record(paths)
