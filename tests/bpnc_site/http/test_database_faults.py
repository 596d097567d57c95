"""When the database fails, visitors get a clear page in their language and lose
nothing they typed; the site comes back by itself."""

import re
from contextlib import contextmanager

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from bpnc_site.http.errors import server_error
from campaigns.models import Signup
from tests.support.database import database_unreachable
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import seed_page, seed_path

pytestmark = pytest.mark.django_db

UNAVAILABLE = "The site is briefly unavailable"
NOT_SAVED = (
    "Sorry, we could not save your sign-up just now, so it has not been received. "
    "Please try again in a minute; what you typed is still here."
)


def spanish(message):
    with translation.override("es"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


def assert_unavailable_page(response, language, heading):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html
    for leak in ["Traceback", "OperationalError", "Connection refused", "5432"]:
        assert leak not in html


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/en/", "en"),
        (seed_path(), "en"),
        ("/es/", "es"),
        ("/es/campanas/", "es"),
        ("/es/buscar/?q=salud", "es"),
    ],
)
def test_unreachable_database_gives_a_503_in_the_visitors_language_then_recovers(
    client, seeded_site, path, language
):
    with database_unreachable():
        response = client.get(path)

    heading = spanish(UNAVAILABLE) if language == "es" else UNAVAILABLE
    assert_unavailable_page(response, language, heading)
    assert client.get(path).status_code == 200


def test_outage_met_by_a_middleware_is_a_503_too(seeded_site, django_user_model):
    """A signed-in editor's session is read by a middleware, before any view."""
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client = Client(raise_request_exception=False)
    client.force_login(editor)

    with database_unreachable():
        response = client.get("/es/campanas/")

    assert_unavailable_page(response, "es", spanish(UNAVAILABLE))
    assert client.get("/admin/").status_code == 200


def test_outage_met_outside_a_view_is_a_503_without_the_database():
    request = RequestFactory().get("/es/campanas/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)

    assert_unavailable_page(response, "es", spanish(UNAVAILABLE))


def test_other_server_errors_stay_500():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/en/"))

    assert response.status_code == 500


VALID = {**SIGNUP_FORM, "name": "José Nuñez", "email": "jose@example.org"}


@contextmanager
def sign_ups_cannot_be_saved():
    """The database refuses to store a sign-up (locked, full, read-only…)."""

    def refuse_signup_inserts(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and "campaigns_signup" in sql:
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connections[DEFAULT_DB_ALIAS].execute_wrapper(refuse_signup_inserts):
        yield


def test_sign_up_that_cannot_be_saved_is_not_thanked_and_keeps_every_field(
    client, seeded_site
):
    campaign = seed_page()
    page = campaign.get_translation(Locale.objects.get(language_code="es"))
    with translation.override("es"):
        url = reverse("campaign_signup", args=[page.pk])

    with sign_ups_cannot_be_saved():
        response = client.post(url, VALID, HTTP_ORIGIN="http://testserver")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert spanish(NOT_SAVED) in html
    assert spanish("Thank you! Your submission has been received!") not in html
    for field in ["name", "email", "phone", "zip_code"]:
        assert f'value="{VALID[field]}"' in html, field
    assert re.search(
        r'<input type="radio" name="language" value="es"[^>]* checked', html
    )
    assert re.search(r'<input type="checkbox" name="consent"[^>]* checked', html)
    assert not Signup.objects.exists()

    again = client.post(url, VALID, HTTP_ORIGIN="http://testserver")

    assert again.status_code == 302
    assert Signup.objects.get().name == "José Nuñez"
