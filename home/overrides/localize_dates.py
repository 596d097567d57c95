"""wagtail-localize's editor dates without English month names (registry entry
``localize-date-format``).

wagtail-localize writes the dates in its editor ("Translated with content.po on
2 December 2026", "last published") with strftime and "%-d %B %Y", so a
translator reads English month names whatever the admin's language. A numeric
date (2026-12-02) reads the same to everyone. There is no setting for it: the
format is a module constant, copied into each module that uses it.
"""

from wagtail_localize import models
from wagtail_localize.views import edit_translation

NUMERIC_DATE = "%Y-%m-%d"


def dates_without_month_names():
    models.DATE_FORMAT = edit_translation.DATE_FORMAT = NUMERIC_DATE
