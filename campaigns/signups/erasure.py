"""Erasing sign-ups, and the log staff keep of it.

The log says when, how many, how (the neighbour themselves, staff, or the
retention period) and which staff member, and nothing about the person: no
name, no address, no campaign (which, with a time, could point at someone).
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Erasure(models.Model):
    """Sign-ups erased at one time, without who they belonged to."""

    NEIGHBOUR = "neighbour"
    STAFF = "staff"
    RETENTION = "retention"
    BY_CHOICES = [
        (NEIGHBOUR, _("the person, from the link we emailed them")),
        (STAFF, _("staff, at the person's request")),
        (RETENTION, _("the retention period")),
    ]

    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    by = models.CharField(_("erased by"), max_length=20, choices=BY_CHOICES)
    signups = models.PositiveIntegerField(_("sign-ups erased"))
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-erased_at"]

    def __str__(self):
        return f"{self.signups} – {self.get_by_display()}"


def erase(signups, by, staff_member=None):
    """Delete these sign-ups and log it; how many went."""
    with transaction.atomic():
        count = signups.count()
        if count:
            signups.delete()
            Erasure.objects.create(by=by, signups=count, staff_member=staff_member)
    return count
