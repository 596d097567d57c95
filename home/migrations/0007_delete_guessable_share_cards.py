"""Share cards were stored as share-cards/<page id>-<digest>.png, a name anyone
could work out from a page's share card address, and stayed public under the
media address after their page became private. Cards now live in folders named
by a keyed hash and are drawn again when asked for: the old files are deleted.
Remove this migration when migrations are next squashed."""

import logging
import re

from django.core.files.storage import default_storage
from django.db import migrations

logger = logging.getLogger(__name__)

OLD_NAME = re.compile(r"\d+-[0-9a-f]+\.png")


def delete_guessable_cards(apps, schema_editor):
    try:
        _folders, files = default_storage.listdir("share-cards")
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        if OLD_NAME.fullmatch(name):
            try:
                default_storage.delete(f"share-cards/{name}")
            except OSError:
                logger.warning("Old share card %s not deleted", name, exc_info=True)


class Migration(migrations.Migration):
    dependencies = [("home", "0006_review_by")]

    operations = [
        migrations.RunPython(delete_guessable_cards, migrations.RunPython.noop),
    ]
