"""The site's chrome: its home page, the main menu and the privacy notice link;
and links that content chose to a page, shown only when anyone may open it."""

from django import template
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page, Site

from home.models import OrganisationSettings, open_to_all
from home.models.base import routed_home_page
from home.request_memo import per_request

register = template.Library()


def home_for(request):
    """The home page in the visitor's language."""

    def compute():
        routed = routed_home_page(request)
        if routed is not None:
            return routed
        site = Site.find_for_request(request) if request else None
        return site.root_page.localized if site else None

    return per_request(request, ("home", translation.get_language()), compute)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The pages under the home page that are marked 'show in menus'."""
    return _chrome_pages(context.get("request"))["menu"]


def _chrome_pages(request):
    """The main menu and the privacy notice, fetched together: the notice is
    usually one of the home page's children too."""

    def compute():
        home = home_for(request)
        privacy = (
            OrganisationSettings.for_request(request).privacy_page if request else None
        )
        if home is None:
            return {"menu": [], "privacy": open_version(privacy)}
        wanted = Q(show_in_menus=True)
        if privacy is not None:
            wanted |= Q(translation_key=privacy.translation_key)
        pages = list(open_to_all(home.get_children().filter(wanted)).order_by("path"))
        localized_privacy = None
        if privacy is not None:
            localized_privacy = next(
                (p for p in pages if p.translation_key == privacy.translation_key),
                None,
            ) or open_version(privacy)
        return {
            "menu": [page for page in pages if page.show_in_menus],
            "privacy": localized_privacy,
        }

    return per_request(request, ("chrome", translation.get_language()), compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    return home_for(context.get("request"))


@register.filter
def is_within(page, section):
    """True when page is the section page or one of its descendants."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(section.path)


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The privacy notice in the visitor's language, from the organisation settings."""
    return _chrome_pages(context.get("request"))["privacy"]


@register.simple_tag
def open_version(page):
    """The page in the visitor's language when anyone may open it, else None:
    a link chosen in content or settings never leads to a private or withdrawn
    page (nor shows its address and title)."""
    if page is None:
        return None
    target = page.localized
    if open_to_all(Page.objects.filter(pk=target.pk)).exists():
        return target
    return None
