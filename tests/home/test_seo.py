"""What search engines and sharing sites read."""

import json
import re

import pytest

from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def test_home_describes_the_organisation_for_search_engines(client, seeded_site):
    html = client.get("/en/").content.decode()
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', html, re.S
        ).group(1)
    )

    assert data["@type"] == "Organization"
    assert data["name"] == "Brighton Park Neighborhood Council"
    assert data["alternateName"] == "BPNC"
    assert '<link rel="icon"' in html


def test_campaign_has_title_description_and_sharing_tags(client, seeded_site):
    page = seed_page("cancel-shotspotter")
    html = client.get(page.url).content.decode()

    assert (
        "<title>Cancel ShotSpotter | Brighton Park Neighborhood Council</title>" in html
    )
    assert '<meta name="description" content="ShotSpotter is an audio' in html
    assert '<meta property="og:title" content="Cancel ShotSpotter">' in html
    assert f'<meta property="og:url" content="http://testserver{page.url}">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_description_falls_back_from_summary_to_introduction(client, seeded_site):
    html = client.get("/en/policy/").content.decode()

    assert '<meta name="description" content="Our policy positions in the areas' in html


def test_robots_txt_points_at_the_sitemap(client, seeded_site):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_both_languages_with_alternates(client, seeded_site):
    xml = client.get("/sitemap.xml").content.decode()
    campaign = seed_page("cancel-shotspotter")
    spanish_page = spanish(campaign)

    assert f"<loc>{campaign.full_url}</loc>" in xml
    assert f"<loc>{spanish_page.full_url}</loc>" in xml
    assert f'hreflang="es" href="{spanish_page.full_url}"' in xml
    assert f'hreflang="x-default" href="{campaign.full_url}"' in xml
