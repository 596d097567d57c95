"""A person asks what we hold about them, or to be forgotten: staff can answer."""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Signup
from home.editorial.roles import setup_roles
from tests.support.factories import SignupFactory
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def signups(seeded_site):
    campaign = seed_page()
    other = seed_page("cancel-shotspotter")
    third = seed_page("free-the-funds")
    SignupFactory(campaign=campaign, name="Ana", email="ana@example.org")
    SignupFactory(campaign=other, name="Ana P.", email="Ana@Example.ORG")
    SignupFactory(campaign=third, name="=cmd", email="ana@example.org")
    SignupFactory(campaign=campaign, name="Bo", email="bo@example.org")


def run(*args, answer=None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if answer is not None:
        monkeypatch.setattr("builtins.input", lambda prompt: answer)
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_export_finds_every_sign_up_of_the_address_whatever_its_case(signups):
    out, err = run("signups_for_person", " ANA@example.org ")

    records = json.loads(out)
    assert sorted(record["name"] for record in records) == ["=cmd", "Ana", "Ana P."]
    assert {record["campaign"] for record in records} == {
        "Treatment Not Trauma",
        "Cancel ShotSpotter",
        "Free the Funds",
    }
    assert {
        "phone",
        "zip_code",
        "consent",
        "times_signed_up",
        "created_at",
        "last_signed_up_at",
    } <= set(records[0])
    assert "3 sign-up(s)" in err


def test_export_as_csv_is_safe_to_open_in_a_spreadsheet(signups):
    out, _ = run("signups_for_person", "ana@example.org", "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    assert "'=cmd" in {row["name"] for row in rows}


def test_forget_asks_first_and_keeps_everything_unless_told_yes(signups, monkeypatch):
    out, _ = run(
        "forget_signups", "ana@example.org", answer="n", monkeypatch=monkeypatch
    )

    assert "3 sign-up(s)" in out and "Nothing deleted" in out
    assert Signup.objects.count() == 4


def test_forget_deletes_only_that_persons_sign_ups(signups, monkeypatch):
    out, _ = run(
        "forget_signups", "ANA@example.org", answer="y", monkeypatch=monkeypatch
    )

    assert "Deleted 3 sign-up(s)" in out
    assert list(Signup.objects.values_list("email", flat=True)) == ["bo@example.org"]


def test_forget_with_yes_does_not_ask(signups):
    out, _ = run("forget_signups", "bo@example.org", "--yes")

    assert "Deleted 1 sign-up(s)" in out
    assert not Signup.objects.filter(email="bo@example.org").exists()
    assert "No sign-ups" in run("forget_signups", "bo@example.org", "--yes")[0]


def test_in_the_admin_superusers_delete_a_sign_up_and_communications_cannot(
    signups, client, admin_client, django_user_model
):
    signup = Signup.objects.get(email="bo@example.org")
    url = reverse("campaigns_signup_modeladmin_delete", args=[signup.pk])
    setup_roles()
    staff = django_user_model.objects.create_user("comms", "c@example.org", "pw")
    staff.groups.add(Group.objects.get(name="Communications"))
    client.force_login(staff)

    client.post(url)
    assert Signup.objects.filter(pk=signup.pk).exists()

    admin_client.post(url)
    assert not Signup.objects.filter(pk=signup.pk).exists()
