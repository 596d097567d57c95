"""A published meeting moves or is cancelled: those who RSVP'd hear about it in
the language they used, and staff are offered an alert for everyone else."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from campaigns.meetings import calendar, changes
from campaigns.meetings.attendance import alert_url
from campaigns.models import MeetingPage
from home.outbox.models import OutgoingEmail
from tests.campaigns.meetings.editor import meeting_form
from tests.campaigns.meetings.neighbour import rsvp
from tests.support.english import english_pieces
from tests.support.factories import SIGNUP_FORM

pytestmark = pytest.mark.django_db

BO = {**SIGNUP_FORM, "name": "Bo", "email": "bo@example.org", "language": "en"}


@pytest.fixture
def attendees(client, rsvp_meeting):
    meeting, meeting_es = rsvp_meeting
    rsvp(client, meeting_es)  # Ana, in Spanish
    rsvp(client, meeting, BO)
    return meeting, meeting_es


def publish(page, capture, **changed):
    for name, value in changed.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()
    return MeetingPage.objects.get(pk=page.pk)


def test_a_move_reaches_each_attendee_in_their_language(
    attendees, django_capture_on_commit_callbacks, sync_spanish
):
    meeting, meeting_es = attendees
    start = meeting.start + timedelta(days=1)
    meeting = publish(
        meeting,
        django_capture_on_commit_callbacks,
        start=start,
        end=start + timedelta(hours=2),
        status=MeetingPage.Status.MOVED,
        status_note="Moved to the gym next door.",
    )

    [english] = mail.outbox
    assert english.to == ["bo@example.org"]
    assert english.subject == "Changed: Budget night"
    assert "Hello Bo," in english.body
    assert "Moved to the gym next door." in english.body
    assert calendar.when(start, start + timedelta(hours=2)) in english.body
    assert meeting.full_url in english.body

    with django_capture_on_commit_callbacks(execute=True):
        meeting_es = sync_spanish(meeting)

    spanish = mail.outbox[1]
    assert len(mail.outbox) == 2
    assert spanish.to == ["ana@example.org"]
    assert spanish.subject == "Cambio: Noche del presupuesto"
    assert "Se cambió al gimnasio de al lado." in spanish.body
    assert "(hora de Chicago)" in spanish.body
    assert meeting_es.full_url in spanish.body and "/es/" in spanish.body
    site = "Brighton Park Neighborhood Council"
    assert (
        english_pieces(f"<p>{spanish.subject}</p><pre>{spanish.body}</pre>", [site])
        == []
    )


def test_a_cancellation_says_so(attendees, django_capture_on_commit_callbacks):
    meeting, _meeting_es = attendees
    publish(
        meeting, django_capture_on_commit_callbacks, status=MeetingPage.Status.CANCELLED
    )

    [email] = mail.outbox
    assert email.subject == "Cancelled: Budget night"
    assert "is cancelled" in email.body
    assert "When:" not in email.body


def test_drafts_and_changes_attendees_need_not_hear_send_nothing(
    attendees, django_capture_on_commit_callbacks
):
    meeting, _meeting_es = attendees
    meeting.start += timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision()  # a draft
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    publish(meeting, django_capture_on_commit_callbacks, summary="Bring a friend.")

    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_emails_that_cannot_be_queued_never_undo_the_publish(
    attendees, django_capture_on_commit_callbacks, monkeypatch
):
    meeting, _meeting_es = attendees

    def broken(*args, **kwargs):
        raise RuntimeError("outbox table unavailable")

    monkeypatch.setattr(changes, "queue_email", broken)
    meeting = publish(
        meeting, django_capture_on_commit_callbacks, status=MeetingPage.Status.CANCELLED
    )

    assert meeting.live and meeting.is_cancelled
    assert mail.outbox == []


def test_publishing_a_moved_meeting_offers_a_filled_in_alert(staff_client, attendees):
    meeting, _meeting_es = attendees
    edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    response = staff_client.post(
        edit,
        meeting_form(
            [meeting.campaign_links.first().campaign],
            title="Budget night",
            slug="budget-night",
            status="moved",
            status_note="Moved to the gym next door.",
            rsvp_enabled="on",
        ),
        follow=True,
    )

    html = response.content.decode()
    assert "Tell every visitor that this meeting changed with an alert." in html
    alert_link = reverse("wagtailsnippets_home_alert:add")
    assert alert_link in html
    editor = staff_client.get(edit).content.decode()
    assert "Create an alert about it" in editor

    moved = MeetingPage.objects.get(pk=meeting.pk)
    alert_form = staff_client.get(alert_url(moved)).content.decode()
    assert "Moved: Budget night, now " in alert_form
    assert "Moved to the gym next door." in alert_form
    assert f'value="{moved.pk}"' in alert_form
