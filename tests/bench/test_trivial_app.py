"""The bench's limit is fair: the trivial app sends the stored page's bytes and
every header it was sent with, nothing more."""

import importlib
import json
import sys


def test_the_trivial_app_replays_the_stored_pages_body_and_headers(
    tmp_path, monkeypatch
):
    body = b"<!doctype html><title>Treatment Not Trauma</title>"
    headers = [
        ["Content-Type", "text/html; charset=utf-8"],
        ["Content-Length", str(len(body))],
        ["Content-Security-Policy", "default-src 'self'"],
        ["ETag", 'W/"abc"'],
        ["X-Page-Cache", "hit"],
    ]
    (tmp_path / "page.html").write_bytes(body)
    (tmp_path / "headers.json").write_text(json.dumps(headers))
    monkeypatch.setenv("BENCH_TRIVIAL_HTML", str(tmp_path / "page.html"))
    monkeypatch.setenv("BENCH_TRIVIAL_HEADERS", str(tmp_path / "headers.json"))
    monkeypatch.delitem(sys.modules, "bench.trivial_app", raising=False)
    trivial_app = importlib.import_module("bench.trivial_app")

    started = []
    content = trivial_app.application(
        {}, lambda status, sent: started.append((status, sent))
    )

    assert started == [("200 OK", [tuple(header) for header in headers])]
    assert b"".join(content) == body
