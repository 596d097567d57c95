"""The base of every page type: lookups that Wagtail makes level by level, done in
one query each, and the sitemap entry with the page's other languages.

Its view-restriction check reads the page's and its ancestors' restrictions at
once, and the home page finds the page a URL names with one query for all of the
URL's levels.
"""

from collections import defaultdict

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction

from home.request_memo import per_request

from .review_dates import ReviewDates

HOME_ATTRIBUTE = "routed_home_page"
LINEAGE_ATTRIBUTE = "routed_lineage"
# Set by routing on a page fetched with its ancestors, each annotated with
# RESTRICTED: when none is restricted, the page needs no query for restrictions.
RESTRICTED = "restricted_in_any_language"
LINEAGE_OPEN = "lineage_open_to_all"


def ancestor_paths(page):
    """The tree paths of the page and of every ancestor, read from its own path."""
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def store_lists_with_ids(instance):
    """Convert every block of the instance's stream fields before it is stored.

    A stream assigned from raw data (by code, not the admin's forms) stays lazy,
    and a lazy stream is stored as it came, list items without ids; from such a
    list wagtail-localize extracts no strings, so its text could never be
    translated and its chosen snippets never swapped for their translations
    (overrides registry: stream-list-ids).
    """
    for field in instance._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(instance, field.name)
            for _child in value or ():
                pass


def image_description_field():
    """What a page's picture shows, in the page's language (its alt text)."""
    return models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for people who cannot see it. Translated with "
            "the page. Left empty, it starts as the image's own description."
        ),
    )


class SitePage(ReviewDates, Page):
    # {image field: the field that describes it}; see clean().
    image_descriptions = {}
    # What the page is, for search engines (schema.org).
    schema_type = "WebPage"
    # Open Graph type: "article" for pages about one thing (a campaign, a
    # meeting), "website" for the home page, indexes and standing pages.
    og_type = "website"
    # What kind of page its share card says it is ("Campaign"); none by default.
    share_card_kind = ""
    # Staff's own words for the share links, per language (home/sharing).
    share_message = models.TextField(
        _("share message"),
        blank=True,
        max_length=500,
        help_text=_(
            "What the WhatsApp, text message and email share links say, in this "
            "page's language. The page's address is added at the end. Left empty, "
            "the message is made from the title and the summary."
        ),
    )
    promote_panels = [*Page.promote_panels, FieldPanel("share_message")]
    settings_panels = [*Page.settings_panels, FieldPanel("review_by")]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        # Deleting translations is for moderators (home.editorial.permissions).
        from home.editorial.permissions import ModeratedPagePermissionTester

        return ModeratedPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        store_lists_with_ids(self)
        return super().save(*args, **kwargs)

    def clean(self):
        """An empty description takes the image's own, so the translator gets a
        string to translate instead of the Spanish page reusing English alt text."""
        super().clean()
        for image_field, description_field in self.image_descriptions.items():
            image = getattr(self, image_field)
            if image is not None and not getattr(self, description_field):
                setattr(self, description_field, image.default_alt_text)

    def description_from_facts(self, organisation):
        """A sentence describing the page when it has no summary (for search
        engines and sharing previews), in the active language."""
        return gettext("%(title)s – %(organisation)s") % {
            "title": self.title,
            "organisation": organisation,
        }

    def get_view_restrictions(self):
        """Restrictions on this page or an ancestor, in any of their languages:
        a page made private in English is private in Spanish too (and an alias's
        restrictions are its source's)."""
        if getattr(self, LINEAGE_OPEN, False):
            return PageViewRestriction.objects.none()
        lineage = Page.objects.filter(path__in=ancestor_paths(self))
        sources_of_aliases = lineage.filter(alias_of__isnull=False).values("alias_of")
        return PageViewRestriction.objects.filter(
            Q(page__translation_key__in=lineage.values("translation_key"))
            | Q(page__in=sources_of_aliases)
        )

    def get_sitemap_urls(self, request=None):
        """The page's sitemap entry, with every language it is live in as an
        alternate (and English as x-default)."""
        twins = public_translations(request).get(self.translation_key, [])
        alternates = [
            {
                "lang_code": twin.locale.language_code,
                "location": twin.get_full_url(request),
            }
            for twin in twins
        ]
        default = next(
            (t for t in twins if t.locale.language_code == settings.LANGUAGE_CODE), None
        )
        if default is not None:
            alternates.append(
                {"lang_code": "x-default", "location": default.get_full_url(request)}
            )
        return [
            {
                "item": self,
                "location": self.get_full_url(request),
                "lastmod": self.last_published_at or self.latest_revision_created_at,
                "alternates": alternates if len(twins) > 1 else [],
            }
        ]


