"""What search engines and sharing previews read: summaries, share images,
absolute origins and schema.org data."""

import json
from urllib.parse import urljoin, urlsplit

from django import template
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from home.models import OrganisationSettings
from home.models.base import routed_lineage
from home.share_cards.cards import alt_text, card_for, card_path
from home.share_cards.drawing import HEIGHT, WIDTH

from .navigation_tags import home_for

register = template.Library()

DESCRIBED = "_description_from_facts"


@register.filter
def page_summary(page):
    """The short description of any page: its SEO description, else summary or intro."""
    for name in ("search_description", "summary", "introduction"):
        text = getattr(page, name, "")
        if text:
            return strip_tags(str(text)).strip()
    return ""


@register.simple_tag(takes_context=True)
def page_description(context, page):
    """What search engines and sharing previews show under the title, never
    empty: the page's own summary, else a sentence made from its facts."""
    summary = page_summary(page)
    if summary or not hasattr(page, "description_from_facts"):
        return summary
    if not hasattr(page, DESCRIBED):  # the head and the sharing tags both ask
        request = context.get("request")
        settings = OrganisationSettings.for_request(request) if request else None
        setattr(
            page, DESCRIBED, page.description_from_facts(getattr(settings, "name", ""))
        )
    return getattr(page, DESCRIBED)


@register.filter
def shorten(text, length=200):
    """text cut to length at a word boundary, with an ellipsis: a cut in the
    middle of a word leaves a fragment that can read as another word (or
    another language)."""
    text = str(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–-")
    return f"{cut}…"


@register.simple_tag(takes_context=True)
def share_image(context, page):
    """The picture to show when the page is shared, with its absolute url, width,
    height, type and alt text: the page's own picture cut to 1200×630, else its
    share card, drawn in its language (home/share_cards/)."""
    origin = site_origin(page)
    request = context.get("request")
    settings = OrganisationSettings.for_request(request) if request else None
    card = card_for(page, getattr(settings, "name", ""))
    for name in ("hero_image", "image"):
        image = getattr(page, name, None)
        if image is not None:
            rendition = image.get_rendition("fill-1200x630|format-jpeg")
            field = getattr(page, "image_descriptions", {}).get(name, "")
            description = getattr(page, field, "") if field else ""
            return {
                "url": urljoin(origin, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "type": "image/jpeg",
                # not the image's own description: it is in English
                "alt": description or alt_text(card),
            }
    return {
        "url": urljoin(origin, card_path(page.pk, card)),
        "width": WIDTH,
        "height": HEIGHT,
        "type": "image/png",
        "alt": alt_text(card),
    }


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
def structured_data(context, page):
    """schema.org data for search engines: the organisation (an NGO, with one
    @id on every page in both languages), the page in its language, where it
    sits (a BreadcrumbList) and, where the page has them, what it lists (a
    campaign's demands as an ItemList) and what it is about (a meeting's
    Event, from the page's structured_entity)."""
    request = context["request"]
    origin = site_origin(page)
    url = urljoin(origin, page.url)
    organisation = _organisation(request, origin)
    webpage = {
        "@type": getattr(page, "schema_type", "WebPage"),
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.seo_title or page.title,
        "inLanguage": translation.get_language(),
        "publisher": {"@id": organisation["@id"]},
        "breadcrumb": {"@id": f"{url}#breadcrumb"},
    }
    description = page_description(context, page)
    if description:
        webpage["description"] = shorten(description, 300)
    graph = [organisation, webpage, _breadcrumbs(request, page, origin, url)]
    listed = getattr(page, "structured_list", None)
    if listed is not None:
        name, items = listed()
        if items:
            webpage["mainEntity"] = {"@id": f"{url}#list"}
            graph.append(
                {
                    "@type": "ItemList",
                    "@id": f"{url}#list",
                    "name": str(name),
                    "numberOfItems": len(items),
                    "itemListElement": [
                        {"@type": "ListItem", "position": number, "name": str(item)}
                        for number, item in enumerate(items, start=1)
                    ],
                }
            )
    # What the page is about, when its type says (a meeting's Event).
    entity = getattr(page, "structured_entity", None)
    if entity is not None:
        data = entity(url, {"@id": organisation["@id"]})
        webpage["mainEntity"] = {"@id": data["@id"]}
        graph.append(data)
    payload = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(JSON_ESCAPES)),
    )


def _organisation(request, origin):
    """The organisation, from the settings; its @id is the same on every page."""
    org = OrganisationSettings.for_request(request)
    home = home_for(request)
    data = {
        "@type": "NGO",
        "@id": f"{origin}/#organisation",
        "name": org.name,
        "url": home.full_url if home else f"{origin}/",
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
    return data


def _breadcrumbs(request, page, origin, url):
    """From the language's home page down to this page."""
    lineage = routed_lineage(request, page)
    if lineage is None:
        lineage = [*page.get_ancestors().filter(depth__gt=1), page]
    return {
        "@type": "BreadcrumbList",
        "@id": f"{url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": number,
                "name": step.title,
                "item": urljoin(origin, step.get_url(request)),
            }
            for number, step in enumerate(lineage, start=1)
        ],
    }
