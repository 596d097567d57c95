"""A page made private in English is private in Spanish too, and private pages and
documents are nowhere a visitor can reach them."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.documents.models import Document
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
)
from wagtail.rich_text import expand_db_html

from bpnc_site.http.media import serve_media
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page, seed_path
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def restrict(page, kind=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=kind, **fields
    )


def test_a_login_restriction_in_english_covers_the_spanish_page(client, campaign):
    spanish_campaign = spanish(campaign)
    link = f'href="{spanish_campaign.url}"'
    restrict(campaign)

    page = client.get(spanish_campaign.url)
    assert page.status_code == 302
    assert "/login/" in page["Location"]
    for listing in (
        seed_path("campaigns", "es"),
        "/es/",
        seed_path(SAMPLE_POLICY_AREA, "es"),
    ):
        assert link not in client.get(listing).content.decode(), listing
    assert spanish_campaign.full_url not in client.get("/sitemap.xml").content.decode()
    signup = client.post(f"/es/inscripcion/{spanish_campaign.pk}/", SIGNUP_FORM)
    assert signup.status_code == 404


def test_a_password_on_the_english_index_covers_the_spanish_campaigns(client, campaign):
    restrict(seed_page("campaigns"), PageViewRestriction.PASSWORD, password="s3cret")

    html = client.get(spanish(campaign).url).content.decode()

    assert spanish(campaign).title not in html
    assert 'name="password"' in html


def test_the_english_page_of_a_restricted_spanish_page_is_private_too(client, campaign):
    restrict(spanish(campaign))

    assert client.get(campaign.url).status_code == 302
    listing = client.get(seed_path("campaigns")).content.decode()
    assert f'href="{campaign.url}"' not in listing


def test_spanish_search_leaves_out_pages_private_in_english(client, campaign):
    restrict(campaign)
    title = spanish(campaign).title

    html = client.get("/es/buscar/", {"q": title.split()[0]}).content.decode()

    assert f"{spanish(campaign).url}" not in html


@pytest.fixture
def private_document(locales):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    restriction.groups.set(Group.objects.none())
    return Document.objects.create(
        title="Budget notes",
        collection=collection,
        file=ContentFile(b"%PDF-1.4 private", name="budget-notes.pdf"),
    )


def test_private_documents_are_served_only_through_their_checked_view(
    client, private_document
):
    response = client.get(private_document.url)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    with pytest.raises(Http404):
        serve_media(RequestFactory().get("/"), private_document.file.name)


def test_the_footer_never_links_a_private_privacy_notice(
    client, seeded_site, django_capture_on_commit_callbacks
):
    notice = seed_page("privacy")
    assert f'href="{spanish(notice).url}"' in client.get("/es/").content.decode()
    # Moved below another page, so it is not found among the home's children.
    with django_capture_on_commit_callbacks(execute=True):
        notice.move(seed_page("about"), pos="last-child")
        restrict(spanish(seed_page("privacy")))

    for home, page in [("/en/", seed_page("privacy")), ("/es/", spanish(notice))]:
        page.refresh_from_db()
        assert f'href="{page.url}"' not in client.get(home).content.decode(), home


def test_rich_text_never_links_a_page_the_visitor_may_not_open(client, campaign):
    link = f'<p>Read <a linktype="page" id="{campaign.pk}">the campaign</a>.</p>'
    with translation.override("en"):
        assert f'<a href="{campaign.url}">the campaign</a>' in expand_db_html(link)
    with translation.override("es"):
        assert f'<a href="{spanish(campaign).url}">' in expand_db_html(link)

    restrict(spanish(campaign))

    for language in ("en", "es"):
        with translation.override(language):
            html = expand_db_html(link)
        assert html == "<p>Read <a>the campaign</a>.</p>", language
