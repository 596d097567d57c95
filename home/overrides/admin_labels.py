"""Names the packages give their admin screens without gettext (registry entry
``admin-untranslated-labels``).

wagtail-localize's ``Translation`` model has no verbose name, so its report counts
"36 translations"; its report's language filters are labelled from their field
names ("Source locale"); Wagtail's page search view names no model, so its
listing reads "1-1 de 1 None". Each is a class attribute the packages read at
request time, so giving them lazy, translated names here is enough.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.search import SearchView
from wagtail_localize.models import Translation
from wagtail_localize.views.report import TranslationsReportFilterSet

REPORT_FILTER_LABELS = {
    "source_locale": _("Source language"),
    "target_locale": _("Target language"),
}


def label_the_admin_screens():
    Translation._meta.verbose_name = _("translation")
    Translation._meta.verbose_name_plural = _("translations")
    for name, label in REPORT_FILTER_LABELS.items():
        TranslationsReportFilterSet.base_filters[name].label = label
    SearchView.verbose_name = _("page")
    SearchView.verbose_name_plural = _("pages")
