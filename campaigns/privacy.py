"""Answering a person's privacy request: every sign-up they made, to hand over or
erase. Emails match whatever their case, as people type them differently."""

from .signups import Signup
from .wagtail_hooks import SignupAdmin

# The columns of staff's export, and the row's id.
FIELDS = ["id", *SignupAdmin.list_export]


def signups_of(email):
    return (
        Signup.objects.filter(email__iexact=email.strip())
        .select_related("campaign")
        .order_by("created_at", "pk")
    )


def as_record(signup):
    """A sign-up as plain values, its campaign by title."""
    record = {name: getattr(signup, name) for name in FIELDS}
    record["campaign"] = signup.campaign.title
    record["created_at"] = signup.created_at.isoformat()
    return record
