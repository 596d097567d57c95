"""axe-core on every public page, in both languages."""

import pytest

from tests.support.axe import blocking_violations, describe
from tests.support.browser import path_of

pytestmark = pytest.mark.browser


def test_no_serious_or_critical_axe_violation_on_any_public_page(page, public_pages):
    report = []
    for url in public_pages:
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            status = response.status if response else "no response"
            report.append(f"{path_of(url)}: answered {status}")
            continue
        violations = blocking_violations(page)
        if violations:
            report.append(
                f"{path_of(url)}:\n" + "\n".join(describe(v) for v in violations)
            )
    assert not report, (
        f"axe-core found serious or critical violations on {len(report)} of "
        f"{len(public_pages)} pages:\n" + "\n".join(report)
    )
