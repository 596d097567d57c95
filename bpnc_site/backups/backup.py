"""Portable backups of the site: content, translations, staff, sign-ups and media.

A backup is a folder: ``data.json`` (Django's serialisation of every table that is
not rebuilt from the others, primary keys kept, so page ids, the snippet and page ids
inside StreamFields, revisions and translations all still fit together), ``media/``
(a copy of the uploaded files) and ``manifest.json`` (row counts and the migrations
the database had, both checked on restore). Works between SQLite and PostgreSQL.

Left out, because migrate or a rebuild makes them again: content types and
permissions (rows refer to them by natural key, not id), the search index and
Wagtail's reference index. Left out as transient: sessions, admin editing
sessions, the Django admin's log and login-throttling records.
"""

import datetime
import json
import os
import shutil
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

DATA_FILE = "data.json"
MANIFEST_FILE = "manifest.json"
MEDIA_DIR = "media"
FORMAT = 1

LEFT_OUT = {
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "wagtailadmin.editingsession",
    "axes",
}
NATURAL_KEY_MODELS = (ContentType, Permission)


class BackupError(Exception):
    pass


def backed_up_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in LEFT_OUT
        and model._meta.label_lower not in LEFT_OUT
    ]


class ExactJSONEncoder(DjangoJSONEncoder):
    """Keeps the microseconds Django's encoder drops, so times restore exactly."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    """Django's JSON, with natural keys only for content types and permissions.

    Everything else keeps its id: natural keys for pages (their URL path) or users
    would be slower, and break on log entries that still name a deleted page.
    """

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in NATURAL_KEY_MODELS
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.related_model in NATURAL_KEY_MODELS
        super().handle_m2m_field(obj, field)


def back_up(folder, media=True):
    """Write a backup into folder (created if need be); returns its manifest."""
    folder = Path(folder)
    # Password hashes and neighbours' sign-ups: for the site's own user only.
    previous_umask = os.umask(0o077)
    try:
        return _back_up(folder, media)
    finally:
        os.umask(previous_umask)


def _back_up(folder, media):
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    if (folder / DATA_FILE).exists():
        raise BackupError(f"{folder} already holds a backup.")
    counts = {}
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            # One snapshot of every table, even while editors keep working.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        with (folder / DATA_FILE).open("w", encoding="utf-8") as stream:
            Serializer().serialize(_rows(counts), stream=stream, cls=ExactJSONEncoder)
        migrations = sorted(
            f"{app}.{name}"
            for app, name in MigrationRecorder(connection).applied_migrations()
        )
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": migrations,
        "rows": counts,
        "media_files": _copy_media_out(folder / MEDIA_DIR) if media else None,
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def _rows(counts):
    for model in backed_up_models():
        label = model._meta.label_lower
        counts[label] = 0
        for obj in model._base_manager.order_by("pk").iterator(chunk_size=500):
            counts[label] += 1
            yield obj


def _stored_files(storage, folder=""):
    folders, files = storage.listdir(folder)
    for name in files:
        yield str(PurePosixPath(folder, name))
    for name in folders:
        yield from _stored_files(storage, str(PurePosixPath(folder, name)))


def _copy_media_out(target):
    target.mkdir(exist_ok=True)
    copied = 0
    try:
        names = list(_stored_files(default_storage))
    except FileNotFoundError:  # no file was ever uploaded
        names = []
    for name in names:
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with default_storage.open(name, "rb") as source, path.open("wb") as copy:
                shutil.copyfileobj(source, copy)
        except FileNotFoundError:  # deleted (with its image) since it was listed
            path.unlink(missing_ok=True)
            continue
        copied += 1
    return copied


def read_manifest(folder):
    try:
        manifest = json.loads((Path(folder) / MANIFEST_FILE).read_text())
    except FileNotFoundError:
        raise BackupError(
            f"{folder} holds no backup ({MANIFEST_FILE} missing)."
        ) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{folder}: unknown backup format {manifest.get('format')}.")
    return manifest
