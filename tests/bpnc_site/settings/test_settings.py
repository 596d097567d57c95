"""Settings come from the environment, with safe local defaults."""

import os
import subprocess
import sys

import pytest

from tests.support.site import PROJECT_DIR

PROJECT = PROJECT_DIR


LEFT_TO_THE_TEST = {
    "DATABASE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "WAGTAILADMIN_BASE_URL",
    "SECURE_SSL_REDIRECT",
}

# Each loads the settings in a fresh interpreter, the same on any database: CI runs
# them in its SQLite pass only.
pytestmark = pytest.mark.sqlite_pass


def settings_value(module, expression, **env):
    """Evaluate an expression against a settings module in a clean interpreter."""
    environment = {
        key: value for key, value in os.environ.items() if key not in LEFT_TO_THE_TEST
    }
    environment.update(env)
    code = f"import bpnc_site.settings.{module} as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_database_defaults_to_a_sqlite_file_in_the_project():
    result = settings_value(
        "dev", "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']"
    )

    assert "sqlite3" in result.stdout
    assert str(PROJECT / "db.sqlite3") in result.stdout


def test_database_url_points_at_postgresql():
    result = settings_value(
        "dev",
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://bpnc@db.internal:5432/bpnc_site",
    )

    assert "postgresql" in result.stdout
    assert "bpnc_site" in result.stdout


def test_debug_can_be_switched_off_for_the_local_install():
    assert settings_value("dev", "s.DEBUG", DEBUG="false").stdout.strip() == "False"
    assert settings_value("dev", "s.DEBUG").stdout.strip() == "True"


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value(
        "production", "s.DEBUG", ALLOWED_HOSTS="example.org", DATABASE_URL="sqlite://"
    )

    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_takes_hosts_from_the_environment():
    result = settings_value(
        "production",
        "s.ALLOWED_HOSTS, s.DEBUG",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="bpnc.org, www.bpnc.org",
        DATABASE_URL="sqlite://",
        WAGTAILADMIN_BASE_URL="https://bpnc.org",
    )

    assert result.stdout.strip() == "['bpnc.org', 'www.bpnc.org'] False"


def test_production_refuses_to_start_without_a_database_url():
    result = settings_value(
        "production", "s.DEBUG", SECRET_KEY="x" * 50, ALLOWED_HOSTS="bpnc.org"
    )

    assert result.returncode != 0
    assert "Set the DATABASE_URL environment variable" in result.stderr


def test_deploy_checks_report_nothing():
    environment = {
        key: value for key, value in os.environ.items() if key not in LEFT_TO_THE_TEST
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="bpnc_site.settings.production",
        SECRET_KEY="a-production-secret-" + "x" * 50,
        ALLOWED_HOSTS="bpnc.example.org",
        DATABASE_URL="postgres://bpnc@db.internal:5432/bpnc",
        WAGTAILADMIN_BASE_URL="https://bpnc.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
