"""How far the Spanish version of a page or snippet keeps up with its English source."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

MISSING = "missing"
PARTIAL = "partial"
OUT_OF_DATE = "out_of_date"
COMPLETE = "complete"
# Live in Spanish while the English original is unpublished or deleted.
WITHDRAWN = "withdrawn"
# For state_of(): what its caller has not looked up, it looks up itself.
LOOK_UP = object()

STATE_LABELS = {
    MISSING: _("Missing"),
    PARTIAL: _("Partly translated"),
    OUT_OF_DATE: _("Out of date"),
    WITHDRAWN: _("Live in Spanish only"),
    COMPLETE: _("Complete"),
}


@dataclass
class TranslationState:
    source: object | None  # None when the English original was deleted
    translated: object | None
    state: str
    percent: int = 0
    changed_at: object = None
    translation: Translation | None = None
    # Of the segments still to translate: those whose English changed since
    # they were translated, and those never translated.
    changed_segments: int = 0
    new_segments: int = 0

    @property
    def source_offline(self):
        """The English original exists but is not live: nobody reads either
        language until it is published again."""
        return self.source is not None and not getattr(self.source, "live", True)

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def translated_title(self):
        """The Spanish title as last saved, a draft's included: a new
        translation's own row keeps the English title until it is published."""
        if self.translated is None:
            return None
        if isinstance(self.translated, Page):
            return self.translated.get_admin_display_title()
        revision = getattr(self.translated, "latest_revision", None)
        return revision.object_str if revision else str(self.translated)

    @property
    def type_name(self):
        return capfirst((self.source or self.translated)._meta.verbose_name)


def source_changed_at(instance):
    """When the English object was last changed and made public."""
    published = getattr(instance, "last_published_at", None)
    if published is not None:
        return published
    if isinstance(instance, Page):  # a page's row keeps it
        return instance.latest_revision_created_at
    revision = getattr(instance, "latest_revision", None)
    return revision.created_at if revision else None


def state_of(
    source_instance, locale, translated=LOOK_UP, source=LOOK_UP, translation=LOOK_UP
):
    """The translation state of one English object in one target locale.

    A caller that states many objects passes what it read for all of them at
    once: the translated object, the TranslationSource and the Translation (each
    None where there is none).
    """
    if translated is LOOK_UP:
        translated = source_instance.get_translation_or_none(locale)
    if translated is None:
        return TranslationState(source_instance, None, MISSING)
    if not getattr(source_instance, "live", True) and getattr(
        translated, "live", False
    ):
        return TranslationState(source_instance, translated, WITHDRAWN)
    if source is LOOK_UP:
        source = TranslationSource.objects.filter(
            object_id=source_instance.translation_key,
            locale_id=source_instance.locale_id,
        ).first()
    if translation is LOOK_UP:
        translation = (
            with_progress(source.translations.filter(target_locale=locale)).first()
            if source is not None
            else None
        )
    percent, untranslated, changed_segments, new_segments = 100, False, 0, 0
    if translation is not None:
        total, done = progress_of(translation)
        # Rounded down: one string left out of 200 is not "100 %".
        percent = 100 * done // total if total else 100
        untranslated = done < total
        if untranslated:
            changed_segments = changes_of(translation)
            new_segments = total - done - changed_segments
    changed = source_changed_at(source_instance)
    not_synced = changed is not None and (
        source is None or changed > source.last_updated_at
    )
    if not_synced:
        state = OUT_OF_DATE
    elif untranslated:
        # Synced: the new English strings are waiting for a translator.
        state = PARTIAL
    elif changed is not None and _published_before(translated, changed):
        # Fully translated but not yet published again.
        state = OUT_OF_DATE
    else:
        state = COMPLETE
    return TranslationState(
        source_instance,
        translated,
        state,
        percent,
        changed if state == OUT_OF_DATE else None,
        translation,
        changed_segments,
        new_segments,
    )


