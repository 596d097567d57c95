"""The campaign list, filtered by policy area and status in either language."""

import re
from urllib.parse import parse_qsl

import pytest

from campaigns.models import CAMPAIGNS_PER_PAGE, CampaignIndexPage
from tests.support.factories import CampaignPageFactory

pytestmark = pytest.mark.django_db


def test_campaign_index_filters_by_policy_area_and_status(client, seeded_site):
    def titles(query):
        html = client.get("/en/campaigns/", query).content.decode()
        return set(
            re.findall(r'<h2><a href="/en/campaigns/[^"]+">([^<]+)</a></h2>', html)
        )

    assert titles({"area": "healthcare"}) == {
        "Treatment Not Trauma",
        "Immigrant Justice – ICIRR 2023 agenda",
    }
    assert titles({"status": "stalled"}) == {"Community Restoration Ordinance"}
    assert titles({"area": "community-safety", "status": "stalled"}) == {
        "Community Restoration Ordinance"
    }
    assert len(titles({"area": "nonsense", "status": "nonsense"})) == 6


def test_spanish_campaign_index_filters_with_spanish_areas(client, seeded_site):
    html = client.get("/es/campanas/", {"area": "salud"}).content.decode()
    titles = set(re.findall(r'<h2><a href="/es/campanas/[^"]+">([^<]+)</a></h2>', html))

    assert "Tratamiento, no trauma" in titles
    assert "Cancelar ShotSpotter" not in titles


def test_a_long_campaign_list_comes_a_page_at_a_time_keeping_its_filter(
    client, seeded_site
):
    index = CampaignIndexPage.objects.get(locale__language_code="en")
    for number in range(CAMPAIGNS_PER_PAGE + 4):
        CampaignPageFactory(parent=index, status="won", title=f"Won campaign {number}")

    def read(query):
        html = client.get("/en/campaigns/", query).content.decode()
        titles = re.findall(r'<h2><a href="/en/campaigns/[^"]+">([^<]+)</a></h2>', html)
        more = re.search(r'<a rel="next" href="([^"]+)">More campaigns</a>', html)
        return titles, more and more.group(1).replace("&amp;", "&")

    first, more = read({"status": "won"})
    second, after = read(dict(parse_qsl(more.lstrip("?"))))

    assert len(first) == CAMPAIGNS_PER_PAGE
    assert more == "?status=won&page=2"
    assert len(second) == 4 and after is None
    assert not set(first) & set(second)
    assert "Treatment Not Trauma" not in first + second
