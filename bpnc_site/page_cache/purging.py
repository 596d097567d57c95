"""Which cached pages to purge when content changes, and purging them.

A page shows: itself; its language switcher (its translations); listings of its
children (index pages, policy areas listing their campaigns, featured campaigns on
the home page); snippets and images it uses; the main menu (the home page's
children) and the footer (organisation settings) on every page. Wagtail's
reference index records what each page uses, so the pages showing a changed
snippet, image or page are found without knowing the content model here.

A change records its purge (``models.Purge``) in its own transaction, so a
committed change always has one. It is applied once the change is committed: the
page cache at once, CDN backends configured in ``WAGTAILFRONTENDCACHE`` in a
background thread, so an editor publishing a page never waits for a CDN's API.
What fails stays recorded and is tried again (``apply_due_purges``); meanwhile no
server serves stored pages at its paths (``store.cache_trusted``).
"""

import contextlib
import logging
import threading
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, close_old_connections, transaction
from django.db.models import F, Q
from django.utils import timezone
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, ReferenceIndex

from home.models import public_snippet_models

from .models import Purge
from .store import PageCachePurgeBackend, check_purges_again
from .warming import warm_soon

logger = logging.getLogger(__name__)

OWN_BACKEND = "pages"
# Pages at this depth or above appear in every page's header (home and main menu).
SITE_WIDE_DEPTH = 3
# A failed purge is tried again after this, then twice as long each time, by the
# first server to find it waiting (store.cache_trusted) or `manage.py apply_purges`.
FIRST_RETRY = timedelta(seconds=2)
LONGEST_WAIT = timedelta(minutes=1)


def pages_showing_page(page):
    """Every page whose rendering includes this page, in every language."""
    if page.depth <= SITE_WIDE_DEPTH or linked_from_every_page(
        Page.objects.filter(pk=page.pk)
    ):
        return all_pages()
    twins = Page.objects.filter(translation_key=page.translation_key)
    twin_ids = list(twins.values_list("pk", flat=True))
    parent_paths = {twin.path[: -Page.steplen] for twin in twins}
    related_ids = _pages_referencing(Page, twin_ids) + _pages_referenced_by(twin_ids)
    related_keys = Page.objects.filter(pk__in=related_ids).values("translation_key")
    return Page.objects.filter(
        Q(pk__in=twin_ids)
        | Q(translation_key__in=related_keys)  # in every language
        | Q(path__in=parent_paths)
        | Q(depth=SITE_WIDE_DEPTH - 1)  # every language's home page
    )


def linked_from_every_page(pages):
    """Whether a live snippet shown on every page (an alert) links one of these
    pages in any language: when such a page is withdrawn or made private, the
    link must leave every page."""
    keys = pages.values("translation_key")
    for model in public_snippet_models():
        if not getattr(model, "shown_on_every_page", False):
            continue
        for field in model._meta.get_fields():
            if field.many_to_one and field.related_model is Page:
                linking = {f"{field.name}__translation_key__in": keys, "live": True}
                if model.objects.filter(**linking).exists():
                    return True
    return False


def pages_showing_object(obj):
    """Every page using this snippet or image, or one of its translations, directly
    or through a snippet (a person's photo) or the settings (the logo)."""
    model = type(obj)
    if hasattr(obj, "translation_key"):
        ids = list(
            model.objects.filter(translation_key=obj.translation_key).values_list(
                "pk", flat=True
            )
        )
    else:
        ids = [obj.pk]
    if _used_by_settings(model, ids):
        return all_pages()
    page_ids = _pages_referencing(model, ids) + _pages_referencing_users(model, ids)
    return Page.objects.filter(pk__in=page_ids)


def pages_below(page):
    """The page and every page under it, in every language."""
    keys = Page.objects.filter(path__startswith=page.path).values("translation_key")
    return Page.objects.filter(translation_key__in=keys)


def all_pages():
    return Page.objects.filter(depth__gt=1)


def _pages_referencing(model, ids):
    """Pages whose content or inline panels point at these objects."""
    base = _base_content_type(model)
    return [
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            to_content_type=base,
            to_object_id__in=[str(pk) for pk in ids],
            base_content_type=ContentType.objects.get_for_model(Page),
        ).values_list("object_id", flat=True)
    ]


def _used_by_settings(model, ids):
    """Site settings are shown on every page (and not in the reference index)."""
    for setting_model in settings_registry:
        for field in setting_model._meta.get_fields():
            if field.many_to_one and field.related_model is model:
                if setting_model.objects.filter(**{f"{field.name}__in": ids}).exists():
                    return True
    return False


def _base_content_type(model):
    """What the reference index files a model's objects under (Page for pages)."""
    parents = model._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else model)


