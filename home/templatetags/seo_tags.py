"""What search engines and sharing previews read: summaries, share images,
absolute origins and schema.org data."""

import json
from urllib.parse import urljoin, urlsplit

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from home.models import OrganisationSettings

from .navigation_tags import home_for

register = template.Library()


@register.filter
def page_summary(page):
    """The short description of any page: its SEO description, else summary or intro."""
    for name in ("search_description", "summary", "introduction"):
        text = getattr(page, name, "")
        if text:
            return strip_tags(str(text)).strip()
    return ""


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
    home = home_for(request)
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
