"""Every process the drill starts, each in a process group of its own, all stopped
at the end, whatever ended the drill (success, an error, Ctrl-C, its timeout).

A process group per service, as tests/support/site.py's SiteServer does: Ctrl-C
reaches only the drill, which then stops each group itself, and nothing a
service forked (gunicorn's workers, PostgreSQL's backends) outlives it.
"""

import os
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

STOP_TIMEOUT = 15  # seconds a group gets to stop before it is killed


def start(command, log_path, **popen):
    """command in a new process group, its output appended to log_path."""
    with Path(log_path).open("a") as log:
        return subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            **popen,
        )


def run(command, log_path, timeout, **popen):
    """Run command to the end in a process group of its own; its output (and
    that of whatever it started). RuntimeError when it fails or overruns."""
    process = start(command, log_path, **popen)
    try:
        finish(process, log_path, timeout)
    finally:
        with signals_held():
            stop(process)  # whatever it left running, or all of it on Ctrl-C
    return Path(log_path).read_text(errors="replace")


def finish(process, log_path, timeout):
    """Wait for a process started by start(); RuntimeError if it failed."""
    try:
        returncode = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{process.args} took over {timeout} s") from None
    if returncode != 0:
        output = Path(log_path).read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{process.args} failed ({returncode}):\n{output}")


def signal_group(process, signum):
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def stop(process, signum=signal.SIGTERM, timeout=STOP_TIMEOUT):
    """Ask the group to stop with signum; kill whatever is left after timeout."""
    if process.poll() is None:
        signal_group(process, signum)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    signal_group(process, signal.SIGKILL)
    process.wait()


@contextmanager
def signals_held():
    """Ctrl-C, SIGTERM and the drill's alarm wait while a group is being stopped."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGALRM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _stat(pid):
    """(state, parent pid) from Linux's /proc, or None once pid is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # pid (command) state ppid …: the command may hold spaces and brackets.
    state, parent = stat[stat.rindex(")") + 2 :].split()[:2]
    return state, int(parent)


def children(pid):
    """The pids of pid's child processes."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (_stat(entry.name) or ("", None))[1] == pid:
            found.append(int(entry.name))
    return sorted(found)


def running(pid):
    """Whether pid is on a CPU now (R), as a worker is while answering."""
    return (_stat(pid) or ("",))[0] == "R"


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_for(check, timeout, what, interval=0.2):
    """Call check() until it returns something true; its value. TimeoutError
    naming what after timeout seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = check()
        except OSError as error:
            value, last_error = None, error
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"{what} within {timeout} s ({last_error or 'no answer'})")
