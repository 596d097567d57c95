"""Meetings as calendar entries (RFC 5545, written by the icalendar library) and
as links that open a new event in Google Calendar or Outlook.

Every entry is written in the language of the page it comes from: its title,
description and place, and its URL back to that page.

UID: ``meeting-<translation key>-<language>@<site host>``. The translation key
is the same for a meeting's English and Spanish pages and never changes when a
page is moved, renamed or restored, so the entry keeps its UID for life. The
language is part of it because the two feeds describe the meeting in different
words: a neighbour who subscribes to both, or imports both files, gets two
entries that never overwrite each other's language.

SEQUENCE: the page's ``sequence`` field, raised by MeetingPage.save each time a
published version changes any field listed in SEQUENCED_FIELDS, so a calendar
that already holds the entry replaces it on its next sync.
"""

from datetime import UTC, timedelta
from html import unescape
from urllib.parse import urlencode, urlsplit

import icalendar
from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext, pgettext

CAMPAIGN_PAGE = "campaigns.CampaignPage"
# What a calendar entry shows: a published change to any of them raises SEQUENCE.
SEQUENCED_FIELDS = (
    "title",
    "summary",
    "start",
    "end",
    "status",
    "status_note",
    "place_name",
    "street_address",
    "online_link",
    "access_notes",
    "languages",
    "interpretation",
)
PRODUCT = "-//Brighton Park Neighborhood Council//Meetings//{language}"
# How often a subscribed calendar should look again (a hint most apps follow).
REFRESH = timedelta(hours=1)


def _local(moment):
    return timezone.localtime(moment, timezone.get_default_timezone())


def _time(moment):
    half = pgettext("time of day", "a.m.") if moment.hour < 12 else None
    half = half or pgettext("time of day", "p.m.")
    return f"{dateformat.format(moment, 'g:i')} {half}"


def _date(moment):
    # Translators: a PHP-style date format (Django's "date" filter).
    return dateformat.format(moment, pgettext("meeting date", "l, F j, Y"))


def when(start, end):
    """When a meeting is, in Chicago time and the active language:
    "martes 12 de marzo de 2024, 6:00 p. m. – 8:00 p. m."."""
    start, end = _local(start), _local(end)
    if start.date() == end.date():
        return f"{_date(start)}, {_time(start)} – {_time(end)}"
    return f"{_date(start)}, {_time(start)} – {_date(end)}, {_time(end)}"


def when_lines(start, end):
    """When, as a date line and a times line (a share card draws them large);
    a meeting over several days gives both ends in full."""
    start, end = _local(start), _local(end)
    if start.date() == end.date():
        return _date(start), f"{_time(start)} – {_time(end)}"
    return f"{_date(start)}, {_time(start)} –", f"{_date(end)}, {_time(end)}"


def languages_line(meeting):
    """The languages spoken, and interpretation, as one sentence."""
    line = meeting.get_languages_display()
    if meeting.interpretation:
        line = gettext("%(languages)s, with interpretation.") % {"languages": line}
    else:
        line = f"{line}."
    return line


def _plain(html):
    return " ".join(unescape(strip_tags(str(html))).split())


def description(meeting):
    """What the entry says under its title, in the active language."""
    lines = []
    if meeting.status != "scheduled":
        note = meeting.status_note
        label = meeting.get_status_display()
        lines.append(f"{label}: {note}" if note else f"{label}.")
    if meeting.summary:
        lines.append(meeting.summary)
    lines.append(languages_line(meeting))
    if meeting.access_notes:
        lines.append(_plain(meeting.access_notes))
    if meeting.online_link:
        lines.append(gettext("Join online: %(link)s") % {"link": meeting.online_link})
    lines.append(gettext("More: %(url)s") % {"url": meeting.full_url})
    return "\n\n".join(lines)


def title(meeting):
    if meeting.is_cancelled:
        return gettext("Cancelled: %(title)s") % {"title": meeting.title}
    return meeting.title


def location(meeting):
    return meeting.where or meeting.online_link


def uid(meeting, host):
    return f"meeting-{meeting.translation_key}-{meeting.locale.language_code}@{host}"


def event(meeting, host):
    entry = icalendar.Event()
    stamp = meeting.last_published_at or timezone.now()
    entry.add("uid", uid(meeting, host))
    entry.add("dtstamp", stamp.astimezone(UTC))
    entry.add("last-modified", stamp.astimezone(UTC))
    entry.add("sequence", meeting.sequence)
    entry.add("dtstart", _local(meeting.start))
    entry.add("dtend", _local(meeting.end))
    entry.add("summary", title(meeting))
    entry.add("description", description(meeting))
    if location(meeting):
        entry.add("location", location(meeting))
    entry.add("url", meeting.full_url)
    entry.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    return entry


def host_of(meeting):
    return urlsplit(meeting.full_url or "").hostname or "localhost"


def calendar_of(meetings, name, host=None):
    """An iCalendar file (bytes) of the meetings, each in its own page's
    language; the calendar's name and language are the active language's."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT.format(language=language.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")  # the same hint, for Outlook
    meetings = list(meetings)
    for meeting in meetings:
        with translation.override(meeting.locale.language_code):
            cal.add_component(event(meeting, host or host_of(meeting)))
    if meetings:
        # Only the years the meetings need: a whole history of rules is long.
        first = min(_local(m.start) for m in meetings).date() - timedelta(days=366)
        last = max(_local(m.end) for m in meetings).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
        for zone in cal.walk("VTIMEZONE"):
            # The library's note on the rules' years, in English: no reader's.
            zone.pop("COMMENT", None)
    return cal.to_ical()


def _utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def add_links(meeting):
    """Links that open the meeting as a new event in Google Calendar and in
    Outlook on the web, in the active language (no script needed)."""
    details = "\n\n".join(
        part for part in (meeting.summary, meeting.full_url or "") if part
    )
    google = {
        "action": "TEMPLATE",
        "text": title(meeting),
        "dates": f"{_utc_stamp(meeting.start)}/{_utc_stamp(meeting.end)}",
        "ctz": settings.TIME_ZONE,
        "details": details,
        "location": location(meeting),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title(meeting),
        "startdt": _local(meeting.start).isoformat(),
        "enddt": _local(meeting.end).isoformat(),
        "body": details,
        "location": location(meeting),
    }
    return {
        "google": "https://calendar.google.com/calendar/render?" + urlencode(google),
        "outlook": "https://outlook.live.com/calendar/0/deeplink/compose?"
        + urlencode(outlook),
    }


EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def schema_event(meeting, url, organizer):
    """The meeting as a schema.org Event, in the active language."""
    places = []
    if meeting.place_name or meeting.street_address:
        place = {"@type": "Place", "name": meeting.place_name or meeting.where}
        if meeting.street_address:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": meeting.street_address,
            }
        places.append(place)
    if meeting.online_link:
        places.append({"@type": "VirtualLocation", "url": meeting.online_link})
    if len(places) == 2:
        mode = "MixedEventAttendanceMode"
    elif meeting.online_link:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    event = {
        "@type": "Event",
        "@id": f"{url}#event",
        "name": meeting.title,
        "url": url,
        "startDate": _local(meeting.start).isoformat(),
        "endDate": _local(meeting.end).isoformat(),
        "eventStatus": EVENT_STATUS[meeting.status],
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "inLanguage": meeting.languages.split("-"),
        "organizer": organizer,
    }
    if places:
        event["location"] = places[0] if len(places) == 1 else places
    if meeting.summary:
        event["description"] = meeting.summary
    return event
