"""The account's second factor changes only with the password and the current
factor given again, is told to its owner, and never by a signed-in session
alone."""

import base64
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.oath import hotp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from home.outbox.models import OutgoingEmail
from home.sign_in.second_factor import issue_recovery_codes, unused_recovery_codes
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-horse"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


def app_code(device):
    """The code the app shows now."""
    step = int(time.time() - device.t0) // device.step
    return f"{hotp(device.bin_key, step, digits=device.digits):06d}"


@pytest.fixture
def signed_in_moderator(client, moderator):
    """A moderator signed in with both factors: an app and recovery codes."""
    moderator.set_password(PASSWORD)
    moderator.email = "mod@example.org"
    moderator.save()
    app = TOTPDevice.objects.create(user=moderator, name="Phone", confirmed=True)
    codes = issue_recovery_codes(moderator)
    client.post(
        reverse("wagtailadmin_login"),
        {"username": moderator.username, "password": PASSWORD},
    )
    response = client.post(reverse("two_factor_verify"), {"code": codes.pop()})
    assert response.status_code == 302
    # The recovery code was tried against the app first, which then waits a
    # second before it looks at a code again; the tests go on at once.
    app.refresh_from_db()
    app.throttle_reset()
    return {"user": moderator, "app": app, "codes": codes}


def test_a_signed_in_session_cannot_set_up_a_new_app_over_the_old(
    client, signed_in_moderator
):
    user = signed_in_moderator["user"]
    codes_before = set(unused_recovery_codes(user))

    response = client.get(reverse("two_factor_setup"))

    assert response.status_code == 302
    assert response["Location"] == reverse("two_step_settings")
    posted = client.post(reverse("two_factor_setup"), {"code": "123456"})
    assert posted.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user)) == [signed_in_moderator["app"]]
    assert set(unused_recovery_codes(user)) == codes_before
    assert mail.outbox == []


def test_the_account_page_shows_the_two_step_section(client, signed_in_moderator):
    html = client.get(reverse("wagtailadmin_account")).content.decode()

    assert "Two-step sign-in" in html
    assert reverse("two_step_confirm", args=["app"]) in html
    assert reverse("two_step_confirm", args=["remove"]) in html
    assert reverse("two_step_confirm", args=["codes"]) in html
    assert "9 unused recovery codes" in visible_text(html)


def test_replacing_the_app_needs_the_password_and_the_current_factor(
    client, signed_in_moderator
):
    url = reverse("two_step_confirm", args=["app"])
    codes = signed_in_moderator["codes"]

    wrong_password = client.post(url, {"password": "guess", "code": codes[0]})
    no_factor = client.post(url, {"password": PASSWORD, "code": "000000"})

    assert wrong_password.status_code == no_factor.status_code == 200
    assert "That is not your password" in visible_text(wrong_password.content)
    assert "That code did not work" in visible_text(no_factor.content)
    # A refused password spends no recovery code.
    assert codes[0] in unused_recovery_codes(signed_in_moderator["user"])
    assert client.get(reverse("two_step_new_app")).status_code == 302


def test_a_moderator_replaces_the_app_and_is_told(
    client, signed_in_moderator, django_capture_on_commit_callbacks
):
    user, old_app = signed_in_moderator["user"], signed_in_moderator["app"]
    codes_before = set(unused_recovery_codes(user))
    session_before = client.session.session_key

    confirmed = client.post(
        reverse("two_step_confirm", args=["app"]),
        {"password": PASSWORD, "code": app_code(old_app)},
    )
    assert confirmed.status_code == 302, visible_text(confirmed.content)[-400:]
    assert confirmed["Location"] == reverse("two_step_new_app")
    assert client.session.session_key != session_before
    page = client.get(reverse("two_step_new_app"))
    secret = re.search(r"<code>([A-Z2-7]+)</code>", page.content.decode()).group(1)
    new_app = TOTPDevice.objects.get(user=user, confirmed=False)
    assert base64.b32decode(secret) == new_app.bin_key
    assert TOTPDevice.objects.filter(pk=old_app.pk).exists()  # until confirmed

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("two_step_new_app"), {"code": app_code(new_app)})

    assert done.status_code == 302
    assert list(TOTPDevice.objects.filter(user=user)) == [new_app]
    assert TOTPDevice.objects.get(pk=new_app.pk).confirmed
    assert set(unused_recovery_codes(user)) == codes_before
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.org"]
    assert "replaced" in mail.outbox[0].body
    dashboard = visible_text(client.get(reverse("wagtailadmin_home")).content)
    assert "Your authenticator app was replaced" in dashboard


def test_new_recovery_codes_replace_the_old_ones_only_when_asked(
    client, signed_in_moderator, django_capture_on_commit_callbacks
):
    user = signed_in_moderator["user"]
    old = signed_in_moderator["codes"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("two_step_confirm", args=["codes"]),
            {"password": PASSWORD, "code": old[0]},
        )

    assert response.status_code == 200
    shown = re.findall(r"<li><code>([^<]+)</code></li>", response.content.decode())
    assert len(shown) == 10
    assert set(unused_recovery_codes(user)) == set(shown)
    assert not set(old) & set(shown)
    assert "earlier ones no longer work" in mail.outbox[0].body


def test_removing_the_app_keeps_the_recovery_codes(
    client, signed_in_moderator, django_capture_on_commit_callbacks
):
    user = signed_in_moderator["user"]
    codes = signed_in_moderator["codes"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("two_step_confirm", args=["remove"]),
            {"password": PASSWORD, "code": codes[0]},
        )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert StaticToken.objects.filter(device__user=user).count() == len(codes) - 1
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert "was removed" in mail.outbox[0].body


def test_the_owner_is_told_in_their_admin_language(
    client, signed_in_moderator, django_capture_on_commit_callbacks
):
    user = signed_in_moderator["user"]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("two_step_confirm", args=["codes"]),
            {"password": PASSWORD, "code": signed_in_moderator["codes"][0]},
        )

    email = mail.outbox[0]
    assert "recovery codes" not in email.body and "changed" not in email.subject
    assert "códigos de recuperación" in email.body


def test_an_email_that_cannot_be_sent_never_fails_the_change(
    client, signed_in_moderator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("two_step_confirm", args=["codes"]),
            {"password": PASSWORD, "code": signed_in_moderator["codes"][0]},
        )

    assert response.status_code == 200
    waiting = OutgoingEmail.objects.get()
    assert waiting.attempts == 1 and waiting.to == ["mod@example.org"]
