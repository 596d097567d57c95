"""A keyboard-only visitor can reach everything, starting with the skip link."""

import pytest

from tests.support.browser import ENGLISH_CAMPAIGN, SPANISH_CAMPAIGN, visit

pytestmark = pytest.mark.browser

MAX_TABS = 200

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const rect = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute("name"),
        href: el.getAttribute("href"),
        text: (el.innerText || "").trim(),
        inSignup: !!el.closest("section#signup"),
        onScreen: rect.width > 0 && rect.height > 0 && rect.right > 0
            && rect.bottom > 0 && rect.left < window.innerWidth
            && rect.top < window.innerHeight,
    };
}"""


@pytest.mark.parametrize(
    ("path", "skip_text"),
    [
        (ENGLISH_CAMPAIGN, "Skip to main content"),
        (SPANISH_CAMPAIGN, "Saltar al contenido principal"),
    ],
)
def test_tab_reaches_skip_link_first_then_the_signup_form(
    page, site_url, path, skip_text
):
    visit(page, site_url + path)

    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert first is not None, "Tab focused nothing"
    assert (first["tag"], first["text"], first["href"]) == ("a", skip_text, "#main"), (
        f"The first Tab focused {first}, not the skip link"
    )
    assert first["onScreen"], "The focused skip link is not shown on screen"

    path_taken = [first]
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        path_taken.append(focused)
        if focused and focused["inSignup"] and focused["name"] == "name":
            break
    else:
        visited = "\n".join(
            f"  {f['tag']} {f['id'] or f['href'] or f['text'][:40]!r}" if f else "  -"
            for f in path_taken[:60]
        )
        pytest.fail(
            f"{MAX_TABS} presses of Tab never reached the sign-up form's name field "
            f"on {path}. Focus went:\n{visited}"
        )
    assert focused["onScreen"], "The focused name field was not scrolled into view"
