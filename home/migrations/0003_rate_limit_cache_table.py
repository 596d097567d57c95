"""The database cache table rate limits are counted in when there is no Redis
(settings: CACHES["ratelimit"]), made with the schema so no install can miss it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_add_privacy_page")]

    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop),
    ]
