"""Production settings: required variables, optional services, deploy checks.

Settings are loaded in a fresh interpreter so nothing leaks into the suite.
"""

import json
import logging
import os
import runpy
import subprocess
import sys

import pytest

from bpnc_site.logs import JsonFormatter, json_logging
from bpnc_site.settings import services
from tests.support.site import PROJECT_DIR

PROJECT = PROJECT_DIR
PRODUCTION = "bpnc_site.settings.production"
REQUIRED = {
    "SECRET_KEY": "a-production-secret-" + "x" * 50,
    "ALLOWED_HOSTS": "bpnc.example.org",
    "DATABASE_URL": "postgres://bpnc@db.internal:5432/bpnc",
    "WAGTAILADMIN_BASE_URL": "https://bpnc.example.org",
}
OPTIONAL = {
    "REDIS_URL": "redis://redis.internal:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "bpnc-media",
    "AWS_S3_CUSTOM_DOMAIN": "media.bpnc.example.org",
    "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "token",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone",
    "SENTRY_DSN": "https://key@sentry.example.org/1",
}

# Most load the settings in a fresh interpreter, the same on any database: CI runs
# them in its SQLite pass only.
pytestmark = pytest.mark.sqlite_pass


def clean_environment(**env):
    """This process's environment without any setting the tests decide."""
    names = {
        *REQUIRED,
        *OPTIONAL,
        "DJANGO_SETTINGS_MODULE",
        "DEBUG",
        "SECURE_SSL_REDIRECT",
    }
    environment = {k: v for k, v in os.environ.items() if k not in names}
    environment.update(env)
    return environment


def run(args, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
    )


def production_value(expression, **env):
    """Print an expression of the production settings (as `s`) and return it."""
    code = f"import json, bpnc_site.settings.production as s\nprint({expression})"
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_settings_load_with_the_three_required_variables():
    assert production_value("s.DEBUG, s.ALLOWED_HOSTS", **REQUIRED) == (
        "False ['bpnc.example.org']"
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_each_missing_variable_stops_start_up_with_one_line(missing):
    env = {name: value for name, value in REQUIRED.items() if name != missing}

    result = run(["manage.py", "check"], DJANGO_SETTINGS_MODULE=PRODUCTION, **env)

    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Set the {missing} environment variable to ")


def test_every_missing_variable_is_named_at_once():
    result = run(["manage.py", "check"], DJANGO_SETTINGS_MODULE=PRODUCTION)

    assert result.returncode != 0
    for name in REQUIRED:
        assert f"Set the {name} environment variable" in result.stderr


@pytest.mark.parametrize(
    "address",
    ["http://bpnc.example.org", "bpnc.example.org", "https://", "https://x.org/bpnc"],
)
def test_the_public_address_must_be_https_and_nothing_more(address):
    env = {**REQUIRED, "WAGTAILADMIN_BASE_URL": address}

    result = run(["manage.py", "check"], DJANGO_SETTINGS_MODULE=PRODUCTION, **env)

    assert result.returncode != 0
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(
        "Set the WAGTAILADMIN_BASE_URL environment variable to the site's public "
        "https:// address"
    )


def test_plain_http_only_for_a_throwaway_site_without_the_https_redirect():
    value = production_value(
        "s.WAGTAILADMIN_BASE_URL",
        **{**REQUIRED, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8103/"},
        SECURE_SSL_REDIRECT="false",
    )

    assert value == "http://127.0.0.1:8103"


def test_deploy_checks_report_nothing_with_every_service_on():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        **REQUIRED,
        **OPTIONAL,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_optional_services_are_off_without_their_variables():
    value = production_value(
        "s.CACHES['default']['BACKEND'], s.STORAGES['default']['BACKEND'],"
        " sorted(s.WAGTAILFRONTENDCACHE), s.SENTRY_ENABLED",
        **REQUIRED,
    )

    assert value == (
        "django.core.cache.backends.locmem.LocMemCache"
        " django.core.files.storage.FileSystemStorage ['pages'] False"
    )


def test_every_service_is_configured_from_its_variables():
    value = production_value(
        "json.dumps([s.CACHES['default'],"
        " s.STORAGES['default'], s.WAGTAILFRONTENDCACHE,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        " s.SENTRY_ENABLED, s.SESSION_ENGINE])",
        **REQUIRED,
        **OPTIONAL,
    )
    cache, storage, purgers, img_src, sentry, sessions = json.loads(value)

    assert cache["BACKEND"] == "bpnc_site.cache.breaker.BreakerRedisCache"
    assert cache["LOCATION"] == OPTIONAL["REDIS_URL"]
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "bpnc-media"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert "https://media.bpnc.example.org" in img_src
    assert sorted(purgers) == ["cloudflare", "pages"]
    assert purgers["cloudflare"]["ZONEID"] == "zone"
    assert sentry is True
    assert sessions == "django.contrib.sessions.backends.db"


def test_sentry_never_sends_personal_data():
    value = production_value(
        "*(__import__('sentry_sdk').get_client().options[name] for name in"
        " ['send_default_pii', 'environment', 'release', 'traces_sample_rate'])",
        **REQUIRED,
        SENTRY_DSN=OPTIONAL["SENTRY_DSN"],
        SENTRY_ENVIRONMENT="staging",
        SENTRY_RELEASE="abc123",
    )

    assert value == "False staging abc123 0.0"


def test_cloudflare_purge_needs_its_zone():
    with pytest.raises(services.MissingEnvironment, match="CLOUDFLARE_ZONEID"):
        services.cdn_purgers({"FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "t"})


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"}, "CloudfrontBackend"),
        ({"FRONTEND_CACHE_HTTP_LOCATION": "http://varnish:6081"}, "HTTPBackend"),
    ],
)
def test_other_cdn_purgers(env, backend):
    (purger,) = services.cdn_purgers(env).values()

    assert purger["BACKEND"].endswith(backend)


def test_media_origins_follow_the_storage_address():
    _, aws = services.media_storage({"AWS_STORAGE_BUCKET_NAME": "b"})
    _, other = services.media_storage(
        {"AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_ENDPOINT_URL": "https://s3.host.net"}
    )

    assert aws == ["https://b.s3.amazonaws.com"]
    assert other == ["https://s3.host.net", "https://b.s3.host.net"]
    assert services.media_storage({}) == (None, [])


def test_production_logs_are_json_lines_with_request_details(rf):
    formatter = JsonFormatter()
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/x",), None
    )
    record.request = rf.get("/en/missing/")
    record.status_code = 404

    line = json.loads(formatter.format(record))

    assert line["level"] == "WARNING"
    assert line["logger"] == "django.request"
    assert line["message"] == "Not Found: /x"
    assert line["path"] == "/en/missing/"
    assert line["status_code"] == 404
    assert "time" in line


def test_logging_goes_to_stdout_through_the_json_formatter():
    config = json_logging("INFO")

    assert config["handlers"]["stdout"]["stream"] == "ext://sys.stdout"
    assert config["formatters"]["json"]["()"] == "bpnc_site.logs.JsonFormatter"
    assert config["loggers"]["django"]["handlers"] == ["stdout"]


def test_gunicorn_logs_through_the_same_json_configuration():
    gunicorn = runpy.run_path(str(PROJECT / "bpnc_site" / "gunicorn.conf.py"))
    config = gunicorn["logconfig_dict"]

    assert config["formatters"] == json_logging("INFO")["formatters"]
    for name in ("gunicorn.error", "gunicorn.access"):
        assert config["loggers"][name]["handlers"] == ["stdout"]
        assert config["loggers"][name]["propagate"] is False
