"""The glossary starts as locales/es/glossary.csv, its seed."""

from django.db import migrations

from home.editorial.glossary import seed_glossary


def seed(apps, schema_editor):
    seed_glossary(apps.get_model("home", "GlossaryTerm"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_glossary_terms"),
    ]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
