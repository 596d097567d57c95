"""The short drill, started as soon as it is collected.

Most of its minutes are spent in its own processes (a PostgreSQL and a Redis of its
own, the site built and served behind a proxy, the load): started at collection, it
runs on the machine's other core while the suite's tests before it run, and its
test only waits for the result.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.collection import needed
from tests.support.site import BackgroundProcess

DRILL = "short_drill"
_drills = []


def start_short_drill():
    folder = Path(tempfile.mkdtemp(prefix="bpnc-short-drill-"))
    drill = BackgroundProcess(
        [sys.executable, "-m", "loadtest.drill", "--short"],
        env={**os.environ, "DRILL_SHORT": "1"},
        output_path=folder / "drill.log",
    )
    _drills.append(drill)
    return drill


def pytest_collection_finish(session):
    if needed(session, DRILL):
        start_short_drill()


def pytest_sessionfinish(session):
    while _drills:
        drill = _drills.pop()
        drill.stop()  # the drill stops everything it started
        shutil.rmtree(drill.output_path.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def short_drill():
    """``python -m loadtest.drill --short``, as CI would run ``make drill``,
    started at collection (tests/support/site.py's BackgroundProcess)."""
    return _drills[0] if _drills else start_short_drill()
