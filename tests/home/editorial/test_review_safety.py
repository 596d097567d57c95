"""The review is safe: no English reaches /es/ unchosen, translators' newer work
reaches the revision the moderator reviews, and nothing translated is lost by a
translator's delete."""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation

from home.editorial.status import PARTIAL, state_of
from tests.support.factories import CampaignPageFactory
from tests.support.seed import seed_page
from tests.support.translations import spanish, spanish_translation, translate_string

pytestmark = pytest.mark.django_db

UNTRANSLATED_NOTICE = (
    "Parts of this page are not translated yet and are shown in English."
)


def editor_props(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    found = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(html.unescape(found.group(1)))


def start_translation(client, page):
    """ "Translate this page" into Spanish, as Communications presses it."""
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [Locale.objects.get(language_code="es").pk]},
    )
    return spanish(page)


def new_campaign(title="Safe routes to school"):
    page = CampaignPageFactory(parent=seed_page("campaigns"), title=title)
    page.save_revision().publish()
    return page


def submit(client, translation):
    return client.post(
        reverse("submit_translation_for_review", args=[translation.pk]), follow=True
    )


# Nothing lost: deleting stays with moderators.


def test_translator_cannot_delete_a_translation_waiting_for_review(
    client, comms, translator, moderator
):
    english = new_campaign()
    client.force_login(comms)
    spanish_page = start_translation(client, english)
    assert not spanish_page.live
    client.force_login(translator)
    submit(client, spanish_translation(english))

    props = editor_props(client, spanish_page)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[spanish_page.pk]))
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={spanish_page.pk}"
    )

    assert props["perms"]["canDelete"] is False
    assert response.status_code in (302, 403)
    assert type(spanish_page).objects.filter(pk=spanish_page.pk).exists()
    client.force_login(moderator)
    assert editor_props(client, spanish_page)["perms"]["canDelete"] is True


def test_translator_cannot_delete_a_spanish_page_once_the_english_is_unpublished(
    client, campaign, translator, moderator
):
    campaign.unpublish(user=moderator)
    spanish_page = spanish(campaign)
    spanish_page.refresh_from_db()
    assert not spanish_page.live
    client.force_login(translator)

    view = client.get(reverse("wagtailadmin_pages:delete", args=[spanish_page.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[spanish_page.pk]))

    assert view.status_code != 200
    assert type(spanish_page).objects.filter(pk=spanish_page.pk).exists()


def test_translating_again_after_a_deletion_keeps_the_spanish_of_unchanged_strings(
    client, comms, moderator
):
    english = new_campaign()
    client.force_login(comms)
    start_translation(client, english)
    translation = spanish_translation(english)
    translate_string(translation, english.title, "Rutas seguras a la escuela")
    total, done = translation.get_progress()
    assert done >= 1
    client.force_login(moderator)
    client.post(reverse("wagtailadmin_pages:delete", args=[spanish(english).pk]))
    assert (
        english.get_translation_or_none(Locale.objects.get(language_code="es")) is None
    )

    client.force_login(comms)
    start_translation(client, english)

    assert spanish_translation(english).get_progress() == (total, done)
    assert StringTranslation.objects.filter(data="Rutas seguras a la escuela").exists()


# One definition of "translated": wagtail-localize's get_progress().


def test_a_string_flagged_with_an_error_is_untranslated_for_the_report_and_notice(
    client, campaign, uncached_pages
):
    translation = spanish_translation(campaign)
    segment = translation.source.stringsegment_set.get(string__data=campaign.title)
    StringTranslation.objects.filter(
        translation_of=segment.string,
        context=segment.context,
        locale=translation.target_locale,
    ).update(has_error=True)
    total, done = translation.get_progress()
    assert done == total - 1

    state = state_of(campaign, translation.target_locale)
    page = client.get(spanish(campaign).url).content.decode()

    assert state.state == PARTIAL
    assert state.percent == 100 * done // total
    with override("es"):
        assert gettext(UNTRANSLATED_NOTICE) in page


def test_the_report_marks_translations_whose_english_page_is_offline(
    client, campaign, moderator
):
    campaign.unpublish(user=moderator)
    client.force_login(moderator)

    response = client.get(reverse("translation_report"))

    row = next(
        line
        for line in response.content.decode().split("<tr")
        if f">{campaign.title}<" in line
    )
    assert "The English page is unpublished." in row


# No English published as Spanish.


def translate_everything(translation, prefix="ES"):
    for segment in translation.source.stringsegment_set.select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"{prefix} {segment.string.data}"},
        )


