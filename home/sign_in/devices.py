"""An account's second factors: its authenticator app and its recovery codes,
checked with django-otp's own throttling (each wrong code doubles the wait
before the next one is even looked at)."""

import math

from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .second_factor import RECOVERY_DEVICE


def authenticator_app(user):
    """The account's confirmed authenticator app, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(
        device__user=user, device__name=RECOVERY_DEVICE
    ).count()


def recovery_device(user):
    return StaticDevice.objects.filter(
        user=user, name=RECOVERY_DEVICE, confirmed=True
    ).first()


def check_code(user, code):
    """The device that accepts the code (an app's current code, or a recovery
    code, which is used up), or None."""
    return match_token(user, code)


# Below this many wrong codes in a row the waits are a second or two: not worth
# a message.
WRONG_CODES_BEFORE_A_WAIT = 3


def app_seconds_to_wait(user):
    """How long the authenticator app refuses codes after wrong ones."""
    device = authenticator_app(user)
    if device is None:
        return 0
    allowed, data = device.verify_is_allowed()
    if allowed or not data or "locked_until" not in data:
        return 0
    if data["failure_count"] < WRONG_CODES_BEFORE_A_WAIT:
        return 0
    remaining = (data["locked_until"] - timezone.now()).total_seconds()
    return max(1, math.ceil(remaining))


def code_refused_message(user):
    """Why a code was refused: a wrong code, or too many wrong ones in a row
    (then even the right one waits, and the message says how long)."""
    wait = app_seconds_to_wait(user)
    if wait:
        return ngettext(
            "Too many wrong codes in a row. Wait %(seconds)s second before typing "
            "the code your app shows, or use one of your recovery codes.",
            "Too many wrong codes in a row. Wait %(seconds)s seconds before typing "
            "the code your app shows, or use one of your recovery codes.",
            wait,
        ) % {"seconds": wait}
    return gettext(
        "That code did not work. Check that your phone shows the right time, or "
        "use one of your recovery codes."
    )
