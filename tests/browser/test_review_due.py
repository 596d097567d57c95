"""The translator's Review due report and dashboard panel in a real browser: the
overdue ICIRR agenda is listed in Spanish, and axe-core finds nothing serious."""

import pytest

from tests.support.axe import blocking_violations, describe
from tests.support.screenshots import take_screenshot

ICIRR_ES = "Justicia para inmigrantes: agenda 2023 de ICIRR"


@pytest.mark.parametrize(
    ("path", "overdue"),
    [
        ("/admin/reports/review-due/", "31 de diciembre de 2023"),
        ("/admin/", "días de atraso"),
    ],
    ids=["report", "dashboard"],
)
def test_the_review_due_screens_list_the_icirr_agenda_overdue_without_serious_axe_violations(  # noqa: E501
    translator_page, site_url, path, overdue
):
    page = translator_page
    page.goto(f"{site_url}{path}", wait_until="load")

    listed = page.locator("tr, li", has_text=ICIRR_ES).filter(has_text=overdue)
    assert listed.first.is_visible()
    violations = blocking_violations(page)
    assert not violations, "\n".join(describe(violation) for violation in violations)
    if path == "/admin/reports/review-due/":
        take_screenshot(page, "review-due-report")
