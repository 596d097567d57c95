"""Test settings: speed tweaks only."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Tests never run collectstatic: let whitenoise find files where they are written.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
LOCAL_INSTALL = True
# The suite signs staff in directly; the two-factor tests switch it back on.
TWO_FACTOR_REQUIRED = False
# The suite's database lives in a transaction no other thread can see: pages are
# warmed after a purge only where a test asks for it, in its own thread.
PAGE_CACHE_WARM_LIMIT = 0
# The whole seeded site's pages, their parts and purge markers outgrow the
# local-memory cache's default 300 entries, which it would cull at random.
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):  # noqa: F405
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 10_000}  # noqa: F405
# Each process asks which purges wait only after a purge was recorded or applied
# (or a test starts), never because a slow test crossed the bound: query counts
# stay the same however busy the machine is. The bound's own tests shorten it.
PAGE_CACHE_STALENESS_BOUND = 24 * 60 * 60
