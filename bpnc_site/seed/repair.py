"""Brings installs loaded by an earlier loader up to date, without touching staff work.

That loader stored list items (a block's figures and steps, a demand's bills) in
Wagtail's legacy form, without ids. wagtail-localize extracts nothing from such a
list, so their text could not be translated and a Spanish demand kept pointing at
the English bills. The repair gives each such item the id a fresh install gives
it, in the live page and in its latest revision; updates the page's translation
source; fills the new Spanish strings from the content PO (never a string a
translator has already written); and saves the Spanish page again.

It runs once, as the data migration seed 0001_list_items_with_ids, which a new
install passes with nothing to do. Running it again finds nothing to do.
Delete this module and make the migration a no-op once every install has
migrated past it. (Overrides registry: seed-repair-list-format.)
"""

import json
import uuid

from django.conf import settings
from django.db import transaction
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Revision, get_page_models
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.editorial.review import save_draft_revision
from home.models import public_snippet_models

from .loader import KEY_NAMESPACE
from .translation import (
    CONTENT_PO,
    SEED_TOOL_NAME,
    entries_by_label,
    new_po,
    publish_now,
)

# What an earlier loader wrote as the source of the seed's Spanish strings.
OLD_SEED_TOOL_NAME = "seed"


def list_item_id(path):
    return str(uuid.uuid5(KEY_NAMESPACE, path))


def with_list_ids(block, raw, path):
    """raw with every legacy list item in block form, its id derived from path.

    The paths are the ones the loader's stable_stream walks, so an item gets the
    id a fresh install gives it, and the content PO's contexts fit it. Returns
    (new raw data, whether anything changed).
    """
    if isinstance(block, blocks.StreamBlock):
        changed = False
        for position, child in enumerate(raw or []):
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                child["value"], child_changed = with_list_ids(
                    child_block, child.get("value"), f"{path}.{position}.value"
                )
                changed = changed or child_changed
        return raw, changed
    if isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        changed = False
        for name, child_block in block.child_blocks.items():
            if name in raw:
                raw[name], child_changed = with_list_ids(
                    child_block, raw[name], f"{path}.{name}"
                )
                changed = changed or child_changed
        return raw, changed
    if isinstance(block, blocks.ListBlock) and isinstance(raw, list):
        changed = False
        items = []
        for position, item in enumerate(raw):
            if block._item_is_in_block_format(item):
                value, item_id = item["value"], item["id"]
            else:
                value, item_id = item, list_item_id(f"{path}.{position}")
                changed = True
            value, child_changed = with_list_ids(
                block.child_block, value, f"{path}.{position}.value"
            )
            changed = changed or child_changed
            items.append({"type": "item", "value": value, "id": item_id})
        return items, changed
    return raw, False


def stream_fields(model):
    return [
        field for field in model._meta.get_fields() if isinstance(field, StreamField)
    ]


def repaired_streams(model, streams, label):
    """{field name: repaired raw data} for those of streams ({field name: raw
    data or its JSON}) that held legacy lists."""
    repaired = {}
    for field in stream_fields(model):
        raw = streams.get(field.name)
        if not raw:
            continue
        raw = json.loads(raw if isinstance(raw, str) else json.dumps(list(raw)))
        raw, changed = with_list_ids(field.stream_block, raw, f"{label}:{field.name}")
        if changed:
            repaired[field.name] = raw
    return repaired


def repair_instance(instance, labels):
    """Repair the live object and its latest revision; True when the live one
    needed it (its translations are then out of step)."""
    model = type(instance)
    label = labels.get(instance.translation_key, str(instance.translation_key))
    live = repaired_streams(
        model,
        {
            field.name: getattr(instance, field.name).raw_data
            for field in stream_fields(model)
        },
        label,
    )
    if live:
        model.objects.filter(pk=instance.pk).update(
            **{
                name: model._meta.get_field(name).to_python(raw)
                for name, raw in live.items()
            }
        )
    revision = getattr(instance, "latest_revision", None)
    if revision is not None:
        drafted = repaired_streams(model, revision.content, label)
        if drafted:
            revision.content.update(
                {name: json.dumps(raw) for name, raw in drafted.items()}
            )
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    return bool(live)


def seed_labels(content_po):
    """{translation key: seed label} for the seed objects the content PO
    translates: a seed object's key derives from its label (loader.translation_key)."""
    return {
        uuid.uuid5(KEY_NAMESPACE, label): label
        for label in entries_by_label(content_po)
    }


def source_objects(models, locale):
    for model in models:
        if not stream_fields(model):
            continue
        queryset = model.objects.filter(locale=locale)
        if issubclass(model, Page):
            queryset = queryset.exact_type(model)
        yield from queryset


def repair_installed_site():
    """Repair every page and public snippet in English. Returns the repaired ones."""
    return repair_legacy_lists(
        [*get_page_models(), *public_snippet_models()],
        Locale.objects.get(language_code=settings.LANGUAGE_CODE),
        CONTENT_PO,
    )


@transaction.atomic
def repair_legacy_lists(models, locale, content_po):
    """Repair every object of models in the source locale. Returns the repaired ones."""
    labels = seed_labels(content_po)
    entries = entries_by_label(content_po)
    repaired = []
    for instance in source_objects(models, locale):
        if repair_instance(instance, labels):
            label = labels.get(instance.translation_key)
            resync_translations(instance, entries.get(label, []))
            repaired.append(instance)
    relabel_seed_strings()
    return repaired


def resync_translations(instance, seed_entries):
    """Update the source, add the seed's Spanish for new strings, save the target."""
    instance = type(instance).objects.get(pk=instance.pk)
    for source in TranslationSource.objects.filter(
        object_id=instance.translation_key, locale=instance.locale
    ):
        source.update_from_db()
        for translation in Translation.objects.filter(source=source):
            untranslated = untranslated_contexts(translation)
            po = new_po()
            po.extend(entry for entry in seed_entries if entry.msgctxt in untranslated)
            if len(po):
                translation.import_po(
                    po, translation_type="manual", tool_name=SEED_TOOL_NAME
                )
            save_target(translation)


def untranslated_contexts(translation):
    segments = translation.source.stringsegment_set.select_related("context")
    done = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__in=[segment.context for segment in segments],
        ).values_list("context__path", flat=True)
    )
    return {segment.context.path for segment in segments} - done


def save_target(translation):
    """Publish the repaired Spanish version if it was live with nothing pending;
    otherwise keep it as a draft for review, the live version untouched."""
    target = translation.get_target_instance()
    if target.live and target.latest_revision_id == target.live_revision_id:
        publish_now(
            translation, translation.source.get_source_instance(), target.locale
        )
    else:
        save_draft_revision(translation, user=None)


def relabel_seed_strings():
    StringTranslation.objects.filter(tool_name=OLD_SEED_TOOL_NAME).update(
        tool_name=SEED_TOOL_NAME
    )
