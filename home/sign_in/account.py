"""The "Two-step sign-in" section of the admin's account page: set up, replace
or remove the authenticator app, and make new recovery codes.

Each change asks for the password and the current factor again, rotates the
session key, and is told to the owner by email and on their dashboard, so a
session left open or taken over cannot quietly move the account's second
factor to someone else's phone. Recovery codes change only when their owner
asks for new ones.
"""

import time

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import BaseSettingsPanel

from .devices import authenticator_app, recovery_codes_left, recovery_device
from .forms import CodeForm, ConfirmIdentityForm
from .notices import CHANGES, tell_owner
from .second_factor import issue_recovery_codes, needs_two_factor
from .views import app_qr_context, pending_app, signed_in_with

# How long a confirmed identity stays good for setting up the new app.
CONFIRMED_FOR_SECONDS = 10 * 60
SESSION_KEY = "two_step_confirmed"


class TwoStepSettingsPanel(BaseSettingsPanel):
    """Where the account's second factor is shown and changed."""

    name = "two_step"
    title = gettext_lazy("Two-step sign-in")
    order = 550
    template_name = "sign_in/account_panel.html"

    def get_form(self):
        return forms.Form(prefix=self.name)  # links only: nothing to save here

    def get_context_data(self):
        app = authenticator_app(self.user)
        return {
            **super().get_context_data(),
            "app": app,
            "codes_left": recovery_codes_left(self.user),
            "required": needs_two_factor(self.user),
        }


ACTIONS = {
    # action: what the confirmation screen asks for, in the admin's language
    "app": gettext_lazy("Set up a new authenticator app"),
    "remove": gettext_lazy("Remove the authenticator app"),
    "codes": gettext_lazy("Make new recovery codes"),
}


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, action):
    """The password and the current factor, then the change itself."""
    if action not in ACTIONS:
        raise Http404
    user = request.user
    if action == "remove" and authenticator_app(user) is None:
        return redirect("two_step_settings")
    form = ConfirmIdentityForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.session.cycle_key()
        return {
            "app": start_new_app,
            "remove": remove_app,
            "codes": new_recovery_codes,
        }[action](request, form.device)
    return TemplateResponse(
        request,
        "sign_in/confirm.html",
        {"form": form, "heading": ACTIONS[action], "action": action},
    )


def start_new_app(request, device):
    request.session[SESSION_KEY] = time.time()
    return redirect("two_step_new_app")


def _confirmed_recently(request):
    confirmed_at = request.session.get(SESSION_KEY)
    return confirmed_at is not None and time.time() - confirmed_at < (
        CONFIRMED_FOR_SECONDS
    )


@never_cache
@require_http_methods(["GET", "POST"])
def new_app(request):
    """Scan the new app's QR code and type one of its codes: only then is the
    old app replaced."""
    if not _confirmed_recently(request):
        return redirect("two_step_confirm", action="app")
    user = request.user
    device = pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            replaced = authenticator_app(user) is not None
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            del request.session[SESSION_KEY]
            signed_in_with(request, device)
            change = "app_replaced" if replaced else "app_added"
            tell_owner(request, change)
            messages.success(request, CHANGES[change])
            return redirect("two_step_settings")
        form.add_error("code", CodeForm.NEW_APP_REFUSED)
    return TemplateResponse(
        request,
        "sign_in/new_app.html",
        {"form": form, **app_qr_context(device)},
    )


def remove_app(request, device):
    user = request.user
    TOTPDevice.objects.filter(user=user).delete()
    codes = recovery_device(user)
    if codes is not None:
        # The recovery codes still stand: the factor just given keeps this
        # session signed in with them.
        signed_in_with(request, codes)
    tell_owner(request, "app_removed")
    messages.success(request, CHANGES["app_removed"])
    return redirect("two_step_settings")


def new_recovery_codes(request, device):
    codes = issue_recovery_codes(request.user)
    signed_in_with(request, device)
    tell_owner(request, "codes_replaced")
    return TemplateResponse(
        request,
        "sign_in/recovery_codes.html",
        {"codes": codes, "next": settings_address()},
    )


def settings_address():
    return reverse("wagtailadmin_account")


def settings_view(request):
    """The account page, where the two-step section is."""
    return redirect(settings_address())
