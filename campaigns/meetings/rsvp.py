"""RSVPs: a neighbour says they are coming to a meeting.

An RSVP is a sign-up (campaigns/signups/) with its meeting set: the same form,
consent, honeypot, origin check, rate limit (shared with the sign-up form, per
address) and idempotency, one row per person and meeting, listed and exported
with the sign-ups under the meeting's first campaign. Only the parts that find
the meeting and store the row live here.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from home.models import public_pages_of
from home.throttling import over_limit, retry_after

from ..signups.forms import SignupForm
from ..signups.models import Signup
from ..signups.views import (
    DATABASE_UNAVAILABLE,
    MAX_PAGE_ID,
    NOT_STORED,
    form_alone,
    form_on_page,
    is_same_origin,
    not_saved,
    signups_closed,
    thanks_url,
)
from .models import MeetingPage

logger = logging.getLogger(__name__)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def rsvp(request, page_id):
    try:
        page = public_meeting(request, page_id)
    except DATABASE_UNAVAILABLE:
        if request.method != "POST":
            raise
        logger.exception("RSVP page %s unavailable", page_id)
        form = SignupForm(request.POST)
        form.not_saved = True
        return form_alone(request, form, status=503)
    if request.method == "POST" and (page is None or not page.takes_rsvps):
        return signups_closed(request)
    if page is None:
        raise Http404
    if request.method != "POST":
        return HttpResponseRedirect(f"{page.get_url(request)}#signup")
    return take_rsvp(request, page)


def public_meeting(request, page_id):
    """The meeting anyone may open on this site with this id, else None."""
    if not 0 < page_id <= MAX_PAGE_ID:
        return None
    site = Site.find_for_request(request)
    pages = public_pages_of(site, MeetingPage.objects.select_related("locale"))
    return pages.filter(pk=page_id).first()


def take_rsvp(request, page):
    if not is_same_origin(request):
        return TemplateResponse(
            request, "campaigns/signup_refused.html", {"page": page}, status=403
        )
    form = SignupForm(request.POST, language=page.locale.language_code)
    try:
        limited = over_limit(request, "campaign-signup", settings.SIGNUP_RATE_LIMIT)
    except DATABASE_UNAVAILABLE:
        logger.exception("RSVP limit unavailable for meeting %s", page.pk)
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
        if not store(form, page):
            return signups_closed(request)
    except NOT_STORED:
        logger.exception("RSVP not saved for meeting %s", page.pk)
        return not_saved(request, page, form)
    return HttpResponseRedirect(thanks)


def store(form, page):
    """One row per person and meeting, on the meeting's and its first campaign's
    pages in the source language, whichever language the form was in."""
    meeting = in_source_language(page)
    link = meeting.campaign_links.select_related("campaign").first()
    if link is None:  # the editor requires one: the link was removed since
        return False
    signup = form.save(commit=False)
    signup.meeting = meeting
    signup.campaign = link.campaign
    signup.signed_up_in = page.locale.language_code
    Signup.objects.record(signup)
    return True


def in_source_language(page):
    return (
        MeetingPage.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or page
    )
