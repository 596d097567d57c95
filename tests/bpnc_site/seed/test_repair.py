"""An install loaded before list items had ids is repaired once, by the data
migration seed 0001_list_items_with_ids, and no longer by load_site_content."""

import importlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation

from bpnc_site.seed.repair import repair_installed_site
from tests.support.english import english_pieces
from tests.support.seed import seed_page
from tests.support.translations import spanish, spanish_translation, translate_string

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

SHOTSPOTTER = "cancel-shotspotter"
ICIRR = "icirr-2023-agenda"


def legacy(raw):
    """raw as the earlier loader stored it: list items bare, without ids."""
    if isinstance(raw, list):
        if raw and all(
            isinstance(item, dict) and item.get("type") == "item" for item in raw
        ):
            return [legacy(item["value"]) for item in raw]
        return [legacy(item) for item in raw]
    if isinstance(raw, dict):
        return {name: legacy(value) for name, value in raw.items()}
    return raw


def store_as_legacy(page, field, raw=None):
    raw = legacy(list(getattr(page, field).raw_data if raw is None else raw))
    type(page).objects.filter(pk=page.pk).update(
        **{field: type(page)._meta.get_field(field).to_python(raw)}
    )
    revision = page.latest_revision
    revision.content[field] = json.dumps(raw)
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)


def as_installed_before(key, field):
    """The page and its Spanish twin exactly as an install of the earlier loader."""
    english = seed_page(key)
    translation = spanish_translation(english)
    store_as_legacy(english, field)
    store_as_legacy(spanish(english), field, list(getattr(english, field).raw_data))
    StringTranslation.objects.filter(
        translation_of__segments__source=translation.source,
        context__path__regex=r"\.(items|steps|bills)\.",
        locale=translation.target_locale,
    ).delete()
    StringTranslation.objects.update(tool_name="seed")
    translation.source.update_from_db()
    return english


MIGRATION = importlib.import_module(
    "bpnc_site.seed.migrations.0001_list_items_with_ids"
)


def migrate():
    """What migrate runs on an install that has content."""
    MIGRATION.repair(apps, schema_editor=None)


def load_site_content():
    out = StringIO()
    call_command("load_site_content", stdout=out)
    return out.getvalue()


def test_figures_and_steps_become_translatable_and_take_the_seed_spanish(
    client, seeded_site
):
    fresh = seed_page(SHOTSPOTTER).body.raw_data
    english = as_installed_before(SHOTSPOTTER, "body")
    total, done = spanish_translation(english).get_progress()
    assert english_pieces(client.get(spanish(english).url).content)

    migrate()

    english.refresh_from_db()
    assert list(english.body.raw_data) == list(fresh)
    assert list(english.latest_revision.as_object().body.raw_data) == list(fresh)
    new_total, new_done = spanish_translation(english).get_progress()
    assert new_total > total and new_done == new_total
    response = client.get(spanish(english).url)
    assert english_pieces(response.content) == []
    assert "Latine" not in response.content.decode()


def test_a_translators_work_survives_the_repair(client, seeded_site):
    english = as_installed_before(SHOTSPOTTER, "body")
    translate_string(
        spanish_translation(english), "How does it work?", "¿Cómo funciona esto?"
    )

    migrate()

    assert "¿Cómo funciona esto?" in client.get(spanish(english).url).content.decode()


def test_spanish_demands_point_at_the_spanish_bills_after_the_repair(seeded_site):
    english = as_installed_before(ICIRR, "demands")

    migrate()

    bills = [
        bill for demand in spanish(english).demands for bill in demand.value["bills"]
    ]
    assert bills and {bill.locale.language_code for bill in bills} == {"es"}


def test_the_seed_strings_name_their_source_and_a_second_run_does_nothing(
    seeded_site,
):
    as_installed_before(SHOTSPOTTER, "body")
    migrate()

    assert not StringTranslation.objects.filter(tool_name="seed").exists()
    comment = StringTranslation.objects.filter(tool_name="content.po").first()
    assert "content.po" in comment.get_comment()
    assert repair_installed_site() == []


def test_loading_the_content_leaves_an_old_install_alone(seeded_site):
    english = as_installed_before(SHOTSPOTTER, "body")
    english.refresh_from_db()
    legacy_body = list(english.body.raw_data)

    load_site_content()

    english.refresh_from_db()
    assert list(english.body.raw_data) == legacy_body
