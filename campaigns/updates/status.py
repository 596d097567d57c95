"""The date each demand's status changed, recorded when a campaign is published.

Only the source language's publish records: staff change a status in English,
and a Spanish translation published from an older sync must not turn the clock
back. A page shows a demand's date only while its own status is the one
recorded, so a Spanish page not yet synced shows no wrong date.
"""

from django.utils import timezone
from wagtail.models import Locale

from .models import DemandStatus


def demand_blocks(page):
    return [block for block in page.demands if block.block_type == "demand"]


def record_statuses(page, today=None):
    """Store each demand's status; date the ones that changed since the last publish."""
    if page.locale_id != Locale.get_default().pk:
        return
    today = today or timezone.localdate()
    known = {
        row.block_id: row
        for row in DemandStatus.objects.filter(translation_key=page.translation_key)
    }
    for block in demand_blocks(page):
        status = block.value.get("status")
        row = known.get(block.id)
        if row is None:
            DemandStatus.objects.create(
                translation_key=page.translation_key,
                block_id=block.id,
                status=status,
            )
        elif row.status != status:
            row.status, row.since = status, today
            row.save(update_fields=["status", "since"])


def statuses_since(page):
    """{block id: date} for the demands whose status on this page is the one
    recorded with a date."""
    current = {block.id: block.value.get("status") for block in demand_blocks(page)}
    if not current:
        return {}
    rows = DemandStatus.objects.filter(
        translation_key=page.translation_key,
        block_id__in=list(current),
        since__isnull=False,
    )
    return {
        row.block_id: row.since for row in rows if current[row.block_id] == row.status
    }


def on_publish(sender, instance, **kwargs):
    record_statuses(instance)
