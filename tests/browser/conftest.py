"""A throwaway copy of the site, served as visitors see it, and one Chromium.

The browser tests do not use pytest-django's database fixtures or live server: the
rest of the suite keeps its data in transactions that a server thread cannot see.
Instead, once per session, the site is built from scratch in a temporary folder
(its own SQLite file, static and media folders) with the same management commands
``make run`` uses, and served by gunicorn with DEBUG off, whitenoise serving the
collected static files (tests/support/site.py's ServedSite). Every browser test uses
that one site; the alert tests publish their alerts on it and serve it again, after
all the others. One Chromium (Debian's, launched by path; never downloaded) is
shared by every test.

Every test in this folder is marked ``browser``: ``pytest -m "not browser"`` leaves
them out. They are skipped, with the reason, only when no Chromium is installed.
"""

import os
import re
import shutil
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest

from tests.support.site import ServedSite

BROWSER_DIR = Path(__file__).resolve().parent
CHANGES = "changes_served_site"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def find_chromium():
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives the served site in a real browser (Chromium)"
    )
    config.addinivalue_line(
        "markers",
        f"{CHANGES}: changes the browser tests' shared site, so runs after the "
        "other browser tests",
    )


def is_browser_test(item):
    return BROWSER_DIR in Path(str(item.fspath)).resolve().parents


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test, even one that forgets the mark;
    those that change the shared site run after the other browser tests."""
    for item in items:
        if is_browser_test(item):
            item.add_marker(pytest.mark.browser)
    browser_tests = [item for item in items if is_browser_test(item)]
    if browser_tests:
        first = items.index(browser_tests[0])
        for item in browser_tests:
            items.remove(item)
        browser_tests.sort(key=lambda item: bool(item.get_closest_marker(CHANGES)))
        items[first:first] = browser_tests


# The browser and the server are session fixtures, but they are released as soon as
# the session's last browser test is done rather than at the very end: Playwright's
# sync API leaves an asyncio loop marked as running in the main thread, and Django
# refuses database access (SynchronousOnlyOperation) from such a thread, so any test
# running after the browser tests would fail while the browser is still open.
_release_when_browser_tests_end = []


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    if not is_browser_test(item):
        return
    items = item.session.items
    position = items.index(item) if item in items else len(items)
    if any(is_browser_test(later) for later in items[position + 1 :]):
        return
    while _release_when_browser_tests_end:
        _release_when_browser_tests_end.pop()()


def release_later(callback):
    """Run callback when the browser tests end, or at the session's end: once."""
    done = []

    def release():
        if not done:
            done.append(True)
            callback()

    _release_when_browser_tests_end.append(release)
    return release


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if not path:
        pytest.skip(
            "Browser tests need Chromium: neither /usr/bin/chromium nor `chromium` "
            "on PATH exists (install Debian's chromium package; it is never "
            "downloaded by the tests)."
        )
    return path


# The site


# The site is built in other processes (tests/support/site.py): started as soon as
# the browser tests are collected, it builds on the machine's other core while the
# tests before them run, instead of holding up the first browser test.
_site_builds = []


def pytest_collection_finish(session):
    if session.config.option.collectonly or not find_chromium():
        return
    if any(is_browser_test(item) for item in session.items):
        start_site_build()


def start_site_build():
    folder = Path(tempfile.mkdtemp(prefix="bpnc-browser-site-"))
    builder = ThreadPoolExecutor(1, thread_name_prefix="browser-site")
    build = builder.submit(ServedSite, folder, roles=True, demo_users=True)
    builder.shutdown(wait=False)
    _site_builds.append((folder, build))


def pytest_sessionfinish(session):
    while _site_builds:
        folder, build = _site_builds.pop()
        try:
            build.result().stop()
        except Exception:  # noqa: BLE001 - its test has reported it already
            pass
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def served_site(chromium_path):
    """The one throwaway site of the browser tests, with the roles and the demo
    users (tests/support/site.py's ServedSite), started at collection."""
    # CI also runs the suite against PostgreSQL; this site always has its own file.
    if not _site_builds:
        start_site_build()
    site = _site_builds[0][1].result()
    stop = release_later(site.stop)
    try:
        yield site
    finally:
        stop()


@pytest.fixture(scope="session")
def site_url(served_site):
    """The base URL, without a trailing slash, of the freshly built site."""
    return served_site.url


@pytest.fixture(scope="session")
def site_env(served_site):
    """The site's environment, to run its management commands."""
    return served_site.env


TRANSLATOR = ("traductora", "bpnc-traduce-demo")


@pytest.fixture
def translator_page(browser, site_url):
    """A page signed in to the admin as the demo translator (no second factor)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{site_url}/admin/login/", wait_until="load")
    page.fill("input[name=username]", TRANSLATOR[0])
    page.fill("input[name=password]", TRANSLATOR[1])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def fetch(url):
    with urllib.request.urlopen(url, timeout=15) as response:
        return response.read().decode("utf-8")


class SearchFormAction(HTMLParser):
    """The action of the first search form (role="search") on a page."""

    def __init__(self):
        super().__init__()
        self.action = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.action is None and tag == "form" and attrs.get("role") == "search":
            self.action = attrs.get("action")


def search_path(site_url, language):
    """Where the site's own search form sends a search in that language."""
    parser = SearchFormAction()
    parser.feed(fetch(f"{site_url}/{language}/"))
    assert parser.action, f"/{language}/ has no search form (role=search)"
    return urlsplit(urljoin(f"{site_url}/{language}/", parser.action)).path


@pytest.fixture(scope="session")
def search_paths(site_url):
    """{"en": "/en/search/", "es": "/es/..."} as the header search forms say."""
    return {language: search_path(site_url, language) for language in ("en", "es")}


@pytest.fixture(scope="session")
def public_pages(site_url, search_paths):
    """Every public page, in both languages: the sitemap, plus a search each."""
    sitemap = fetch(f"{site_url}/sitemap.xml")
    server = urlsplit(site_url)
    pages = []
    for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap):
        parts = urlsplit(loc)
        # The sitemap names the Wagtail site's host; visit this server instead.
        pages.append(urlunsplit((server.scheme, server.netloc, *parts[2:])))
    assert len(pages) >= 2, f"The sitemap lists almost nothing:\n{sitemap}"
    for language, query in (("en", "immigrant"), ("es", "inmigrantes")):
        pages.append(f"{site_url}{search_paths[language]}?q={query}")
    return pages


# The browser


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    stop_playwright = release_later(playwright.stop)
    try:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        # Released in reverse order: the browser closes before Playwright stops.
        close_browser = release_later(browser.close)
        try:
            yield browser
        finally:
            close_browser()
    finally:
        stop_playwright()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
