"""Nothing is kept forever, staff answer privacy requests in the admin, and the
privacy page says so in both languages."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Erasure, Signup, SignupTally
from campaigns.signups.retention import months_before, signup_total
from tests.support.english import english_pieces
from tests.support.factories import SignupFactory
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db

PRIVACY_REQUESTS = "signup_privacy_requests"


def aged(signup, **ago):
    moment = timezone.now() - timedelta(**ago)
    Signup.objects.filter(pk=signup.pk).update(
        created_at=moment, last_signed_up_at=moment
    )


def retention(*args):
    out = io.StringIO()
    call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


def test_rows_past_retention_are_reduced_to_counts_after_a_dry_run(campaign, settings):
    settings.SIGNUP_RETENTION_MONTHS = 24
    old = [SignupFactory(campaign=campaign) for _ in range(2)]
    for signup in old:
        aged(signup, days=2 * 366)
    recent = SignupFactory(campaign=campaign)
    aged(recent, days=700)  # within 24 months
    never_confirmed = SignupFactory(campaign=campaign, needs_confirmation=True)
    aged(never_confirmed, days=settings.SIGNUP_CONFIRMATION_DAYS + 1)
    total = signup_total(campaign)
    assert total == 3

    said = retention("--dry-run")

    assert "Would delete 2 sign-up(s) older than 24 months" in said
    assert "1 never confirmed within 14 days" in said
    assert Signup.objects.count() == 4

    retention()

    assert list(Signup.objects.all()) == [recent]
    assert signup_total(campaign) == total
    assert sum(SignupTally.objects.values_list("signups", flat=True)) == 2
    erasure = Erasure.objects.get()
    assert (erasure.by, erasure.signups, erasure.staff_member) == ("retention", 3, None)

    retention()  # run again: nothing more goes, nothing counted twice
    assert signup_total(campaign) == total


def test_months_are_calendar_months():
    moment = timezone.now().replace(year=2026, month=3, day=31)
    assert months_before(moment, 1).date().isoformat() == "2026-02-28"
    assert months_before(moment, 24).date().isoformat() == "2024-03-31"


@pytest.fixture
def signups(seeded_site):
    SignupFactory(campaign=seed_page(), name="Ana", email="ana@example.org")
    SignupFactory(campaign=seed_page("free-the-funds"), email="ANA@example.org")
    SignupFactory(campaign=seed_page(), name="Bo", email="bo@example.org")


def test_communications_find_download_and_forget_a_person(client, comms, signups):
    client.force_login(comms)
    url = reverse(PRIVACY_REQUESTS)

    found = client.get(url, {"email": "Ana@Example.org"})
    assert found.status_code == 200
    assert found.text.count("<tr><td>") == 2  # her two sign-ups
    assert "Treatment Not Trauma" in found.text and "Free the Funds" in found.text
    download = client.post(url, {"email": "ana@example.org", "action": "download"})
    assert download["Content-Type"] == "application/json"
    assert len(download.json()) == 2

    client.post(url, {"email": "ana@example.org", "action": "forget"})

    assert list(Signup.objects.values_list("email", flat=True)) == ["bo@example.org"]
    erasure = Erasure.objects.get()
    assert (erasure.by, erasure.signups, erasure.staff_member) == ("staff", 2, comms)
    log = client.get(reverse("campaigns_erasure_modeladmin_index"))
    assert log.status_code == 200 and "ana@" not in log.text.lower()


def test_the_forget_command_is_logged_the_same_way(signups):
    call_command("forget_signups", "ana@example.org", "--yes", stdout=io.StringIO())

    assert Erasure.objects.get().signups == 2


def test_other_roles_cannot_answer_privacy_requests(client, translator, signups):
    client.force_login(translator)

    # Refused: Wagtail sends them back to the dashboard with a message.
    found = client.get(reverse(PRIVACY_REQUESTS), {"email": "ana@example.org"})
    assert found.status_code == 302 and "Treatment" not in found.text
    client.post(
        reverse(PRIVACY_REQUESTS), {"email": "ana@example.org", "action": "forget"}
    )
    assert Signup.objects.count() == 3
    assert (
        reverse(PRIVACY_REQUESTS) not in client.get(reverse("wagtailadmin_home")).text
    )


@pytest.mark.parametrize(
    ("language", "months", "form"),
    [
        ("en", "18 months", "/en/privacy/my-data/"),
        ("es", "18 meses", "/es/privacidad/mis-datos/"),
    ],
)
def test_the_privacy_page_states_the_retention_setting_and_links_to_the_form(
    client, seeded_site, settings, uncached_pages, language, months, form
):
    settings.SIGNUP_RETENTION_MONTHS = 18
    page = seed_page("privacy", language)

    response = client.get(page.url)

    assert months in response.text
    assert f'href="{form}"' in response.text
    if language == "es":
        assert english_pieces(response.content) == []
    assert client.get(form).status_code == 200
