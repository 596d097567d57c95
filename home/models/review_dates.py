"""Review-by dates: every page and public snippet says when it should next be
read again for facts that have gone stale.

Each language's copy has its own date: the field is neither translated nor
synchronised by wagtail-localize, and a new translation starts without one.
Publishing moves the date on by the type's interval unless the editor chose
a date in what they published (home.editorial.review_dates.signals).
"""

import calendar
import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail_localize.fields import BaseTranslatableField

# Months between reviews, unless a model says otherwise with review_interval
# (None: its copies are never due).
DEFAULT_INTERVAL = 12
# How far ahead the report and the dashboard look for what is due.
DUE_WITHIN_DAYS = 30


def review_interval(model):
    """Months between reviews of this type, or None when it is never due."""
    return getattr(model, "review_interval", DEFAULT_INTERVAL)


def reviewed_models(models_):
    """The models among these whose copies fall due."""
    return [model for model in models_ if review_interval(model) is not None]


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_date(model, start=None):
    """The date a copy published on start (today) is next due, or None."""
    months = review_interval(model)
    if months is None:
        return None
    return add_months(start or timezone.localdate(), months)


class KeptPerLanguage(BaseTranslatableField):
    """A field wagtail-localize neither translates nor copies into translations."""


class ReviewDates(models.Model):
    """The review-by date of a page or public snippet."""

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "When this should next be read again and brought up to date. Left as "
            "it is, publishing moves it on; a date you enter is kept."
        ),
    )

    # A translation starts without a date (and a copied page too): its own
    # first publication gives it one.
    exclude_fields_in_copy = ["review_by"]
    override_translatable_fields = [KeptPerLanguage("review_by")]

    class Meta:
        abstract = True

    def with_content_json(self, content):
        """A revision of this copy, with the copy's stored review-by date: the
        date moves on when the copy is published, and revisions are history.
        Read from the row, not from self, which may be the editor's unsaved form."""
        instance = super().with_content_json(content)
        if self.pk is not None:
            instance.review_by = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values_list("review_by", flat=True)
                .first()
            )
        return instance


def date_live_content(app_label, intervals=None):
    """A migration step giving every live copy of the app's reviewed types
    without a date one: its last publication plus its type's interval.
    intervals: {"app_label.Model": months or None} where not DEFAULT_INTERVAL,
    as they were when the migration was written (historical models do not
    carry review_interval)."""
    intervals = intervals or {}

    def forwards(apps, schema_editor):
        for model in apps.get_app_config(app_label).get_models():
            if "review_by" not in {field.name for field in model._meta.fields}:
                continue
            months = intervals.get(model._meta.label, DEFAULT_INTERVAL)
            if months is None:
                continue
            undated = model._base_manager.filter(
                live=True, review_by__isnull=True, last_published_at__isnull=False
            )
            for pk, published in undated.values_list("pk", "last_published_at"):
                model._base_manager.filter(pk=pk).update(
                    review_by=add_months(timezone.localdate(published), months)
                )

    return forwards
