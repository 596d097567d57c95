"""Installs loaded before list items were stored with ids get them, once.

The repair goes through wagtail-localize's own objects (updating sources,
importing the content PO's Spanish, saving targets), so it runs with the
current models, not historical ones. It depends on the latest migration of
every app whose tables the repair may write (the outbox too: publishing may
queue emails). Before any later migration changes those tables, make this one
a no-op and delete bpnc_site/seed/repair.py: an old install would otherwise run
it against tables that lack the new columns. A new install has no translation
source yet and skips it.
"""

from django.db import migrations

from bpnc_site.seed.repair import repair_installed_site


def repair(apps, schema_editor):
    if not apps.get_model("wagtail_localize", "TranslationSource").objects.exists():
        return
    repair_installed_site()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0007_review_by"),
        ("home", "0007_delete_guessable_share_cards"),
        ("outbox", "0001_outgoing_email"),
        ("people", "0002_review_by"),
        ("policy", "0003_review_by"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
