"""The outside services production uses, each configured from environment variables.

Every function takes the environment as a mapping (tests pass a dict) and returns
settings values; an optional service whose variables are unset is left out.
"""

import sys
from urllib.parse import urlsplit

import sentry_sdk
from django.core.exceptions import ImproperlyConfigured
from sentry_sdk.integrations.django import DjangoIntegration

FRONTEND_CACHE_BACKENDS = "wagtail.contrib.frontend_cache.backends"


class MissingEnvironment(ImproperlyConfigured):
    """A required environment variable is unset (or unusable)."""


def _print_message_only(kind, error, traceback):
    if issubclass(kind, MissingEnvironment):
        sys.stderr.write(f"{error}\n")
    else:
        sys.__excepthook__(kind, error, traceback)


def require(env, variables):
    """The values of {name: what it holds}; stops start-up naming any unset one.

    The message is one line, and a command that dies of it (manage.py, a
    one-off container) prints only that line rather than a traceback.
    """
    missing = [
        f"Set the {name} environment variable to {what}."
        for name, what in variables.items()
        if not env.get(name, "").strip()
    ]
    if missing:
        sys.excepthook = _print_message_only
        raise MissingEnvironment(" ".join(missing))
    return {name: env[name].strip() for name in variables}


def public_address(env, plain_http=False):
    """WAGTAILADMIN_BASE_URL, the one address every absolute link is made from
    (canonical, hreflang, sitemap, admin emails): required, and https unless
    plain_http. Stops start-up with one line otherwise."""
    address = require(
        env,
        {"WAGTAILADMIN_BASE_URL": "the site's public address (https://example.org)"},
    )["WAGTAILADMIN_BASE_URL"].rstrip("/")
    parts = urlsplit(address)
    schemes = ("https", "http") if plain_http else ("https",)
    if parts.scheme not in schemes or not parts.hostname or parts.path:
        sys.excepthook = _print_message_only
        raise MissingEnvironment(
            "Set the WAGTAILADMIN_BASE_URL environment variable to the site's "
            f"public https:// address, such as https://example.org, not {address!r}"
            " (plain http only with SECURE_SSL_REDIRECT=false, for a throwaway "
            "site on this machine)."
        )
    return address


def media_storage(env):
    """Uploaded files on S3-compatible storage when a bucket is named.

    Returns the storage's settings and the origins its files are served from
    (for the Content-Security-Policy), or (None, []) to keep files on disk.
    Credentials come from boto3's usual sources: AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY, or the server's role.
    """
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return None, []
    options = {
        "bucket_name": bucket,
        # Pages are cached whole, so links to files must not expire: the bucket
        # (or the CDN in front of it) lets the public read them.
        "querystring_auth": False,
        "file_overwrite": False,
    }
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
    ]:
        if env.get(name, "").strip():
            options[option] = env[name].strip()
    storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return storage, _media_origins(options)


def _media_origins(options):
    bucket = options["bucket_name"]
    if "custom_domain" in options:
        return [f"https://{options['custom_domain']}"]
    if "endpoint_url" in options:
        endpoint = urlsplit(options["endpoint_url"])
        return [
            f"{endpoint.scheme}://{endpoint.netloc}",
            f"{endpoint.scheme}://{bucket}.{endpoint.netloc}",
        ]
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if "region_name" in options:
        origins.append(f"https://{bucket}.s3.{options['region_name']}.amazonaws.com")
    return origins


def cdn_purgers(env):
    """Wagtail front-end cache backends for the CDN in front of the site, if any.

    https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
    """
    backends = {}
    if env.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", "").strip():
        zone = require(
            env, {"FRONTEND_CACHE_CLOUDFLARE_ZONEID": "the Cloudflare zone's ID"}
        )
        backends["cloudflare"] = {
            "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.CloudflareBackend",
            "BEARER_TOKEN": env["FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"].strip(),
            "ZONEID": zone["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        }
    if env.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "").strip():
        backends["cloudfront"] = {
            "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": env["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"].strip(),
        }
    if env.get("FRONTEND_CACHE_HTTP_LOCATION", "").strip():
        backends["http"] = {
            "BACKEND": f"{FRONTEND_CACHE_BACKENDS}.HTTPBackend",
            "LOCATION": env["FRONTEND_CACHE_HTTP_LOCATION"].strip(),
        }
    return backends


def start_sentry(env):
    """Error reports to Sentry when SENTRY_DSN is set; returns whether it is on."""
    dsn = env.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=env.get("SENTRY_ENVIRONMENT", "production"),
        release=env.get("SENTRY_RELEASE") or None,
        send_default_pii=False,
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
    )
    return True
