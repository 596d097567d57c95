from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BaseStreamBlock
from home.models import SitePage, image_description_field, open_to_all
from policy.models import PolicyAreaPage
from policy.widgets import PolicyAreaChooser

from .blocks import CampaignStreamBlock, DemandStreamBlock
from .flyers import FLYER_WORDS, all_flyer_subpaths, flyer_subpaths, serve_flyer
from .meetings.models import (
    MeetingIndexPage,
    MeetingPage,
    MeetingPageCampaign,
    MeetingPagePolicyArea,
)
from .signups.consent import ConsentText
from .signups.counts import progress_to_show
from .signups.erasure import Erasure
from .signups.forms import SignupForm
from .signups.models import Signup
from .signups.retention import SignupTally
from .updates.entries import campaign_entries, demand_anchor
from .updates.models import CampaignUpdate, DemandStatus
from .updates.status import statuses_since

__all__ = [
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPageOrganisation",
    "CampaignPagePerson",
    "CampaignPagePolicyArea",
    "CampaignUpdate",
    "DemandStatus",
    "ConsentText",
    "Erasure",
    "MeetingIndexPage",
    "MeetingPage",
    "MeetingPageCampaign",
    "MeetingPagePolicyArea",
    "Signup",
    "SignupTally",
]


# Cards on one page of the campaign list: a few screens on a phone.
CAMPAIGNS_PER_PAGE = 24


class CampaignIndexPage(SitePage):
    """Lists every campaign, a page of cards at a time."""

    schema_type = "CollectionPage"
    share_card_kind = pgettext_lazy("share card", "Campaigns")

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
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = open_to_all(CampaignPage.objects.child_of(self))
        campaigns = campaigns.order_by("path")
        areas = open_to_all(
            PolicyAreaPage.objects.filter(locale_id=self.locale_id)
        ).order_by("path")
        status = request.GET.get("status", "")
        if status in CampaignPage.Status.values:
            campaigns = campaigns.filter(status=status)
        else:
            status = ""
        chosen = request.GET.get("area")
        area = next((a for a in areas if a.slug == chosen), None) if chosen else None
        if area is not None:
            linked = CampaignPagePolicyArea.objects.filter(
                policy_area__translation_key=area.translation_key
            ).values("page__translation_key")
            campaigns = campaigns.filter(translation_key__in=linked)
        listing = SimpleLazyObject(
            lambda: Paginator(campaigns, CAMPAIGNS_PER_PAGE).get_page(
                request.GET.get("page")
            )
        )
        filters = {"status": status, "area": area.slug if area else ""}
        context.update(
            campaigns=listing,
            other_pages_query=urlencode({k: v for k, v in filters.items() if v}),
            policy_areas=areas,
            statuses=CampaignPage.Status.choices,
            chosen_status=status,
            chosen_area=area,
            is_filtered=bool(status or area),
        )
        return context


# Any language's flyer words: a page answers its own and redirects the other's.
_FLYER = "|".join(single for single, _both in FLYER_WORDS.values())
_BILINGUAL = "|".join(both for _single, both in FLYER_WORDS.values())


