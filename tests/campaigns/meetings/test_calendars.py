"""Meetings in neighbours' calendars: each meeting's .ics file and each
language's feed, read back by two independent parsers (icalendar's and
vobject's), across a change to daylight saving time."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from campaigns.models import MeetingPage
from tests.support.english import english_words
from tests.support.factories import MeetingPageFactory

CHICAGO = ZoneInfo("America/Chicago")
# Identifiers for programs, never shown to a reader (a product id names the
# software that wrote the file, in any language).
MACHINE_PROPERTIES = {"BEGIN", "END", "PRODID", "UID", "URL", "TZID", "X-WR-TIMEZONE"}


def events(body):
    """{UID: event} of an iCalendar file, read by icalendar."""
    calendar = icalendar.Calendar.from_ical(body)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def vevents(body):
    """{UID: event} of an iCalendar file, read by vobject, which builds its
    time zones from the file's own VTIMEZONE."""
    calendar = vobject.readOne(body.decode())
    return {event.uid.value: event for event in calendar.vevent_list}


def feed(client, language):
    response = client.get(
        f"/{language}/{'meetings' if language == 'en' else 'reuniones'}.ics"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def the_event(client, language, meeting):
    found = events(feed(client, language))
    return found[f"meeting-{meeting.translation_key}-{language}@localhost"]


@pytest.mark.django_db
def test_the_ics_file_gives_chicago_time_across_the_change_to_daylight_time(
    client, meeting_index, dst_dates
):
    standard, daylight = dst_dates
    before = MeetingPageFactory(
        parent=meeting_index, start=standard, end=standard.replace(hour=20)
    )
    after = MeetingPageFactory(
        parent=meeting_index, start=daylight, end=daylight.replace(hour=20)
    )
    for meeting, utc_hour in ((before, 0), (after, 23)):
        body = client.get(f"{meeting.url}ics/").content
        assert b"DTSTART;TZID=America/Chicago:" in body
        [by_icalendar] = events(body).values()
        [by_vobject] = vevents(body).values()
        for start in (by_icalendar.decoded("DTSTART"), by_vobject.dtstart.value):
            assert (start.hour, start.minute) == (18, 0)
            assert start.astimezone(CHICAGO).hour == 18
            assert start.astimezone(UTC).hour == utc_hour
        assert by_vobject.dtend.value.astimezone(CHICAGO).hour == 20
    offsets = {
        "before": before.start.astimezone(CHICAGO).utcoffset().total_seconds() / 3600,
        "after": after.start.astimezone(CHICAGO).utcoffset().total_seconds() / 3600,
    }
    assert offsets == {"before": -6, "after": -5}


@pytest.mark.django_db
def test_each_feed_describes_the_meeting_in_its_language(client, meeting, meeting_es):
    english = the_event(client, "en", meeting)
    spanish = the_event(client, "es", meeting_es)
    assert str(english["SUMMARY"]) == "Budget night"
    assert str(spanish["SUMMARY"]) == "Noche del presupuesto"
    assert str(english["URL"]) == meeting.full_url
    assert str(spanish["URL"]) == meeting_es.full_url
    assert "/es/reuniones/noche-del-presupuesto/" in str(spanish["URL"])
    assert str(spanish["LOCATION"]) == (
        "Biblioteca de Brighton Park, 4314 S Archer Ave, Chicago, IL 60632"
    )
    assert "En inglés y español, con interpretación." in str(spanish["DESCRIPTION"])
    assert "Cuidado infantil y comida." in str(spanish["DESCRIPTION"])
    assert english["STATUS"] == "CONFIRMED"
    assert b"X-PUBLISHED-TTL:PT1H" in feed(client, "es")
    assert english.decoded("DTSTART") == spanish.decoded("DTSTART")


@pytest.mark.django_db
def test_the_spanish_feed_has_no_english(client, meeting_es):
    calendar = icalendar.Calendar.from_ical(feed(client, "es"))
    texts = [
        str(value)
        for component in calendar.walk()
        for name, value in component.property_items(recursive=False)
        if name not in MACHINE_PROPERTIES
    ]
    assert "Noche del presupuesto" in texts
    kept = ["Brighton Park", "S Archer Ave, Chicago, IL"]
    assert [word for text in texts for word in english_words(text, kept)] == []


@pytest.mark.django_db
def test_moving_a_meeting_raises_sequence_and_shows_the_new_time_in_both_feeds(
    client, meeting, meeting_es, sync_spanish
):
    assert the_event(client, "en", meeting)["SEQUENCE"] == 0
    assert the_event(client, "es", meeting_es)["SEQUENCE"] == 0
    english = MeetingPage.objects.get(pk=meeting.pk)
    english.start = english.start.astimezone(CHICAGO).replace(hour=19)
    english.end = english.end.astimezone(CHICAGO).replace(hour=21)
    english.status = MeetingPage.Status.MOVED
    english.status_note = "Moved to the gym next door."
    english.save_revision().publish()
    spanish = sync_spanish(english)

    for language, page in (("en", english), ("es", spanish)):
        event = the_event(client, language, page)
        assert event["SEQUENCE"] == 1
        assert event.decoded("DTSTART").astimezone(CHICAGO).hour == 19
        assert event.decoded("DTEND").astimezone(CHICAGO).hour == 21
        [by_vobject] = [
            e
            for uid, e in vevents(feed(client, language)).items()
            if uid == str(event["UID"])
        ]
        assert by_vobject.sequence.value == "1"
        assert by_vobject.dtstart.value.astimezone(CHICAGO).hour == 19
    spanish_event = the_event(client, "es", spanish)
    assert "Se cambió al gimnasio de al lado." in str(spanish_event["DESCRIPTION"])


@pytest.mark.django_db
def test_saving_a_draft_or_republishing_unchanged_keeps_the_sequence(meeting):
    page = MeetingPage.objects.get(pk=meeting.pk)
    page.save_revision().publish()
    page.title = "Budget night, part two"
    page.save_revision()
    assert MeetingPage.objects.get(pk=meeting.pk).sequence == 0
    page.get_latest_revision().publish()
    assert MeetingPage.objects.get(pk=meeting.pk).sequence == 1


@pytest.mark.django_db
def test_cancelling_gives_status_cancelled_in_both_feeds(
    client, meeting, meeting_es, sync_spanish
):
    english = MeetingPage.objects.get(pk=meeting.pk)
    english.status = MeetingPage.Status.CANCELLED
    english.status_note = "Cancelled because of the storm."
    english.save_revision().publish()
    spanish = sync_spanish(english)
    for language, page in (("en", english), ("es", spanish)):
        event = the_event(client, language, page)
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == 1
    assert str(the_event(client, "es", spanish)["SUMMARY"]) == (
        "Cancelada: Noche del presupuesto"
    )


@pytest.mark.django_db
def test_uids_are_stable_and_differ_by_language(client, meeting, meeting_es):
    english = the_event(client, "en", meeting)
    page = MeetingPage.objects.get(pk=meeting.pk)
    page.slug = "budget-night-moved"
    page.save_revision().publish()
    assert the_event(client, "en", meeting)["UID"] == english["UID"]
    assert str(english["UID"]) != str(the_event(client, "es", meeting_es)["UID"])


@pytest.mark.django_db
def test_past_meetings_leave_the_feed(client, meeting_index):
    old = MeetingPageFactory(
        parent=meeting_index,
        start=datetime(2020, 1, 7, 18, tzinfo=CHICAGO),
        end=datetime(2020, 1, 7, 20, tzinfo=CHICAGO),
    )
    assert f"meeting-{old.translation_key}-en@localhost" not in events(
        feed(client, "en")
    )
