"""Restoring a backup made by backup.py into a new, migrated database.

The database must hold nothing but what ``migrate`` put there (Wagtail's initial
root and welcome pages, default site, groups and workflow): those rows are replaced
by the backup's, so the restored site is exactly the one backed up. Afterwards the
search index and Wagtail's reference index are rebuilt and the caches emptied.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from wagtail.models import Page

from bpnc_site.backups.backup import (
    DATA_FILE,
    MEDIA_DIR,
    BackupError,
    backed_up_models,
    read_manifest,
)
from campaigns.models import Signup


def restore(folder, media=True):
    """Load the backup in folder; returns (rows restored, media files restored)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    _check_migrations(manifest)
    _check_empty()
    models = backed_up_models()
    with transaction.atomic():
        _empty_tables(models)
        call_command("loaddata", str(folder / DATA_FILE), verbosity=0)
        _check_counts(manifest, models)
    restored_files = _copy_media_in(folder / MEDIA_DIR) if media else 0
    call_command("rebuild_references_index", verbosity=0)
    call_command("update_index", verbosity=0)
    for cache in caches.all(initialized_only=False):
        cache.clear()
    return sum(manifest["rows"].values()), restored_files


def _check_migrations(manifest):
    applied = {
        f"{app}.{name}"
        for app, name in MigrationRecorder(connection).applied_migrations()
    }
    missing = sorted(set(manifest["migrations"]) - applied)
    if missing:
        raise BackupError(
            f"This database lacks {len(missing)} migration(s) the backup was made "
            f"with ({', '.join(missing[:3])}…). Run `manage.py migrate` first, "
            "with the same version of the site as the backup or a later one."
        )


def _check_empty():
    found = {
        "pages": Page.objects.filter(depth__gt=2).count(),
        "users": get_user_model().objects.count(),
        "sign-ups": Signup.objects.count(),
    }
    present = ", ".join(f"{count} {what}" for what, count in found.items() if count)
    if present:
        raise BackupError(
            f"This database already holds content ({present}). Restore only into "
            "a new database that has just been migrated."
        )


def _empty_tables(models):
    """Clear the rows migrate made (root page, default site, groups…)."""
    tables = {model._meta.db_table for model in models}
    for model in models:
        for field in model._meta.local_many_to_many:
            if field.remote_field.through._meta.auto_created:
                tables.add(field.remote_field.through._meta.db_table)
    statements = connection.ops.sql_flush(
        no_style(), sorted(tables), reset_sequences=True, allow_cascade=True
    )
    connection.ops.execute_sql_flush(statements)


def _check_counts(manifest, models):
    """Every row written into the backup is in the database again."""
    wrong = []
    for model in models:
        label = model._meta.label_lower
        expected = manifest["rows"].get(label)
        if expected is not None and model._base_manager.count() != expected:
            wrong.append(f"{label}: {model._base_manager.count()} of {expected}")
    if wrong:
        raise BackupError(f"Rows missing after loading: {'; '.join(wrong)}")


def _copy_media_in(source):
    if not source.is_dir():
        return 0
    restored = 0
    for path in sorted(source.rglob("*")):
        name = path.relative_to(source).as_posix()
        if path.is_file() and not default_storage.exists(name):
            with path.open("rb") as content:
                default_storage.save(name, File(content))
            restored += 1
    return restored
