"""The pages measured, in both languages, as the site itself links to them."""

import http.client
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from tests.support.seed import SAMPLE_CAMPAIGN, SAMPLE_POLICY_AREA, seed_path

from . import BenchError

# (page type, English path); the Spanish path is read from the English page.
PAGE_TYPES = [
    ("home", "/en/"),
    ("campaign index", seed_path("campaigns")),
    ("campaign", seed_path(SAMPLE_CAMPAIGN)),
    ("policy index", seed_path("policy")),
    ("policy area", seed_path(SAMPLE_POLICY_AREA)),
    ("standard page", seed_path("about")),
]
SEARCH_QUERIES = {"en": "immigrant", "es": "inmigrantes"}
LIMIT_PAGE = ("campaign", "en")  # the page whose bytes the trivial app serves
# A campaign link as shared on WhatsApp or Facebook: stored pages serve it.
SHARED_LINK = ("campaign, shared link", "?utm_source=whatsapp&fbclid=IwAR0bench")


@dataclass(frozen=True)
class Page:
    kind: str
    language: str
    path: str  # with the query string, if any
    cacheable: bool = True


def fetch(url, accept_encoding=None):
    """The body (as sent) and the X-Page-Cache header of a GET."""
    request = urllib.request.Request(url)
    if accept_encoding:
        request.add_header("Accept-Encoding", accept_encoding)
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.read(), response.headers.get("X-Page-Cache")


# Added by gunicorn to every response, the trivial app's too.
SERVER_HEADERS = {"date", "server", "connection", "transfer-encoding"}


def recorded(url):
    """(body, [(name, value)]) of a GET answered as wrk's is (uncompressed):
    what the trivial app replays. The headers gunicorn adds are left out."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=15)
    try:
        connection.request("GET", parts.path)  # Accept-Encoding: identity
        response = connection.getresponse()
        body = response.read()
        headers = [
            (name, value)
            for name, value in response.getheaders()
            if name.lower() not in SERVER_HEADERS
        ]
    finally:
        connection.close()
    return body, headers


class LinkFinder(HTMLParser):
    """A page's Spanish alternate and its search form's action."""

    def __init__(self):
        super().__init__()
        self.spanish = None
        self.search = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("link", "a") and attrs.get("hreflang") == "es":
            self.spanish = self.spanish or attrs.get("href")
        if tag == "form" and attrs.get("role") == "search":
            self.search = self.search or attrs.get("action")


def links(base_url, path):
    finder = LinkFinder()
    finder.feed(fetch(base_url + path)[0].decode("utf-8"))
    return finder


def local_path(base_url, page_path, href):
    return urlsplit(urljoin(base_url + page_path, href)).path


def discover(base_url):
    """Every page measured: each page type in both languages, then the searches."""
    pages = []
    for kind, path in PAGE_TYPES:
        spanish = links(base_url, path).spanish
        if not spanish:
            raise BenchError(f"{path} links to no Spanish version (hreflang=es)")
        pages.append(Page(kind, "en", path))
        pages.append(Page(kind, "es", local_path(base_url, path, spanish)))
    shared_kind, tracking = SHARED_LINK
    pages += [
        Page(shared_kind, page.language, page.path + tracking)
        for page in pages
        if page.kind == "campaign"
    ]
    for language, query in SEARCH_QUERIES.items():
        home = f"/{language}/"
        action = links(base_url, home).search
        if not action:
            raise BenchError(f"{home} has no search form (role=search)")
        search = local_path(base_url, home, action)
        pages.append(Page("search", language, f"{search}?q={query}", cacheable=False))
    return pages
