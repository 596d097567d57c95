"""Finding the Spanish side of a page or snippet."""

from wagtail.models import Locale
from wagtail_localize.models import Translation


def spanish(instance):
    """The Spanish version of a page or snippet."""
    return instance.get_translation(Locale.objects.get(language_code="es"))


def spanish_translation(instance):
    """wagtail-localize's Translation of a page or snippet into Spanish."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code="es"
    )
