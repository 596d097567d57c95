"""The demo translator in wagtail-localize's editor, in a real browser: saving and
submitting for review are offered; what would change the live page is not."""

import pytest

from tests.support.screenshots import take_screenshot

pytestmark = pytest.mark.browser


def test_translator_sees_save_and_submit_but_not_the_live_changing_actions(
    translator_page, site_url
):
    page = translator_page
    page.goto(f"{site_url}/admin/pages/search/?q=Tratamiento", wait_until="load")
    page.locator("a[href*='/edit/']", has_text="Tratamiento").first.click()
    page.wait_for_selector(".js-translation-editor button, .js-translation-editor a")

    assert page.get_by_role("button", name="Enviar a revisión").count() == 1
    assert page.get_by_role("button", name="Guardar borrador").is_visible()
    editor = page.locator(".js-translation-editor")
    live_changing = (
        "[data-w-action-url-value$='/disable/']",
        "a[href*='/convert_to_alias/']",
    )
    for selector in live_changing:
        for element in editor.locator(selector).all():
            assert not element.is_visible()
    assert editor.locator("[data-w-action-url-value$='/disable/']").count() >= 1
    take_screenshot(page, "translation-editor")


def test_the_editor_writes_its_heading_and_menu_label_in_spanish(
    translator_page, site_url
):
    page = translator_page
    page.goto(f"{site_url}/admin/pages/search/?q=Tratamiento", wait_until="load")
    page.locator("a[href*='/edit/']", has_text="Tratamiento").first.click()
    editor = page.locator(".js-translation-editor")
    page.wait_for_selector(".js-translation-editor section h3")

    assert editor.locator("section h3").first.text_content() == (
        "Traducción del inglés al español"
    )
    labels = editor.locator(".w-dropdown__toggle .w-sr-only").all_text_contents()
    assert labels and set(labels) == {"Más acciones"}
    text = editor.text_content()
    assert " translation" not in text
    assert "More actions" not in text
