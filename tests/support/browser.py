"""Reading a served page the way a visitor's browser does."""

from urllib.parse import urlsplit

from .seed import seed_path

ENGLISH_CAMPAIGN = seed_path(language="en")
SPANISH_CAMPAIGN = seed_path(language="es")


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
