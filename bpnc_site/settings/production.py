"""Production: every secret and host from the environment, no defaults for them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required(name, what):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable to {what}.")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY", "a long random string kept secret")
ALLOWED_HOSTS = required(
    "ALLOWED_HOSTS", "the site's host names, comma-separated (www.example.org)"
).split(",")
ALLOWED_HOSTS = [host.strip() for host in ALLOWED_HOSTS if host.strip()]
