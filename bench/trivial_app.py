"""The physical limit: a stored page's bytes and headers replayed from memory,
and nothing else done.

``BENCH_TRIVIAL_HTML`` names the body, ``BENCH_TRIVIAL_HEADERS`` a JSON list of
the [name, value] headers the stored page was sent with (bench/run.py records
both from the cached server), so the comparison is fair: the same bytes on the
wire, the same gunicorn, only the work in between differs.
"""

import json
import os
from pathlib import Path

BODY = Path(os.environ["BENCH_TRIVIAL_HTML"]).read_bytes()
HEADERS = [
    (name, value)
    for name, value in json.loads(Path(os.environ["BENCH_TRIVIAL_HEADERS"]).read_text())
]


def application(environ, start_response):
    start_response("200 OK", list(HEADERS))
    return [BODY]
