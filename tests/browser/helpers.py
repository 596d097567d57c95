"""Small helpers shared by the browser tests."""

from urllib.parse import urlsplit

ENGLISH_CAMPAIGN = "/en/campaigns/treatment-not-trauma/"
SPANISH_CAMPAIGN = "/es/campanas/tratamiento-no-trauma/"


def path_of(url):
    return urlsplit(url).path


def html_lang(page):
    return page.locator("html").get_attribute("lang")


def visit(page, url):
    """Open a page as a visitor would, failing clearly if it is not there."""
    response = page.goto(url, wait_until="load")
    assert response is not None, f"No response for {url}"
    assert response.ok, f"{url} answered {response.status}"
    return response
