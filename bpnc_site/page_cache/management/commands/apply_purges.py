import time

from django.core.management.base import BaseCommand

from bpnc_site.page_cache.models import Purge
from bpnc_site.page_cache.purging import apply_due_purges


class Command(BaseCommand):
    help = (
        "Applies the recorded page-cache and CDN purges that failed and are due "
        "again; with --loop, keeps doing so every few seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true")
        parser.add_argument("--every", type=float, default=2.0, help="seconds")

    def handle(self, loop=False, every=2.0, **options):
        while True:
            apply_due_purges()
            waiting = Purge.objects.count()
            if waiting:
                self.stdout.write(f"{waiting} purges waiting")
            if not loop:
                return
            time.sleep(every)
