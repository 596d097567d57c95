"""Telling those who RSVP'd that their meeting moved, changed or was cancelled.

Each language's page tells those who RSVP'd in that language, when it is
published with a change they need (MeetingPage.save notes one): the English
page when staff publish the change, the Spanish page when its translation is
synchronised and published. So every email says what the page it links to says,
in the reader's language. Emails go through the outbox, written in the
publish's own transaction and sent after it commits; a failure to queue them is
logged and never undoes the publish.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from home.outbox.sending import queue_email

from ..signups.models import Signup
from . import calendar

logger = logging.getLogger(__name__)


def tell_attendees(sender, instance, **kwargs):
    """page_published receiver for meeting pages."""
    if not instance.change_to_announce:
        return
    type(instance).objects.filter(pk=instance.pk).update(change_to_announce=False)
    instance.change_to_announce = False
    if instance.is_past:
        return
    try:
        with transaction.atomic():
            queued = queue_change_emails(instance)
    except Exception:
        logger.exception("Meeting %s: change emails not queued", instance.pk)
        return
    if queued:
        logger.info("Meeting %s: %s change emails queued", instance.pk, queued)


def queue_change_emails(meeting):
    language = meeting.locale.language_code
    attendees = Signup.objects.filter(
        meeting__translation_key=meeting.translation_key, signed_up_in=language
    ).only("name", "email")
    with translation.override(language):
        context = {
            "meeting": meeting,
            "when": calendar.when(meeting.start, meeting.end),
            "url": meeting.full_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string(
            "campaigns/meetings/email/changed_subject.txt", context
        ).strip()
        count = 0
        for attendee in attendees:
            body = render_to_string(
                "campaigns/meetings/email/changed_body.txt",
                {**context, "name": attendee.name},
            )
            queue_email([attendee.email], subject, body)
            count += 1
    return count
