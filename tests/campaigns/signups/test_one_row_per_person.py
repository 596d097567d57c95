"""One person, one row per campaign, and each sign-up thanked if and only if it is
kept, exactly once: a double click, the same email typed in another case, a retry
after the answer was lost, as neighbours do them; and the one row, with how many
times, as staff see it in the list and the exports."""

import csv
import io
import re
from contextlib import contextmanager
from datetime import timedelta

import openpyxl
import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError, connection
from django.db.models import F
from django.test import Client
from django.urls import reverse

from campaigns.models import Signup
from campaigns.signups import views
from tests.campaigns.signups.neighbour import post
from tests.support.factories import SIGNUP_FORM
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

INDEX = "campaigns_signup_modeladmin_index"


def page_in(campaign, language):
    return campaign if language == "en" else spanish(campaign)


def thanked(response, page):
    return (
        response.status_code == 302
        and response["Location"] == f"{page.url}?signed-up=1#signup"
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_double_click_is_thanked_twice_and_stored_once(client, campaign, language):
    page = page_in(campaign, language)

    first = post(client, page)
    second = post(client, page)

    assert thanked(first, page) and thanked(second, page)
    signup = Signup.objects.get()
    assert signup.campaign == campaign  # the original page, whatever the language
    assert signup.signed_up_in == language
    assert signup.times_signed_up == 1
    assert signup.last_signed_up_at == signup.created_at


def test_signing_up_again_in_another_case_and_language_updates_the_one_row(
    client, campaign, campaign_es
):
    post(client, campaign_es)
    first = Signup.objects.get()

    again = post(
        client,
        campaign,
        {
            **SIGNUP_FORM,
            "email": "  ANA@Example.ORG ",
            "name": "Ana Pérez López",
            "phone": "",
            "language": "en",
        },
    )

    assert thanked(again, campaign)
    signup = Signup.objects.get()
    assert signup.pk == first.pk
    # The latest details win; the first sign-up's date stays.
    assert (signup.name, signup.email, signup.phone) == (
        "Ana Pérez López",
        "ANA@Example.ORG",
        "",
    )
    assert (signup.language, signup.signed_up_in) == ("en", "en")
    assert signup.times_signed_up == 2
    assert signup.created_at == first.created_at
    assert signup.last_signed_up_at > first.last_signed_up_at


def test_one_person_has_one_row_in_each_campaign(client, campaign):
    other = seed_page("cancel-shotspotter")

    post(client, campaign)
    post(client, other)
    post(client, spanish(other))  # the same campaign, from its other language

    assert sorted(Signup.objects.values_list("campaign__title", "times_signed_up")) == [
        ("Cancel ShotSpotter", 2),
        ("Treatment Not Trauma", 1),
    ]


def test_a_retry_after_the_answer_was_lost_is_thanked_and_stores_nothing_new(
    client, campaign_es, monkeypatch
):
    """The worker dies after the commit, before answering: the neighbour saw no
    thank-you and sends the form again."""

    def worker_killed(*args, **kwargs):
        raise ConnectionAbortedError("worker killed before answering")

    monkeypatch.setattr(views, "HttpResponseRedirect", worker_killed)
    client.raise_request_exception = False
    lost = post(client, campaign_es)
    assert lost.status_code == 500
    kept = Signup.objects.get()
    monkeypatch.undo()

    retry = post(client, campaign_es)

    assert thanked(retry, campaign_es)
    signup = Signup.objects.get()
    assert signup.times_signed_up == 1
    assert signup.last_signed_up_at == kept.last_signed_up_at


@contextmanager
def database_and_cache_gone_once_the_sign_up_is_written(monkeypatch):
    """From the moment the row is written, every query and every cache call fails,
    as when the database and the cache server go away between the commit and the
    thank-you."""
    written = False

    def database(execute, sql, params, many, context):
        nonlocal written
        statement = sql.lstrip().split(None, 1)[0].upper()
        if written and statement in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            raise OperationalError("server closed the connection unexpectedly")
        result = execute(sql, params, many, context)
        if "campaigns_signup" in sql and statement in ("INSERT", "UPDATE"):
            written = True
        return result

    def guarded(method):
        def call(*args, **kwargs):
            if written:
                raise ConnectionError("cache server gone")
            return method(*args, **kwargs)

        return call

    for name in ("get", "set", "add", "incr", "delete", "get_many", "has_key"):
        monkeypatch.setattr(LocMemCache, name, guarded(getattr(LocMemCache, name)))
    with connection.execute_wrapper(database):
        yield
    monkeypatch.undo()
    assert written, "the sign-up was never written"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_thank_you_needs_nothing_once_the_sign_up_is_written(
    client, campaign, language, monkeypatch
):
    page = page_in(campaign, language)
    thanks = f"{page.url}?signed-up=1#signup"

    with database_and_cache_gone_once_the_sign_up_is_written(monkeypatch):
        response = post(client, page)

    assert response.status_code == 302
    assert response["Location"] == thanks
    assert Signup.objects.get().email == SIGNUP_FORM["email"]


def test_a_repeat_also_needs_nothing_once_it_is_written(client, campaign, monkeypatch):
    post(client, campaign)

    with database_and_cache_gone_once_the_sign_up_is_written(monkeypatch):
        response = post(client, campaign, {**SIGNUP_FORM, "name": "Ana P."})

    assert response.status_code == 302
    assert Signup.objects.get().times_signed_up == 2


@pytest.fixture
def neighbours_signed_up(campaign, campaign_es):
    """Ana double-clicks in Spanish, then signs up again in English with her email
    in capitals and a shorter name; Bo signs up once."""
    neighbour = Client()
    post(neighbour, campaign_es)
    post(neighbour, campaign_es)
    post(
        neighbour,
        campaign,
        {**SIGNUP_FORM, "email": "ANA@example.org", "name": "Ana P.", "language": "en"},
    )
    post(
        neighbour,
        campaign,
        {**SIGNUP_FORM, "email": "bo@example.org", "name": "Bo", "language": "en"},
    )
    return campaign


def staff_download(client, export):
    response = client.get(reverse(INDEX), {"export": export})
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_staff_see_one_row_per_person_with_the_count(
    client, comms, neighbours_signed_up
):
    client.force_login(comms)

    html = client.get(reverse(INDEX)).content.decode()

    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, re.DOTALL)
    ana = [row for row in rows if "ANA@example.org" in row]
    assert len(ana) == 1
    assert "Ana P." in ana[0] and re.search(r">\s*2\s*<", ana[0])
    assert "Ana Pérez" not in html
    assert "Times signed up" in html and "Last signed up at" in html