def covered_by_a_restriction():
    """True, in a page queryset's filter, for a page at or below a page that
    carries a view restriction in any of its languages."""
    return Exists(
        Page.objects.filter(
            translation_key__in=PageViewRestriction.objects.values(
                "page__translation_key"
            ),
            # an ancestor of the page, or the page itself
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
    )


def open_to_all(pages):
    """The pages of a queryset that anyone may see: live, and covered by no view
    restriction in any language (Wagtail's ``public()`` looks at one language's
    tree only). For every public listing, the sitemap and sign-ups; a subquery,
    no query of its own."""
    return pages.live().exclude(covered_by_a_restriction())


def in_site(site):
    """True, in a page queryset's filter, for a page at or below this site's root
    page in any language (Wagtail's ``in_site()`` looks at one language's tree
    only); False for every page when there is no site."""
    if site is None:
        return Q(pk__in=[])
    return Exists(
        Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                "translation_key"
            ),
            # the site's root in some language: an ancestor of the page, or itself
            path=Substr(OuterRef("path"), 1, Length("path")),
        )
    )


def public_pages_of(site, pages=None):
    """The pages (all pages by default) that anyone may open on this site: live,
    below one of its root page's translations and covered by no restriction.
    For every public address built from a page's id: the tree's root, another
    site's pages, drafts and private pages are not found there."""
    pages = Page.objects.all() if pages is None else pages
    return open_to_all(pages).filter(in_site(site))


def public_translations(request):
    """{translation key: its live, public pages in every language}, read once per
    request: the sitemap lists every page with its translations."""

    def compute():
        found = defaultdict(list)
        pages = open_to_all(Page.objects.select_related("locale"))
        pages = pages.order_by("path")
        for page in pages:
            found[page.translation_key].append(page)
        return found

    return per_request(request, "public_translations", compute)


def with_restriction_flags(pages):
    """Each page annotated with whether a view restriction sits on it, in any
    of its languages."""
    restrictions = PageViewRestriction.objects.filter(
        page__translation_key=OuterRef("translation_key")
    )
    return pages.annotate(**{RESTRICTED: Exists(restrictions)})


def route_below(root, request, path_components, found=None, above_open=False):
    """Route like Page.route, fetching every level of the URL in one query (or
    taking them from found, {url_path: page}, when its caller fetched them).

    Walking stops early at a page type with its own routing, which takes over.
    When the caller fetched the levels with_restriction_flags and above_open
    says nothing above root is restricted, a page found with no restriction on
    any level is marked so (LINEAGE_OPEN), sparing its restrictions query.
    """
    setattr(request, HOME_ATTRIBUTE, root)
    url_paths = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[:depth])
        for depth in range(1, len(path_components) + 1)
    ]
    if found is None:
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in=url_paths, path__startswith=root.path
            )
        }
    chain = [root]
    for url_path in url_paths:
        page = found.get(url_path)
        if page is None or page.depth != chain[-1].depth + 1:
            break
        chain.append(page)
        if getattr(page.specific_class, "route", Page.route) is not Page.route:
            break
    target = chain[-1].specific
    setattr(request, LINEAGE_ATTRIBUTE, [*chain[:-1], target])
    if above_open and not any(
        getattr(page, RESTRICTED, True) or page.alias_of_id for page in chain
    ):
        setattr(target, LINEAGE_OPEN, True)
    if len(chain) == 1:
        return Page.route(target, request, path_components)
    return target.route(request, path_components[len(chain) - 1 :])


def routed_lineage(request, page):
    """The home page, the levels of the URL and the page itself, as the request
    was routed to this page; None when it was routed elsewhere or not here."""
    lineage = getattr(request, LINEAGE_ATTRIBUTE, None)
    return lineage if lineage and lineage[-1] is page else None


def routed_home_page(request):
    """The home page the current request was routed through, if any."""
    return getattr(request, HOME_ATTRIBUTE, None)
