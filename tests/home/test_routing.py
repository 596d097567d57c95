"""Pages are found by their address in one query once each language's home page
is known, and exactly as Wagtail finds them when what was known changes."""

import pytest
from django.urls import resolve, reverse
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction

from tests.support.seed import seed_page, seed_path
from tests.support.text import visible_text
from tests.support.translations import spanish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def test_pages_in_both_languages_are_found_again_after_their_home_is_renamed(
    client, seeded_site
):
    assert client.get(seed_path(language="es")).status_code == 200
    home = spanish(Page.objects.get(depth=2, locale__language_code="en")).specific
    home.slug = "inicio-nuevo"
    home.save_revision().publish()

    assert client.get("/es/").status_code == 200
    assert client.get(seed_path(language="es")).status_code == 200
    assert client.get(seed_path()).status_code == 200


def test_a_page_taken_offline_is_not_found(client, seeded_site):
    assert client.get(seed_path()).status_code == 200
    seed_page().unpublish()

    assert client.get(seed_path()).status_code == 404
    assert client.get(seed_path() + "nothing-here/").status_code == 404


def test_an_unknown_address_is_not_found(client, seeded_site):
    client.get("/en/")

    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get("/es/campaigns/treatment-not-trauma/").status_code == 404


def test_wagtail_s_own_addresses_under_a_language_reach_their_views():
    url = reverse("wagtailcore_authenticate_with_password", args=[1, 2])

    assert resolve(url).func is wagtail_views.authenticate_with_password


@pytest.mark.parametrize("restricted", ["campaigns", "home"])
def test_a_restriction_in_either_language_still_covers_a_page_found_in_one_query(
    client, seeded_site, restricted
):
    spanish_campaign = seed_path(language="es")
    assert client.get(spanish_campaign).status_code == 200  # routes learnt
    section = Page.objects.get(
        depth=2 if restricted == "home" else 3,
        locale__language_code="en",
        **({} if restricted == "home" else {"url_path__endswith": "/campaigns/"}),
    )
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    for _ in range(2):
        response = client.get(spanish_campaign)
        assert b'name="password"' in response.content
        assert "Tratamiento" not in visible_text(response.content)
