"""Neighbours sign up to a campaign in either language, safely, and nothing is lost."""

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from campaigns.models import Signup
from tests.campaigns.signups.neighbour import post, signup_url
from tests.support.factories import SIGNUP_FORM

pytestmark = pytest.mark.django_db

VALID = SIGNUP_FORM


def test_sign_ups_in_both_languages_land_in_one_campaign_list(
    client, campaign, campaign_es
):
    spanish = post(client, campaign_es, VALID)
    english = post(
        client, campaign, {**VALID, "email": "bo@example.org", "language": "en"}
    )

    assert spanish.status_code == english.status_code == 302
    assert spanish["Location"] == f"{campaign_es.url}?signed-up=1#signup"
    rows = Signup.objects.filter(campaign=campaign).order_by("email")
    assert [(s.email, s.signed_up_in, s.language) for s in rows] == [
        ("ana@example.org", "es", "es"),
        ("bo@example.org", "en", "en"),
    ]
    assert rows[0].name == "Ana Pérez" and rows[0].zip_code == "60632"


def test_thank_you_is_in_the_page_language(client, campaign_es):
    html = client.get(f"{campaign_es.url}?signed-up=1").content.decode()

    with translation.override("es"):
        thanks = gettext("Thank you! Your submission has been received!")
    assert thanks != "Thank you! Your submission has been received!"
    assert thanks in html


def test_invalid_sign_up_keeps_what_was_typed_and_explains_in_spanish(
    client, campaign_es
):
    response = post(client, campaign_es, {"name": "Ana Pérez", "email": "not-an-email"})

    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Ana Pérez"' in html
    assert 'value="not-an-email"' in html
    assert 'aria-invalid="true"' in html
    with translation.override("es"):
        for message in [
            "Please enter a valid email, like name@example.com.",
            "Please agree to be contacted so we can keep you informed.",
            "Oops! Something went wrong while submitting the form.",
        ]:
            assert gettext(message) != message
            assert gettext(message) in html
    assert not Signup.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("zip_code", "6063"), ("phone", "call me"), ("name", "Ana\x00")],
)
def test_bad_optional_fields_are_refused(client, campaign, field, value):
    response = post(client, campaign, {**VALID, field: value})

    assert response.status_code == 400
    assert not Signup.objects.exists()


def test_honeypot_submissions_are_thanked_but_not_stored(client, campaign):
    response = post(client, campaign, {**VALID, "website": "http://spam.example"})

    assert response.status_code == 302
    assert not Signup.objects.exists()


def test_cross_site_posts_are_refused(client, campaign):
    response = client.post(
        signup_url(campaign), VALID, HTTP_ORIGIN="https://evil.example"
    )

    assert response.status_code == 403
    assert not Signup.objects.exists()


def test_a_post_from_the_same_host_on_another_scheme_is_refused(client, campaign):
    response = client.post(
        signup_url(campaign), VALID, HTTP_ORIGIN="https://testserver"
    )

    assert response.status_code == 403
    assert not Signup.objects.exists()


def test_first_time_visitor_without_csrf_cookie_can_sign_up(campaign):
    """The page may come from a cache, so the form carries no per-visitor token."""
    browser = Client(enforce_csrf_checks=True)
    html = browser.get(campaign.url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in browser.cookies

    response = post(browser, campaign, VALID)

    assert response.status_code == 302
    assert Signup.objects.count() == 1


def test_too_many_posts_get_a_friendly_429_and_keep_the_input(
    client, campaign_es, settings
):
    settings.SIGNUP_RATE_LIMIT = "2/m"
    post(client, campaign_es, {**VALID, "email": "a@example.org"})
    post(client, campaign_es, {**VALID, "email": "b@example.org"})

    response = post(client, campaign_es, {**VALID, "email": "c@example.org"})

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert 'value="c@example.org"' in response.content.decode()
    assert Signup.objects.count() == 2
    assert 'role="alert"' in response.content.decode()


def test_the_sign_up_limit_is_shared_by_every_worker(client, campaign_es, settings):
    """Each worker keeps its own local memory: the count must live elsewhere."""
    settings.SIGNUP_RATE_LIMIT = "2/m"
    post(client, campaign_es, {**VALID, "email": "a@example.org"})
    post(client, campaign_es, {**VALID, "email": "b@example.org"})
    caches["default"].clear()  # as a second worker would see it

    response = post(client, campaign_es, {**VALID, "email": "c@example.org"})

    assert response.status_code == 429


def test_sign_up_is_only_offered_where_it_is_on(client, campaign):
    campaign.signup_enabled = False
    campaign.save_revision().publish()

    assert 'id="signup"' not in client.get(campaign.url).content.decode()
    assert post(client, campaign, VALID).status_code == 404


def test_opening_the_sign_up_address_leads_to_the_campaign_in_its_language(
    client, campaign, campaign_es
):
    for page in (campaign, campaign_es):
        response = client.get(signup_url(page))

        assert response.status_code == 302
        assert response["Location"] == f"{page.url}#signup"
    assert client.put(signup_url(campaign)).status_code == 405


def test_restricted_campaign_takes_no_sign_ups_and_shows_nothing(client, campaign):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.post(signup_url(campaign), {})

    assert response.status_code == 404
    assert not Signup.objects.exists()


def test_language_choice_offers_only_real_languages(client, campaign_es):
    html = client.get(campaign_es.url).content.decode()

    assert "---------" not in html
    assert 'name="language" value="es"' in html and "checked" in html


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, campaign, settings):
    settings.SIGNUP_RATE_LIMIT = "1/m"
    settings.TRUSTED_PROXY_COUNT = 1

    def post_from(address, email, claimed="203.0.113.9"):
        return post(
            client,
            campaign,
            {**VALID, "email": email},
            HTTP_X_FORWARDED_FOR=f"{claimed}, {address}",
            REMOTE_ADDR="10.0.0.2",
        )

    first = post_from("198.51.100.1", "a@example.org")
    again = post_from("198.51.100.1", "b@example.org", claimed="203.0.113.77")
    neighbour = post_from("198.51.100.2", "c@example.org")

    assert first.status_code == 302
    assert again.status_code == 429  # a made-up address in front changes nothing
    assert neighbour.status_code == 302


def test_sign_ups_are_taken_while_the_cache_server_is_down(client, campaign, settings):
    redis_down = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
    settings.CACHES = {"default": redis_down, "ratelimit": redis_down}
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = True

    response = post(client, campaign, VALID)

    assert response.status_code == 302
    assert Signup.objects.filter(email=VALID["email"]).exists()
