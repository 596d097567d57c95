"""Signing up for a campaign, as a visitor fills in the form."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import (
    ENGLISH_CAMPAIGN,
    SPANISH_CAMPAIGN,
    html_lang,
    path_of,
    visit,
)
from tests.support.screenshots import take_screenshot

pytestmark = pytest.mark.browser

ENGLISH_THANKS = "Thank you! Your submission has been received!"


def test_signing_up_in_spanish_thanks_the_visitor_in_spanish(page, site_url):
    visit(page, site_url + SPANISH_CAMPAIGN)
    take_screenshot(page, "campaign-es")
    signup = page.locator("section#signup")
    signup.locator('input[name="name"]').fill("Lucía Hernández")
    signup.locator('input[name="email"]').fill("lucia.browser-test@example.com")
    signup.locator('input[name="phone"]').fill("773-555-0142")
    signup.locator('input[name="zip_code"]').fill("60632")
    signup.locator('input[name="language"][value="es"]').check()
    signup.locator('input[name="consent"]').check()
    signup.locator('button[type="submit"]').click()

    page.wait_for_url(re.compile(r"[?&]signed-up=1"))
    assert path_of(page.url) == SPANISH_CAMPAIGN
    assert html_lang(page) == "es"
    thanks = page.locator("section#signup").get_by_role("status")
    expect(thanks).to_be_visible()
    message = thanks.inner_text().strip()
    assert message, "The thank-you message is empty"
    assert message != ENGLISH_THANKS, "The Spanish page thanks the visitor in English"
    # The form is not offered again.
    expect(page.locator('section#signup input[name="email"]')).to_have_count(0)


def test_an_invalid_signup_comes_back_with_errors_and_what_was_typed(page, site_url):
    visit(page, site_url + ENGLISH_CAMPAIGN)
    signup = page.locator("section#signup")
    signup.locator('input[name="name"]').fill("Ana Browser-Test")
    signup.locator('input[name="email"]').fill("not-an-email")
    # Consent left unticked.
    with page.expect_navigation():
        signup.locator('button[type="submit"]').click()

    signup = page.locator("section#signup")
    expect(signup.get_by_role("alert")).to_be_visible()
    expect(signup.get_by_role("alert")).not_to_have_text("")
    expect(signup.locator('input[name="name"]')).to_have_value("Ana Browser-Test")
    expect(signup.locator('input[name="email"]')).to_have_value("not-an-email")
    expect(signup.locator('input[name="email"]')).to_have_attribute(
        "aria-invalid", "true"
    )
    assert html_lang(page) == "en"
    assert "signed-up" not in page.url
    take_screenshot(signup, "signup-errors-en")
