"""Finding the Spanish side of a page or snippet."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def spanish(instance):
    """The Spanish version of a page or snippet."""
    return instance.get_translation(Locale.objects.get(language_code="es"))


def spanish_translation(instance):
    """wagtail-localize's Translation of a page or snippet into Spanish."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code="es"
    )


def translate_string(translation_obj, english_text, spanish_text):
    """Translate one string of a translation, as a translator does in the editor."""
    segment = translation_obj.source.stringsegment_set.select_related(
        "string", "context"
    ).get(string__data=english_text)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation_obj.target_locale,
        context=segment.context,
        defaults={"data": spanish_text},
    )


def publish_in_spanish(instance, words):
    """Translate every string of a page (or snippet) with words, {English:
    Spanish}, through wagtail-localize, and publish the Spanish version now.
    Called again after the English changed, it syncs it as the editor's "Sync
    translated pages" does, keeping translations already made.

    save_target(publish=True) would wait for a commit that never comes in a test.
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation_obj, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation_obj.target_locale,
            context=segment.context,
            defaults={"data": words[segment.string.data]},
        )
    translation_obj.save_target(publish=False)
    target = translation_obj.get_target_instance()
    target.get_latest_revision().publish()
    return type(instance).objects.get(pk=target.pk)


def sync_spanish(instance, words):
    """Sync the Spanish version with the English, translate its new strings with
    words, {English: Spanish}, and publish it, as a translator and a moderator
    do; keeps the translations already made."""
    translation_obj = spanish_translation(instance)
    translation_obj.source.update_from_db()
    for english, es in words.items():
        if translation_obj.source.stringsegment_set.filter(string__data=english):
            translate_string(translation_obj, english, es)
    translation_obj.save_target(publish=False)
    spanish(instance).get_latest_revision().publish()
    return spanish(instance)
