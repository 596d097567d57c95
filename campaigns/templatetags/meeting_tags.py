"""Meetings in templates: when they are, in the reader's language, and the
address a calendar app subscribes to."""

from urllib.parse import urlsplit

from django import template
from django.urls import reverse

from campaigns.meetings import calendar
from campaigns.meetings.upcoming import upcoming_for

register = template.Library()


@register.filter
def meeting_when(meeting):
    """When the meeting is, in Chicago time and the active language."""
    return calendar.when(meeting.start, meeting.end)


@register.filter
def meeting_languages(meeting):
    return calendar.languages_line(meeting)


@register.simple_tag
def webcal_url(page):
    """The feed of the active language as a webcal:// address, which phones
    open in their calendar app to subscribe."""
    host = urlsplit(page.full_url or "").netloc
    return f"webcal://{host}{reverse('meetings_feed')}" if host else ""


@register.inclusion_tag(
    "campaigns/meetings/includes/next_meetings.html", takes_context=True
)
def next_meetings(context, campaign=None):
    """The next meetings in the page's language (of one campaign when given),
    with a link to them all; nothing at all when none is planned."""
    page = context.get("page")
    if page is None or not page.pk:
        return {"meetings": []}
    meetings, index_url = upcoming_for(context.get("request"), page, campaign)
    return {"meetings": meetings, "campaign": campaign, "index_url": index_url}
