"""Stored pages: where they are kept, how they are keyed, and removing them.

Entries are keyed by path: the language prefix keeps English and Spanish apart.
A page's rendered fragments (``fragments.py``) are keyed by its path too, and
leave with it.
They are removed through Wagtail's front-end cache purging, whose backends here
are this cache (``PageCachePurgeBackend``) and, when configured, a CDN.

With the local-memory cache every app-server process holds its own copies, so a
purge in one process must reach the others: purged paths are appended to a
shared log file that every process reads (one ``stat`` per request) before
answering. With Redis the cache is shared and the log is not used.
"""

import functools
import hashlib
import logging
import os
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from .models import Purge, ServedRelease

logger = logging.getLogger(__name__)

# The number changes when the form of an entry (Entry) does.
ENTRY_FORM = "page:4"
# Long enough to outlast any render that started before a purge.
PURGE_MARKER_TIMEOUT = 10 * 60  # seconds
FRAGMENT_FORM = "fragment:1"
# Every fragment a template may store (see fragments.py): purging a path removes
# each of them, so the list is closed.
FRAGMENT_NAMES = (
    *("head", "header", "notices", "content", "signup", "content-end", "footer"),
    # Not parts of the page: the language's live alerts and its next meetings,
    # kept with its home page.
    "alerts",
    "meetings",
)


class Entry(NamedTuple):
    """A stored page. A NamedTuple: read by name, and unpickled as fast as a
    tuple on every hit."""

    content: bytes
    headers: list  # [(name, value)], as it was first sent
    variants: dict  # {encoding: compressed content}
    etag: str
    deadline: float | None = None  # when what it shows changes (lifetimes.py)

    def expired(self, now):
        return self.deadline is not None and self.deadline <= now


def purge_marker_key(path):
    """When path was last purged: one marker for every release."""
    return f"purged-{ENTRY_FORM}:{_hashed(path)}"


def cache_key(path, of_release=None):
    return f"{ENTRY_FORM}:{of_release or release()}:{_hashed(path)}"


def fragment_key(name, path, of_release=None):
    return f"{FRAGMENT_FORM}:{of_release or release()}:{name}:{_hashed(path)}"


def keys_for(path, releases=None):
    """The stored page at this path and every fragment of it, in each of these
    releases (this one's by default)."""
    return [
        key
        for of_release in releases or [release()]
        for key in (
            cache_key(path, of_release),
            *(fragment_key(name, path, of_release) for name in FRAGMENT_NAMES),
        )
    ]


@functools.cache
def release():
    """What the stored pages of this release are kept under.

    A release with new code, templates, translations, dependencies, static files
    (new fingerprinted names) or headers must never serve pages stored by the one
    before. Entries are keyed by a digest of the project's source files (read
    once, at start-up), the static files' manifest, the settings that shape a
    page's headers and links, and the release's name (RELEASE, an override), so
    the old ones are never asked for again and expire.
    """
    shaping = {name: getattr(settings, name, None) for name in RELEASE_SETTINGS}
    return release_of(
        source_digest(settings.BASE_DIR),
        _static_manifest(),
        repr(sorted(shaping.items())),
        settings.RELEASE,
    )


# What a rendered page is made from, besides the database: code, templates,
# translations and the locked versions of every dependency.
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".po", ".lock"}
SOURCE_SKIPPED = {"tests", "node_modules", "var", "media", "staticfiles", "__pycache__"}


def source_digest(root):
    """A digest of every source file under root (hidden folders and virtual
    environments, tests and collected files left out)."""
    digest = hashlib.sha1(usedforsecurity=False)
    root = Path(root)
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in SOURCE_SKIPPED
            and not (Path(folder, name) / "pyvenv.cfg").exists()
        )
        for name in sorted(files):
            if Path(name).suffix in SOURCE_SUFFIXES:
                path = Path(folder, name)
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


# Settings whose change changes what a stored page holds or the headers it is
# sent with.
RELEASE_SETTINGS = (
    "CONTENT_SECURITY_POLICY",
    "PERMISSIONS_POLICY",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "STATIC_URL",
    "MEDIA_URL",
    "WAGTAILADMIN_BASE_URL",
    "PAGE_CACHE_CDN_MAX_AGE",
)