def _pages_referencing_users(model, ids):
    """Pages pointing at the snippets and settings that point at these objects
    (a person's photo): two queries however many use them."""
    page_type = ContentType.objects.get_for_model(Page)
    users = defaultdict(list)  # their base content type: their ids
    for content_type_id, object_id in (
        ReferenceIndex.objects.filter(
            to_content_type=_base_content_type(model),
            to_object_id__in=[str(pk) for pk in ids],
        )
        .exclude(base_content_type=page_type)
        .values_list("base_content_type", "object_id")
        .distinct()
    ):
        users[content_type_id].append(object_id)
    if not users:
        return []
    uses = Q()
    for content_type_id, object_ids in users.items():
        uses |= Q(to_content_type=content_type_id, to_object_id__in=object_ids)
    return [
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            uses, base_content_type=page_type
        ).values_list("object_id", flat=True)
    ]


def _pages_referenced_by(page_ids):
    """Pages these pages link to: a policy area lists the campaigns that link to it."""
    page_type = ContentType.objects.get_for_model(Page)
    return [
        int(object_id)
        for object_id in ReferenceIndex.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(pk) for pk in page_ids],
            to_content_type=page_type,
        ).values_list("to_object_id", flat=True)
    ]


def urls_of(pages):
    """The pages' URLs, in one query however many pages: ``specific_deferred``
    gives each page its own type without reading its row again, and the batch
    reads the sites' root paths once. A page type reading its own fields to
    make its URL would cost a query per page (see test_purge_query_growth)."""
    batch = PurgeBatch()
    batch.add_pages(page.specific_deferred for page in pages)
    return sorted(batch.urls)


def purge_after_commit(pages):
    """Record a purge of the pages' URLs (computed now, while they still exist)
    in the current transaction; it is applied once that commits."""
    purge_urls(urls_of(pages))


def purge_urls(urls):
    """Record a purge of these URLs, applied after the commit and retried until
    done: the page cache at once, CDNs in a background thread, so an editor
    publishing a page never waits for a CDN's API or a sick cache."""
    if not urls:
        return
    purge = Purge.objects.create(urls=urls, cdn_purged=not _cdn_backends())
    check_purges_again()
    transaction.on_commit(lambda: apply_purges([purge]), robust=True)


def apply_due_purges(limit=20):
    """Apply the recorded purges whose next attempt is due (the worker's
    ``manage.py apply_purges``, and any server that finds one waiting)."""
    due = Purge.objects.filter(next_attempt_at__lte=timezone.now())
    apply_purges(list(due[:limit]))


def apply_purges(purges):
    """Purge the page cache, then CDNs, for each recorded purge; a failure leaves
    it recorded for a later attempt, each later than the one before."""
    for purge in purges:
        if not purge.cache_purged:
            try:
                PageCachePurgeBackend({}).purge_batch(purge.urls)
            except Exception as error:  # a cache outage must not stop the publish
                logger.warning(
                    "Purge %s failed; to be tried again", purge.pk, exc_info=True
                )
                _failed(purge, error)
                continue
            _update(purge, cache_purged=True)
            warm_soon(purge.urls)
        if not purge.cdn_purged:  # not again while this attempt may be under way
            Purge.objects.filter(pk=purge.pk).update(
                next_attempt_at=timezone.now() + LONGEST_WAIT
            )
            threading.Thread(target=_purge_cdn, args=(purge,), daemon=True).start()
    check_purges_again()


def _purge_cdn(purge):
    try:
        purge_urls_from_cache(purge.urls, backends=_cdn_backends())
        _update(purge, cdn_purged=True)
    except Exception as error:  # a CDN outage must not be the editor's problem
        logger.warning(
            "CDN purge %s failed; to be tried again", purge.pk, exc_info=True
        )
        with contextlib.suppress(DatabaseError):  # then it is tried again anyway
            _failed(purge, error)
    finally:
        close_old_connections()


def _cdn_backends():
    return [name for name in settings.WAGTAILFRONTENDCACHE if name != OWN_BACKEND]


def _update(purge, **done):
    for name, value in done.items():
        setattr(purge, name, value)
    if purge.cache_purged and purge.cdn_purged:
        Purge.objects.filter(pk=purge.pk).delete()
    else:
        Purge.objects.filter(pk=purge.pk).update(**done)


def _failed(purge, error):
    purge.attempts += 1
    wait = min(FIRST_RETRY * 2 ** (purge.attempts - 1), LONGEST_WAIT)
    Purge.objects.filter(pk=purge.pk).update(
        attempts=F("attempts") + 1,
        next_attempt_at=timezone.now() + wait,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
