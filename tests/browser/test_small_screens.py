"""On a 320 px wide phone, no page scrolls sideways."""

import pytest

from tests.support.browser import path_of

pytestmark = pytest.mark.browser

WIDTH = 320

# The elements sticking out past the right (or left) edge that cause the overflow:
# the innermost ones, outside any element that scrolls its own overflow.
OVERFLOWING = """(width) => {
    const clipped = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== "visible") return true;
        }
        return false;
    };
    const sticksOut = (el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
    };
    const all = [...document.body.querySelectorAll("*")].filter(
        (el) => sticksOut(el) && !clipped(el)
    );
    const innermost = all.filter((el) => !all.some((o) => o !== el && el.contains(o)));
    const describe = (el) => {
        const parts = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) {
            let s = e.tagName.toLowerCase();
            if (e.id) s += "#" + e.id;
            if (e.classList.length) s += "." + [...e.classList].join(".");
            parts.unshift(s);
        }
        const r = el.getBoundingClientRect();
        const html = el.outerHTML.replace(/\\s+/g, " ");
        return `${parts.join(" > ")} [left ${Math.round(r.left)}, right ` +
            `${Math.round(r.right)}] ${html.slice(0, 160)}`;
    };
    return innermost.slice(0, 5).map(describe);
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_at_320_px(phone, public_pages):
    too_wide = []
    for url in public_pages:
        response = phone.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url} did not load"
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTH:
            culprits = phone.evaluate(OVERFLOWING, WIDTH)
            too_wide.append(
                f"  {path_of(url)}: {scroll_width}px wide\n"
                + "\n".join(f"      {culprit}" for culprit in culprits)
            )
    assert not too_wide, (
        f"Pages wider than a {WIDTH}px screen (they scroll sideways):\n"
        + "\n".join(too_wide)
    )
