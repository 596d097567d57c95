"""The consent wording a neighbour agrees to, kept word for word.

Each language has its own wording, in versions: staff change it by adding a new
version, never by editing one (a sign-up points at the version it accepted, so
what a person agreed to can always be read exactly as they read it).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The first version's wording in each language, until staff write their own.
FIRST_EMAIL_WORDING = _("I agree to receive emails about this campaign.")
FIRST_TEXT_WORDING = _(
    "I agree to receive text messages and calls about this campaign."
)
# Every campaign page's form shows the current wording: kept in the shared cache
# (a page costs no query for it), forgotten as soon as a new version is added.
# Whatever a page shows, the version it showed is the one recorded.
CURRENT_FOR = 5 * 60


def current_key(language):
    return f"consent-wording-current:{language}"


class ConsentText(models.Model):
    """One version of the consent wording in one language."""

    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    version = models.PositiveIntegerField(_("version"), editable=False)
    email_wording = models.TextField(
        _("email consent"),
        help_text=_("What a neighbour ticks to agree to emails, in this language."),
    )
    text_wording = models.TextField(
        _("text message and phone consent"),
        help_text=_(
            "What a neighbour ticks to agree to texts and calls, in this language."
        ),
    )
    created_at = models.DateTimeField(
        _("written at"), default=timezone.now, editable=False
    )

    class Meta:
        verbose_name = _("consent wording")
        verbose_name_plural = _("consent wordings")
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "version"], name="consent_one_version_number"
            )
        ]

    def __str__(self):
        return f"{self.language} v{self.version}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A consent wording is never changed: add a new version.")
        with transaction.atomic():
            if not self.version:
                latest = ConsentText.objects.filter(language=self.language).aggregate(
                    Max("version")
                )["version__max"]
                self.version = (latest or 0) + 1
            super().save(*args, **kwargs)
            # Now, and again once committed (a form read in between kept the old).
            key = current_key(self.language)
            cache.delete(key)
            transaction.on_commit(lambda: cache.delete(key))

    @classmethod
    def current(cls, language):
        """The wording a form in this language shows now: its latest version,
        the first one written from the interface's own wording if none is."""
        latest = cache.get(current_key(language))
        if latest is not None:
            return latest
        latest = cls.objects.filter(language=language).order_by("-version").first()
        if latest is None:
            with translation.override(language):
                latest, _created = cls.objects.get_or_create(
                    language=language,
                    version=1,
                    defaults={
                        "email_wording": gettext(FIRST_EMAIL_WORDING),
                        "text_wording": gettext(FIRST_TEXT_WORDING),
                    },
                )
        cache.set(current_key(language), latest, CURRENT_FOR)
        return latest
