"""Neighbours RSVP to a meeting through the sign-up machinery: one row per person
and meeting, whichever language they used, listed and exported by staff."""

import csv
import io

import pytest
from django.urls import reverse

from campaigns.models import MeetingPage, Signup
from tests.campaigns.meetings.editor import add_url, meeting_form
from tests.campaigns.meetings.neighbour import rsvp, rsvp_url
from tests.support.factories import SIGNUP_FORM

pytestmark = pytest.mark.django_db

SIGNUPS = "campaigns_signup_modeladmin_index"


def test_the_spanish_page_takes_an_rsvp_in_spanish(client, rsvp_meeting):
    meeting, meeting_es = rsvp_meeting
    html = client.get(meeting_es.url).content.decode()
    assert "Avísenos que viene" in html
    assert f'action="{rsvp_url(meeting_es)}#signup"' in html
    assert rsvp_url(meeting_es).startswith("/es/asistencia/")

    response = rsvp(client, meeting_es)

    assert response.status_code == 302
    assert response["Location"] == f"{meeting_es.url}?signed-up=1#signup"
    thanks = client.get(response["Location"]).content.decode()
    assert "¡Gracias! Recibimos su confirmación." in thanks
    row = Signup.objects.get()
    assert (row.meeting, row.campaign.title) == (meeting, "Free the Funds")
    assert (row.signed_up_in, row.language) == ("es", "es")


def test_an_rsvp_sent_again_or_changed_stays_one_row_per_person_and_meeting(
    client, rsvp_meeting
):
    meeting, meeting_es = rsvp_meeting
    rsvp(client, meeting_es)
    rsvp(client, meeting_es)
    rsvp(client, meeting, {**SIGNUP_FORM, "email": "ANA@example.org ", "phone": ""})

    row = Signup.objects.get()
    assert (row.times_signed_up, row.signed_up_in, row.phone) == (2, "en", "")


def test_an_rsvp_and_a_campaign_sign_up_are_two_rows(
    client, rsvp_meeting, linked_campaign
):
    meeting, _meeting_es = rsvp_meeting
    rsvp(client, meeting)
    linked_campaign.signup_enabled = True
    linked_campaign.save_revision().publish()
    client.post(
        reverse("campaign_signup", args=[linked_campaign.pk]),
        SIGNUP_FORM,
        HTTP_ORIGIN="http://testserver",
    )

    assert sorted(Signup.objects.values_list("meeting", flat=True), key=str) == [
        meeting.pk,
        None,
    ]


def test_a_mistake_comes_back_in_spanish_with_what_was_typed(client, rsvp_meeting):
    _meeting, meeting_es = rsvp_meeting
    response = rsvp(client, meeting_es, {**SIGNUP_FORM, "email": "ana@", "consent": ""})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Escriba un correo electrónico válido" in html or "correo" in html
    assert 'value="Ana Pérez"' in html
    assert not Signup.objects.exists()


def test_another_site_a_bot_and_a_closed_meeting_store_nothing(client, rsvp_meeting):
    meeting, meeting_es = rsvp_meeting
    assert rsvp(client, meeting, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert rsvp(client, meeting, {**SIGNUP_FORM, "website": "x"}).status_code == 302
    meeting.status = MeetingPage.Status.CANCELLED
    meeting.save_revision().publish()
    assert rsvp(client, meeting).status_code == 404
    assert "Let us know you are coming" not in client.get(meeting.url).content.decode()
    assert not Signup.objects.exists()


def test_a_meeting_without_rsvps_shows_no_form_and_refuses_one(client, meeting):
    assert 'id="signup"' not in client.get(meeting.url).content.decode()
    assert rsvp(client, meeting).status_code == 404
    assert rsvp(client, meeting.get_parent()).status_code == 404
    assert not Signup.objects.exists()


def test_rsvps_share_the_sign_up_rate_limit(client, rsvp_meeting, settings):
    settings.SIGNUP_RATE_LIMIT = "1/m"
    meeting, _meeting_es = rsvp_meeting
    rsvp(client, meeting)
    response = rsvp(client, meeting, {**SIGNUP_FORM, "email": "bo@example.org"})
    assert response.status_code == 429
    assert Signup.objects.count() == 1


def test_staff_filter_and_export_the_rsvps_of_a_meeting(
    client, staff_client, rsvp_meeting, linked_campaign
):
    meeting, meeting_es = rsvp_meeting
    rsvp(client, meeting_es)
    Signup.objects.create(
        campaign=linked_campaign,
        name="Bo",
        email="bo@example.org",
        language="en",
        signed_up_in="en",
        consent=True,
    )

    listed = staff_client.get(reverse(SIGNUPS), {"meeting__id__exact": meeting.pk})
    exported = staff_client.get(
        reverse(SIGNUPS), {"meeting__id__exact": meeting.pk, "export": "csv"}
    )

    assert "ana@example.org" in listed.content.decode()
    assert "bo@example.org" not in listed.content.decode()
    body = (
        b"".join(exported.streaming_content)
        if exported.streaming
        else (exported.content)
    )
    header, *rows = list(csv.reader(io.StringIO(body.decode())))
    assert len(rows) == 1
    assert rows[0][header.index("Meeting")] == "Budget night"
    assert "Ana Pérez" in rows[0]
    assert rows[0][header.index("Campaign")] == "Free the Funds"


def test_the_meeting_editor_counts_rsvps_by_language(
    client, staff_client, rsvp_meeting
):
    meeting, meeting_es = rsvp_meeting
    html = staff_client.get(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    ).content.decode()
    assert "0 RSVPs so far." in html
    rsvp(client, meeting_es)
    rsvp(client, meeting, {**SIGNUP_FORM, "email": "bo@example.org"})
    rsvp(client, meeting, {**SIGNUP_FORM, "email": "cy@example.org"})
    html = staff_client.get(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    ).content.decode()

    assert "3 RSVPs so far: 2 in English, 1 in Spanish." in html
    assert f"?meeting__id__exact={meeting.pk}" in html


def test_a_meeting_with_rsvps_cannot_be_deleted(staff_client, rsvp_meeting, client):
    meeting, _meeting_es = rsvp_meeting
    rsvp(client, meeting)
    staff_client.post(reverse("wagtailadmin_pages:delete", args=[meeting.pk]))
    assert MeetingPage.objects.filter(pk=meeting.pk).exists()


def test_the_editor_asks_for_a_campaign_before_taking_rsvps(
    staff_client, meeting_index, linked_campaign
):
    alone = staff_client.post(
        add_url(meeting_index), meeting_form(rsvp_enabled="on", slug="alone")
    )
    linked = staff_client.post(
        add_url(meeting_index), meeting_form([linked_campaign], rsvp_enabled="on")
    )

    assert alone.status_code == 200
    assert "Link the meeting to a campaign below" in alone.content.decode()
    assert not MeetingPage.objects.filter(slug="alone").exists()
    assert linked.status_code == 302
    assert MeetingPage.objects.get(slug="ward-night").rsvp_enabled
