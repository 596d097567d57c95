"""`make bench`: the site's throughput and latency under gunicorn, per page type.

Builds a throwaway copy of the site in a temp folder (production settings, plain
HTTP on loopback), then measures each page type in both languages with wrk: first
with the page cache on (a warmed server), then with it off (a second server, started
after the first has stopped), then a trivial WSGI app serving the same bytes in the
same gunicorn configuration, the physical limit. SQL queries and bytes per page come
from an in-process Django test client. Prints one table and checks the targets.
"""

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.site import (
    PROJECT_DIR,
    SiteError,
    SiteServer,
    build_site,
    database_vendor,
    site_environment,
    throwaway_database,
)

from . import BenchError, loadgen, report
from .pages import (
    LIMIT_PAGE,
    PAGE_TYPES,
    SEARCH_QUERIES,
    SHARED_LINK,
    Page,
    discover,
    fetch,
    recorded,
)

STARTED = time.monotonic()
WORKERS = 2  # gunicorn sync workers, for every server measured
TIME_LIMIT = 600  # seconds, with the default duration and runs
WARM_UP_SECONDS = 1
QUERIES_TIMEOUT = 300  # seconds
SCALE_TIMEOUT = 1200  # seconds, growing the site to 100× and measuring it


@dataclass
class Config:
    duration: int  # seconds per wrk run
    runs: int
    cached_only: bool = False  # BENCH_CACHED_ONLY: stored pages and the limit

    @classmethod
    def from_environment(cls):
        return cls(
            _positive("BENCH_DURATION", 3),
            _positive("BENCH_RUNS", 3),
            os.environ.get("BENCH_CACHED_ONLY", "") not in ("", "0", "false"),
        )

    def time_limit(self):
        """Ten minutes, or more when longer runs were asked for."""
        cached_pages = 2 * len(PAGE_TYPES) + 2  # and the shared links
        uncached_pages = 2 * len(PAGE_TYPES) + len(SEARCH_QUERIES)
        cold_pages = 2
        wrk_runs = cached_pages + uncached_pages + cold_pages + 1  # + trivial app
        measuring = wrk_runs * (self.runs * self.duration + WARM_UP_SECONDS)
        return max(TIME_LIMIT, measuring + 300) + SCALE_TIMEOUT


