"""Bad input and abuse at every public entry point: a clear 4xx or a message in the
visitor's language, nothing stored from a refused request, nothing reflected raw."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from campaigns.models import Signup
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import seed_page, seed_path

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("bpnc")</script>'
VALID = SIGNUP_FORM
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def in_language(language, message):
    with translation.override(language):
        translated = translation.gettext(message)
    assert language == "en" or translated != message
    return translated


@pytest.fixture(autouse=True)
def generous_rate_limit(settings):
    settings.SIGNUP_RATE_LIMIT = "1000/m"


@pytest.fixture
def campaigns(seeded_site):
    english = seed_page()
    return {
        "en": english,
        "es": english.get_translation(Locale.objects.get(language_code="es")),
    }


def signup_url(page):
    with translation.override(page.locale.language_code):
        return reverse("campaign_signup", args=[page.pk])


def assert_nothing_reflected(response):
    html = response.content.decode(errors="replace")
    assert SCRIPT not in html
    assert "<script>alert" not in html
    assert "Traceback" not in html


# The sign-up form


REFUSED = {
    "overlong name": ({"name": "x" * 121}, "name", None),
    "very long name": ({"name": "x" * 20_000}, "name", None),
    "overlong email": ({"email": "a" * 250 + "@example.org"}, "email", None),
    "overlong phone": ({"phone": "1" * 31}, "phone", None),
    "NUL in name": ({"name": "Ana\x00"}, "name", None),
    "NUL in email": ({"email": "ana\x00@example.org"}, "email", None),
    "NUL in ZIP": ({"zip_code": "606\x0032"}, "zip_code", None),
    "bell in name": ({"name": "Ana\x07 Pérez"}, "name", None),
    "C1 control in name": ({"name": "Ana\x9b Pérez"}, "name", None),
    "only direction marks as name": ({"name": "\u202e\u200f"}, "name", None),
    "script in name": (
        {"name": SCRIPT},
        "name",
        "Please use only letters and spaces.",
    ),
    "markup in name": ({"name": "<b>Ana</b>"}, "name", None),
    "header injection in email": (
        {"email": "a@b.com\r\nBcc: x@y.com"},
        "email",
        "Please enter a valid email, like name@example.com.",
    ),
    "script in email": ({"email": f"{SCRIPT}@example.org"}, "email", None),
    "two emails": ({"email": "a@b.com, c@d.com"}, "email", None),
    "letters as ZIP": (
        {"zip_code": "ABCDE"},
        "zip_code",
        "Enter a 5-digit ZIP code, like 60632.",
    ),
    "short ZIP": ({"zip_code": "6063"}, "zip_code", None),
    "other script's digits as ZIP": ({"zip_code": "٦٠٦٣٢"}, "zip_code", None),
    "script as ZIP": ({"zip_code": SCRIPT}, "zip_code", None),
    "SQL as phone": ({"phone": "1' OR '1'='1"}, "phone", None),
    "unknown language": ({"language": "xx"}, "language", None),
    "script as language": ({"language": SCRIPT}, "language", None),
    "no consent": (
        {"consent": ""},
        "consent",
        "Please agree to be contacted so we can keep you informed.",
    ),
    "no name": ({"name": "   "}, "name", "Please tell us your name."),
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_bad_sign_up_is_refused_with_a_message_in_the_page_language(
    client, campaigns, language, case
):
    changes, field, message = REFUSED[case]
    data = {key: value for key, value in {**VALID, **changes}.items() if value}

    response = client.post(signup_url(campaigns[language]), data, **ORIGIN)

    assert response.status_code == 400
    assert not Signup.objects.exists()
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert (
        in_language(language, "Oops! Something went wrong while submitting the form.")
        in html
    )
    assert f'id="id_{field}-error"' in html
    if message:
        assert in_language(language, message) in html
    assert_nothing_reflected(response)


def test_refused_sign_up_keeps_the_other_fields_typed(client, campaigns):
    data = {**VALID, "zip_code": "ABCDE", "name": "Nguyễn Văn An"}

    html = client.post(signup_url(campaigns["es"]), data, **ORIGIN).content.decode()

    assert 'value="Nguyễn Văn An"' in html
    assert 'value="ana@example.org"' in html
    assert 'value="(773) 555-0100"' in html
    assert 'value="ABCDE"' in html


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("José Nuñez", "José Nuñez"),
        ("Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khai"),
        ("Siobhán O'Brien-Ávila", "Siobhán O'Brien-Ávila"),
        ("María 🌻", "María 🌻"),
        ("محمد علي", "محمد علي"),
        ("Jose\u0301 Nun\u0303ez", "José Nuñez"),  # combining accents, joined
        ("\u202eAna\u202c Pérez\u200f", "Ana Pérez"),  # direction marks dropped
        ("  Ana \t  Pérez  ", "Ana Pérez"),
        ("Robert'); DROP TABLE campaigns_signup;--", None),
    ],
)
def test_real_names_in_any_script_are_accepted_and_stored_cleanly(
    client, campaigns, typed, stored
):
    response = client.post(
        signup_url(campaigns["es"]), {**VALID, "name": typed}, **ORIGIN
    )

    assert response.status_code == 302
    assert Signup.objects.get().name == (stored or typed)


def test_form_posted_as_json_is_refused(client, campaigns):
    response = client.post(
        signup_url(campaigns["en"]),
        '{"name": "Ana", "email": "ana@example.org", "consent": true}',
        content_type="application/json",
        **ORIGIN,
    )

    assert response.status_code == 400
    assert not Signup.objects.exists()


def test_form_with_bytes_that_are_not_utf8_is_handled(client, campaigns):
    response = client.post(
        signup_url(campaigns["en"]),
        b"name=%FF%FE&email=ana%40example.org&language=en",
        content_type="application/x-www-form-urlencoded",
        **ORIGIN,
    )

    assert response.status_code == 400  # no consent
    assert not Signup.objects.exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_body_over_the_upload_limit_is_a_400_in_the_visitors_language(
    client, campaigns, settings, language
):
    data = {**VALID, "name": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}

    response = client.post(signup_url(campaigns[language]), data, **ORIGIN)

    assert response.status_code == 400
    assert not Signup.objects.exists()
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert in_language(language, "We could not read this request") in html


@pytest.mark.parametrize(
    "origin",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_REFERER": "https://evil.example/form.html"},
        {"HTTP_ORIGIN": "javascript:alert(1)"},
    ],
)
def test_posts_from_other_sites_are_refused(client, campaigns, origin):
    response = client.post(signup_url(campaigns["es"]), VALID, **origin)

    assert response.status_code == 403
    assert not Signup.objects.exists()
    assert in_language("es", "We could not accept this form") in (
        response.content.decode()
    )


def test_post_without_origin_or_referer_goes_through_validation(client, campaigns):
    """Decided in campaigns/signups/views.py: refusing these would stop no script."""
    assert client.post(signup_url(campaigns["en"]), VALID).status_code == 302
    assert client.post(signup_url(campaigns["en"]), {}).status_code == 400
    assert Signup.objects.count() == 1


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_sign_up_takes_only_posts_and_gets(client, campaigns, method):
    response = getattr(client, method)(signup_url(campaigns["en"]))

    assert response.status_code == 405
    assert not Signup.objects.exists()


@pytest.mark.parametrize(
    "path", ["/en/signup/99999999999999999999/", "/en/signup/0/", "/es/inscripcion/1/"]
)
def test_sign_up_to_a_page_that_is_not_a_campaign_is_not_found(
    client, seeded_site, path
):
    assert client.post(path, VALID, **ORIGIN).status_code == 404
    assert not Signup.objects.exists()


# Search and filters


@pytest.mark.parametrize(
    "query",
    [
        {"q": "a" * 50_000},
        {"q": "salud\x00"},
        {"q": SCRIPT},
        {"q": "' OR 1=1; DROP TABLE wagtailcore_page;--"},
        {"q": 'a & !b | (c:* "d'},
        {"q": "\\\\'"},
        {"q": "\u202e\u0301🌻"},
        {"q": ["campaign", "salud", SCRIPT]},
        {"q": "campaign", "page": "-1"},
        {"q": "campaign", "page": "abc"},
        {"q": "campaign", "page": "99999"},
        {"q": "campaign", "page": "9" * 400},
        {"q": "campaign", "page": SCRIPT},
    ],
)
@pytest.mark.parametrize("path", ["/en/search/", "/es/buscar/"])
def test_search_survives_any_query(client, seeded_site, path, query):
    response = client.get(path, query)

    assert response.status_code == 200
    assert_nothing_reflected(response)


def test_search_shows_a_script_query_as_text(client, seeded_site):
    html = client.get("/es/buscar/", {"q": SCRIPT}).content.decode()

    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "query",
    [
        {"area": SCRIPT, "status": "bogus"},
        {"area": "\x00", "status": "\x00"},
        {"area": ["salud", "nonsense"], "status": ["won", "active"]},
        {"status": "' OR 1=1--"},
    ],
)
@pytest.mark.parametrize("path", ["/en/campaigns/", "/es/campanas/"])
def test_campaign_filters_ignore_values_they_do_not_know(
    client, seeded_site, path, query
):
    response = client.get(path, query)

    assert response.status_code == 200
    assert_nothing_reflected(response)


# Languages and redirects


@pytest.mark.parametrize(
    "path", ["/xx/", "/zz/campaigns/", "/EN-gb/", "/es-xx/campanas/"]
)
def test_unknown_language_prefixes_are_not_found(client, seeded_site, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "es"),
        ("", "en"),
        ("*", "en"),
        ("es;q=abc", "en"),
        ("es;q=1.5", "en"),
        ("xx-YY,zz;q=0.5", "en"),
        (";;;,,,q=", "en"),
        ("\x00", "en"),
        ("a" * 5000, "en"),
        ("es-" + "x" * 300, "en"),
        (SCRIPT, "en"),
    ],
)
def test_home_redirect_survives_any_accept_language(seeded_site, header, language):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=header)

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://testserver@evil.example/",
        "/\x00",
        "/es/\r\nSet-Cookie: hacked=1",
        "\x01//evil.example",
    ],
)
def test_language_switch_never_leaves_the_site(client, seeded_site, target):
    response = client.get("/language/es/", {"next": target})

    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert "hacked" not in response.cookies


def test_language_switch_still_follows_local_targets(client, seeded_site):
    response = client.get("/language/es/", {"next": "/es/campanas/"})

    assert response["Location"] == "/es/campanas/"


def test_language_switch_to_an_unknown_language_is_not_found(client, seeded_site):
    response = client.get("/language/xx/", {"next": "/en/"}, follow=True)

    assert response.status_code == 404
    assert "xx" not in response.cookies.get("django_language", "")


# Methods


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "trace"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        seed_path(language="es"),
        seed_path(),
        "/en/search/",
        "/language/es/",
        "/sitemap.xml",
    ],
)
def test_public_pages_refuse_methods_they_do_not_take(
    client, seeded_site, path, method
):
    response = client.generic(method.upper(), path)

    assert response.status_code == 405
    assert "GET" in response["Allow"]
