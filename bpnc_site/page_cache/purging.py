"""Which cached pages to purge when content changes, and purging them.

A page shows: itself; its language switcher (its translations); listings of its
children (index pages, policy areas listing their campaigns, featured campaigns on
the home page); snippets and images it uses; the main menu (the home page's
children) and the footer (organisation settings) on every page. Wagtail's
reference index records what each page uses, so the pages showing a changed
snippet, image or page are found without knowing the content model here.

The page cache is purged once the change is committed. CDN backends configured
in ``WAGTAILFRONTENDCACHE`` are purged in a background thread, so an editor
publishing a page never waits for a CDN's API.
"""

import logging
import threading
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import close_old_connections, transaction
from django.db.models import Q
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, ReferenceIndex

from home.models import public_snippet_models

from .store import PageCachePurgeBackend
from .warming import warm_soon

logger = logging.getLogger(__name__)

OWN_BACKEND = "pages"
# Pages at this depth or above appear in every page's header (home and main menu).
SITE_WIDE_DEPTH = 3


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
    """Purge the pages' URLs (computed now, while they still exist) on commit."""
    urls = urls_of(pages)
    if urls:
        transaction.on_commit(lambda: purge_urls(urls))


def purge_urls(urls):
    PageCachePurgeBackend({}).purge_batch(urls)
    warm_soon(urls)
    cdn_backends = [
        name for name in settings.WAGTAILFRONTENDCACHE if name != OWN_BACKEND
    ]
    if cdn_backends:
        threading.Thread(
            target=_purge_cdn, args=(urls, cdn_backends), daemon=True
        ).start()


def _purge_cdn(urls, backends):
    try:
        purge_urls_from_cache(urls, backends=backends)
    except Exception:  # a CDN outage must not be the editor's problem
        logger.exception("CDN purge failed for %d URLs", len(urls))
    finally:
        close_old_connections()
