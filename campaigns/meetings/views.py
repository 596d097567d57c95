"""The calendar feed of each language: its meetings that have not long ended.

Subscribed calendars mirror the feed, so an entry that left it would vanish
from a neighbour's phone: meetings stay in the feed for RECENT_PAST after
they end, then leave it.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from home.models import OrganisationSettings, in_site

from . import calendar
from .models import upcoming_meetings

RECENT_PAST = timedelta(days=30)


def meetings_feed(request):
    """The feed of the language of the address (/en/… or /es/…)."""
    locale = Locale.objects.get(language_code=translation.get_language())
    site = Site.find_for_request(request)
    meetings = (
        upcoming_meetings(locale, now=timezone.now() - RECENT_PAST)
        .filter(in_site(site))
        .select_related("locale")
    )
    organisation = OrganisationSettings.for_request(request)
    name = gettext("Meetings – %(organisation)s") % {"organisation": organisation.name}
    host = site.hostname if site else None
    body = calendar.calendar_of(meetings, name=name, host=host)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
