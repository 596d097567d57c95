"""``make bench``: requests per second and latency per page type (``run``), against
a trivial WSGI app serving the same bytes (``trivial_app``), with SQL queries and
bytes per page (``count_queries``). The throwaway site it measures is built and
served by ``tests/support/site.py``."""

import sys


class BenchError(Exception):
    """Something stopped the bench; the message says what."""


def warn(message):
    sys.stderr.write(f"warning: {message}\n")
