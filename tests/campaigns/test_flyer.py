"""A campaign's printable flyer: one sheet per language, with its demands, its
contact, and a QR code to the sign-up form; cached and purged like the page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.flyers import qr_svg
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignPagePerson
from people.models import Person
from tests.support.factories import PersonFactory, publish_child
from tests.support.seed import seed_page, seed_path
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()
CAMPAIGN_ES = seed_path(language="es")
FLYERS = {
    "en": CAMPAIGN + "print/",
    "es": CAMPAIGN_ES + "imprimir/",
    "en-bilingual": CAMPAIGN + "print/bilingual/",
    "es-bilingual": CAMPAIGN_ES + "imprimir/bilingue/",
}
# Words of the flyer's own labels in English, which a Spanish sheet must not show.
ENGLISH_CHROME = ["Status", "Contact", "demands", "Scan", "QR code", "Flyer", "visit"]


def text(response):
    return response.content.decode()


def sheets(html):
    """[(lang, sheet's HTML)] of a flyer, in print order."""
    return re.findall(
        r'<article class="flyer-sheet" lang="(\w+)">(.*?)</article>', html, re.S
    )


def test_the_english_flyer_has_the_campaign_its_demands_contact_and_qr_code(
    client, campaign
):
    response = client.get(FLYERS["en"])
    html = text(response)
    signup_url = campaign.get_full_url() + "#signup"

    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert f"<title>Flyer: {campaign.title}</title>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Brighton Park Neighborhood Council" in html
    assert "Status: <strong>Active</strong>" in html
    for demand in campaign.structured_list()[1]:
        assert f"☐</span> {demand}</li>" in html.replace("&#x27;", "'")
    assert "<strong>Any Huamani</strong>" in html
    assert qr_svg(signup_url) in html
    assert f'<p class="flyer-qr__url">{campaign.get_full_url()}</p>' in html
    assert 'class="site-header' not in html and "<footer" not in html


def test_the_spanish_flyer_is_spanish_throughout(client, campaign_es):
    response = client.get(FLYERS["es"])
    html = text(response)
    signup_url = campaign_es.get_full_url() + "#signup"

    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert f"<title>Volante: {campaign_es.title}</title>" in html
    assert "Estado: <strong>Activa</strong>" in html
    assert "<h2>Nuestras demandas</h2>" in html
    assert "Reabrir nuestras clínicas públicas de salud mental" in html
    assert "<h2>Contacto</h2>" in html
    assert 'aria-label="Código QR que abre el formulario de inscripción"' in html
    assert "Escanee el código para inscribirse en esta campaña" in html
    assert qr_svg(signup_url) in html
    assert f'<p class="flyer-qr__url">{campaign_es.get_full_url()}</p>' in html
    assert "#signup" not in html.replace(signup_url, "")
    assert [word for word in ENGLISH_CHROME if re.search(rf"\b{word}\b", html)] == []


def test_each_language_answers_its_own_word_and_sends_the_other_there(client, campaign):
    wrong_words = {
        CAMPAIGN + "imprimir/": FLYERS["en"],
        CAMPAIGN + "imprimir/bilingue/": FLYERS["en-bilingual"],
        CAMPAIGN_ES + "print/": FLYERS["es"],
        CAMPAIGN_ES + "imprimir/bilingual/": FLYERS["es-bilingual"],
    }
    for asked, right in wrong_words.items():
        response = client.get(asked)
        assert (response.status_code, response["Location"]) == (302, right)
    assert client.get(CAMPAIGN + "printer/").status_code == 404
    assert client.get(CAMPAIGN + "print/trilingual/").status_code == 404


def test_the_bilingual_flyer_prints_both_languages_its_own_first(client, campaign):
    english = sheets(text(client.get(FLYERS["en-bilingual"])))
    spanish_first = sheets(text(client.get(FLYERS["es-bilingual"])))

    assert [lang for lang, _ in english] == ["en", "es"]
    assert [lang for lang, _ in spanish_first] == ["es", "en"]
    assert "Status:" in english[0][1] and "Estado:" in english[1][1]
    assert campaign.title in english[0][1]
    assert spanish(campaign).title in english[1][1]
    assert qr_svg(spanish(campaign).get_full_url() + "#signup") in english[1][1]
    assert english == spanish_first[::-1]


def test_the_campaign_page_links_to_its_flyers_in_its_language(client, campaign):
    english, spanish_page = text(client.get(CAMPAIGN)), text(client.get(CAMPAIGN_ES))

    assert f'<a href="{FLYERS["en"]}" rel="nofollow">Print a flyer</a>' in english
    assert (
        f'href="{FLYERS["en-bilingual"]}" rel="nofollow">Print a bilingual' in english
    )
    assert f'<a href="{FLYERS["es"]}" rel="nofollow">Imprimir un volante</a>' in (
        spanish_page
    )
    assert (
        f'href="{FLYERS["es-bilingual"]}" rel="nofollow">Imprimir un volante bil'
        in (spanish_page)
    )


def test_without_sign_ups_the_qr_code_leads_to_the_page(client, campaign):
    campaign.signup_enabled = False
    campaign.save_revision().publish()

    html = text(client.get(FLYERS["en"]))

    assert qr_svg(campaign.get_full_url()) in html
    assert "#signup" not in html
    assert "Scan the code to learn more about this campaign" in html


def campaign_with(index, slug, demands, contacts):
    return publish_child(
        index,
        CampaignPage(
            title=slug.title(),
            slug=slug,
            demands=[
                {"type": "demand", "value": {"demand": f"Demand {n}", "kind": "stop"}}
                for n in range(demands)
            ],
            people=[
                CampaignPagePerson(
                    person=PersonFactory(email=f"p{n}@example.org", phone=""),
                    role="contact",
                )
                for n in range(contacts)
            ],
        ),
    )


def test_a_long_list_of_demands_is_cut_to_fit_one_sheet_and_says_so(client, home):
    index = publish_child(home, CampaignIndexPage(title="Campaigns", slug="campaigns"))
    campaign_with(index, "long", demands=11, contacts=1)

    html = text(client.get("/en/campaigns/long/print/"))

    assert html.count("☐") == 6
    assert "Demand 5" in html and "Demand 6" not in html
    assert "And 5 more demands on our website." in html
    assert "p0@example.org" in html
    assert "tel:" not in html and "<br>\n" not in html.split("p0@example.org")[1][:40]


def test_an_untranslated_campaign_sends_its_bilingual_flyer_to_the_single_one(
    client, home
):
    index = publish_child(home, CampaignIndexPage(title="Campaigns", slug="campaigns"))
    campaign_with(index, "new", demands=1, contacts=0)

    response = client.get("/en/campaigns/new/print/bilingual/")

    assert (response.status_code, response["Location"]) == (
        302,
        "/en/campaigns/new/print/",
    )
    assert "<h2>Contact</h2>" not in text(client.get("/en/campaigns/new/print/"))


@pytest.mark.usefixtures("uncached_pages")
def test_a_flyer_costs_the_same_queries_with_1_or_20_demands_and_contacts(client, home):
    index = publish_child(home, CampaignIndexPage(title="Campaigns", slug="campaigns"))
    campaign_with(index, "small", demands=1, contacts=1)
    campaign_with(index, "large", demands=20, contacts=20)

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries("/en/campaigns/large/print/") == queries(
        "/en/campaigns/small/print/"
    )


# The cache


@pytest.fixture
def warm_flyers(client, campaign):
    """The four flyers stored; returns which of them were purged since."""
    for url in FLYERS.values():
        client.get(url)
    assert {client.get(url)["X-Page-Cache"] for url in FLYERS.values()} == {"hit"}

    def purged():
        return {
            name
            for name, url in FLYERS.items()
            if client.get(url)["X-Page-Cache"] != "hit"
        }

    return purged


def test_publishing_the_campaign_purges_its_flyers_in_both_languages(
    warm_flyers, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()

    assert warm_flyers() == set(FLYERS)


def test_publishing_the_spanish_translation_purges_the_english_bilingual_flyer(
    warm_flyers, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        spanish_translation(campaign).save_target(publish=True)

    assert warm_flyers() == set(FLYERS)


def test_publishing_the_contact_person_purges_the_flyers_that_show_them(
    warm_flyers, client, campaign, django_capture_on_commit_callbacks
):
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    person.phone = "773-555-0100"
    with django_capture_on_commit_callbacks(execute=True):
        person.save_revision().publish()

    assert {"en", "en-bilingual", "es-bilingual"} <= warm_flyers()
    assert "773-555-0100" in text(client.get(FLYERS["en"]))


def test_another_campaigns_publication_leaves_the_flyers_stored(
    warm_flyers, django_capture_on_commit_callbacks
):
    other = seed_page("free-the-funds")
    with django_capture_on_commit_callbacks(execute=True):
        other.save_revision().publish()

    assert warm_flyers() == set()


def icon_href(html):
    match = re.search(r'<link rel="icon" href="([^"]+)"', html)
    return match and match.group(1)


@pytest.mark.parametrize("flyer", FLYERS)
def test_each_flyer_declares_the_sites_icon_so_browsers_ask_no_missing_favicon(
    client, campaign, campaign_es, flyer
):
    href = icon_href(text(client.get(FLYERS[flyer])))

    assert href
    assert client.get(href).status_code == 200
