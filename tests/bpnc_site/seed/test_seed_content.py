"""The content loader puts every fact of the campaigns page on the site."""

import re
from urllib.parse import urljoin

import pytest
from wagtail.models import Page, Revision

from bpnc_site.seed.loader import SiteContentLoader
from campaigns.models import CampaignPage
from people.models import Organisation, Person
from policy.models import Bill, PolicyAreaPage
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

SEED_CAMPAIGNS = [
    "Treatment Not Trauma",
    "Immigrant Justice – ICIRR 2023 agenda",
    "Free the Funds",
    "City Budget",
    "Cancel ShotSpotter",
    "Community Restoration Ordinance",
]
SEED_POLICY_AREAS = [
    "Community Safety &amp; Violence Prevention",
    "Educational Justice",
    "Healthcare Affordability &amp; Access",
    "Immigrant Justice",
    "Economic Justice",
]
SEED_BILLS = [
    "HB 3882",
    "SB 2397",
    "HB 2719",
    "SB 2080",
    "HB 1570",
    "SB 122",
    "SB 1444",
    "HB 3950",
    "SB 1345",
]
SEED_PEOPLE = ["Any Huamani", "Esmeralda Alarcon", "Matt Martin", "Jeanette Taylor"]
SEED_FIGURES = ["80%", "63%", "$10 million", "12", "$58 million", "$100 million"]


def crawl(client, start="/en/"):
    """Every internal page reachable by links from start, as {url: html}."""
    seen, queue = {}, [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        seen[url] = html
        for href in re.findall(r'href="(/en/[^"#?]*)"', html):
            queue.append(urljoin(url, href))
    return seen


def test_every_seed_fact_is_reachable_from_the_home_page(client, seeded_site):
    pages = crawl(client)
    everything = "\n".join(pages.values())

    for fact in SEED_CAMPAIGNS + SEED_POLICY_AREAS + SEED_BILLS + SEED_PEOPLE:
        assert fact in everything, fact
    for figure in SEED_FIGURES:
        assert figure in everything, figure
    live_pages = Page.objects.live().filter(depth__gt=1, locale__language_code="en")
    assert {page.url for page in live_pages} <= pages.keys()


def test_treatment_not_trauma_has_its_five_demands_lead_and_contact(
    client, seeded_site
):
    page = seed_page()
    html = client.get(page.url).content.decode()

    assert len(page.demands) == 5
    assert "Reopen our public mental health clinics" in html
    assert "Collaborative for Community Wellness (CCW)" in html
    assert "Any Huamani" in html
    assert "#TreatmentNotTrauma" in html
    assert "Check out our #TreatmentNotTrauma Merch!" in html
    assert "created by local artists" in html


def test_icirr_agenda_lists_every_item_with_its_bills_and_the_58_million_ask(
    client, seeded_site
):
    page = CampaignPage.objects.get(slug="immigrant-justice-icirr")
    html = client.get(page.url).content.decode()

    assert len(page.demands) == 7
    assert "Ongoing commitments and budget priorities for 2023 session" in html
    demand_bills = [bill.number for d in page.demands for bill in d.value["bills"]]
    assert sorted(demand_bills) == sorted(SEED_BILLS)
    assert "Amount: $58 million" in visible_text(html)
    assert "Illinois Coalition for Immigrant and Refugee Rights (ICIRR)" in html
    assert "Esmeralda Alarcon" in html


def test_shotspotter_shows_its_figures_and_how_it_works(client, seeded_site):
    page = seed_page("cancel-shotspotter")
    html = client.get(page.url).content.decode()

    for figure in ["80%", "63%", "$10 million", "12"]:
        assert f'<span class="statistic-figure">{figure}</span>' in html
    assert "How does it work?" in html
    assert (
        len(
            re.findall(
                r"<li>.*?</li>",
                html.split("How does it work?")[1].split("</ol>")[0],
                re.S,
            )
        )
        == 3
    )


def test_community_restoration_ordinance_is_stalled_with_its_chief_sponsors(
    client, seeded_site
):
    page = CampaignPage.objects.get(slug="community-restoration-ordinance")
    html = client.get(page.url).content.decode()

    assert page.status == CampaignPage.Status.STALLED
    assert "Status: Stalled" in visible_text(html)
    assert "Chief sponsors" in html
    assert "Matt Martin" in html and "Jeanette Taylor" in html


def test_each_policy_area_lists_the_campaigns_linked_to_it(client, seeded_site):
    area = seed_page(SAMPLE_POLICY_AREA)
    html = client.get(area.url).content.decode()

    for title in ["Treatment Not Trauma", "Free the Funds", "Cancel ShotSpotter"]:
        assert title in html
    assert "City Budget" not in html
    assert PolicyAreaPage.objects.filter(locale__language_code="en").count() == 5


def test_facts_the_seed_does_not_give_stay_empty(seeded_site):
    assert not Person.objects.exclude(email="").exists()
    assert not Person.objects.exclude(phone="").exists()
    assert not Bill.objects.exclude(official_url="").exists()
    assert not Bill.objects.exclude(status="").exists()
    city_budget = CampaignPage.objects.get(slug="city-budget")
    assert city_budget.summary == ""


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "organisations": Organisation.objects.count(),
        "bills": Bill.objects.count(),
    }


def test_loading_twice_changes_nothing(seeded_site):
    before = snapshot()
    report = SiteContentLoader().load()

    assert snapshot() == before
    assert report.created == []


def test_loading_again_keeps_what_staff_edited(client, seeded_site):
    page = seed_page()
    page.title = "Treatment, Not Trauma"
    page.slug = "treatment-not-trauma-2026"
    page.demands = page.demands.raw_data[:2]
    page.save_revision().publish()
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    person.role = "Organizer"
    person.save()

    SiteContentLoader().load()

    page.refresh_from_db()
    person.refresh_from_db()
    assert page.title == "Treatment, Not Trauma"
    assert len(page.demands) == 2
    assert person.role == "Organizer"
    assert CampaignPage.objects.filter(title__startswith="Treatment").count() == 1
    assert "Treatment, Not Trauma" in client.get(page.url).content.decode()


def test_home_features_the_campaigns_in_the_order_of_the_campaigns_page(
    client, seeded_site
):
    html = client.get("/en/").content.decode()
    featured = html.split('id="featured-heading"')[1].split("</section>")[0]
    positions = [featured.index(title) for title in SEED_CAMPAIGNS]

    assert positions == sorted(positions)


def test_loading_again_leaves_settings_staff_cleared(seeded_site):
    from home.models import OrganisationSettings

    org = OrganisationSettings.for_site(seeded_site)
    org.short_name = ""
    org.privacy_page = None
    org.save()

    SiteContentLoader().load()

    org.refresh_from_db()
    assert org.short_name == ""
    assert org.privacy_page is None
