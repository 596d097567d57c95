from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

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
