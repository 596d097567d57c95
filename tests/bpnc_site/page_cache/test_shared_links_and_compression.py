"""A link shared with tracking parameters is a cache hit; stored pages go out
compressed in the encoding the browser accepts, every other text response
gzipped, and a repeat view of a stored page is a 304."""

import gzip
import re

import brotli
import pytest
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory

from bpnc_site.page_cache.encoding import TextGZipMiddleware
from bpnc_site.page_cache.serving import CachedPagesApplication
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import seed_page, seed_path
from tests.support.wsgi import DjangoStandIn, serve, wsgi_environ

pytestmark = pytest.mark.django_db

CAMPAIGN = seed_path()
SHARED = "utm_source=facebook&utm_medium=social&fbclid=IwAR0abc"


def test_a_shared_link_gets_the_stored_page_of_its_clean_url(client, seeded_site):
    clean = client.get(CAMPAIGN)
    shared = client.get(f"{CAMPAIGN}?{SHARED}")
    spanish = client.get(f"{seed_path(language='es')}?gclid=x&_ga=1.2")

    assert clean["X-Page-Cache"] == "miss"
    assert shared["X-Page-Cache"] == "hit"
    assert shared.content == clean.content
    assert re.search(
        rf'<link rel="canonical" href="https?://[^/"]+{CAMPAIGN}">',
        shared.content.decode(),
    )
    assert spanish["X-Page-Cache"] == "miss"
    assert client.get(seed_path(language="es"))["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "query", ["signed-up=1", "utm_source=x&page=2", "fbclidx=1", "q=health"]
)
def test_any_other_parameter_still_renders_afresh(client, seeded_site, query):
    client.get(CAMPAIGN)

    assert "X-Page-Cache" not in client.get(f"{CAMPAIGN}?{query}")


def test_the_front_door_serves_shared_links_from_the_cache(client, seeded_site):
    client.get(CAMPAIGN)
    django = DjangoStandIn()

    answer = serve(
        CachedPagesApplication(django), wsgi_environ(CAMPAIGN, QUERY_STRING=SHARED)
    )

    assert django.calls == []
    assert answer["headers"]["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [
        ("gzip, deflate, br, zstd", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        ("br;q=0, gzip", "gzip", gzip.decompress),
    ],
)
def test_stored_pages_go_out_compressed(
    client, seeded_site, accept, encoding, decompress
):
    plain = client.get(CAMPAIGN).content

    for answer in (
        client.get(CAMPAIGN, HTTP_ACCEPT_ENCODING=accept),
        serve(
            CachedPagesApplication(DjangoStandIn()),
            wsgi_environ(CAMPAIGN, HTTP_ACCEPT_ENCODING=accept),
        ),
    ):
        headers = answer.headers if hasattr(answer, "headers") else answer["headers"]
        body = answer.content if hasattr(answer, "content") else answer["body"]
        assert headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in headers["Vary"]
        assert int(headers["Content-Length"]) == len(body) < len(plain) / 3
        assert decompress(body) == plain


def test_the_first_visitor_also_gets_a_compressed_page(client, seeded_site):
    response = client.get(CAMPAIGN, HTTP_ACCEPT_ENCODING="br")

    assert response["X-Page-Cache"] == "miss"
    assert response["Content-Encoding"] == "br"


def test_without_accept_encoding_the_page_is_plain(client, seeded_site):
    client.get(CAMPAIGN)
    response = client.get(CAMPAIGN, HTTP_ACCEPT_ENCODING="identity")

    assert "Content-Encoding" not in response
    assert b"<html" in response.content
    assert "Accept-Encoding" in response["Vary"]


def signup_refused(client):
    """A sign-up with a bad email: the form again, with its errors."""
    page = seed_page()
    client.get(CAMPAIGN)  # the CSRF cookie is not needed: the form is exempt
    return client.post(
        f"/en/signup/{page.pk}/",
        {**SIGNUP_FORM, "email": "not an email"},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT_ENCODING="gzip, br",
    )


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "search",
            lambda c: c.get("/en/search/?q=health", HTTP_ACCEPT_ENCODING="gzip"),
        ),
        ("404", lambda c: c.get("/en/no-such-page/", HTTP_ACCEPT_ENCODING="gzip")),
        ("sitemap", lambda c: c.get("/sitemap.xml", HTTP_ACCEPT_ENCODING="gzip")),
        (
            "query string",
            lambda c: c.get(f"{CAMPAIGN}?page=2", HTTP_ACCEPT_ENCODING="gzip"),
        ),
        ("failed sign-up", signup_refused),
    ],
)
def test_every_text_response_goes_out_compressed(client, seeded_site, name, answer):
    response = answer(client)

    assert response["Content-Encoding"] == "gzip", name
    assert "Accept-Encoding" in response["Vary"]
    text = gzip.decompress(response.content)
    assert text.lstrip().startswith((b"<!DOCTYPE html", b"<!doctype html", b"<?xml"))


def test_json_is_compressed_and_images_are_not():
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    json = JsonResponse({"results": ["Treatment not trauma"] * 50})
    image = HttpResponse(b"\x89PNG" + bytes(1000), content_type="image/png")

    middleware = TextGZipMiddleware(lambda request: None)

    assert middleware.process_response(request, json)["Content-Encoding"] == "gzip"
    assert not middleware.process_response(request, image).has_header(
        "Content-Encoding"
    )


def test_stored_pages_answer_a_repeat_view_with_304(client, seeded_site):
    first = client.get(CAMPAIGN)
    etag = first["ETag"]

    repeat = client.get(CAMPAIGN, HTTP_IF_NONE_MATCH=etag)
    front_door = serve(
        CachedPagesApplication(DjangoStandIn()),
        wsgi_environ(CAMPAIGN, HTTP_IF_NONE_MATCH=f'"other", {etag}'),
    )
    changed = client.get(CAMPAIGN, HTTP_IF_NONE_MATCH='W/"an-older-page"')

    assert etag.startswith('W/"')
    assert repeat.status_code == 304 and repeat.content == b""
    assert repeat["ETag"] == etag and "Content-Type" not in repeat
    assert front_door["status"] == "304 Not Modified" and front_door["body"] == b""
    assert front_door["headers"]["ETag"] == etag
    assert changed.status_code == 200 and changed.content == first.content
    assert changed["ETag"] == etag


def test_a_changed_page_has_a_new_etag(
    client, campaign, django_capture_on_commit_callbacks
):
    etag = client.get(CAMPAIGN)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        campaign.title = "Treatment, not trauma: next steps"
        campaign.save_revision().publish()

    response = client.get(CAMPAIGN, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert response["ETag"] != etag
