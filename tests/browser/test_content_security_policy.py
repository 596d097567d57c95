"""Chromium blocks nothing on any public page under the site's security policy."""

import pytest

pytestmark = pytest.mark.browser

# Runs before the page's own code; the policy does not apply to it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_no_public_page_breaks_the_policy(context, public_pages):
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()

    broken = {}
    for url in public_pages:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} did not load"
        assert response.header_value("Content-Security-Policy"), url
        violations = page.evaluate("window.cspViolations")
        if violations:
            broken[url] = violations

    assert not broken, broken
