"""Visitors search the pages of their own language."""

import pytest
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext

from tests.support.seed import seed_path
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="language stemming needs PostgreSQL's text-search configurations",
)


def results(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response


def test_search_has_a_url_in_each_language(client, seeded_site):
    english = client.get("/en/").content.decode()
    spanish = client.get("/es/").content.decode()

    assert 'action="/en/search/"' in english
    assert 'action="/es/buscar/"' in spanish


def test_english_search_finds_only_english_pages(client, seeded_site):
    html = results(client, "/en/search/", "ShotSpotter").content.decode()

    assert f'href="{seed_path("cancel-shotspotter")}"' in html
    assert 'href="/es/' not in html.split("<main")[1].split("</main>")[0]


def test_spanish_search_finds_only_spanish_pages(client, seeded_site):
    html = results(client, "/es/buscar/", "ShotSpotter").content.decode()
    main = html.split("<main")[1].split("</main>")[0]

    assert 'href="/es/campanas/cancelar-shotspotter/"' in main
    assert 'href="/en/' not in main


def test_results_show_title_summary_and_type(client, seeded_site):
    text = visible_text(results(client, "/en/search/", "ShotSpotter").content)

    assert "Cancel ShotSpotter" in text
    assert "Campaign page" in text
    assert "audio surveillance system" in text


def test_nothing_found_is_explained_in_the_visitors_language(client, seeded_site):
    html = results(client, "/es/buscar/", "zzzzqqq").content.decode()

    english = (
        "Try a shorter or different word, or browse our campaigns and policy "
        "positions from the menu."
    )
    with translation.override("es"):
        hint = gettext(english)
    assert hint != english
    assert hint in html


def test_query_is_reflected_safely(client, seeded_site):
    html = results(
        client, "/en/search/", '<script>alert("x")</script>'
    ).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_pagination_tolerates_nonsense_page_numbers(client, seeded_site):
    response = client.get("/en/search/", {"q": "justice", "page": "banana"})

    assert response.status_code == 200


@on_postgresql
def test_spanish_search_matches_other_forms_of_a_word(client, seeded_site):
    text = visible_text(results(client, "/es/buscar/", "campañas").content)

    assert "Liberen los fondos" in text or "Tratamiento, no trauma" in text


@on_postgresql
def test_english_search_matches_plurals(client, seeded_site):
    text = visible_text(results(client, "/en/search/", "immigrants").content)

    assert "Immigrant Justice" in text


@pytest.mark.parametrize("query", ['"mental', 'mental"health', "mental\x00", "\t"])
def test_odd_queries_get_a_page_not_an_error(client, seeded_site, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200


def test_switching_language_keeps_the_search_and_starts_at_its_first_page(
    client, seeded_site
):
    html = client.get("/en/search/", {"q": "health care", "page": "2"}).content.decode()

    assert 'href="/language/es/?next=%2Fes%2Fbuscar%2F%3Fq%3Dhealth%2Bcare"' in html, (
        "the Spanish switch should carry the query to /es/buscar/"
    )
    back = client.get("/es/buscar/", {"q": "salud"}).content.decode()
    assert "next=%2Fen%2Fsearch%2F%3Fq%3Dsalud" in back
