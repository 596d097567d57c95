"""Is a publish seen everywhere in time? The drill's check of visible content.

A publish (loadtest/editor.py) changes the sample campaign's title in English and
Spanish and an alert shown on every page in both languages. From its commit on,
every app server is read directly (not through the proxy, which would hide one
behind the other) until each of them shows the new title in the campaign page's
``<h1>`` and on the campaigns index, and the new alert in the visible text of
every page, in both languages; then once more for as long as the bound, in case
something old comes back. A read sent more than the staleness bound after the
commit that shows the old content is stale. A server that does not answer
(killed, restarting) is read again until it does or the watch ends; whatever it
never showed by then counts as stale too.
"""

import http.client
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.support.site import PROJECT_DIR

from . import processes
from .editor import markers

READ_TIMEOUT = 10  # seconds
ROUND_PAUSE = 0.25  # seconds between two rounds of reads


class Visible(HTMLParser):
    """The text a reader sees in a page's body, and its first ``<h1>``'s."""

    HIDDEN = {"script", "style", "template", "head", "noscript"}

    def __init__(self, html):
        super().__init__()
        self.text, self.heading = [], None
        self._hidden, self._in_h1 = 0, False
        self._h1 = []
        self.feed(html)
        self.text = " ".join(" ".join(self.text).split())

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "h1" and self.heading is None:
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.heading = " ".join(" ".join(self._h1).split())

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)
            if self._in_h1:
                self._h1.append(data)


def expectations(number, pages, campaign, index):
    """[(path, where, text)]: what publish N must put where on each page.
    campaign and index are {language: path}."""
    wanted = markers(number)
    checks = []
    for language in ("en", "es"):
        checks.append((campaign[language], "h1", wanted["page"][language]))
        checks.append((index[language], "text", wanted["page"][language]))
    for path in pages:
        language = path.split("/")[1]
        checks.append((path, "text", wanted["alert"][language]))
    return checks


def shows(html, where, text):
    visible = Visible(html)
    return text in ((visible.heading or "") if where == "h1" else visible.text)


def read(base_url, path):
    """(status or None, html) of a GET straight to one app server."""
    host = base_url.split("//", 1)[1]
    connection = http.client.HTTPConnection(host, timeout=READ_TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    except (OSError, http.client.HTTPException):
        return None, ""
    finally:
        connection.close()


@dataclass
class Watch:
    """Reads every server until each shows a publish (see the module's doc)."""

    servers: list
    checks: list
    committed_at: float  # time.time() of the commit
    bound: float
    reads: int = 0
    unanswered: int = 0
    seen: dict = field(default_factory=dict)  # (server, path, text): seconds
    stale: list = field(default_factory=list)  # (server, path, why)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def run(self, stop):
        """Until all is seen and confirmed for a bound, or stop is set."""
        confirmed_at = None
        while not stop.is_set():
            self.round()
            if len(self.seen) == len(self.servers) * len(self.checks):
                confirmed_at = confirmed_at or time.time() + self.bound
                if time.time() >= confirmed_at:
                    return
            stop.wait(ROUND_PAUSE)
        for server in self.servers:
            for path, _where, text in self.checks:
                if (server.name, path, text) not in self.seen:
                    self.stale.append((server.name, path, f"never showed {text}"))

    def round(self):
        """Every check on every server, the servers read at the same time."""
        threads = [
            threading.Thread(target=self.read_server, args=(server,))
            for server in self.servers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def read_server(self, server):
        for path, where, text in self.checks:
            sent = time.time()
            status, html = read(server.url, path)
            key = (server.name, path, text)
            with self._lock:
                self.reads += 1
                if status is None or status >= 500:
                    self.unanswered += 1
                elif status == 200 and shows(html, where, text):
                    self.seen.setdefault(key, time.time() - self.committed_at)
                elif sent - self.committed_at > self.bound:
                    why = f"answered {status} without {text}"
                    if key in self.seen:
                        why += " after showing it"
                    late = sent - self.committed_at
                    self.stale.append((server.name, path, f"{why}, {late:.1f} s"))

    def fresh_after(self):
        """Seconds from the commit until the last server showed the last check."""
        return max(self.seen.values(), default=None)


@dataclass
class Outcome:
    number: int
    committed_at: float | None = None
    attempts: int = 0
    error: str = ""
    watch: Watch | None = None


class Editor:
    """The drill's editor process (loadtest/editor.py) and the watch of each
    publish, in a thread of its own, so a scenario goes on while it publishes."""

    def __init__(self, env, log_path, cwd=PROJECT_DIR):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "loadtest.editor"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=Path(log_path).open("a"),
            text=True,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        self.count = 0
        self._thread, self._stop = None, threading.Event()
        self.outcome = None
        line = self.process.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"the drill's editor did not start: see {log_path}")

    def publish(self, servers, checks_for, bound):
        """Publish now; watch servers once it is committed. checks_for(N) gives
        the expectations."""
        self.count += 1
        self.outcome = Outcome(self.count)
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._publish_and_watch,
            args=(self.outcome, servers, checks_for(self.count), bound),
            daemon=True,
        )
        self._thread.start()
        return self.outcome

    def _publish_and_watch(self, outcome, servers, checks, bound):
        self.process.stdin.write(f"{outcome.number}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split(maxsplit=3)
        if not answer or answer[0] != "committed":
            outcome.error = " ".join(answer[2:]) or "the editor exited"
            return
        outcome.committed_at, outcome.attempts = float(answer[2]), int(answer[3])
        outcome.watch = Watch(servers, checks, outcome.committed_at, bound)
        outcome.watch.run(self._stop)

    def finish(self, grace):
        """Wait for the publish and its watch; stop the watch after grace s."""
        if self._thread is None:
            return self.outcome
        self._thread.join(grace)
        self._stop.set()
        self._thread.join()
        self._thread = None
        return self.outcome

    def close(self):
        with processes.signals_held():
            processes.stop(self.process)
