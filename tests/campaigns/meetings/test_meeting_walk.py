"""The whole path, as the roles walk it: Communications create a meeting linked
to a campaign with RSVPs and submit it, a moderator approves it, it is
translated through wagtail-localize; both pages and both feeds show it; a
neighbour RSVPs in Spanish and staff find the row in the export; a move
approved later raises SEQUENCE in both feeds and reaches the neighbour."""

import csv
import io

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from campaigns.models import MeetingIndexPage, MeetingPage, Signup
from tests.campaigns.meetings.editor import add_url, meeting_form
from tests.campaigns.meetings.neighbour import rsvp
from tests.campaigns.meetings.words import MEETING_WORDS
from tests.support.seed import seed_page
from tests.support.translations import publish_in_spanish

pytestmark = pytest.mark.django_db

WORDS = {
    **MEETING_WORDS,
    "Ward night": "Noche del distrito",
    "ward-night": "noche-del-distrito",
    "Meet the alderperson's office.": "Conozca a la oficina de su concejal(a).",
    "Step-free entrance.": "Entrada sin escalones.",
    "Come and tell us.": "Venga y cuéntenos.",
}


def approve(client, page):
    task_state = page.current_workflow_task_state
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        )
    )


def feed_event(client, path, meeting):
    calendar = icalendar.Calendar.from_ical(client.get(path).content)
    language = meeting.locale.language_code
    uid = f"meeting-{meeting.translation_key}-{language}@"
    [event] = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith(uid)]
    return event


def test_a_meeting_from_the_editor_to_a_neighbours_calendar(
    client, comms, moderator, django_capture_on_commit_callbacks, uncached_pages
):
    campaign = seed_page()
    index = MeetingIndexPage.objects.get(locale__language_code="en")
    client.force_login(comms)
    submitted = client.post(
        add_url(index),
        meeting_form(
            [campaign],
            **{"action-publish": "", "action-submit": "submit"},
            rsvp_enabled="on",
            rsvp_intro="Come and tell us.",
        ),
    )
    assert submitted.status_code == 302
    meeting = MeetingPage.objects.get(slug="ward-night", locale=index.locale)
    assert not meeting.live

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, meeting)
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        assert meeting.live
        meeting_es = publish_in_spanish(meeting, WORDS)
    client.logout()

    assert "Ward night" in client.get(meeting.url).content.decode()
    spanish_html = client.get(meeting_es.url).content.decode()
    assert "Noche del distrito" in spanish_html and "Venga y cuéntenos." in spanish_html
    english_event = feed_event(client, "/en/meetings.ics", meeting)
    spanish_event = feed_event(client, "/es/reuniones.ics", meeting_es)
    assert str(spanish_event["SUMMARY"]) == "Noche del distrito"
    assert english_event["DTSTART"].dt.hour == 18  # 6 p.m. in Chicago
    sequence = int(english_event["SEQUENCE"])

    assert rsvp(client, meeting_es).status_code == 302
    assert rsvp(client, meeting_es).status_code == 302
    [row] = Signup.objects.filter(meeting=meeting)
    assert (row.signed_up_in, row.campaign) == ("es", campaign)
    client.force_login(comms)
    export = client.get(
        reverse("campaigns_signup_modeladmin_index"),
        {"meeting__id__exact": meeting.pk, "export": "csv"},
    )
    body = b"".join(export.streaming_content) if export.streaming else export.content
    header, *rows = list(csv.reader(io.StringIO(body.decode())))
    assert [r[header.index("Email")] for r in rows] == ["ana@example.org"]

    edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    client.post(
        edit,
        meeting_form(
            [campaign],
            **{"action-publish": "", "action-submit": "submit"},
            start="2030-05-08 18:00",
            end="2030-05-08 20:00",
            status="moved",
            status_note="Moved to the gym next door.",
            rsvp_enabled="on",
            rsvp_intro="Come and tell us.",
        ),
    )
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, MeetingPage.objects.get(pk=meeting.pk))
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        meeting_es = publish_in_spanish(meeting, WORDS)
    client.logout()

    moved_en = feed_event(client, "/en/meetings.ics", meeting)
    moved_es = feed_event(client, "/es/reuniones.ics", meeting_es)
    assert int(moved_en["SEQUENCE"]) > sequence
    assert moved_en["DTSTART"].dt.day == moved_es["DTSTART"].dt.day == 8
    assert (
        "Se cambió al gimnasio de al lado."
        in client.get(meeting_es.url).content.decode()
    )
    # (Moderators are told of each submission too.)
    [email] = [e for e in mail.outbox if e.to == ["ana@example.org"]]
    assert (email.to, email.subject) == (
        ["ana@example.org"],
        "Cambio: Noche del distrito",
    )
