"""Answering a person's privacy request: every sign-up they made, to hand over or
erase. Emails match whatever their case, as people type them differently."""

from .export import EXPORT_FIELDS
from .models import Signup, normalised_email

# The columns of staff's export, and the row's id.
FIELDS = ["id", *EXPORT_FIELDS]
DATES = ("created_at", "last_signed_up_at", "stopped_contact_at")


def signups_of(email):
    return (
        Signup.objects.filter(email_key=normalised_email(email))
        .select_related("campaign", "consent_text")
        .order_by("created_at", "pk")
    )


def as_record(signup):
    """A sign-up as plain values, its campaign by title."""
    record = {}
    for name in FIELDS:
        value = getattr(signup, name)
        record[name] = value() if callable(value) else value
    record["campaign"] = signup.campaign.title
    record["confirmation"] = str(record["confirmation"])
    for name in DATES:
        if record[name] is not None:
            record[name] = record[name].isoformat()
    return record
