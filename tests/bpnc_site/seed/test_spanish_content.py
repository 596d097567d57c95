"""Every seed page and public snippet exists in Spanish through wagtail-localize."""

import re

import polib
import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import public_snippet_models
from tests.support.seed import seed_page
from tests.support.site import PROJECT_DIR
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

CATALOGUE = PROJECT_DIR / "locales/es/LC_MESSAGES/django.po"


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


# Alerts are timed notices staff write when something happens; the campaigns page
# gives none, so the seed has none (their Spanish path: tests/home/test_alerts.py).
SEEDED_SNIPPET_MODELS = [
    model
    for model in public_snippet_models()
    # The seed gives no alerts and no decision-makers' contact details.
    if model.__name__ not in {"Alert", "DecisionMaker"}
]


@pytest.mark.parametrize("model", SEEDED_SNIPPET_MODELS)
def test_every_public_snippet_exists_in_spanish(seeded_site, model):
    english = model.objects.filter(locale__language_code="en")
    spanish = model.objects.filter(locale__language_code="es")

    assert english.count() == spanish.count() > 0
    assert set(english.values_list("translation_key", flat=True)) == set(
        spanish.values_list("translation_key", flat=True)
    )


def test_spanish_pages_have_spanish_titles_and_slugs(client, seeded_site):
    campaign = seed_page()
    spanish = seed_page(language="es")

    assert spanish.url.startswith("/es/campanas/")
    assert spanish.title != campaign.title
    assert spanish.hashtag == "#TreatmentNotTrauma"
    html = client.get(spanish.url).content.decode()
    assert '<html lang="es">' in html
    assert spanish.title in html


def test_spanish_campaign_links_only_to_spanish_pages(client, seeded_site):
    spanish = seed_page(language="es")
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


def test_spanish_pages_show_no_english_interface_strings(client, seeded_site):
    strings = interface_strings()
    assert strings
    for page in Page.objects.live().filter(depth__gt=1, locale__language_code="es"):
        text = visible_text(client.get(page.url).content.decode())
        leaked = [string for string in strings if string in text]
        assert leaked == [], f"{page.url}: {leaked}"
