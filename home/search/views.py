"""Search across the live pages of the visitor's language."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import covered_by_a_restriction

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The words to search for: control characters and quotes (which the search
    backends read as syntax and may choke on) become spaces."""
    text = "".join(" " if ord(char) < 32 or char == '"' else char for char in raw)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    """Search the pages of the visitor's language that anyone may see."""
    query = clean_query(request.GET.get("q", ""))
    language = translation.get_language()
    results_page = None
    if query:
        locale = Locale.get_active()
        backend = language if language in settings.WAGTAILSEARCH_BACKENDS else "default"
        pages = Page.objects.live().filter(locale=locale, depth__gt=1)
        # Search backends filter on plain fields only: private pages by id.
        private = pages.filter(covered_by_a_restriction()).values_list("pk", flat=True)
        matches = pages.exclude(pk__in=list(private)).search(query, backend=backend)
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
