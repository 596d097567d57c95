import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2}(?:[-_][a-zA-Z]{2,4})?)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a path starting with a language we
    do not offer (/fr/…) is a plain 404 rather than a redirect to /en/fr/…."""

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in dict(settings.LANGUAGES):
                return response
        return super().process_response(request, response)
