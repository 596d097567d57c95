"""Every page shared shows a 1200×630 picture in its own language: the page's own
photo, else a card the server draws from what the page says."""

import importlib
import io
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.models import Page, PageViewRestriction

from home.share_cards.cards import page_folders, palette
from home.share_cards.drawing import HEIGHT, WIDTH, Card, draw
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def meta(html, name):
    """The content of the page's meta tag with this property or name."""
    found = re.findall(rf'<meta (?:property|name)="{name}" content="([^"]*)">', html)
    assert len(found) == 1, (name, found)
    return unescape(found[0])


def shared_picture(client, page):
    """(the page's og:image address, the picture's response) as a preview tool
    sees them: fetch the page, follow og:image."""
    address = meta(client.get(page.url).content.decode(), "og:image")
    assert address.startswith("http://testserver/")
    return address, client.get(urlsplit(address).path)


def stored_cards(page):
    """The names of every card stored for the page."""
    return [
        name
        for folder in page_folders(page.pk)
        if default_storage.exists(folder)
        for name in (f"{folder}/{file}" for file in default_storage.listdir(folder)[1])
    ]


def stored_title(name):
    with default_storage.open(name, "rb") as handle:
        return Image.open(io.BytesIO(handle.read())).text["Title"]


def card(client, page):
    """The page's share card, opened as an image (with its text)."""
    _address, response = shared_picture(client, page)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def test_campaign_cards_are_drawn_in_the_page_language(client, seeded_site):
    english = seed_page()
    english_card = card(client, english)
    spanish_card = card(client, spanish(english))

    for image in (english_card, spanish_card):
        assert image.format == "PNG"
        assert image.size == (1200, 630)
    assert english_card.text["Title"] == "Treatment Not Trauma"
    assert english_card.text["Language"] == "en"
    assert spanish_card.text["Title"] == "Tratamiento, no trauma"
    assert spanish_card.text["Language"] == "es"
    spanish_lines = spanish_card.text["Description"].splitlines()
    assert "CAMPAÑA" in spanish_lines  # the kind of page
    assert "Activa" in spanish_lines  # the campaign's status
    assert "#TreatmentNotTrauma" in spanish_lines
    assert "Brighton Park Neighborhood Council" in spanish_lines
    english_lines = english_card.text["Description"].splitlines()
    assert {"CAMPAIGN", "Active"} <= set(english_lines)
    assert english_card.tobytes() != spanish_card.tobytes()

    english_card.save("/tmp/share_card_en.png")
    spanish_card.save("/tmp/share_card_es.png")


def test_sharing_tags_describe_the_card_in_the_page_language(client, seeded_site):
    page = spanish(seed_page())
    html = client.get(page.url).content.decode()

    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "630"
    assert meta(html, "og:image:type") == "image/png"
    assert meta(html, "twitter:image") == meta(html, "og:image")
    assert (
        meta(html, "og:image:alt")
        == "Tratamiento, no trauma – Brighton Park Neighborhood Council"
    )
    assert meta(html, "og:locale") == "es_US"
    assert meta(html, "og:locale:alternate") == "en_US"


def test_a_card_is_kept_a_year_and_drawn_once(client, seeded_site):
    page = seed_page()
    address, response = shared_picture(client, page)
    stored = stored_cards(page)

    assert set(response["Cache-Control"].split(", ")) == {
        "public",
        "max-age=31536000",
        "immutable",
        "s-maxage=0",  # a CDN keeps it no longer than the page (the default)
    }
    assert len(stored) == 1
    with default_storage.open(stored[0], "rb") as handle:
        assert handle.read() == response.content
    assert client.get(urlsplit(address).path).content == response.content


def test_publishing_a_new_title_gives_a_new_card(
    client, seeded_site, django_capture_on_commit_callbacks
):
    page = spanish(seed_page())
    old_address, _response = shared_picture(client, page)

    page.title = "Tratamiento, no traumas ni policías"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # Drawn as it was published, before anyone asked for it; the old one deleted.
    assert [stored_title(name) for name in stored_cards(page)] == [
        "Tratamiento, no traumas ni policías"
    ]
    new_address = meta(client.get(page.url).content.decode(), "og:image")

    assert new_address != old_address
    assert card(client, page).text["Title"] == "Tratamiento, no traumas ni policías"
    # The old address leads to the card as it is now.
    moved = client.get(urlsplit(old_address).path)
    assert moved.status_code == 302
    assert moved["Location"] == urlsplit(new_address).path


def test_a_restricted_page_has_no_card(client, seeded_site):
    page = seed_page()
    address, _response = shared_picture(client, page)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(urlsplit(address).path).status_code == 404
    # Restricted in English, its Spanish translation is private too.
    spanish_address = re.sub(r"/\d+-", f"/{spanish(page).pk}-", address)
    assert client.get(urlsplit(spanish_address).path).status_code == 404


