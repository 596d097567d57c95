"""Translators are told when an English page or snippet they translate is
published again: its Spanish no longer says what the English says. A page's
creator is told when someone else publishes it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.signals import page_published, published

from home.editorial.permissions import may_edit
from home.models import PublicSnippet

from .models import Kind
from .sending import tell


def translations_of(instance):
    """The copies of an original in the other languages (aliases follow it
    by themselves)."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return []
    twins = (
        type(instance)
        .objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .select_related("locale")
    )
    if isinstance(instance, Page):
        twins = twins.filter(alias_of__isnull=True)
    return list(twins)


def translators_of(twin):
    """Members of the groups that translate into the copy's language who may
    change it."""
    groups = [
        name
        for name, codes in settings.LANGUAGE_RESTRICTED_GROUPS.items()
        if twin.locale.language_code in codes
    ]
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=groups)
        .distinct()
    )
    return [user for user in members if may_edit(user, twin)]


def tell_translators(instance, user=None):
    for twin in translations_of(instance):
        tell(translators_of(twin), Kind.OUT_OF_DATE, twin, by=user)


def a_page_is_published(sender, instance, revision=None, alias=False, **kwargs):
    if alias:
        return
    user = getattr(revision, "user", None) if revision else kwargs.get("user")
    tell_translators(instance, user)
    tell_owner(instance, user)


def tell_owner(page, user):
    """Whoever created a page is told when someone else publishes it directly.
    A review's approval publishes the submitter's own revision, so its
    submitter hears of it as "approved" instead."""
    if user is not None and page.owner_id and page.owner_id != user.pk:
        tell([page.owner], Kind.PUBLISHED, page, by=user)


def snippet_published_again(sender, instance, revision=None, **kwargs):
    if isinstance(instance, PublicSnippet):
        user = getattr(revision, "user", None) if revision else kwargs.get("user")
        tell_translators(instance, user)


def connect_receivers():
    page_published.connect(a_page_is_published, dispatch_uid="editorial_out_of_date")
    published.connect(
        snippet_published_again, dispatch_uid="editorial_snippet_out_of_date"
    )
