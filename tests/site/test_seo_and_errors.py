"""What search engines, sharing sites and lost visitors see."""

import json
import re

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from bpnc_site.views import server_error
from campaigns.models import CampaignPage

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
    page = CampaignPage.objects.get(slug="cancel-shotspotter")
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


def test_not_found_is_in_the_visitors_language_with_the_site_chrome(
    client, seeded_site
):
    response = client.get("/es/no-existe/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html
    with translation.override("es"):
        assert translation.gettext("Page not found") in html
    assert 'href="/es/campanas/"' in html  # the Spanish menu
    assert 'href="/es/"' in html


@pytest.mark.parametrize("path", ["/fr/campaigns/", "/de/", "/pt-br/"])
def test_unknown_language_prefix_is_not_found(client, seeded_site, path):
    assert client.get(path).status_code == 404


def test_server_error_page_speaks_the_visitors_language_without_the_database():
    request = RequestFactory().get("/es/")
    with translation.override("es"):
        response = server_error(request)
        expected = translation.gettext("Something went wrong")

    assert response.status_code == 500
    assert expected != "Something went wrong"
    assert expected in response.content.decode()
    assert 'lang="es"' in response.content.decode()


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

    assert "Tratamiento, no trauma" in html
    assert "Cancelar ShotSpotter" not in html


def test_first_visit_page_sets_no_cookies(seeded_site):
    response = Client().get("/en/campaigns/treatment-not-trauma/")

    assert response.cookies == {} or not any(response.cookies.values())