def _positive(name, default):
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) < 1:
        raise BenchError(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def elapsed():
    minutes, seconds = divmod(round(time.monotonic() - STARTED), 60)
    return f"{minutes} min {seconds:02d} s"


def progress(text):
    sys.stderr.write(f"bench [{elapsed()}]: {text}\n")
    sys.stderr.flush()


def measure(wrk, base_url, pages, config, cache_status):
    """Median figures per page; the runs are interleaved to spread the noise."""
    for page in pages:
        loadgen.run_wrk(wrk, base_url + page.path, WARM_UP_SECONDS)
        status = fetch(base_url + page.path)[1]
        if status != cache_status:
            raise BenchError(
                f"{page.path}: X-Page-Cache is {status!r}, expected {cache_status!r}"
            )
    found = {page: [] for page in pages}
    for run in range(1, config.runs + 1):
        progress(f"  run {run}/{config.runs}")
        for page in pages:
            found[page].append(
                loadgen.run_wrk(wrk, base_url + page.path, config.duration)
            )
    return {page: loadgen.median(runs) for page, runs in found.items()}


@contextmanager
def serving(env, log_path, app="bpnc_site.wsgi", ready_path="/en/"):
    """Serve the app as every server measured is served; yield its base URL."""
    with SiteServer(env, log_path, app, WORKERS, ready_path) as server:
        yield server.url


@contextmanager
def temporary_folder():
    folder = Path(tempfile.mkdtemp(prefix="bpnc-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure_site(wrk, folder, env, config):
    """The cached server, the uncached one (page parts stored), then the cold one
    (nothing stored, campaign pages only): (pages, measured, html)."""
    progress("page cache on: warming and measuring")
    with serving(env, folder / "cached.log") as url:
        pages = discover(url)
        cacheable = [page for page in pages if page.cacheable]
        cached = measure(wrk, url, cacheable, config, "hit")
        compressed = {page: compressed_sizes(url + page.path) for page in cacheable}
        limit_page = next(p for p in pages if (p.kind, p.language) == LIMIT_PAGE)
        stored_page = recorded(url + limit_page.path)
    if config.cached_only:
        return pages, {"cached": cached}, compressed, stored_page
    progress("page cache off, page parts stored: warming and measuring")
    uncached_env = {**env, "PAGE_CACHE_ENABLED": "false"}
    rendered = [page for page in pages if page.kind != SHARED_LINK[0]]
    with serving(uncached_env, folder / "uncached.log") as url:
        uncached = measure(wrk, url, rendered, config, None)
    progress("nothing stored (cold renders of the campaign pages): measuring")
    cold_env = {**uncached_env, "PAGE_FRAGMENT_CACHE_ENABLED": "false"}
    campaigns = [page for page in pages if page.kind == "campaign"]
    with serving(cold_env, folder / "cold.log") as url:
        cold = measure(wrk, url, campaigns, config, None)
    measured = {"cached": cached, "uncached": uncached, "cold": cold}
    return pages, measured, compressed, stored_page


def compressed_sizes(url):
    """{encoding: bytes sent} for a stored page asked for with each encoding."""
    return {
        encoding: len(fetch(url, accept_encoding=encoding)[0])
        for encoding in ("br", "gzip")
    }


def measure_limit(wrk, folder, env, stored_page, config):
    html, headers = stored_page
    progress(
        f"trivial WSGI app replaying the stored page: {len(html)} bytes, "
        f"{len(headers)} headers"
    )
    html_path = folder / "limit.html"
    html_path.write_bytes(html)
    headers_path = folder / "limit-headers.json"
    headers_path.write_text(json.dumps(headers))
    limit_env = {
        **env,
        "BENCH_TRIVIAL_HTML": str(html_path),
        "BENCH_TRIVIAL_HEADERS": str(headers_path),
    }
    app = "bench.trivial_app:application"
    page = Page("trivial WSGI app", "en", "/")
    with serving(limit_env, folder / "limit.log", app=app, ready_path="/") as url:
        return measure(wrk, url, [page], config, "hit")[page]  # as replayed


def count_queries(folder, env, pages, stored_parts):
    state = "stored" if stored_parts else "cold"
    progress(f"counting SQL queries per page (page cache off, parts {state})")
    flag = "true" if stored_parts else "false"
    return in_process(
        "bench.count_queries",
        folder / f"queries-{state}.json",
        {**env, "PAGE_FRAGMENT_CACHE_ENABLED": flag},
        QUERIES_TIMEOUT,
        *(page.path for page in pages),
    )


def measure_scale(folder, env):
    progress("content at 1×, 10× and 100×: growing the site and measuring")
    return in_process(
        "bench.scale",
        folder / "scale.json",
        {**env, "PAGE_FRAGMENT_CACHE_ENABLED": "false", "TWO_FACTOR_REQUIRED": "false"},
        SCALE_TIMEOUT,
    )


def in_process(module, results, env, timeout, *args):
    """Run ``python -m module RESULTS *args`` on the bench's site with the page
    cache off, so the servers measured are never instrumented; its JSON results."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(results), *args],
        cwd=PROJECT_DIR,
        env={**env, "PAGE_CACHE_ENABLED": "false"},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"{module} failed:\n{done.stdout}{done.stderr}")
    return json.loads(results.read_text(encoding="utf-8"))


def run_bench(wrk, config):
    """Everything measured, as (table rows, the trivial app's figures, the
    content scale, database, the headers the trivial app replays)."""
    with ExitStack() as stack:
        folder = stack.enter_context(temporary_folder())
        database_url = stack.enter_context(throwaway_database(folder, "bpnc_bench"))
        env = site_environment(
            folder,
            database_url,
            production=True,
            PAGE_CACHE_ENABLED="true",
            LOG_LEVEL="WARNING",
        )
        progress(f"building the site in {folder}")
        build_site(env)
        pages, measured, compressed, stored_page = measure_site(
            wrk, folder, env, config
        )
        limit = measure_limit(wrk, folder, env, stored_page, config)
        if config.cached_only:
            rows = [
                report.Row(page, measured["cached"][page], None, None, "-", "-", "-")
                for page in pages
                if page in measured["cached"]
            ]
            return rows, limit, None, database_vendor(database_url), stored_page[1]
        stored = count_queries(folder, env, pages, stored_parts=True)
        cold = count_queries(folder, env, pages, stored_parts=False)
        scale = measure_scale(folder, env)
    rows = [
        report.Row(
            page,
            measured["cached"].get(page),
            measured["uncached"].get(page),
            measured["cold"].get(page),
            stored[page.path]["queries"],
            cold[page.path]["queries"],
            stored[page.path]["bytes"],
            compressed.get(page, {}),
        )
        for page in pages
    ]
    return rows, limit, scale, database_vendor(database_url), stored_page[1]


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def git_commit():
    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=False
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD") or "unknown"
        changed = git("status", "--porcelain")
    except OSError:
        return "unknown (no git)"
    return commit + (" + uncommitted changes" if changed else "")


def print_report(rows, limit, scale, database, config, limit_headers):
    header_bytes = sum(len(f"{name}: {value}\r\n") for name, value in limit_headers)
    out(
        f"Trivial WSGI app replaying the stored {LIMIT_PAGE[0]} page "
        f"({LIMIT_PAGE[1]}): its {len(limit_headers)} headers ({header_bytes} "
        "bytes) and body, as wrk receives them"
    )
    out(
        f"Trivial WSGI app: {limit.rate:.0f} req/s, p50 {limit.p50:.2f} ms, "
        f"p99 {limit.p99:.2f} ms | {len(os.sched_getaffinity(0))} CPUs, "
        f"{cpu_model()}, Python {platform.python_version()} | "
        f"commit {git_commit()}"
    )
    out(
        f"(wrk -t{loadgen.THREADS} -c{loadgen.CONNECTIONS} -d{config.duration}s, "
        f"median of {config.runs} runs; gunicorn, {WORKERS} sync workers; "
        f"production settings on {database}; queries and bytes with the cache off)"
    )
    out(
        "uncached: page cache off, the page's parts stored (an editor, a link with "
        "a query string); cold: nothing stored (the first render after a purge)"
    )
    out()
    out(report.table(rows, limit))
    out()
    if scale is None:
        passed, description = report.cached_target(rows, limit)
        out(f"{'PASS' if passed else 'FAIL'}  {description}")
        out("(BENCH_CACHED_ONLY: uncached, cold, queries and content scale skipped)")
        return passed
    out(
        "Content scale (in-process, one thread, page cache off and nothing stored; "
        "req/s and queries per screen):"
    )
    for step in scale:
        counts = ", ".join(f"{n} {name}" for name, n in step["content"].items())
        out(f"  {step['factor']}×: {counts}")
    out()
    out(report.scale_table(scale))
    out()
    checks = report.targets(rows, limit) + report.scale_targets(scale)
    labels = {True: "PASS", False: "FAIL", None: "INFO"}
    for passed, description in checks:
        out(f"{labels[passed]}  {description}")
    return all(passed is not False for passed, _ in checks)


def _raise(message):
    def handler(signum, frame):
        signal.alarm(0)
        raise BenchError(message)

    return handler


def main():
    try:
        config = Config.from_environment()
        wrk = loadgen.ensure_wrk()
        limit_seconds = config.time_limit()
        for stop_signal in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(stop_signal, _raise(f"stopped ({stop_signal.name})"))
        signal.signal(signal.SIGALRM, _raise(f"stopped after {limit_seconds} s"))
        signal.alarm(limit_seconds)
        try:
            rows, limit, scale, database, limit_headers = run_bench(wrk, config)
        finally:
            signal.alarm(0)
    except (BenchError, SiteError) as error:
        sys.stderr.write(f"bench: {error}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("bench: interrupted\n")
        return 130
    out()
    passed = print_report(rows, limit, scale, database, config, limit_headers)
    out(f"\nTotal time: {elapsed()}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
