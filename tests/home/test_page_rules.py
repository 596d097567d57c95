"""Where each page type may be created, as the admin enforces it."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import CampaignIndexPage, CampaignPage, MeetingIndexPage
from home.models import HomePage, StandardPage
from policy.models import PolicyAreaPage, PolicyIndexPage


class TestPageTypeRules(WagtailPageTestCase):
    def test_campaigns_live_only_under_the_campaign_index(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())

    def test_policy_areas_live_only_under_the_policy_index(self):
        self.assertAllowedParentPageTypes(PolicyAreaPage, {PolicyIndexPage})
        self.assertAllowedSubpageTypes(PolicyAreaPage, set())

    def test_home_holds_the_three_indexes_and_plain_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {CampaignIndexPage, PolicyIndexPage, MeetingIndexPage, StandardPage},
        )
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PolicyIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})

    def test_home_is_created_only_at_the_top(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})


@pytest.mark.django_db
def test_only_one_home_and_one_of_each_index(home):
    index = CampaignIndexPage(title="Campaigns", slug="campaigns")
    home.add_child(instance=index)
    policy = PolicyIndexPage(title="Policy", slug="policy")
    home.add_child(instance=policy)

    assert not HomePage.can_create_at(Page.get_first_root_node())
    assert not CampaignIndexPage.can_create_at(home)
    assert not PolicyIndexPage.can_create_at(home)
    assert CampaignPage.can_create_at(index)
    assert not CampaignPage.can_create_at(home)
    assert not PolicyAreaPage.can_create_at(index)
