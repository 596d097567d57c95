"""Campaign blocks render what an editor filled in and skip what they left empty."""

import pytest
from django.utils import translation

from campaigns.blocks import DemandBlock, MerchItemBlock
from campaigns.money import format_dollars
from tests.support.factories import BillFactory
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


def render_demand_html(**fields):
    block = DemandBlock()
    value = block.to_python(
        {
            "demand": "Reopen our clinics",
            "kind": "restore",
            "status": "campaigning",
            **fields,
        }
    )
    return block.render(value)


def render_demand(**fields):
    return visible_text(render_demand_html(**fields))


def test_demand_with_only_required_fields_renders_cleanly(locales):
    html = render_demand()

    assert "Reopen our clinics" in html
    assert "Status: We are campaigning" in html
    assert "Kind: Restore" in html
    assert "Amount" not in html
    assert "Who must act" not in html
    assert "Bills" not in html
    assert "None" not in html


def test_demand_shows_amount_bills_and_who_must_act(locales):
    bill = BillFactory(number="HB 3882", title="Drivers licenses for all")
    html = render_demand(
        kind="legislation",
        amount=58_000_000,
        bills=[bill.pk],
        who_must_act="Illinois General Assembly",
        status="stalled",
    )

    assert "Amount: $58 million" in html
    assert "HB 3882" in html
    assert 'title="Drivers licenses for all"' in render_demand_html(bills=[bill.pk])
    assert "Who must act: Illinois General Assembly" in html
    assert "Status: Stalled" in html


def test_bill_with_official_page_is_linked(locales):
    bill = BillFactory(number="SB 1345", official_url="https://www.ilga.gov/")
    html = render_demand_html(bills=[bill.pk])

    assert '<a href="https://www.ilga.gov/">' in html


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (58_000_000, "$58 million"),
        (1_000_000, "$1 million"),
        (100_000, "$100,000"),
        (None, ""),
    ],
)
def test_dollar_amounts_read_naturally(amount, expected):
    with translation.override("en"):
        assert format_dollars(amount) == expected


def test_merch_item_without_image_price_or_link(locales):
    block = MerchItemBlock()
    html = block.render(block.to_python({"title": "T-shirt", "artist": ""}))

    assert "T-shirt" in html
    assert "Buy it" not in html
    assert "<img" not in html
    assert "None" not in html
