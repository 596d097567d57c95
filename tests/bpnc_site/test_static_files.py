"""Static files reach phones compressed, fingerprinted and cached for a year."""

import re

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

from tests.support.seed import seed_path

pytestmark = pytest.mark.django_db

YEAR = 365 * 24 * 60 * 60


@pytest.fixture
def collected(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


@pytest.mark.sqlite_pass  # collects and compresses every static file
def test_stylesheet_is_fingerprinted_compressed_and_cached_for_a_year(collected):
    [css] = list((collected / "css").glob("site.*.css"))
    assert re.fullmatch(r"site\.[0-9a-f]{12}\.css", css.name)
    assert (collected / "css" / f"{css.name}.gz").exists()

    middleware = WhiteNoiseMiddleware(lambda request: None)
    request = RequestFactory().get(
        f"/static/css/{css.name}", HTTP_ACCEPT_ENCODING="gzip"
    )
    response = middleware(request)

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert f"max-age={YEAR}" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


def test_pages_load_no_script_that_blocks_rendering(client, seeded_site):
    html = client.get(seed_path()).content.decode()
    head = html.split("</head>")[0]

    assert not re.search(r"<script(?![^>]*application/ld\+json)[^>]*>", head)
    assert "<script src" not in html
