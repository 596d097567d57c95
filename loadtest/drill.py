"""``make drill``: the production topology on this machine, broken on purpose.

A private PostgreSQL and a private Redis on free loopback ports (never the
machine's own), the site built on them with the production settings, two
gunicorn app servers behind a proxy (nginx, or loadtest/proxy.py), and a mixed
load through the proxy (pages in both languages, sign-ups) while Redis is
restarted, then hung, PostgreSQL stopped, a worker killed, an app server killed
and started again, and two releases rolled out one server at a time, drained
first (a changed stylesheet, then a changed template only). During each, an
editor publishes a campaign's title in both languages and an alert shown on
every page, and every app server is read until it shows them
(loadtest/freshness.py). Then one table: per scenario the requests, errors,
p99 latency, the sign-ups sent, acknowledged, stored and duplicated (a sign-up
left without an answer is sent again, as a neighbour would: loadtest/traffic.py;
counted from ``times_signed_up``), when the publish was seen everywhere and the
stale reads.

    python -m loadtest.drill [--short] [--readers N] [--writers N]

DRILL_SHORT=1 is --short; DRILL_READERS, DRILL_WRITERS the load;
DRILL_BUILD_TIMEOUT the build's limit (1800 s), DRILL_TIME_LIMIT the rest's;
DRILL_PROXY=python or nginx picks the proxy; DRILL_KEEP=1 keeps the logs.

Exits 1 on a lost or duplicated sign-up, a publish some server did not show
within PAGE_CACHE_STALENESS_BOUND (5 s) of its commit, or a stale page after a
release; 2 when the drill could not run, 3 on its time limit. Errors during the
faults are printed, not failures: a sign-up refused while the database is down
is fine when it was not acknowledged. Everything it starts is stopped at the
end, also on Ctrl-C or an error.
"""

import json
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import psycopg

from tests.support.seed import SAMPLE_CAMPAIGN, SAMPLE_POLICY_AREA, seed_path
from tests.support.site import PROJECT_DIR, site_environment

from . import freshness, processes, report, timing
from .release import prepare as prepare_release
from .release import prepare_template_release
from .scenarios import Stage
from .scenarios import chosen as chosen_scenarios
from .servers import AppServer, Front
from .services import PrivatePostgres, PrivateRedis, free_ports
from .traffic import Traffic

LANGUAGES = ("en", "es")
PAGE_KEYS = (
    *("campaigns", "policy", "about", SAMPLE_CAMPAIGN, "cancel-shotspotter"),
    *(SAMPLE_POLICY_AREA, "educational-justice"),
)
STARTED = time.monotonic()
# The production default (bpnc_site/settings/base.py), unless the drill's
# environment names another.
STALENESS_BOUND = float(os.environ.get("PAGE_CACHE_STALENESS_BOUND") or 5)
COUNT_TIMEOUT = 300  # seconds
# tests/support/site.py's build, as every throwaway site is built.
BUILD = (
    "import os; from tests.support.site import build_site; "
    "build_site(dict(os.environ), roles=True)"
)


class DrillTimeout(BaseException):
    """The drill's overall time limit passed (a BaseException, like Ctrl-C)."""


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def progress(text):
    out(f"[{time.monotonic() - STARTED:5.0f} s] {text}")


def pages():
    paths = [f"/{language}/" for language in LANGUAGES]
    paths += [seed_path(key, language) for key in PAGE_KEYS for language in LANGUAGES]
    return paths


def create_database(server):
    with psycopg.connect(server.url, autocommit=True) as connection:
        connection.execute("CREATE DATABASE bpnc_drill")
    return server.url.rsplit("/", 1)[0] + "/bpnc_drill"


def start_services(folder, cleanup):
    redis = PrivateRedis(folder)
    cleanup.callback(redis.stop)
    redis.start()
    postgres = PrivatePostgres()
    cleanup.callback(postgres.remove)
    postgres.start()
    progress(
        f"private PostgreSQL on 127.0.0.1:{postgres.port}, "
        f"Redis on 127.0.0.1:{redis.port}"
    )
    return postgres, redis


