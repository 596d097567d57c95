"""A person's request, answered by staff in the admin: find every sign-up made
with an email (to hand over as JSON) and forget them all, logged like every
erasure. For whoever may see sign-ups: Communications and superusers."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.menu import MenuItem

from .erasure import Erasure, erase
from .privacy import as_record, signups_of

PERMISSION = "campaigns.view_signup"


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email of the person"))


def may_answer(user):
    return user.has_perm(PERMISSION)


class PrivacyRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_answer(request.user)


@never_cache
def privacy_requests(request):
    if not may_answer(request.user):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    form = PersonForm(source or None)
    if not form.is_valid():
        return _page(request, form)
    email = form.cleaned_data["email"]
    signups = signups_of(email)
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "forget":
        erased = erase(signups, Erasure.STAFF, staff_member=request.user)
        messages.success(request, _("%(count)s sign-up(s) erased.") % {"count": erased})
        return redirect("signup_privacy_requests")
    records = [as_record(signup) for signup in signups]
    if action == "download":
        response = HttpResponse(
            json.dumps(records, indent=2, ensure_ascii=False, default=str),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="sign-ups.json"'
        return response
    return _page(request, form, records=records, searched=True)


def _page(request, form, **context):
    context.update(form=form, heading=_("Privacy requests"))
    return TemplateResponse(request, "campaigns/admin/privacy_requests.html", context)
