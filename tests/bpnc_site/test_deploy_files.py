"""The container stack, checked by reading it: docker-compose.yml, the Dockerfile
and gunicorn's settings."""

import os
import re
import runpy
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from unittest import mock
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.site import PROJECT_DIR, free_port

PROJECT = PROJECT_DIR
LONG_RUNNING = ["db", "redis", "web"]


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())["services"]


@pytest.fixture(scope="module")
def dockerfile():
    text = (PROJECT / "Dockerfile").read_text()
    # One instruction per line: join continuations, drop comments.
    text = re.sub(r"\\\n\s*", " ", text)
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def interpolated(value):
    """A compose value as the container sees it, with ${...} variables filled."""
    return re.sub(r"\$\{[^}]*\}", "filled", value)


def instructions(dockerfile, name):
    return [line for line in dockerfile if line.split()[0] == name]


def test_the_stack_has_database_cache_migrations_and_site(services):
    assert {"db", "redis", "migrate", "web"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_every_long_running_service_has_a_healthcheck(services, name):
    assert services[name]["healthcheck"]["test"]


def test_database_and_site_health_checks_ask_the_right_thing(services):
    assert "pg_isready" in services["db"]["healthcheck"]["test"]
    assert "ping" in services["redis"]["healthcheck"]["test"]
    assert "/healthz" in " ".join(services["web"]["healthcheck"]["test"])


def test_site_starts_once_database_and_cache_are_healthy_and_migrated(services):
    depends = services["web"]["depends_on"]

    assert depends["db"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_migrations_content_and_roles_run_as_their_own_step(services):
    command = " ".join(services["migrate"]["command"])

    # setup_site migrates, loads the first content, then sets up the roles.
    assert command == "python manage.py setup_site"
    assert services["migrate"]["restart"] == "no"
    assert "migrate" not in str(services["web"].get("command", ""))


def test_the_one_off_step_is_not_health_checked_as_a_web_server(services):
    assert services["migrate"]["healthcheck"] == {"disable": True}


def test_site_gets_its_settings_from_the_environment(services):
    environment = services["web"]["environment"]

    for name in ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"]:
        assert environment[name], name
    assert environment["DJANGO_SETTINGS_MODULE"] == "bpnc_site.settings.production"
    assert urlsplit(interpolated(environment["DATABASE_URL"])).hostname == "db"
    assert urlsplit(interpolated(environment["REDIS_URL"])).hostname == "redis"


def test_secrets_have_no_default_in_the_compose_file(services):
    environment = services["web"]["environment"]

    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]*\}", environment["SECRET_KEY"])
    assert ":?" in environment["DATABASE_URL"]


def test_the_public_address_is_required_and_the_proxy_counted(services):
    environment = services["web"]["environment"]

    assert re.fullmatch(
        r"\$\{WAGTAILADMIN_BASE_URL:\?[^}]*\}", environment["WAGTAILADMIN_BASE_URL"]
    )
    # Behind the documented proxy; without it every visitor shares one allowance.
    assert compose_value(environment["TRUSTED_PROXY_COUNT"], {}) == "1"
    assert (
        compose_value(environment["TRUSTED_PROXY_COUNT"], {"TRUSTED_PROXY_COUNT": "2"})
        == "2"
    )


@pytest.mark.sqlite_pass
def test_the_port_is_published_and_checked_where_gunicorn_listens(services):
    env = {"PORT": str(free_port()), "WEB_PORT": "8080"}
    web = services["web"]
    port = compose_value(web["environment"]["PORT"], env)

    assert gunicorn_settings(PORT=port)["bind"] == f"0.0.0.0:{port}"
    assert [compose_value(mapping, env) for mapping in web["ports"]] == [f"8080:{port}"]
    assert answers_health_check(web["healthcheck"]["test"], port)


def compose_value(value, env):
    """A compose value after interpolation from env (.env or the shell)."""

    def fill(match):
        name, operator, default = match.groups()
        if env.get(name):
            return env[name]
        assert operator != ":?", f"{name} is required"
        return default or ""

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", fill, value)


