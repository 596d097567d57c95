"""Uploaded files the site serves itself (SERVE_MEDIA): renditions are public;
original uploads, documents and share cards are never served by address."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import bpnc_site.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_served(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for name in [
        "images/rally.width-800.png",
        "original_images/rally.png",
        "documents/budget-notes.pdf",
        "share-cards/7-abc.png",
    ]:
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"file")
    with override_settings(SERVE_MEDIA=True):
        importlib.reload(bpnc_site.urls)
        clear_url_caches()
        yield
    importlib.reload(bpnc_site.urls)
    clear_url_caches()


def test_renditions_are_served(client, media_served):
    assert client.get("/media/images/rally.width-800.png").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media/original_images/rally.png",
        "/media/documents/budget-notes.pdf",
        "/media/share-cards/7-abc.png",
        "/media//original_images/rally.png",
        "/media/./original_images/rally.png",
        "/media/images/../original_images/rally.png",
        "/media/images/%2e%2e/original_images/rally.png",
        "/media/original_images/",
    ],
)
def test_originals_documents_and_share_cards_are_never_served_by_address(
    client, media_served, path
):
    assert client.get(path).status_code == 404
