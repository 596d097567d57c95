"""A meeting's printable flyer: one US Letter sheet in the page's language, with
when and where in large type and a QR code leading to the RSVP form in that
language (or to the page when the meeting takes no RSVPs).

``…/print/`` on an English meeting page and ``…/imprimir/`` on a Spanish one,
as for campaigns (campaigns/flyers.py, whose words, QR codes and print
stylesheet it shares). Served and cached like the page: MeetingPage names both
addresses in get_cached_paths, so a purge of the page purges its flyer.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from home.models import OrganisationSettings

from ..flyers import FLYER_WORDS, SIGNUP_FRAGMENT, qr_svg
from . import calendar


def flyer_word(language):
    return FLYER_WORDS.get(language, FLYER_WORDS["en"])[0]


def all_flyer_subpaths():
    return sorted(f"/{single}/" for single, _both in FLYER_WORDS.values())


def serve_meeting_flyer(page, request, word):
    wanted = flyer_word(page.locale.language_code)
    if word != wanted:
        return redirect(f"{page.get_url(request)}{wanted}/")
    url = page.get_full_url(request)
    if url is None:
        raise Http404
    rsvp_url = f"{url}#{SIGNUP_FRAGMENT}" if page.takes_rsvps else url
    context = {
        "organisation": OrganisationSettings.for_request(request).name,
        "page": page,
        "when": calendar.when_lines(page.start, page.end),
        "languages": calendar.languages_line(page),
        "rsvp_url": rsvp_url,
        "qr_code": qr_svg(rsvp_url),
    }
    sheet = render_to_string(
        "campaigns/meetings/flyer_sheet.html", context, request=request
    )
    return TemplateResponse(
        request,
        "campaigns/flyer.html",
        {
            "page": page,
            "title": gettext("Flyer: %(title)s") % {"title": page.title},
            "sheets": [(page.locale.language_code, sheet)],
        },
    )
