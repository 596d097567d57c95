"""Whole pages served to visitors who are not logged in, from the cache.

A stored page is served before sessions, authentication or the database are
touched (but for one query per process every PAGE_CACHE_STALENESS_BOUND seconds:
whether a purge waits, ``store.cache_trusted``), and answers If-None-Match.
Only Wagtail pages rendered for an anonymous visitor, without a query
string and without setting a cookie, are stored (the page's serve says so in the
request's ``RenderContext``, context.py, through the ``before_serve_page`` hook in
``wagtail_hooks.py`` beside this module). Entries are removed exactly when
something they show changes (``purging.py``, ``signals.py``).
"""

import fnmatch
import functools
import hashlib
import logging
import time
from types import SimpleNamespace
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.request import split_domain_port, validate_host
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags

from . import lifetimes, store
from .context import RenderContext
from .encoding import accepted_encoding, compressed_variants

logger = logging.getLogger(__name__)

# Set in the WSGI environ by CachedPagesApplication once it has looked a
# request up, so the middleware does not look it up again.
LOOKED_UP = "bpnc.page_cache.looked_up"
STATUS_HEADER = "X-Page-Cache"
# Kept out of stored entries: set afresh for each response, or only for a miss.
UNSTORED_HEADERS = {"set-cookie", "date", "content-length", STATUS_HEADER.lower()}


def may_use_cache(meta, path):
    """Whether a request (its WSGI environ or request.META) may get a stored page.

    Anything Django would answer differently for reasons other than the page
    (a host it refuses, an HTTPS redirect, a logged-in user) goes on to Django.
    """
    rules = _rules()
    return (
        meta.get("REQUEST_METHOD") in ("GET", "HEAD")
        and only_ignored_parameters(meta.get("QUERY_STRING", ""))
        and rules.session_cookie not in meta.get("HTTP_COOKIE", "")
        and "HTTP_AUTHORIZATION" not in meta
        and not path.startswith(rules.uncached_prefixes)
        and _allowed_host(meta, rules)
        and (not rules.ssl_redirect or _is_secure(meta, rules))
    )


def only_ignored_parameters(query_string):
    """Whether the query holds nothing but sharing and advertising parameters
    (PAGE_CACHE_IGNORED_PARAMETERS), which never change what a page shows."""
    if not query_string:
        return True
    patterns = _rules().ignored_parameters
    names = [name for name, _value in parse_qsl(query_string, keep_blank_values=True)]
    return bool(names) and all(
        any(fnmatch.fnmatchcase(name.lower(), pattern) for pattern in patterns)
        for name in names
    )


@functools.cache
def _rules():
    """The settings every request is checked against, read once (a stored page
    is served in a few microseconds; reading settings each time costs more)."""
    return SimpleNamespace(
        session_cookie=f"{settings.SESSION_COOKIE_NAME}=",
        uncached_prefixes=(settings.STATIC_URL, settings.MEDIA_URL, "/admin/"),
        forwarded_host=settings.USE_X_FORWARDED_HOST,
        allowed_hosts=list(settings.ALLOWED_HOSTS),
        ssl_header=settings.SECURE_PROXY_SSL_HEADER,
        ssl_redirect=settings.SECURE_SSL_REDIRECT,
        ignored_parameters=tuple(settings.PAGE_CACHE_IGNORED_PARAMETERS),
        cdn_max_age=settings.PAGE_CACHE_CDN_MAX_AGE,
        hosts_checked={},  # host: allowed, for the few hosts a site is reached by
    )


@receiver(setting_changed)
def _settings_changed(**kwargs):
    _rules.cache_clear()


def _allowed_host(meta, rules):
    host = meta.get("HTTP_HOST") or meta.get("SERVER_NAME", "")
    if rules.forwarded_host and "HTTP_X_FORWARDED_HOST" in meta:
        host = meta["HTTP_X_FORWARDED_HOST"]
    allowed = rules.hosts_checked.get(host)
    if allowed is None:
        domain, _port = split_domain_port(host)
        allowed = bool(domain) and validate_host(domain, rules.allowed_hosts)
        if len(rules.hosts_checked) < 100:  # a visitor may send any Host
            rules.hosts_checked[host] = allowed
    return allowed


def _is_secure(meta, rules):
    if rules.ssl_header:
        header, secure_value = rules.ssl_header
        if header in meta:
            return meta[header].split(",", 1)[0].strip() == secure_value
    return meta.get("wsgi.url_scheme") == "https"


