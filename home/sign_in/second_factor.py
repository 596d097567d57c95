"""Two-factor sign-in, on django-otp.

Whoever may publish or may see sign-ups (neighbours' personal data), and every
superuser, signs in with a second factor: a code from an authenticator app
(TOTP, set up on first sign-in), or a one-time recovery code (django-otp static
tokens, ``manage.py recovery_codes``). Recovery codes are also how the demo
accounts of a local install sign in, since nobody has an app for them.

The second factor guards everything a password would open to such an account:
the admin (the middleware below) and private pages and documents on the public
site (the ``before_serve_*`` hooks in ``wagtail_hooks.py``).

wagtail-2fa, the usual package for this, does not import on Wagtail 8, so the
few screens it would give are here, on django-otp's models and checks.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from wagtail.models import GroupPagePermission

RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10
PERSONAL_DATA = "campaigns.view_signup"
# Reachable before the second factor: signing in and out, and these screens.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_setup",
}
APP_DEVICE = "Authenticator app"


def needs_two_factor(user):
    """Whether the user may publish anything or see personal data."""
    if user.is_superuser:
        return True
    permissions = user.get_all_permissions()
    if PERSONAL_DATA in permissions or any(
        name.split(".", 1)[1].startswith("publish_") for name in permissions
    ):
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def issue_recovery_codes(user, count=RECOVERY_CODES):
    """New recovery codes for the user, replacing any not yet used."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def must_give_second_factor(request):
    """Whether the signed-in user still owes the second factor."""
    user = request.user
    return (
        settings.TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and not user.is_verified()
        and needs_two_factor(user)
    )


def second_factor_address(request):
    """Where to give the second factor (or set one up), then come back here."""
    name = "two_factor_verify"
    if not user_has_device(request.user, confirmed=True):
        name = "two_factor_setup"
    query = urlencode({"next": request.get_full_path()})
    return f"{reverse(name)}?{query}"


def unused_recovery_codes(user):
    return list(
        StaticToken.objects.filter(
            device__user=user, device__name=RECOVERY_DEVICE
        ).values_list("token", flat=True)
    )


class TwoFactorMiddleware:
    """Sends staff who need a second factor to give it (or to set one up)
    before any other admin screen. After django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            return redirect(second_factor_address(request))
        return self.get_response(request)

    @staticmethod
    def _must_verify(request):
        if not request.path_info.startswith("/admin/"):
            return False
        try:
            if resolve(request.path_info).url_name in OPEN_URL_NAMES:
                return False
        except Resolver404:
            return False
        return must_give_second_factor(request)
