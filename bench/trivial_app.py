"""The physical limit: one page's bytes from memory, and nothing else done."""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_TRIVIAL_HTML"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", list(HEADERS))
    return [BODY]
