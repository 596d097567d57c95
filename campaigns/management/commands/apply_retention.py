from django.conf import settings
from django.core.management.base import BaseCommand

from campaigns.signups.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Deletes the sign-ups kept longer than SIGNUP_RETENTION_MONTHS after their "
        "last sign-up, and those never confirmed after SIGNUP_CONFIRMATION_DAYS; "
        "the weekly counts per campaign and language stay. Run daily (cron or the "
        "compose file's scheduler); --dry-run says what would go."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, dry_run=False, **options):
        outcome = apply_retention(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {outcome.counted} sign-up(s) older than "
            f"{settings.SIGNUP_RETENTION_MONTHS} months (kept as counts) and "
            f"{outcome.unconfirmed} never confirmed within "
            f"{settings.SIGNUP_CONFIRMATION_DAYS} days."
        )
