"""Alerts for tests: published as a moderator would, and their Spanish version
published through wagtail-localize, as an approved translation is."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from home.models import Alert
from tests.support.translations import translate_string

MESSAGE = "The Budget hearing moved to Thursday at 6 pm."
MENSAJE = "La audiencia del presupuesto pasó al jueves a las 6 p. m."


def publish_alert(starts_in=timedelta(0), lasts=timedelta(hours=1), **fields):
    """A live English alert starting starts_in from now."""
    starts_at = timezone.now() + starts_in
    alert = Alert(
        message=fields.pop("message", MESSAGE),
        starts_at=starts_at,
        ends_at=starts_at + lasts,
        locale=Locale.objects.get(language_code="en"),
        **fields,
    )
    alert.save()
    alert.save_revision().publish()
    return alert


def publish_in_spanish(alert, message=MENSAJE, link_text=None):
    """Translate the alert in wagtail-localize and publish the Spanish version."""
    source, _created = TranslationSource.get_or_create_from_instance(alert)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="es")
    )
    translate_string(translation, alert.message, message)
    if link_text is not None:
        translate_string(translation, alert.link_text, link_text)
    # save_target(publish=True) would wait for a commit that never comes in a test.
    translation.save_target(publish=False)
    spanish = translation.get_target_instance()
    spanish.get_latest_revision().publish()
    return Alert.objects.get(pk=spanish.pk)
