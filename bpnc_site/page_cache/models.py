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


class ServedRelease(models.Model):
    """A release whose servers store pages (store.release()): a purge removes its
    entries too, so during a rolling release, when old and new servers share the
    cache, a publish reaches both. A server stores and serves nothing until its
    release is recorded here."""

    key = models.CharField(max_length=40, unique=True)
    last_seen_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.key
