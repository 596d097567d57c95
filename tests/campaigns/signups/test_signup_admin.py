"""Communications staff see and export sign-ups in the admin; nobody else can."""

import csv
import io
import zipfile
from datetime import UTC, datetime

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from campaigns.models import CampaignPage, Signup
from home.editorial.roles import setup_roles
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db

INDEX = "campaigns_signup_modeladmin_index"


@pytest.fixture
def signups(seeded_site):
    setup_roles()
    campaign = seed_page()
    other = seed_page("cancel-shotspotter")
    for page, name, language in [
        (campaign, "Ana", "es"),
        (campaign, "Bo", "en"),
        (other, "Cy", "en"),
    ]:
        Signup.objects.create(
            campaign=page,
            name=name,
            email=f"{name.lower()}@example.org",
            language=language,
            signed_up_in=language,
            consent=True,
        )
    return campaign


def staff(django_user_model, client, group):
    user = django_user_model.objects.create_user(group.lower(), "x@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return client


def test_communications_see_the_list_with_campaign_language_and_date(
    client, django_user_model, signups
):
    staff(django_user_model, client, "Communications")
    html = client.get(reverse(INDEX)).content.decode()

    for text in ["Ana", "Bo", "Cy", "Treatment Not Trauma", "Cancel ShotSpotter"]:
        assert text in html


def test_filter_by_campaign_and_search(client, django_user_model, signups):
    staff(django_user_model, client, "Communications")

    filtered = client.get(reverse(INDEX), {"campaign__id__exact": signups.pk})
    searched = client.get(reverse(INDEX), {"q": "bo@example"})

    assert "cy@example.org" not in filtered.content.decode()
    assert "ana@example.org" in filtered.content.decode()
    assert "bo@example.org" in searched.content.decode()
    assert "ana@example.org" not in searched.content.decode()


def test_csv_export_has_every_sign_up(client, django_user_model, signups):
    staff(django_user_model, client, "Communications")

    response = client.get(reverse(INDEX), {"export": "csv"})

    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    rows = list(csv.reader(io.StringIO(body.decode())))
    emails = {row[1] for row in rows[1:]}
    assert emails == {"ana@example.org", "bo@example.org", "cy@example.org"}


def test_xlsx_export_is_a_spreadsheet(client, django_user_model, signups):
    staff(django_user_model, client, "Communications")

    response = client.get(reverse(INDEX), {"export": "xlsx"})

    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert zipfile.ZipFile(io.BytesIO(content)).namelist()


@pytest.mark.parametrize("group", ["Translators", "Moderators"])
def test_other_roles_cannot_see_sign_ups(client, django_user_model, signups, group):
    staff(django_user_model, client, group)

    response = client.get(reverse(INDEX))

    assert response.status_code in (302, 403)
    assert "ana@example.org" not in response.content.decode()


def signup_admin_urls(signup):
    """Every admin address that shows any part of a sign-up."""
    index = reverse(INDEX)
    return [
        index,
        f"{index}?export=csv",
        f"{index}?export=xlsx",
        f"{index}?q=ana",
        f"/admin/campaigns/signup/inspect/{signup.pk}/",
        f"/admin/campaigns/signup/history/{signup.pk}/",
    ]


@pytest.mark.parametrize("group", ["Translators", "Moderators"])
def test_no_admin_address_shows_a_sign_up_to_other_roles(
    client, django_user_model, signups, group
):
    signup = Signup.objects.get(name="Ana")
    staff(django_user_model, client, group)

    for url in signup_admin_urls(signup):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Ana" not in response.content.decode(), url


def test_communications_reach_every_sign_up_address_but_history(
    client, django_user_model, signups
):
    signup = Signup.objects.get(name="Ana")
    staff(django_user_model, client, "Communications")

    *readable, history = signup_admin_urls(signup)
    for url in readable:
        assert client.get(url).status_code == 200, url
    # Sign-ups are never edited: there is no history to show.
    assert client.get(history, follow=True).status_code == 404


def test_export_does_not_hand_spreadsheets_a_formula(
    client, django_user_model, signups
):
    Signup.objects.create(
        campaign=signups,
        name='=HYPERLINK("http://evil.example","x")',
        email="dee@example.org",
        language="en",
        signed_up_in="en",
        consent=True,
    )
    staff(django_user_model, client, "Communications")

    response = client.get(reverse(INDEX), {"export": "csv"})
    body = b"".join(response.streaming_content).decode()

    assert "'=HYPERLINK" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body


def test_export_keeps_phone_numbers_and_empty_cells_exactly(
    client, django_user_model, signups
):
    Signup.objects.filter(name="Ana").update(phone="+1 (773) 555-0100")
    staff(django_user_model, client, "Communications")

    response = client.get(reverse(INDEX), {"export": "csv"})
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    phones = {row["Name"]: row["Phone"] for row in rows}

    assert phones["Ana"] == "+1 (773) 555-0100"
    assert not phones["Bo"].startswith("'")


def test_campaign_with_sign_ups_cannot_be_deleted(admin_client, signups):
    url = reverse("wagtailadmin_pages:delete", args=[signups.pk])

    response = admin_client.post(url)

    assert response.status_code == 302
    assert CampaignPage.objects.filter(pk=signups.pk).exists()


def download(client, export):
    response = client.get(reverse(INDEX), {"export": export})
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_the_export_reads_as_the_list_in_the_exporters_language(
    client, django_user_model, signups
):
    ana = Signup.objects.get(name="Ana")
    Signup.objects.filter(pk=ana.pk).update(
        created_at=datetime(2026, 12, 7, 18, 5, 42, 123456, tzinfo=UTC),
        last_signed_up_at=datetime(2026, 12, 7, 18, 5, 42, 123456, tzinfo=UTC),
    )
    staff(django_user_model, client, "Communications")
    profile = UserProfile.get_for_user(
        django_user_model.objects.get(username="communications")
    )
    profile.preferred_language = "es"
    profile.save()

    csv_rows = list(csv.reader(io.StringIO(download(client, "csv").decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, "xlsx"))).active
    xlsx_rows = [list(row) for row in sheet.iter_rows(values_only=True)]

    csv_ana = next(row for row in csv_rows if "Ana" in row)
    xlsx_ana = next(row for row in xlsx_rows if "Ana" in row)
    # 18:05 UTC is 12:05 in Chicago in December, shown to the minute.
    assert csv_ana.count("2026-12-07 12:05") == 2
    assert not any("+00:00" in value or ".123456" in value for value in csv_ana)
    assert "es" not in csv_ana and "True" not in csv_ana
    assert csv_ana.count("Español") == 2 and "Sí" in csv_ana
    assert xlsx_ana.count(datetime(2026, 12, 7, 12, 5)) == 2
    assert "Español" in xlsx_ana and "Sí" in xlsx_ana
