"""SQL queries and HTML bytes per page, rendered in-process with the page cache off.

Run by bench/run.py as ``python -m bench.count_queries RESULTS_JSON PATH...`` with
the bench servers' settings and database, so the servers are never instrumented.
"""

import json
import sys
from pathlib import Path

import django
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count(client, path):
    warming = client.get(path)
    if warming.status_code != 200:
        raise SystemExit(f"{path} answered {warming.status_code}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {"queries": len(queries), "bytes": len(response.content)}


def main(results_path, paths):
    django.setup()
    client = Client(HTTP_HOST="127.0.0.1")
    results = {path: count(client, path) for path in paths}
    Path(results_path).write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
