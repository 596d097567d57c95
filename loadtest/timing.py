"""How long each part of the drill lasts and how hard it loads the site: the full
drill, or the short one for CI (``DRILL_SHORT=1`` or ``--short``).

The load is chosen with ``--readers N --writers N`` (or DRILL_READERS,
DRILL_WRITERS). Building the site has its own limit, DRILL_BUILD_TIMEOUT
seconds (30 minutes: a busy machine is slow, not broken); the drill after the
build has ``overall`` seconds (DRILL_TIME_LIMIT to change it).
"""

import os
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Timing:
    short: bool
    watch: float  # seconds of load after each fault, and for the baseline
    redis_hang: float  # seconds Redis stays stopped (SIGSTOP)
    postgres_outage: float  # seconds PostgreSQL stays down
    server_down: float  # seconds a killed app server stays down
    overall: int  # limit on the drill once the site is built
    readers: int = 3  # threads reading pages
    writers: int = 2  # threads signing up
    build_timeout: int = 30 * 60  # seconds to build the site
    drain: float = 2.0  # seconds a drained server finishes its requests
    publish_grace: float = 60.0  # seconds a publish may take to be seen, past the bound
    settle: float = 1.0  # between scenarios, for requests under way to finish
    read_pause: float = 0.05  # between one reader's requests
    signup_pause: float = 0.2  # between one neighbour's sign-ups
    signup_tries: int = 4  # sends of one sign-up whose answer said nothing
    signup_retry_pause: float = 1.5


FULL = Timing(
    short=False,
    watch=15,
    redis_hang=20,
    postgres_outage=20,
    server_down=5,
    overall=30 * 60,
    readers=6,
    writers=3,
)
SHORT = Timing(
    short=True,
    watch=2,
    redis_hang=3,
    postgres_outage=4,
    server_down=1,
    overall=10 * 60,
    settle=0.5,
    drain=1.0,
    publish_grace=30.0,
)


def _option(argv, name):
    if name in argv and argv.index(name) + 1 < len(argv):
        return argv[argv.index(name) + 1]
    return None


def chosen(argv=()):
    argv = list(argv)
    wanted = "--short" in argv or os.environ.get("DRILL_SHORT", "") not in ("", "0")
    timing = SHORT if wanted else FULL
    changes = {}
    for field_name, option, variable in (
        ("readers", "--readers", "DRILL_READERS"),
        ("writers", "--writers", "DRILL_WRITERS"),
        ("build_timeout", None, "DRILL_BUILD_TIMEOUT"),
        ("overall", None, "DRILL_TIME_LIMIT"),
    ):
        value = (option and _option(argv, option)) or os.environ.get(variable)
        if value:
            changes[field_name] = int(value)
    return replace(timing, **changes)
