"""A neighbour signs up in Spanish, hears back in Spanish, and sees or erases
what is held about them without asking staff."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import translation

from campaigns.models import Signup
from campaigns.signups import tokens
from campaigns.signups.erasure import Erasure
from tests.campaigns.signups.neighbour import post
from tests.support.english import english_pieces
from tests.support.factories import SIGNUP_FORM, SignupFactory

pytestmark = pytest.mark.django_db

EMAIL_CONSENT_ES = "Acepto recibir mensajes por correo electrónico sobre esta campaña."

LINK = re.compile(r"https?://\S+")
REQUEST_ES = "/es/privacidad/mis-datos/"
REQUEST_EN = "/en/privacy/my-data/"


def english_in_email(message):
    """English words in an email, its links left out (a token is not a word)."""
    text = LINK.sub(" ", f"{message.subject}\n{message.body}")
    html = "".join(f"<p>{line}</p>" for line in text.splitlines())
    return english_pieces(html, kept=[SIGNUP_FORM["name"]])


def links_in(message):
    return LINK.findall(message.body)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def sign_up_in_spanish(client, page, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, page, {**SIGNUP_FORM, **data})
    assert response.status_code == 302
    return mail.outbox[-1]


def ask_for_data(email, path=REQUEST_ES):
    """The privacy form as a browser fills it: its page first (CSRF token)."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    return browser.post(
        path,
        {"email": email, "csrfmiddlewaretoken": token.group(1)},
        HTTP_ORIGIN="http://testserver",
    )


def test_a_spanish_sign_up_is_confirmed_in_spanish_with_a_one_click_stop(
    client, campaign_es, django_capture_on_commit_callbacks
):
    email = sign_up_in_spanish(client, campaign_es, django_capture_on_commit_callbacks)

    assert email.to == [SIGNUP_FORM["email"]]
    assert campaign_es.title in email.subject and campaign_es.title in email.body
    assert "Lo que guardamos sobre usted" in email.body
    assert "/es/privacidad/mis-datos/" in email.body
    assert english_in_email(email) == []
    stop = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop in links_in(email)

    # The mail program's one click: a POST with no token and no page before it.
    mail_program = Client(enforce_csrf_checks=True)
    done = mail_program.post(path_of(stop), {"List-Unsubscribe": "One-Click"})

    assert done.status_code == 200
    signup = Signup.objects.get()
    assert signup.stopped_contact_at is not None
    assert (signup.consent, signup.text_consent) == (False, False)
    assert english_pieces(done.content) == []


def test_opening_the_stop_link_changes_nothing_until_the_button_is_pressed(
    client, campaign_es, django_capture_on_commit_callbacks
):
    email = sign_up_in_spanish(client, campaign_es, django_capture_on_commit_callbacks)
    stop = path_of(email.extra_headers["List-Unsubscribe"].strip("<>"))

    page = Client().get(stop)

    assert page.status_code == 200
    assert "No me contacten más" in page.text
    assert english_pieces(page.content) == []
    assert Signup.objects.get().stopped_contact_at is None
    assert Client().post(stop[:-2] + "x/").status_code == 410  # a changed token


def test_the_data_form_answers_the_same_whether_or_not_the_address_is_on_file(
    client, campaign_es, django_capture_on_commit_callbacks
):
    sign_up_in_spanish(client, campaign_es, django_capture_on_commit_callbacks)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        on_file = ask_for_data(" ANA@example.org ")
        unknown = ask_for_data("nadie@example.org")

    assert on_file.status_code == unknown.status_code == 200
    assert on_file.content == unknown.content
    assert "Revise su correo electrónico" in on_file.text
    assert english_pieces(on_file.content) == []
    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert english_in_email(email) == []
    assert "List-Unsubscribe" in email.extra_headers


def test_the_data_form_needs_its_token_and_this_site(client, campaign_es):
    refused = Client(enforce_csrf_checks=True).post(
        REQUEST_ES, {"email": "ana@example.org"}, HTTP_ORIGIN="http://testserver"
    )
    assert refused.status_code == 403
    forged = client.post(
        REQUEST_ES, {"email": "ana@example.org"}, HTTP_ORIGIN="https://evil.example"
    )
    assert forged.status_code == 403


