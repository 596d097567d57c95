"""The sign-up form's endpoint.

The form sits on campaign pages that are served from a cache, so the page cannot
carry a per-visitor CSRF token: a first-time visitor would receive someone else's
token and be refused. The endpoint therefore does without Django's token and
guards against cross-site posts the way browsers now allow: a POST is accepted
only when its Origin (or, failing that, Referer) is this site. A honeypot field
and a per-address rate limit keep bots out.

A sign-up is thanked if and only if it is stored. Everything the thank-you needs
is worked out before the row is written, so once it is committed nothing else can
fail; and as a retry of a stored submission stores nothing new and is thanked
(Signup.objects.record), a neighbour who never saw the thank-you may safely send
the form again. When the database cannot be reached, the form comes back as it
was typed, in the page's language, whatever else is missing.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from campaigns.models import CampaignPage
from home.models import public_pages_of
from home.throttling import over_limit, retry_after

from .forms import SignupForm
from .models import Signup

logger = logging.getLogger(__name__)

THANKS_PARAM = "signed-up"
RETRY_AFTER_SECONDS = 60
# SQLite's driver fails on larger numbers rather than finding nothing.
MAX_PAGE_ID = 2**63 - 1
# The database cannot be reached or dropped the connection (not a bad query).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Anything that means the sign-up was not stored.
NOT_STORED = (DatabaseError, InterfaceError)


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
    try:
        page = public_campaign(request, page_id)
    except DATABASE_UNAVAILABLE:
        if request.method != "POST":
            raise  # nothing typed to keep: the site's own 503 page
        logger.exception("Sign-up page %s unavailable", page_id)
        form = SignupForm(request.POST)
        form.not_saved = True
        return form_alone(request, form, status=503)
    if request.method == "POST" and (page is None or not page.takes_signups):
        return signups_closed(request)
    if page is None:
        raise Http404
    if request.method != "POST":
        # A reloaded or shared address of the form: the campaign, in its language.
        return HttpResponseRedirect(f"{page.get_url(request)}#signup")
    return take_signup(request, page)


def public_campaign(request, page_id):
    """The campaign anyone may open on this site with this id; None for every
    other id (the tree's root, another site's page, a draft, a restricted
    campaign, no page at all), so the answer says nothing of what is not public."""
    if not 0 < page_id <= MAX_PAGE_ID:
        return None
    site = Site.find_for_request(request)
    pages = public_pages_of(site, CampaignPage.objects.select_related("locale"))
    page = pages.filter(pk=page_id).first()
    if page is not None:
        # Found among the pages open to all: no restriction covers it.
        page.takes_signups = page.signup_enabled
    return page


def signups_closed(request):
    """A sign-up for a campaign that takes none here (restricted ones take none,
    even from those allowed in): refused, saying so and that nothing was saved."""
    return TemplateResponse(request, "campaigns/signup_closed.html", status=404)


def take_signup(request, page):
    if not is_same_origin(request):
        return TemplateResponse(
            request, "campaigns/signup_refused.html", {"page": page}, status=403
        )
    form = SignupForm(request.POST, language=page.locale.language_code)
    try:
        limited = over_limit(request, "campaign-signup", settings.SIGNUP_RATE_LIMIT)
    except DATABASE_UNAVAILABLE:
        # Without Redis the counts are kept in the database.
        logger.exception("Sign-up limit unavailable for campaign %s", page.pk)
        return not_saved(request, page, form)
    if limited:
        response = form_on_page(request, page, form, status=429, rate_limited=True)
        response["Retry-After"] = str(retry_after(settings.SIGNUP_RATE_LIMIT))
        return response
    if form.is_spam:
        return HttpResponseRedirect(thanks_url(page, request))
    if not form.is_valid():
        return form_on_page(request, page, form, status=400)
    try:
        thanks = thanks_url(page, request)
        store(form, page)
    except NOT_STORED:
        logger.exception("Sign-up not saved for campaign %s", page.pk)
        return not_saved(request, page, form)
    return HttpResponseRedirect(thanks)


def store(form, page):
    signup = form.save(commit=False)
    signup.campaign = campaign_in_source_language(page)
    signup.signed_up_in = page.locale.language_code
    signup.needs_confirmation = signup.campaign.signup_confirmation
    signup.consent_text = form.consent_wording()
    Signup.objects.record(signup)


def not_saved(request, page, form):
    """The form again, still filled in, saying that nothing was saved."""
    form.not_saved = True
    return form_on_page(request, page, form, status=503)


def form_on_page(request, page, form, status, rate_limited=False):
    """The campaign page with this form on it, rendered here so that a database
    lost on the way still gives the visitor their form back (form_alone)."""
    try:
        response = page.serve(
            request, signup_form=form, rate_limited=rate_limited, status=status
        )
        response.render()
    except DATABASE_UNAVAILABLE:
        logger.exception("Campaign page %s unavailable for its sign-up form", page.pk)
        form.not_saved = True
        return form_alone(request, form, status=503, title=page.title)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def form_alone(request, form, status, title=""):
    """The form on a page of its own, from what was posted and nothing else: no
    database, no page, no context processors (which may need the database)."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        html = render_to_string(
            "campaigns/signup_form_alone.html",
            {
                "form": form,
                "campaign_title": title,
                "signup_action": request.path,
                "site_name": settings.WAGTAIL_SITE_NAME,
            },
        )
    response = HttpResponse(html, status=status)
    response["Content-Language"] = language
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def thanks_url(page, request):
    """Post/redirect/get: the page again, with the thank-you in its language."""
    return f"{page.get_url(request)}?{THANKS_PARAM}=1#signup"


def campaign_in_source_language(page):
    """Both languages' sign-ups belong to the campaign's original page."""
    return (
        CampaignPage.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or page
    )
