from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What the person is told. The first four are Wagtail's own kinds, whose
    on/off switches live on Wagtail's UserProfile."""

    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved and published")
    REJECTED = "rejected", _("Changes requested")
    OUT_OF_DATE = "out_of_date", _("Translation out of date")
    PUBLISHED = "published", _("Published by a moderator")


class Notice(models.Model):
    """One piece of waiting work shown on a person's dashboard until dismissed.

    The title and the admin address are kept as they were when the notice was
    made, so the dashboard lists notices in one query."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=255)
    admin_url = models.CharField(max_length=500, blank=True)
    by = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    dismissed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "dismissed", "-created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"


class NotificationPreferences(models.Model):
    """The kinds Wagtail's UserProfile has no switch for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editorial_notification_preferences",
    )
    out_of_date_notifications = models.BooleanField(
        _("translation out of date"),
        default=True,
        help_text=_(
            "Receive an email when the English of a page or snippet you translate "
            "is changed and published"
        ),
    )

    class Meta:
        verbose_name = _("notification preferences")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]
