"""Error pages: in the visitor's language, even when the database is away."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from bpnc_site.http.errors import server_error

pytestmark = pytest.mark.django_db


def test_not_found_is_in_the_visitors_language_with_the_site_chrome(
    client, seeded_site
):
    response = client.get("/es/no-existe/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es">' in html
    with translation.override("es"):
        assert translation.gettext("Page not found") in html
    assert 'href="/es/campanas/"' in html  # the Spanish menu
    assert 'href="/es/"' in html


@pytest.mark.parametrize("path", ["/fr/campaigns/", "/de/", "/pt-br/"])
def test_unknown_language_prefix_is_not_found(client, seeded_site, path):
    assert client.get(path).status_code == 404


def test_server_error_page_speaks_the_visitors_language_without_the_database():
    request = RequestFactory().get("/es/")
    with translation.override("es"):
        response = server_error(request)
        expected = translation.gettext("Something went wrong")

    assert response.status_code == 500
    assert expected != "Something went wrong"
    assert expected in response.content.decode()
    assert 'lang="es"' in response.content.decode()
