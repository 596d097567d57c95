"""Every seed page and public snippet exists in Spanish through wagtail-localize."""

import re
from pathlib import Path

import polib
import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from campaigns.models import CampaignPage
from people.models import Organisation, Person
from policy.models import Bill

pytestmark = pytest.mark.django_db

CATALOGUE = Path(__file__).resolve().parents[2] / "locales/es/LC_MESSAGES/django.po"


def english_pages():
    return Page.objects.filter(depth__gt=1, locale__language_code="en").specific()


def test_every_english_page_has_a_live_complete_spanish_translation(seeded_site):
    for page in english_pages():
        spanish = page.get_translation_or_none(
            page.locale.__class__.objects.get(language_code="es")
        )
        assert spanish is not None and spanish.live, page.title
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=spanish.locale
        )
        total, done = translation.get_progress()
        assert done == total, f"{page.title}: {done}/{total}"


@pytest.mark.parametrize("model", [Person, Organisation, Bill])
def test_every_public_snippet_exists_in_spanish(seeded_site, model):
    english = model.objects.filter(locale__language_code="en")
    spanish = model.objects.filter(locale__language_code="es")

    assert english.count() == spanish.count() > 0
    assert set(english.values_list("translation_key", flat=True)) == set(
        spanish.values_list("translation_key", flat=True)
    )


def test_bills_keep_their_numbers_and_translate_their_titles(seeded_site):
    english = Bill.objects.get(number="HB 3882", locale__language_code="en")
    spanish = Bill.objects.get(number="HB 3882", locale__language_code="es")

    assert spanish.chamber == english.chamber
    assert spanish.title != english.title


def test_spanish_pages_have_spanish_titles_and_slugs(client, seeded_site):
    campaign = CampaignPage.objects.get(
        slug="treatment-not-trauma", locale__language_code="en"
    )
    spanish = campaign.get_translation(
        campaign.locale.__class__.objects.get(language_code="es")
    )

    assert spanish.url.startswith("/es/campanas/")
    assert spanish.title != campaign.title
    assert spanish.hashtag == "#TreatmentNotTrauma"
    html = client.get(spanish.url).content.decode()
    assert '<html lang="es">' in html
    assert spanish.title in html


def test_spanish_campaign_links_only_to_spanish_pages(client, seeded_site):
    spanish = CampaignPage.objects.get(
        locale__language_code="es",
        translation_key=CampaignPage.objects.get(
            slug="treatment-not-trauma"
        ).translation_key,
    )
    html = client.get(spanish.url).content.decode()
    internal = set(re.findall(r'href="(/[a-z]{2}/[^"]*)"', html))
    pages = {href for href in internal if not href.startswith("/language/")}

    assert pages
    assert all(href.startswith("/es/") for href in pages), pages


def interface_strings():
    """English interface strings whose Spanish differs, at least two words long."""
    return [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and " " in entry.msgid
        and "%" not in entry.msgid
    ]


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_spanish_pages_show_no_english_interface_strings(client, seeded_site):
    strings = interface_strings()
    assert strings
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code="es"):
        text = visible_text(client.get(page.url).content.decode())
        leaked = [string for string in strings if string in text]
        assert leaked == [], f"{page.url}: {leaked}"
