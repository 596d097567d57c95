from django.core.management.base import BaseCommand, CommandError

from bpnc_site.backups.backup import BackupError
from bpnc_site.backups.restore import restore


class Command(BaseCommand):
    help = (
        "Restores a backup written by backup_site into a new database that has "
        "just been migrated, then rebuilds the search and reference indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder")
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="leave the media files alone (when the bucket is restored apart)",
        )

    def handle(self, folder, skip_media=False, **options):
        try:
            rows, files = restore(folder, media=not skip_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {files} media files from {folder}; "
                "search and reference indexes rebuilt."
            )
        )
