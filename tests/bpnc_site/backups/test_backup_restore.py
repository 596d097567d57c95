"""The restore drill: a backup of the site comes back whole in an empty database.

The seeded site, with a few sign-ups and an uploaded picture, is backed up by
``backup_site``; a new database (a SQLite file, or a PostgreSQL database of its own
when the suite runs on PostgreSQL) is migrated and ``restore_site`` loads the backup
into it, in other processes, as an operator would. Every page in both languages,
translation, snippet, sign-up and file must be found again, and every page must
serve.
"""

import io
import json

import pytest
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.db import connection
from PIL import Image as PILImage
from wagtail.images.models import Image

from tests.support.factories import SignupFactory
from tests.support.seed import seed_page
from tests.support.site import (
    postgres_database,
    postgres_url,
    run_command,
    site_environment,
)
from tests.support.site_facts import site_facts

# Three processes and a migrated database of its own; the restore empties tables and
# resets sequences, and the restored site searches, as the database does it: CI runs
# it in its PostgreSQL pass, the database production uses.
pytestmark = [pytest.mark.django_db, pytest.mark.postgresql_pass]


@pytest.fixture
def restored_database_url(tmp_path):
    if connection.vendor == "postgresql":
        server = postgres_url(connection.settings_dict)
        with postgres_database(server, prefix="bpnc_restore") as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"


def add_signups():
    campaign = seed_page()
    SignupFactory(campaign=campaign, name="Ana", language="es")
    SignupFactory(campaign=campaign, name="Bo", language="en")
    SignupFactory(campaign=campaign, name="Cy", language="en", signed_up_in="es")


def add_picture():
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 6), "#c0392b").save(picture, "PNG")
    return Image.objects.create(
        title="March on City Hall", file=ImageFile(picture, name="march.png")
    )


def test_a_backup_comes_back_whole_in_an_empty_database(
    seeded_site, client, tmp_path, restored_database_url
):
    add_signups()
    picture = add_picture()
    before = json.loads(json.dumps(site_facts(client)))
    backup = tmp_path / "backup"
    call_command("backup_site", str(backup), stdout=io.StringIO())
    # It holds password hashes and sign-ups: nobody else on the server may read it.
    assert backup.stat().st_mode & 0o077 == 0
    assert (backup / "data.json").stat().st_mode & 0o077 == 0

    with pytest.raises(CommandError, match="already holds content"):
        call_command("restore_site", str(backup), stdout=io.StringIO())

    env = site_environment(tmp_path / "restored", database_url=restored_database_url)
    run_command(env, "migrate", "--noinput", "-v0")
    run_command(env, "restore_site", str(backup))
    facts_file = tmp_path / "facts.json"
    read_facts = f"from tests.support.site_facts import main; main({str(facts_file)!r})"
    test_settings = {**env, "DJANGO_SETTINGS_MODULE": "bpnc_site.settings.test"}
    run_command(test_settings, "shell", "-v0", "-c", read_facts)
    after = json.loads(facts_file.read_text())

    languages = {page[1] for page in before["pages"]}
    assert languages == {"en", "es"} and len(before["pages"]) > 30
    assert {page[-1] for page in before["pages"]} == {200}
    assert len(before["signups"]) == 3 and before["translations"]
    assert all(before["searches"])
    for facts in ("pages", "translations", "snippets", "signups", "searches"):
        assert after[facts] == before[facts], facts
    assert after["images"] == before["images"]
    restored_file = tmp_path / "restored" / "media" / picture.file.name
    assert restored_file.read_bytes() == picture.file.open("rb").read()
