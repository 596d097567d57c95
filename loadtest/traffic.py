"""The drill's load: neighbours reading pages in both languages and signing up.

A few threads for as long as the drill runs, each request counted under the
scenario running when it started. Readers fetch pages; sign-up threads open a
campaign page, read its sign-up form as a browser does (its action and hidden
fields) and post it with a new email and the site's Origin, without following
the redirect. A sign-up is acknowledged when the answer is the redirect to the
thank-you. When the answer says nothing (no connection, a proxy error, a 5xx),
the neighbour sends the same form again a few times, as people do: a site that
kept the first one must not store it twice.
"""

import http.client
import random
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

REQUEST_TIMEOUT = 45  # seconds: more than the proxy's 30
THANKS = "signed-up="


@dataclass
class Tally:
    """What one scenario's requests met."""

    latencies: list = field(default_factory=list)  # seconds
    statuses: Counter = field(default_factory=Counter)  # status or error name
    errors: int = 0

    def p99(self):
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


@dataclass
class SignUp:
    email: str
    scenario: str  # when it was first sent
    attempts: int = 0
    acknowledged: bool = False


class SignupForm(HTMLParser):
    """The first POST form of a page: its action and its hidden fields."""

    def __init__(self, html):
        super().__init__()
        self.action, self.hidden, self._inside = None, {}, False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.action is None:
            if (attrs.get("method") or "").lower() == "post":
                # Its path: the request goes to the proxy whatever host it names.
                action = urlsplit(attrs.get("action") or "")
                self.action = action._replace(
                    scheme="", netloc="", fragment=""
                ).geturl()
                self._inside = True
        elif tag == "input" and self._inside and attrs.get("type") == "hidden":
            self.hidden[attrs.get("name")] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False


class Traffic:
    def __init__(self, base_url, pages, campaigns, timing, readers=3, signers=2):
        self.base_url, self.timing = base_url, timing
        self.host = urlsplit(base_url).netloc
        self.pages, self.campaigns = pages, campaigns
        self.scenario = "starting"
        self.tallies = defaultdict(Tally)
        self.signups = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._read, daemon=True) for _ in range(readers)
        ] + [
            threading.Thread(target=self._sign_up, daemon=True) for _ in range(signers)
        ]

    def start(self):
        for thread in self._threads:
            thread.start()

    def stop(self, wait=True):
        """Stop sending; with wait, sign-ups under way finish their tries first."""
        self._stop.set()
        for thread in self._threads if wait else ():
            thread.join(timeout=REQUEST_TIMEOUT * (self.timing.signup_tries + 1))

    def request(self, method, path, body=None, headers=None):
        """(status or None, headers, text), counted under the current scenario."""
        scenario, started = self.scenario, time.monotonic()
        connection = http.client.HTTPConnection(self.host, timeout=REQUEST_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            answer = (response.status, response.headers, response.read().decode())
            outcome = response.status
        except (OSError, http.client.HTTPException) as error:
            answer, outcome = (None, {}, ""), type(error).__name__
        finally:
            connection.close()
        with self._lock:
            tally = self.tallies[scenario]
            tally.latencies.append(time.monotonic() - started)
            tally.statuses[outcome] += 1
            if answer[0] is None or answer[0] >= 500:
                tally.errors += 1
        return answer

    def _read(self):
        while not self._stop.is_set():
            self.request("GET", random.choice(self.pages))
            self._stop.wait(self.timing.read_pause)

    def _sign_up(self):
        while not self._stop.is_set():
            language, page = random.choice(list(self.campaigns.items()))
            status, _, html = self.request("GET", page)
            form = SignupForm(html) if status == 200 else None
            if form and form.action:
                self._post_until_answered(language, page, form)
            self._stop.wait(self.timing.signup_pause)

    def _post_until_answered(self, language, page, form):
        signup = SignUp(f"drill-{uuid.uuid4().hex[:20]}@example.org", self.scenario)
        with self._lock:
            self.signups.append(signup)
        fields = {
            **form.hidden,
            **{"name": "Drill Neighbour", "email": signup.email},
            **{"zip_code": "60632", "language": language, "consent": "on"},
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.base_url,
            "Referer": f"{self.base_url}{page}",
        }
        while signup.attempts < self.timing.signup_tries:
            signup.attempts += 1
            status, answer_headers, html = self.request(
                "POST", form.action, urlencode(fields), headers
            )
            if status in (302, 303) and THANKS in answer_headers.get("Location", ""):
                signup.acknowledged = True
                return
            if status is not None and status < 500 and status != 429:
                return  # the site's answer: refused, or the form with errors
            # No answer, or the form back "not saved": sent again, with the
            # hidden fields of the form shown back, if one was.
            fields.update(SignupForm(html).hidden if html else {})
            time.sleep(self.timing.signup_retry_pause)
