import logging
import re

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware
from django.template.response import TemplateResponse
from django.urls import is_valid_path, reverse
from django.utils.datastructures import MultiValueDictKeyError

from .errors import DATABASE_UNAVAILABLE, service_unavailable

logger = logging.getLogger(__name__)

LANGUAGE_PREFIX = re.compile(r"^/([a-z]{2}(?:[-_][a-zA-Z]{2,4})?)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a path starting with a language we
    do not offer (/fr/…) is a plain 404 rather than a redirect to /en/fr/…."""

    def process_response(self, request, response):
        if response.status_code == 404 and not self.may_lack_a_prefix(request):
            return response
        return super().process_response(request, response)

    def may_lack_a_prefix(self, request):
        """Whether a 404 may be a page address missing its language prefix. Not
        if it starts with a language we do not offer, nor if it is an address
        outside the language prefixes (the admin, documents, media…) whose view
        said "not found": /en/admin/… is no admin page, and the editor would be
        sent to the public site's 404 instead of the admin's."""
        path = request.path_info
        match = LANGUAGE_PREFIX.match(path)
        if match and match.group(1).lower() not in dict(settings.LANGUAGES):
            return False
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        return not (
            path.startswith(reverse("wagtailadmin_home"))
            or is_valid_path(path, urlconf)
        )


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


class AdminInputMiddleware:
    """Admin requests whose input Wagtail does not check answer a 4xx, not a 500.

    - A form posted without the fields its widgets always send is a 400 saying
      nothing was saved. Wagtail's StreamField and ListBlock widgets read their
      hidden fields (the ``body-count`` of a stream, each child's ``-type``) with
      ``data[key]``, so a post without them (an unfinished page load, a browser
      extension, a script posting only a title) raised ``MultiValueDictKeyError``
      while the form was validated, before anything was saved.
    - A chooser's "chosen" address with an id that is not a number
      (``/admin/images/chooser/chosen/abc/``) is a 404: Wagtail's chooser views
      look the id up catching only ``DoesNotExist``, and Django raises
      ``ValueError`` for such an id.

    Placed after AdminLanguageMiddleware, the pages are in the editor's admin
    language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        if isinstance(exception, MultiValueDictKeyError) and request.method == "POST":
            logger.warning(
                "Incomplete admin form: %s lacks %s", request.path, exception
            )
            response = TemplateResponse(
                request,
                "errors/admin_incomplete_form.html",
                {"back_url": request.get_full_path()},
                status=400,
            )
            return response.render()
        match = request.resolver_match
        if isinstance(exception, ValueError) and match and match.url_name == "chosen":
            raise Http404 from exception
        return None
