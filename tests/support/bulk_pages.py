"""Published pages and snippets made in bulk, as ``publish()`` would leave them.

``parent.add_child()`` and ``save_revision().publish()`` cost dozens of queries a
page, and publishing purges the page cache; these make the same rows with a few
queries for each model and a handful a page. Pages: the tree's paths, depths and
child counts are kept as treebeard keeps them, each page has a live revision, and
its references and search entries are indexed as saving it would.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from home.models.base import store_lists_with_ids


def publish_snippets(objects):
    """Save snippets (unsaved, of one model) as published, each with a revision.
    Their references are not indexed: give them no images or pages to point at."""
    if not objects:
        return objects
    model = type(objects[0])
    now = timezone.now()
    for obj in objects:
        obj.live, obj.has_unpublished_changes = True, False
        obj.first_published_at = obj.last_published_at = now
    model.objects.bulk_create(objects)
    with_revisions(objects, now)
    model.objects.bulk_update(objects, ["latest_revision", "live_revision"])
    index_for_search(model, objects)
    return objects


def add_live_children(parent, pages):
    """Add pages (unsaved, of one type, inline relations set) as the last
    children of parent, published; returns them saved."""
    if not pages:
        return pages
    model = type(pages[0])
    now = timezone.now()
    first_step = step_number(parent.get_last_child()) + 1 if parent.numchild else 1
    for offset, page in enumerate(pages):
        place_under(parent, page, first_step + offset)
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now
        page.draft_title = page.title
        store_lists_with_ids(page)
    insert_pages(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    save_inline_relations(pages)
    with_revisions(pages, now)
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    index_for_search(model, pages)
    return pages


def step_number(page):
    """The position a page's path gives it among its siblings."""
    alphabet = Page.alphabet
    number = 0
    for character in page.path[-Page.steplen :]:
        number = number * len(alphabet) + alphabet.index(character)
    return number


def place_under(parent, page, number):
    alphabet, step = Page.alphabet, ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, len(alphabet))
        step = alphabet[digit] + step
    page.path = parent.path + step
    page.depth = parent.depth + 1
    page.numchild = 0
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.locale_id = parent.locale_id


def insert_pages(pages):
    """Page rows in one query, then each page type's own row, as loaddata saves
    a page: raw, so no save signal asks for a revision or an index entry yet."""
    base_fields = [
        field for field in Page._meta.concrete_fields if not field.primary_key
    ]
    rows = [
        Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
        for page in pages
    ]
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)


def save_inline_relations(pages):
    """InlinePanel rows (people, partners, links), one query per relation."""
    for relation in get_all_child_relations(type(pages[0])):
        children = []
        for page in pages:
            related = getattr(page, relation.get_accessor_name()).all()
            for order, child in enumerate(related):
                setattr(child, relation.field.name, page)
                if hasattr(child, "locale_id") and child.locale_id is None:
                    child.locale_id = page.locale_id
                if getattr(child, "sort_order", 0) is None:
                    child.sort_order = order
                children.append(child)
        relation.related_model.objects.bulk_create(children)


def with_revisions(objects, now):
    """A published revision for each object, as save_revision() stores it."""
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=ContentType.objects.get_for_model(obj),
                base_content_type=obj.get_base_content_type(),
                object_id=str(obj.pk),
                content=obj.serializable_data(),
                object_str=str(obj),
                created_at=now,
            )
            for obj in objects
        ]
    )
    for obj, revision in zip(objects, revisions, strict=True):
        obj.latest_revision = obj.live_revision = revision


def index_for_search(model, objects):
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)
