"""wagtail-localize's editor dates in the reader's language (registry entry
``localize-date-format``).

wagtail-localize writes the dates in its editor ("Translated with content.po on
2 December 2026", "last published") with strftime and "%-d %B %Y", so a
translator reads English month names whatever the admin's language, and it names
an uploaded file's tool "PO File", in English. There is no setting for either.
The comment each translated string carries is written here instead, with
Django's localised date ("7 de diciembre de 2026"); the other dates it formats
(sent to its script, which does not show them) are made numeric, which reads
the same to everyone.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail_localize import models
from wagtail_localize.models import StringTranslation
from wagtail_localize.views import edit_translation

NUMERIC_DATE = "%Y-%m-%d"

# The tools wagtail-localize names in English when it imports translations.
TOOL_NAMES = {"PO File": _("a PO file")}


def translation_comment(string_translation):
    """How and when the string was translated, in the reader's language."""
    date = formats.date_format(
        timezone.localtime(string_translation.updated_at), "DATE_FORMAT"
    )
    if string_translation.tool_name:
        tool = TOOL_NAMES.get(
            string_translation.tool_name, string_translation.tool_name
        )
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=tool, date=date
        )
    if (
        string_translation.translation_type
        == StringTranslation.TRANSLATION_TYPE_MACHINE
    ):
        return gettext("Machine translated on {date}").format(date=date)
    return gettext("Translated manually on {date}").format(date=date)


def dates_without_month_names():
    models.DATE_FORMAT = edit_translation.DATE_FORMAT = NUMERIC_DATE
    StringTranslation.get_comment = translation_comment
