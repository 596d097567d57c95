"""Production: every secret and host from the environment, no defaults for them."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list


def required(name, what):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to {what}.")
    return value


DEBUG = False
LOCAL_INSTALL = False
SECRET_KEY = required("SECRET_KEY", "a long random string kept secret")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    required(
        "ALLOWED_HOSTS", "the site's host names, comma-separated (www.example.org)"
    ),
)
DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL", "the database, e.g. postgres://user:pass@host/bpnc"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

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
