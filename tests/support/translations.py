"""Finding the Spanish side of a page or snippet."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation


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
