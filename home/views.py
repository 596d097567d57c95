from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page


@never_cache
def switch_language(request, language_code):
    """Remember the visitor's language and take them to the page in it.

    The switcher links here rather than straight to the other page so that the
    pages themselves never set cookies and stay cacheable.
    """
    if language_code not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or any(ord(char) < 32 or ord(char) == 127 for char in target):
        target = f"/{language_code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The words to search for: control characters and quotes (which the search
    backends read as syntax and may choke on) become spaces."""
    text = "".join(" " if ord(char) < 32 or char == '"' else char for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    """Search the live pages of the visitor's language only."""
    query = clean_query(request.GET.get("q", ""))
    language = translation.get_language()
    results_page = None
    if query:
        locale = Locale.get_active()
        backend = language if language in settings.WAGTAILSEARCH_BACKENDS else "default"
        matches = (
            Page.objects.live()
            .public()
            .filter(locale=locale, depth__gt=1)
            .search(query, backend=backend)
        )
        paginator = Paginator(matches, RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        specific = Page.objects.filter(
            pk__in=[page.pk for page in results_page.object_list]
        ).specific()
        by_pk = {page.pk: page for page in specific}
        results_page.object_list = [
            by_pk[page.pk] for page in results_page.object_list if page.pk in by_pk
        ]
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "results": results_page},
    )
