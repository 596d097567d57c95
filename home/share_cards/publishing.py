"""A page keeps exactly the cards it should: its current one while it is public,
none once it is not.

A page's card is drawn as soon as the page (or its translation) is published,
after the transaction commits, so the first share is quick, and its earlier
cards are deleted then. When a page stops being public (withdrawn, deleted, or
covered by a view restriction placed on it or an ancestor in any language, or
moved below one), every card of it and of the pages below it, in every language,
is deleted. Storage is reached after the commit, and a failure is logged and
never stops the editor's action: the view never serves a card of a page that is
not public, and the stored names cannot be guessed (cards.py).
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import open_to_all

from .cards import current_card, forget_cards, public_page, stored_card, stored_name

logger = logging.getLogger(__name__)


def connect():
    page_published.connect(draw_on_publish, dispatch_uid="draw-share-card")
    page_unpublished.connect(page_withdrawn, dispatch_uid="share-card-unpublished")
    post_delete.connect(page_withdrawn, sender=Page, dispatch_uid="share-card-deleted")
    post_save.connect(
        restriction_added, sender=PageViewRestriction, dispatch_uid="share-card-private"
    )
    post_page_move.connect(page_moved, dispatch_uid="share-card-moved")


def draw_on_publish(sender, instance, **kwargs):
    transaction.on_commit(partial(draw_card, instance.pk))


def page_withdrawn(sender, instance, **kwargs):
    transaction.on_commit(partial(forget_cards_unless_public, [instance.pk]))


def restriction_added(sender, instance, **kwargs):
    pages = below_in_every_language(instance.page)
    transaction.on_commit(partial(forget_cards_unless_public, pages))


def page_moved(sender, instance, **kwargs):
    """Moved below a private page, it and the pages under it are private too."""
    pages = below_in_every_language(instance)
    transaction.on_commit(partial(forget_cards_unless_public, pages))


def below_in_every_language(page):
    """The ids of the page and the pages under it, with their translations."""
    keys = Page.objects.filter(path__startswith=page.path).values("translation_key")
    return list(
        Page.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def draw_card(page_id):
    """Draw and store the page's card and delete its earlier ones, unless the
    page is not public (then it has none); a failure is logged and never stops
    a publish (the view draws the card later)."""
    try:
        found = Page.objects.filter(pk=page_id).first()
        page = public_page(page_id, found.get_site()) if found is not None else None
        if page is None:
            forget_cards(page_id)
            return
        card = current_card(page)
        stored_card(page.pk, card)
        forget_cards(page.pk, keep=stored_name(page.pk, card))
    except Exception:
        logger.exception("Share card of page %s not drawn", page_id)


def forget_cards_unless_public(page_ids):
    """Delete every card of these pages that anyone may not open now."""
    try:
        public = set(
            open_to_all(Page.objects.filter(pk__in=page_ids)).values_list(
                "pk", flat=True
            )
        )
        for page_id in page_ids:
            if page_id not in public:
                forget_cards(page_id)
    except Exception:
        logger.exception("Share cards of pages %s not deleted", page_ids)
