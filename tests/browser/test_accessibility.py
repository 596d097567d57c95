"""axe-core on every public page, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import path_of

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}


def describe(violation):
    lines = [f"  {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        target = " ".join(str(part) for part in node["target"])
        html = " ".join(node.get("html", "").split())
        if len(html) > 200:
            html = html[:200] + "…"
        lines.append(f"    target: {target}\n      html: {html}")
    return "\n".join(lines)


def test_no_serious_or_critical_axe_violation_on_any_public_page(page, public_pages):
    axe = Axe()
    report = []
    for url in public_pages:
        response = page.goto(url, wait_until="load")
        if response is None or not response.ok:
            status = response.status if response else "no response"
            report.append(f"{path_of(url)}: answered {status}")
            continue
        results = axe.run(page)
        violations = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in BLOCKING_IMPACTS
        ]
        if violations:
            report.append(
                f"{path_of(url)}:\n" + "\n".join(describe(v) for v in violations)
            )
    assert not report, (
        f"axe-core found serious or critical violations on {len(report)} of "
        f"{len(public_pages)} pages:\n" + "\n".join(report)
    )
