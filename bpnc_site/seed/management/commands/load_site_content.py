from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale, get_page_models

from bpnc_site.seed.loader import SiteContentLoader
from bpnc_site.seed.repair import repair_legacy_lists
from bpnc_site.seed.translation import CONTENT_PO
from home.models import public_snippet_models


class Command(BaseCommand):
    help = (
        "Builds the site's pages, people, organisations and bills from the data "
        "files in bpnc_site/seed/content/. Adds only what is missing and never changes "
        "existing content, except to store list items an earlier version left "
        "untranslatable in the form that lets them be translated."
    )

    def handle(self, *args, **options):
        loader = SiteContentLoader()
        report = loader.load()
        self.stdout.write(self.style.SUCCESS(f"Site content: {report}"))
        repaired = repair_legacy_lists(
            [*get_page_models(), *public_snippet_models()],
            Locale.objects.get(language_code=settings.LANGUAGE_CODE),
            loader.seed,
            CONTENT_PO,
        )
        if repaired:
            names = ", ".join(str(instance) for instance in repaired)
            self.stdout.write(
                f"Lists made translatable, Spanish brought up to date: {names}"
            )
