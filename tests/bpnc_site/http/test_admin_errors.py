"""What staff can do by hand in the admin answers a clear 4xx, in their admin
language, never a server error: wagtail-localize's snippet API opened in a
browser, an id that does not exist, a page form posted half-sent."""

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from people.models import Person
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
API = "/admin/localize/api/snippets/"
INCOMPLETE = (
    "Part of the form did not reach the site, so nothing was saved. Go back, "
    "reload the page and make your changes again."
)


def in_spanish(message):
    with translation.override("es"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


@pytest.fixture
def signed_in(client):
    def sign_in(user, language="en"):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        client.raise_request_exception = False
        return client

    return sign_in


@pytest.mark.parametrize("role", ["comms", "translator", "moderator"])
def test_the_snippet_api_opened_in_a_browser_answers_json(
    request, seeded_site, signed_in, role
):
    # The seeded site first: built once per module, outside the test's transaction.
    client = signed_in(request.getfixturevalue(role))
    person = Person.objects.first()

    listing = client.get(f"{API}people/person/", HTTP_ACCEPT=BROWSER)
    detail = client.get(f"{API}people/person/{person.pk}/", HTTP_ACCEPT=BROWSER)

    assert listing.status_code == 200
    assert listing["Content-Type"] == "application/json"
    assert detail.status_code == 200
    assert detail.json()["title"] == str(person)


@pytest.mark.parametrize(
    "path",
    ["people/person/999999/", "people/person/abc/", "nope/nope/", "auth/user/"],
)
def test_the_snippet_api_answers_404_for_what_is_not_there(comms, signed_in, path):
    client = signed_in(comms)

    response = client.get(f"{API}{path}", HTTP_ACCEPT=BROWSER)

    assert response.status_code == 404


def test_the_snippet_api_answers_406_to_a_client_that_takes_only_html(comms, signed_in):
    client = signed_in(comms)

    response = client.get(f"{API}people/person/", HTTP_ACCEPT="text/html")

    assert response.status_code == 406


def test_an_admin_address_that_finds_nothing_is_a_404_in_the_admin(comms, signed_in):
    client = signed_in(comms)

    for path in ["/admin/snippets/people/person/edit/999999/", "/admin/nothing/"]:
        response = client.get(path)

        assert response.status_code == 404, path


@pytest.mark.parametrize(
    "data", [{}, {"title": "Changed"}], ids=["csrf token only", "title only"]
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_half_sent_page_form_is_a_400_that_saves_nothing(
    comms, signed_in, data, language
):
    client = signed_in(comms, language)
    page = seed_page()
    revisions = page.revisions.count()

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 400
    message = INCOMPLETE if language == "en" else in_spanish(INCOMPLETE)
    assert message in response.content.decode()
    page.refresh_from_db()
    assert page.revisions.count() == revisions
    assert page.title != "Changed"
    assert not page.has_unpublished_changes


def test_a_half_sent_new_page_is_a_400_too(comms, signed_in):
    client = signed_in(comms)
    index = seed_page().get_parent()
    pages = Page.objects.count()

    response = client.post(
        f"/admin/pages/add/campaigns/campaignpage/{index.pk}/", {"title": "New"}
    )

    assert response.status_code == 400
    assert Page.objects.count() == pages


def test_the_public_site_still_adds_the_language_prefix(client, seeded_site):
    assert client.get("/campaigns/").status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/admin/images/chooser/chosen/abc/",
        "/admin/documents/chooser/chosen/abc/",
        "/admin/snippets/choose/people/person/chosen/abc/",
        "/admin/snippets/choose/policy/bill/chosen/999999/",
    ],
)
@pytest.mark.parametrize("role", ["comms", "translator"])
def test_a_chooser_given_an_id_that_is_not_there_answers_404(
    request, seeded_site, signed_in, role, path
):
    client = signed_in(request.getfixturevalue(role))

    assert client.get(path, HTTP_ACCEPT=BROWSER).status_code == 404
