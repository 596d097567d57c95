from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock, StandardStreamBlock

from .base import (
    SitePage,
    image_description_field,
    open_to_all,
    route_below,
)

CAMPAIGN_INDEX = "campaigns.CampaignIndexPage"
POLICY_INDEX = "policy.PolicyIndexPage"


class HomePage(SitePage):
    """The front page: who we are, featured campaigns and the ways in."""

    share_card_kind = pgettext_lazy("share card", "Our campaigns and positions")

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Two or three sentences under the page title saying who we are."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo shown at the top. Optional."),
    )
    hero_image_alt = image_description_field()
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Anything else the front page should say, below the campaigns."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        InlinePanel(
            "featured_campaigns",
            label=_("Featured campaigns"),
            help_text=_("Campaigns shown first on the front page, in this order."),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("share_message"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        SynchronizedField("featured_campaigns"),
    ]
    image_descriptions = {"hero_image": "hero_image_alt"}

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "campaigns.CampaignIndexPage",
        "campaigns.MeetingIndexPage",
        "policy.PolicyIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_below(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template renders them: a stored fragment of the page
        # (bpnc_site/page_cache/fragments.py) needs none of these queries.
        context["featured_campaigns"] = SimpleLazyObject(self.live_featured_campaigns)
        sections = SimpleLazyObject(self.sections)
        context["campaign_index"] = SimpleLazyObject(
            lambda: next(
                (index for index, _ in sections if index._meta.label == CAMPAIGN_INDEX),
                None,
            )
        )
        context["policy_sections"] = SimpleLazyObject(
            lambda: [
                (index, children)
                for index, children in sections
                if index._meta.label == POLICY_INDEX
            ]
        )
        return context

    def live_featured_campaigns(self):
        """The featured campaigns in this page's language that anyone may see."""
        # Read in Python: in a preview the links are held in memory.
        keys = [
            link.page.translation_key
            for link in self.featured_campaigns.order_by("sort_order").select_related(
                "page"
            )
        ]
        pages = open_to_all(
            Page.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        )
        by_key = {page.translation_key: page for page in pages.specific()}
        return [by_key[key] for key in keys if key in by_key]

    def sections(self):
        """Each index page under home, with its children, for the overview: those
        anyone may see."""
        indexes = list(
            open_to_all(self.get_children().exclude(numchild=0))
            .specific()
            .order_by("path")
        )
        children = (
            open_to_all(
                Page.objects.filter(
                    depth=self.depth + 2,
                    path__startswith=self.path,
                    locale_id=self.locale_id,
                )
            )
            .specific()
            .order_by("path")
        )
        by_parent = {}
        for child in children:
            by_parent.setdefault(child.path[: -Page.steplen], []).append(child)
        return [
            (index_page, by_parent.get(index_page.path, [])) for index_page in indexes
        ]


class HomePageFeaturedCampaign(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_campaigns")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type="campaigns.CampaignPage")]


class StandardPage(SitePage):
    """A plain page of text: about us, privacy notice and the like."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown under the title and in search results."),
    )
    body = StreamField(StandardStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
