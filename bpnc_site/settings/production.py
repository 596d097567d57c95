"""Production: every setting from the environment, no defaults for secrets or hosts.

Optional services (Redis, S3 media, a CDN, Sentry) are on when their variables are
set; see the README's Deployment section for the full list.
"""

import os

import dj_database_url

from . import services
from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, STORAGES, WAGTAILFRONTENDCACHE, env_bool

_required = services.require(
    os.environ,
    {
        "SECRET_KEY": "a long random string kept secret",
        "ALLOWED_HOSTS": "the site's host names, comma-separated (www.example.org)",
        "DATABASE_URL": "the database, e.g. postgres://user:pass@host/bpnc",
    },
)

DEBUG = False
LOCAL_INSTALL = False
SECRET_KEY = _required["SECRET_KEY"]
ALLOWED_HOSTS = [
    host.strip() for host in _required["ALLOWED_HOSTS"].split(",") if host.strip()
]
DATABASES = {
    "default": dj_database_url.parse(
        _required["DATABASE_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Sessions stay in the database (Django's default), so any app server can answer
# any visitor; the cache (Redis when REDIS_URL is set) is in base.py.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# HTTPS: the site sits behind a proxy or load balancer that terminates TLS.
# https://docs.djangoproject.com/en/5.2/ref/settings/#secure-proxy-ssl-header
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # the Wagtail admin previews pages in a frame

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's admin shows page previews in a same-origin frame, so DENY would
    # break previews; SAMEORIGIN still stops other sites framing pages.
    "security.W019",
    # Joining the browsers' HSTS preload list is hard to undo: the organisation
    # opts in with SECURE_HSTS_PRELOAD=true once HTTPS is settled everywhere.
    "security.W021",
]

# Uploaded media: on disk (MEDIA_ROOT, a volume shared by every app server) unless
# an S3-compatible bucket is named.
_media_storage, _media_origins = services.media_storage(os.environ)
if _media_storage:
    STORAGES = {**STORAGES, "default": _media_storage}
    # Documents go through Wagtail's view, which checks their privacy settings,
    # rather than a redirect to a public bucket address.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    _directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **_directives,
            "img-src": [*_directives["img-src"], *_media_origins],
        },
    }

# Purges reach the app's own page cache (base.py) and the CDN, if one is set.
WAGTAILFRONTENDCACHE = {**WAGTAILFRONTENDCACHE, **services.cdn_purgers(os.environ)}

LOGGING = services.json_logging(os.environ.get("LOG_LEVEL", "INFO").upper())
SENTRY_ENABLED = services.start_sentry(os.environ)
