"""The faults the drill puts the site through, one after another, under load.

Each scenario does its damage, undoes it where production would (a service
restarted, a server started again) and then keeps the load running for a while,
so what the fault leaves behind is counted under it too.
"""

import os
import signal
import time
from dataclasses import dataclass, field

from . import processes, release


@dataclass
class Stage:
    """Everything the scenarios act on."""

    timing: object
    traffic: object
    postgres: object
    redis: object
    servers: list
    front: object
    env: dict
    release_env: dict
    pages: list
    notes: dict = field(default_factory=dict)
    stale: list = field(default_factory=list)
    stale_read: int = 0

    def note(self, text):
        self.notes.setdefault(self.traffic.scenario, []).append(text)

    def watch(self, seconds=None):
        time.sleep(self.timing.watch if seconds is None else seconds)


def baseline(stage):
    stage.watch()


def restart_redis(stage):
    started = time.monotonic()
    stage.redis.stop()
    stage.redis.start()
    stage.note(f"Redis stopped and started again in {time.monotonic() - started:.1f} s")
    stage.watch()


def hang_redis(stage):
    stage.redis.hang()
    stage.watch(stage.timing.redis_hang)
    stage.redis.resume()
    stage.note(f"Redis stopped (SIGSTOP) for {stage.timing.redis_hang:g} s")
    stage.watch()


def stop_postgres(stage):
    stage.postgres.stop()
    stage.watch(stage.timing.postgres_outage)
    stage.postgres.start()
    stage.note(f"PostgreSQL down for {stage.timing.postgres_outage:g} s")
    stage.watch()


def kill_worker(stage):
    """SIGKILL to a worker, one caught answering a request if possible."""
    server, worker, busy = busy_worker(stage.servers)
    os.kill(worker, signal.SIGKILL)
    stage.watch()
    stage.note(
        f"{server.name}'s worker {worker} killed while "
        f"{'answering' if busy else 'idle'}; {len(server.workers())} workers after"
    )


def busy_worker(servers, seconds=3):
    """(server, worker pid, whether it was answering)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for server in servers:
            for worker in server.workers():
                if processes.running(worker):
                    return server, worker, True
        time.sleep(0.005)
    return servers[0], servers[0].workers()[0], False


def kill_server(stage):
    server = stage.servers[-1]
    server.kill()
    stage.watch(stage.timing.server_down)
    started = time.monotonic()
    server.start(stage.env)
    stage.note(
        f"{server.name} killed (SIGKILL), down {stage.timing.server_down:g} s, "
        f"ready {time.monotonic() - started:.1f} s after starting"
    )
    stage.watch()


def rolling_release(stage):
    base = stage.front.url
    before = release.stylesheets_served(base, stage.pages)
    for server in stage.servers:
        started = time.monotonic()
        server.stop_gracefully()
        server.start(stage.release_env)
        stage.note(
            f"{server.name} restarted on the release, ready in "
            f"{time.monotonic() - started:.1f} s"
        )
    stage.watch()
    gone = release.gone(before, release.static_root(stage.release_env))
    stage.stale_read, stage.stale = release.stale_pages(base, stage.pages, gone)
    after = release.stylesheets_served(base, stage.pages)
    stage.note(f"stylesheets {sorted(before)} before, {sorted(after)} after")


SCENARIOS = [
    ("baseline", baseline),
    ("restart Redis", restart_redis),
    ("hang Redis", hang_redis),
    ("stop PostgreSQL", stop_postgres),
    ("kill a worker", kill_worker),
    ("kill an app server", kill_server),
    ("rolling release", rolling_release),
]
