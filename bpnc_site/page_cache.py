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

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

logger = logging.getLogger(__name__)

KEY_PREFIX = "page:"
CACHEABLE_FLAG = "_bpnc_page_cacheable"
STATUS_HEADER = "X-Page-Cache"
# Kept out of stored entries: set afresh for each response, or only for a miss.
UNSTORED_HEADERS = {"set-cookie", "date", STATUS_HEADER.lower()}


def cache_key(path):
    return KEY_PREFIX + path


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
        """Remove from this process's cache what other processes have purged."""
        size = self._size()
        if size == self.offset:
            return
        if size < self.offset:
            cache.clear()
        else:
            with open(self.path, encoding="utf-8") as log:
                log.seek(self.offset)
                paths = log.read().splitlines()
            cache.delete_many([cache_key(path) for path in paths if path])
        self.offset = size


def _shared_log():
    if isinstance(page_cache(), LocMemCache):
        return PurgeLog(settings.PAGE_CACHE_PURGE_LOG)
    return None


class PageCacheMiddleware:
    """Serves stored pages to anonymous visitors; stores the pages they are served."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.purge_log = _shared_log() if self.enabled else None

    def __call__(self, request):
        if not (self.enabled and self._may_use_cache(request)):
            return self._private(request, self.get_response(request))

        cache = page_cache()
        key = cache_key(request.path)
        try:
            if self.purge_log is not None:
                self.purge_log.catch_up(cache)
            stored = cache.get(key)
        except Exception:  # a cache outage must not stop the site
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            return self._from_stored(stored)

        response = self.get_response(request)
        if request.method == "GET" and self._may_store(request, response):
            try:
                cache.set(key, self._to_stored(response), settings.PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.warning("Page cache unavailable; not stored", exc_info=True)
            response[STATUS_HEADER] = "miss"
        return response

    @staticmethod
    def _may_use_cache(request):
        return (
            request.method in ("GET", "HEAD")
            and not request.META.get("QUERY_STRING")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

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


class PageCachePurgeBackend(BaseBackend):
    """Wagtail front-end cache backend that removes pages from the page cache."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        paths = sorted({urlsplit(url).path or "/" for url in urls})
        if not paths:
            return
        page_cache().delete_many([cache_key(path) for path in paths])
        log = _shared_log()
        if log is not None:
            log.record(paths)
