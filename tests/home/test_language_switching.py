"""Visitors move between languages and land on the same page."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db

UNTRANSLATED_NOTICE = (
    "The page you were reading is not available in this language yet, "
    "so here is the nearest page that is."
)


def twin(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


def test_switcher_and_hreflang_of_every_page_point_at_its_twin(client, seeded_site):
    for page in Page.objects.live().filter(depth__gt=1):
        other = "es" if page.locale.language_code == "en" else "en"
        other_page = twin(page, other)
        html = client.get(page.url).content.decode()

        assert (
            f'<link rel="alternate" hreflang="{other}" href="http://testserver{other_page.url}">'
            in html
        )
        assert f'<link rel="canonical" href="http://testserver{page.url}">' in html
        english = twin(page, "en")
        assert f'hreflang="x-default" href="http://testserver{english.url}"' in html
        switch = re.search(rf'<a href="(/language/{other}/\?next=[^"]+)"', html)
        assert switch, page.url
        response = client.get(switch.group(1).replace("&amp;", "&"))
        assert response.status_code == 302
        assert response["Location"] == other_page.url
        assert response.cookies["django_language"].value == other


def test_chosen_language_is_remembered_at_the_root(client, seeded_site):
    client.get("/language/es/?next=/es/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response["Location"] == "/es/"


def test_switch_refuses_to_redirect_to_another_site(client, seeded_site):
    response = client.get("/language/es/?next=https://evil.example/")

    assert response["Location"] == "/es/"


def test_unknown_language_is_not_found(client, seeded_site):
    response = client.get("/language/fr/?next=/fr/", follow=True)

    assert response.status_code == 404
    assert "django_language" not in response.cookies


def test_untranslated_page_lands_on_nearest_translated_ancestor_with_notice(
    client, seeded_site
):
    index = CampaignPage.objects.get(slug="city-budget").get_parent()
    page = CampaignPage(title="Safe Routes", slug="safe-routes")
    index.add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    link = re.search(r'<a href="(/language/es/\?next=[^"]+)"', html).group(1)
    landing = client.get(link.replace("&amp;", "&"), follow=True)

    spanish_index = twin(index, "es")
    assert landing.request["PATH_INFO"] == spanish_index.url
    with translation.override("es"):
        notice = gettext(UNTRANSLATED_NOTICE)
    assert notice != UNTRANSLATED_NOTICE
    assert notice in landing.content.decode()
    assert 'hreflang="es"' not in html.split("</head>")[0]


def test_switcher_links_tell_crawlers_not_to_follow_them(client, seeded_site):
    for page in [
        Page.objects.live().filter(depth=2).first(),
        CampaignPage.objects.live().first(),
    ]:
        links = re.findall(
            r'<a href="/language/[^"]*"[^>]*>', client.get(page.url).content.decode()
        )

        assert links, page.url
        assert all('rel="nofollow"' in link for link in links), links
