"""A meeting as Chromium shows it at 320 px, in both languages: nothing axe-core
calls serious or critical on the meeting page and the index, nothing wider than
the screen; screenshots for the staff guide."""

from urllib.parse import urlsplit

import pytest

from tests.support.axe import blocking_violations, describe
from tests.support.browser import visit
from tests.support.screenshots import take_screenshot

# The meeting stays on the shared site: these tests run after the other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.changes_served_site]


# Run in the served site's own process: a meeting linked to a campaign, taking
# RSVPs, published in English and (through wagtail-localize) in Spanish.
PUBLISH_MEETING = """
from datetime import timedelta
from campaigns.models import MeetingIndexPage, MeetingPageCampaign
from tests.campaigns.meetings.words import MEETING_WORDS
from tests.support.factories import MeetingPageFactory, next_week_evening
from tests.support.seed import seed_page
from tests.support.translations import publish_in_spanish
index = MeetingIndexPage.objects.get(locale__language_code="en")
start = next_week_evening()
meeting = MeetingPageFactory(
    parent=index, title="Budget night", slug="budget-night",
    summary="We read the city budget together.", start=start,
    end=start + timedelta(hours=2), interpretation=True, rsvp_enabled=True,
    access_notes="<p>Step-free entrance on the side street. Childcare and food.</p>",
    campaign_links=[MeetingPageCampaign(campaign=seed_page())],
)
publish_in_spanish(meeting, MEETING_WORDS)
"""
PAGES = {
    "meeting-page-en": "/en/meetings/budget-night/",
    "meeting-page-es": "/es/reuniones/noche-del-presupuesto/",
    "meetings-en": "/en/meetings/",
    "meetings-es": "/es/reuniones/",
}


@pytest.fixture(scope="module")
def site_with_a_meeting(served_site):
    served_site.run("shell", "-c", PUBLISH_MEETING)
    served_site.restart()
    return served_site.url


@pytest.mark.parametrize("name", PAGES)
def test_meeting_pages_are_accessible_at_320_px(page, site_with_a_meeting, name):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, site_with_a_meeting + PAGES[name])

    violations = blocking_violations(page)
    assert not violations, "\n".join(describe(v) for v in violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("main h1").count() == 1
    if name.startswith("meeting-page"):
        assert page.locator("#signup form").count() == 1
        take_screenshot(page, name, full_page=True)
    if name == "meeting-page-es":
        card = page.locator('meta[property="og:image"]').get_attribute("content")
        visit(page, site_with_a_meeting + urlsplit(card).path)
        take_screenshot(page, "meeting-share-card-es")


def test_the_spanish_flyer_prints_on_one_sheet(page, site_with_a_meeting):
    visit(page, site_with_a_meeting + PAGES["meeting-page-es"] + "imprimir/")
    assert page.locator(".flyer-qr svg").count() == 1
    page.emulate_media(media="print")
    take_screenshot(page, "meeting-flyer-es", full_page=True)
