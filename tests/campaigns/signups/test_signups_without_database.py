"""The database out of reach while a neighbour signs up: they get their form back as
they typed it, in the page's language, with a 503 that asks them to try again, never
the site's generic error page and never a thank-you; once the database is back, the
same form goes through."""

import re
from contextlib import contextmanager

import pytest
from django.db import InterfaceError, OperationalError, connection

from campaigns.models import Signup
from tests.campaigns.signups.neighbour import (
    NOT_SAVED,
    THANKS,
    in_language,
    post,
    signup_url,
)
from tests.support.factories import SIGNUP_FORM
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

TYPED = {**SIGNUP_FORM, "name": "José Nuñez", "email": "jose@example.org"}
# The site's own page for an outage (bpnc_site/templates/errors/503.html).
GENERIC_OUTAGE = "The site is briefly unavailable"


def page_in(campaign, language):
    return campaign if language == "en" else spanish(campaign)


def assert_form_kept(response, language):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert in_language(language, NOT_SAVED) in html
    assert in_language(language, GENERIC_OUTAGE) not in html
    assert in_language(language, THANKS) not in html
    for field in ["name", "email", "phone", "zip_code"]:
        assert f'value="{TYPED[field]}"' in html, field
    assert re.search(
        r'<input type="radio" name="language" value="es"[^>]* checked', html
    )
    assert re.search(r'<input type="checkbox" name="consent"[^>]* checked', html)
    return html


@contextmanager
def database_down(error=OperationalError, allow=0):
    """Every query fails, after the first `allow` ones: the server is gone.
    Savepoints are let through so that the test's own transaction survives."""
    seen = 0

    def refuse(execute, sql, params, many, context):
        nonlocal seen
        statement = sql.lstrip().split(None, 1)[0].upper()
        if statement in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            seen += 1
            if seen > allow:
                raise error("connection to server at 127.0.0.1 failed")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_sign_up_that_cannot_be_saved_comes_back_on_its_page(
    client, campaign, language, error, monkeypatch
):
    page = page_in(campaign, language)

    def refuse(*args, **kwargs):
        raise error("server closed the connection unexpectedly")

    monkeypatch.setattr(Signup, "save", refuse)
    response = post(client, page, TYPED)

    html = assert_form_kept(response, language)
    assert f"<h1>{page.title}</h1>" in html  # the whole campaign page
    assert not Signup.objects.exists()
    monkeypatch.undo()

    again = post(client, page, TYPED)

    assert again.status_code == 302 and "signed-up=1" in again["Location"]
    assert Signup.objects.get().name == "José Nuñez"


def test_a_repeat_that_cannot_be_saved_changes_nothing_and_says_so(client, campaign_es):
    post(client, campaign_es, TYPED)

    def refuse_updates(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("UPDATE") and "campaigns_signup" in sql:
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_updates):
        response = post(client, campaign_es, {**TYPED, "name": "José"})

    assert response.status_code == 503
    assert in_language("es", NOT_SAVED) in response.content.decode()
    signup = Signup.objects.get()
    assert (signup.name, signup.times_signed_up) == ("José Nuñez", 1)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize("language", ["en", "es"])
def test_with_the_database_down_the_form_comes_back_without_its_page(
    client, campaign, language, error
):
    """Not even the campaign page can be read: the form alone, from what was sent."""
    page = page_in(campaign, language)
    url = signup_url(page)

    with database_down(error):
        response = post(client, page, TYPED)

    html = assert_form_kept(response, language)
    assert f'<form method="post" action="{url}#signup"' in html
    assert page.title not in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_database_lost_after_the_page_was_read_still_gives_the_form_back(
    client, campaign, language
):
    page = page_in(campaign, language)
    url = signup_url(page)

    with database_down(allow=2):  # the site's and the campaign page's queries
        response = post(client, page, TYPED)

    html = assert_form_kept(response, language)
    assert f"<h1>{page.title}</h1>" in html
    assert f'action="{url}#signup"' in html


def test_a_form_sent_with_the_database_down_goes_through_once_it_is_back(
    client, campaign_es
):
    signup_url(campaign_es)  # read before the outage, as the page was

    with database_down():
        assert post(client, campaign_es, TYPED).status_code == 503

    again = post(client, campaign_es, TYPED)

    assert again["Location"] == f"{campaign_es.url}?signed-up=1#signup"
    assert Signup.objects.get().email == "jose@example.org"


def test_opening_the_form_address_with_the_database_down_is_the_sites_503(
    client, campaign_es
):
    """Nothing typed to keep: the site's own page for an outage."""
    url = signup_url(campaign_es)

    with database_down():
        response = client.get(url)

    assert response.status_code == 503
    assert in_language("es", GENERIC_OUTAGE) in response.content.decode()
