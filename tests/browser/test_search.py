"""Searching from the header's search box, in each language."""

import pytest

from tests.support.browser import path_of, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "other", "word"),
    [
        ("en", "es", "immigrant"),
        ("en", "es", "ShotSpotter"),
        ("es", "en", "inmigrantes"),
        ("es", "en", "ShotSpotter"),
    ],
)
def test_header_search_finds_pages_in_the_visitors_language(
    page, site_url, search_paths, language, other, word
):
    visit(page, f"{site_url}/{language}/")
    box = page.get_by_role("banner").get_by_role("searchbox")
    box.fill(word)
    with page.expect_navigation():
        box.press("Enter")

    assert path_of(page.url) == search_paths[language]
    results = page.locator("main .search-results a[href]")
    hrefs = [
        path_of(href) for href in results.evaluate_all("as => as.map(a => a.href)")
    ]
    assert hrefs, f"Searching /{language}/ for {word!r} found nothing"
    assert any(href.startswith(f"/{language}/") for href in hrefs), (
        f"No result for {word!r} is a /{language}/ page: {hrefs}"
    )
    assert not [href for href in hrefs if href.startswith(f"/{other}/")], (
        f"Searching in /{language}/ for {word!r} offered /{other}/ pages: {hrefs}"
    )
