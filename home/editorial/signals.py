from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_unpublished, unpublished

from home.models import PublicSnippet, public_snippet_models

from .roles import TRANSLATORS, prefers_spanish_admin


@receiver(m2m_changed, sender=get_user_model().groups.through)
def translators_get_a_spanish_admin(sender, instance, action, pk_set, **kwargs):
    """Whoever joins the Translators group sees the admin in Spanish by default."""
    if action != "post_add" or not pk_set:
        return
    if isinstance(instance, Group):
        return
    if Group.objects.filter(pk__in=pk_set, name=TRANSLATORS).exists():
        prefers_spanish_admin(instance)


# Withdrawing the original withdraws its translations: a Spanish page or snippet
# must never stay public once the English one it translates is gone.


def _translations(instance):
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return []
    return list(
        type(instance)
        .objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
    )


@receiver(page_unpublished)
def unpublish_page_translations(sender, instance, **kwargs):
    for twin in _translations(instance):
        if twin.live:
            twin.specific.unpublish(user=kwargs.get("user"), log_action=True)


@receiver(unpublished)
def unpublish_snippet_translations(sender, instance, **kwargs):
    if isinstance(instance, PublicSnippet):
        for twin in _translations(instance):
            if twin.live:
                twin.unpublish(user=kwargs.get("user"))


@receiver(post_delete, sender=Page)
def delete_page_translations(sender, instance, **kwargs):
    for twin in _translations(instance):
        twin.specific.delete()


def delete_snippet_translations(sender, instance, **kwargs):
    for twin in _translations(instance):
        twin.delete()


def connect_snippet_receivers():
    for model in public_snippet_models():
        post_delete.connect(
            delete_snippet_translations,
            sender=model,
            dispatch_uid=f"delete-translations-{model._meta.label}",
        )