def build(folder, postgres, redis, front_port, limit):
    env = site_environment(
        folder,
        create_database(postgres),
        production=True,
        REDIS_URL=redis.url,
        TRUSTED_PROXY_COUNT="1",  # the proxy's X-Forwarded-For names the visitor
        SIGNUP_RATE_LIMIT="1000000/m",  # every neighbour here comes from 127.0.0.1
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{front_port}",
    )
    release_env, collect = prepare_release(env, folder)
    log = folder / "release-collectstatic.log"
    collecting = processes.start(collect, log, cwd=PROJECT_DIR, env=release_env)
    try:
        # In a process group of its own, like everything the drill starts, so
        # that no management command outlives an interrupted drill.
        processes.run(
            [sys.executable, "-c", BUILD],
            folder / "build.log",
            limit,
            cwd=PROJECT_DIR,
            env=env,
        )
        processes.finish(collecting, log, limit)
    finally:
        with processes.signals_held():
            processes.stop(collecting)
    return env, release_env


def stored_signups(folder, env):
    """{email: rows} for the drill's sign-ups, read from the database."""
    output = processes.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", report.COUNT_ROWS],
        folder / "count.log",
        COUNT_TIMEOUT,
        cwd=PROJECT_DIR,
        env=env,
    )
    return json.loads(re.search(r"^rows=(.*)$", output, re.M).group(1))


def checks_for(front_pages):
    campaign = {language: seed_path(language=language) for language in LANGUAGES}
    index = {language: seed_path("campaigns", language) for language in LANGUAGES}
    return lambda number: freshness.expectations(number, front_pages, campaign, index)


def start_servers(folder, env, ports, cleanup):
    front_port, *app_ports = ports
    servers = [
        AppServer(name, folder, port)
        for name, port in zip(("app-a", "app-b"), app_ports, strict=True)
    ]
    for server in servers:
        cleanup.callback(server.close)
        server.launch(env)
    for server in servers:
        server.wait_until_ready()
    front = Front(
        folder,
        front_port,
        [server.port for server in servers],
        kind=os.environ.get("DRILL_PROXY") or None,
    )
    cleanup.callback(front.stop)
    progress(
        f"{len(servers)} app servers ({', '.join(s.url for s in servers)}) behind "
        f"the {front.kind} proxy at {front.url}"
    )
    return servers, front


def run(drill_timing, cleanup):
    folder = Path(tempfile.mkdtemp(prefix="bpnc-drill-"))
    if os.environ.get("DRILL_KEEP"):
        progress(f"logs kept in {folder}")
    else:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    postgres, redis = start_services(folder, cleanup)
    ports = free_ports(3)  # the proxy's, then each app server's
    progress(
        f"building the site with the production settings (at most "
        f"{drill_timing.build_timeout} s) …"
    )
    signal.alarm(drill_timing.build_timeout + 60)
    built = time.monotonic()
    env, release_env = build(
        folder, postgres, redis, ports[0], drill_timing.build_timeout
    )
    release_tree = prepare_template_release(folder)
    signal.alarm(drill_timing.overall)
    progress(
        f"site built in {time.monotonic() - built:.0f} s; starting the app servers "
        f"(the rest at most {drill_timing.overall} s) …"
    )
    servers, front = start_servers(folder, env, ports, cleanup)
    editor = freshness.Editor(env, folder / "editor.log")
    cleanup.callback(editor.close)
    campaigns = {language: seed_path(language=language) for language in LANGUAGES}
    traffic = Traffic(
        front.url,
        pages(),
        campaigns,
        drill_timing,
        readers=drill_timing.readers,
        signers=drill_timing.writers,
    )
    progress(
        f"load: {drill_timing.readers} readers, {drill_timing.writers} writers; "
        f"staleness bound {STALENESS_BOUND:g} s"
    )
    stage = Stage(
        timing=drill_timing,
        traffic=traffic,
        postgres=postgres,
        redis=redis,
        servers=servers,
        front=front,
        env=env,
        release_env=release_env,
        release_tree=release_tree,
        pages=pages(),
        editor=editor,
        checks_for=checks_for(pages()),
        bound=STALENESS_BOUND,
    )
    cleanup.callback(traffic.stop, wait=False)  # on an error or Ctrl-C
    traffic.start()
    for name, scenario in chosen_scenarios(drill_timing):
        traffic.scenario = name
        progress(name)
        # Requests sent before the switch finish first, under the scenario
        # they were sent in, before the next fault can touch them.
        time.sleep(drill_timing.settle)
        scenario(stage)
    traffic.scenario = "after the drill"
    progress("letting sign-ups under way finish …")
    traffic.stop()
    return stage, stored_signups(folder, env)


