"""Production: every setting from the environment, no defaults for secrets or hosts.

Optional services (Redis, S3 media, a CDN, Sentry) are on when their variables are
set; see docs/operations.md (Deployment) for the full list.
"""

from bpnc_site.logs import json_logging

from . import env, services
from .base import *  # noqa: F403
from .base import (
    CONTENT_SECURITY_POLICY,
    CONTENT_SECURITY_POLICY_REPORT_ONLY,
    DATABASES,
    STORAGES,
    WAGTAILFRONTENDCACHE,
)

# Read once in base.py; here they must be set, with no local default.
services.require(
    env.VARIABLES,
    {
        "SECRET_KEY": "a long random string kept secret",
        "ALLOWED_HOSTS": "the site's host names, comma-separated (www.example.org)",
        "DATABASE_URL": "the database, e.g. postgres://user:pass@host/bpnc",
        "WAGTAILADMIN_BASE_URL": "the site's public address (https://example.org)",
    },
)

DEBUG = False
LOCAL_INSTALL = False
# Connections are kept for a minute: every request would otherwise open one.
DATABASES["default"]["CONN_MAX_AGE"] = env.whole_number("CONN_MAX_AGE", 60)
# Sessions stay in the database (Django's default), so any app server can answer
# any visitor; the cache (Redis when REDIS_URL is set) is in base.py.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# HTTPS: the site sits behind a proxy or load balancer that terminates TLS.
# https://docs.djangoproject.com/en/5.2/ref/settings/#secure-proxy-ssl-header
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
# Every absolute link is made from one public address, never from a request's
# Host header. It must be https: the only exception is a throwaway site served
# over plain http on this machine (tests, the drill, a trial of the compose
# stack), which already turns SECURE_SSL_REDIRECT off, and whose links would
# otherwise point at an https server that does not exist.
WAGTAILADMIN_BASE_URL = services.public_address(
    env.VARIABLES, plain_http=not SECURE_SSL_REDIRECT
)
SECURE_HSTS_SECONDS = env.whole_number("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", False)
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
_media_storage, _media_origins = services.media_storage(env.VARIABLES)
if _media_storage:
    STORAGES = {**STORAGES, "default": _media_storage}
    _directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    CONTENT_SECURITY_POLICY = {
        **CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {
            **_directives,
            "img-src": [*_directives["img-src"], *_media_origins],
        },
    }
    _admin_directives = CONTENT_SECURITY_POLICY_REPORT_ONLY["DIRECTIVES"]
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        **CONTENT_SECURITY_POLICY_REPORT_ONLY,
        "DIRECTIVES": {
            **_admin_directives,
            "img-src": [*_admin_directives["img-src"], *_media_origins],
        },
    }

# Purges reach the app's own page cache (base.py) and the CDN, if one is set.
WAGTAILFRONTENDCACHE = {**WAGTAILFRONTENDCACHE, **services.cdn_purgers(env.VARIABLES)}

LOGGING = json_logging(env.text("LOG_LEVEL", "INFO").upper())
SENTRY_ENABLED = services.start_sentry(env.VARIABLES)
