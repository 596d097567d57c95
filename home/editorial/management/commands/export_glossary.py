from django.core.management.base import BaseCommand

from home.editorial.glossary import SEED, export_glossary
from home.models import GlossaryTerm


class Command(BaseCommand):
    help = (
        "Writes the glossary moderators keep in the admin to "
        "locales/es/glossary.csv (or --output), the seed of new installs that the "
        "tests check the Spanish catalogues against."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(SEED))

    def handle(self, *args, output, **options):
        export_glossary(output)
        count = GlossaryTerm.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Glossary: {count} terms → {output}"))
