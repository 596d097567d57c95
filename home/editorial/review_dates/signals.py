"""Publishing after review moves a page's or snippet's review-by date on.

A date the editor entered in what they published is kept: it differs from the
date of the revision published before (or the copy is published for the first
time with a date, as the seed's pages are). Otherwise the copy is due again its
type's interval from today. The published revision is given the date it ends
with, so that the next edit starts from it and the next publication compares
with it.
"""

from wagtail.log_actions import registry
from wagtail.models import Revision
from wagtail.signals import published

from home.models.review_dates import ReviewDates, next_review_date


def previously_published(instance, revision):
    """The revision published before this one, or None (two queries, only
    when something is published)."""
    entries = registry.get_logs_for_instance(instance).filter(action="wagtail.publish")
    if revision is not None:
        entries = entries.exclude(revision=revision)
    entry = entries.exclude(revision=None).order_by("-timestamp", "-pk").first()
    return entry and Revision.objects.filter(pk=entry.revision_id).first()


def chosen_by_the_editor(instance, revision):
    if instance.review_by is None:
        return False
    before = previously_published(instance, revision)
    if before is None:
        return True
    return instance.review_by.isoformat() != before.content.get("review_by")


def move_review_date(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, ReviewDates):
        return
    new_date = next_review_date(type(instance))
    if new_date is None or chosen_by_the_editor(instance, revision):
        return
    keep_review_date(instance, new_date, revision)


def keep_review_date(instance, date, revision=None):
    """Store the copy's date, in its row and in its live revision (or the one
    given), without saving anything else."""
    instance.review_by = date
    type(instance)._base_manager.filter(pk=instance.pk).update(review_by=date)
    revision = revision or instance.live_revision
    if revision is not None and revision.pk:
        content = {**revision.content, "review_by": date.isoformat()}
        Revision.objects.filter(pk=revision.pk).update(content=content)
        revision.content = content


def connect_receivers():
    published.connect(move_review_date, dispatch_uid="move-review-date")
