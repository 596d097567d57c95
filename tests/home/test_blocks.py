"""Shared body blocks render their content and skip empty optional parts."""

import pytest
from wagtail.models import PageViewRestriction

from home.blocks import BaseStreamBlock


def render(block_type, value):
    stream = BaseStreamBlock()
    return stream.render(stream.to_python([{"type": block_type, "value": value}]))


def test_statistics_show_each_figure_with_its_label_and_no_empty_source():
    html = render(
        "statistics",
        {
            "heading": "",
            "items": [{"figure": "80%", "label": "of residents", "source": ""}],
        },
    )

    assert '<span class="statistic-figure">80%</span>' in html
    assert "of residents" in html
    assert "statistic-source" not in html
    assert "<h2>" not in html


def test_steps_are_an_ordered_list():
    html = render(
        "steps", {"heading": "How does it work?", "steps": ["One", "Two", "Three"]}
    )

    assert "<h2>How does it work?</h2>" in html
    assert html.count("<li>") == 3
    assert "<ol>" in html


def test_call_to_action_without_link_has_no_button():
    html = render(
        "call_to_action", {"heading": "Check out our merch!", "text": "Buy local."}
    )

    assert "Check out our merch!" in html
    assert "button" not in html


def test_call_to_action_with_a_web_address_links_to_it():
    html = render(
        "call_to_action",
        {
            "heading": "Shop",
            "url": "https://shop.example.org/",
            "button_text": "Shop now",
        },
    )

    assert '<a class="button" href="https://shop.example.org/">Shop now</a>' in html


def test_quote_without_attribution():
    html = render("quote", {"quote": "Together we can.", "attribution": ""})

    assert "Together we can." in html
    assert "figcaption" not in html


@pytest.mark.django_db
def test_call_to_action_never_links_a_page_the_visitor_may_not_open(tree):
    campaign = tree["campaign"]
    value = {"heading": "Join us", "page": campaign.pk, "button_text": "Join"}
    assert f'<a class="button" href="{campaign.url}">Join</a>' in render(
        "call_to_action", value
    )

    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )
    html = render("call_to_action", value)

    assert "Join us" in html
    assert campaign.url not in html and "button" not in html
    # A web address given too is linked instead.
    html = render("call_to_action", {**value, "url": "https://example.org/"})
    assert '<a class="button" href="https://example.org/">Join</a>' in html
