"""Nothing kept forever: sign-ups are deleted SIGNUP_RETENTION_MONTHS after the
person last signed up, and those never confirmed (where a campaign asks for
confirmation) SIGNUP_CONFIRMATION_DAYS after they were made.

Before a confirmed (or never asked) sign-up goes, it is added to the weekly
count of its campaign and language, so how many people signed up, and when,
survives the people's details.
"""

import calendar
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .erasure import Erasure, erase
from .models import Signup


class SignupTally(models.Model):
    """How many sign-ups a campaign had in one language and week, kept after
    the sign-ups themselves are deleted."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="signup_tallies",
    )
    signed_up_in = models.CharField(
        _("signed up in"), max_length=5, choices=settings.LANGUAGES
    )
    week = models.DateField(_("week starting"))
    signups = models.PositiveIntegerField(_("sign-ups"), default=0)

    class Meta:
        verbose_name = _("sign-up count")
        verbose_name_plural = _("sign-up counts")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "signed_up_in", "week"],
                name="signup_tally_one_per_week",
            )
        ]

    def __str__(self):
        return f"{self.campaign_id} {self.signed_up_in} {self.week}: {self.signups}"


def months_before(moment, months):
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def expired(now=None):
    """The sign-ups whose time is up."""
    now = now or timezone.now()
    too_old = Q(
        last_signed_up_at__lt=months_before(now, settings.SIGNUP_RETENTION_MONTHS)
    )
    never_confirmed = Q(
        needs_confirmation=True,
        confirmed_at__isnull=True,
        created_at__lt=now - timedelta(days=settings.SIGNUP_CONFIRMATION_DAYS),
    )
    return Signup.objects.filter(too_old | never_confirmed)


@dataclass
class Outcome:
    counted: int  # reduced to the weekly counts
    unconfirmed: int  # never confirmed: deleted without counting


def apply_retention(dry_run=False, now=None):
    with transaction.atomic():
        # Locked first, so a sign-up renewed meanwhile is not deleted under it.
        ids = list(expired(now).select_for_update().values_list("pk", flat=True))
        rows = Signup.objects.filter(pk__in=ids)
        unconfirmed = rows.filter(needs_confirmation=True, confirmed_at__isnull=True)
        counted = rows.exclude(needs_confirmation=True, confirmed_at__isnull=True)
        outcome = Outcome(counted=counted.count(), unconfirmed=unconfirmed.count())
        if not dry_run:
            add_to_tallies(counted)
            erase(rows, Erasure.RETENTION)
    return outcome


def add_to_tallies(signups):
    weeks = (
        signups.filter(campaign__isnull=False)
        .annotate(week=TruncWeek("created_at"))
        .values("campaign_id", "signed_up_in", "week")
        .annotate(signups=Count("pk"))
        .order_by()
    )
    for row in weeks:
        tally, _created = SignupTally.objects.get_or_create(
            campaign_id=row["campaign_id"],
            signed_up_in=row["signed_up_in"],
            week=row["week"].date() if hasattr(row["week"], "date") else row["week"],
        )
        SignupTally.objects.filter(pk=tally.pk).update(
            signups=F("signups") + row["signups"]
        )


def signup_total(campaign):
    """Everyone who signed up to a campaign, whether still held or only counted."""
    held = Signup.objects.filter(campaign=campaign).exclude(
        needs_confirmation=True, confirmed_at__isnull=True
    )
    counted = campaign.signup_tallies.aggregate(total=Sum("signups"))["total"] or 0
    return held.count() + counted
