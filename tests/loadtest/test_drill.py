"""The short drill, end to end: the production topology under load and faults
loses no acknowledged sign-up, counts none twice, shows every publish made
during a fault on every server in both languages within the staleness bound,
and serves no page from before a template-only release.

It runs ``python -m loadtest.drill --short`` as CI would run ``make drill``:
started as soon as it is collected (conftest.py), while the tests before it
run. Most of its time is building the site; on a busy 2-core machine that
alone takes minutes, hence the generous limit. The drill starts a PostgreSQL
server of its own whatever the suite's database is, so it runs in one of CI's
two passes only: the PostgreSQL one, whose machine has PostgreSQL's server
binaries.
"""

import re
import shutil
import subprocess

import pytest
from django.db import connection

from loadtest.services import postgres_binary

TIMEOUT = 30 * 60  # seconds: a busy machine is slow, not broken


def missing_servers():
    missing = [] if shutil.which("redis-server") else ["redis-server"]
    try:
        postgres_binary("postgres")
    except RuntimeError:
        missing.append("PostgreSQL's server binaries")
    return missing


pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="The drill builds its own PostgreSQL server whatever DATABASE_URL "
        "says, so it runs once, in the PostgreSQL pass (DATABASE_URL=postgres://…, "
        "as in CI's second pass), not again on SQLite.",
    ),
    pytest.mark.skipif(
        bool(missing_servers()),
        reason=f"The drill needs {' and '.join(missing_servers())}.",
    ),
]


def run_short_drill(short_drill):
    """(exit code, output) of the drill started at collection (conftest.py)."""
    try:
        return short_drill.finish(TIMEOUT)
    except subprocess.TimeoutExpired:
        # Stopped, and the drill stops everything it started.
        tail = short_drill.output()[-4000:]
        pytest.fail(f"The drill took over {TIMEOUT} s:\n{tail}")


def test_the_short_drill_loses_nothing_duplicates_nothing_serves_nothing_stale(
    short_drill,
):
    returncode, output = run_short_drill(short_drill)
    tail = output[-6000:]
    assert returncode == 0, tail
    assert re.search(r"^scenario\s+requests\s+errors\s+p99 ms", output, re.M), tail
    assert re.search(r"seen after s\s+stale$", output, re.M), tail
    for scenario in (
        *("baseline", "hang Redis", "stop PostgreSQL", "kill an app server"),
        "template release",
    ):
        # Each with its publish seen everywhere and no stale read.
        assert re.search(rf"^{scenario}\s+\d+.*\s+[\d.]+\s+0$", output, re.M), tail
    assert re.search(r"lost: 0; duplicated: 0$", output, re.M), tail
    assert re.search(r"stale reads past the bound: 0$", output, re.M), tail
    assert re.search(
        r"^pages without the template release's footer: 0 of [1-9]", output, re.M
    ), tail
    assert "DRILL PASSED" in output, tail
