from django.core.management.base import BaseCommand

from bpnc_site.seed.loader import SiteContentLoader


class Command(BaseCommand):
    help = (
        "Builds the site's pages, people, organisations and bills from the data "
        "files in bpnc_site/seed/content/. Adds only what is missing and never changes "
        "existing content."
    )

    def handle(self, *args, **options):
        report = SiteContentLoader().load()
        self.stdout.write(self.style.SUCCESS(f"Site content: {report}"))
