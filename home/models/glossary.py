"""The glossary of chosen Spanish terms, kept in the admin by moderators.

Each column keeps the seed's text format (locales/es/glossary.csv), so the one
reader, home.editorial.glossary, reads a row of either alike.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    CHECKS = [
        ("yes", _("Content and interface")),
        ("content", _("Content only")),
        ("interface", _("Interface only")),
        ("exact", _("Only where the whole text is the term")),
        ("no", _("Rejected variants only")),
    ]

    english = models.CharField(
        _("English"),
        max_length=255,
        unique=True,
        help_text=_(
            "Forms separated by “ / ”; a note in parentheses at the end is not "
            "part of the term."
        ),
    )
    spanish = models.CharField(
        _("chosen Spanish"),
        max_length=255,
        help_text=_(
            "Forms separated by “ / ”. The same as the English for a proper "
            "name that stays as it is."
        ),
    )
    rejected = models.TextField(
        _("rejected variants"),
        blank=True,
        help_text=_("Spanish not to use, separated by “;”."),
    )
    note = models.TextField(_("note"), blank=True)
    checked_in = models.CharField(
        _("checked in"),
        max_length=10,
        choices=CHECKS,
        default="yes",
        help_text=_(
            "Where the tests look for the English term in the catalogues and "
            "require the chosen Spanish."
        ),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")

    def __str__(self):
        return f"{self.english} → {self.spanish}"
