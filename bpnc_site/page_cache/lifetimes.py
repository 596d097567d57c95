"""How long a stored page may be served, when something it shows changes on its own
at a known moment (an alert that starts or ends), and values every page of a
language shows, stored with the pages.

A render that shows something timed calls ``request.page_cache.expire_by(moment)``
(context.py); the page is then stored until the earliest such moment at the
latest, and a CDN is told to keep it no longer (``s-maxage``, worked out again
whenever the stored page is served). Pages that show nothing timed are stored as
before.
"""

import logging
import math
import re
import time

from django.conf import settings

from . import store

logger = logging.getLogger(__name__)

S_MAXAGE = re.compile(r"s-maxage=\d+")


def timeout_until(deadline, now=None):
    """Seconds to store a page whose content changes at deadline (at least 1)."""
    if deadline is None:
        return settings.PAGE_CACHE_TIMEOUT
    left = math.ceil(deadline - (time.time() if now is None else now))
    return max(1, min(settings.PAGE_CACHE_TIMEOUT, left))


def cdn_max_age(deadline, cdn_max_age, now=None):
    """How long a CDN may keep the page: never past its deadline."""
    if deadline is None:
        return cdn_max_age
    left = math.floor(deadline - (time.time() if now is None else now))
    return max(0, min(cdn_max_age, left))


def bounded_headers(headers, deadline, cdn_max_age_setting):
    """The stored headers with s-maxage counting down to the deadline."""
    value = f"s-maxage={cdn_max_age(deadline, cdn_max_age_setting)}"
    return [
        (name, S_MAXAGE.sub(value, header) if name == "Cache-Control" else header)
        for name, header in headers
    ]


def remember(name, language, compute):
    """A value every page in this language shows (compute() otherwise), stored
    with that language's home page, so a purge of every page (as publishing an
    alert makes) removes it too. Its name must be in store.FRAGMENT_NAMES."""
    if not settings.PAGE_FRAGMENT_CACHE_ENABLED:
        return compute()
    path = f"/{language}/"
    try:
        stored = None
        if store.cache_trusted(path):  # not while a purge of it waits
            stored = store.page_cache().get(store.fragment_key(name, path))
    except Exception:  # a cache outage must not stop the site
        logger.warning("Page cache unavailable", exc_info=True)
        return compute()
    if stored is not None:
        return stored
    started = time.time()
    value = compute()
    try:
        store.keep(store.fragment_key(name, path), value, path, started)
    except Exception:
        logger.warning("Page cache unavailable; not stored", exc_info=True)
    return value
