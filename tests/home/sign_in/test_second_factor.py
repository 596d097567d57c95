"""Staff who may publish or see neighbours' details sign in with a second factor:
set up on first sign-in with an authenticator app, with recovery codes."""

import re

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.editorial.demo_users import create_demo_users
from home.sign_in.second_factor import issue_recovery_codes
from tests.support.text import visible_text
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-horse"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def sign_in(client, user):
    user.set_password(PASSWORD)
    user.save()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client.get(reverse("wagtailadmin_home"))


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_first_sign_in_sets_up_an_app_then_shows_recovery_codes(client, comms):
    response = sign_in(client, comms)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    setup = client.get(response["Location"])
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=comms, confirmed=False)

    confirmed = client.post(reverse("two_factor_setup"), {"code": current_code(device)})

    assert confirmed.status_code == 200, confirmed.content.decode()[:3000]
    codes = re.findall(r"<li><code>([^<]+)</code></li>", confirmed.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.mark.parametrize("role", ["comms", "moderator"])
def test_publishers_and_sign_up_readers_must_give_a_code(client, request, roles, role):
    user = request.getfixturevalue(role)
    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)

    response = sign_in(client, user)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 302


def test_translators_sign_in_with_their_password_alone(client, translator):
    assert sign_in(client, translator).status_code == 200


def test_superusers_need_a_second_factor_too(client, admin_user):
    assert sign_in(client, admin_user).status_code == 302


def test_a_recovery_code_signs_in_once(client, moderator):
    code = issue_recovery_codes(moderator)[0]
    sign_in(client, moderator)

    response = client.post(
        reverse("two_factor_verify"), {"code": code, "next": "/admin/pages/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client, moderator)
    again = client.post(reverse("two_factor_verify"), {"code": code})
    assert again.status_code == 200
    assert "That code did not work" in visible_text(again.content)


def test_the_second_step_speaks_spanish_to_a_spanish_admin(client, moderator):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "es"
    profile.save()
    issue_recovery_codes(moderator)
    sign_in(client, moderator)

    html = client.get(reverse("two_factor_verify")).content.decode()

    assert "Second step of signing in" not in html
    assert '<html lang="es"' in html


def test_demo_accounts_get_one_time_codes_to_sign_in_with(client, roles, settings):
    settings.LOCAL_INSTALL = True
    made = {username: codes for username, _, _, _, codes in create_demo_users()}

    assert made["traductora"] == []
    assert len(made["comms"]) >= 3 and len(made["admin"]) >= 3
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "comms", "password": "bpnc-comms-demo"},
    )
    client.post(reverse("two_factor_verify"), {"code": made["comms"][0]})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_recovery_codes_command_replaces_the_old_codes(moderator, capsys):
    old = issue_recovery_codes(moderator)

    call_command("recovery_codes", moderator.username)

    new = capsys.readouterr().out.split()
    assert len(new) == 10 and not set(new) & set(old)


def test_the_session_key_is_renewed_at_the_second_step(client, moderator):
    code = issue_recovery_codes(moderator)[0]
    sign_in(client, moderator)
    key_after_password = client.session.session_key

    client.post(reverse("two_factor_verify"), {"code": code})

    assert client.session.session_key != key_after_password
    leaked = Client()
    leaked.cookies["sessionid"] = key_after_password
    assert leaked.get(reverse("wagtailadmin_home")).status_code == 302


def test_after_many_wrong_codes_the_wait_is_said(client, moderator):
    device = TOTPDevice.objects.create(user=moderator, name="Phone", confirmed=True)
    sign_in(client, moderator)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for wait in (1, 2, 0):  # each wrong code doubles the wait for the next
            client.post(reverse("two_factor_verify"), {"code": "000000"})
            clock.shift(wait + 0.5)

        response = client.post(
            reverse("two_factor_verify"), {"code": current_code(device)}
        )

    assert response.status_code == 200
    text = visible_text(response.content)
    assert "Too many wrong codes in a row. Wait 4 seconds" in text
    assert "That code did not work" not in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_password_alone_opens_no_private_page(client, campaign, moderator, language):
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )
    page = campaign if language == "en" else spanish(campaign)
    code = issue_recovery_codes(moderator)[0]
    sign_in(client, moderator)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert page.title not in client.get(page.url, follow=True).content.decode()
    client.post(reverse("two_factor_verify"), {"code": code, "next": page.url})
    assert client.get(page.url).status_code == 200


def test_translators_open_private_pages_with_their_password(
    client, campaign, translator
):
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.LOGIN
    )
    sign_in(client, translator)

    assert client.get(spanish(campaign).url).status_code == 200


def test_a_password_alone_opens_no_private_document(client, moderator, locales):
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document.objects.create(
        title="Minutes",
        collection=collection,
        file=ContentFile(b"minutes", name="minutes.txt"),
    )
    sign_in(client, moderator)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
