"""The drill's editor: publishes, as a moderator's Publish does, on request.

    python -m loadtest.editor      (the site's environment, production settings)

One long-lived process, so a publish during a fault costs no Django start-up.
For each line ``N`` read on stdin it publishes, in one transaction, a new title
on the sample campaign in English and in Spanish (each language's own revision)
and a new message on an alert, the snippet shown on every page, in both
languages; then prints ``committed N <epoch seconds of the commit> <attempts>``.
While the database refuses (stopped, restarting) it tries again every second,
as an editor presses Publish again, for up to RETRY_FOR seconds, then prints
``failed N <error>``. What each language must show afterwards is markers(N).
"""

import os
import sys
import time
from datetime import timedelta

RETRY_FOR = 120  # seconds
CAMPAIGN = "treatment-not-trauma"


def markers(number):
    """{"page": {language: text}, "alert": {language: text}} published by N."""
    return {
        "page": {"en": f"[drill {number}]", "es": f"[simulacro {number}]"},
        "alert": {"en": f"[drill notice {number}]", "es": f"[aviso {number}]"},
    }


def publish(number):
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from home.models.alerts import Alert
    from tests.support.seed import seed_page

    wanted = markers(number)
    committed = []
    with transaction.atomic():
        transaction.on_commit(lambda: committed.append(time.time()))
        for language in ("en", "es"):
            page = seed_page(CAMPAIGN, language)
            base = page.title.split(" [", 1)[0]
            page.title = f"{base} {wanted['page'][language]}"
            page.save_revision().publish()
        english = Alert.objects.filter(locale__language_code="en").first()
        if english is None:
            now = timezone.now()
            english = Alert(
                message="-",
                starts_at=now - timedelta(minutes=1),
                ends_at=now + timedelta(days=1),
            )
            english.save()
        spanish = english.get_translation_or_none(
            Locale.objects.get(language_code="es")
        )
        if spanish is None:
            spanish = english.copy_for_translation(
                Locale.objects.get(language_code="es")
            )
        for alert, language in ((english, "en"), (spanish, "es")):
            alert.message = f"Drill {wanted['alert'][language]}"
            alert.save()
            alert.save_revision().publish()
    return committed[0]


def serve(lines, out):
    from django.db import DatabaseError, close_old_connections, connection

    for line in lines:
        number = int(line)
        started, attempts = time.monotonic(), 0
        while True:
            attempts += 1
            close_old_connections()
            try:
                at = publish(number)
            except DatabaseError as error:  # the database is down: Publish again
                if time.monotonic() - started > RETRY_FOR:
                    out.write(f"failed {number} {type(error).__name__}: {error}\n")
                    break
                connection.close()
                time.sleep(1)
                continue
            out.write(f"committed {number} {at:.3f} {attempts}\n")
            break
        out.flush()


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bpnc_site.settings.production")
    # stdout is the drill's channel; the site's logs (JSON lines on stdout in
    # production) go to stderr, the editor's log.
    channel, sys.stdout = sys.stdout, sys.stderr
    import django

    django.setup()
    channel.write("ready\n")
    channel.flush()
    serve(sys.stdin, channel)


if __name__ == "__main__":
    main()
