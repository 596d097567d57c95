"""Sign-ups made before one person had one row per campaign, merged.

A migration of its own: on PostgreSQL, rows changed in a transaction that also
alters their table leave trigger events that stop the next ALTER TABLE.
"""

from django.db import migrations
from django.db.models import Count, F

# What a later sign-up by the same person replaces (campaigns/signups/models.py).
DETAILS = ("name", "email", "phone", "zip_code", "language", "signed_up_in", "consent")


def merge_repeated_signups(apps, schema_editor):
    """One row per person and campaign: the first sign-up's date, the latest
    details, and how many times they signed up."""
    Signup = apps.get_model("campaigns", "Signup")
    Signup.objects.update(last_signed_up_at=F("created_at"))
    repeated = (
        Signup.objects.values("campaign_id", "email_key")
        .annotate(rows=Count("id"))
        .filter(rows__gt=1)
        .order_by()
    )
    for person in repeated:
        rows = list(
            Signup.objects.filter(
                campaign_id=person["campaign_id"], email_key=person["email_key"]
            ).order_by("created_at", "pk")
        )
        first, latest = rows[0], rows[-1]
        for name in DETAILS:
            setattr(first, name, getattr(latest, name))
        first.last_signed_up_at = latest.created_at
        first.times_signed_up = len(rows)
        first.save(update_fields=[*DETAILS, "last_signed_up_at", "times_signed_up"])
        Signup.objects.filter(pk__in=[row.pk for row in rows[1:]]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0004_signup_repeat_fields"),
    ]

    operations = [
        migrations.RunPython(merge_repeated_signups, migrations.RunPython.noop),
    ]
