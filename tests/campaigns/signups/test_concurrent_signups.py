"""Many neighbours signing up at once: every acknowledged sign-up is stored, once,
and each person has one row per campaign even when their posts race each other.

A throwaway site on a fresh PostgreSQL database of its own (tests/support/site.py),
served by gunicorn with several workers, takes sign-ups from many threads at once,
each posted as a browser posts the form (with its Origin header). Runs only when
the suite runs on PostgreSQL, as CI's second pass does: SQLite lets one writer in at
a time, so it would say nothing about concurrent writes.
"""

import http.client
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
from django.db import connection

from tests.support.browser import ENGLISH_CAMPAIGN, SPANISH_CAMPAIGN

THREADS = 16
POSTS_PER_THREAD = 16
DOUBLE_SUBMITS = 8  # the same form sent twice, at the same moment
REPEATS = 8  # the same person twice at the same moment, with other details

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrent sign-ups are tested on PostgreSQL only (set DATABASE_URL to "
    "a postgres:// URL; CI's PostgreSQL pass runs this test).",
)


@pytest.fixture
def site(site_for_concurrent_signups):
    """(base URL, database URL) of a freshly built site served by 4 workers,
    started at collection (conftest.py)."""
    return site_for_concurrent_signups


def signup_path(base_url, page_path):
    """Where the page's sign-up form posts to, read from the page as served."""
    with urllib.request.urlopen(f"{base_url}{page_path}", timeout=15) as response:
        html = response.read().decode()
    action = re.search(r'<form method="post" action="([^"#]+)', html)
    assert action, f"{page_path} has no sign-up form"
    return action.group(1)


def post_signup(base_url, path, email, language, name="Vecina de Brighton Park"):
    """(status, Location) of one sign-up, posted without following the redirect."""
    server = urlsplit(base_url)
    body = urlencode(
        {
            "name": name,
            "email": email,
            "zip_code": "60632",
            "language": language,
            "consent": "on",
        }
    )
    client = http.client.HTTPConnection(server.hostname, server.port, timeout=60)
    try:
        client.request(
            "POST",
            path,
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": base_url,
            },
        )
        response = client.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        client.close()


def is_thanks(status, location):
    return status in (302, 303) and "signed-up=1" in location


def stored_signups(database_url):
    with psycopg.connect(database_url) as db:
        return db.execute(
            "SELECT email, campaign_id, times_signed_up FROM campaigns_signup"
        ).fetchall()


def test_concurrent_sign_ups_are_all_stored_once(site):
    base_url, database_url = site
    paths = {
        "en": signup_path(base_url, ENGLISH_CAMPAIGN),
        "es": signup_path(base_url, SPANISH_CAMPAIGN),
    }
    english_id = int(re.search(r"/(\d+)/$", paths["en"]).group(1))
    jobs = [
        (f"neighbour-{n}@example.org", ("en", "es")[n % 2], "Vecina")
        for n in range(THREADS * POSTS_PER_THREAD)
    ]
    for n in range(DOUBLE_SUBMITS):
        jobs[n * 4 : n * 4] = [(f"twice-{n}@example.org", "es", "Vecina")] * 2
    for n in range(REPEATS):
        jobs[n * 5 : n * 5] = [
            (f"again-{n}@example.org", "es", "Rosa"),
            (f"Again-{n}@Example.org", "en", "Rosa María"),
        ]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(
            pool.map(
                lambda job: (
                    job[0].lower(),
                    *post_signup(base_url, paths[job[1]], job[0], job[1], job[2]),
                ),
                jobs,
            )
        )

    errors = [result for result in results if result[1] >= 500]
    assert errors == []
    refused = [result for result in results if not is_thanks(*result[1:])]
    assert refused == []
    rows = stored_signups(database_url)
    # Both languages' sign-ups belong to the campaign's English page.
    assert {campaign for _, campaign, _ in rows} == {english_id}
    # One row per person, whatever the case of their email…
    people = {email for email, *_ in results}
    assert sorted(email.lower() for email, *_ in rows) == sorted(people)
    # …counting each different submission once: a form sent twice is one sign-up.
    times = {email.lower(): count for email, _, count in rows}
    assert {times[f"twice-{n}@example.org"] for n in range(DOUBLE_SUBMITS)} == {1}
    assert {times[f"again-{n}@example.org"] for n in range(REPEATS)} == {2}
    assert sum(times.values()) == len(set(jobs))
