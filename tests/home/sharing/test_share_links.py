"""Every public page carries WhatsApp, text-message, email and Facebook links
whose message is in the page's language and sends readers to that page."""

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.translations import (
    spanish,
    spanish_translation,
    translate_string,
)

pytestmark = pytest.mark.django_db


def share_hrefs(html):
    """{kind: href} of the page's share links."""
    found = re.findall(
        r'class="share-links__link share-links__link--(\w+)" href="([^"]*)"', html
    )
    return {kind: unescape(href) for kind, href in found}


def whatsapp_message(href):
    assert href.startswith("https://wa.me/?text=")
    return parse_qs(urlsplit(href).query)["text"][0]


def sms_message(href):
    assert href.startswith("sms:?&body=")
    return unquote(href.removeprefix("sms:?&body="))


def test_campaign_links_carry_the_english_message_and_its_sign_up_form(
    client, campaign
):
    links = share_hrefs(client.get(campaign.url).content.decode())
    assert set(links) == {"whatsapp", "sms", "email", "facebook"}
    message = whatsapp_message(links["whatsapp"])
    assert message == sms_message(links["sms"])
    assert campaign.title in message
    assert "Sign up and join us:" in message
    assert f"http://testserver{campaign.url}#signup" in message
    assert campaign.hashtag in message
    # encoded: no raw space or line break in the address
    assert " " not in links["whatsapp"] and "\n" not in links["sms"]
    email = parse_qs(urlsplit(links["email"]).query)
    assert email["subject"] == [campaign.title]
    assert email["body"] == [message]
    facebook = parse_qs(urlsplit(links["facebook"]).query)
    assert facebook["u"] == [f"http://testserver{campaign.url}#signup"]


def test_spanish_campaign_links_carry_a_spanish_message_and_the_spanish_page(
    client, campaign_es
):
    html = client.get(campaign_es.url).content.decode()
    message = whatsapp_message(share_hrefs(html)["whatsapp"])
    assert campaign_es.title in message
    assert "Inscríbase y súmese:" in message
    assert f"http://testserver{campaign_es.url}#signup" in message
    assert "/en/" not in message
    assert "Pass it on" not in html and "Text message" not in html


def test_every_page_type_has_share_links_in_its_language(client, seeded_site):
    area = seed_page(SAMPLE_POLICY_AREA)
    home = seeded_site.root_page.specific
    for page in (area, spanish(area), area.get_parent().specific, home, spanish(home)):
        links = share_hrefs(client.get(page.url).content.decode())
        message = whatsapp_message(links["whatsapp"])
        assert page.title in message and f"http://testserver{page.url}" in message


def test_staff_message_replaces_the_default_and_is_translated_per_language(
    client, campaign
):
    campaign.share_message = "Our clinics closed. Help us reopen them!"
    campaign.save_revision().publish()
    translation_obj = spanish_translation(campaign)
    translation_obj.source.update_from_db()
    translate_string(
        translation_obj,
        "Our clinics closed. Help us reopen them!",
        "Cerraron nuestras clínicas. ¡Ayúdenos a reabrirlas!",
    )
    translation_obj.save_target(publish=False)
    spanish(campaign).get_latest_revision().publish()

    english = whatsapp_message(
        share_hrefs(client.get(campaign.url).content.decode())["whatsapp"]
    )
    assert english.startswith("Our clinics closed. Help us reopen them!\n")
    assert english.endswith(
        f"http://testserver{campaign.url}#signup\n{campaign.hashtag}"
    )
    es = spanish(campaign)
    message = whatsapp_message(
        share_hrefs(client.get(es.url).content.decode())["whatsapp"]
    )
    assert message.startswith("Cerraron nuestras clínicas. ¡Ayúdenos a reabrirlas!\n")
    assert f"http://testserver{es.url}#signup" in message
    assert "Our clinics" not in message