def test_the_data_form_is_throttled_and_keeps_what_was_typed(client, settings):
    settings.OWN_DATA_RATE_LIMIT = "2/h"
    for _ in range(2):
        client.post(
            REQUEST_ES, {"email": "a@example.org"}, HTTP_ORIGIN="http://testserver"
        )

    limited = client.post(
        REQUEST_ES, {"email": "a@example.org"}, HTTP_ORIGIN="http://testserver"
    )

    assert limited.status_code == 429
    assert int(limited["Retry-After"]) == 3600
    assert 'value="a@example.org"' in limited.text


def test_a_bad_address_is_answered_in_spanish(client):
    response = client.post(
        REQUEST_ES, {"email": "ana@"}, HTTP_ORIGIN="http://testserver"
    )

    assert response.status_code == 400
    assert "Escriba un correo electrónico válido" in response.text or (
        "correo electrónico válido" in response.text
    )
    assert english_pieces(response.content) == []


def test_the_emailed_link_shows_every_sign_up_and_erases_one_then_all(
    client, campaign, campaign_es, django_capture_on_commit_callbacks
):
    sign_up_in_spanish(client, campaign_es, django_capture_on_commit_callbacks)
    other = SignupFactory(
        campaign=campaign.get_siblings().exclude(pk=campaign.pk).first().specific,
        email="Ana@Example.org",
    )
    SignupFactory(campaign=campaign, email="bo@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ask_for_data("ana@example.org")
    link = path_of(next(url for url in links_in(mail.outbox[0]) if "mis-datos" in url))
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(link)

    assert page.status_code == 200
    assert campaign_es.title in page.text
    assert SIGNUP_FORM["phone"] in page.text and SIGNUP_FORM["zip_code"] in page.text
    assert EMAIL_CONSENT_ES in page.text
    assert "bo@example.org" not in page.text
    assert english_pieces(page.content, kept=[SIGNUP_FORM["name"], other.name]) == []
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]

    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    mine = Signup.objects.get(email="ana@example.org")
    erased = browser.post(
        link,
        {"erase": mine.pk, "csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="http://testserver",
    )
    assert erased.status_code == 302
    assert not Signup.objects.filter(pk=mine.pk).exists()
    assert Signup.objects.filter(pk=other.pk).exists()

    browser.post(
        link,
        {"erase_all": "1", "csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="http://testserver",
    )
    assert list(Signup.objects.values_list("email", flat=True)) == ["bo@example.org"]
    after = browser.get(link)
    assert "No guardamos nada" in after.text

    # Staff see two erasures, by the neighbour, and nothing about who.
    log = list(Erasure.objects.order_by("erased_at").values())
    assert [(row["by"], row["signups"]) for row in log] == [
        ("neighbour", 1),
        ("neighbour", 1),
    ]
    assert "ana" not in str(log).lower()


def test_the_link_works_for_24_hours_and_not_after(client, campaign, monkeypatch):
    signup = SignupFactory(campaign=campaign, email="ana@example.org")
    now = time.time()

    def link_made_hours_ago(hours):
        monkeypatch.setattr(signing.time, "time", lambda: now - hours * 3600)
        token = tokens.own_data_token([signup.pk])
        monkeypatch.undo()
        with translation.override("es"):
            return f"/es/privacidad/mis-datos/{token}/"

    assert client.get(link_made_hours_ago(23.9)).status_code == 200
    expired = client.get(link_made_hours_ago(24.1))
    assert expired.status_code == 410
    assert "Este enlace ya no funciona" in expired.text
    assert english_pieces(expired.content) == []


def test_a_link_made_for_one_purpose_does_not_open_another(client, campaign):
    signup = SignupFactory(campaign=campaign)
    stop = tokens.stop_token(signup.pk)

    assert client.get(f"/es/privacidad/mis-datos/{stop}/").status_code == 410
    assert client.get(f"/en/signup/confirm/{stop}/").status_code == 410


@pytest.mark.parametrize("path", [REQUEST_EN, REQUEST_ES])
def test_no_page_of_a_neighbours_data_is_ever_cached(client, campaign, path, settings):
    settings.PAGE_CACHE_ENABLED = True
    signup = SignupFactory(campaign=campaign)
    link = f"{path}{tokens.own_data_token([signup.pk])}/"
    stop = f"/en/signup/stop/{tokens.stop_token(signup.pk)}/"

    for address in (path, link, stop):
        first = client.get(address)
        second = client.get(address)
        assert first.status_code == 200, address
        assert "no-store" in second["Cache-Control"], address
        assert second.get("X-Page-Cache") != "hit", address
