"""Guessing a password (or a code) is stopped after a few tries, on every form
that takes one: per account and address, per address, per account."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.sign_in.second_factor import issue_recovery_codes, unused_recovery_codes
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-horse"


@pytest.fixture
def editor(django_user_model, locales):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.org", PASSWORD
    )


def sign_in(client, password, username="editor", **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        **headers,
    )


def is_signed_in(client):
    return client.get(reverse("wagtailadmin_home")).status_code == 200


def test_the_right_password_works_first_time(client, editor):
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_few_mistakes_do_not_lock_anyone_out(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again

    assert sign_in(client, PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(
    client, editor, settings
):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(5):
        sign_in(client, "wrong")

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in paused" in html
    assert "30 minutes" in html
    assert not is_signed_in(client)


def test_lockout_page_is_in_the_admins_language(client, editor):
    for _ in range(5):
        sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE="es")

    response = sign_in(client, PASSWORD, HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 429
    with translation.override("es"):
        paused = translation.gettext("Sign-in paused")
    assert paused != "Sign-in paused"
    assert paused in response.content.decode()


def test_lockout_does_not_reach_colleagues_or_other_addresses(
    client, editor, django_user_model
):
    django_user_model.objects.create_superuser("comms", "c@example.org", "comms-pass")
    for _ in range(5):
        sign_in(client, "wrong")

    assert sign_in(Client(), "comms-pass", username="comms").status_code == 302
    elsewhere = Client(REMOTE_ADDR="203.0.113.7")
    assert sign_in(elsewhere, PASSWORD).status_code == 302


def test_sign_in_works_again_after_the_cool_off(client, editor):
    for _ in range(5):
        sign_in(client, "wrong")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=31)
    )

    assert sign_in(client, PASSWORD).status_code == 302


def test_behind_a_proxy_a_guesser_cannot_lock_out_editors_elsewhere(
    client, editor, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(5):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR="198.51.100.66", **proxy)

    editor_at_office = Client()
    response = sign_in(
        editor_at_office, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
    )

    assert response.status_code == 302
    assert (
        sign_in(
            Client(), PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.66", **proxy
        ).status_code
        == 429
    )


def test_one_address_trying_many_usernames_is_paused(client, editor, settings):
    settings.SIGN_IN_RATE_LIMIT = "5/30m"
    for number in range(5):
        assert sign_in(client, "guess", username=f"user{number}").status_code == 200

    response = sign_in(client, PASSWORD)

    assert response.status_code == 429
    assert int(response["Retry-After"]) == 30 * 60
    assert not is_signed_in(client)


def test_password_reset_requests_are_throttled_per_address(client, editor, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = "3/h"
    url = reverse("wagtailadmin_password_reset")
    for number in range(3):
        response = client.post(url, {"email": f"someone{number}@example.org"})
        assert response.status_code == 302

    with translation.override("es"):
        response = client.post(
            url, {"email": "editor@example.org"}, HTTP_ACCEPT_LANGUAGE="es"
        )

    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "Espere 60 minutos" in visible_text(response.content)


# Every form that takes a password shares one allowance per address.

PASSWORD_FORMS = {
    "admin sign-in": lambda: reverse("wagtailadmin_login"),
    "sign-in for private pages, English": lambda: "/en/_util/login/",
    "sign-in for private pages, Spanish": lambda: "/es/_util/login/",
}


@pytest.mark.parametrize("form", PASSWORD_FORMS)
def test_a_password_spray_is_paused_on_every_sign_in_form(
    client, editor, settings, form
):
    settings.SIGN_IN_RATE_LIMIT = "5/30m"
    url = PASSWORD_FORMS[form]()
    for number in range(5):
        response = client.post(url, {"username": f"user{number}", "password": "x"})
        assert response.status_code == 200

    refused = client.post(url, {"username": "editor", "password": PASSWORD})

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 30 * 60
    assert not is_signed_in(client)


def test_the_admins_refusal_holds_on_wagtails_own_sign_in_form(
    client, editor, settings
):
    settings.SIGN_IN_RATE_LIMIT = "3/30m"
    for number in range(3):
        sign_in(client, "guess", username=f"user{number}")
    assert sign_in(client, PASSWORD).status_code == 429

    for url in ("/en/_util/login/", "/es/_util/login/"):
        response = client.post(url, {"username": "editor", "password": PASSWORD})
        assert response.status_code == 429, url
    assert not is_signed_in(client)


def test_the_pause_is_explained_in_the_visitors_language(client, editor, settings):
    settings.SIGN_IN_RATE_LIMIT = "1/30m"
    client.post("/es/_util/login/", {"username": "a", "password": "b"})

    response = client.post("/es/_util/login/", {"username": "a", "password": "b"})

    assert response.status_code == 429
    text = visible_text(response.content)
    assert "Espere 30 minutos" in text
    assert "Too many" not in text


def test_one_account_guessed_from_many_addresses_is_paused(client, editor, settings):
    settings.SIGN_IN_USERNAME_RATE_LIMIT = "4/h"
    for number in range(5):
        guesser = Client(REMOTE_ADDR=f"203.0.113.{number + 10}")
        assert sign_in(guesser, f"guess{number}").status_code == 200

    response = sign_in(Client(REMOTE_ADDR="198.51.100.99"), "another-guess")

    assert response.status_code == 429


def test_page_passwords_are_throttled_too(client, home, settings):
    settings.SIGN_IN_RATE_LIMIT = "3/30m"
    restriction = PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, home.pk]
    )
    for _ in range(3):
        client.post(url, {"password": "guess", "return_url": "/"})

    response = client.post(url, {"password": "s3cret", "return_url": "/"})

    assert response.status_code == 429


def test_second_step_codes_count_against_the_account(client, moderator, settings):
    settings.TWO_FACTOR_REQUIRED = True
    settings.SIGN_IN_ACCOUNT_RATE_LIMIT = "3/15m"
    code = issue_recovery_codes(moderator)[0]
    moderator.set_password(PASSWORD)
    moderator.save()
    sign_in(client, PASSWORD, username=moderator.username)
    for number in range(3):
        client.post(reverse("two_factor_verify"), {"code": f"wrong{number}"})

    response = client.post(reverse("two_factor_verify"), {"code": code})

    assert response.status_code == 429
    assert code in unused_recovery_codes(moderator)


def test_document_passwords_are_throttled_too(client, locales, settings):
    settings.SIGN_IN_RATE_LIMIT = "3/30m"
    collection = Collection.get_first_root_node().add_child(name="Shared")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="s3cret",
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    for _ in range(3):
        client.post(url, {"password": "guess", "return_url": "/"})

    response = client.post(url, {"password": "s3cret", "return_url": "/"})

    assert response.status_code == 429


def test_a_stolen_session_cannot_guess_the_password_on_the_account_page(
    client, editor, settings
):
    settings.SIGN_IN_ACCOUNT_RATE_LIMIT = "3/15m"
    client.force_login(editor)
    attempt = {
        "password-old_password": "guess",
        "password-new_password1": "a-new-long-password",
        "password-new_password2": "a-new-long-password",
    }
    for _ in range(3):
        assert client.post(reverse("wagtailadmin_account"), attempt).status_code == 200

    attempt["password-old_password"] = PASSWORD
    response = client.post(reverse("wagtailadmin_account"), attempt)

    assert response.status_code == 429
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)
