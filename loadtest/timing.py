"""How long each part of the drill lasts: the full drill, or the short one for CI
(``DRILL_SHORT=1`` or ``--short``)."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    short: bool
    watch: float  # seconds of load after each fault, and for the baseline
    redis_hang: float  # seconds Redis stays stopped (SIGSTOP)
    postgres_outage: float  # seconds PostgreSQL stays down
    server_down: float  # seconds a killed app server stays down
    overall: int  # hard limit on the whole drill, build included
    settle: float = 1.0  # between scenarios, for requests under way to finish
    read_pause: float = 0.05  # between one reader's requests
    signup_pause: float = 0.2  # between one neighbour's sign-ups
    signup_tries: int = 4  # sends of one sign-up whose answer said nothing
    signup_retry_pause: float = 1.5


FULL = Timing(
    short=False,
    watch=15,
    redis_hang=8,
    postgres_outage=20,
    server_down=5,
    overall=20 * 60,
)
SHORT = Timing(
    short=True,
    watch=3,
    redis_hang=3,
    postgres_outage=5,
    server_down=1,
    overall=6 * 60,
    settle=0.5,
)


def chosen(argv=()):
    wanted = "--short" in argv or os.environ.get("DRILL_SHORT", "") not in ("", "0")
    return SHORT if wanted else FULL
