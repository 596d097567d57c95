"""A private PostgreSQL and a private Redis for the drill, on free loopback ports.

Never the machine's shared servers (5432, 6379): the drill stops, hangs and
restarts them. PostgreSQL lives in a temporary folder; it refuses to run as
root, so under root its binaries run as the ``postgres`` user (Debian's), who
then owns that folder.
"""

import glob
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import tempfile
from contextlib import ExitStack
from pathlib import Path

import psycopg

from tests.support.site import free_port

from . import processes

START_TIMEOUT = 60  # seconds
SERVICE_USER = "postgres"


def free_ports(count):
    """count different free loopback ports, for servers started later: each is
    held until all are found, so none is given twice."""
    with ExitStack() as holding:
        sockets = []
        for _ in range(count):
            sock = holding.enter_context(socket.socket())
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]


def postgres_binary(name):
    # The newest of Debian's installed versions (/usr/lib/postgresql/15/bin).
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda path: [int(part) for part in re.findall(r"\d+", path)],
    )
    found = found[-1] if found else shutil.which(name)
    if not found:
        raise RuntimeError(
            f"PostgreSQL's {name} was not found (apt install postgresql)"
        )
    return found


def as_service_user(command):
    """PostgreSQL will not run as root: under root, run it as postgres."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", SERVICE_USER, "--", *command]


class PrivatePostgres:
    """A PostgreSQL server of the drill's own, stopped and started at will."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="bpnc-drill-postgres-"))
        self.data = self.folder / "data"
        self.log_path = self.folder / "postgres.log"
        self.port = free_port()
        self.password = secrets.token_hex(16)
        self.url = f"postgres://drill:{self.password}@127.0.0.1:{self.port}/postgres"
        self.process = None

    def _initdb(self):
        password_file = self.folder / "password"
        password_file.write_text(self.password)
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVICE_USER)
            for path in (self.folder, password_file):
                os.chown(path, user.pw_uid, user.pw_gid)
        initdb = processes.start(
            as_service_user(
                [
                    *(postgres_binary("initdb"), "-D", str(self.data)),
                    *("-U", "drill", "--auth=scram-sha-256"),
                    *(f"--pwfile={password_file}", "-E", "UTF8", "--no-locale"),
                ]
            ),
            self.folder / "initdb.log",
        )
        if initdb.wait(timeout=START_TIMEOUT) != 0:
            log = (self.folder / "initdb.log").read_text(errors="replace")
            raise RuntimeError(f"initdb failed:\n{log[-2000:]}")

    def start(self):
        if not self.data.exists():
            self._initdb()
        self.process = processes.start(
            as_service_user(
                [
                    *(postgres_binary("postgres"), "-D", str(self.data)),
                    *("-p", str(self.port), "-c", "listen_addresses=127.0.0.1"),
                    *("-c", f"unix_socket_directories={self.folder}"),
                    *("-c", "max_connections=60"),
                    # A throwaway: its outages are clean shutdowns, which write
                    # everything out, so skipping disk flushes loses nothing and
                    # makes building the site twice as fast.
                    *("-c", "fsync=off", "-c", "synchronous_commit=off"),
                    *("-c", "full_page_writes=off"),
                ]
            ),
            self.log_path,
        )
        processes.wait_for(self.ready, START_TIMEOUT, "PostgreSQL did not start")

    def ready(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"PostgreSQL exited:\n{self.log()}")
        try:
            with psycopg.connect(self.url, connect_timeout=2) as connection:
                return connection.execute("SELECT 1").fetchone() == (1,)
        except psycopg.OperationalError:
            return False

    def stop(self):
        """A fast shutdown (SIGINT to the postmaster): connections are cut, as
        when a database server goes away."""
        if self.process is None:
            return
        with processes.signals_held():
            postmaster = self._postmaster_pid()
            if postmaster:
                try:
                    os.kill(postmaster, signal.SIGINT)
                except ProcessLookupError:
                    pass
            processes.stop(self.process, signal.SIGINT)
        self.process = None

    def _postmaster_pid(self):
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def log(self, characters=2000):
        return self.log_path.read_text(errors="replace")[-characters:]

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class PrivateRedis:
    """A Redis of the drill's own that keeps nothing on disk."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = processes.start(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.folder)),
            ],
            self.folder / "redis.log",
        )
        processes.wait_for(self.ping, START_TIMEOUT, "Redis did not start")

    def ping(self):
        if self.process.poll() is not None:
            raise RuntimeError("redis-server exited: see redis.log")
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def hang(self):
        processes.signal_group(self.process, signal.SIGSTOP)

    def resume(self):
        processes.signal_group(self.process, signal.SIGCONT)

    def stop(self):
        if self.process is not None:
            with processes.signals_held():
                self.resume()  # a stopped process cannot act on SIGTERM
                processes.stop(self.process)
            self.process = None
