"""The one module that reads the environment; every setting that can change
between installs comes through here (django-environ).

https://django-environ.readthedocs.io/en/latest/types.html
"""

import environ

ENV = environ.Env()
# The variables as a mapping, for the services that take one (services.py).
VARIABLES = ENV.ENVIRON


def text(name, default=""):
    return ENV.str(name, default=default).strip()


def flag(name, default=False):
    return ENV.bool(name, default=default)


def whole_number(name, default):
    return ENV.int(name, default=default)


def decimal(name, default):
    return ENV.float(name, default=default)


def names(name, default=""):
    """A comma-separated variable as a list, blanks dropped."""
    value = ENV.str(name, default=default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database(default_url, conn_max_age):
    """DATABASE_URL (or default_url) as Django database settings, with persistent
    connections health-checked before reuse."""
    config = ENV.db_url("DATABASE_URL", default=default_url)
    config["CONN_MAX_AGE"] = whole_number("CONN_MAX_AGE", conn_max_age)
    config["CONN_HEALTH_CHECKS"] = True
    return config


def email(default_url):
    """EMAIL_URL (or default_url) as Django's email settings: smtp+tls://user:
    password@host:587 in production, consolemail:// to print emails."""
    return ENV.email_url("EMAIL_URL", default=default_url)
