"""The "Review due" report: live pages and snippets due for review within 30
days, or overdue, in each language, with links to edit them, as CSV or XLSX too."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .due import (
    STATE_LABELS,
    due_items,
    language_codes_for,
    language_names,
    may_read,
)


class NoModel(list):
    """What django-filter expects of the list it is given: a model, here none."""

    model = None


class ReviewDueFilterSet(WagtailFilterSet):
    """Filters a list of DueItem, not a queryset."""

    language = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All"))
    state = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=list(STATE_LABELS.items()),
        empty_label=_("Due or overdue"),
    )

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset or NoModel(), request=request, **kwargs)
        codes = language_codes_for(request.user)
        self.filters["language"].extra["choices"] = [
            (code, language_names()[code]) for code in codes
        ]

    def filter_queryset(self, items):
        language = self.form.cleaned_data.get("language")
        state = self.form.cleaned_data.get("state")
        return [
            item
            for item in items
            if (not language or item.language_code == language)
            and (not state or item.state == state)
        ]


class ReviewDueView(ReportView):
    page_title = _("Review due")
    header_icon = "date"
    index_url_name = "review_due"
    index_results_url_name = "review_due_results"
    filterset_class = ReviewDueFilterSet
    verbose_name = _("page or snippet")
    verbose_name_plural = _("pages and snippets")
    columns = [
        TitleColumn("title", label=_("Title"), get_url=lambda item: item.edit_url),
        Column("type_name", label=_("Type")),
        Column("language", label=_("Language")),
        Column("review_by", label=_("Review by")),
        Column("days_late", label=_("Days overdue")),
    ]
    list_export = ["title", "type_name", "language", "review_by", "days_late"]
    export_headings = {
        "title": _("Title"),
        "type_name": _("Type"),
        "language": _("Language"),
        "review_by": _("Review by"),
        "days_late": _("Days overdue"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return due_items(language_codes_for(self.request.user))

    def get_filename(self):
        return "review-due"
