"""What the trivial app replays is the stored page as wrk receives it: its body
uncompressed and its own headers, without those the server adds to every answer."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench.pages import recorded

BODY = b"<!doctype html><p>Treatment Not Trauma</p>"


class StoredPage(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)  # with the server's own Date and Server
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(BODY)))
        self.send_header("ETag", 'W/"abc"')
        self.send_header("X-Page-Cache", "hit")
        self.send_header("X-Encoding-Asked", self.headers.get("Accept-Encoding", ""))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


def test_the_page_is_recorded_uncompressed_with_its_own_headers():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StoredPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        body, headers = recorded(f"http://127.0.0.1:{server.server_port}/en/")
    finally:
        server.shutdown()
        server.server_close()
    assert body == BODY
    assert headers == [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(BODY))),
        ("ETag", 'W/"abc"'),
        ("X-Page-Cache", "hit"),
        ("X-Encoding-Asked", "identity"),
    ]
