"""The share card view: a page's card at the address its meta tags name."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .cards import card_digest, card_path, current_card, public_page, stored_card

A_YEAR = 365 * 24 * 60 * 60


@require_safe
def share_card(request, page_id, digest):
    """The card, kept by browsers for a year (its address changes with what it
    shows) and by CDNs as long as pages. Only pages anyone may open on this
    site have one."""
    page = public_page(page_id, Site.find_for_request(request))
    if page is None:
        raise Http404
    card = current_card(page)
    if card_digest(card) != digest:
        # The page changed since this address was handed out: its card now.
        response = redirect(card_path(page.pk, card))
        patch_cache_control(response, no_cache=True)
        return response
    response = HttpResponse(stored_card(page.pk, card), content_type="image/png")
    # Shared caches keep it no longer than they keep pages: a page made private
    # takes its card out of a CDN within the same bound as the page itself.
    patch_cache_control(
        response,
        public=True,
        max_age=A_YEAR,
        immutable=True,
        s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE,
    )
    return response
