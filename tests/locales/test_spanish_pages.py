"""A Spanish reader meets no English: in content, in attributes, in the chrome."""

import re

import pytest
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from campaigns.models import (
    CampaignPage,
    CampaignPageOrganisation,
    CampaignPagePerson,
    CampaignPagePolicyArea,
)
from home.editorial.status import COMPLETE, PARTIAL, state_of
from people.models import Organisation, Person
from policy.models import Bill
from tests.support.english import english_pieces
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db


def names_kept_in_spanish():
    """Names the Spanish pages show as they are: organisations and people."""
    organisations = Organisation.objects.all()
    return [
        *organisations.values_list("name", flat=True),
        *organisations.exclude(acronym="").values_list("acronym", flat=True),
        *Person.objects.values_list("name", flat=True),
    ]


def test_every_spanish_page_of_the_seed_reads_spanish_throughout(client, seeded_site):
    kept = names_kept_in_spanish()
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code="es")
    assert pages.count() == Page.objects.filter(locale__language_code="en").count() - 1

    responses = {page.url: client.get(page.url) for page in pages}

    assert {
        url: r.status_code for url, r in responses.items() if r.status_code != 200
    } == {}
    leaks = {
        url: found
        for url, response in responses.items()
        if (found := english_pieces(response.content, kept))
    }
    assert leaks == {}


def test_spanish_search_results_read_spanish(client, seeded_site):
    response = client.get("/es/buscar/", {"q": "salud"})

    assert english_pieces(response.content, names_kept_in_spanish()) == []


def every_block(campaign, photo, english_bill):
    """English text in every block a campaign page can hold."""
    return {
        "demands": [
            {
                "type": "demand",
                "value": {
                    "demand": "Close the plant that poisons our air",
                    "detail": (
                        '<p>The plant is <a href="https://example.org/">'
                        "next to the school</a>.</p>"
                    ),
                    "kind": "stop",
                    "amount": 5000000,
                    "bills": [english_bill.pk],
                    "who_must_act": "The city council",
                    "status": "partly_won",
                },
            }
        ],
        "body": [
            {"type": "heading", "value": {"text": "Why this matters", "level": "h2"}},
            {
                "type": "paragraph",
                "value": "<p>The air is <b>worse</b> than it was.</p>",
            },
            {
                "type": "image",
                "value": {
                    "image": photo.pk,
                    "alt_text": "Neighbours marching past the plant",
                    "caption": "The march of our families",
                },
            },
            {
                "type": "statistics",
                "value": {
                    "heading": "The plant in numbers",
                    "items": [
                        {
                            "figure": "$2 million",
                            "label": "paid by the city for the plant every year",
                            "source": "From the city budget",
                        }
                    ],
                },
            },
            {
                "type": "steps",
                "value": {
                    "heading": "How does it work?",
                    "steps": [
                        "The plant burns waste at night.",
                        "The smoke reaches the school.",
                    ],
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": "We want to breathe.",
                    "attribution": "A mother of the school",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Come to the meeting",
                    "text": "We meet every week at the school.",
                    "page": campaign.pk,
                    "url": "",
                    "button_text": "Read about the campaign",
                },
            },
            {
                "type": "merch_item",
                "value": {
                    "image": photo.pk,
                    "title": "The campaign shirt",
                    "artist": "Made by a local artist",
                    "price": 20,
                    "url": "https://example.org/shop",
                },
            },
        ],
    }


def spanish_stand_in(text, number):
    """Spanish words in place of every run of text, the markup left as it is."""
    return re.sub(r"(^|>)[^<]+(<|$)", rf"\1texto traducido {number}\2", text)


def translate_everything(instance, skip=()):
    """Translate every string of instance into Spanish, as a translator would."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    for number, segment in enumerate(
        source.stringsegment_set.select_related("string", "context")
    ):
        if segment.string.data in skip:
            continue
        data = (
            slugify(f"texto traducido {number}")
            if segment.context.path == "slug"
            else spanish_stand_in(segment.string.data, number)
        )
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=data,
        )
    publish_translation(translation)
    return translation


def publish_translation(translation):
    """Save the Spanish version and publish it now (save_target(publish=True)
    would wait for a commit that never comes inside a test)."""
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish()


@pytest.fixture
def campaign_with_every_block(seeded_site, photo):
    sample = seed_page()
    english_bill = Bill.objects.filter(locale__language_code="en").first()
    page = CampaignPage(
        title="Clean air for our schools",
        slug="clean-air",
        summary="The air near our schools is the worst in the city.",
        introduction="We are parents and neighbours who want clean air.",
        hero_image=photo,
        hero_image_alt="Children walking to school past the plant",
        hashtag="#CleanAirNow",
        signup_intro="Sign up and we will tell you about the next meeting.",
        demands_heading="What we ask for",
        **every_block(sample, photo, english_bill),
    )
    page.organisations = [
        CampaignPageOrganisation(
            organisation=Organisation.objects.filter(
                locale__language_code="en"
            ).first(),
            role="lead",
        )
    ]
    page.people = [
        CampaignPagePerson(
            person=Person.objects.filter(locale__language_code="en").first(),
            role="contact",
        )
    ]
    page.policy_area_links = [
        CampaignPagePolicyArea(policy_area=seed_page(SAMPLE_POLICY_AREA))
    ]
    sample.get_parent().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_with_every_block_reads_spanish_once_translated(
    client, campaign_with_every_block
):
    translate_everything(campaign_with_every_block)
    spanish_page = spanish(campaign_with_every_block)

    response = client.get(spanish_page.url)

    assert response.status_code == 200
    assert "texto traducido" in response.content.decode()
    assert english_pieces(response.content, names_kept_in_spanish()) == []
    bills = [bill for demand in spanish_page.demands for bill in demand.value["bills"]]
    assert [bill.locale.language_code for bill in bills] == ["es"]


def test_one_untranslated_string_shows_in_the_report_and_on_the_page(
    client, campaign_with_every_block
):
    translation = translate_everything(
        campaign_with_every_block, skip={"The smoke reaches the school."}
    )
    spanish_page = spanish(campaign_with_every_block)

    state = state_of(campaign_with_every_block, spanish_page.locale)
    response = client.get(spanish_page.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert state.state == PARTIAL and state.percent < 100
    assert "todavía no están traducidas" in html
    StringTranslation.objects.create(
        translation_of=translation.source.stringsegment_set.get(
            string__data="The smoke reaches the school."
        ).string,
        locale=spanish_page.locale,
        context=translation.source.stringsegment_set.get(
            string__data="The smoke reaches the school."
        ).context,
        data="El humo llega a la escuela.",
    )
    publish_translation(translation)
    assert state_of(campaign_with_every_block, spanish_page.locale).state == COMPLETE


def test_the_seed_figures_and_steps_are_counted_and_translated(seeded_site):
    shotspotter = seed_page("cancel-shotspotter")
    translation = spanish_translation(shotspotter)
    strings = set(
        translation.source.stringsegment_set.values_list("string__data", flat=True)
    )

    assert (
        "A loud noise is detected and recorded by Shotspotter audio sensors." in strings
    )
    assert "$10 million" in strings
    total, done = translation.get_progress()
    assert done == total
