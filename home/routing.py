"""Serving a page: the page a URL names found with as few queries as possible.

Wagtail routes a request from the site's root page: it looks up the active
locale, the root page's translation, that page's specific row, then each level
of the URL. Here the language's home page and every level of the URL come in one
query, which Wagtail's serve view then uses (``Page.route_for_request`` keeps its
result on the request). Where the address of the language's home page is not
known yet, or no longer right, Wagtail routes as usual and the address is
learnt from that. (Overrides registry: route-for-request.)
"""

from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.models.base import (
    RESTRICTED,
    route_below,
    routed_home_page,
    with_restriction_flags,
)

ROOT = object()  # the tree's root, found with the home page and the URL's levels

# {(site id, language): (home page id, its tree path, its url_path)}: where each
# language's home page is, checked against the database on every use.
_home_addresses = {}


def serve(request, path):
    key = _home_key(request)
    known = _home_addresses.pop(key, None) if key is not None else None
    if known is not None:
        try:
            route = _route(request, path, *key, *known)
        except Http404:
            route = None
            request._wagtail_route_for_request = None
        if route is not None:
            request._wagtail_route_for_request = route
    try:
        return wagtail_views.serve(request, path)
    finally:  # a page not found was still looked for below the right home
        home = routed_home_page(request)
        if key is not None and home is not None:
            _home_addresses[key] = (home.pk, home.path, home.url_path)


def _home_key(request):
    site = Site.find_for_request(request)
    return None if site is None else (site, translation.get_language())


def _route(request, path, site, language, home_id, home_path, home_url_path):
    """Wagtail's route for the request, or None to let Wagtail route it."""
    components = [component for component in path.split("/") if component]
    url_paths = [home_url_path] + [
        home_url_path + "".join(f"{slug}/" for slug in components[:depth])
        for depth in range(1, len(components) + 1)
    ]
    levels = Q(url_path__in=url_paths, path__startswith=home_path)
    found = {
        page.url_path if page.depth > 1 else ROOT: page
        for page in with_restriction_flags(Page.objects.filter(levels | Q(depth=1)))
    }
    root = found.pop(ROOT, None)
    home = found.pop(home_url_path, None)
    if (
        home is None
        or home.pk != home_id
        or not home.live
        or home.translation_key != site.root_page.translation_key
    ):
        return None
    above_open = root is not None and not getattr(root, RESTRICTED)
    return route_below(home, request, components, found, above_open=above_open)
