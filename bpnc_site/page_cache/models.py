from django.db import models
from django.utils import timezone


class Purge(models.Model):
    """Addresses to remove from the page cache and any CDN, written in the
    transaction of the change that makes them stale, so a committed change always
    has its purge. Deleted once applied everywhere (purging.py: apply_purges)."""

    urls = models.JSONField()
    recorded_at = models.DateTimeField(default=timezone.now)
    # While False, no server serves stored pages (store.cache_trusted).
    cache_purged = models.BooleanField(default=False, db_index=True)
    cdn_purged = models.BooleanField(default=False)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{len(self.urls)} addresses, recorded {self.recorded_at:%Y-%m-%d %H:%M}"
