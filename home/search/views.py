"""Search across the live pages of the visitor's language."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Locale, Page

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
