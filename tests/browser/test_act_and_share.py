"""A campaign with everything a neighbour may act on, as Chromium shows it at
320 px in both languages: share links, what happened, a call to the person who
must act and the count of sign-ups; nothing axe-core calls serious or critical,
nothing scrolling sideways."""

import pytest

from tests.support.axe import blocking_violations, describe
from tests.support.browser import visit
from tests.support.screenshots import take_screenshot
from tests.support.seed import seed_path

# The campaign stays changed on the shared site: run after the other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.changes_served_site]

# Run in the served site's own process, through wagtail-localize as staff would.
ACT_AND_SHARE = """
import datetime
from campaigns.models import CampaignUpdate
from tests.support.factories import DecisionMakerFactory, SignupFactory
from tests.support.seed import seed_page
from tests.support.translations import publish_in_spanish, sync_spanish
office = DecisionMakerFactory(
    name="Office of the Mayor", office="Mayor of Chicago",
    phone="(312) 555-0100", email="mayor@example.org",
)
publish_in_spanish(
    office,
    {"Office of the Mayor": "Alcaldía de Chicago", "Mayor of Chicago": "Alcalde"},
)
campaign = seed_page()
data = campaign.demands.get_prep_value()
data[0]["value"]["decision_maker"] = office.pk
data[0]["value"]["script"] = "Please reopen our clinics."
campaign.demands = data
campaign.updates.add(
    CampaignUpdate(date=datetime.date(2024, 3, 12), title="The ordinance was filed")
)
campaign.show_signup_count, campaign.signup_count_threshold = True, 2
campaign.signup_goal = 50
campaign.save_revision().publish()
sync_spanish(campaign, {
    "Please reopen our clinics.": "Por favor, reabra nuestras clínicas.",
    "The ordinance was filed": "Se presentó la ordenanza",
})
for _ in range(12):
    SignupFactory(campaign=campaign)
# Other browser tests may have signed up to this campaign already.
print("SIGNED-UP", campaign.signups.count())
"""
PAGES = {
    seed_path(): ("Pass it on", "Call", "{count} neighbours have signed up"),
    seed_path(language="es"): (
        "Compártalo",
        "Llamar",
        "Ya hay {count} inscripciones de vecinas y vecinos",
    ),
}
SCREENSHOTS = {
    seed_path(): "campaign-act-en",
    seed_path(language="es"): "campaign-act-es",
}


@pytest.fixture(scope="module")
def acting_site(served_site):
    output = served_site.run("shell", "-c", ACT_AND_SHARE)
    count = int(output.split("SIGNED-UP")[-1].split()[0])
    assert count >= 12
    served_site.restart()
    return served_site.url, count


@pytest.mark.parametrize("path", PAGES)
def test_a_campaign_to_act_on_is_accessible_at_320_px(page, acting_site, path):
    url, count = acting_site
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, url + path)
    text = page.locator("main").inner_text()
    for expected in PAGES[path]:
        assert expected.format(count=count) in text
    assert page.locator('a[href^="https://wa.me/?text="]').count() == 1
    assert page.locator('a[href^="tel:"]').count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    violations = blocking_violations(page)
    assert violations == [], "\n".join(describe(v) for v in violations)
    take_screenshot(page.locator("main"), SCREENSHOTS[path])
