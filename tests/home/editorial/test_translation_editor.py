"""The translator's editor: save a draft or submit it for review; what would
change the live page without review is not theirs to take."""

import pytest
from django.urls import reverse

from tests.support.text import visible_text
from tests.support.translations import spanish, spanish_translation, translate_string

pytestmark = pytest.mark.django_db


def editor(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_translators_editor_offers_save_and_submit_once_and_hides_live_actions(
    client, translator, campaign
):
    client.force_login(translator)

    html = editor(client, spanish(campaign)).content.decode()

    assert html.count('action="/admin/translations/') == 2
    assert visible_text(html).count("Enviar a revisión") == 1
    assert "Guardar borrador" in visible_text(html)
    assert "translation-editor--reviewed" in html
    assert "editorial/css/translation-editor" in html


def test_moderators_keep_every_action(client, moderator, campaign):
    client.force_login(moderator)

    html = editor(client, spanish(campaign)).content.decode()

    assert "translation-editor--reviewed" not in html


def test_saving_a_draft_keeps_the_live_spanish_page_as_it_is(
    client, translator, campaign
):
    spanish_page = spanish(campaign)
    live_title = spanish_page.title
    translation = spanish_translation(campaign)
    translate_string(translation, campaign.title, "Tratamiento, no trauma (borrador)")
    client.force_login(translator)

    response = client.post(
        reverse("save_translation_draft", args=[translation.pk]), follow=True
    )

    spanish_page.refresh_from_db()
    assert spanish_page.title == live_title
    assert spanish_page.has_unpublished_changes
    draft = spanish_page.get_latest_revision_as_object()
    assert draft.title == "Tratamiento, no trauma (borrador)"
    assert "Se guardó el borrador" in visible_text(response.content)


def test_the_editor_is_given_its_heading_and_menu_label_in_the_readers_language(
    client, translator, campaign
):
    client.force_login(translator)

    html = editor(client, spanish(campaign)).content.decode()

    assert 'data-heading="Traducción del inglés al español"' in html
    assert 'data-more-actions="Más acciones"' in html
    assert "editorial/js/translation-editor" in html
