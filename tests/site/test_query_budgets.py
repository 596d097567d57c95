"""Each page type renders within a fixed number of SQL queries.

The budgets are today's counts on the seed site; a change that adds queries to a
page must lower another page's count or argue for a new budget here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """What a page costs to render, not to fetch from the page cache."""
    settings.PAGE_CACHE_ENABLED = False


# Every page pays for: the site, the active locale, the home page, the route, view
# restrictions, the settings (with logo and privacy page), the page's translations
# and the menu. Spanish pages add the Spanish home page and the check of whether
# the English page changed since it was translated.
BUDGETS = {
    "/en/": 16,  # + featured campaigns and the sections overview
    "/es/": 18,
    "/en/campaigns/": 11,  # + the campaigns and the policy areas offered as a filter
    "/es/campanas/": 13,
    "/en/campaigns/treatment-not-trauma/": 12,  # + organisations, people, areas
    "/en/campaigns/immigrant-justice-icirr/": 13,  # + its bills
    "/en/campaigns/cancel-shotspotter/": 12,
    "/es/campanas/tratamiento-no-trauma/": 14,
    "/en/policy/": 10,
    "/es/posiciones/": 12,
    "/en/policy/community-safety/": 11,
    "/es/posiciones/seguridad-comunitaria/": 13,
    "/en/about/": 9,
    "/es/quienes-somos/": 11,
    "/en/search/?q=immigrant": 13,
    "/es/buscar/?q=inmigrantes": 14,
}


@pytest.mark.parametrize("url", BUDGETS)
def test_page_renders_within_its_query_budget(client, seeded_site, url):
    client.get(url)  # the first request warms per-process caches (locales, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= BUDGETS[url], "\n".join(q["sql"] for q in queries)


def test_a_restriction_on_a_section_still_covers_the_pages_below_it(
    client, seeded_site
):
    index = Page.objects.get(url_path__endswith="/home/campaigns/")
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    response = client.get("/en/campaigns/treatment-not-trauma/")

    assert b"Treatment Not Trauma" not in response.content
    assert b'name="password"' in response.content
