"""On a 320 px wide phone, no page scrolls sideways."""

import pytest

from tests.support.browser import path_of
from tests.support.seed import seed_path

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


# Each word of a figure ("$10 million", "10 millones de dólares") on one line:
# the text's line boxes, word by word, must each sit on a single line.
WORDS_SPLIT = """() => [...document.querySelectorAll(".statistic-figure")]
  .flatMap((el) => {
    const text = el.firstChild;
    const split = [];
    let start = 0;
    for (const word of el.textContent.split(" ")) {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + word.length);
        const tops = [...range.getClientRects()].map((r) => Math.round(r.top));
        const lines = new Set(tops);
        if (lines.size > 1) split.push(el.textContent);
        start += word.length + 1;
    }
    return split;
})"""


@pytest.mark.parametrize("width", [WIDTH, 1280])
@pytest.mark.parametrize("language", ["en", "es"])
def test_figures_never_break_inside_a_word(browser, site_url, width, language):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + seed_path("cancel-shotspotter", language), wait_until="load")
    try:
        assert page.locator(".statistic-figure").count() == 4
        assert page.evaluate(WORDS_SPLIT) == []
    finally:
        context.close()
