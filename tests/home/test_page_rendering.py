"""Every page type renders with only its required fields filled in."""

import pytest

from campaigns.models import CampaignPage
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("home", "home/home_page.html"),
        ("campaigns", "campaigns/campaign_index_page.html"),
        ("campaign", "campaigns/campaign_page.html"),
        ("policy", "policy/policy_index_page.html"),
        ("area", "policy/policy_area_page.html"),
        ("about", "home/standard_page.html"),
    ],
)
def test_page_type_renders_with_empty_optional_fields(client, tree, name, template):
    page = tree[name]
    response = client.get(page.url)

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html
    assert "None" not in html
    assert '<html lang="en">' in html


def test_navigation_reaches_both_sections_from_every_page(client, tree):
    html = client.get(tree["about"].url).content.decode()

    assert 'href="/en/campaigns/"' in html
    assert 'href="/en/policy/"' in html


def test_campaign_without_demands_or_people_omits_those_sections(client, tree):
    html = client.get(tree["campaign"].url).content.decode()
    text = visible_text(html)

    assert "Our demands" not in text
    assert "For more information" not in text
    assert "Status: Active" in text
    assert 'href="/en/policy/economic/"' in html


def test_draft_campaign_is_not_listed(client, tree):
    draft = CampaignPage(title="Secret plan", slug="secret", live=False)
    tree["campaigns"].add_child(instance=draft)

    assert "Secret plan" not in client.get(tree["campaigns"].url).content.decode()
    assert "Secret plan" not in client.get(tree["area"].url).content.decode()
