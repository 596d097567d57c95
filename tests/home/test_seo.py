"""What search engines and sharing sites read."""

import json
import re

import pytest
from wagtail.models import Page

from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def structured_data(html):
    """The page's schema.org graph, {@type: [nodes]}, parsed as a crawler would."""
    scripts = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        nodes.setdefault(node["@type"], []).append(node)
    return nodes


def test_every_page_says_what_it_is_for_search_engines_in_its_language(
    client, seeded_site
):
    organisation_ids = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        html = client.get(page.url).content.decode()
        nodes = structured_data(html)
        language = page.locale.language_code

        (organisation,) = nodes["NGO"]
        organisation_ids.add(organisation["@id"])
        assert organisation["name"] == "Brighton Park Neighborhood Council"
        assert organisation["alternateName"] == "BPNC"
        (webpage,) = nodes.get("WebPage", []) + nodes.get("CollectionPage", [])
        assert webpage["inLanguage"] == language
        assert webpage["url"] == f"http://testserver{page.url}"
        assert webpage["name"] == page.title
        assert webpage["publisher"] == {"@id": organisation["@id"]}
        (breadcrumbs,) = nodes["BreadcrumbList"]
        steps = breadcrumbs["itemListElement"]
        assert [step["position"] for step in steps] == list(range(1, page.depth))
        assert steps[-1] == {
            "@type": "ListItem",
            "position": page.depth - 1,
            "name": page.title,
            "item": f"http://testserver{page.url}",
        }
        assert steps[0]["item"] == f"http://testserver/{language}/"
    assert organisation_ids == {"http://testserver/#organisation"}


def test_a_campaign_lists_its_demands_for_search_engines(client, seeded_site):
    for page in (
        seed_page("icirr-2023-agenda"),
        spanish(seed_page("icirr-2023-agenda")),
    ):
        nodes = structured_data(client.get(page.url).content.decode())

        (demands,) = nodes["ItemList"]
        names = [item["name"] for item in demands["itemListElement"]]
        assert names == [block.value["demand"] for block in page.demands]
        assert demands["numberOfItems"] == len(page.demands) > 1
        assert nodes["WebPage"][0]["mainEntity"] == {"@id": demands["@id"]}


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
    assert '<meta name="twitter:card" content="summary_large_image">' in html


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


def meta_description(html):
    found = re.search(r'<meta name="description" content="([^"]*)"', html)
    return found and found.group(1)


def test_every_page_has_a_description_in_its_language(client, seeded_site):
    for page in Page.objects.live().filter(depth__gt=1):
        html = client.get(page.url).content.decode()

        assert meta_description(html), page.url
        assert '<meta property="og:description"' in html, page.url


def test_pages_without_a_summary_are_described_from_their_own_facts(
    client, seeded_site
):
    budget = spanish(seed_page("city-budget"))
    area = spanish(seed_page("educational-justice"))

    budget_description = meta_description(client.get(budget.url).content.decode())
    area_description = meta_description(client.get(area.url).content.decode())

    assert budget_description == (
        f"{budget.title}: una de nuestras campañas. Estado: Activa."
    )
    assert area_description == (
        f"Nuestra posición sobre {area.title} y nuestras campañas en esta área: "
        f"{spanish(seed_page('free-the-funds')).title}."
    )


def og_type(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'<meta property="og:type" content="([^"]*)">', html).group(1)


def test_only_pages_about_one_thing_are_shared_as_articles(client, seeded_site):
    from campaigns.models import MeetingIndexPage
    from tests.support.factories import MeetingPageFactory

    index = MeetingIndexPage.objects.get(locale__language_code="en")
    MeetingPageFactory(parent=index, slug="budget-night")
    kinds = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        kinds.setdefault(type(page).__name__, set()).add(og_type(client, page))

    articles = {"CampaignPage", "PolicyAreaPage", "MeetingPage"}
    websites = {"HomePage", "CampaignIndexPage", "PolicyIndexPage"}
    websites |= {"MeetingIndexPage", "StandardPage"}
    assert set(kinds) == articles | websites
    assert articles == {kind for kind, types in kinds.items() if types == {"article"}}
    assert all(kinds[kind] == {"website"} for kind in websites)
