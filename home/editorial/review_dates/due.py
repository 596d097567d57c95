"""What is due for review, or overdue, in each language: live pages and public
snippets whose review-by date falls within DUE_WITHIN_DAYS.

One query per page or snippet type, whatever their number, so the report and
its dashboard panel cost the same on a small site and a large one.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import get_page_models

from home.models import public_snippet_models
from home.models.review_dates import DUE_WITHIN_DAYS, ReviewDates, reviewed_models

from ..permissions import allowed_language_codes
from ..roles import COMMUNICATIONS, MODERATORS, TRANSLATORS

OVERDUE, DUE = "overdue", "due"
STATE_LABELS = {OVERDUE: _("Overdue"), DUE: _("Due within 30 days")}
# Who reads the report: Communications review the facts, Moderators approve
# them, Translators keep the Spanish copies current (and see only those: the
# English ones are not theirs to change).
READERS = (COMMUNICATIONS, MODERATORS, TRANSLATORS)


@dataclass
class DueItem:
    title: str
    edit_url: str
    type_name: str
    language_code: str
    review_by: datetime.date
    days_overdue: int

    @property
    def overdue(self):
        return self.days_overdue > 0

    @property
    def state(self):
        return OVERDUE if self.overdue else DUE

    @property
    def language(self):
        return language_names().get(self.language_code, self.language_code)

    @property
    def days_late(self):
        """Days overdue, or nothing for a copy not yet due."""
        return self.days_overdue if self.overdue else ""


def language_names():
    """{code: the language's name in the reader's language}."""
    return {code: str(name) for code, name in settings.LANGUAGES}


def may_read(user):
    """Every role that works in the admin may read it (READERS; no other group
    grants admin access). The admin has already read the user's permissions,
    so asking costs no query, on every screen the menu is drawn."""
    return user.is_active and user.has_perm("wagtailadmin.access_admin")


def language_codes_for(user):
    """The languages whose copies this user is shown: translators, Spanish."""
    allowed = allowed_language_codes(user)
    return [
        code for code, _name in settings.LANGUAGES if allowed is None or code in allowed
    ]


def reviewed_page_models():
    return reviewed_models(
        model for model in get_page_models() if issubclass(model, ReviewDates)
    )


def due_items(language_codes, today=None):
    """Every live copy in these languages due within DUE_WITHIN_DAYS or
    overdue, the most overdue first."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    items = []
    for model in reviewed_page_models():
        pages = _due(model, language_codes, horizon).filter(alias_of__isnull=True)
        for page in pages.defer_streamfields():
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            items.append(_item(page, edit_url, today))
    for model in reviewed_models(public_snippet_models()):
        edit_name = model.snippet_viewset.get_url_name("edit")
        for snippet in _due(model, language_codes, horizon):
            edit_url = reverse(edit_name, args=[quote(snippet.pk)])
            items.append(_item(snippet, edit_url, today))
    items.sort(key=lambda item: (item.review_by, item.language_code, item.title))
    return items


def _due(model, language_codes, horizon):
    return model.objects.filter(
        live=True,
        review_by__lte=horizon,
        locale__language_code__in=language_codes,
    ).select_related("locale")


def _item(instance, edit_url, today):
    return DueItem(
        title=str(instance),
        edit_url=edit_url,
        type_name=capfirst(type(instance)._meta.verbose_name),
        language_code=instance.locale.language_code,
        review_by=instance.review_by,
        days_overdue=(today - instance.review_by).days,
    )


def counts_by_language(items, language_codes):
    """[(language name, overdue, due)] for each language shown."""
    names = language_names()
    return [
        (
            names[code],
            sum(1 for item in items if item.language_code == code and item.overdue),
            sum(1 for item in items if item.language_code == code and not item.overdue),
        )
        for code in language_codes
    ]
