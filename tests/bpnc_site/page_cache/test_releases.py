"""A release with new static files or new headers never serves the pages stored by
the one before it."""

import pytest

from bpnc_site.page_cache import store
from tests.support.seed import seed_path

pytestmark = pytest.mark.django_db


def test_a_new_release_renders_its_pages_afresh(client, seeded_site, monkeypatch):
    client.get(seed_path())
    assert client.get(seed_path())["X-Page-Cache"] == "hit"

    monkeypatch.setattr(store, "release", lambda: "the-next-release")

    assert client.get(seed_path())["X-Page-Cache"] == "miss"
    assert client.get(seed_path())["X-Page-Cache"] == "hit"


def test_releases_differ_by_static_files_headers_and_name():
    manifest = '{"paths": {"css/site.css": "css/site.4f2a.css"}}'
    restyled = '{"paths": {"css/site.css": "css/site.9b1c.css"}}'
    headers = "[('CONTENT_SECURITY_POLICY', {'img-src': ['self']})]"
    new_media_host = "[('CONTENT_SECURITY_POLICY', {'img-src': ['self', 'cdn']})]"

    release = store.release_of(manifest, headers, "")

    assert store.release_of(manifest, headers, "") == release
    assert store.release_of(restyled, headers, "") != release
    assert store.release_of(manifest, new_media_host, "") != release
    assert store.release_of(manifest, headers, "abc123") != release


def test_this_release_reads_the_collected_static_files(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    store.release.cache_clear()
    try:
        first = store.release()
        (tmp_path / "staticfiles.json").write_text('{"paths": {"a": "b"}}')
        store.release.cache_clear()
        assert store.release() != first
    finally:
        store.release.cache_clear()
