"""What a page's share card says, its address, and the stored PNG.

A card's address carries a digest of everything drawn on it (words, language,
colours, the drawing's version), so rendering a page only hashes a few strings
it already holds: no query and no file check. The PNG is drawn the first time
its address is asked for (or when the page is published) and kept in the
default storage under ``share-cards/``, like a rendition; a card whose words
changed gets a new address, so browsers and CDNs may keep each one forever.

The card is served only through its view, which answers for pages anyone may
open on the site asking. The stored file is named by a keyed hash (the site's
secret key over the page's id and the card's digest) in a folder named the same
way for the page, so the media address of a card cannot be worked out from the
page: a private or withdrawn page's card is not reachable there either, even
before it is deleted. A page keeps only its current card: the others are deleted
when it is published, and all of them when it stops being public
(publishing.py).
"""

import hashlib
import json
import logging
import re
from dataclasses import asdict
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from wagtail.models import Page

from home.models import OrganisationSettings, public_pages_of

from .drawing import Card, Palette, draw

logger = logging.getLogger(__name__)

# Changed whenever drawing.py draws differently, so every card gets a new address.
DRAWING_VERSION = "2"
FOLDER = "share-cards"
# Names a page's folder and its cards' files (see stored_name).
NAME_SALT = "home.share_cards.stored_name"
# The largest id a page can have: SQLite's driver fails on larger numbers
# rather than finding nothing.
MAX_PAGE_ID = 2**63 - 1

# The site's colours, from bpnc_site/static/css/site.css, with these as fallback.
COLOURS = {
    "ink": "#1c1b1f",
    "muted": "#4a4650",
    "paper": "#fffdf9",
    "accent": "#6b1d52",
    "accent-ink": "#fff",
    "won": "#1d5e2f",
    "stalled": "#7a4b00",
}


@cache
def palette():
    """The card's colours, read once from the site's stylesheet."""
    colours = dict(COLOURS)
    path = finders.find("css/site.css")
    if path:
        with open(path, encoding="utf-8") as handle:
            css = handle.read()
        for name in colours:
            found = re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{3,6}})\s*;", css)
            if found:
                colours[name] = found.group(1)
    return Palette(
        background=colours["accent"],
        text=colours["accent-ink"],
        band=colours["paper"],
        band_text=colours["ink"],
        accent=colours["accent"],
        statuses=(
            ("active", colours["accent"]),
            ("won", colours["won"]),
            ("stalled", colours["stalled"]),
            ("ended", colours["muted"]),
        ),
    )


def card_for(page, organisation):
    """The card of a page, in the active language (the page's own)."""
    kind = getattr(page, "share_card_kind", "")
    status_label = getattr(page, "get_status_display", lambda: "")()
    hashtag = (getattr(page, "hashtag", "") or "").strip()
    # An event says when and where (a meeting page's share_card_facts).
    facts = getattr(page, "share_card_facts", None)
    when, where = facts() if facts else ("", "")
    if hashtag and not hashtag.startswith("#"):
        hashtag = f"#{hashtag}"
    return Card(
        language=translation.get_language(),
        title=page.title,
        organisation=organisation,
        kind=str(kind),
        status=getattr(page, "status", "") or "",
        status_label=str(status_label),
        hashtag=hashtag,
        when=when,
        where=where,
    )


def public_page(page_id, site):
    """The page anyone may open on this site, as its specific type; None for
    any other id (the tree's root, another site's page, a draft, a private
    page, no page at all)."""
    if not 0 < page_id <= MAX_PAGE_ID:
        return None
    pages = public_pages_of(site, Page.objects.filter(pk=page_id))
    page = pages.select_related("locale").first()
    return page.specific if page is not None else None


def current_card(page):
    """The page's card as it is now, in the page's language (outside a
    request for the page: the share card view, publishing)."""
    organisation = OrganisationSettings.for_site(page.get_site())
    with translation.override(page.locale.language_code):
        return card_for(page, organisation.name)


def alt_text(card):
    """What the card shows, for people who cannot see it, in its language."""
    return gettext("%(title)s – %(organisation)s") % {
        "title": card.title,
        "organisation": card.organisation,
    }


def card_digest(card):
    drawn = {"card": asdict(card), "palette": asdict(palette()), "v": DRAWING_VERSION}
    data = json.dumps(drawn, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:16]


def card_path(page_id, card):
    """The card's address on the site (without scheme and host)."""
    return reverse(
        "share_card", kwargs={"page_id": page_id, "digest": card_digest(card)}
    )


def _keyed(value, secret=None):
    return salted_hmac(NAME_SALT, value, secret=secret, algorithm="sha256").hexdigest()


def page_folders(page_id):
    """The page's card folder under the current secret key and under each key
    still accepted (``SECRET_KEY_FALLBACKS``), so that cards stored before a
    key was rotated are still found and deleted."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [f"{FOLDER}/{_keyed(f'page:{page_id}', secret)[:32]}" for secret in secrets]


def stored_name(page_id, card):
    """Where the card's PNG is kept: never shown to anyone, and not to be worked
    out without the secret key."""
    file_name = _keyed(f"card:{page_id}:{card_digest(card)}")[:32]
    return f"{page_folders(page_id)[0]}/{file_name}.png"


def stored_card(page_id, card):
    """The card's PNG, drawn and stored the first time it is asked for."""
    name = stored_name(page_id, card)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    png = draw(card, palette())
    try:
        if not default_storage.exists(name):  # another request may have drawn it
            default_storage.save(name, ContentFile(png))
    except OSError:
        logger.warning("Share card %s not stored", name, exc_info=True)
    return png


def forget_cards(page_id, keep=None):
    """Delete the page's stored cards, except the one named keep."""
    for folder in page_folders(page_id):
        try:
            _directories, files = default_storage.listdir(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for file_name in files:
            name = f"{folder}/{file_name}"
            if name != keep:
                default_storage.delete(name)
