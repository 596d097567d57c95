"""The language switcher takes a visitor to the same page in the other language."""

import pytest

from tests.support.browser import (
    ENGLISH_CAMPAIGN,
    SPANISH_CAMPAIGN,
    html_lang,
    path_of,
    visit,
)

pytestmark = pytest.mark.browser


def test_switching_to_spanish_and_back_keeps_the_visitor_on_the_same_campaign(
    page, site_url
):
    visit(page, site_url + ENGLISH_CAMPAIGN)
    assert html_lang(page) == "en"

    switcher = page.get_by_role("navigation", name="Language", exact=True)
    switcher.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(f"**{SPANISH_CAMPAIGN}")
    assert path_of(page.url) == SPANISH_CAMPAIGN
    assert html_lang(page) == "es"

    switcher = page.get_by_role("navigation", name="Idioma", exact=True)
    switcher.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(f"**{ENGLISH_CAMPAIGN}")
    assert path_of(page.url) == ENGLISH_CAMPAIGN
    assert html_lang(page) == "en"
