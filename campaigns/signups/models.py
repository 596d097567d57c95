"""Campaign sign-ups: one list per campaign, whichever language people signed up in,
and one row per person in it.

The campaign page and its form are served whole from a cache, so the form cannot
carry a token of its own: a repeat is recognised from what was sent. The same
person (the same email, whatever its case) signing up again to the same campaign
updates their row; the very same submission arriving again (a double click, a
browser resending after a timeout, a retry after a lost answer) changes nothing.
The database holds the first rule itself, so concurrent posts cannot make two rows.
"""

import hashlib
import json

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Value
from django.db.models.functions import Lower, Trim
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a later sign-up by the same person replaces.
DETAILS = (
    "name",
    "email",
    "phone",
    "zip_code",
    "language",
    "signed_up_in",
    "consent",
    "text_consent",
    "consent_text_id",
)


def normalised_email(email):
    """An email as the database compares it (see Signup.email_key)."""
    return Lower(Trim(Value(email)))


# Sent once a sign-up (a campaign's or a meeting's) is stored and committed, with
# the submission's key: its confirmation email is queued then.
signup_recorded = Signal()


def announce_after_commit(signup, using):
    """Nothing more is read here: once the row is written, the thank-you must
    not depend on the database (see the view)."""
    submission_key = signup.submission_key
    transaction.on_commit(
        lambda: signup_recorded.send(sender=Signup, submission_key=submission_key),
        using=using,
    )


class SignupQuerySet(models.QuerySet):
    def record(self, signup):
        """Store a valid sign-up as its person's one row for the campaign.

        Returns "created", "updated" (their earlier row took the new details) or
        "unchanged" (this very submission was already stored). The insert comes
        first: on SQLite a transaction that writes first waits for another writer
        instead of failing, and on PostgreSQL a concurrent insert for the same
        person waits for the other one and then meets its row.
        """
        signup.submission_key = signup.fingerprint()
        signup.created_at = signup.last_signed_up_at = timezone.now()
        person = self.filter(
            campaign_id=signup.campaign_id,
            meeting_id=signup.meeting_id,
            email_key=normalised_email(signup.email),
        )
        with transaction.atomic(using=self.db):
            # A second and third pass only when the row vanished in between (the
            # person's sign-ups forgotten at that very moment).
            for _attempt in range(3):
                try:
                    with transaction.atomic(using=self.db):
                        signup.save(force_insert=True, using=self.db)
                    announce_after_commit(signup, self.db)
                    return "created"
                except IntegrityError:
                    pass
                # Compared again on the row as it is once locked, so of two
                # identical posts racing here, only one counts.
                changes = {name: getattr(signup, name) for name in DETAILS}
                if person.exclude(submission_key=signup.submission_key).update(
                    **changes,
                    submission_key=signup.submission_key,
                    last_signed_up_at=timezone.now(),
                    times_signed_up=F("times_signed_up") + 1,
                    # Signing up again is asking to hear from the campaign again.
                    stopped_contact_at=None,
                ):
                    announce_after_commit(signup, self.db)
                    return "updated"
                if person.exists():
                    return "unchanged"
        raise IntegrityError("The sign-up could neither be added nor merged.")


class Signup(models.Model):
    """A neighbour who asked to hear from a campaign. Personal data: not translated."""

    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.PROTECT,
        related_name="signups",
        help_text=_("The campaign's page in its original language."),
    )
    # Set for an RSVP: one row per person and meeting, listed under the
    # meeting's campaign too (campaigns/meetings/rsvp.py).
    meeting = models.ForeignKey(
        "campaigns.MeetingPage",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rsvps",
        help_text=_("For an RSVP: the meeting's page in its original language."),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    # Computed by the database, so no way of writing rows (a bulk insert, a
    # restored backup) can bypass it, and the lookup in record() compares emails
    # exactly as the unique constraint does.
    email_key = models.GeneratedField(
        expression=Lower(Trim("email")),
        output_field=models.CharField(max_length=254),
        db_persist=True,
        verbose_name=_("email in lower case"),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES
    )
    signed_up_in = models.CharField(
        _("signed up in"),
        max_length=5,
        choices=settings.LANGUAGES,
        help_text=_("The language of the page the form was on."),
    )
    consent = models.BooleanField(_("agreed to emails"))
    text_consent = models.BooleanField(_("agreed to texts and calls"), default=False)
    consent_text = models.ForeignKey(
        "campaigns.ConsentText",
        verbose_name=_("consent wording accepted"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signups",
        help_text=_("The exact wording, language and version this person agreed to."),
    )
    needs_confirmation = models.BooleanField(
        _("asked to confirm"), default=False, editable=False
    )
    confirmed_at = models.DateTimeField(
        _("confirmed at"), null=True, blank=True, editable=False
    )
    stopped_contact_at = models.DateTimeField(
        _("asked not to be contacted at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(
        _("first signed up at"), default=timezone.now, editable=False, db_index=True
    )
    last_signed_up_at = models.DateTimeField(
        _("last signed up at"), default=timezone.now, editable=False
    )
    times_signed_up = models.PositiveIntegerField(
        _("times signed up"), default=1, editable=False
    )
    # The fingerprint of the last form stored (fingerprint()), to recognise it
    # when it is sent again.
    submission_key = models.CharField(
        _("last submission"), max_length=64, blank=True, editable=False
    )

    objects = SignupQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email_key"],
                condition=models.Q(meeting__isnull=True),
                name="signup_one_per_person_and_campaign",
            ),
            models.UniqueConstraint(
                fields=["meeting", "email_key"],
                condition=models.Q(meeting__isnull=False),
                name="signup_one_per_person_and_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.campaign}"

    @property
    def joined(self):
        """The page this sign-up is for: a meeting for an RSVP, else its campaign."""
        return getattr(self, "meeting", None) or self.campaign

    @property
    def is_unconfirmed(self):
        return self.needs_confirmation and self.confirmed_at is None

    def confirmation(self):
        if not self.needs_confirmation:
            return _("not asked")
        if self.confirmed_at is None:
            return _("not confirmed")
        return _("confirmed")

    confirmation.short_description = _("confirmation")

    def consent_version(self):
        return str(self.consent_text) if self.consent_text_id else ""

    consent_version.short_description = _("consent wording accepted")

    def fingerprint(self):
        """The submission's idempotency key: the same form, sent again for the
        same campaign, gives the same key."""
        submitted = [
            self.campaign_id,
            *([self.meeting_id] if self.meeting_id else []),
            self.email.strip().lower(),
            *(getattr(self, name) for name in DETAILS if name != "email"),
        ]
        return hashlib.sha256(json.dumps(submitted).encode()).hexdigest()
