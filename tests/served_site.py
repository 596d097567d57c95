"""A throwaway copy of the site, built and served as visitors see it.

The site is built from scratch in a temporary folder (its own database, static and
media folders) with the same management commands ``make run`` uses, and served by
gunicorn with DEBUG off, whitenoise serving the collected static files. The browser
tests, the concurrent sign-up test and ``make loadtest`` all use it; none of them can
use pytest-django's database, whose data sits in transactions a server cannot see.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parents[1]
SERVER_START_TIMEOUT = 60  # seconds
COMMAND_TIMEOUT = 300  # seconds, for each management command
# Optional services a throwaway site must not share with a real one.
LEFT_OUT = ("REDIS_URL", "SENTRY_DSN", "AWS_STORAGE_BUCKET_NAME")


class SiteError(RuntimeError):
    """The throwaway site could not be built or served."""


def site_environment(tmp, database_url=None, **overrides):
    """Environment variables for a site living in the folder tmp.

    Its database is a SQLite file in tmp unless database_url names another.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in LEFT_OUT and not name.startswith("FRONTEND_CACHE_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bpnc_site.settings.dev",
        DEBUG="false",
        DATABASE_URL=database_url or f"sqlite:///{tmp / 'site.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        # Not the project's own log, which `make run` and other sites read.
        PAGE_CACHE_PURGE_LOG=str(tmp / "page-cache-purges.log"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SIGNUP_RATE_LIMIT="1000/m",
        PYTHONUNBUFFERED="1",
    )
    env.update(overrides)
    return env


def start_command(env, *args):
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def finish_command(process, *args):
    """Wait for a command; its output, or SiteError if it failed."""
    try:
        output, _ = process.communicate(timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        raise SiteError(
            f"`{' '.join(args)}` took over {COMMAND_TIMEOUT} s:\n{output}"
        ) from None
    if process.returncode != 0:
        raise SiteError(f"`{' '.join(args)}` failed ({process.returncode}):\n{output}")
    return output


def run_command(env, *args):
    return finish_command(start_command(env, *args), *args)


def build_site(env, roles=False):
    """Migrate and load the seed content; collect static files meanwhile."""
    collectstatic = ("manage.py", "collectstatic", "--noinput", "-v0")
    collecting = start_command(env, *collectstatic)
    try:
        run_command(env, "manage.py", "migrate", "--noinput", "-v0")
        run_command(env, "manage.py", "load_site_content")
        if roles:
            run_command(env, "manage.py", "setup_roles")
    finally:
        finish_command(collecting, *collectstatic)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteServer:
    """gunicorn serving the site on a free loopback port until stop()."""

    def __init__(self, env, tmp, workers=2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tmp) / "gunicorn.log"
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "bpnc_site.wsgi",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    str(workers),
                    # The default control socket is one path per user, shared by
                    # every gunicorn on the machine.
                    "--no-control-socket",
                ],
                cwd=PROJECT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self.wait_until_serving(f"{self.url}/en/")
        except BaseException:
            self.stop()
            raise

    def log(self):
        return self.log_path.read_text(errors="replace")

    def wait_until_serving(self, url):
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        last_error = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SiteError(
                    f"gunicorn exited ({self.process.returncode}) before serving:\n"
                    f"{self.log()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError) as error:
                last_error = error
            time.sleep(0.25)
        raise SiteError(
            f"The site did not answer {url} within {SERVER_START_TIMEOUT} s "
            f"({last_error}):\n{self.log()}"
        )

    def stop(self):
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def postgres_url(settings_dict, name=None):
    """A postgres:// URL for Django database settings, optionally another database."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{name or settings_dict['NAME']}"


@contextmanager
def postgres_database(server_url, prefix="bpnc_throwaway"):
    """A new empty database on the server of server_url, dropped afterwards.

    Yields its URL. server_url's own database must exist: it is where the new
    one is created from.
    """
    name = f"{prefix}_{secrets.token_hex(4)}"
    parts = urlsplit(server_url)
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