def translated_strings(locale_id):
    """The one definition of "translated", Translation.get_progress()'s: a
    translation of the segment's string, in its context, into the locale (an id
    or an OuterRef), without error. wagtail-localize leaves out a string flagged
    ``has_error`` when it builds the page, so the page shows it in English."""
    return StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )


def earlier_translations(locale_id, source_id):
    """Translations into the locale (an id or an OuterRef) made in the
    segment's (OuterRef) context of another English string, one the source
    (an id or an OuterRef) no longer has there: the segment's English changed
    since it was translated (update_from_db points the segment at a new
    String; the old String's translation stays)."""
    current = StringSegment.objects.filter(
        source_id=source_id, context_id=OuterRef("context_id")
    ).values("string_id")
    return (
        StringTranslation.objects.filter(
            context_id=OuterRef("context_id"), locale_id=locale_id, has_error=False
        )
        .exclude(translation_of_id=OuterRef("string_id"))
        .exclude(translation_of_id__in=current)
    )


def with_progress(translations):
    """Translations annotated with their progress as Translation.get_progress()
    counts it (the source's string segments, and those translated without error
    into the target language), and with how many untranslated segments changed
    since they were translated, in the query that reads them."""
    locale_id = OuterRef(OuterRef("target_locale_id"))
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    translated = segments.filter(Exists(translated_strings(locale_id)))
    changed = segments.exclude(Exists(translated_strings(locale_id))).filter(
        Exists(earlier_translations(locale_id, OuterRef(OuterRef("source_id"))))
    )
    return translations.annotate(
        segment_count=_count(segments),
        translated_count=_count(translated),
        changed_count=_count(changed),
    )


def changes_of(translation):
    """How many untranslated segments of the translation changed in English
    since they were translated: read from with_progress() when it annotated
    the translation."""
    if hasattr(translation, "changed_count"):
        return translation.changed_count
    return (
        with_progress(Translation.objects.filter(pk=translation.pk)).get().changed_count
    )


def _count(segments):
    counted = segments.order_by().values("source_id").annotate(count=Count("pk"))
    return Coalesce(Subquery(counted.values("count")), 0)


def progress_of(translation):
    """(segments, translated segments): read from with_progress() when it
    annotated the translation."""
    if hasattr(translation, "segment_count"):
        return translation.segment_count, translation.translated_count
    return translation.get_progress()


def _published_before(translated, moment):
    published = getattr(translated, "last_published_at", None)
    return published is not None and published < moment


@dataclass
class Lag:
    english: object
    # Strings of the English page have no Spanish yet (the page shows them in
    # English); otherwise the English changed after the translation was made.
    untranslated: bool = False


def translation_lag(page, english):
    """How a live translation lags behind ``english``, its live English page:
    a Lag when it does, else None."""
    changed = english.last_published_at
    if changed is None:
        return None
    if _published_before(page, changed):
        return Lag(english)
    source = (
        TranslationSource.objects.filter(
            object_id=page.translation_key, locale_id=english.locale_id
        )
        .annotate(untranslated=untranslated_strings(page.locale_id))
        .first()
    )
    if source is None:
        return None
    if changed > source.last_updated_at:
        return Lag(english)
    if source.untranslated:
        return Lag(english, untranslated=True)
    return None


def untranslated_strings(locale_id):
    """Whether the TranslationSource (as OuterRef) has a string that is not
    translated into the locale (translated_strings()): a subquery, so it costs
    no query of its own."""
    return Exists(
        StringSegment.objects.filter(source_id=OuterRef("pk")).exclude(
            Exists(translated_strings(locale_id))
        )
    )


def translation_into(instance):
    """wagtail-localize's Translation whose target is this page or snippet, or
    None when it is not a synchronised translation."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .exclude(source__locale_id=instance.locale_id)
        .first()
    )


def submitted_progress(instance):
    """(segments, translated segments) of the translation into this page or
    snippet, as get_progress() counts them now: what a revision built from it
    now shows. (0, 0) for what is not a translation."""
    translation = translation_into(instance)
    if translation is None:
        return 0, 0
    return translation.get_progress()
