import time

from django.core.management.base import BaseCommand

from home.outbox.sending import send_due


class Command(BaseCommand):
    help = (
        "Sends the emails waiting in the outbox whose time has come; with --loop, "
        "keeps doing so every few seconds (the compose file's worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true")
        parser.add_argument("--every", type=float, default=10.0, help="seconds")

    def handle(self, loop=False, every=10.0, **options):
        while True:
            sent = send_due()
            if sent:
                self.stdout.write(f"{sent} sent")
            if not loop:
                return
            time.sleep(every)
