"""Site chrome: navigation, language links and formatting helpers."""

import json
from urllib.parse import urljoin, urlsplit

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from home.page_queries import routed_home_page
from home.settings import OrganisationSettings
from home.translation_status import english_source_if_out_of_date

register = template.Library()

# Added to the switcher's link when the page is not translated and the visitor
# lands on its nearest translated ancestor instead, so that page can say so.
UNTRANSLATED_PARAM = "untranslated"


def _per_request(request, key, compute):
    """Compute a chrome value once per request, however many includes ask for it."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_home_tags_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _home_for(request):
    def compute():
        routed = routed_home_page(request)
        if routed is not None:
            return routed
        site = Site.find_for_request(request) if request else None
        return site.root_page.localized if site else None

    return _per_request(request, ("home", translation.get_language()), compute)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The pages under the home page that are marked 'show in menus'."""
    return _chrome_pages(context.get("request"))["menu"]


def _chrome_pages(request):
    """The main menu and the privacy notice, fetched together: the notice is
    usually one of the home page's children too."""

    def compute():
        home = _home_for(request)
        privacy = (
            OrganisationSettings.for_request(request).privacy_page if request else None
        )
        if home is None:
            return {"menu": [], "privacy": privacy.localized if privacy else None}
        wanted = Q(show_in_menus=True)
        if privacy is not None:
            wanted |= Q(translation_key=privacy.translation_key)
        pages = list(home.get_children().live().filter(wanted).order_by("path"))
        localized_privacy = None
        if privacy is not None:
            localized_privacy = (
                next(
                    (p for p in pages if p.translation_key == privacy.translation_key),
                    None,
                )
                or privacy.localized
            )
        return {
            "menu": [page for page in pages if page.show_in_menus],
            "privacy": localized_privacy,
        }

    return _per_request(request, ("chrome", translation.get_language()), compute)


@register.simple_tag(takes_context=True)
def home_page(context):
    return _home_for(context.get("request"))


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the same page where it is translated and live,
    otherwise the nearest translated ancestor, otherwise that language's home."""
    request = context.get("request")
    if not isinstance(page, Page):
        page = None
    key = ("languages", page.pk if page else None, translation.get_language())
    return _per_request(request, key, lambda: _language_links(request, page))


def _live_translations(request, page):
    """The page's live versions in every language, by language code."""

    def compute():
        return {
            twin.locale.language_code: twin
            for twin in Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        }

    return _per_request(request, ("translations", page.pk), compute)


def _language_links(request, page):
    current = translation.get_language()
    twins = _live_translations(request, page) if page is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = twins.get(code)
        exact = target is not None
        if target is None and page is not None:
            locale = Locale.objects.filter(language_code=code).first()
            target = _nearest_translated_ancestor(page, locale) if locale else None
        url = target.get_url(request) if target is not None else f"/{code}/"
        if not exact and page is not None:
            url = f"{url}?{UNTRANSLATED_PARAM}=1"
        with translation.override(code):
            own_name = translation.gettext(name)
        links.append(
            {
                "code": code,
                "name": own_name,
                "url": url,
                "switch_url": reverse("switch_language", args=[code])
                + "?"
                + urlencode({"next": url}),
                "is_current": code == current,
                "is_exact": exact,
                "is_default": code == settings.LANGUAGE_CODE,
            }
        )
    return links


def _nearest_translated_ancestor(page, locale):
    ancestors = page.get_ancestors().filter(depth__gt=1).order_by("-depth")
    keys = [ancestor.translation_key for ancestor in ancestors]
    twins = {
        twin.translation_key: twin
        for twin in Page.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    for key in keys:
        if key in twins:
            return twins[key]
    return None


@register.filter
def is_within(page, section):
    """True when page is the section page or one of its descendants."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(section.path)


@register.simple_tag(takes_context=True)
def landed_from_untranslated(context):
    request = context.get("request")
    return bool(request and request.GET.get(UNTRANSLATED_PARAM))


@register.simple_tag(takes_context=True)
def translation_out_of_date(context, page):
    """The English page, when this translation lags behind it; otherwise None."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return None
    english = _live_translations(context.get("request"), page).get(
        settings.LANGUAGE_CODE
    )
    if english is None:
        return None
    return english_source_if_out_of_date(page, english)


@register.simple_tag
def field_with_errors(field):
    """A form field's widget tied to its error message for screen readers."""
    attrs = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.id_for_label}-error"
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The privacy notice in the visitor's language, from the organisation settings."""
    return _chrome_pages(context.get("request"))["privacy"]


@register.filter
def page_summary(page):
    """The short description of any page: its SEO description, else summary or intro."""
    for name in ("search_description", "summary", "introduction"):
        text = getattr(page, name, "")
        if text:
            return strip_tags(str(text)).strip()
    return ""


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """The picture to show when the page is shared: its own, else the logo."""
    for name in ("hero_image", "image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    request = context.get("request")
    return OrganisationSettings.for_request(request).logo if request else None


@register.filter
def site_origin(page):
    """The public scheme and host of the page's site, from the Wagtail Site record.

    Absolute links (canonical, alternates, sharing) never come from the request's
    Host header: pages are cached whole and served to every visitor, so a Host a
    client made up must not end up in them.
    """
    parts = urlsplit(page.full_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def organization_schema(context):
    """schema.org Organization data for search engines, from the settings."""
    request = context["request"]
    org = OrganisationSettings.for_request(request)
    home = _home_for(request)
    origin = site_origin(home) if home else ""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
        "url": home.full_url if home else "/",
    }
    if org.short_name:
        data["alternateName"] = org.short_name
    if org.email:
        data["email"] = org.email
    if org.phone:
        data["telephone"] = org.phone
    if org.address:
        data["address"] = " ".join(org.address.split())
    if org.logo:
        data["logo"] = urljoin(origin, org.logo.get_rendition("height-256").url)
    if org.social_links:
        data["sameAs"] = [url for _label, url in org.social_links]
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )
