"""The bench's throwaway site: a temp folder, its database and its settings."""

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parents[1]
BENCH_DATABASE = "bpnc_bench"
BENCH_NAME = sql.Identifier(BENCH_DATABASE)
COMMAND_TIMEOUT = 300  # seconds, for each management command
# Kept from the servers: optional services, which would make the bench depend on
# something outside it, and extra gunicorn options, which would change what is measured.
LEFT_OUT = ("REDIS_URL", "SENTRY_DSN", "AWS_STORAGE_BUCKET_NAME", "GUNICORN_CMD_ARGS")
LEFT_OUT_PREFIXES = ("FRONTEND_CACHE_",)


class BenchError(Exception):
    """Something stopped the bench; the message says what."""


def warn(message):
    sys.stderr.write(f"warning: {message}\n")


@contextmanager
def temporary_folder():
    folder = Path(tempfile.mkdtemp(prefix="bpnc-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def bench_database(folder):
    """A SQLite file in the folder, or a fresh database beside the caller's one."""
    caller_url = os.environ.get("DATABASE_URL", "").strip()
    if not caller_url:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
    elif urlsplit(caller_url).scheme in ("postgres", "postgresql", "pgsql"):
        with fresh_postgres_database(caller_url) as url:
            yield url
    else:
        warn(f"loading the site's content into DATABASE_URL ({caller_url})")
        yield caller_url


@contextmanager
def fresh_postgres_database(caller_url):
    parts = urlsplit(caller_url)
    if parts.path.strip("/") == BENCH_DATABASE:
        raise BenchError(f"DATABASE_URL names {BENCH_DATABASE}, which the bench drops")
    with _server_connection(parts) as server:
        if not _recreate(server):
            yield caller_url
            return
        try:
            yield urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
        finally:
            _drop(server)


def _server_connection(parts):
    """A connection to the caller's database, or to the server's maintenance one
    when the caller's does not exist yet."""
    parts = parts._replace(scheme="postgresql")
    last_error = None
    for database in (parts.path, "/postgres"):
        url = urlunsplit(parts._replace(path=database))
        try:
            return psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as error:
            last_error = error
    raise BenchError(f"Could not connect to DATABASE_URL's server: {last_error}")


def _recreate(server):
    """Whether the bench database could be made afresh."""
    try:
        _drop(server)  # left over from an interrupted run
        server.execute(sql.SQL("CREATE DATABASE {}").format(BENCH_NAME))
    except psycopg.errors.InsufficientPrivilege as error:
        warn(
            f"could not create the database {BENCH_DATABASE} ({error}); "
            "loading the site's content into DATABASE_URL's own database instead"
        )
        return False
    return True


def _drop(server):
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
    server.execute(drop.format(BENCH_NAME))


def site_environment(folder, database_url):
    """Production settings, served over plain HTTP on loopback."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(LEFT_OUT + LEFT_OUT_PREFIXES)
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bpnc_site.settings.production",
        SECRET_KEY="bench-only-secret-key-9b1f3c7e5a2d4f6081c3e5a7b9d1f2e4",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        DEBUG="false",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        PAGE_CACHE_PURGE_LOG=str(folder / "page-cache-purges.log"),
        PAGE_CACHE_ENABLED="true",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def build_site(env):
    """The commands the browser tests' site is built with, under these settings."""
    # Static files do not need the database: collect them while it is built.
    collecting = Command(env, "collectstatic", "--noinput", "-v0")
    try:
        Command(env, "migrate", "--noinput", "-v0").finish()
        Command(env, "load_site_content").finish()
    finally:
        collecting.finish()


class Command:
    """A management command running in the background."""

    def __init__(self, env, *args):
        self.name = " ".join(("manage.py", *args))
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def finish(self):
        try:
            output, _ = self.process.communicate(timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise BenchError(f"`{self.name}` took over {COMMAND_TIMEOUT} s") from None
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        if self.process.returncode != 0:
            raise BenchError(
                f"`{self.name}` failed ({self.process.returncode}):\n{output}"
            )