def workflow_action(client, page, action):
    task_state = page.current_workflow_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, task_state.pk],
        )
    )


def test_translator_is_warned_then_updates_what_the_moderator_reviews(
    client, comms, translator, moderator, uncached_pages
):
    english = new_campaign()
    client.force_login(comms)
    spanish_page = start_translation(client, english)
    translation = spanish_translation(english)
    total, done = translation.get_progress()
    assert done == 0
    client.force_login(translator)

    first = submit(client, translation)

    # In the translator's language, with how many are missing.
    warning = f"{total} de {total} segmentos todavía no están traducidos"
    assert warning in first.content.decode()
    spanish_page.refresh_from_db()
    state = spanish_page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.specific.untranslated == total

    translate_everything(translation)
    second = submit(client, translation)

    assert "reemplazan lo que el equipo de moderación" in second.content.decode()
    state.refresh_from_db()
    task_state = state.current_task_state.specific
    assert task_state.untranslated == 0
    spanish_page.refresh_from_db()
    assert task_state.revision == spanish_page.get_latest_revision()
    client.force_login(moderator)
    preview = client.get(
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[spanish_page.pk, task_state.task_id],
        )
    )
    assert f"ES {english.title}" in preview.content.decode()

    workflow_action(client, spanish_page, "approve")

    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.title == f"ES {english.title}"
    public = client.get(spanish_page.url).content.decode()
    assert f"ES {english.title}" in public
    with override("es"):
        assert gettext(UNTRANSLATED_NOTICE) not in public


def test_english_reaches_es_only_by_the_moderators_explicit_choice(
    client, comms, translator, moderator, uncached_pages
):
    english = new_campaign()
    client.force_login(comms)
    spanish_page = start_translation(client, english)
    translation = spanish_translation(english)
    translate_string(translation, english.title, "Rutas seguras a la escuela")
    total, done = translation.get_progress()
    assert 0 < done < total
    client.force_login(translator)
    submit(client, translation)
    client.force_login(moderator)

    refused = workflow_action(client, spanish_page, "approve")

    spanish_page.refresh_from_db()
    assert not spanish_page.live
    # Refused as Wagtail refuses what is not offered: back to the dashboard.
    assert refused.status_code == 302
    assert spanish_page.current_workflow_task_state.status == "in_progress"
    missing = total - done
    offered = ngettext(
        "Approve with %(count)s segment in English",
        "Approve with %(count)s segments in English",
        missing,
    ) % {"count": missing}
    assert offered in client.get(reverse("wagtailadmin_home")).content.decode()

    workflow_action(client, spanish_page, "approve_with_english")

    spanish_page.refresh_from_db()
    assert spanish_page.live
    assert spanish_page.title == "Rutas seguras a la escuela"
    with override("es"):
        notice = gettext(UNTRANSLATED_NOTICE)
    assert notice in client.get(spanish_page.url).content.decode()


def test_approving_publishes_the_reviewed_revision_not_a_later_sync(
    client, campaign, translator, moderator
):
    spanish_page = spanish(campaign)
    translation = spanish_translation(campaign)
    translate_string(translation, campaign.title, "Revisado por moderación")
    client.force_login(translator)
    submit(client, translation)
    translate_string(translation, campaign.title, "Nunca revisado")
    translation.save_target(user=translator, publish=False)  # a later draft

    spanish_page.refresh_from_db()
    spanish_page.current_workflow_task_state.approve(user=moderator)

    spanish_page.refresh_from_db()
    assert spanish_page.title == "Revisado por moderación"
    assert spanish_page.has_unpublished_changes


def test_moderator_cannot_publish_english_from_the_translation_editor(
    client, comms, moderator, django_capture_on_commit_callbacks
):
    english = new_campaign()
    client.force_login(comms)
    spanish_page = start_translation(client, english)
    translation = spanish_translation(english)
    translate_string(translation, english.title, "Rutas seguras a la escuela")
    client.force_login(moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish_page.pk])

    response = client.post(edit_url, {"action": "publish"}, follow=True)

    spanish_page.refresh_from_db()
    assert not spanish_page.live
    assert "1 of 2 segments is not translated yet" in response.content.decode()

    translate_everything(translation)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})

    spanish_page.refresh_from_db()
    assert spanish_page.live
