"""Sign-up exports that are safe to open in a spreadsheet."""

import re
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Digits, spaces and phone punctuation, a lone dash for an empty cell: a
# spreadsheet runs nothing in these, so they are exported exactly as they are.
HARMLESS = re.compile(r"[-+]?[0-9\s().-]*")


def neutralise_formula(value):
    """Keep spreadsheet programs from running text typed by the public, leaving
    every value that could not run anything exactly as it is."""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not HARMLESS.fullmatch(text):
        return f"'{text}"
    return text


# The columns of staff's export (CSV and XLSX), and of a privacy request's answer.
EXPORT_FIELDS = (
    "name",
    "email",
    "phone",
    "zip_code",
    "language",
    "signed_up_in",
    "campaign",
    "meeting",
    "consent",
    "text_consent",
    "consent_version",
    "confirmation",
    "stopped_contact_at",
    "times_signed_up",
    "created_at",
    "last_signed_up_at",
)


def local_minute(value):
    """A moment as the list shows it: in the staff member's time zone (Chicago
    unless they chose another), to the minute, for a spreadsheet cell."""
    if not isinstance(value, datetime):
        return value
    return timezone.localtime(value).replace(second=0, microsecond=0, tzinfo=None)


def local_minute_text(value):
    moment = local_minute(value)
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else value


def language_name(code):
    """The language's name in the exporter's language, as the list shows it."""
    return str(dict(settings.LANGUAGES).get(code, code))


def yes_or_no(value):
    return gettext("Yes") if value is True else gettext("No")
