from django.core.management.base import BaseCommand, CommandError

from bpnc_site.backups.backup import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Writes a portable backup of the site into a folder: every page, revision, "
        "translation, snippet, user and sign-up as JSON, plus the uploaded media "
        "files. Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to write the backup")
        parser.add_argument(
            "--skip-media",
            action="store_true",
            help="leave the media files out (when the bucket is backed up apart)",
        )

    def handle(self, folder, skip_media=False, **options):
        try:
            manifest = back_up(folder, media=not skip_media)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = manifest["media_files"]
        media = "no media files" if files is None else f"{files} media files"
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {rows} rows from {len(manifest['rows'])} tables and "
                f"{media} to {folder}"
            )
        )
