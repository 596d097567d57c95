"""Publishing after review moves a page's or snippet's review-by date on.

A date the editor entered in what they published is kept: it differs from the
copy's date before this publication (or the copy is published for the first
time with a date, as the seed's pages are). Otherwise the copy is due again its
type's interval from today.

The date belongs to the copy, not to a revision: it is stored in the copy's row
only, and every revision reads it from there (ReviewDates.with_content_json), so
the editor's form opens on it and no revision is ever rewritten.
"""

import datetime

from wagtail.log_actions import registry
from wagtail.signals import published

from home.models.review_dates import ReviewDates, next_review_date


def published_before(instance, revision):
    """Whether the copy was published before this revision (one query, only
    when something is published)."""
    entries = registry.get_logs_for_instance(instance).filter(action="wagtail.publish")
    if revision is not None:
        entries = entries.exclude(revision=revision)
    return entries.exclude(revision=None).exists()


def entered_date(instance, revision):
    """The date in what is published: the revision's, as the editor sent it."""
    if revision is None or "review_by" not in revision.content:
        return instance.review_by
    entered = revision.content["review_by"]  # a date until the revision is reloaded
    if isinstance(entered, str):
        return datetime.date.fromisoformat(entered)
    return entered


def move_review_date(sender, instance, revision=None, **kwargs):
    """instance is published with the date it had before (with_content_json);
    the date it ends with is the editor's, or its type's next one."""
    if not isinstance(instance, ReviewDates):
        return
    entered = entered_date(instance, revision)
    if entered is not None and (
        entered != instance.review_by or not published_before(instance, revision)
    ):
        store_review_date(instance, entered)
        return
    new_date = next_review_date(type(instance))
    if new_date is not None:
        store_review_date(instance, new_date)


def store_review_date(instance, date):
    """Store the copy's date in its row, without saving anything else."""
    instance.review_by = date
    type(instance)._base_manager.filter(pk=instance.pk).update(review_by=date)


def connect_receivers():
    published.connect(move_review_date, dispatch_uid="move-review-date")
