"""The printable flyer as Chromium prints it: one Letter page per language, a QR
code a phone can read, and nothing axe-core calls serious."""

import io
import re

import pytest
import zxingcpp
from PIL import Image

from tests.support.axe import blocking_violations, describe
from tests.support.browser import visit
from tests.support.seed import seed_path

pytestmark = pytest.mark.browser

CAMPAIGNS = [
    "treatment-not-trauma",
    "icirr-2023-agenda",
    "free-the-funds",
    "city-budget",
    "cancel-shotspotter",
    "community-restoration-ordinance",
]
WORDS = {
    "en": ("print/", "print/bilingual/"),
    "es": ("imprimir/", "imprimir/bilingue/"),
}
# A US Letter page at the browser's 96 pixels per inch.
LETTER = {"width": 816, "height": 1056}


def flyer(site_url, language, bilingual=False, key=CAMPAIGNS[0]):
    return site_url + seed_path(key, language) + WORDS[language][bilingual]


# Parts of a sheet whose content is taller than the room print gives them.
CLIPPED_SHEETS = """() => [
    ...document.querySelectorAll(".flyer-sheet, .flyer-sheet__body"),
].filter((part) => part.scrollHeight > part.clientHeight + 1)
    .map((part) => part.className)"""


def printed_pages(pdf):
    """How many pages a PDF holds: its /Type /Page objects (not /Pages)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.fixture
def letter(browser):
    context = browser.new_context(viewport=LETTER)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def signup_url(page, site_url, key, language):
    """The campaign's sign-up form as the campaign page names itself."""
    visit(page, site_url + seed_path(key, language))
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    return canonical + "#signup"


def decoded_qr_codes(page):
    texts = []
    for sheet in page.locator(".flyer-qr__image").all():
        picture = Image.open(io.BytesIO(sheet.screenshot()))
        texts.extend(code.text for code in zxingcpp.read_barcodes(picture))
    return texts


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_campaign_flyer_prints_whole_on_one_letter_page(
    letter, site_url, language
):
    counts, clipped = {}, {}
    for key in CAMPAIGNS:
        visit(letter, flyer(site_url, language, key=key))
        counts[key] = printed_pages(letter.pdf(format="Letter"))
        clipped[key] = letter.evaluate(CLIPPED_SHEETS)

    assert counts == dict.fromkeys(CAMPAIGNS, 1)
    assert clipped == dict.fromkeys(CAMPAIGNS, [])


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bilingual_flyer_prints_on_two_letter_pages(page, site_url, language):
    visit(page, flyer(site_url, language, bilingual=True))

    assert printed_pages(page.pdf(format="Letter")) == 2


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_printed_qr_code_opens_the_sign_up_form_in_that_language(
    letter, site_url, language
):
    expected = signup_url(letter, site_url, CAMPAIGNS[0], language)
    visit(letter, flyer(site_url, language))
    letter.emulate_media(media="print")
    letter.screenshot(path=f"/tmp/flyer_{language}.png", full_page=True)

    assert decoded_qr_codes(letter) == [expected]
    assert f"/{language}/" in expected


def test_the_bilingual_flyer_has_each_languages_qr_code(letter, site_url):
    english = signup_url(letter, site_url, CAMPAIGNS[0], "en")
    spanish = signup_url(letter, site_url, CAMPAIGNS[0], "es")
    visit(letter, flyer(site_url, "en", bilingual=True))

    assert decoded_qr_codes(letter) == [english, spanish]
    assert letter.locator(".flyer-sheet").evaluate_all(
        "sheets => sheets.map(sheet => sheet.lang)"
    ) == ["en", "es"]


def test_no_serious_axe_violation_on_the_flyers(page, site_url):
    report = {}
    for language in ("en", "es"):
        for bilingual in (False, True):
            url = flyer(site_url, language, bilingual)
            visit(page, url)
            violations = [describe(v) for v in blocking_violations(page)]
            if violations:
                report[url] = violations

    assert report == {}
