"""A small round-robin reverse proxy, for the drill when nginx is not installed.

    python -m loadtest.proxy LISTEN_PORT UPSTREAM_PORT [UPSTREAM_PORT …] \
        [--drained FILE]

It listens on 127.0.0.1 and sends each request to the next app server in turn,
adding the client's address to X-Forwarded-For and passing the Host header on,
as nginx does with ``proxy_set_header``. When a server refuses the connection
(stopped, or restarting) or drops it before answering, a GET or HEAD goes to
the next one, as with nginx's ``proxy_next_upstream error``; any other request
gets a 502, since this proxy never resends what a visitor posted (nginx does
send a POST on when the refused connection carried nothing). No answer within
the timeout gives a 504. The ports listed in the --drained file, one a line,
get no new request, as nginx's ``down`` (the drill's rolling restart drains a
server before stopping it), unless every server is drained.
"""

import http.client
import itertools
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

UPSTREAM_TIMEOUT = 30  # seconds, gunicorn's worker timeout
RETRIED = ("GET", "HEAD")
# Headers about one connection, not the request (RFC 9110, 7.6.1).
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
}


class Proxy(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, port, upstream_ports, drained_file=None):
        super().__init__(("127.0.0.1", port), Forwarder)
        self.upstreams = [("127.0.0.1", upstream) for upstream in upstream_ports]
        self.drained_file = Path(drained_file) if drained_file else None
        self._turns = itertools.count()
        self._lock = threading.Lock()

    def upstream_order(self):
        """Every upstream once, starting with the next one's turn."""
        with self._lock:
            first = next(self._turns) % len(self.upstreams)
        order = self.upstreams[first:] + self.upstreams[:first]
        drained = self.drained()
        return [upstream for upstream in order if upstream[1] not in drained] or order

    def drained(self):
        try:
            text = self.drained_file.read_text() if self.drained_file else ""
        except FileNotFoundError:
            return set()
        return {int(line) for line in text.split()}


class Forwarder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per client connection

    def do_GET(self):
        self.forward()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        for upstream in self.server.upstream_order():
            try:
                answer = self.exchange(upstream, body)
            except ConnectionRefusedError:
                failure = f"{upstream[1]} refused the connection"
            except TimeoutError:
                return self.fail(504, f"{upstream[1]} did not answer in time")
            except (OSError, http.client.HTTPException) as error:
                failure = f"{upstream[1]} failed: {error!r}"
            else:
                return self.relay(*answer)
            if self.command not in RETRIED:
                break
        return self.fail(502, failure)

    def exchange(self, upstream, body):
        """(status, reason, headers, content) of the upstream's whole answer."""
        connection = http.client.HTTPConnection(*upstream, timeout=UPSTREAM_TIMEOUT)
        try:
            connection.putrequest(
                self.command, self.path, skip_host=True, skip_accept_encoding=True
            )
            for name, value in self.upstream_headers(len(body)):
                connection.putheader(name, value)
            connection.endheaders(body or None)
            response = connection.getresponse()
            return (
                response.status,
                response.reason,
                response.getheaders(),
                (response.read()),
            )
        finally:
            connection.close()

    def relay(self, status, reason, headers, content):
        self.send_response_only(status, reason)
        length = None
        for name, value in headers:
            if name.lower() == "content-length":
                length = value
            elif name.lower() not in HOP_BY_HOP:
                self.send_header(name, value)
        if self.command != "HEAD" or length is None:
            length = str(len(content))
        self.send_header("Content-Length", length)
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    def upstream_headers(self, length):
        forwarded = self.headers.get("X-Forwarded-For")
        client = self.client_address[0]
        for name, value in self.headers.items():
            if name.lower() not in HOP_BY_HOP and name.lower() != "x-forwarded-for":
                yield name, value
        yield "X-Forwarded-For", f"{forwarded}, {client}" if forwarded else client
        if length or self.command not in RETRIED:
            yield "Content-Length", str(length)
        yield "Connection", "close"

    def fail(self, status, reason):
        self.log_message("%s %s: %s", self.command, self.path, reason)
        content = f"{status} from the drill's proxy: {reason}\n".encode()
        self.send_response_only(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    def log_request(self, code="-", size="-"):
        """Only failures are logged (by fail), not every request."""


def main(argv):
    drained = None
    if "--drained" in argv:
        at = argv.index("--drained")
        drained, argv = argv[at + 1], argv[:at] + argv[at + 2 :]
    port, *upstreams = (int(value) for value in argv)
    Proxy(port, upstreams, drained).serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
