import logging
import re

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse

from .errors import DATABASE_UNAVAILABLE, service_unavailable

logger = logging.getLogger(__name__)

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


class DatabaseUnavailableMiddleware:
    """A view or template that cannot reach the database gives the visitor a 503
    page in their language, not a 500.

    Nothing needs resetting here: Django checks a connection that raised before
    reusing it (at the end of the request, and through CONN_HEALTH_CHECKS at the
    start of the next), so the site recovers by itself once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.error("Database unavailable: %s", request.path, exc_info=exception)
            return service_unavailable(request)
        return None


class PublicMethodsMiddleware:
    """The public site answers GET, HEAD and POST; other methods (PUT, DELETE…)
    get a 405 instead of the page. The admin, whose scripts use them, is left be."""

    ALLOWED = ("GET", "HEAD", "POST")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.ALLOWED and not request.path_info.startswith(
            reverse("wagtailadmin_home")
        ):
            return HttpResponseNotAllowed(self.ALLOWED)
        return self.get_response(request)