def test_the_csv_export_has_one_row_per_person_with_the_count(
    client, comms, neighbours_signed_up
):
    # The export gives minutes: Ana's first sign-up an hour before her second.
    Signup.objects.filter(email__iexact="ana@example.org").update(
        created_at=F("created_at") - timedelta(hours=1)
    )
    client.force_login(comms)

    rows = list(csv.DictReader(io.StringIO(staff_download(client, "csv").decode())))

    assert sorted((row["Email"], row["Times Signed Up"]) for row in rows) == [
        ("ANA@example.org", "2"),
        ("bo@example.org", "1"),
    ]
    ana = next(row for row in rows if row["Email"] == "ANA@example.org")
    assert ana["Name"] == "Ana P."
    assert ana["First Signed Up At"] < ana["Last Signed Up At"]


def test_the_xlsx_export_has_one_row_per_person_with_the_count(
    client, comms, neighbours_signed_up
):
    client.force_login(comms)

    sheet = openpyxl.load_workbook(io.BytesIO(staff_download(client, "xlsx"))).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    records = [dict(zip(header, row, strict=True)) for row in rows]

    assert sorted((r["Email"], r["Times Signed Up"]) for r in records) == [
        ("ANA@example.org", 2),
        ("bo@example.org", 1),
    ]
