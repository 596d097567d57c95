"""Queueing and sending the outbox.

``queue_email`` writes the email in the caller's transaction, so it exists if
and only if the action that caused it was committed. Right after the commit one
attempt is made (``OUTBOX_SEND_AFTER_COMMIT``); whatever fails is tried again by
``manage.py send_queued_email`` (a cron job or the compose file's worker), later
each time, until it goes. Nothing here ever raises into the action.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)


def queue_email(to, subject, body, headers=None):
    """An email to send once the current transaction commits."""
    email = OutgoingEmail.objects.create(
        to=list(to), subject=subject, body=body, headers=headers or {}
    )
    if settings.OUTBOX_SEND_AFTER_COMMIT:
        transaction.on_commit(lambda: send_due(only=[email.pk]))
    return email


def send_due(only=None, limit=100):
    """Send the emails whose time has come; how many went."""
    sent = 0
    try:
        due = OutgoingEmail.objects.filter(next_attempt_at__lte=timezone.now())
        if only is not None:
            due = due.filter(pk__in=only)
        for email in list(due[:limit]):
            sent += _send(email)
    except Exception:
        logger.exception("Outbox: sending stopped; the rest is tried again later")
    return sent


def _send(email):
    """Send one email claimed from the outbox: 1 if it went, 0 if not."""
    with transaction.atomic():
        claimed = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email.pk, next_attempt_at__lte=timezone.now())
            .first()
        )
        if claimed is None:  # another worker has it, or it went already
            return 0
        try:
            EmailMessage(
                subject=claimed.subject,
                body=claimed.body,
                to=claimed.to,
                headers=claimed.headers,
            ).send()
        except Exception as error:
            claimed.attempts += 1
            wait = min(FIRST_RETRY * 2 ** (claimed.attempts - 1), LONGEST_WAIT)
            claimed.next_attempt_at = timezone.now() + wait
            claimed.last_error = f"{type(error).__name__}: {error}"[:1000]
            claimed.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            logger.warning(
                "Outbox: email %s not sent (attempt %s), next try in %s s",
                claimed.pk,
                claimed.attempts,
                int(wait.total_seconds()),
                exc_info=True,
            )
            return 0
        claimed.delete()
        return 1