def release_of(*parts):
    digest = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        digest.update((part or "").encode() + b"\0")
    return digest.hexdigest()[:12]


def _static_manifest():
    try:
        return staticfiles_storage.read_manifest()
    except (AttributeError, OSError):  # no manifest: tests and development
        return None


@functools.lru_cache(maxsize=4096)
def _hashed(path):
    # Hashed: a path may hold characters or a length no cache server accepts.
    return hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()


class _Config(threading.local):
    """The page cache's settings and this thread's cache object, read once: a
    stored page is served in microseconds, and Django's settings and its
    per-thread cache lookup each cost more than that."""

    def __init__(self):
        self.cache = None

    @functools.cached_property
    def alias(self):
        return settings.PAGE_CACHE_ALIAS

    @functools.cached_property
    def bound(self):
        return settings.PAGE_CACHE_STALENESS_BOUND

    @functools.cached_property
    def purge_log(self):
        return settings.PAGE_CACHE_PURGE_LOG


_config = _Config()


def page_cache():
    cache = _config.cache
    if cache is None:
        cache = _config.cache = caches[_config.alias]
    return cache


@receiver(setting_changed)
def _cache_settings_changed(setting, **kwargs):
    global _config
    if setting in (
        "CACHES",
        "PAGE_CACHE_ALIAS",
        "PAGE_CACHE_STALENESS_BOUND",
        "PAGE_CACHE_PURGE_LOG",
    ):
        _config = _Config()


class PurgeLog:
    """Purged paths shared between processes that each keep a local-memory cache."""

    ROTATE_AT = 1024 * 1024  # bytes

    def __init__(self, path):
        self.path = Path(path)
        self.offset = self._size()
        # When this process learnt of each recent purge, for renders that
        # started before it (see purged_since).
        self.seen = {}
        self.cleared_at = 0.0

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
        now = time.time()
        if size < self.offset:
            cache.clear()
            self.offset = size
            self.seen, self.cleared_at = {}, now
            return EVERYTHING
        with open(self.path, encoding="utf-8") as log:
            log.seek(self.offset)
            paths = {path for path in log.read().splitlines() if path}
        cache.delete_many([key for path in paths for key in keys_for(path)])
        self.offset = size
        self._forget_older_than(now - PURGE_MARKER_TIMEOUT)
        self.seen.update(dict.fromkeys(paths, now))
        return paths

    def purged_since(self, path, started):
        """Whether this process learnt of a purge of path at or after started."""
        return self.cleared_at >= started or self.seen.get(path, 0.0) >= started

    def _forget_older_than(self, moment):
        if len(self.seen) > 10_000 or any(t < moment for t in self.seen.values()):
            self.seen = {p: t for p, t in self.seen.items() if t >= moment}


class _Everything:
    def __contains__(self, path):
        return True


EVERYTHING = _Everything()


_logs = {}


def shared_log():
    """This process's reader of the purge log, when the cache is local memory."""
    location = _config.purge_log
    if location not in _logs:
        local = isinstance(page_cache(), LocMemCache)
        _logs[location] = PurgeLog(location) if local else None
    return _logs[location]


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting in ("CACHES", "PAGE_CACHE_ALIAS", "PAGE_CACHE_PURGE_LOG"):
        _logs.clear()


def catch_up():
    """Learn what other processes purged; call once per request, before lookups."""
    log = shared_log()
    if log is not None:
        log.catch_up(page_cache())


class CacheUnavailable(Exception):
    """The cache failed a call, or its breaker is open: a purge is not done."""


class _Trust:
    """What this process last learnt of the purges waiting to be applied."""

    checked_at = float("-inf")  # time.monotonic()
    pending = frozenset()  # their paths
    registered_at = None  # time.monotonic() its release was last recorded


# How often a server records that its release still serves (ServedRelease).
RELEASE_SEEN_EVERY = 60 * 60  # seconds


_trust = _Trust()


