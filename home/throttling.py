"""Counting a visitor's posts against a rate such as "10/10m" (django-ratelimit),
in the cache every app server shares, and telling them when to try again."""

import re

from django_ratelimit.core import is_ratelimited

PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}
RATE = re.compile(r"^\d+/(\d*)([smhd])$")


def retry_after(rate):
    """The seconds a rate counts over: 600 for "10/10m"."""
    match = RATE.match(rate)
    if match is None:
        raise ValueError(f"Not a rate such as 10/10m: {rate!r}")
    return int(match.group(1) or 1) * PERIODS[match.group(2)]


def over_limit(request, group, rate):
    """Count this post from the visitor's address; whether it is one too many."""
    return is_ratelimited(
        request, group=group, key="ip", rate=rate, method="POST", increment=True
    )
