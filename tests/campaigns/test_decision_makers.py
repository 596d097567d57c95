"""A demand pointed at a decision-maker with a public phone or email offers to
call and to write, with the script staff wrote, in the reader's language;
without contact details it offers nothing."""

from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.factories import DecisionMakerFactory
from tests.support.translations import publish_in_spanish, sync_spanish

pytestmark = pytest.mark.django_db

SCRIPT = "Hello, I live in Brighton Park. Please fund our mental health clinics."
GUION = "Hola, vivo en Brighton Park. Por favor, financie nuestras clínicas."


def press(campaign, decision_maker, script=SCRIPT):
    data = campaign.demands.get_prep_value()
    data[0]["value"]["decision_maker"] = decision_maker.pk
    data[0]["value"]["script"] = script
    campaign.demands = data
    campaign.save_revision().publish()
    return data[0]["value"]["demand"]


def mailto(html):
    start = html.index('href="mailto:')
    return unescape(html[start + 6 : html.index('"', start + 6)])


def test_call_and_email_in_both_languages(client, campaign):
    office = DecisionMakerFactory(
        name="Office of the Mayor",
        office="Mayor of Chicago",
        phone="(312) 555-0100",
        email="mayor@example.org",
    )
    publish_in_spanish(
        office,
        {
            "Office of the Mayor": "Oficina del Alcalde",
            "Mayor of Chicago": "Alcalde de Chicago",
        },
    )
    demand = press(campaign, office)
    campaign_es = sync_spanish(campaign, {SCRIPT: GUION})

    html = client.get(campaign.url).content.decode()
    assert 'href="tel:3125550100"' in html
    assert SCRIPT in html and "Call" in html
    email = parse_qs(urlsplit(mailto(html)).query)
    assert mailto(html).startswith("mailto:mayor@example.org?")
    assert email == {"subject": [demand], "body": [SCRIPT]}

    html_es = client.get(campaign_es.url).content.decode()
    assert 'href="tel:3125550100"' in html_es
    assert GUION in html_es and "Llamar" in html_es and "Alcalde de Chicago" in html_es
    assert "Oficina del Alcalde" in html_es and "Office of the Mayor" not in html_es
    assert parse_qs(urlsplit(mailto(html_es)).query)["body"] == [GUION]
    assert SCRIPT not in html_es


def test_no_contact_offers_nothing(client, campaign):
    press(campaign, DecisionMakerFactory(name="City Council", office=""))
    html = client.get(campaign.url).content.decode()
    assert "demand__act" not in html and "tel:" not in html.split("<footer")[0]
    assert SCRIPT not in html


def test_an_unpublished_decision_maker_offers_nothing(client, campaign):
    office = DecisionMakerFactory(name="Office of the Mayor", phone="312 555 0100")
    office.live = False
    office.save()
    press(campaign, office)
    assert "demand__act" not in client.get(campaign.url).content.decode()
