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
from django.conf import settings

from bpnc_site.http.media import PRIVATE_FOLDERS
from tests.support.site import PROJECT_DIR, free_port

PROJECT = PROJECT_DIR
LONG_RUNNING = ["db", "redis", "web", "proxy"]
PROXY = PROJECT / "bpnc_site" / "proxy"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


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


def test_the_stack_has_database_cache_migrations_site_and_proxy(services):
    assert {"db", "redis", "migrate", "web", "proxy"} <= set(services)
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    # The official image; 1.27.3 or later re-resolves "web" (the resolve parameter).
    assert re.fullmatch(r"nginx:1\.(2[89]|[3-9]\d)-alpine", services["proxy"]["image"])


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_every_long_running_service_has_a_healthcheck(services, name):
    assert services[name]["healthcheck"]["test"]


def test_database_and_site_health_checks_ask_the_right_thing(services):
    assert "pg_isready" in services["db"]["healthcheck"]["test"]
    assert "ping" in services["redis"]["healthcheck"]["test"]
    # Readiness ("can serve the public"), not the database's own check.
    assert '/healthz"' in " ".join(services["web"]["healthcheck"]["test"])


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


def test_only_the_proxy_publishes_a_port(services):
    published = sorted(name for name, service in services.items() if "ports" in service)

    assert published == ["proxy"]
    assert [compose_value(mapping, {}) for mapping in services["proxy"]["ports"]] == [
        "80:80",
        "443:443",
    ]
    assert "expose" not in services["web"]


def test_app_servers_are_reachable_only_through_the_proxy(compose, services):
    networks = compose["networks"]
    web = set(services["web"]["networks"])
    shared = web & set(services["proxy"]["networks"])

    # The proxy reaches the app servers on networks nothing leaves or enters…
    assert shared
    assert all(networks[name].get("internal") for name in shared)
    for name in web - shared:
        # …and no network the app servers are on has a published port on it.
        members = [s for s, service in services.items() if name in service["networks"]]
        assert all("ports" not in services[member] for member in members), name
    # PostgreSQL and Redis are on an internal network only.
    for name in ["db", "redis"]:
        assert all(networks[n].get("internal") for n in services[name]["networks"])


def test_the_proxy_is_the_one_proxy_the_app_servers_trust(services):
    environment = services["web"]["environment"]
    locations = (PROXY / "locations.conf").read_text()

    assert compose_value(environment["TRUSTED_PROXY_COUNT"], {}) == "1"
    # It appends the address it saw: the last entry, the one the app reads.
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in locations
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in locations
    assert "proxy_set_header Host $http_host;" in locations


@pytest.mark.sqlite_pass
def test_the_proxy_forwards_to_the_port_gunicorn_listens_on(services):
    env = {"PORT": str(free_port())}
    port = compose_value(services["web"]["environment"]["PORT"], env)
    proxy = services["proxy"]
    template = proxy_file(proxy, "/etc/nginx/templates/default.conf.template")
    filled = envsubst(template.read_text(), proxy["environment"], env)

    assert gunicorn_settings(PORT=port)["bind"] == f"0.0.0.0:{port}"
    assert f"server web:{port} resolve;" in filled
    # nginx's own variables are left for nginx.
    assert "$proxy_add_x_forwarded_for" in envsubst(
        proxy_file(proxy, "/etc/nginx/bpnc/locations.conf").read_text(),
        proxy["environment"],
        env,
    )
    assert "include /etc/nginx/bpnc/locations.conf;" in filled


@pytest.mark.sqlite_pass
def test_the_site_is_health_checked_where_gunicorn_listens(services):
    env = {"PORT": str(free_port())}
    port = compose_value(services["web"]["environment"]["PORT"], env)

    assert answers_health_check(services["web"]["healthcheck"]["test"], port)
    assert "http://127.0.0.1/healthz" in services["proxy"]["healthcheck"]["test"]


def test_the_proxy_never_serves_originals_documents_or_share_cards(services):
    proxy = services["proxy"]
    locations = proxy_file(proxy, "/etc/nginx/bpnc/locations.conf").read_text()
    refused = re.findall(r"location \^~ /media/(\S+) \{ return 404; \}", locations)

    assert sorted(refused) == sorted(PRIVATE_FOLDERS)
    assert "media:/srv/media:ro" in proxy["volumes"]
    assert re.search(r"location /media/ \{\s*alias /srv/media/;", locations)
    # The app does not serve media itself behind the proxy.
    assert "SERVE_MEDIA" not in services["web"].get("environment", {})


def test_the_proxy_lets_the_largest_upload_through():
    locations = (PROXY / "locations.conf").read_text()
    (size,) = re.findall(r"client_max_body_size (\d+)m;", locations)

    assert int(size) * 1024 * 1024 > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert int(size) * 1024 * 1024 > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


@pytest.mark.parametrize("name", ["web", "proxy"])
def test_servers_are_given_longer_to_stop_than_gunicorn_takes_to_drain(services, name):
    grace = seconds(services[name]["stop_grace_period"])

    assert grace > gunicorn_settings()["graceful_timeout"]
    assert grace > 30  # the README's advice


def seconds(duration):
    match = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", duration)
    assert match and duration, duration
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def proxy_file(proxy, target):
    """The file in the repository mounted at target in the proxy container."""
    (source,) = [
        volume.split(":")[0]
        for volume in proxy["volumes"]
        if volume.split(":")[1] == target
    ]
    path = PROJECT / source
    assert path.is_file(), source
    return path


def envsubst(text, environment, env):
    """What the nginx image's entrypoint makes of a template: only the variables
    NGINX_ENVSUBST_FILTER lets through are filled."""
    pattern = compose_value(environment["NGINX_ENVSUBST_FILTER"], env).replace(
        "$$", "$"
    )
    values = {
        name: compose_value(value, env)
        for name, value in environment.items()
        if re.search(pattern, name)
    }
    return re.sub(
        r"\$\{(\w+)\}|\$(\w+)",
        lambda m: values.get(m.group(1) or m.group(2), m.group(0)),
        text,
    )


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


def test_certificates_never_go_into_the_repository_or_the_image():
    assert "/tls/" in (PROJECT / ".gitignore").read_text().split()
    assert "tls" in (PROJECT / ".dockerignore").read_text().split()


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


def test_a_worker_retries_the_emails_waiting_in_the_outbox(services):
    worker = services["worker"]
    assert worker["command"] == ["python", "manage.py", "send_queued_email", "--loop"]
    assert worker["restart"] == "unless-stopped"
    assert "ports" not in worker
    assert worker["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_make_run_serves_with_the_images_gunicorn_settings():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "--config bpnc_site/gunicorn.conf.py" in recipe
    assert "--bind 127.0.0.1:$(PORT)" in recipe
