"""A served site whose database goes away answers 503, and serves pages again as soon
as the database is back, without a restart.

gunicorn serves the test database through a TCP relay that the test can cut, as a
network fault or a database restart would. PostgreSQL only: SQLite has no server
to lose.
"""

import socket
import threading
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from tests.support.site import SiteServer, site_environment

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="needs a database server",
    ),
    # The server cannot see data inside a test's transaction.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Relay:
    """Forwards TCP connections to the database until cut()."""

    def __init__(self, target):
        self.target = target
        self.up = True
        self.sockets = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        self.up = False
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.sockets = []

    def restore(self):
        self.up = True

    def close(self):
        self.cut()
        self.listener.close()


def fetch(url, language="en"):
    request = urllib.request.Request(url, headers={"Accept-Language": language})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture
def relay():
    db = connection.settings_dict
    relay = Relay((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    yield relay
    relay.close()


@pytest.fixture
def served_site(home, relay, tmp_path):
    """gunicorn with one worker keeping its database connection between requests,
    as production does (CONN_MAX_AGE with health checks)."""
    db = connection.settings_dict
    env = site_environment(
        tmp_path,
        database_url=f"postgres://{db['USER']}@127.0.0.1:{relay.port}/{db['NAME']}",
        DJANGO_SETTINGS_MODULE="bpnc_site.settings.test",
        CONN_MAX_AGE="600",
        PAGE_CACHE_ENABLED="false",
    )
    with SiteServer(env, tmp_path / "gunicorn.log", workers=1) as server:
        yield server.url


def test_site_answers_503_while_the_database_is_away_and_recovers_alone(
    served_site, relay
):
    assert fetch(f"{served_site}/en/")[0] == 200

    relay.cut()
    english = fetch(f"{served_site}/en/")
    spanish = fetch(f"{served_site}/es/campanas/", "es")

    for status, headers, html in (english, spanish):
        assert status == 503
        assert int(headers["Retry-After"]) > 0
        assert "Traceback" not in html
    assert "The site is briefly unavailable" in english[2]
    assert '<html lang="es">' in spanish[2]
    assert "The site is briefly unavailable" not in spanish[2]

    relay.restore()
    assert fetch(f"{served_site}/en/")[0] == 200
