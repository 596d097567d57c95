"""Telling an account's owner that its second factor changed: an email (through
the outbox, after the change commits) and a line in the account's history that
their dashboard shows for a month, both in the owner's admin language."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from home.outbox.sending import queue_email

CHANGES = {
    "app_added": gettext_lazy("An authenticator app was set up for your account."),
    "app_replaced": gettext_lazy(
        "Your authenticator app was replaced: only the new one gives codes now."
    ),
    "app_removed": gettext_lazy("Your authenticator app was removed."),
    "codes_replaced": gettext_lazy(
        "New recovery codes were made: your earlier ones no longer work."
    ),
}
ACTION_PREFIX = "sign_in."
SHOWN_FOR = timedelta(days=30)


def tell_owner(request, change):
    # The account itself, not the request's lazy wrapper of it (wrapped twice
    # by django-otp), which Wagtail's log would not recognise as a model.
    user = get_user_model()._default_manager.get(pk=request.user.pk)
    log(instance=user, action=ACTION_PREFIX + change, user=user)
    if not user.email:
        return
    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        context = {
            "user": user,
            "what": CHANGES[change],
            "when": timezone.localtime(),
            "address": client_address(request),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "account_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + "/admin/account/",
        }
        queue_email(
            [user.email],
            render_to_string("sign_in/email/changed_subject.txt", context).strip(),
            render_to_string("sign_in/email/changed_body.txt", context),
        )


def client_address(request):
    """The visitor's address as the rate limits read it (behind the proxies
    the settings trust)."""
    return import_string(settings.RATELIMIT_IP_META_KEY)(request)


def register_actions(actions):
    for change, message in CHANGES.items():
        actions.register_action(ACTION_PREFIX + change, message, message)


def recent_changes(user):
    """The account's second-factor changes of the last month, newest first."""
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk),
        action__startswith=ACTION_PREFIX,
        timestamp__gte=timezone.now() - SHOWN_FOR,
    ).order_by("-timestamp")[:5]


def describe(entry):
    return CHANGES.get(entry.action.removeprefix(ACTION_PREFIX), "")
