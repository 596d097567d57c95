"""Rendered parts of a page, stored by its path and removed with it.

A page's uncached render (a visitor with a query string, a signed-in editor, the
first visitor after an entry expired) mostly re-renders what has not changed:
the header, the footer, the meta tags, the campaign's demands. Those parts are
stored when first rendered for the page Wagtail serves at a path, and every
purge of that path removes them with the stored page (``store.keys_for``), so
they are exactly as fresh as the page cache. Previews and other views (search,
the sign-up endpoint) always render afresh.
"""

import logging

from django.conf import settings

from . import store
from .serving import only_ignored_parameters

logger = logging.getLogger(__name__)


def fragment_path(request, page, any_query=False):
    """The path to store a fragment of this render under, or None when it must
    be rendered afresh."""
    if not settings.PAGE_FRAGMENT_CACHE_ENABLED or request is None:
        return None
    context = getattr(request, "page_cache", None)
    if page is None or context is None or context.page is not page:
        return None
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return None
    if not (any_query or only_ignored_parameters(request.META.get("QUERY_STRING"))):
        return None
    return request.path


def lookup(name, path):
    if not store.cache_trusted(path):
        return None
    try:
        return store.page_cache().get(store.fragment_key(name, path))
    except Exception:  # a cache outage must not stop the site
        logger.warning("Fragment cache unavailable", exc_info=True)
        return None


def keep(name, path, request, content):
    """Store the fragment, unless its path was purged while it was rendered."""
    try:
        key = store.fragment_key(name, path)
        store.keep(key, content, path, request.page_cache.started)
    except Exception:
        logger.warning("Fragment cache unavailable; not stored", exc_info=True)
