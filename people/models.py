from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import PublicSnippet


class Person(PublicSnippet, models.Model):
    """A contact person, spokesperson or elected sponsor shown on campaign pages."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"),
        max_length=160,
        blank=True,
        help_text=_('Their job or title, for example "Alderperson" or "Organizer".'),
    )
    bio = models.TextField(_("short biography"), blank=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Only if they agree to be contacted.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("Only if they agree.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=160,
        blank=True,
        help_text=_('As a reader would read it, for example "English and Spanish".'),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("languages")],
            heading=_("How to reach them"),
        ),
        FieldPanel("review_by"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # A name and contact details are the same in every language; what a reader
    # reads about the person is translated.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("bio"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("photo"),
        TranslatableField("languages"),
    ]

    class Meta(PublicSnippet.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(PublicSnippet, models.Model):
    """A partner organisation or coalition that leads or backs a campaign."""

    name = models.CharField(_("name"), max_length=160)
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, help_text=_('For example "ICIRR".')
    )
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences about them.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("review_by"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # Proper names stay as they are in both languages.
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("acronym"),
        SynchronizedField("url"),
        SynchronizedField("logo"),
        TranslatableField("description"),
    ]

    class Meta(PublicSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name
