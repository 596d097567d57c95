"""Visiting the site tells no other host about the visitor."""

from urllib.parse import urlsplit

import pytest

from tests.support.browser import path_of

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = {"data", "blob", "about"}

SCROLL_TO_BOTTOM = """() => new Promise((done) => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
})"""


def test_no_page_requests_another_host(page, site_url, public_pages):
    host = urlsplit(site_url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    elsewhere = {}
    for url in public_pages:
        requested.clear()
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} did not load"
        # Lazy images and the like are requested only once scrolled to: scroll to
        # the bottom and give the browser two frames to issue those requests (a
        # request is recorded when it is made, not when it finishes).
        page.evaluate(SCROLL_TO_BOTTOM)
        foreign = sorted(
            {
                request
                for request in requested
                if urlsplit(request).scheme not in LOCAL_SCHEMES
                and urlsplit(request).netloc != host
            }
        )
        if foreign:
            elsewhere[path_of(url)] = foreign

    assert not elsewhere, "Pages requested other hosts:\n" + "\n".join(
        f"  {path}: {', '.join(urls)}" for path, urls in elsewhere.items()
    )