class CampaignPage(RoutablePageMixin, SitePage):
    """One campaign: what it is, what it demands, who leads it and how to join."""

    share_card_kind = pgettext_lazy("share card", "Campaign")
    og_type = "article"
    # Campaigns change faster than the rest: read again twice a year.
    review_interval = 6

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        WON = "won", _("Won")
        STALLED = "stalled", _("Stalled")
        ENDED = "ended", _("Ended")

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences for campaign cards and search engines."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = image_description_field()
    hashtag = models.CharField(
        _("hashtag"),
        max_length=60,
        blank=True,
        help_text=_('With the #, for example "#TreatmentNotTrauma".'),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the campaign is about, shown before its demands."),
    )
    demands_heading = models.CharField(
        _("demands heading"),
        max_length=160,
        blank=True,
        help_text=_('Shown above the demands. Leave empty for "Our demands".'),
    )
    demands = StreamField(
        DemandStreamBlock(),
        verbose_name=_("demands"),
        blank=True,
        help_text=_("Each thing the campaign asks for, in order of importance."),
    )
    body = StreamField(
        CampaignStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Everything else: figures, how it works, merch, calls to action."),
    )
    signup_enabled = models.BooleanField(
        _("take sign-ups"),
        default=True,
        help_text=_("Show a form where neighbours can sign up to this campaign."),
    )
    signup_intro = models.TextField(
        _("sign-up invitation"),
        blank=True,
        help_text=_("A sentence above the sign-up form. Optional."),
    )
    signup_confirmation = models.BooleanField(
        _("ask sign-ups to confirm"),
        default=False,
        help_text=_(
            "Email each new sign-up a link to confirm it. Until they confirm, a "
            "sign-up is marked unconfirmed, and it is deleted if they never do."
        ),
    )
    show_signup_count = models.BooleanField(
        _("show how many signed up"),
        default=False,
        help_text=_(
            "Show how many neighbours have signed up, in both languages. It is "
            "updated within five minutes of a sign-up."
        ),
    )
    signup_count_threshold = models.PositiveIntegerField(
        _("show the count from"),
        default=25,
        help_text=_(
            "Below this many sign-ups the count stays hidden: a small number can "
            "tell who signed up."
        ),
    )
    signup_goal = models.PositiveIntegerField(
        _("sign-up goal"),
        null=True,
        blank=True,
        help_text=_(
            "How many sign-ups we aim for, shown with a progress bar. Optional."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("status"), FieldPanel("hashtag")],
            heading=_("At a glance"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("hero_image_alt"),
        FieldPanel("introduction"),
        FieldPanel("demands_heading"),
        FieldPanel("demands"),
        FieldPanel("body"),
        InlinePanel("organisations", label=_("Lead and partner organisations")),
        InlinePanel("people", label=_("People")),
        InlinePanel(
            "policy_area_links",
            label=_("Policy areas"),
            help_text=_("The policy areas this campaign works on."),
        ),
        InlinePanel(
            "updates",
            label=_("What happened"),
            help_text=_(
                "Dated updates on the campaign, shown newest first and in the "
                "updates feed. A demand's change of status is dated by itself."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signup_enabled"),
                FieldPanel("signup_intro"),
                FieldPanel("signup_confirmation"),
                FieldPanel("show_signup_count"),
                FieldPanel("signup_count_threshold"),
                FieldPanel("signup_goal"),
            ],
            heading=_("Sign-ups"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("introduction"),
        index.SearchField("demands"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("share_message"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        # A hashtag is a handle, the same in both languages.
        SynchronizedField("hashtag"),
        SynchronizedField("status"),
        TranslatableField("introduction"),
        TranslatableField("demands_heading"),
        TranslatableField("demands"),
        TranslatableField("body"),
        TranslatableField("organisations"),
        TranslatableField("people"),
        TranslatableField("updates"),
        SynchronizedField("policy_area_links"),
        SynchronizedField("signup_enabled"),
        SynchronizedField("show_signup_count"),
        SynchronizedField("signup_count_threshold"),
        SynchronizedField("signup_goal"),
        TranslatableField("signup_intro"),
        SynchronizedField("signup_confirmation"),
    ]

    image_descriptions = {"hero_image": "hero_image_alt"}
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign page")

    @cached_property
    def takes_signups(self):
        """Whether the page shows the sign-up form and the sign-up view stores
        its sign-ups: only on a campaign anyone may open, since restricted pages
        are absent from sign-ups (their sign-ups would be refused), so even
        those allowed in see no form that could only fail. A new page's preview
        has no place in the tree yet: nothing restricts it."""
        if not self.signup_enabled:
            return False
        return not (self.path and self.get_view_restrictions().exists())

    def serve(self, request, view=None, args=None, kwargs=None, *, status=200, **ctx):
        """A route's view (the page or its flyer), or, from the sign-up view, the
        page with its form in the context and the status to answer with."""
        if view is not None:
            return super().serve(request, view, args, kwargs)
        response = super().serve(request, self.index_route, (), ctx)
        response.status_code = status
        return response

    @re_path(rf"^(?P<word>{_FLYER})/$", name="flyer")
    @re_path(rf"^(?P<word>{_FLYER})/(?P<both>{_BILINGUAL})/$", name="bilingual_flyer")
    def flyer(self, request, word, both=None):
        return serve_flyer(self, request, word, both)

    def flyer_subpaths(self):
        """The flyers' addresses below the page's, in the language it is served
        in (the page's own, under i18n_patterns), without reading its locale."""
        language = translation.get_language()
        return flyer_subpaths(language if language in FLYER_WORDS else "en")

    def get_cached_paths(self):
        return ["/", *(f"/{subpath}" for subpath in all_flyer_subpaths())]

    def get_context(
        self, request, *args, signup_form=None, rate_limited=False, **kwargs
    ):
        context = super().get_context(request, *args, **kwargs)
        if self.takes_signups:
            context["signup_form"] = signup_form or SignupForm(
                language=translation.get_language()
            )
            context["signup_rate_limited"] = rate_limited
            context["signed_up"] = bool(request.GET.get("signed-up"))
            context["signup_progress"] = progress_to_show(self, request)
        # Read only when the template renders them: a stored fragment of the page
        # (bpnc_site/page_cache/fragments.py) needs none of these queries.
        organisations = SimpleLazyObject(self.live_organisation_links)
        people = SimpleLazyObject(self.live_person_links)
        context.update(
            lead_organisations=_in_role(organisations, "lead"),
            partner_organisations=_in_role(organisations, "partner"),
            contacts=_in_role(people, "contact"),
            sponsors=_in_role(people, "sponsor"),
            spokespeople=_in_role(people, "spokesperson"),
            policy_areas=self.policy_areas(),
            updates=SimpleLazyObject(
                lambda: campaign_entries(self, since=self.demand_dates)
            ),
            demands_since=SimpleLazyObject(self.demands_with_dates),
        )
        return context

    @cached_property
    def demand_dates(self):
        """{demand block id: the date its status came about}, read once."""
        return statuses_since(self) if self.pk else {}

    def demands_with_dates(self):
        """(block, the date its status came about or None, its anchor) per demand."""
        return [
            (block, self.demand_dates.get(block.id), demand_anchor(block.id))
            for block in self.demands
        ]

    def share_anchor(self):
        """Shared links open the campaign at its sign-up form, when it has one."""
        return "#signup" if self.takes_signups else ""

    def share_invitation(self):
        if self.takes_signups:
            return gettext("Sign up and join us:")
        return ""

    def description_from_facts(self, organisation):
        return gettext("%(title)s: one of our campaigns. Status: %(status)s.") % {
            "title": self.title,
            "status": self.get_status_display(),
        }

    def structured_list(self):
        """The demands, for search engines: (the list's name, each demand)."""
        name = self.demands_heading or gettext("Our demands")
        return name, [
            block.value["demand"]
            for block in self.demands
            if block.block_type == "demand"
        ]

    # Relations are filtered in Python: in a preview they are held in memory.
    def live_organisation_links(self):
        return [
            link
            for link in self.organisations.select_related("organisation")
            if link.organisation.live
        ]

    def live_person_links(self):
        return [
            link for link in self.people.select_related("person") if link.person.live
        ]

    def policy_areas(self):
        """The linked policy areas in this page's language that anyone may see.

        Saved links are read in a subquery; a preview's are held in memory.
        """
        links = self.policy_area_links.all()
        if isinstance(links, models.QuerySet):
            keys = links.values("policy_area__translation_key")
        else:  # a preview's links, held in memory
            keys = [link.policy_area.translation_key for link in links]
        return open_to_all(
            PolicyAreaPage.objects.filter(
                locale_id=self.locale_id, translation_key__in=keys
            )
        ).order_by("path")


def _in_role(links, role):
    return SimpleLazyObject(lambda: [link for link in links if link.role == role])


class CampaignPageOrganisation(TranslatableMixin, Orderable):
    class Role(models.TextChoices):
        LEAD = "lead", _("Leads the campaign")
        PARTNER = "partner", _("Partner")

    page = ParentalKey(CampaignPage, related_name="organisations")
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=Role.choices, default=Role.PARTNER
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("campaign organisation")


class CampaignPagePerson(TranslatableMixin, Orderable):
    class Role(models.TextChoices):
        CONTACT = "contact", _("Contact")
        SPONSOR = "sponsor", _("Chief sponsor")
        SPOKESPERSON = "spokesperson", _("Spokesperson")

    page = ParentalKey(CampaignPage, related_name="people")
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role in the campaign"),
        max_length=15,
        choices=Role.choices,
        default=Role.CONTACT,
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("campaign person")


class CampaignPagePolicyArea(Orderable):
    page = ParentalKey(CampaignPage, related_name="policy_area_links")
    policy_area = models.ForeignKey(
        PolicyAreaPage,
        verbose_name=_("policy area"),
        on_delete=models.CASCADE,
        related_name="campaign_links",
    )

    panels = [FieldPanel("policy_area", widget=PolicyAreaChooser)]

    class Meta(Orderable.Meta):
        verbose_name = _("policy area link")