def cache_trusted(path):
    """Whether this process may serve the stored page and parts at path.

    A committed change's purge is in the database (models.Purge) from its commit.
    At most every PAGE_CACHE_STALENESS_BOUND seconds this process asks which
    purges still wait to be applied (the cache failed them: down, hung, breaker
    open), and tries those that are due again; nothing stored is served at their
    paths until they are applied. So while the database answers, no page older
    than a committed change is served more than PAGE_CACHE_STALENESS_BOUND
    seconds after the commit, on any server, whatever the cache did. While it
    does not, stored pages are served but at the paths last known to wait (the
    site stays up on its cached pages; nothing can be published meanwhile).
    """
    now = time.monotonic()
    if now - _trust.checked_at >= _config.bound:
        _trust.checked_at = now
        try:
            _record_release(now)
            waiting = Purge.objects.filter(cache_purged=False)
            urls = [
                url for urls in waiting.values_list("urls", flat=True) for url in urls
            ]
            _trust.pending = frozenset(urlsplit(url).path or "/" for url in urls)
            if _trust.pending:
                from .purging import apply_due_purges  # purging builds on this

                apply_due_purges()
        except Exception:  # the database is down: serve what is stored
            logger.warning("Cannot read or apply the purges waiting", exc_info=True)
    return _trust.registered_at is not None and path not in _trust.pending


def _record_release(now):
    """Record this server's release, so purges remove what it stores."""
    seen = _trust.registered_at
    if seen is None or now - seen >= RELEASE_SEEN_EVERY:
        ServedRelease.objects.update_or_create(
            key=release(), defaults={"last_seen_at": timezone.now()}
        )
        _trust.registered_at = now


def releases_served():
    """Every release that may have stored pages still in the cache: this one
    and those seen within the cache's timeout."""
    since = timezone.now() - timedelta(
        seconds=settings.PAGE_CACHE_TIMEOUT + RELEASE_SEEN_EVERY
    )
    recorded = ServedRelease.objects.filter(last_seen_at__gte=since)
    return sorted({release(), *recorded.values_list("key", flat=True)})


def check_purges_again():
    """Ask the database on the next lookup (a purge was recorded or applied)."""
    _trust.checked_at = float("-inf")


def lookup(path, purge_log=None):
    """The stored page for this path, or None (also when the cache is down or
    a purge waits to be applied)."""
    cache = page_cache()
    if not cache_trusted(path):
        return None
    try:
        if purge_log is not None:
            purge_log.catch_up(cache)
        stored = cache.get(cache_key(path))
    except Exception:  # a cache outage must not stop the site
        logger.warning("Page cache unavailable; serving uncached", exc_info=True)
        return None
    if stored is not None and stored.expired(time.time()):
        return None  # past its deadline: what it shows has changed
    return stored


def keep(key, value, path, started, timeout=None):
    """Store value (a page or a part of the page at path) unless path was purged
    after its render started at started: what the render read may be what the
    purge was for, as it was before."""
    if not purged_since(path, started):
        page_cache().set(key, value, timeout or settings.PAGE_CACHE_TIMEOUT)


def purged_since(path, started):
    """Whether path was purged after a render that started at started began: what
    that render read may be what the purge was for. True too while this server's
    release is not recorded: a purge would not remove what it stored."""
    if _trust.registered_at is None:
        cache_trusted(path)  # records this server's release, if it can
        if _trust.registered_at is None:
            return True
    log = shared_log()
    if log is not None:
        log.catch_up(page_cache())
        if log.purged_since(path, started):
            return True
    purged_at = page_cache().get(purge_marker_key(path))
    return purged_at is not None and purged_at >= started


class PageCachePurgeBackend(BaseBackend):
    """Wagtail front-end cache backend that removes pages from the page cache."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        paths = sorted({urlsplit(url).path or "/" for url in urls})
        if not paths:
            return
        cache = page_cache()
        # The breaker answers a failed call as a miss; a purge must know.
        breaker = getattr(cache, "breaker", None)
        failures = breaker.failures if breaker else 0
        if breaker is not None and not cache.available():
            raise CacheUnavailable("the cache's breaker is open")
        releases = releases_served()
        cache.delete_many([key for path in paths for key in keys_for(path, releases)])
        now = time.time()
        cache.set_many(
            {purge_marker_key(path): now for path in paths}, PURGE_MARKER_TIMEOUT
        )
        if breaker is not None and breaker.failures != failures:
            raise CacheUnavailable("the cache failed the purge")
        log = shared_log()
        if log is not None:
            log.record(paths)
