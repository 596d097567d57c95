"""The translator's help panel in Chromium, after Communications changed a
translated campaign and it was synchronised: the old and new English with the
difference marked, the previous Spanish reused with one button, a suggestion
from another campaign and a glossary term. The screenshot the Spanish guide
shows (docs/traduccion.md) is taken here."""

import pytest

from tests.support.screenshots import take_screenshot

# The changed campaign stays changed on the shared site: these tests run after
# the other browser tests.
pytestmark = [pytest.mark.browser, pytest.mark.changes_served_site]

CHANGED = "free-the-funds"

# Run in the served site's own process: one word of the summary changed, a
# heading naming the City Council, the sign-up invitation another campaign's
# summary; published, then synchronised as "Sync translated pages" does.
CHANGE_AND_SYNC = f"""
from wagtail_localize.models import TranslationSource
from tests.support.seed import seed_page
page = seed_page({CHANGED!r})
words = page.summary.split()
words[1] = "wholly"
page.summary = " ".join(words)
page.demands_heading = "What we ask of City Council"
page.signup_intro = seed_page().summary
page.save_revision().publish()
TranslationSource.objects.get(
    object_id=page.translation_key, locale_id=page.locale_id
).update_from_db()
print(page.summary)
"""


@pytest.fixture(scope="module")
def changed_campaign(served_site):
    served_site.run("shell", "-c", CHANGE_AND_SYNC)
    return served_site.url


def test_translator_sees_what_changed_and_reuses_her_spanish(
    translator_page, changed_campaign
):
    page = translator_page
    page.goto(f"{changed_campaign}/admin/pages/search/?q=Liberen", wait_until="load")
    page.locator("a[href*='/edit/']").first.click()
    panel = page.locator("#translation-help")
    panel.wait_for()

    assert panel.locator("ins", has_text="wholly").count() == 1
    assert panel.locator("del").count() >= 1
    assert "Concejo Municipal" in panel.inner_text()
    assert panel.get_by_role("button", name="Usar esta traducción").count() >= 1
    # The editor's sticky header and footer would cover the panel in the picture.
    page.add_style_tag(content=".w-sticky, footer { position: static !important; }")
    take_screenshot(panel, "ayuda-para-traducir")

    panel.get_by_role("button", name="Usar este español").first.click()
    page.wait_for_url("**/edit/#translation-help")

    assert "El segmento se llenó con ese español." in page.inner_text("body")
    assert page.locator("#translation-help ins", has_text="wholly").count() == 0
