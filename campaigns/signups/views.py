"""The sign-up form's endpoint.

The form sits on campaign pages that are served from a cache, so the page cannot
carry a per-visitor CSRF token: a first-time visitor would receive someone else's
token and be refused. The endpoint therefore does without Django's token and
guards against cross-site posts the way browsers now allow: a POST is accepted
only when its Origin (or, failing that, Referer) is this site. A honeypot field
and a per-address rate limit keep bots out.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from campaigns.models import CampaignPage
from home.models import open_to_all
from home.throttling import over_limit, retry_after

from .forms import SignupForm

logger = logging.getLogger(__name__)

THANKS_PARAM = "signed-up"
RETRY_AFTER_SECONDS = 60
# SQLite's driver fails on larger numbers rather than finding nothing.
MAX_PAGE_ID = 2**63 - 1


def is_same_origin(request):
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin:
        # Browsers always send one of them on a cross-site POST (and Origin on
        # every POST), so a request with neither is not a forgery carried out
        # through a visitor's browser. It is accepted on purpose: a script can
        # send any Origin it likes, so refusing it would stop no one, while a
        # neighbour whose privacy tool strips both headers would lose a sign-up.
        return True
    parts = urlsplit(origin)
    return parts.netloc == request.get_host() and parts.scheme == request.scheme


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request, page_id):
    if page_id > MAX_PAGE_ID:
        raise Http404
    page = get_object_or_404(open_to_all(CampaignPage.objects.all()), pk=page_id)
    if request.method != "POST":
        # A reloaded or shared address of the form: the campaign, in its language.
        return HttpResponseRedirect(f"{page.get_url(request)}#signup")
    if not page.signup_enabled:
        raise Http404
    if not is_same_origin(request):
        return TemplateResponse(
            request, "campaigns/signup_refused.html", {"page": page}, status=403
        )
    if over_limit(request, "campaign-signup", settings.SIGNUP_RATE_LIMIT):
        response = page.serve(
            request, signup_form=SignupForm(request.POST), rate_limited=True, status=429
        )
        response["Retry-After"] = str(retry_after(settings.SIGNUP_RATE_LIMIT))
        return response
    form = SignupForm(request.POST, language=page.locale.language_code)
    if form.is_spam:
        return thanks(page, request)
    if not form.is_valid():
        return page.serve(request, signup_form=form, status=400)
    signup = form.save(commit=False)
    signup.campaign = campaign_in_source_language(page)
    signup.signed_up_in = page.locale.language_code
    try:
        with transaction.atomic():
            signup.save()
    except DatabaseError:
        logger.exception("Sign-up not saved for campaign %s", page.pk)
        return not_saved(page, request, form)
    return thanks(page, request)


def not_saved(page, request, form):
    """The form again, still filled in, saying that nothing was saved."""
    form.not_saved = True
    response = page.serve(request, signup_form=form, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def thanks(page, request):
    """Post/redirect/get: the page again, with the thank-you in its language."""
    return HttpResponseRedirect(f"{page.get_url(request)}?{THANKS_PARAM}=1#signup")


def campaign_in_source_language(page):
    """Both languages' sign-ups belong to the campaign's original page."""
    return (
        CampaignPage.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or page
    )
