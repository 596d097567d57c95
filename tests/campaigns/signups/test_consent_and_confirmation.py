"""The consent a neighbour agreed to is kept word for word, and a campaign may
ask its sign-ups to confirm before they count as confirmed."""

import csv
import io
import re

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse

from campaigns.models import CampaignPage, ConsentText, Signup
from home.editorial.roles import setup_roles
from home.outbox.models import OutgoingEmail
from home.outbox.sending import send_due
from tests.campaigns.signups.neighbour import post, signup_url
from tests.support.factories import SIGNUP_FORM

pytestmark = pytest.mark.django_db

EMAIL_CONSENT_ES = "Acepto recibir mensajes por correo electrónico sobre esta campaña."

INDEX = "campaigns_signup_modeladmin_index"
ADD_WORDING = "campaigns_consenttext_modeladmin_create"


def export_rows(client):
    response = client.get(reverse(INDEX), {"export": "csv"})
    body = b"".join(response.streaming_content)
    return list(csv.DictReader(io.StringIO(body.decode())))


@pytest.fixture
def communications(client, comms):
    client.force_login(comms)
    return client


def test_a_new_wording_is_a_new_version_and_the_export_says_who_accepted_which(
    client, campaign_es, comms, uncached_pages, django_capture_on_commit_callbacks
):
    neighbour = Client()
    first = neighbour.get(campaign_es.url)
    shown = re.search(r'name="consent_version" value="(\d+)"', first.text)[1]
    assert EMAIL_CONSENT_ES in first.text
    assert "Acepto recibir mensajes de texto y llamadas" in first.text

    client.force_login(comms)
    added = client.post(
        reverse(ADD_WORDING),
        {
            "language": "es",
            "email_wording": "Acepto recibir correos del BPNC.",
            "text_wording": "Acepto recibir mensajes de texto del BPNC.",
        },
    )
    assert added.status_code == 302
    assert list(
        ConsentText.objects.filter(language="es").values_list("version", flat=True)
    ) == [2, 1]
    edit_url = reverse(
        "campaigns_consenttext_modeladmin_edit", args=[ConsentText.objects.last().pk]
    )
    assert client.get(edit_url).status_code == 302  # refused, back to the admin

    # One neighbour posts the page served before the change, one after it.
    post(neighbour, campaign_es, {**SIGNUP_FORM, "consent_version": shown})
    after = neighbour.get(campaign_es.url)
    assert "Acepto recibir correos del BPNC." in after.text
    newest = re.search(r'name="consent_version" value="(\d+)"', after.text)[1]
    post(
        neighbour,
        campaign_es,
        {
            **SIGNUP_FORM,
            "email": "bo@example.org",
            "consent_version": newest,
            "text_consent": "on",
        },
    )

    rows = {row["Email"]: row for row in export_rows(client)}
    assert rows["ana@example.org"]["Consent Wording Accepted"] == "es v1"
    assert rows["bo@example.org"]["Consent Wording Accepted"] == "es v2"
    assert rows["ana@example.org"]["Agreed To Texts And Calls"] == "-"
    assert rows["bo@example.org"]["Agreed To Texts And Calls"] == "True"


def test_a_wording_is_never_changed_in_place():
    wording = ConsentText.current("en")
    wording.email_wording = "Something else"
    with pytest.raises(ValueError):
        wording.save()


def test_email_and_text_consent_are_separate_choices(client, campaign_es):
    post(client, campaign_es)  # email consent only

    signup = Signup.objects.get()
    assert (signup.consent, signup.text_consent) == (True, False)
    assert signup.consent_text == ConsentText.current("es")


def test_a_campaign_that_asks_for_confirmation_marks_and_exports_the_unconfirmed(
    client, campaign, campaign_es, comms, django_capture_on_commit_callbacks
):
    CampaignPage.objects.filter(pk=campaign.pk).update(signup_confirmation=True)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, campaign_es)
    [email] = mail.outbox
    assert email.subject.startswith("Confirme su inscripción")
    confirm = next(
        url for url in re.findall(r"https?://\S+", email.body) if "confirmar" in url
    )

    staff = Client()
    staff.force_login(comms)
    assert export_rows(staff)[0]["Confirmation"] == "not confirmed"

    neighbour = Client(enforce_csrf_checks=True)
    path = "/" + confirm.split("/", 3)[3]
    page = neighbour.get(path)
    assert Signup.objects.get().confirmed_at is None  # opening it is not enough
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    neighbour.post(path, {"csrfmiddlewaretoken": token})

    assert Signup.objects.get().confirmed_at is not None
    assert export_rows(staff)[0]["Confirmation"] == "confirmed"


def test_the_sign_up_is_thanked_while_the_mail_server_is_down_and_mailed_after(
    client, campaign_es, monkeypatch, django_capture_on_commit_callbacks
):
    def refused(self, messages):
        raise ConnectionRefusedError("SMTP server stopped")

    monkeypatch.setattr(EmailBackend, "send_messages", refused)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, campaign_es)

    assert response.status_code == 302 and "signed-up=1" in response["Location"]
    waiting = OutgoingEmail.objects.get()
    assert waiting.attempts == 1 and "SMTP server stopped" in waiting.last_error

    monkeypatch.undo()
    OutgoingEmail.objects.update(next_attempt_at=waiting.created_at)
    assert send_due() == 1
    assert mail.outbox[0].to == [SIGNUP_FORM["email"]]
    assert not OutgoingEmail.objects.exists()


def test_a_repeat_of_the_same_form_sends_no_second_email(
    client, campaign_es, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, campaign_es)
        post(client, campaign_es)

    assert len(mail.outbox) == 1
    assert signup_url(campaign_es).startswith("/es/")


def test_only_communications_and_superusers_add_wordings(client, translator):
    setup_roles()
    client.force_login(translator)
    assert client.get(reverse(ADD_WORDING)).status_code in (302, 403)
