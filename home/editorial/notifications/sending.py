"""Telling a person: a notice on their dashboard, and an email in their admin
language unless they turned that kind off.

The email goes into the outbox in the action's own transaction and is sent after
it commits; nothing here can make the action fail (a failure is logged)."""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.editorial.permissions import allowed_language_codes
from home.outbox.sending import queue_email

from .models import Kind, Notice, NotificationPreferences

logger = logging.getLogger(__name__)

WAGTAIL_KINDS = {Kind.SUBMITTED, Kind.APPROVED, Kind.REJECTED}


def tell(recipients, kind, instance, by=None, comment=""):
    """Tell each active recipient (but not the one who acted) about instance."""
    for user in recipients:
        if not user or not user.is_active or user == by:
            continue
        try:
            # A savepoint: a failure here must not break the action's transaction.
            with transaction.atomic():
                _tell_one(user, kind, instance, by, comment)
        except Exception:
            logger.exception("Could not tell user %s about %s", user.pk, kind)


def _tell_one(user, kind, instance, by, comment):
    notice = Notice.objects.create(
        user=user,
        kind=kind,
        title=display_title(instance)[:255],
        admin_url=AdminURLFinder(user).get_edit_url(instance) or "",
        by=user_display_name(by) if by else "",
    )
    if user.email and wants_email(user, kind):
        queue_email([user.email], *render_email(notice, comment))


def display_title(instance):
    if isinstance(instance, Page):
        return instance.get_admin_display_title()
    return str(instance)


def wants_email(user, kind):
    if kind in WAGTAIL_KINDS:
        return getattr(UserProfile.get_for_user(user), f"{kind}_notifications")
    if kind == Kind.PUBLISHED:  # Wagtail's switch for "your edit is approved"
        return UserProfile.get_for_user(user).approved_notifications
    if kind == Kind.OUT_OF_DATE:
        return NotificationPreferences.for_user(user).out_of_date_notifications
    return True


def admin_language(user):
    """The language the person chose for the admin; if none, the language they
    translate into (translators), else the site's own. Not the language of
    whoever acted, which Wagtail's profile would fall back to."""
    chosen = UserProfile.get_for_user(user).preferred_language
    if chosen:
        return chosen
    codes = allowed_language_codes(user)
    return sorted(codes)[0] if codes else settings.LANGUAGE_CODE


def render_email(notice, comment=""):
    """(subject, body) in the recipient's admin language."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "user": notice.user,
        "name": notice.user.get_short_name() or notice.user.get_username(),
        "title": notice.title,
        "by": notice.by,
        "comment": comment,
        "admin_url": base_url + notice.admin_url if notice.admin_url else "",
        "preferences_url": base_url
        + reverse("wagtailadmin_account")
        + "#tab-notifications",
    }
    with override(admin_language(notice.user)):
        subject = render_to_string(
            f"notifications/email/{notice.kind}_subject.txt", context
        )
        body = render_to_string(f"notifications/email/{notice.kind}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"
