"""Language prefixes and the root redirect."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_english_by_default(client, home):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_a_spanish_browser_to_spanish(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")

    assert response["Location"] == "/es/"


def test_language_cookie_wins_over_the_browser(client, home, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")

    assert response["Location"] == "/en/"


def test_every_page_offers_the_other_language(client, home):
    html = client.get("/en/").content.decode()

    assert 'hreflang="es"' in html
    assert ">Español<" in html
