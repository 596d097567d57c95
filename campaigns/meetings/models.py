"""The meetings index and the meeting page.

Times are stored as aware datetimes and shown in the organisation's time zone
(settings.TIME_ZONE, America/Chicago). A meeting's calendar entry carries a
SEQUENCE that rises whenever a change a calendar shows is published (see
MeetingPage.save), so a subscribed phone replaces its copy.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, When
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import SitePage, open_to_all
from policy.models import PolicyAreaPage

from ..flyers import FLYER_WORDS
from ..signups.forms import SignupForm
from . import calendar
from .attendance import AttendancePanel, MeetingPageForm
from .flyer import all_flyer_subpaths, flyer_word, serve_meeting_flyer

# Changes that those coming need to hear about (changes.py).
ATTENDEE_FIELDS = frozenset(
    ("start", "end", "status", "status_note", "place_name", "street_address")
    + ("online_link",)
)

# A flyer's word in either language (the view redirects to the page's own).
FLYER_PATTERN = "|".join(single for single, _both in FLYER_WORDS.values())
# Meetings on one page of the list.
MEETINGS_PER_PAGE = 20


class MeetingIndexPage(SitePage):
    """Lists the meetings of one language: upcoming first, then past ones."""

    # Templates live with the other meeting templates.
    template = "campaigns/meetings/meeting_index_page.html"
    share_card_kind = pgettext_lazy("share card", "Meetings")
    schema_type = "CollectionPage"

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("share_message"),
        TranslatableField("introduction"),
    ]

    # Counts every language: staff make the English index, Spanish comes from
    # translating it, as with the campaign index.
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.MeetingPage"]

    class Meta:
        verbose_name = _("meeting index page")

    def meetings(self, campaign=None):
        """This index's public meetings: upcoming ones soonest first, then past
        ones latest first; only those of a campaign when one is given."""
        now = timezone.now()
        meetings = open_to_all(MeetingPage.objects.child_of(self))
        if campaign is not None:
            linked = MeetingPageCampaign.objects.filter(
                campaign__translation_key=campaign.translation_key
            ).values("page__translation_key")
            meetings = meetings.filter(translation_key__in=linked)
        return meetings.annotate(
            past=Case(When(end__lt=now, then=True), default=False),
            upcoming_start=Case(When(end__gte=now, then=F("start"))),
        ).order_by("past", F("upcoming_start").asc(nulls_last=True), "-start")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaign_model = MeetingPageCampaign._meta.get_field("campaign").related_model
        campaigns = open_to_all(
            campaign_model.objects.filter(locale_id=self.locale_id)
        ).order_by("path")
        chosen = request.GET.get("campaign")
        campaign = next((c for c in campaigns if c.slug == chosen), None)
        listing = Paginator(self.meetings(campaign), MEETINGS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        upcoming = [meeting for meeting in listing if not meeting.past]
        # A stored copy must not outlive the first listed meeting's end.
        expire_at(request, min((m.end for m in upcoming), default=None))
        context.update(
            meetings=listing,
            upcoming=upcoming,
            past=[meeting for meeting in listing if meeting.past],
            campaigns=campaigns,
            chosen_campaign=campaign,
            other_pages_query=urlencode(
                {"campaign": campaign.slug} if campaign else {}
            ),
        )
        return context


class MeetingPage(RoutablePageMixin, SitePage):
    """One meeting: when and where, in which languages, and what it is about."""

    template = "campaigns/meetings/meeting_page.html"
    share_card_kind = pgettext_lazy("share card", "Meeting")
    og_type = "article"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        MOVED = "moved", _("Moved")
        CANCELLED = "cancelled", _("Cancelled")

    class Languages(models.TextChoices):
        ENGLISH = "en", _("In English")
        SPANISH = "es", _("In Spanish")
        BOTH = "en-es", _("In English and Spanish")

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences: what the meeting is for."),
    )
    start = models.DateTimeField(_("starts"), help_text=_("Chicago time."))
    end = models.DateTimeField(_("ends"), help_text=_("Chicago time."))
    place_name = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_('The place by its name, for example "Brighton Park library".'),
    )
    street_address = models.CharField(
        _("street address"),
        max_length=250,
        blank=True,
        help_text=_("Street, number and ZIP code, as a map would find it."),
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Where to join online (Zoom, Meet…). Optional."),
    )
    access_notes = RichTextField(
        _("what to know"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Step-free access, childcare, food, what to bring."),
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=5,
        choices=Languages.choices,
        default=Languages.BOTH,
    )
    interpretation = models.BooleanField(
        _("interpretation offered"),
        default=False,
        help_text=_("Interpreters will be there for those who need them."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    status_note = models.CharField(
        _("note on the status"),
        max_length=250,
        blank=True,
        help_text=_('Shown at the top when moved or cancelled: "Moved to the gym".'),
    )
    rsvp_enabled = models.BooleanField(
        _("take RSVPs"),
        default=False,
        help_text=_(
            "Show a form for neighbours to say they are coming. Their RSVPs are "
            "listed under Sign-ups, with the meeting's first campaign."
        ),
    )
    rsvp_intro = models.TextField(
        _("RSVP introduction"),
        blank=True,
        help_text=_("A sentence above the form, for example why it helps to know."),
    )
    # Raised by save() whenever the calendar entry changes (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # A change those who RSVP'd must hear of, not yet told in this language.
    change_to_announce = models.BooleanField(default=False, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("status"),
                FieldPanel("status_note"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("street_address"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("interpretation")],
            heading=_("Languages"),
        ),
        FieldPanel("access_notes"),
        MultiFieldPanel(
            [FieldPanel("rsvp_enabled"), FieldPanel("rsvp_intro"), AttendancePanel()],
            heading=_("RSVP"),
        ),
        InlinePanel("campaign_links", label=_("Campaigns")),
        InlinePanel("policy_area_links", label=_("Policy areas")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("place_name"),
        index.SearchField("access_notes"),
        index.FilterField("start"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("share_message"),
        TranslatableField("summary"),
        # Facts, the same in both languages: a move or a cancellation made in
        # English reaches the Spanish page with its next sync.
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("status"),
        TranslatableField("status_note"),
        # A place's name may read differently ("Biblioteca de Brighton Park");
        # its address and link are the same for everyone.
        TranslatableField("place_name"),
        SynchronizedField("street_address"),
        SynchronizedField("online_link"),
        TranslatableField("access_notes"),
        SynchronizedField("languages"),
        SynchronizedField("interpretation"),
        SynchronizedField("rsvp_enabled"),
        TranslatableField("rsvp_intro"),
        # Links to pages: wagtail-localize swaps no page links in an inline
        # panel, so they are kept as they are and shown in the page's language.
        SynchronizedField("campaign_links"),
        SynchronizedField("policy_area_links"),
        # sequence and change_to_announce are not listed: each language keeps
        # its own, set by save().
    ]

    parent_page_types = ["campaigns.MeetingIndexPage"]
    subpage_types = []
    base_form_class = MeetingPageForm

    class Meta:
        verbose_name = _("meeting page")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The meeting must end after it starts.")})

    def save(self, *args, **kwargs):
        """Raise the sequence when a published change alters the calendar entry.

        Saving a draft only updates a few columns (update_fields), so only a
        full save (publishing) is compared with the stored row, which holds the
        last published version's fields.
        """
        if kwargs.get("update_fields") is None and self.pk:
            stored = (
                MeetingPage.objects.filter(pk=self.pk)
                .values(
                    "sequence",
                    "last_published_at",
                    "change_to_announce",
                    *calendar.SEQUENCED_FIELDS,
                )
                .first()
            )
            if stored is not None:
                self.sequence = max(self.sequence, stored["sequence"])
                # Before its first publication (a new translation is saved as
                # a copy of the source first) no calendar holds the entry.
                changed = {
                    name
                    for name in calendar.SEQUENCED_FIELDS
                    if getattr(self, name) != stored[name]
                }
                published = stored["last_published_at"] is not None
                if published and changed:
                    self.sequence += 1
                # Kept until this language's page is published (changes.py);
                # a revision's stale copy of the flag is ignored.
                self.change_to_announce = stored["change_to_announce"] or bool(
                    published and changed & ATTENDEE_FIELDS
                )
        return super().save(*args, **kwargs)

    @cached_property
    def takes_rsvps(self):
        """Whether the page shows the RSVP form and the RSVP view stores what it
        sends: a meeting still to come, not cancelled, that anyone may open (as
        with campaigns' sign-ups)."""
        if not self.rsvp_enabled or self.is_cancelled or self.is_past:
            return False
        return not (self.path and self.get_view_restrictions().exists())

    def serve(self, request, view=None, args=None, kwargs=None, *, status=200, **ctx):
        """A route's view (the page or its .ics), or, from the RSVP view, the
        page with its form in the context and the status to answer with."""
        if view is not None:
            return super().serve(request, view, args, kwargs)
        response = super().serve(request, self.index_route, (), ctx)
        response.status_code = status
        return response

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    def description_from_facts(self, organisation):
        return gettext("%(title)s: a meeting on %(when)s.") % {
            "title": self.title,
            "when": calendar.when(self.start, self.end),
        }

    @path("ics/", name="ics")
    def ics(self, request):
        """This meeting as a calendar file, in the page's language."""
        body = calendar.calendar_of([self], name=self.title)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
        return response

    def structured_entity(self, url, organizer):
        """The meeting as a schema.org Event, for search engines (see
        home/templatetags/seo_tags.py)."""
        return calendar.schema_event(self, url, organizer)

    @re_path(rf"^(?P<word>{FLYER_PATTERN})/$", name="flyer")
    def flyer(self, request, word):
        return serve_meeting_flyer(self, request, word)

    @property
    def flyer_subpath(self):
        """The flyer's address below the page's, in the page's language."""
        return f"{flyer_word(self.locale.language_code)}/"

    def share_card_facts(self):
        """When and where, in the active language, drawn large on the share card."""
        where = self.where or (gettext("Online") if self.online_link else "")
        return "\n".join(calendar.when_lines(self.start, self.end)), where

    @property
    def ics_subpath(self):
        """The calendar file's address below the page's."""
        return self.reverse_subpage("ics")

    def get_cached_paths(self):
        return ["/", "/ics/", *all_flyer_subpaths()]

    def get_context(
        self, request, *args, signup_form=None, rate_limited=False, **kwargs
    ):
        context = super().get_context(request, *args, **kwargs)
        if not self.is_past:  # the page says so once it has ended
            expire_at(request, self.end)
        if self.takes_rsvps:
            context["signup_form"] = signup_form or SignupForm(
                language=translation.get_language()
            )
            context["signup_rate_limited"] = rate_limited
            context["signed_up"] = bool(request.GET.get("signed-up"))
        context.update(
            campaigns=self.linked_pages(self.campaign_links, "campaign"),
            policy_areas=self.linked_pages(self.policy_area_links, "policy_area"),
            calendar_links=calendar.add_links(self),
        )
        return context

    def linked_pages(self, links, name):
        """The linked pages in this page's language that anyone may see.

        Saved links are read in a subquery; a preview's are held in memory.
        """
        links = links.all()
        if isinstance(links, models.QuerySet):
            keys = links.values(f"{name}__translation_key")
        else:
            keys = [getattr(link, name).translation_key for link in links]
        return open_to_all(
            Page.objects.filter(locale_id=self.locale_id, translation_key__in=keys)
        ).order_by("path")

    @cached_property
    def where(self):
        """The place as one line: its name and street address."""
        return ", ".join(
            part for part in (self.place_name, self.street_address) if part
        )


class MeetingPageCampaign(Orderable):
    page = ParentalKey(MeetingPage, related_name="campaign_links")
    campaign = models.ForeignKey(
        calendar.CAMPAIGN_PAGE,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="meeting_links",
    )

    panels = [FieldPanel("campaign")]

    class Meta(Orderable.Meta):
        verbose_name = _("campaign link")


class MeetingPagePolicyArea(Orderable):
    page = ParentalKey(MeetingPage, related_name="policy_area_links")
    policy_area = models.ForeignKey(
        PolicyAreaPage,
        verbose_name=_("policy area"),
        on_delete=models.CASCADE,
        related_name="meeting_links",
    )

    panels = [FieldPanel("policy_area")]

    class Meta(Orderable.Meta):
        verbose_name = _("policy area link")


def expire_at(request, moment):
    """Tell the page cache, when there is one, that the page rendered for this
    request changes at moment (a meeting ends and turns past)."""
    page_cache = getattr(request, "page_cache", None)
    if page_cache is not None and moment is not None:
        page_cache.expire_by(moment)


def upcoming_meetings(locale, now=None):
    """The public meetings of a language that have not ended, soonest first."""
    now = now or timezone.now()
    return (
        open_to_all(MeetingPage.objects.filter(locale=locale))
        .filter(Q(end__gte=now))
        .order_by("start")
    )
