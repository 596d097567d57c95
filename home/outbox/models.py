from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """One email waiting to be sent. Deleted once sent, so addresses are kept
    no longer than it takes to deliver them."""

    to = models.JSONField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["next_attempt_at", "pk"]

    def __str__(self):
        return self.subject
