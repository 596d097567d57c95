"""axe-core in the browser tests: what blocks a page, and how to say why."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    """The serious or critical axe-core violations on the page as it stands."""
    return [
        violation
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def describe(violation):
    lines = [f"  {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        target = " ".join(str(part) for part in node["target"])
        html = " ".join(node.get("html", "").split())
        if len(html) > 200:
            html = html[:200] + "…"
        lines.append(f"    target: {target}\n      html: {html}")
    return "\n".join(lines)
