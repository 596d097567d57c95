"""Alerts as Chromium shows them, in both languages: announced with their role,
readable at 320 px, and nothing axe-core calls serious or critical."""

import pytest

from tests.support.alerts import MENSAJE, MESSAGE
from tests.support.axe import blocking_violations, describe
from tests.support.browser import visit
from tests.support.seed import seed_path

# The alerts stay on the shared site: these tests run after the other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.changes_served_site]

# Run in the served site's own process: an urgent alert and a notice, both live in
# English and Spanish (the Spanish published through wagtail-localize).
PUBLISH_ALERTS = """
from datetime import timedelta
from django.utils import timezone
from tests.support.alerts import publish_alert, publish_in_spanish
from tests.support.seed import seed_page
now = timezone.now()
urgent = publish_alert(
    starts_in=-timedelta(minutes=1), lasts=timedelta(days=1), level="urgent",
    link_url="https://example.org/hearing", link_text="Read the new date",
)
publish_in_spanish(urgent, link_text="Vea la nueva fecha")
notice = publish_alert(
    starts_in=-timedelta(minutes=1), lasts=timedelta(days=1), level="notice",
    message="Sign-ups for the march are open.", link_page=seed_page(),
    link_text="Join the campaign",
)
publish_in_spanish(
    notice, "Ya puede inscribirse para la marcha.", link_text="Súmese a la campaña"
)
"""
PAGES = {
    seed_path(): (MESSAGE, "Urgent", "Notice"),
    seed_path(language="es"): (MENSAJE, "Urgente", "Aviso"),
}


@pytest.fixture(scope="module")
def site_with_alerts(served_site):
    """The browser tests' shared site with the alerts published, served again so
    that no worker keeps a page cached without them."""
    served_site.run("shell", "-c", PUBLISH_ALERTS)
    served_site.restart()
    return served_site.url


@pytest.mark.parametrize("path", PAGES)
def test_alerts_are_announced_readable_and_accessible(page, site_with_alerts, path):
    message, urgent_label, notice_label = PAGES[path]
    visit(page, site_with_alerts + path)

    urgent = page.locator('main [role="alert"]')
    notice = page.locator('main [role="status"]', has_text=notice_label)
    assert message in urgent.text_content()
    assert urgent_label in urgent.text_content()
    assert notice.count() == 1
    assert notice.get_by_role("link").count() == 1

    violations = blocking_violations(page)
    assert not violations, "\n".join(describe(v) for v in violations)

    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert urgent.bounding_box()["width"] <= 320
