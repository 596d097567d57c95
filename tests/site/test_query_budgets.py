"""Each page type renders within a fixed number of SQL queries.

The budgets are today's counts on the seed site; a change that adds queries to a
page must lower another page's count or argue for a new budget here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uncached_pages(settings):
    """What a page costs to render, not to fetch from the page cache."""
    settings.PAGE_CACHE_ENABLED = False

# The footer's link to the privacy notice costs one query on every page.
BUDGETS = {
    "/en/": 26,
    "/en/campaigns/": 17,  # + the policy areas offered as a filter
    "/en/campaigns/treatment-not-trauma/": 20,
    "/en/campaigns/immigrant-justice-icirr/": 21,
    "/en/campaigns/cancel-shotspotter/": 20,
    "/en/policy/": 16,
    "/en/policy/community-safety/": 19,
    "/en/about/": 16,
    "/es/": 30,
    "/es/campanas/tratamiento-no-trauma/": 25,
    "/en/search/?q=immigrant": 16,
}


@pytest.mark.parametrize("url", BUDGETS)
def test_page_renders_within_its_query_budget(client, seeded_site, url):
    client.get(url)  # the first request warms per-process caches (locales, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= BUDGETS[url], "\n".join(q["sql"] for q in queries)
