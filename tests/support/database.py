"""The database made unreachable for a test, as an outage looks to the site."""

from contextlib import contextmanager
from unittest import mock

from django.db import DEFAULT_DB_ALIAS, connections


@contextmanager
def database_unreachable():
    """Every attempt to use the database fails as a refused connection does."""
    connection = connections[DEFAULT_DB_ALIAS]

    def refuse():
        with connection.wrap_database_errors:
            raise connection.Database.OperationalError(
                "connection to server at 127.0.0.1, port 5432 failed: "
                "Connection refused"
            )

    with mock.patch.object(connection, "ensure_connection", refuse):
        yield
