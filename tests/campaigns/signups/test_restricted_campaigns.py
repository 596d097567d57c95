"""Restricted campaigns take no sign-ups: those allowed in read the campaign
without a form that could only fail, in either language, and a sign-up posted to
one is refused with a message saying nothing was saved."""

import pytest
from wagtail.models import PageViewRestriction

from campaigns.models import Signup
from tests.campaigns.signups.neighbour import in_language, post, signup_url
from tests.support.seed import seed_path
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

CLOSED = "This campaign is not taking sign-ups"
FLYER_WORD = {"en": "print/", "es": "imprimir/"}


@pytest.fixture
def allowed_in(client, django_user_model):
    """A neighbour signed in, as a login restriction asks."""
    client.force_login(django_user_model.objects.create_user("vecina", "", "pw"))
    return client


def page_in(campaign, language):
    return campaign if language == "en" else spanish(campaign)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_restricted_campaign_shows_those_allowed_in_no_sign_up_form(
    client, django_user_model, campaign, language, django_capture_on_commit_callbacks
):
    page = page_in(campaign, language)
    # Seen (and stored) while public, with its form.
    assert signup_url(page) in client.get(page.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=campaign, restriction_type=PageViewRestriction.LOGIN
        )
    client.force_login(django_user_model.objects.create_user("vecina", "", "pw"))

    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert page.title in html
    assert signup_url(page) not in html
    assert 'id="signup"' not in html
    # Its flyer's QR code leads to the page, not to a form it does not show.
    flyer = client.get(seed_path(language=language) + FLYER_WORD[language])
    assert flyer.status_code == 200
    assert "#signup" not in flyer.content.decode()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_sign_up_posted_to_a_restricted_campaign_is_refused_saying_so(
    allowed_in, campaign, language
):
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )
    page = page_in(campaign, language)

    response = post(allowed_in, page)

    assert response.status_code == 404
    html = response.content.decode()
    assert in_language(language, CLOSED) in html
    if language == "es":
        assert CLOSED not in html
    assert not Signup.objects.exists()
