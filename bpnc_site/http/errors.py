"""Error pages that work when the database or the request's context cannot: 400,
500 and 503 in the visitor's language."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseServerError,
)
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

# The errors that mean the database cannot be reached or has dropped the
# connection, as opposed to a bug in a query.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def render_error_page(request, template_name):
    """An error page in the language of the URL's prefix (or the active one),
    rendered without the database or the request's context processors, which
    may need it."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        return loader.get_template(template_name).render(
            {"site_name": settings.WAGTAIL_SITE_NAME}, request=None
        )


def service_unavailable(request):
    """503 while the database is unreachable: browsers and crawlers are told to
    come back soon, and nothing in between keeps the page."""
    response = HttpResponse(render_error_page(request, "errors/503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """The 500 page in the visitor's language, without touching the database,
    which may be what failed. A database outage met outside a view (in a
    middleware) is a 503 here too."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return HttpResponseServerError(render_error_page(request, "500.html"))


def bad_request(request, exception=None):
    """400 (a request too large or malformed to read), in the visitor's language."""
    return HttpResponseBadRequest(render_error_page(request, "errors/400.html"))
