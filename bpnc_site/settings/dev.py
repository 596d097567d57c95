"""Local development and the embedded `make run` install: nothing but Python needed."""

from . import env
from .base import *  # noqa: F403

DEBUG = env.flag("DEBUG", True)
# A developer changing a template sees the change at once (make dev); make run,
# with DEBUG off, stores page parts as the production site does.
PAGE_FRAGMENT_CACHE_ENABLED = env.flag("PAGE_FRAGMENT_CACHE_ENABLED", not DEBUG)
# Only ever used on a developer's machine; production.py requires a real one.
SECRET_KEY = SECRET_KEY or "local-only-insecure-key-never-used-in-production"  # noqa: F405
SERVE_MEDIA = True
LOCAL_INSTALL = True
