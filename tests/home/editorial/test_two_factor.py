"""Staff who may publish or see neighbours' details sign in with a second factor:
set up on first sign-in with an authenticator app, with recovery codes."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.editorial.demo_users import create_demo_users
from home.editorial.two_factor import issue_recovery_codes
from tests.support.text import visible_text

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
