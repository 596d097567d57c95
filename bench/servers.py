"""Gunicorn on loopback, in the same configuration for every server measured."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from workspace import PROJECT_DIR, BenchError

WORKERS = 2
START_TIMEOUT = 60  # seconds
STOP_TIMEOUT = 15  # seconds


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(app, env, log_path, ready_path="/"):
    """Serve the WSGI app; yield its base URL; always stop it afterwards."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--worker-class",
        "sync",
        # gunicorn's default control socket is one path per user, shared with
        # any other gunicorn running on the machine.
        "--no-control-socket",
    ]
    with log_path.open("w") as log:
        # A session of its own: Ctrl-C reaches only the bench, which stops the
        # server itself, and every worker can be found by the group id.
        server = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_serving(base_url + ready_path, server, log_path)
        yield base_url
    finally:
        stop(server)


@contextmanager
def uninterrupted():
    """Ctrl-C, SIGTERM and the bench's alarm wait until the block is done."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGALRM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def stop(server):
    with uninterrupted():
        _stop(server)


def _stop(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(server.pid, signal.SIGKILL)  # any worker left behind
    except ProcessLookupError:
        pass
    server.wait()


def wait_until_serving(url, server, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    last_error = None
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(
                f"gunicorn exited ({server.returncode}) before serving:\n"
                f"{log_tail(log_path)}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError as error:
            message = f"{url} answered {error.code}:\n{log_tail(log_path)}"
            raise BenchError(message) from None
        except (urllib.error.URLError, OSError) as error:
            last_error = error
        time.sleep(0.25)
    raise BenchError(
        f"{url} did not answer within {START_TIMEOUT} s ({last_error}):\n"
        f"{log_tail(log_path)}"
    )


def log_tail(log_path, characters=3000):
    text = log_path.read_text(errors="replace")
    return text if len(text) <= characters else "..." + text[-characters:]
