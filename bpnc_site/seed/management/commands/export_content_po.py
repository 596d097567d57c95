from django.core.management.base import BaseCommand

from bpnc_site.seed.loader import SiteContentLoader
from bpnc_site.seed.translation import CONTENT_PO, export_content_po


class Command(BaseCommand):
    help = (
        "Rewrites locales/es/content.po from the English seed content, keeping every "
        "Spanish translation already in it. Run after changing the content data files."
    )

    def handle(self, *args, **options):
        loader = SiteContentLoader()
        loader.load(translate=False)
        po = export_content_po(loader.seed)
        missing = len([entry for entry in po if not entry.msgstr])
        self.stdout.write(f"{CONTENT_PO}: {len(po)} strings, {missing} untranslated")
