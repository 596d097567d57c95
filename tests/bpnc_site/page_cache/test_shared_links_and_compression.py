"""A link shared with tracking parameters is a cache hit; stored pages go out
compressed in the encoding the browser accepts."""

import gzip
import re

import brotli
import pytest

from bpnc_site.page_cache.serving import CachedPagesApplication
from tests.support.seed import seed_path
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
