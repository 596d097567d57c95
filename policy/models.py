from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.models import (
    PublicSnippet,
    SitePage,
    image_description_field,
    open_to_all,
)

from .blocks import PositionStreamBlock


class PolicyIndexPage(SitePage):
    """Lists our policy areas and introduces our positions."""

    share_card_kind = pgettext_lazy("share card", "Our positions")

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["policy.PolicyAreaPage"]
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("policy index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["policy_areas"] = open_to_all(
            PolicyAreaPage.objects.child_of(self)
        ).order_by("path")
        return context


class PolicyAreaPage(SitePage):
    """One area of our policy positions, with the campaigns that work on it."""

    share_card_kind = pgettext_lazy("share card", "Our position")
    og_type = "article"

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for the policy list and search engines."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image or icon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = image_description_field()
    position = StreamField(
        PositionStreamBlock(),
        verbose_name=_("our position"),
        blank=True,
        help_text=_("What we stand for in this area, and why."),
    )
    contact = models.ForeignKey(
        "people.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who neighbours can ask about this area. Optional."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("position"),
        FieldPanel("contact"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("position"),
    ]

    image_descriptions = {"image": "image_alt"}
    parent_page_types = ["policy.PolicyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("policy area page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once, when the page or its description first needs them.
        context["campaigns"] = SimpleLazyObject(lambda: self.listed_campaigns)
        return context

    def description_from_facts(self, organisation):
        names = [campaign.title for campaign in self.listed_campaigns]
        if not names:
            return gettext("Our position on %(title)s.") % {"title": self.title}
        return gettext(
            "Our position on %(title)s, and our campaigns in this area: %(campaigns)s."
        ) % {"title": self.title, "campaigns": ", ".join(names)}

    @cached_property
    def listed_campaigns(self):
        return list(self.campaigns())

    def campaigns(self):
        """Campaigns in this page's language that link to this area and that
        anyone may see.

        A campaign's links are copied unchanged to its translations, so they may
        point at this area in another language: match on the translation key.
        The link model is reached through the reverse relation, so this app never
        imports the campaigns app.
        """
        link_model = self._meta.get_field("campaign_links").related_model
        campaign_keys = link_model.objects.filter(
            policy_area__translation_key=self.translation_key
        ).values("page__translation_key")
        return (
            open_to_all(
                Page.objects.filter(
                    locale_id=self.locale_id, translation_key__in=campaign_keys
                )
            )
            .specific()
            .order_by("path")
        )


class Bill(PublicSnippet, models.Model):
    """A bill in the Illinois General Assembly that one of our demands rests on."""

    class Chamber(models.TextChoices):
        HOUSE = "house", _("House")
        SENATE = "senate", _("Senate")

    class Status(models.TextChoices):
        INTRODUCED = "introduced", _("Introduced")
        IN_COMMITTEE = "in_committee", _("In committee")
        PASSED_ONE = "passed_one", _("Passed one chamber")
        PASSED_BOTH = "passed_both", _("Passed both chambers")
        SIGNED = "signed", _("Signed into law")
        VETOED = "vetoed", _("Vetoed")
        STALLED = "stalled", _("Stalled")

    number = models.CharField(
        _("bill number"),
        max_length=20,
        help_text=_('As printed, for example "HB 3882".'),
    )
    chamber = models.CharField(_("chamber"), max_length=10, choices=Chamber.choices)
    session = models.CharField(
        _("session"),
        max_length=40,
        blank=True,
        help_text=_('The General Assembly session, for example "2023".'),
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What the bill does, in plain words.")
    )
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        blank=True,
        help_text=_("Leave empty until we know where the bill stands."),
    )
    official_url = models.URLField(
        _("official page"),
        blank=True,
        help_text=_("The bill's page on the General Assembly's website."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("chamber"), FieldPanel("session")],
            heading=_("Bill"),
        ),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("status"),
        FieldPanel("official_url"),
        FieldPanel("review_by"),
    ]
    search_fields = [
        index.SearchField("number"),
        index.SearchField("title"),
        index.AutocompleteField("number"),
        index.FilterField("locale"),
    ]
    # The bill number, chamber and session are identifiers, the same in both
    # languages; its title and summary are read, so translated.
    translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("chamber"),
        SynchronizedField("session"),
        TranslatableField("title"),
        TranslatableField("summary"),
        SynchronizedField("status"),
        SynchronizedField("official_url"),
    ]

    class Meta(PublicSnippet.Meta):
        verbose_name = _("bill")
        verbose_name_plural = _("bills")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}: {self.title}"
