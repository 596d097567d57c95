"""A neighbour's own data as Chromium shows it: the privacy form that asks for an
email address and the page its emailed link opens, in Spanish, with nothing
axe-core calls serious or critical; screenshots for the staff guide."""

import json

import pytest

from tests.support.axe import blocking_violations, describe
from tests.support.browser import visit
from tests.support.screenshots import take_screenshot

# The sign-up stays on the shared site: these tests run after the other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.changes_served_site]

# Run in the served site's own process: a Spanish speaker's sign-up to the seed
# campaign, and the link the privacy form would email them.
SIGN_UP_AND_LINK = """
import json
from django.urls import reverse
from django.utils import translation
from campaigns.signups.tokens import own_data_token
from tests.support.factories import SignupFactory
from tests.support.seed import seed_page
signup = SignupFactory(campaign=seed_page(), email="datos@example.org")
with translation.override("es"):
    url = reverse("own_data", args=[own_data_token([signup.pk])])
print(json.dumps({"url": url, "title": seed_page(language="es").title}))
"""
FORMS = {
    "own-data-form-es": ("es", "/es/privacidad/mis-datos/"),
    "own-data-form-en": ("en", "/en/privacy/my-data/"),
}


def no_blocking_violation(page):
    violations = blocking_violations(page)
    assert violations == [], "\n".join(describe(v) for v in violations)


@pytest.fixture(scope="module")
def own_data_link(served_site):
    printed = served_site.run("shell", "-c", SIGN_UP_AND_LINK)
    return json.loads(printed.strip().splitlines()[-1])


@pytest.mark.parametrize("name", FORMS)
def test_the_privacy_form_asks_only_for_an_email_address(page, site_url, name):
    language, path = FORMS[name]
    visit(page, site_url + path)
    assert page.locator("html").get_attribute("lang") == language
    form = page.locator("main form")
    assert form.locator('input[type="email"]').count() == 1
    no_blocking_violation(page)
    take_screenshot(page, name)


def test_the_emailed_link_lists_the_sign_up_in_spanish_with_its_erase_button(
    page, site_url, own_data_link
):
    visit(page, site_url + own_data_link["url"])
    assert page.locator("html").get_attribute("lang") == "es"
    main = page.locator("main").inner_text()
    assert own_data_link["title"] in main
    erase = page.locator('button[name="erase"]')
    assert erase.count() == 1 and own_data_link["title"] in erase.inner_text()
    assert page.locator('button[name="erase_all"]').count() == 0  # one row only
    no_blocking_violation(page)
    take_screenshot(page, "own-data-page-es", full_page=True)
