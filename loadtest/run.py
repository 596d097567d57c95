"""``make loadtest``: a bounded mixed load on a throwaway copy of the site.

The site is built from scratch in a temporary folder with the production settings
(plain HTTP on the loopback address), served by gunicorn and loaded by locust,
headless, for a fixed time; then requests per second, latency percentiles, errors
and sign-ups acknowledged against sign-ups stored are printed. The database is a
SQLite file, or a new database on the PostgreSQL server DATABASE_URL names (created
and dropped here: the database DATABASE_URL itself is not touched).

    LOAD_USERS (20), LOAD_DURATION seconds (60), LOAD_WORKERS gunicorn workers (2)

Exits non-zero on any error or when a sign-up acknowledged is not stored.

With LOAD_BASE_URL (https://staging.example.org) nothing is built: that running
site, and nothing else, is loaded with page reads and searches. Sign-ups are left
out there: they would be real rows among neighbours' data, and the site's sign-up
rate limit would refuse most of them anyway.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.site import (
    PROJECT_DIR,
    SiteServer,
    build_site,
    database_vendor,
    run_command,
    site_environment,
    throwaway_database,
)

from . import summary

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
SIGN_UP = "sign-up"
COUNT_SIGNUPS = (
    "from campaigns.models import Signup; print(f'stored={Signup.objects.count()}')"
)


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def setting(name, default):
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"{name} must be a whole number of at least 1, not {value!r}.")
    return int(value)


def running_site():
    """The address LOAD_BASE_URL names (scheme and host only), or None."""
    value = os.environ.get("LOAD_BASE_URL", "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path.strip("/")
        or parts.query
    ):
        sys.exit(
            "LOAD_BASE_URL must be a site's address, such as "
            f"https://staging.example.org, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


def run_locust(url, tmp, users, duration, sign_ups=True):
    with (tmp / "locust.log").open("w") as log:
        subprocess.run(
            [
                *(sys.executable, "-m", "locust", "-f", str(LOCUSTFILE)),
                *("--headless", "--only-summary", "--host", url),
                *("--users", str(users), "--spawn-rate", str(max(1, users / 5))),
                *("--run-time", f"{duration}s", "--stop-timeout", "10"),
                *("--json-file", str(tmp / "stats"), "--csv", str(tmp / "locust")),
                *("--loglevel", "WARNING"),
                *(() if sign_ups else ("--exclude-tags", SIGN_UP)),
            ],
            cwd=PROJECT_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,  # locust exits 1 when any request failed: reported below
        )
    return summary.read(tmp / "stats.json")


def report(rows, stored, users, duration, against):
    """Print the table; whether the run passed. stored is None for a running
    site, which gets no sign-ups."""
    total = rows[-1]
    sign_ups = next((row for row in rows if row.name == SIGN_UP), None)
    acknowledged = sign_ups.requests - sign_ups.failures if sign_ups else 0
    out(f"\n{users} users for {duration} s against {against}\n")
    out(f"{'requests':<26}{'count':>7}{'errors':>7}{'p50':>7}{'p95':>7}{'p99':>7}")
    for row in rows:
        out(
            f"{row.name:<26}{row.requests:>7}{row.failures:>7}"
            + "".join(f"{row.percentile(p):>7}" for p in (0.5, 0.95, 0.99))
        )
    out(
        f"\nrequests/s: {total.per_second:.1f}; latency (ms) p50 "
        f"{total.percentile(0.5)}, p95 {total.percentile(0.95)}, "
        f"p99 {total.percentile(0.99)}; errors: {total.failures}"
    )
    if stored is None:
        out("sign-ups: none posted (a running site)")
        return total.failures == 0
    out(f"sign-ups acknowledged: {acknowledged}; stored: {stored}")
    return total.failures == 0 and acknowledged == stored


def show_failures(tmp):
    failures = (tmp / "locust_failures.csv").read_text(errors="replace")
    out(f"\nFailures:\n{failures[-3000:]}")


def load_running_site(url, users, duration):
    """Reads and searches only, on url only (LOAD_BASE_URL)."""
    tmp = Path(tempfile.mkdtemp(prefix="bpnc-loadtest-"))
    try:
        out(f"Loading {url} (LOAD_BASE_URL) for {duration} s with {users} users …")
        rows = run_locust(url, tmp, users, duration, sign_ups=False)
        if not report(rows, None, users, duration, url):
            show_failures(tmp)
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    users = setting("LOAD_USERS", 20)
    duration = setting("LOAD_DURATION", 60)
    url = running_site()
    if url:
        return load_running_site(url, users, duration)
    workers = setting("LOAD_WORKERS", 2)
    tmp = Path(tempfile.mkdtemp(prefix="bpnc-loadtest-"))
    with ExitStack() as cleanup:
        cleanup.callback(shutil.rmtree, tmp, ignore_errors=True)
        database_url = cleanup.enter_context(throwaway_database(tmp, "bpnc_load"))
        env = site_environment(
            tmp, database_url, production=True, SIGNUP_RATE_LIMIT="1000000/m"
        )
        out(f"Building a throwaway site in {tmp} …")
        build_site(env)
        server = cleanup.enter_context(
            SiteServer(env, tmp / "gunicorn.log", workers=workers)
        )
        out(f"Loading {server.url} for {duration} s with {users} users …")
        rows = run_locust(server.url, tmp, users, duration)
        server.stop()
        output = run_command(env, "shell", "-v0", "-c", COUNT_SIGNUPS)
        stored = int(re.search(r"stored=(\d+)", output).group(1))
        against = (
            f"gunicorn ({workers} workers), production settings, "
            f"{database_vendor(database_url)}"
        )
        if not report(rows, stored, users, duration, against):
            show_failures(tmp)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
