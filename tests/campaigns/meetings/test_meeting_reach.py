"""Passing a meeting on: its share card shows when and where large, and its
printable flyer carries a QR code to the RSVP form in the page's language."""

import io
import re

import pytest
from PIL import Image

from campaigns.flyers import qr_svg
from campaigns.meetings import calendar
from home.share_cards.cards import card_path, current_card
from tests.support.english import english_pieces

pytestmark = pytest.mark.django_db

KEPT = ["Brighton Park", "Archer Ave", "Chicago", "IL"]


def drawn(client, page):
    response = client.get(card_path(page.pk, current_card(page)))
    assert response.status_code == 200
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def test_the_share_card_draws_date_time_and_place_in_each_language(
    client, meeting, meeting_es
):
    english = drawn(client, meeting).text["Description"].splitlines()
    spanish = drawn(client, meeting_es).text["Description"].splitlines()
    date_en, times_en = calendar.when_lines(meeting.start, meeting.end)

    assert {"MEETING", "Budget night", date_en, times_en} <= set(english)
    assert "Brighton Park library, 4314 S Archer Ave, Chicago, IL 60632" in english
    assert "6:00 p.m. – 8:00 p.m." in english
    assert "REUNIÓN" in spanish
    assert "6:00 p. m. – 8:00 p. m." in spanish
    assert any(line.startswith("martes ") and "de marzo de" in line for line in spanish)
    assert (
        "Biblioteca de Brighton Park, 4314 S Archer Ave, Chicago, IL 60632" in spanish
    )


def test_the_spanish_flyer_leads_to_the_spanish_rsvp_and_shows_no_english(
    client, rsvp_meeting
):
    _meeting, meeting_es = rsvp_meeting
    response = client.get(meeting_es.url + "imprimir/")
    html = response.content.decode()
    rsvp_url = meeting_es.get_full_url() + "#signup"

    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "<title>Volante: Noche del presupuesto</title>" in html
    date, times = calendar.when_lines(meeting_es.start, meeting_es.end)
    assert f"{date}<br>{times}" in html
    assert "Biblioteca de Brighton Park" in html
    assert qr_svg(rsvp_url) in html
    assert "Escanee el código para avisarnos que viene" in html
    assert english_pieces(html, KEPT) == []


def test_the_english_flyer_without_rsvps_leads_to_the_page(client, meeting):
    html = client.get(meeting.url + "print/").content.decode()
    assert qr_svg(meeting.get_full_url()) in html
    assert "Scan the code for the details" in html
    assert "Print a flyer" in client.get(meeting.url).content.decode()


def test_the_other_languages_flyer_word_redirects(client, meeting, meeting_es):
    response = client.get(meeting_es.url + "print/")
    assert response.status_code == 302
    assert response["Location"].endswith(meeting_es.url + "imprimir/")
    assert client.get(meeting.url + "imprimir/")["Location"].endswith("print/")


def test_a_cancelled_meetings_flyer_says_so(client, meeting):
    meeting.status = meeting.Status.CANCELLED
    meeting.status_note = "Cancelled because of the storm."
    meeting.save_revision().publish()
    html = client.get(meeting.url + "print/").content.decode()
    assert "This meeting is cancelled." in html
    assert re.search(r"<del>[^<]+<br>[^<]+</del>", html)


@pytest.mark.parametrize("word", ["print/", "imprimir/"])
def test_each_meeting_flyer_declares_the_sites_icon(client, meeting, meeting_es, word):
    page = meeting if word == "print/" else meeting_es
    html = client.get(page.url + word).content.decode()
    href = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)

    assert client.get(href).status_code == 200
