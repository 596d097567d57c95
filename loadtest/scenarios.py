"""The faults the drill puts the site through, one after another, under load.

Each scenario does its damage, publishes while it lasts (the sample campaign's
title in both languages and an alert shown on every page: loadtest/editor.py),
undoes the damage where production would (a service restarted, a server
started again) and keeps the load running for a while; then it waits until
every server shows the publish, or the bound and grace are past
(loadtest/freshness.py). Both releases roll out as docs/operations.md says:
each server in turn drained at the proxy, given time to finish its requests,
stopped, started on the release, back in the pool once /healthz answers.
"""

import os
import signal
import time
from dataclasses import dataclass, field

from tests.support.site import PROJECT_DIR

from . import freshness, processes, release


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
    release_tree: object  # the template-only release's copy of the project
    pages: list
    editor: object
    checks_for: object  # N: what publish N must show where
    bound: float  # PAGE_CACHE_STALENESS_BOUND, seconds
    notes: dict = field(default_factory=dict)
    publishes: dict = field(default_factory=dict)  # scenario: freshness.Outcome
    stale: list = field(default_factory=list)  # after the stylesheet release
    stale_read: int = 0
    stale_template: list = field(default_factory=list)  # after the template one
    template_read: int = 0

    def note(self, text):
        self.notes.setdefault(self.traffic.scenario, []).append(text)

    def watch(self, seconds=None):
        time.sleep(self.timing.watch if seconds is None else seconds)

    def publish(self):
        """Publish now, in the background, and start watching for it."""
        self.editor.publish(self.servers, self.checks_for, self.bound)

    def seen(self):
        """Wait until the publish is seen everywhere (or the grace is over)."""
        outcome = self.editor.finish(self.bound + self.timing.publish_grace)
        self.publishes[self.traffic.scenario] = outcome
        watch = outcome.watch
        if outcome.error:
            self.note(f"publish failed: {outcome.error}")
        elif watch is not None:
            fresh = watch.fresh_after()
            self.note(
                f"published (attempts {outcome.attempts}); seen on every server "
                f"in both languages after {fresh:.1f} s; {watch.reads} reads, "
                f"{watch.unanswered} unanswered, {len(watch.stale)} stale"
                if fresh is not None
                else f"published; never seen ({len(watch.stale)} stale reads)"
            )


def baseline(stage):
    stage.publish()
    stage.watch()
    stage.seen()


def restart_redis(stage):
    started = time.monotonic()
    stage.redis.stop()
    stage.publish()
    stage.redis.start()
    stage.note(f"Redis stopped and started again in {time.monotonic() - started:.1f} s")
    stage.watch()
    stage.seen()


def hang_redis(stage):
    stage.redis.hang()
    stage.publish()
    stage.watch(stage.timing.redis_hang)
    stage.redis.resume()
    stage.note(f"Redis stopped (SIGSTOP) for {stage.timing.redis_hang:g} s")
    stage.watch()
    stage.seen()


def stop_postgres(stage):
    stage.postgres.stop()
    stage.publish()  # the editor presses Publish again until it is taken
    stage.watch(stage.timing.postgres_outage)
    stage.postgres.start()
    stage.note(f"PostgreSQL down for {stage.timing.postgres_outage:g} s")
    stage.watch()
    stage.seen()


def kill_worker(stage):
    """SIGKILL to a worker, one caught answering a request if possible."""
    server, worker, busy = busy_worker(stage.servers)
    os.kill(worker, signal.SIGKILL)
    stage.publish()
    stage.watch()
    stage.note(
        f"{server.name}'s worker {worker} killed while "
        f"{'answering' if busy else 'idle'}; {len(server.workers())} workers after"
    )
    stage.seen()


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
    stage.publish()
    stage.watch(stage.timing.server_down)
    started = time.monotonic()
    server.start(stage.env)
    stage.note(
        f"{server.name} killed (SIGKILL), down {stage.timing.server_down:g} s, "
        f"ready {time.monotonic() - started:.1f} s after starting"
    )
    stage.watch()
    stage.seen()


def roll_out(stage, env, cwd):
    """Each server in turn: drained, stopped, started on the release, back in
    the pool; the publish goes out while one runs the release and one does not."""
    for number, server in enumerate(stage.servers):
        started = time.monotonic()
        stage.front.drain(server.port)
        time.sleep(stage.timing.drain)
        server.stop_gracefully()
        server.start(env, cwd)
        stage.front.restore(server.port)
        stage.note(
            f"{server.name} drained, restarted on the release, back in the pool "
            f"in {time.monotonic() - started:.1f} s"
        )
        if number == 0:
            stage.publish()


def stylesheet_release(stage):
    base = stage.front.url
    before = release.stylesheets_served(base, stage.pages)
    roll_out(stage, stage.release_env, PROJECT_DIR)
    stage.watch()
    stage.seen()
    gone = release.gone(before, release.static_root(stage.release_env))
    stage.stale_read, stage.stale = release.stale_pages(base, stage.pages, gone)
    after = release.stylesheets_served(base, stage.pages)
    stage.note(f"stylesheets {sorted(before)} before, {sorted(after)} after")


def template_release(stage):
    roll_out(stage, stage.release_env, stage.release_tree)
    stage.watch()
    stage.seen()
    for server in stage.servers:
        for path in stage.pages:
            status, html = freshness.read(server.url, path)
            stage.template_read += 1
            if status != 200 or not freshness.shows(html, "text", release.RELEASE_LINE):
                stage.stale_template.append(
                    (path, f"{server.name} answered {status} without the new footer")
                )


SCENARIOS = [
    ("baseline", baseline),
    ("restart Redis", restart_redis),
    ("hang Redis", hang_redis),
    ("stop PostgreSQL", stop_postgres),
    ("kill a worker", kill_worker),
    ("kill an app server", kill_server),
    ("rolling release", stylesheet_release),
    ("template release", template_release),
]
# CI's short drill: every fault, and one release (the template-only one, the
# harder to notice), since each rolling restart costs two server starts.
SHORT_SCENARIOS = [item for item in SCENARIOS if item[0] != "rolling release"]


def chosen(timing):
    return SHORT_SCENARIOS if timing.short else SCENARIOS
