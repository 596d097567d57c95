"""The campaign list, filtered by policy area and status in either language."""

import re

import pytest

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