def answers_health_check(test, port):
    """Whether the health check command succeeds inside a container whose PORT
    is port, against a server that answers /healthz there."""

    class Healthy(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/healthz" else 404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", int(port)), Healthy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        kind, program, *args = test
        assert (kind, program) == ("CMD", "python")
        result = subprocess.run(
            [sys.executable, *args], env={**os.environ, "PORT": port}, timeout=10
        )
    finally:
        server.shutdown()
        server.server_close()
    return result.returncode == 0


def test_data_and_media_live_on_volumes(services):
    assert any("/var/lib/postgresql/data" in v for v in services["db"]["volumes"])
    assert any(v.endswith(":/app/media") for v in services["web"]["volumes"])


def test_image_is_slim_python_installed_from_the_lock(dockerfile):
    (base,) = instructions(dockerfile, "FROM")
    install = " ".join(instructions(dockerfile, "RUN"))

    assert re.fullmatch(r"FROM python:3\.1\d-slim", base)
    assert "uv sync --frozen --no-dev" in install


def test_image_runs_as_a_user_it_creates(dockerfile):
    run = " ".join(instructions(dockerfile, "RUN"))
    users = instructions(dockerfile, "USER")

    assert "useradd" in run
    assert users and users[-1].split()[1] not in {"root", "0"}
    # The user is switched to after everything that needs root.
    assert dockerfile.index(users[-1]) > dockerfile.index(
        instructions(dockerfile, "RUN")[-1]
    )


def test_static_files_are_collected_at_build_but_not_migrations(dockerfile):
    run = " ".join(instructions(dockerfile, "RUN"))

    assert "manage.py collectstatic" in run
    assert "manage.py migrate" not in run
    assert "migrate" not in " ".join(instructions(dockerfile, "CMD"))


@pytest.mark.sqlite_pass
def test_the_image_collects_static_files_with_production_settings_loadable(
    dockerfile,
):
    (collect,) = [line for line in dockerfile if "collectstatic" in line]
    build_env = dict(re.findall(r"(\w+)=(\S+)", collect.split("python manage.py")[0]))
    code = "import bpnc_site.settings.production as s; print(s.STATIC_ROOT)"

    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **build_env},
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr


def test_image_checks_its_own_health_and_starts_gunicorn(dockerfile):
    (healthcheck,) = instructions(dockerfile, "HEALTHCHECK")
    (command,) = instructions(dockerfile, "CMD")

    assert "/healthz" in healthcheck
    assert "gunicorn" in command
    assert "bpnc_site/gunicorn.conf.py" in command


def gunicorn_settings(**env):
    with mock.patch.dict(os.environ, env):
        return runpy.run_path(str(PROJECT / "bpnc_site" / "gunicorn.conf.py"))


def test_gunicorn_reads_workers_and_timeouts_from_the_environment():
    config = gunicorn_settings(
        PORT="9000",
        WEB_CONCURRENCY="3",
        GUNICORN_TIMEOUT="60",
        GUNICORN_GRACEFUL_TIMEOUT="20",
        GUNICORN_KEEPALIVE="2",
        GUNICORN_MAX_REQUESTS="500",
        GUNICORN_MAX_REQUESTS_JITTER="50",
    )

    assert config["bind"] == "0.0.0.0:9000"
    assert config["workers"] == 3
    assert config["timeout"] == 60
    assert config["graceful_timeout"] == 20
    assert config["keepalive"] == 2
    assert config["max_requests"] == 500
    assert config["max_requests_jitter"] == 50


def test_gunicorn_defaults_suit_a_small_server():
    names = ["PORT", "WEB_CONCURRENCY", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS"]
    with mock.patch.dict(os.environ):
        for name in names:
            os.environ.pop(name, None)
        config = gunicorn_settings()

    assert config["bind"] == "0.0.0.0:8000"
    assert 1 <= config["workers"] <= 8
    assert config["timeout"] == 30
    assert config["max_requests"] > 0
    assert config["accesslog"] == "-"


def make_dry_run(*args):
    return subprocess.run(
        ["make", "-n", *args], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout


def test_make_run_builds_and_serves_the_site_at_the_port_it_is_given():
    commands = make_dry_run("run", "PORT=8103").replace("\\\n", " ")
    setup = next(line for line in commands.splitlines() if "setup_site" in line)
    serve = next(line for line in commands.splitlines() if "gunicorn" in line)

    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8103" in setup
    assert "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8103" in serve
    assert "--bind 127.0.0.1:8103" in serve
    assert "8000" not in setup + serve
