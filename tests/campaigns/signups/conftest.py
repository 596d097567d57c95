import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation

from tests.support.collection import needed
from tests.support.site import ServedSite, postgres_database, postgres_url

CONCURRENT_SITE = "site_for_concurrent_signups"
_site_builds = []


@pytest.fixture(autouse=True)
def language_left_as_found():
    """A request to an /es/ address leaves Spanish active in the thread; tests
    that run next expect the language they would have found."""
    language = translation.get_language()
    yield
    translation.activate(language)


# The concurrent sign-up tests' site is built in other processes, on a PostgreSQL
# database of its own: started as soon as they are collected, it builds on the
# machine's other core while the tests before them run.


def start_site_build():
    cleanup = ExitStack()
    folder = Path(tempfile.mkdtemp(prefix="bpnc-load-site-"))
    cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    server_url = postgres_url(connection.settings_dict)

    def build():
        database_url = cleanup.enter_context(
            postgres_database(server_url, prefix="bpnc_load")
        )
        return ServedSite(
            folder, workers=4, database_url=database_url, SIGNUP_RATE_LIMIT="100000/m"
        )

    builder = ThreadPoolExecutor(1, thread_name_prefix="load-site")
    _site_builds.append((cleanup, builder.submit(build)))
    builder.shutdown(wait=False)


def pytest_collection_finish(session):
    if needed(session, CONCURRENT_SITE):
        start_site_build()


def pytest_sessionfinish(session):
    while _site_builds:
        cleanup, build = _site_builds.pop()
        with cleanup:  # then its database dropped and its folder removed
            try:
                build.result().stop()
            except Exception:  # noqa: BLE001 - its test has reported it already
                pass


@pytest.fixture(scope="session")
def site_for_concurrent_signups():
    """(base URL, database URL) of a freshly built site served by 4 workers, on a
    PostgreSQL database of its own."""
    if not _site_builds:
        start_site_build()
    site = _site_builds[0][1].result()
    return site.url, site.env["DATABASE_URL"]