class PageCacheMiddleware:
    """Stores the pages served to anonymous visitors, and serves them again.

    It comes first among the middleware, so a stored page carries every header
    the others add (security headers included) and skips them all when served.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.fragments = settings.PAGE_FRAGMENT_CACHE_ENABLED

    def __call__(self, request):
        request.page_cache = context = RenderContext()
        if not (self.enabled and may_use_cache(request.META, request.path)):
            if self.fragments:
                _catch_up_safely()
            return self._private(request, self.get_response(request))

        accepts = request.headers.get("Accept-Encoding")
        # Looked up once: by CachedPagesApplication when the request came
        # through it (a miss, or it would not be here), else now.
        stored = None
        if not request.META.get(LOOKED_UP):
            stored = store.lookup(request.path, store.shared_log())
        if stored is not None:
            if not_modified(stored, request.META.get("HTTP_IF_NONE_MATCH")):
                return self._not_modified(stored)
            return self._from_stored(stored, accepts, "hit")

        started = time.time()
        response = self.get_response(request)
        if request.method == "GET" and self._may_store(context, response):
            stored = self._to_stored(response, context.deadline)
            try:
                timeout = lifetimes.timeout_until(stored.deadline)
                key = store.cache_key(request.path)
                store.keep(key, stored, request.path, started, timeout)
            except Exception:
                logger.warning("Page cache unavailable; not stored", exc_info=True)
            return self._from_stored(stored, accepts, "miss")
        return response

    @staticmethod
    def _may_store(context, response):
        """The one place that decides whether a response may be stored."""
        return (
            context.anonymous
            and context.page is not None
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not response.has_header("Cache-Control")
        )

    @staticmethod
    def _to_stored(response, deadline=None):
        """The response as a store.Entry, compressed once."""
        s_maxage = lifetimes.cdn_max_age(deadline, settings.PAGE_CACHE_CDN_MAX_AGE)
        patch_cache_control(response, public=True, max_age=0, s_maxage=s_maxage)
        patch_vary_headers(response, ["Accept-Encoding"])
        # Weak: the same for each encoding of the same page.
        digest = hashlib.sha1(response.content, usedforsecurity=False).hexdigest()
        response["ETag"] = etag = f'W/"{digest[:24]}"'
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        variants = compressed_variants(response.content)
        return store.Entry(response.content, headers, variants, etag, deadline)

    @staticmethod
    def _from_stored(stored, accept_encoding, status):
        content, headers, _encoding = choose_encoding(stored, accept_encoding)
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[STATUS_HEADER] = status
        return response

    @staticmethod
    def _not_modified(stored):
        response = HttpResponse(status=304)
        for name, value in not_modified_headers(stored):
            response[name] = value
        del response["Content-Type"]
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

    def __call__(self, environ, start_response):
        if self.enabled and not get_script_name(environ):
            path = get_path_info(environ)
            if may_use_cache(environ, path):
                stored = store.lookup(path, store.shared_log())
                environ[LOOKED_UP] = True
                if stored is not None:
                    if not_modified(stored, environ.get("HTTP_IF_NONE_MATCH")):
                        start_response("304 Not Modified", not_modified_headers(stored))
                        return []
                    return self._send(environ, start_response, stored)
        return self.application(environ, start_response)

    @staticmethod
    def _send(environ, start_response, stored):
        content, headers, _encoding = choose_encoding(
            stored, environ.get("HTTP_ACCEPT_ENCODING")
        )
        start_response(
            "200 OK",
            [*headers, ("Content-Length", str(len(content))), (STATUS_HEADER, "hit")],
        )
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [content]


def _catch_up_safely():
    """Drop what other processes purged, before this request reads fragments."""
    try:
        store.catch_up()
    except Exception:  # a cache outage must not stop the site
        logger.warning("Page cache unavailable", exc_info=True)


def not_modified(stored, if_none_match):
    """Whether the browser's copy (If-None-Match) is this stored page."""
    if not if_none_match:
        return False
    weak = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
    return "*" in weak or stored.etag.removeprefix("W/") in weak


def not_modified_headers(stored):
    """What a 304 repeats of the stored page's headers: no body, so no type."""
    _content, headers, _encoding = choose_encoding(stored, None)
    return [
        (name, value)
        for name, value in headers
        if name.lower() not in ("content-type", "content-length")
    ] + [(STATUS_HEADER, "hit")]


def choose_encoding(stored, accept_encoding):
    """(content, headers, encoding) of a stored page for this Accept-Encoding."""
    headers = stored.headers
    if stored.deadline is not None:  # s-maxage counts down to the deadline
        headers = lifetimes.bounded_headers(
            headers, stored.deadline, _rules().cdn_max_age
        )
    encoding = accepted_encoding(accept_encoding)
    if encoding is None or encoding not in stored.variants:
        return stored.content, headers, None
    content = stored.variants[encoding]
    return content, [*headers, ("Content-Encoding", encoding)], encoding
