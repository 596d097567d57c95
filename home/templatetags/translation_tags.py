"""Links between a page's languages, and the notices a translation may need."""

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import urlencode
from wagtail.models import Locale, Page

from home.editorial.status import translation_lag as lag_behind
from home.request_memo import per_request

register = template.Library()

# Added to the switcher's link when the page is not translated and the visitor
# lands on its nearest translated ancestor instead, so that page can say so.
UNTRANSLATED_PARAM = "untranslated"


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One link per language: the same page where it is translated and live,
    otherwise the nearest translated ancestor, otherwise that language's home."""
    request = context.get("request")
    if not isinstance(page, Page):
        page = None
    key = ("languages", page.pk if page else None, translation.get_language())
    return per_request(request, key, lambda: _language_links(request, page))


def _live_translations(request, page):
    """The page's live versions in every language, by language code."""

    def compute():
        return {
            twin.locale.language_code: twin
            for twin in Page.objects.live()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
        }

    return per_request(request, ("translations", page.pk), compute)


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
        if target is not None:
            url = target.get_url(request)
        else:
            url = _same_view_in(code, request) if page is None else None
            url = url or f"/{code}/"
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


def _same_view_in(code, request):
    """For a view that is not a page (search), its address in another language,
    with the same query but the first page of results."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return None
    try:
        with translation.override(code):
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return None
    query = request.GET.copy()
    query.pop("page", None)
    return f"{url}?{query.urlencode()}" if query else url


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


@register.simple_tag(takes_context=True)
def landed_from_untranslated(context):
    request = context.get("request")
    return bool(request and request.GET.get(UNTRANSLATED_PARAM))


@register.simple_tag(takes_context=True)
def translation_lag(context, page):
    """How this translation lags behind its live English page (see
    home.editorial.status.translation_lag), or None when it keeps up."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return None
    english = _live_translations(context.get("request"), page).get(
        settings.LANGUAGE_CODE
    )
    if english is None:
        return None
    return lag_behind(page, english)
