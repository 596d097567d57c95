"""A page's card is drawn as soon as the page (or its translation) is
published, after the transaction commits, so the first share is quick."""

import logging
from functools import partial

from django.db import transaction
from wagtail.signals import page_published

from .cards import current_card, public_page, stored_card

logger = logging.getLogger(__name__)


def connect():
    page_published.connect(draw_on_publish, dispatch_uid="draw-share-card")


def draw_on_publish(sender, instance, **kwargs):
    transaction.on_commit(partial(draw_card, instance.pk))


def draw_card(page_id):
    """Draw and store the page's card, unless the page is not public; a
    failure is logged and never stops a publish (the view draws it later)."""
    try:
        page = public_page(page_id)
        if page is not None:
            stored_card(page.pk, current_card(page))
    except Exception:
        logger.exception("Share card of page %s not drawn", page_id)
