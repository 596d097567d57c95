import csv
import json

from django.core.management.base import BaseCommand

from campaigns.signups.export import neutralise_formula
from campaigns.signups.privacy import FIELDS, as_record, signups_of


class Command(BaseCommand):
    help = (
        "Prints every sign-up made with an email address (any case), as JSON or "
        "CSV: what to hand a person who asks for the data held about them."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, email, format="json", **options):
        records = [as_record(signup) for signup in signups_of(email)]
        if format == "csv":
            writer = csv.DictWriter(self.stdout, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            for record in records:
                writer.writerow(
                    {name: neutralise_formula(value) for name, value in record.items()}
                )
        else:
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        self.stderr.write(f"{len(records)} sign-up(s) for {email.strip()}")
