"""A neighbour sees or erases what is held about their email, themselves.

The request form answers the same way whether or not the address is on file,
so it tells no one who signed up; when it is, a link to every sign-up held for
it is emailed, signed and valid OWN_DATA_LINK_HOURS. Nothing here is ever
cached (never_cache: private, no-store), the form is throttled like the
sign-up form, and posts must come from this site (Origin check and CSRF).
"""

from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from home.throttling import over_limit, retry_after

from . import tokens
from .emails import queue_own_data_link
from .erasure import Erasure, erase
from .models import Signup
from .privacy import signups_of
from .views import is_same_origin


class OwnDataRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        error_messages={
            "required": _("Please give the email you signed up with."),
            "invalid": _("Please enter a valid email, like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def request_page(request, form, status=200, **context):
    context.update(form=form, hours=settings.OWN_DATA_LINK_HOURS)
    return TemplateResponse(
        request, "campaigns/own_data/request.html", context, status=status
    )


def refused(request):
    return TemplateResponse(request, "campaigns/own_data/refused.html", status=403)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def own_data_request(request):
    if request.method != "POST":
        return request_page(request, OwnDataRequestForm())
    if not is_same_origin(request):
        return refused(request)
    form = OwnDataRequestForm(request.POST)
    if over_limit(request, "own-data-request", settings.OWN_DATA_RATE_LIMIT):
        response = request_page(request, form, status=429, rate_limited=True)
        response["Retry-After"] = str(retry_after(settings.OWN_DATA_RATE_LIMIT))
        return response
    if not form.is_valid():
        return request_page(request, form, status=400)
    signups = list(signups_of(form.cleaned_data["email"]))
    if signups:
        queue_own_data_link(signups, translation.get_language())
    # The same answer for an address on file and for one that is not.
    return TemplateResponse(request, "campaigns/own_data/sent.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def own_data(request, token):
    ids = tokens.own_data_ids(token)
    if ids is None:
        return TemplateResponse(request, "campaigns/own_data/expired.html", status=410)
    held = Signup.objects.filter(pk__in=ids).select_related("campaign", "consent_text")
    if request.method == "POST":
        if not is_same_origin(request):
            return refused(request)
        chosen = (
            held
            if "erase_all" in request.POST
            else held.filter(pk=_as_id(request.POST.get("erase")))
        )
        erased = erase(chosen, Erasure.NEIGHBOUR)
        return HttpResponseRedirect(f"{request.path}?erased={erased}")
    language = translation.get_language()
    rows = [
        (signup, _title_in(signup, language)) for signup in held.order_by("created_at")
    ]
    return TemplateResponse(
        request,
        "campaigns/own_data/page.html",
        {"rows": rows, "erased": request.GET.get("erased", "").isdigit()},
    )


def _as_id(value):
    return int(value) if value and value.isdigit() and len(value) < 19 else 0


def _title_in(signup, language):
    page = signup.joined
    translated = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=language)
        .first()
    )
    return (translated or page).title
