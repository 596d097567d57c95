"""sitemap.xml listing every page in both languages, each with its alternates."""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        root_paths = Page.objects.filter(
            translation_key=site.root_page.translation_key
        ).values_list("path", flat=True)
        pages = Page.objects.none()
        for path in root_paths:
            pages = pages | Page.objects.filter(path__startswith=path)
        return pages.live().public().order_by("path").select_related("locale")

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        twins = defaultdict(list)
        for item in pages:
            twins[item.translation_key].append(item)
        urls = []
        for item in pages:
            location = item.get_full_url(self.request)
            alternates = [
                {
                    "lang_code": twin.locale.language_code,
                    "location": twin.get_full_url(self.request),
                }
                for twin in twins[item.translation_key]
            ]
            default = [
                twin
                for twin in twins[item.translation_key]
                if twin.locale.language_code == settings.LANGUAGE_CODE
            ]
            if default:
                alternates.append(
                    {
                        "lang_code": "x-default",
                        "location": default[0].get_full_url(self.request),
                    }
                )
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        return urls
