"""The second-factor screens: a code after the password, and setting up an
authenticator app (with recovery codes shown once)."""

import base64

import segno
from django import forms
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import issue_recovery_codes

APP_DEVICE = "Authenticator app"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autofocus": True,
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/admin/"


@never_cache
def verify(request):
    """A code from the app, or a recovery code, after the password."""
    if not user_has_device(request.user, confirmed=True):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error(
            "code",
            _(
                "That code did not work. Check that your phone shows the right "
                "time, or use one of your recovery codes."
            ),
        )
    return TemplateResponse(
        request,
        "editorial/two_factor/verify.html",
        {"form": form, "next": next_url(request)},
    )


@never_cache
def setup(request):
    """Scan a QR code with an authenticator app and confirm one of its codes."""
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect("two_factor_verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return TemplateResponse(
                request,
                "editorial/two_factor/recovery_codes.html",
                {"codes": issue_recovery_codes(user), "next": next_url(request)},
            )
        form.add_error(
            "code",
            _(
                "That code did not work. Scan the QR code again and type the "
                "newest code."
            ),
        )
    return TemplateResponse(
        request,
        "editorial/two_factor/setup.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": segno.make(device.config_url).svg_inline(scale=4),
            "secret": base64.b32encode(device.bin_key).decode(),
        },
    )
