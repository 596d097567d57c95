"""The Spanish seed content, kept as one PO file and applied through wagtail-localize.

Each entry's msgctxt is "<seed label>/<segment path>", for example
"page:treatment-not-trauma/demands.<block id>.demand": the seed label says which
object it belongs to and the rest is wagtail-localize's own context for the string.
Applying it does what a translator's PO upload does: a TranslationSource for the
English object, a Translation into Spanish, import_po, then save_target.
"""

from collections import defaultdict
from pathlib import Path

import polib
from django.conf import settings
from wagtail.models import Locale, Revision
from wagtail_localize.models import StringSegment, Translation, TranslationSource

CONTENT_PO = Path(settings.BASE_DIR) / "locales" / "es" / "content.po"
TARGET_LANGUAGE = settings.TRANSLATION_TARGET_LANGUAGE
# Where the translation editor says the seed's Spanish strings came from
# ("Translated with content.po on …"), as it says "PO File" for an upload.
SEED_TOOL_NAME = "content.po"


def source_entries(label, instance):
    """PO entries (msgid and msgctxt, no msgstr) for every string of an object."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    seen = set()
    for segment in segments:
        key = (segment.context.path, segment.string.data)
        if key in seen:
            continue
        seen.add(key)
        yield polib.POEntry(
            msgid=segment.string.data,
            msgctxt=f"{label}/{segment.context.path}",
            msgstr="",
            comment=f"{instance._meta.verbose_name}: {instance}",
        )


def new_po():
    po = polib.POFile(wrapwidth=88)
    po.metadata = {
        "Project-Id-Version": "bpnc-site content",
        "Language": TARGET_LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    return po


def export_content_po(seed, path=CONTENT_PO):
    """Write the PO file for the seed objects, keeping translations already in it."""
    previous = {}
    if path.exists():
        previous = {
            (entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(path)
        }
    po = new_po()
    for label, instance in seed:
        for entry in source_entries(label, instance):
            entry.msgstr = previous.get((entry.msgctxt, entry.msgid), "")
            po.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return po


def entries_by_label(path=CONTENT_PO):
    grouped = defaultdict(list)
    for entry in polib.pofile(str(path)):
        label, _slash, context = entry.msgctxt.partition("/")
        grouped[label].append(
            polib.POEntry(msgid=entry.msgid, msgctxt=context, msgstr=entry.msgstr)
        )
    return grouped


def translate_seed(seed, path=CONTENT_PO):
    """Create the Spanish translation of every seed object that has none yet.

    A Spanish version that already exists is left alone, whoever made it: the
    seed never overwrites a translator's work. Returns the labels translated.
    """
    locale = Locale.objects.get(language_code=TARGET_LANGUAGE)
    grouped = entries_by_label(path)
    translated = []
    for label, instance in seed:
        if instance.get_translation_or_none(locale) is not None:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = new_po()
        po.extend(grouped.get(label, []))
        translation.import_po(po, translation_type="manual", tool_name=SEED_TOOL_NAME)
        publish_now(translation, instance, locale)
        translated.append(label)
    return translated


def publish_now(translation, instance, locale):
    """Save the translation and publish it at once.

    save_target(publish=True) defers publishing to the end of the transaction,
    from a copy of the page taken before its children existed, which would
    reset the tree's child counts when the whole seed loads in one transaction.
    Publishing a freshly fetched revision straight away avoids that.
    """
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    Revision.objects.get(pk=target.latest_revision_id).publish()
