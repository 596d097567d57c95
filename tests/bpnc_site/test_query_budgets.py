"""Each page type renders within a fixed number of SQL queries.

The budgets are today's counts on the seed site; a change that adds queries to a
page must lower another page's count or argue for a new budget here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.support.seed import SAMPLE_POLICY_AREA, seed_path

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


# A fresh render with nothing stored. Every page pays for: the site, the route
# (the language's home, every level of the URL and whether any is restricted, in
# one query), the page's own row, the settings (with logo and privacy page), the
# page's translations, the menu and the language's alerts (read once and kept
# with the pages when parts are stored). Spanish pages add the check of whether
# the English page changed since it was translated.
BUDGETS = {
    # + featured campaigns, the sections overview and the language's next
    # meetings (kept with the home page once stored: campaigns/meetings/upcoming.py)
    "/en/": 17,
    "/es/": 18,
    # + the campaigns (counted, then a page of them) and the areas to filter by
    seed_path("campaigns"): 10,
    seed_path("campaigns", "es"): 11,
    # + organisations, people, areas, next meetings, its updates and the dates its
    # demands' statuses changed (what happened since, which neighbours asked for)
    seed_path(): 13,
    seed_path("icirr-2023-agenda"): 14,  # + its bills
    seed_path("cancel-shotspotter"): 13,
    seed_path(language="es"): 14,
    # + the meetings (counted, then a page of them) and the campaigns to filter by
    "/en/meetings/": 10,
    "/es/reuniones/": 11,
    seed_path("policy"): 8,
    seed_path("policy", "es"): 9,
    seed_path(SAMPLE_POLICY_AREA): 9,
    seed_path(SAMPLE_POLICY_AREA, "es"): 10,
    seed_path("about"): 7,
    seed_path("about", "es"): 8,
    "/en/search/?q=immigrant": 14,
    # + one query per page type among the results: the Spanish query finds four.
    "/es/buscar/?q=inmigrantes": 16,
}
# A fresh render once the page's parts are stored (bpnc_site/page_cache/
# fragments.py), as for an editor or a link with a query string: the site, the
# route and the page's row.
WITH_STORED_PARTS = 3
# Pages whose content turns with time (meetings turn past): only their header,
# footer and the like are stored parts, so they keep the budget above.
CHANGING_WITH_TIME = {"/en/meetings/", "/es/reuniones/"}


@pytest.mark.parametrize("url", BUDGETS)
def test_page_renders_within_its_query_budget(client, seeded_site, url):
    client.get(url)  # the first request warms per-process caches (locales, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= BUDGETS[url], "\n".join(q["sql"] for q in queries)


@pytest.mark.parametrize(
    "url", [url for url in BUDGETS if "?" not in url and url not in CHANGING_WITH_TIME]
)
def test_a_page_whose_parts_are_stored_renders_in_three_queries(
    client, seeded_site, settings, url
):
    settings.PAGE_FRAGMENT_CACHE_ENABLED = True
    client.get(url)  # renders and stores its parts
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= WITH_STORED_PARTS, "\n".join(q["sql"] for q in queries)


def test_a_restriction_on_a_section_still_covers_the_pages_below_it(
    client, seeded_site
):
    index = Page.objects.get(url_path__endswith="/home/campaigns/")
    PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    response = client.get(seed_path())

    assert b"Treatment Not Trauma" not in response.content
    assert b'name="password"' in response.content
