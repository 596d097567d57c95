"""An email queued with an action is sent after the action commits, never
fails it, and is tried again until the mail server takes it."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from home.outbox.models import OutgoingEmail
from home.outbox.sending import queue_email

pytestmark = pytest.mark.django_db


def test_an_email_goes_only_once_its_action_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(["a@example.org"], "Subject", "Body")
        assert mail.outbox == []

    assert [message.subject for message in mail.outbox] == ["Subject"]
    assert not OutgoingEmail.objects.exists()  # no address kept once sent


def test_an_action_rolled_back_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue_email(["a@example.org"], "Subject", "Body")
                raise RuntimeError("the action failed")
        except RuntimeError:
            pass

    assert mail.outbox == []
    assert not OutgoingEmail.objects.exists()


def test_a_stopped_mail_server_delays_the_email_until_it_is_back(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(["a@example.org"], "Subject", "Body")
    waiting = OutgoingEmail.objects.get()
    assert waiting.attempts == 1
    assert "not answering" in waiting.last_error

    call_command("send_queued_email")  # not due yet: nothing is tried
    assert OutgoingEmail.objects.get().attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        call_command("send_queued_email")

    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    assert not OutgoingEmail.objects.exists()


def test_each_failure_waits_longer_before_the_next_try(settings):
    settings.EMAIL_BACKEND = "tests.support.mail.FailingBackend"
    settings.OUTBOX_SEND_AFTER_COMMIT = False
    queue_email(["a@example.org"], "Subject", "Body")
    waits = []
    for _ in range(3):
        email = OutgoingEmail.objects.get()
        with time_machine.travel(email.next_attempt_at, tick=False):
            call_command("send_queued_email")
            email.refresh_from_db()
            waits.append((email.next_attempt_at - timezone.now()).total_seconds())

    assert waits == [30, 60, 120]
