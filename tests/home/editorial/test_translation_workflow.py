"""Roles, the review workflow and keeping translations in step with English."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from home.editorial.roles import setup_roles
from people.models import Person
from tests.support.translations import spanish, spanish_translation, translate_string

pytestmark = pytest.mark.django_db

OUT_OF_DATE_NOTICE = (
    "This page has changed in English since it was translated, "
    "so some of it may be out of date."
)


def test_setting_up_roles_twice_changes_nothing(roles):
    before = GroupPagePermission.objects.count()
    setup_roles()

    assert GroupPagePermission.objects.count() == before
    assert (
        Group.objects.filter(
            name__in=["Communications", "Translators", "Moderators"]
        ).count()
        == 3
    )


def test_permission_matrix_for_pages(campaign, translator, moderator, comms):
    spanish_campaign = spanish(campaign)

    assert not campaign.permissions_for_user(translator).can_edit()
    assert spanish_campaign.permissions_for_user(translator).can_edit()
    assert not spanish_campaign.permissions_for_user(translator).can_publish()
    assert campaign.permissions_for_user(comms).can_edit()
    assert not campaign.permissions_for_user(comms).can_publish()
    assert not spanish_campaign.permissions_for_user(comms).can_edit()
    assert campaign.permissions_for_user(moderator).can_publish()
    assert spanish_campaign.permissions_for_user(moderator).can_publish()


def test_translator_cannot_open_the_english_page_in_the_editor(
    client, campaign, translator
):
    client.force_login(translator)

    english = client.get(reverse("wagtailadmin_pages:edit", args=[campaign.pk]))
    spanish_edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[spanish(campaign).pk])
    )

    assert english.status_code != 200
    assert spanish_edit.status_code == 200
    with translation.override("es"):
        assert gettext("Submit for review") in spanish_edit.content.decode()


def test_translators_edit_spanish_snippets_only(client, translator):
    english = Person.objects.get(name="Matt Martin", locale__language_code="en")
    policy = policy_registry.get_by_type(Person)

    assert not policy.user_has_permission_for_instance(translator, "change", english)
    assert policy.user_has_permission_for_instance(
        translator, "change", spanish(english)
    )
    client.force_login(translator)
    url = reverse("wagtailsnippets_people_person:edit", args=[english.pk])
    assert client.get(url).status_code != 200
    url = reverse("wagtailsnippets_people_person:edit", args=[spanish(english).pk])
    assert client.get(url).status_code == 200


def test_translators_see_the_admin_in_spanish(client, translator):
    assert UserProfile.get_for_user(translator).preferred_language == "es"
    client.force_login(translator)

    assert '<html lang="es"' in client.get("/admin/").content.decode()


def test_demo_users_are_refused_outside_local_installs(settings, roles):
    settings.LOCAL_INSTALL = False

    with pytest.raises(CommandError, match="local installs only"):
        call_command("create_demo_users")


def test_translator_submits_and_moderator_publishes(
    client, campaign, translator, moderator
):
    spanish_campaign = spanish(campaign)
    translation_obj = spanish_translation(campaign)
    translate_string(translation_obj, campaign.title, "Tratamiento, no traumas")
    client.force_login(translator)

    response = client.post(
        reverse("submit_translation_for_review", args=[translation_obj.pk])
    )

    assert response.status_code == 302
    spanish_campaign.refresh_from_db()
    assert spanish_campaign.title != "Tratamiento, no traumas"  # still the live one
    state = spanish_campaign.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.specific.name == "Moderators approve"

    state.current_task_state.approve(user=moderator)

    spanish_campaign.refresh_from_db()
    assert spanish_campaign.title == "Tratamiento, no traumas"
    assert spanish_campaign.live
    assert (
        "Tratamiento, no traumas" in client.get(spanish_campaign.url).content.decode()
    )


def test_source_change_shows_notice_and_sync_keeps_old_translations(
    client, campaign, django_capture_on_commit_callbacks
):
    spanish_campaign = spanish(campaign)
    kept = spanish_campaign.summary
    campaign.hashtag = "#TreatmentNotTrauma"
    campaign.demands_heading = "What we demand"
    campaign.save_revision().publish()

    with translation.override("es"):
        notice = gettext(OUT_OF_DATE_NOTICE)
    assert notice != OUT_OF_DATE_NOTICE
    html = client.get(spanish_campaign.url).content.decode()
    assert notice in html
    assert f'href="{campaign.url}"' in html

    source = TranslationSource.objects.get(object_id=campaign.translation_key)
    source.update_from_db()
    translation_obj = source.translations.get(target_locale=spanish_campaign.locale)
    total, done = translation_obj.get_progress()
    assert done == total - 1  # only the new heading waits for a translator

    translate_string(translation_obj, "What we demand", "Lo que exigimos")
    with django_capture_on_commit_callbacks(execute=True):
        translation_obj.save_target(publish=True)
    spanish_campaign.refresh_from_db()

    assert spanish_campaign.summary == kept
    assert spanish_campaign.demands_heading == "Lo que exigimos"
    assert notice not in client.get(spanish_campaign.url).content.decode()


def test_translators_cannot_start_new_snippets(client, translator):
    client.force_login(translator)

    response = client.get(reverse("wagtailsnippets_people_person:add"))

    assert response.status_code != 200


def test_translator_resubmits_after_changes_are_requested(
    client, campaign, translator, moderator
):
    spanish_campaign = spanish(campaign)
    translation_obj = spanish_translation(campaign)
    client.force_login(translator)
    url = reverse("submit_translation_for_review", args=[translation_obj.pk])
    client.post(url)
    spanish_campaign.refresh_from_db()
    spanish_campaign.current_workflow_state.current_task_state.reject(user=moderator)

    response = client.post(url)

    assert response.status_code == 302
    spanish_campaign.refresh_from_db()
    state = spanish_campaign.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_translated_slug_is_made_valid_on_submit(client, campaign, translator):
    translation_obj = spanish_translation(campaign)
    translate_string(translation_obj, campaign.slug, "tratamiento no trauma")
    client.force_login(translator)

    response = client.post(
        reverse("submit_translation_for_review", args=[translation_obj.pk])
    )

    assert response.status_code == 302
    revision = spanish(campaign).get_latest_revision()
    assert revision.content["slug"] == "tratamiento-no-trauma"
