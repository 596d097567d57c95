"""The seeded site, built once per test session and per database.

Building it (``SiteContentLoader().load()``) takes seconds, so the suite builds it
once: in a transaction that stays open while the tests that ask for it run, each in
a savepoint of its own (pytest-django's ``db``), and that is rolled back as soon as
the last of them is done. For that, those tests run together, in this order:

1. the plain database tests on a bare, migrated site;
2. the tests on the seeded site (``seeded_site`` and the fixtures built on it);
3. the transactional tests (``transaction=True``, ``live_server``), which commit
   and flush the database and so could not run inside the seed's transaction;
4. the tests without a database (throwaway sites, browser tests, files).

pytest-django already orders 1, 3, 4; ``seeded_last_among_plain_database_tests``
moves 2 in between.
"""

from django.db import transaction
from django.test import TestCase, TransactionTestCase
from pytest_django.plugin import validate_django_db

SEEDED = "seeded_site_for_session"


def uses_seeded_site(item):
    return SEEDED in getattr(item, "fixturenames", ())


def is_transactional(item):
    cls = getattr(item, "cls", None)
    if cls and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker:
        transactional, reset_sequences, *_ = validate_django_db(marker)
        if transactional or reset_sequences:
            return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures


def uses_database(item):
    cls = getattr(item, "cls", None)
    if cls and issubclass(cls, TransactionTestCase):
        return True
    return bool(item.get_closest_marker("django_db")) or "db" in getattr(
        item, "fixturenames", ()
    )


def seeded_last_among_plain_database_tests(items):
    """Reorder items in place: 1, 2, 3, 4 as in the module's docstring, each group
    in its previous order."""

    def group(item):
        if uses_seeded_site(item):
            return 2
        if is_transactional(item):
            return 3
        return 1 if uses_database(item) else 4

    items.sort(key=group)


class SeedTransaction:
    """The transaction holding the seeded site: open() builds the site in it,
    close() rolls it back (once, whichever calls it first)."""

    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.contexts = []

    def open(self, build):
        unblocked = self.blocker.unblock()
        unblocked.__enter__()
        self.contexts.append(unblocked)
        atomic = transaction.atomic()
        atomic.__enter__()
        self.contexts.append(atomic)
        try:
            build()
        except BaseException:
            self.close()
            raise

    @property
    def is_open(self):
        return bool(self.contexts)

    def close(self):
        if self.contexts:
            transaction.set_rollback(True)
        while self.contexts:
            self.contexts.pop().__exit__(None, None, None)
