"""A throwaway copy of the site, built and served as visitors see it.

The site is built from scratch in a folder of its own (its own database, static and
media folders) with the same management commands ``make run`` uses, and served by
gunicorn with DEBUG off, whitenoise serving the collected static files. The browser
tests, the concurrency and recovery tests, the restore drill, ``make bench`` and
``make loadtest`` all use it: none of them can use pytest-django's database, whose
data sits in transactions a server cannot see.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.parse import quote, urlsplit

import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT = int(os.environ.get("SITE_START_TIMEOUT") or 300)  # seconds
SERVER_STOP_TIMEOUT = 15  # seconds
# Seconds for each management command: generous, since a busy machine is slow,
# not broken (SITE_COMMAND_TIMEOUT to change it).
COMMAND_TIMEOUT = int(os.environ.get("SITE_COMMAND_TIMEOUT") or 1800)
# Kept from a throwaway site: services a real site uses, which it must not share,
# and extra gunicorn options, which would change what is served and measured.
LEFT_OUT = ("REDIS_URL", "SENTRY_DSN", "AWS_STORAGE_BUCKET_NAME", "GUNICORN_CMD_ARGS")
LEFT_OUT_PREFIXES = ("FRONTEND_CACHE_",)
POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")


class SiteError(RuntimeError):
    """The throwaway site could not be built or served; the message says why."""


def site_environment(folder, database_url=None, production=False, **overrides):
    """Environment variables for a site living in folder.

    The local settings by default, or the production ones (plain HTTP on
    loopback). Its database is a SQLite file in folder unless database_url names
    another.
    """
    folder = Path(folder)
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in LEFT_OUT and not name.startswith(LEFT_OUT_PREFIXES)
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bpnc_site.settings.dev",
        DEBUG="false",
        DATABASE_URL=database_url or f"sqlite:///{folder / 'site.sqlite3'}",
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
        # Not the project's own log, which `make run` and other sites read.
        PAGE_CACHE_PURGE_LOG=str(folder / "page-cache-purges.log"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SIGNUP_RATE_LIMIT="1000/m",
        PYTHONUNBUFFERED="1",
    )
    if production:
        env.update(
            DJANGO_SETTINGS_MODULE="bpnc_site.settings.production",
            SECRET_KEY=secrets.token_urlsafe(40),
            # Plain HTTP on loopback: the one case production accepts an http://
            # public address. The port is chosen only when the site is served, so
            # a caller whose checks read absolute links passes its own address.
            SECURE_SSL_REDIRECT="false",
            WAGTAILADMIN_BASE_URL="http://127.0.0.1",
        )
    env.update(overrides)
    return env


class Command:
    """A management command running in the background until finish()."""

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
        """Wait for the command; its output, or SiteError if it failed."""
        try:
            output, _ = self.process.communicate(timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            output, _ = self.process.communicate()
            raise SiteError(
                f"`{self.name}` took over {COMMAND_TIMEOUT} s:\n{output}"
            ) from None
        if self.process.returncode != 0:
            raise SiteError(
                f"`{self.name}` failed ({self.process.returncode}):\n{output}"
            )
        return output


def run_command(env, *args):
    """Run ``manage.py *args`` to the end; its output."""
    return Command(env, *args).finish()


def build_site(env, roles=False):
    """Migrate and load the seed content (and the roles); collect static files
    meanwhile, since that needs no database."""
    collecting = Command(env, "collectstatic", "--noinput", "-v0")
    try:
        run_command(env, "migrate", "--noinput", "-v0")
        run_command(env, "load_site_content")
        if roles:
            run_command(env, "setup_roles")
    finally:
        collecting.finish()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteServer:
    """gunicorn serving a WSGI app on a free loopback port until stop().

    Its own process group: Ctrl-C reaches only the caller, which stops the
    server itself, and no worker outlives it.
    """

    def __init__(
        self,
        env,
        log_path,
        app="bpnc_site.wsgi",
        workers=2,
        ready_path="/en/",
        port=None,
    ):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path)
        command = [
            *(sys.executable, "-m", "gunicorn", app),
            *("--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)),
            *("--worker-class", "sync"),
            # The default control socket is one path per user, shared by every
            # gunicorn on the machine.
            "--no-control-socket",
        ]
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self.wait_until_serving(self.url + ready_path)
        except BaseException:
            self.stop()
            raise

    def log(self, characters=3000):
        text = self.log_path.read_text(errors="replace")
        return text if len(text) <= characters else "..." + text[-characters:]

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
                with urllib.request.urlopen(url, timeout=5):
                    return
            except urllib.error.HTTPError as error:
                raise SiteError(f"{url} answered {error.code}:\n{self.log()}") from None
            except (urllib.error.URLError, OSError) as error:
                last_error = error
            time.sleep(0.25)
        raise SiteError(
            f"{url} did not answer within {SERVER_START_TIMEOUT} s ({last_error}):\n"
            f"{self.log()}"
        )

    def stop(self):
        """Stop the server and every worker; Ctrl-C and alarms wait until done."""
        held = {signal.SIGINT, signal.SIGTERM, signal.SIGALRM}
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            self._stop()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)

    def _stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # any worker left behind
        except ProcessLookupError:
            pass
        self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


class BackgroundProcess:
    """A command started now and waited for later, from the project folder. Its
    output goes to a file, so it never stalls on a pipe that nobody reads yet."""

    def __init__(self, args, env, output_path):
        self.started = time.monotonic()
        self.output_path = Path(output_path)
        with self.output_path.open("w") as output:
            self.process = subprocess.Popen(
                args,
                cwd=PROJECT_DIR,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )

    def output(self):
        return self.output_path.read_text(errors="replace")

    def finish(self, timeout):
        """(exit code, output) once it ends, at most timeout seconds after its
        start; on the timeout, stop() and subprocess.TimeoutExpired."""
        remaining = max(timeout - (time.monotonic() - self.started), 1)
        try:
            self.process.wait(timeout=remaining)
        except subprocess.TimeoutExpired:
            self.stop()
            raise
        return self.process.returncode, self.output()

    def stop(self, grace=60):
        """SIGTERM, then SIGKILL if it is still running after grace seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class ServedSite:
    """A throwaway site built in folder and served by gunicorn until stop().

    Shared by the tests that need a served site: built once, it can be changed in
    other processes (run()), then served again with empty page caches at the same
    address (restart()), since each gunicorn worker keeps its own.
    """

    def __init__(self, folder, workers=2, roles=False, demo_users=False, **env):
        self.folder = Path(folder)
        self.workers = workers
        self.env = site_environment(self.folder, **env)
        build_site(self.env, roles=roles)
        if demo_users:
            self.run("create_demo_users")
        self.server = self._serve()

    @property
    def url(self):
        return self.server.url

    def run(self, *args):
        """Run ``manage.py *args`` on the site's database; its output."""
        return run_command(self.env, *args)

    def restart(self):
        """Serve the site again, at the same address, with empty page caches."""
        port = self.server.port
        self.server.stop()
        self.server = self._serve(port)

    def stop(self):
        self.server.stop()

    def _serve(self, port=None):
        return SiteServer(
            self.env, self.folder / "gunicorn.log", workers=self.workers, port=port
        )

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

    Yields its URL. It is created from server_url's own database, or from the
    server's maintenance database when that one does not exist yet.
    """
    name = f"{prefix}_{secrets.token_hex(4)}"
    parts = urlsplit(server_url)._replace(scheme="postgresql")
    with _server_connection(parts) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with _server_connection(parts) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )


def _server_connection(parts):
    last_error = None
    for database in (parts.path, "/postgres"):
        try:
            return psycopg.connect(
                parts._replace(path=database).geturl(),
                autocommit=True,
                connect_timeout=10,
            )
        except psycopg.OperationalError as error:
            last_error = error
    raise SiteError(f"Could not connect to the PostgreSQL server: {last_error}")


def throwaway_database(folder, prefix="bpnc_throwaway"):
    """A context giving the URL of a new, empty database for a throwaway site: a
    new database on the PostgreSQL server DATABASE_URL names (which is itself left
    alone), otherwise a SQLite file in folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if urlsplit(url).scheme in POSTGRES_SCHEMES:
        return postgres_database(url, prefix=prefix)
    return nullcontext(f"sqlite:///{Path(folder) / 'site.sqlite3'}")


def database_vendor(url):
    return "PostgreSQL" if urlsplit(url).scheme in POSTGRES_SCHEMES else "SQLite"
