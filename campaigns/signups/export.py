"""Sign-up exports that are safe to open in a spreadsheet."""

import re

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
