"""Meetings in templates: when they are, in the reader's language, and the
address a calendar app subscribes to."""

from urllib.parse import urlsplit

from django import template
from django.urls import reverse

from campaigns.meetings import calendar

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
