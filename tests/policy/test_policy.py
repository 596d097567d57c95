"""Policy positions: each area lists its campaigns in its own language, and bills
read the same in both languages but for what they do."""

import pytest
from django.utils import translation

from policy.blocks import BillListBlock
from policy.models import Bill
from tests.support.factories import BillFactory, PolicyAreaPageFactory
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


def test_policy_area_lists_its_campaign_and_index_lists_the_area(client, tree):
    assert "City Budget" in client.get(tree["area"].url).content.decode()
    assert "Economic Justice" in client.get(tree["policy"].url).content.decode()


def test_spanish_policy_area_lists_the_spanish_campaigns(client, seeded_site):
    area = seed_page(SAMPLE_POLICY_AREA, "es")
    listed = area.campaigns()
    html = client.get(area.url).content.decode()

    assert listed and {page.locale.language_code for page in listed} == {"es"}
    for campaign in listed:
        assert f'href="{campaign.url}"' in html
        assert campaign.title in html


def test_bills_keep_their_numbers_and_translate_their_titles(seeded_site):
    english = Bill.objects.get(number="HB 3882", locale__language_code="en")
    spanish = Bill.objects.get(number="HB 3882", locale__language_code="es")

    assert spanish.chamber == english.chamber
    assert spanish.title != english.title


def test_bill_list_shows_live_bills_with_their_link_and_status(locales):
    linked = BillFactory(
        number="HB 3882",
        title="Drivers licenses for all",
        status=Bill.Status.IN_COMMITTEE,
        official_url="https://www.ilga.gov/legislation/BillStatus.asp?DocNum=3882",
    )
    plain = BillFactory(number="SB 100", title="Plain bill")
    draft = BillFactory(number="HB 9", title="Not yet public", live=False)
    block = BillListBlock()
    value = block.to_python({"heading": "", "bills": [linked.pk, plain.pk, draft.pk]})

    with translation.override("en"):
        html = block.render(value)
    text = visible_text(html)

    assert f'<a href="{linked.official_url}">HB 3882</a>' in html
    assert "HB 3882: Drivers licenses for all (In committee)" in text
    assert "SB 100: Plain bill" in text and "SB 100: Plain bill (" not in text
    assert "Not yet public" not in text
    assert "<h2>" not in html


def test_area_without_position_or_campaigns_says_so_plainly(client, tree):
    area = PolicyAreaPageFactory(parent=tree["policy"], title="Healthcare")
    text = visible_text(client.get(area.url).content)

    assert "No campaign works on this area right now." in text
    assert "Our position" not in text
    assert "City Budget" not in text
