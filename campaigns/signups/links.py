"""The links in a neighbour's emails: confirm my sign-up, stop contacting me.

Each opens a page with one button (a link scanner that fetches every address in
an email must not confirm or stop anything); mail programs that offer
List-Unsubscribe post to the stop address directly (RFC 8058 one-click), which
is why that view takes posts without a CSRF token: the signed token is the
proof, and it can only ever stop messages.
"""

from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import tokens
from .models import Signup


def _invalid(request):
    return TemplateResponse(request, "campaigns/own_data/expired.html", status=410)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def stop_contact(request, token):
    signup = Signup.objects.filter(pk=tokens.stop_id(token) or 0).first()
    if signup is None:
        return _invalid(request)
    if request.method == "POST":
        Signup.objects.filter(email_key=signup.email_key).update(
            consent=False, text_consent=False, stopped_contact_at=timezone.now()
        )
        return TemplateResponse(request, "campaigns/own_data/stopped.html")
    return TemplateResponse(request, "campaigns/own_data/stop.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_signup(request, token):
    signup = Signup.objects.filter(pk=tokens.confirm_id(token) or 0).first()
    if signup is None:
        return _invalid(request)
    if request.method == "POST":
        Signup.objects.filter(pk=signup.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
        return TemplateResponse(request, "campaigns/own_data/confirmed.html")
    return TemplateResponse(request, "campaigns/own_data/confirm.html")