def test_an_uploaded_picture_wins_over_the_card(client, seeded_site, photo):
    page = seed_page("city-budget")
    page.hero_image = photo
    page.hero_image_alt = "Neighbours marching on City Hall"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()

    address = meta(html, "og:image")
    assert re.fullmatch(
        r"http://testserver/media/images/rally(_\w+)?\.\w+\.fill-1200x630.*\.jpg",
        address,
    )
    assert meta(html, "og:image:type") == "image/jpeg"
    assert meta(html, "og:image:alt") == "Neighbours marching on City Hall"
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_policy_areas_get_a_card(client, seeded_site):
    english = seed_page(SAMPLE_POLICY_AREA)
    english_card = card(client, english)
    spanish_card = card(client, spanish(english))

    assert english_card.text["Title"] == "Community Safety & Violence Prevention"
    assert "OUR POSITION" in english_card.text["Description"].splitlines()
    assert spanish_card.text["Title"] == spanish(english).title != english.title
    assert "NUESTRA POSICIÓN" in spanish_card.text["Description"].splitlines()


def test_the_home_pages_get_a_card(client, seeded_site):
    home = seeded_site.root_page.specific
    english, spanish_home = card(client, home), card(client, spanish(home))

    assert "NUESTRAS CAMPAÑAS Y POSICIONES" in spanish_home.text["Description"]
    assert "OUR CAMPAIGNS AND POSITIONS" in english.text["Description"]


def test_long_spanish_titles_shrink_and_wrap_within_the_card():
    title = (
        "Justicia para inmigrantes: agenda legislativa de la Coalición de Illinois "
        "por los Derechos de Inmigrantes y Refugiados para la sesión de 2023, "
        "con licencias de conducir para personas indocumentadas que manejan"
    )
    short = Card(language="es", title="Presupuesto", organisation="BPNC")
    long = Card(language="es", title=title, organisation="BPNC")

    short_lines = _title_lines(short)
    long_lines = _title_lines(long)
    assert short_lines == ["Presupuesto"]
    assert 3 <= len(long_lines) <= 6
    assert long_lines[-1].endswith("…") or " ".join(long_lines) == title
    # Nothing is drawn beyond the margins: the edges keep the background.
    image = Image.open(io.BytesIO(draw(long, palette()))).convert("RGB")
    background = image.getpixel((0, 0))
    for x in (*range(0, 40), *range(WIDTH - 40, WIDTH)):
        for y in range(0, 500, 7):
            assert image.getpixel((x, y)) == background
    assert image.size == (WIDTH, HEIGHT)


def _title_lines(card):
    image = Image.open(io.BytesIO(draw(card, palette())))
    lines = image.text["Description"].splitlines()
    return lines[: len(lines) - 1]  # without the organisation's name


def test_a_stored_card_cannot_be_found_from_the_page(client, seeded_site):
    page = seed_page()
    address, _response = shared_picture(client, page)
    digest = re.search(rf"/{page.pk}-(\w+)\.png$", address).group(1)

    [name] = stored_cards(page)
    # Named by a keyed hash: neither the page's id nor the card's digest.
    assert re.fullmatch(r"share-cards/[0-9a-f]{32}/[0-9a-f]{32}\.png", name)
    assert digest not in name
    assert not default_storage.exists(f"share-cards/{page.pk}-{digest}.png")
    assert name not in client.get(page.url).content.decode()


def withdraw_by_restricting_the_page(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def withdraw_by_restricting_the_spanish_index(page):
    PageViewRestriction.objects.create(
        page=spanish(seed_page("campaigns")),
        restriction_type=PageViewRestriction.PASSWORD,
        password="s3cret",
    )


def withdraw_by_unpublishing(page):
    page.unpublish()


def withdraw_by_deleting(page):
    page.delete()


@pytest.mark.parametrize(
    "withdraw",
    [
        withdraw_by_restricting_the_page,
        withdraw_by_restricting_the_spanish_index,
        withdraw_by_unpublishing,
        withdraw_by_deleting,
    ],
)
def test_a_page_that_stops_being_public_keeps_no_card(
    client, seeded_site, django_capture_on_commit_callbacks, withdraw
):
    english = seed_page()
    spanish_page = spanish(english)
    card(client, english), card(client, spanish_page)
    ids = english.pk, spanish_page.pk
    assert stored_cards(english) and stored_cards(spanish_page)

    with django_capture_on_commit_callbacks(execute=True):
        withdraw(english)

    live = [pk for pk in ids if Page.objects.filter(pk=pk, live=True).exists()]
    withdrawn = [pk for pk in ids if pk not in live]
    restricted = "restricting" in withdraw.__name__
    # Privacy follows the page into its translation; a withdrawn English page
    # leaves its live Spanish translation its card.
    for pk in withdrawn + (live if restricted else []):
        assert stored_cards(Page(pk=pk)) == [], pk


def test_cards_stored_under_guessable_names_are_deleted_on_upgrade():
    migration = importlib.import_module(
        "home.migrations.0007_delete_guessable_share_cards"
    )
    default_storage.save("share-cards/12-0123456789abcdef.png", ContentFile(b"x"))
    kept = default_storage.save("share-cards/other.txt", ContentFile(b"x"))

    migration.delete_guessable_cards(None, None)

    assert not default_storage.exists("share-cards/12-0123456789abcdef.png")
    assert default_storage.exists(kept)
