"""Purge cached pages when what they show is published, changed or removed."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from home.models import OrganisationSettings, public_snippet_models

from .purging import (
    all_pages,
    linked_from_every_page,
    pages_below,
    pages_showing_object,
    pages_showing_page,
    purge_after_commit,
    purge_urls,
    urls_of,
)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    purge_after_commit(pages_showing_page(instance))


@receiver(pre_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    purge_after_commit(pages_showing_page(instance))


@receiver(pre_page_move)
@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """Moving a page changes the URLs below it and what lists it: purge all."""
    purge_after_commit(all_pages())


@receiver(page_slug_changed)
def slug_changed(sender, instance, instance_before, **kwargs):
    """Sent after commit: the old addresses of the page and those below it go too."""
    new_urls = urls_of(all_pages())
    old_prefix, new_prefix = urls_of([instance_before]), urls_of([instance])
    old_urls = []
    if old_prefix and new_prefix:
        old_urls = [
            old_prefix[0] + url[len(new_prefix[0]) :]
            for url in new_urls
            if url.startswith(new_prefix[0])
        ]
    purge_urls(new_urls + old_urls)


@receiver(published)
@receiver(unpublished)
def snippet_changed(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        purge_after_commit(pages_showing(instance))


def object_removed(sender, instance, **kwargs):
    purge_after_commit(pages_showing(instance))


def pages_showing(instance):
    """A snippet shown on every page (an alert, ``shown_on_every_page``) purges
    them all; others, the pages using them."""
    if getattr(type(instance), "shown_on_every_page", False):
        return all_pages()
    return pages_showing_object(instance)


def object_saved(sender, instance, created=False, **kwargs):
    if not created:
        purge_after_commit(pages_showing_object(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(pre_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    """Made private in the admin's privacy dialog, which publishes nothing: the
    page and those below it must leave the cache at once (and come back, when
    made public again)."""
    page = instance.page
    below = pages_below(page)
    if linked_from_every_page(below):  # an alert links a page now private
        purge_after_commit(all_pages())
    else:
        purge_after_commit(below | pages_showing_page(page))


# Logged actions that change a live page without sending page_published: a live
# translation replaced by an alias of its source sends nothing else.
PURGING_LOG_ACTIONS = {"wagtail_localize.convert_to_alias"}


@receiver(post_save, sender=PageLogEntry)
def page_changed_by_logged_action(sender, instance, created=False, **kwargs):
    if created and instance.action in PURGING_LOG_ACTIONS and instance.page_id:
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            purge_after_commit(pages_showing_page(page))


@receiver(post_save, sender=OrganisationSettings)
@receiver(post_save, sender=Site)
def site_wide_change(sender, instance, **kwargs):
    purge_after_commit(all_pages())


def connect_object_receivers():
    """Snippets are removed, and images replaced, outside any publishing step."""
    for model in [*public_snippet_models(), get_image_model()]:
        pre_delete.connect(object_removed, sender=model, dispatch_uid=f"purge-{model}")
    post_save.connect(object_saved, sender=get_image_model(), dispatch_uid="purge-img")
