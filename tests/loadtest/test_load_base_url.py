"""`LOAD_BASE_URL=… make loadtest` loads a running site, and only that site: the
sitemap's links lend it their paths, never their host; a redirect is reported,
not followed; no sign-up is posted."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loadtest.run import running_site
from tests.support.site import PROJECT_DIR


class Recording(ThreadingHTTPServer):
    """A loopback server answering every GET from routes, keeping what it was asked."""

    def __init__(self, routes=None):
        self.routes = routes or {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(("GET", self.path))
                status, headers, body = server.routes.get(
                    self.path.split("?")[0], (200, {}, b"<html></html>")
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                server.requests.append(("POST", self.path))
                self.send_response(403)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self):
        self.shutdown()
        self.server_close()


@pytest.fixture
def elsewhere():
    server = Recording()
    yield server
    server.close()


@pytest.fixture
def named(elsewhere):
    sitemap = (
        f"<urlset><url><loc>{elsewhere.url}/es/moved/</loc></url></urlset>"
    ).encode()
    server = Recording(
        {
            "/sitemap.xml": (200, {}, sitemap),
            "/es/moved/": (302, {"Location": f"{elsewhere.url}/es/"}, b""),
        }
    )
    yield server
    server.close()


@pytest.mark.sqlite_pass
def test_a_running_site_is_loaded_and_nothing_else(named, elsewhere):
    env = {
        **os.environ,
        "LOAD_BASE_URL": named.url + "/",
        "LOAD_USERS": "2",
        "LOAD_DURATION": "3",
    }
    result = subprocess.run(
        [sys.executable, "-m", "loadtest.run"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert f"Loading {named.url} (LOAD_BASE_URL)" in result.stdout
    assert "sign-ups: none posted (a running site)" in result.stdout
    assert elsewhere.requests == []
    assert {method for method, _ in named.requests} == {"GET"}
    paths = {path.split("?")[0] for _, path in named.requests}
    assert "/sitemap.xml" in paths
    assert paths <= {"/sitemap.xml", "/es/moved/", "/en/search/", "/es/buscar/"}
    # The redirect towards the other host is a failure, so the run fails.
    assert ("GET", "/es/moved/") in named.requests
    assert result.returncode == 1


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("https://staging.example.org/", "https://staging.example.org"),
        ("http://127.0.0.1:8103", "http://127.0.0.1:8103"),
        ("", None),
    ],
)
def test_the_address_named_is_the_one_used(monkeypatch, value, address):
    monkeypatch.setenv("LOAD_BASE_URL", value)

    assert running_site() == address


@pytest.mark.parametrize(
    "value", ["staging.example.org", "ftp://example.org", "https://example.org/en/"]
)
def test_anything_but_a_sites_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("LOAD_BASE_URL", value)

    with pytest.raises(SystemExit, match="LOAD_BASE_URL must be a site's address"):
        running_site()
