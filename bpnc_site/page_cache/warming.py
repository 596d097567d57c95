"""Pages rendered again right after a purge, so the next visitor gets a stored page.

A publish purges the page, its translations and the pages listing it; the first
visitor to each would pay for a fresh render. Instead this process renders them
again in a background thread, off the editor's request, through the whole Django
application as an anonymous visitor, so the page cache middleware stores them
as it stores any page (and refuses one purged again while it rendered). The
number of pages is bounded (``PAGE_CACHE_WARM_LIMIT``), the shallowest first:
home pages and indexes are what most visitors land on.

With Redis every app server gets the warmed pages; with the local-memory cache
(``make run``) only the process that published does.
"""

import io
import logging
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections

logger = logging.getLogger(__name__)

_pending = []
_lock = threading.Lock()
_handler = None
# Only app servers warm pages (bpnc_site/wsgi.py switches it on): a management
# command that publishes (the content loader) exits before pages could be used.
_serving = False


def serve_warmed_pages():
    global _serving
    _serving = True


def warm_soon(urls):
    """Render the pages at these URLs again in the background (at most
    PAGE_CACHE_WARM_LIMIT of them, the shallowest first)."""
    if not (
        _serving and settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_WARM_LIMIT
    ):
        return
    chosen = sorted(set(urls), key=lambda url: (urlsplit(url).path.count("/"), url))
    with _lock:
        start = not _pending
        _pending.extend(chosen[: settings.PAGE_CACHE_WARM_LIMIT])
    if start:
        in_background(_warm_pending)


def in_background(work):
    def run():
        try:
            work()
        finally:
            connections.close_all()  # this thread's own connections

    threading.Thread(target=run, name="page-cache-warming", daemon=True).start()


def _warm_pending():
    while True:
        with _lock:
            if not _pending:
                return
            url = _pending.pop(0)
        warm(url)


def warm(url):
    """Request url from the Django application as a first-time visitor would."""
    global _handler
    if _handler is None:
        _handler = WSGIHandler()
    try:
        response = _handler(_environ(url), lambda status, headers: None)
        for _chunk in response:
            pass
        response.close()
    except Exception:  # a page that cannot be warmed waits for its visitor
        logger.warning("Could not warm %s", url, exc_info=True)


def _environ(url):
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path or "/",
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": parts.hostname or "localhost",
        "SERVER_PORT": str(parts.port or (443 if parts.scheme == "https" else 80)),
        "HTTP_HOST": parts.netloc,
        "wsgi.url_scheme": parts.scheme or "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    if parts.scheme == "https" and settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = value
    return environ
