"""A campaign's printable flyer: one US Letter sheet per language to hand out at
doors and meetings, with a QR code leading to the sign-up form in that language.

``…/print/`` on an English campaign page and ``…/imprimir/`` on a Spanish one
print that language's sheet; ``…/print/bilingual/`` and ``…/imprimir/bilingue/``
print both languages back to back, the page's own language first. Each sheet is
rendered in its own language (its labels, its QR code's address). The flyer is a
page's sub-path, served and cached like the page: ``CampaignPage.get_cached_paths``
names every flyer path, so whatever purges the page (or its translation) purges
its flyers too.
"""

import segno
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext

from home.models import OrganisationSettings

# The flyer's word and the bilingual flyer's word in each language's addresses.
FLYER_WORDS = {"en": ("print", "bilingual"), "es": ("imprimir", "bilingue")}
# What fits on one Letter page at the flyer's type size; the rest are on the site.
MAX_DEMANDS = 6
MAX_CONTACTS = 2
# The sign-up form's id on the campaign page (includes/signup_form.html).
SIGNUP_FRAGMENT = "signup"


def flyer_subpaths(language):
    """{"single": "print/", "bilingual": "print/bilingual/"} in that language."""
    single, both = FLYER_WORDS[language]
    return {"single": f"{single}/", "bilingual": f"{single}/{both}/"}


def all_flyer_subpaths():
    """Every flyer path of a campaign page, in any language: a purge names them
    all rather than read the page's language (it has only its base row then)."""
    return sorted(
        path for language in FLYER_WORDS for path in flyer_subpaths(language).values()
    )


def serve_flyer(page, request, word, both=None):
    """The flyer, or a redirect to it when the address uses the other language's
    words (someone typing "print" on a Spanish page)."""
    language = page.locale.language_code
    subpaths = flyer_subpaths(language)
    wanted = subpaths["bilingual" if both else "single"]
    asked = f"{word}/{both}/" if both else f"{word}/"
    if asked != wanted:
        return redirect(page.get_url(request) + wanted)
    pages = [(page, language)]
    if both:
        twin = other_language(page)
        if twin is None:  # not translated yet: the one language there is
            return redirect(page.get_url(request) + subpaths["single"])
        pages.append(twin)
    organisation = OrganisationSettings.for_request(request).name
    sheets = [sheet(each, code, request, organisation) for each, code in pages]
    title = (
        gettext("Bilingual flyer: %(title)s") if both else gettext("Flyer: %(title)s")
    )
    return TemplateResponse(
        request,
        "campaigns/flyer.html",
        {"page": page, "title": title % {"title": page.title}, "sheets": sheets},
    )


def other_language(page):
    """(The campaign's live page in the other language, that language), or None."""
    twin = (
        page.get_translations(inclusive=False).live().select_related("locale").first()
    )
    if twin is None or twin.locale.language_code not in FLYER_WORDS:
        return None
    return twin.specific, twin.locale.language_code


def sheet(page, language, request, organisation):
    """One sheet, rendered in its page's language: (language, its HTML)."""
    with translation.override(language):
        return language, render_to_string(
            "campaigns/flyer_sheet.html", sheet_context(page, request, organisation)
        )


def sheet_context(page, request, organisation):
    heading, demands = page.structured_list()
    contacts = [
        link.person for link in page.live_person_links() if link.role == "contact"
    ]
    signup_url = signup_address(page, request)
    return {
        "organisation": organisation,
        "page": page,
        "status": page.get_status_display(),
        "demands_heading": heading,
        "demands": demands[:MAX_DEMANDS],
        "more_demands": max(len(demands) - MAX_DEMANDS, 0),
        "contacts": contacts[:MAX_CONTACTS],
        # The code leads to the form; the address printed for typing is the
        # page's, without the "#signup" a reader would have to copy.
        "printed_url": signup_url.split("#")[0],
        "qr_code": qr_svg(signup_url),
    }


def signup_address(page, request):
    """Where the QR code leads: the sign-up form in the page's language, or the
    page itself when it takes no sign-ups."""
    url = page.get_full_url(request)
    if url is None:
        raise Http404
    return f"{url}#{SIGNUP_FRAGMENT}" if page.takes_signups else url


def qr_svg(url):
    """The address as an inline SVG QR code, black modules on no background.

    Medium error correction survives a smudged photocopy; the size is set by CSS.
    """
    return segno.make(url, error="m", micro=False).svg_inline(
        omitsize=True, svgclass="flyer-qr__code", lineclass=None
    )
