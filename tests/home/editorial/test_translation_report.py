"""The Spanish translation report and dashboard panel count what staff must do."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from campaigns.models import CampaignPage
from home.editorial.report import translation_states
from home.editorial.status import (
    COMPLETE,
    MISSING,
    OUT_OF_DATE,
    PARTIAL,
    WITHDRAWN,
)
from people.models import Person
from tests.support.seed import seed_page
from tests.support.text import visible_text
from tests.support.translations import spanish, translate_string

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_states(seeded_site):
    """One new untranslated campaign, one English page edited after translation,
    one snippet whose source gained a string nobody has translated yet."""
    index = CampaignPage.objects.get(slug="city-budget").get_parent()
    new = CampaignPage(title="Safe Routes", slug="safe-routes")
    index.add_child(instance=new)
    new.save_revision().publish()

    edited = CampaignPage.objects.get(slug="free-the-funds")
    edited.summary = "A new summary nobody has translated."
    edited.save_revision().publish()
    edited.refresh_from_db()

    person = Person.objects.get(name="Matt Martin", locale__language_code="en")
    person.bio = "Chief sponsor of the Community Restoration Ordinance."
    person.save_revision().publish()
    TranslationSource.objects.get(object_id=person.translation_key).update_from_db()
    return new, edited, person


def by_source(states):
    return {str(state.source): state for state in states}


def test_states_on_a_site_with_missing_and_out_of_date_translations(mixed_states):
    new, edited, person = mixed_states
    states = by_source(translation_states())

    assert states["Safe Routes"].state == MISSING
    assert states["Free the Funds"].state == OUT_OF_DATE
    assert states["Free the Funds"].changed_at == edited.last_published_at
    assert states["Matt Martin"].state == PARTIAL
    assert states["Matt Martin"].percent == 50
    assert states["Treatment Not Trauma"].state == COMPLETE
    counts = [state.state for state in states.values()]
    assert counts.count(MISSING) == 1
    assert counts.count(OUT_OF_DATE) == 1


def test_report_filters_by_state(admin_client, mixed_states):
    url = reverse("translation_report")

    everything = admin_client.get(url).content.decode()
    missing = admin_client.get(url, {"state": MISSING}).content.decode()

    assert "Missing (1)" in everything
    assert "Out of date (1)" in everything
    assert "Safe Routes" in missing
    assert "Treatment Not Trauma" not in missing


def test_dashboard_panel_lists_unfinished_work(admin_client, mixed_states):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Spanish translations" in html
    assert "Safe Routes" in html
    total = len(translation_states())
    assert f"{total - 3} of {total} pages and snippets" in html


def test_spanish_home_is_complete(seeded_site):
    spanish = Locale.objects.get(language_code="es")
    states = translation_states()

    assert all(state.state == COMPLETE for state in states)
    assert spanish.language_code == "es"


def test_spanish_pages_live_without_their_english_are_reported(
    admin_client, seeded_site
):
    """Older content may have Spanish left live with its English withdrawn or
    gone; the report must not call it complete."""
    withdrawn = seed_page("city-budget")
    spanish_withdrawn = spanish(withdrawn)
    Page.objects.filter(pk=withdrawn.pk).update(live=False)  # as before the rule
    gone = seed_page("free-the-funds")
    spanish_gone = spanish(gone)
    Page.objects.filter(pk=spanish_gone.pk).update(
        translation_key="00000000-0000-0000-0000-000000000001"
    )  # its English original deleted long ago

    states = translation_states()
    flagged = {state.translated.pk for state in states if state.state == WITHDRAWN}

    assert {spanish_withdrawn.pk, spanish_gone.pk} <= flagged
    html = admin_client.get(
        reverse("translation_report"), {"state": WITHDRAWN}
    ).content.decode()
    assert spanish_gone.title in html and "(deleted)" in html


def test_a_new_translation_is_shown_under_its_spanish_title_before_it_is_published(
    client, translator, mixed_states
):
    new = mixed_states[0]
    source, _created = TranslationSource.get_or_create_from_instance(new)
    started = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    started.save_target(publish=False)
    translate_string(started, "Safe Routes", "Rutas seguras")
    client.force_login(translator)

    saved = client.post(
        reverse("save_translation_draft", args=[started.pk]), follow=True
    )
    report = visible_text(
        client.get(reverse("translation_report"), {"state": PARTIAL}).content
    )
    dashboard = visible_text(client.get(reverse("wagtailadmin_home")).content)

    assert "“Rutas seguras”" in visible_text(saved.content)
    assert "Rutas seguras" in report
    assert "Rutas seguras" in dashboard
    assert not spanish(new).live
