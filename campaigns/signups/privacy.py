"""Answering a person's privacy request: every sign-up they made, to hand over or
erase. Emails match whatever their case, as people type them differently."""

from .export import EXPORT_FIELDS
from .models import Signup, normalised_email

# The columns of staff's export, and the row's id.
FIELDS = ["id", *EXPORT_FIELDS]
DATES = ("created_at", "last_signed_up_at")


def signups_of(email):
    return (
        Signup.objects.filter(email_key=normalised_email(email))
        .select_related("campaign")
        .order_by("created_at", "pk")
    )


def as_record(signup):
    """A sign-up as plain values, its campaign by title."""
    record = {name: getattr(signup, name) for name in FIELDS}
    record["campaign"] = signup.campaign.title
    for name in DATES:
        record[name] = record[name].isoformat()
    return record
