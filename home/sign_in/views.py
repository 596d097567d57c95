"""The second step of signing in, and setting up a first authenticator app
(with recovery codes shown once). Replacing or removing it later, and new
recovery codes, are on the account page (``account.py``)."""

import base64

import segno
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .devices import check_code, code_refused_message
from .forms import CodeForm
from .second_factor import APP_DEVICE, issue_recovery_codes


def next_url(request, default="/admin/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def signed_in_with(request, device):
    """The session is verified with this device, under a new key: a key that
    leaked before this step is worth nothing after it."""
    otp_login(request, device)
    request.session.cycle_key()


@never_cache
def verify(request):
    """A code from the app, or a recovery code, after the password."""
    if not user_has_device(request.user, confirmed=True):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = check_code(request.user, form.cleaned_data["code"])
        if device is not None:
            signed_in_with(request, device)
            return redirect(next_url(request))
        form.add_error("code", code_refused_message(request.user))
    return TemplateResponse(
        request,
        "sign_in/verify.html",
        {"form": form, "next": next_url(request)},
    )


def pending_app(user):
    """The authenticator app being set up: a new secret, unconfirmed until one
    of its codes is typed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    return device


def app_qr_context(device):
    return {
        "qr_code": segno.make(device.config_url).svg_inline(scale=4),
        "secret": base64.b32encode(device.bin_key).decode(),
    }


@never_cache
def setup(request):
    """A first authenticator app, for an account that has no second factor
    yet. Once it has one, changes need the account page and the current
    factor: a signed-in session alone cannot replace it."""
    user = request.user
    if user_has_device(user, confirmed=True):
        if not user.is_verified():
            return redirect("two_factor_verify")
        return redirect("two_step_settings")
    device = pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            signed_in_with(request, device)
            return TemplateResponse(
                request,
                "sign_in/recovery_codes.html",
                {"codes": issue_recovery_codes(user), "next": next_url(request)},
            )
        form.add_error("code", CodeForm.NEW_APP_REFUSED)
    return TemplateResponse(
        request,
        "sign_in/setup.html",
        {"form": form, "next": next_url(request), **app_qr_context(device)},
    )
