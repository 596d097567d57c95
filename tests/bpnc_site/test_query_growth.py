"""A page's SQL queries do not grow with the number of campaigns, people or bills."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPageOrganisation,
    CampaignPagePerson,
    CampaignPagePolicyArea,
)
from home.models import HomePageFeaturedCampaign
from policy.models import PolicyAreaPage, PolicyIndexPage
from tests.support.factories import (
    BillFactory,
    OrganisationFactory,
    PersonFactory,
    publish_child,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def add_campaigns(index, area, count, start):
    for number in range(start, start + count):
        bills = [BillFactory() for _ in range(3)]
        page = CampaignPage(
            title=f"Campaign {number}",
            slug=f"campaign-{number}",
            summary="A campaign.",
            demands=[
                {
                    "type": "demand",
                    "value": {
                        "demand": "Fund it",
                        "kind": "funding",
                        "amount": 1_000_000,
                        "bills": [bill.pk for bill in bills],
                        "status": "campaigning",
                    },
                }
            ],
            people=[
                CampaignPagePerson(person=PersonFactory(), role=role)
                for role in ("contact", "sponsor", "spokesperson")
            ],
            organisations=[
                CampaignPageOrganisation(organisation=OrganisationFactory(), role=role)
                for role in ("lead", "partner")
            ],
            policy_area_links=[CampaignPagePolicyArea(policy_area=area)],
        )
        publish_child(index, page)


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_stay_flat_from_6_to_60_campaigns(client, home):
    index = publish_child(home, CampaignIndexPage(title="Campaigns", slug="campaigns"))
    policy = publish_child(home, PolicyIndexPage(title="Policy", slug="policy"))
    area = publish_child(policy, PolicyAreaPage(title="Safety", slug="safety"))
    urls = ["/en/", "/en/campaigns/", "/en/campaigns/campaign-0/", "/en/policy/safety/"]

    add_campaigns(index, area, 6, start=0)
    home.featured_campaigns = [
        HomePageFeaturedCampaign(page=page) for page in CampaignPage.objects.all()
    ]
    home.save_revision().publish()
    few = {url: count_queries(client, url) for url in urls}

    add_campaigns(index, area, 54, start=6)
    home.featured_campaigns = [
        HomePageFeaturedCampaign(page=page) for page in CampaignPage.objects.all()
    ]
    home.save_revision().publish()
    many = {url: count_queries(client, url) for url in urls}

    assert many == few


def crowded_campaign(index, area, slug, size):
    """A campaign with `size` people, partner organisations and bills."""
    page = CampaignPage(
        title=slug,
        slug=slug,
        summary="A campaign.",
        demands=[
            {
                "type": "demand",
                "value": {
                    "demand": "Pass the bills",
                    "kind": "legislation",
                    "bills": [BillFactory().pk for _ in range(size)],
                    "status": "campaigning",
                },
            }
        ],
        people=[
            CampaignPagePerson(person=PersonFactory(), role=role)
            for role in ("contact", "sponsor", "spokesperson")
            for _ in range(size)
        ],
        organisations=[
            CampaignPageOrganisation(organisation=OrganisationFactory(), role="partner")
            for _ in range(size)
        ],
        policy_area_links=[CampaignPagePolicyArea(policy_area=area)],
    )
    return publish_child(index, page)


def test_a_campaign_costs_the_same_with_5_or_50_people_partners_and_bills(client, home):
    index = publish_child(home, CampaignIndexPage(title="Campaigns", slug="campaigns"))
    policy = publish_child(home, PolicyIndexPage(title="Policy", slug="policy"))
    area = publish_child(policy, PolicyAreaPage(title="Safety", slug="safety"))
    crowded_campaign(index, area, "small", 5)
    crowded_campaign(index, area, "large", 50)

    small = count_queries(client, "/en/campaigns/small/")
    large = count_queries(client, "/en/campaigns/large/")

    assert large == small
