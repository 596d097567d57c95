"""The drill's Python proxy: turns between app servers, passes over one that
refuses a GET, answers 502 to a POST it could not send, and names the client."""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from loadtest.proxy import Proxy
from loadtest.services import free_ports


class Echo(BaseHTTPRequestHandler):
    """An app server that answers with what it was sent."""

    def do_GET(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        answer = (
            f"{self.server.server_port} {self.command} {self.headers['Host']} "
            f"{self.headers['X-Forwarded-For']} {body.decode()}"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture
def proxy():
    """A proxy in front of one server that answers and one port nobody listens on."""
    app = serve(ThreadingHTTPServer(("127.0.0.1", 0), Echo))
    port, refusing = free_ports(2)
    proxy = serve(Proxy(port, [refusing, app.server_port]))
    yield proxy.server_port, app.server_port
    proxy.shutdown()
    app.shutdown()
    proxy.server_close()
    app.server_close()


def send(port, method, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, "/en/", body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def test_a_get_goes_past_a_server_that_refuses_the_connection(proxy):
    port, app_port = proxy
    answers = [send(port, "GET") for _ in range(4)]
    assert answers == [(200, f"{app_port} GET 127.0.0.1:{port} 127.0.0.1 ")] * 4


def test_a_post_that_could_not_be_sent_gets_a_502_and_is_never_sent_twice(proxy):
    port, app_port = proxy
    answers = [send(port, "POST", "email=a%40example.org") for _ in range(2)]
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200, 502]
    assert (
        200,
        f"{app_port} POST 127.0.0.1:{port} 127.0.0.1 email=a%40example.org",
    ) in answers


def test_the_client_address_is_added_to_x_forwarded_for(proxy):
    port, _ = proxy
    _, text = send(port, "GET", headers={"X-Forwarded-For": "203.0.113.9"})
    assert text.split()[3:5] == ["203.0.113.9,", "127.0.0.1"]


def test_a_drained_server_gets_no_new_request(tmp_path):
    first = serve(ThreadingHTTPServer(("127.0.0.1", 0), Echo))
    second = serve(ThreadingHTTPServer(("127.0.0.1", 0), Echo))
    drained = tmp_path / "drained"
    (port,) = free_ports(1)
    proxy = serve(Proxy(port, [first.server_port, second.server_port], drained))
    try:
        drained.write_text(f"{first.server_port}\n")
        answered = {send(port, "GET")[1].split()[0] for _ in range(4)}
        assert answered == {str(second.server_port)}
        drained.write_text("")
        answered = {send(port, "GET")[1].split()[0] for _ in range(4)}
        assert answered == {str(first.server_port), str(second.server_port)}
    finally:
        for server in (proxy, first, second):
            server.shutdown()
            server.server_close()
