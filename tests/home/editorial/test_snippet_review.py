"""A Spanish snippet goes through review like a page: the translator submits it,
the moderator approves it, and every screen on the way works for each of them."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from policy.models import Bill
from tests.support.translations import spanish_translation, translate_string

pytestmark = pytest.mark.django_db


def test_translator_submits_a_spanish_bill_and_a_moderator_approves_it(
    client, translator, moderator, django_capture_on_commit_callbacks
):
    english = Bill.objects.get(number="HB 3882", locale__language_code="en")
    bill = Bill.objects.get(number="HB 3882", locale__language_code="es")
    translation = spanish_translation(english)
    translate_string(translation, english.title, "Licencias para todas las personas")
    edit = reverse("wagtailsnippets_policy_bill:edit", args=[bill.pk])

    client.force_login(translator)
    submitted = client.post(
        reverse("submit_translation_for_review", args=[translation.pk]), follow=True
    )

    assert submitted.status_code == 200
    bill.refresh_from_db()
    state = bill.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert bill.title != "Licencias para todas las personas"  # not live yet
    assert client.get(edit).status_code == 200

    client.force_login(moderator)
    assert client.get(edit).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    approve = reverse(
        "wagtailsnippets_policy_bill:workflow_action",
        args=[bill.pk, "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        approved = client.post(approve, follow=True)

    assert approved.status_code == 200
    bill.refresh_from_db()
    assert bill.title == "Licencias para todas las personas"
    assert bill.live
