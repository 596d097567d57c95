"""A release with new code, templates, static files or headers never serves the
pages stored by the one before it, without anyone naming it."""

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


@pytest.fixture
def project(settings, tmp_path):
    """A project whose release is read from its files, as at start-up."""
    settings.BASE_DIR = tmp_path
    settings.RELEASE = ""
    (tmp_path / "home" / "templates").mkdir(parents=True)
    (tmp_path / "home" / "views.py").write_text("def page(request): ...\n")
    (tmp_path / "home" / "templates" / "page.html").write_text("<h1>{{ title }}</h1>")
    store.release.cache_clear()
    yield tmp_path
    store.release.cache_clear()


def key_of(project):
    store.release.cache_clear()
    return store.cache_key("/en/campaigns/")


def test_a_release_changing_only_a_template_changes_the_key(project):
    before = key_of(project)
    assert key_of(project) == before

    (project / "home" / "templates" / "page.html").write_text("<h2>{{ title }}</h2>")

    assert key_of(project) != before


@pytest.mark.parametrize(
    ("path", "changes_the_key"),
    [
        ("home/views.py", True),
        ("locales/es/LC_MESSAGES/django.po", True),
        ("uv.lock", True),
        ("tests/test_views.py", False),
        (".venv/lib/site.py", False),
        ("var/page-cache-purges.log", False),
    ],
)
def test_what_a_release_key_covers(project, path, changes_the_key):
    before = key_of(project)
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_text("changed\n")

    assert (key_of(project) != before) is changes_the_key