def print_results(stage, stored):
    names = [name for name, _ in chosen_scenarios(stage.timing)]
    if stage.traffic.tallies["after the drill"].latencies:
        names.append("after the drill")
    table = report.rows(stage.traffic, names, stored, stage.publishes)
    total = table[-1]
    out()
    for line in report.render(table):
        out(line)
    out()
    for name in names:
        tally = stage.traffic.tallies[name]
        answers = ", ".join(
            f"{k}: {v}" for k, v in sorted(tally.statuses.items(), key=str)
        )
        out(f"{name}: {'; '.join(stage.notes.get(name, []))}")
        out(f"    answers: {answers or 'none'}")
    out(
        f"\nsign-ups kept but never acknowledged: {total.kept_unacknowledged}; "
        f"lost: {total.lost}; duplicated: {total.duplicated}"
    )
    out(
        f"publishes: {sum(row.published for row in table[:-1])}, the slowest seen "
        f"everywhere after {total.seen_after or 0:.1f} s (bound "
        f"{STALENESS_BOUND:g} s); stale reads past the bound: {total.stale}"
    )
    for outcome in stage.publishes.values():
        for server, path, why in (outcome.watch.stale if outcome.watch else [])[:10]:
            out(f"    publish {outcome.number}: {server} {path} {why}")
        if outcome.error:
            out(f"    publish {outcome.number} failed: {outcome.error}")
    if "rolling release" in names:
        out(
            f"pages linking stylesheets from before the release: {len(stage.stale)} "
            f"of {stage.stale_read} read"
        )
    for path, why in stage.stale[:20]:
        out(f"    {path} {why}")
    out(
        f"pages without the template release's footer: {len(stage.stale_template)} "
        f"of {stage.template_read} read"
    )
    for path, why in stage.stale_template[:20]:
        out(f"    {path} {why}")
    passed = not (
        total.lost
        or total.duplicated
        or total.stale
        or stage.stale
        or (not stage.stale_read and "rolling release" in names)
        or stage.stale_template
        or not stage.template_read
    )
    out("\nDRILL PASSED" if passed else "\nDRILL FAILED")
    return passed


def _stop_on(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def _time_up(signum, frame):
    raise DrillTimeout


def main(argv):
    drill_timing = timing.chosen(argv)
    signal.signal(signal.SIGTERM, _stop_on)
    # Even when started with Ctrl-C ignored (in the background of a script).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGALRM, _time_up)
    kind = "short" if drill_timing.short else "full"
    progress(f"the {kind} drill")
    try:
        with ExitStack() as cleanup:
            stage, stored = run(drill_timing, cleanup)
            progress("stopping everything the drill started …")
        progress("done")
    except DrillTimeout:
        out(
            f"The drill overran its limit (build {drill_timing.build_timeout} s, "
            f"then {drill_timing.overall} s; DRILL_BUILD_TIMEOUT, DRILL_TIME_LIMIT) "
            "and was stopped."
        )
        return 3
    except KeyboardInterrupt:
        out("Interrupted; everything the drill started is stopped.")
        return 130
    except (RuntimeError, TimeoutError, OSError) as error:
        out(f"The drill could not run: {error}")
        return 2
    finally:
        signal.alarm(0)
    return 0 if print_results(stage, stored) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
