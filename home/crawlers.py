"""What search engines read: robots.txt and a sitemap of both languages.

Each page's entry, with its other languages as alternates, comes from the page
itself (``SitePage.get_sitemap_urls``); the sitemap lists the pages below every
language's home rather than the default site's root only.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.models import open_to_all


class BilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        below_a_home = Q(pk__in=[])
        for path in homes.values_list("path", flat=True):
            below_a_home |= Q(path__startswith=path)
        return (
            open_to_all(Page.objects.filter(below_a_home))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def public_address(request):
    """The site's own address, from its Site record (WAGTAILADMIN_BASE_URL when
    there is none yet), as the sitemap's links are: never the Host header, which
    the client chooses and a cache would keep."""
    site = Site.find_for_request(request)
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap = public_address(request) + reverse("sitemap")
    # The language switcher's links only set a cookie and redirect to a page
    # crawlers already reach through hreflang.
    switcher = reverse("switch_language", args=["en"]).removesuffix("en/")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {switcher}",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")
