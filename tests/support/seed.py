"""The seed content as tests find it: a page by its seed key, and its address in
either language.

Addresses are read from the seed's data files and its Spanish content PO, not
from a database, so that the browser tests, ``make bench`` and ``make loadtest``
(which only talk to a served site) can name pages too.
"""

from functools import cache
from pathlib import Path

import polib
import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONTENT_DIR = PROJECT_DIR / "bpnc_site" / "seed" / "content"
CONTENT_PO = PROJECT_DIR / "locales" / "es" / "content.po"

# The campaign most tests read: it has demands, people, partners and a hashtag.
SAMPLE_CAMPAIGN = "treatment-not-trauma"
SAMPLE_POLICY_AREA = "community-safety"


def seed_page(key=SAMPLE_CAMPAIGN, language="en"):
    """The seed page with this key, in this language, as its specific type."""
    from wagtail.models import Page

    from bpnc_site.seed.loader import translation_key

    return Page.objects.get(
        translation_key=translation_key("page", key),
        locale__language_code=language,
    ).specific


def seed_path(key=SAMPLE_CAMPAIGN, language="en"):
    """The page's path, /en/campaigns/treatment-not-trauma/ or its Spanish twin."""
    slugs = [_slug(ancestor, language) for ancestor in _chain(key)]
    return f"/{language}/" + "".join(f"{slug}/" for slug in slugs)


def _read(name):
    with open(CONTENT_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _pages():
    """{key: (its data, its parent's key or None for the home's children)}."""
    site = _read("organisation")
    campaigns, policy = site["campaign_index"], site["policy_index"]
    pages = {campaigns["key"]: (campaigns, None), policy["key"]: (policy, None)}
    pages.update({item["key"]: (item, None) for item in site["standard_pages"]})
    for item in _read("campaigns")["campaigns"]:
        pages[item["key"]] = (item, campaigns["key"])
    for item in _read("policy_areas")["policy_areas"]:
        pages[item["key"]] = (item, policy["key"])
    return pages


def _chain(key):
    chain = [key]
    while _pages()[chain[0]][1] is not None:
        chain.insert(0, _pages()[chain[0]][1])
    return chain


@cache
def _spanish_slugs():
    return {
        entry.msgctxt.removeprefix("page:").removesuffix("/slug"): entry.msgstr
        for entry in polib.pofile(str(CONTENT_PO))
        if entry.msgctxt.startswith("page:") and entry.msgctxt.endswith("/slug")
    }


def _slug(key, language):
    english = _pages()[key][0]["slug"]
    return english if language == "en" else _spanish_slugs()[key]
