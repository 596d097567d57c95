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


class DecisionMaker(PublicSnippet, models.Model):
    """A person or office a demand asks to act, with the public ways to reach
    them that staff enter (an alderperson's office line, a committee's email)."""

    name = models.CharField(
        _("name"),
        max_length=160,
        help_text=_('A person or an office, for example "Office of the Mayor".'),
    )
    office = models.CharField(
        _("office"),
        max_length=160,
        blank=True,
        help_text=_('What they hold, for example "Alderperson, 12th Ward".'),
    )
    phone = models.CharField(
        _("public phone"),
        max_length=40,
        blank=True,
        help_text=_("A number they publish for the public. Optional."),
    )
    email = models.EmailField(
        _("public email"),
        blank=True,
        help_text=_("An address they publish for the public. Optional."),
    )
    url = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("office"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("url")],
            heading=_("How the public reaches them"),
        ),
        FieldPanel("review_by"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("office"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # An office's name reads differently in Spanish ("Oficina del Alcalde"); a
    # person's name the translator keeps. Contact details are the same.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("office"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("url"),
    ]

    class Meta(PublicSnippet.Meta):
        verbose_name = _("decision-maker")
        verbose_name_plural = _("decision-makers")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.office}" if self.office else self.name

    @property
    def tel_href(self):
        """The phone as a tel: address (digits and a leading +), or ""."""
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""
