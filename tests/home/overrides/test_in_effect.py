"""Each override of home/overrides/__init__.py still takes effect: what it leans on
is still there upstream, and it still changes what it means to change. Each test
is named after its entry."""

import importlib.util
import inspect
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.translation import gettext
from django_redis.cache import RedisCache
from wagtail import blocks, hooks
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page
from wagtail.search.backends.database.postgres import postgres
from wagtail_localize import models as localize_models
from wagtail_localize.views import edit_translation
from wagtail_localize.views.report import TranslationsReportFilterSet
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)
from wagtail_modeladmin.views import IndexView

from bpnc_site.cache.breaker import BreakerRedisCache
from home.editorial import localize_actions
from home.editorial.role_names import RoleName
from home.overrides.localize_dates import NUMERIC_DATE, translation_comment
from people.models import Person
from tests.support.site import PROJECT_DIR

LOCALIZE_TEMPLATES = Path(wagtail_localize.__file__).parent / "templates"
WAGTAIL_ADMIN_TEMPLATES = Path(wagtail.__file__).parent / "admin" / "templates"
PACKAGE_CATALOGUES = PROJECT_DIR / "locales" / "packages" / "es" / "LC_MESSAGES"


def test_localize_date_format_is_numeric_where_the_editor_formats_dates():
    for module in (localize_models, edit_translation):
        assert module.DATE_FORMAT == NUMERIC_DATE
        assert "strftime(DATE_FORMAT)" in inspect.getsource(module)


def test_localize_date_format_writes_each_strings_comment_in_words():
    assert localize_models.StringTranslation.get_comment is translation_comment
    uploaded = localize_models.StringTranslation(
        tool_name="PO File",
        translation_type="manual",
        updated_at=datetime(2026, 12, 7, 18, tzinfo=UTC),
    )
    by_hand = localize_models.StringTranslation(
        translation_type="manual", updated_at=datetime(2026, 12, 7, 18, tzinfo=UTC)
    )

    with translation.override("es"):
        assert uploaded.get_comment() == (
            "Traducido con un archivo PO el 7 de diciembre de 2026"
        )
        assert (
            by_hand.get_comment() == "Traducido manualmente el 7 de diciembre de 2026"
        )


def test_admin_untranslated_markup_copies_say_what_wagtail_still_writes():
    copies = {
        "wagtailadmin/home.html": 'value="Search"',
        "wagtailadmin/shared/header.html": 'value="Search"',
        "wagtailadmin/shared/headers/_actions.html": 'aria-label="Actions"',
        "wagtailadmin/shared/side_panel_toggle.html": "    {{ count|intcomma }}",
    }
    for name, english in copies.items():
        upstream = WAGTAIL_ADMIN_TEMPLATES / name
        ours = get_template(name).template
        assert english in upstream.read_text(encoding="utf-8"), name
        assert english not in ours.source, name
        assert "admin-untranslated-markup" in ours.source, name
        # The copy is the installed template but for the words it translates.
        unchanged = [
            line
            for line in upstream.read_text(encoding="utf-8").splitlines()
            if english not in line
        ]
        assert all(line in ours.source for line in unchanged), name


def test_admin_untranslated_labels_name_what_the_packages_leave_unnamed():
    filters = TranslationsReportFilterSet.base_filters
    with translation.override("es"):
        assert str(localize_models.Translation._meta.verbose_name_plural) == (
            "traducciones"
        )
        assert str(filters["source_locale"].label) == "Idioma de origen"
        assert str(filters["target_locale"].label) == "Idioma de destino"
        assert str(SearchView.verbose_name_plural) == "páginas"


def test_localize_editor_script_words_are_still_written_by_the_editors_script():
    script = (
        Path(wagtail_localize.__file__).parent
        / "static/wagtail_localize/js/wagtail-localize.js"
    ).read_text(encoding="utf-8")
    assert "} to ${" in script and "} translation`" in script
    assert '"w-sr-only"},"More actions")' in script
    ours = get_template("wagtail_localize/admin/edit_translation.html").template
    assert "translation-editor-words" in ours.source
    assert "editorial/js/translation-editor.js" in ours.source


@pytest.mark.parametrize(
    ("name", "args", "view"),
    [
        ("submit_page_translation", [1], localize_actions.SubmitPageForTranslation),
        (
            "submit_snippet_translation",
            ["people", "person", "1"],
            localize_actions.SubmitSnippetForTranslation,
        ),
        ("update_translations", [1], localize_actions.UpdateTranslations),
        ("stop_translation", [1], localize_actions.stop_translation),
        ("convert_to_alias", [1], localize_actions.convert_to_alias),
    ],
)
def test_localize_reviewed_urls_answer_wagtail_localizes_own_addresses(
    name, args, view
):
    match = resolve(reverse(f"wagtail_localize:{name}", args=args))
    found = inspect.unwrap(match.func)
    assert getattr(found, "view_class", found) is view


def test_localize_view_methods_override_methods_that_exist_upstream():
    for upstream in (SubmitPageTranslationView, SubmitSnippetTranslationView):
        assert callable(upstream.get_form)
        assert callable(upstream.get_success_message)
        assert callable(upstream.get_default_success_url)
    assert callable(UpdateTranslationsView.get_form)
    assert callable(UpdateTranslationsView.form_valid)
    assert localize_actions.PUBLISH_FIELD in UpdateTranslationsForm.base_fields


def test_localize_editor_template_overrides_blocks_that_exist_upstream():
    upstream = LOCALIZE_TEMPLATES / "wagtail_localize/admin/edit_translation.html"
    source = upstream.read_text(encoding="utf-8")
    assert "{% block content %}" in source and "{% block bodyclass %}" in source
    ours = get_template("wagtail_localize/admin/edit_translation.html")
    assert "translation-review" in ours.template.source
    # The help panel reads the editor's Translation from the view's context.
    assert "{% translation_help translation %}" in ours.template.source
    view = inspect.getsource(edit_translation.edit_translation)
    assert '"translation": translation,' in view
    workflow_status = get_template(
        "wagtailadmin/shared/side_panels/includes/status/workflow.html"
    )
    assert "{% if is_partial %}" in workflow_status.template.source


def test_localize_editor_hidden_actions_match_the_actions_addresses():
    assert reverse("wagtail_localize:stop_translation", args=[1]).endswith("/disable/")
    assert "/convert_to_alias/" in reverse(
        "wagtail_localize:convert_to_alias", args=[1]
    )
    script = (
        Path(wagtail_localize.__file__).parent
        / "static/wagtail_localize/js/wagtail-localize.js"
    ).read_text(encoding="utf-8")
    assert "data-w-action-url-value" in script


def test_localize_report_menu_label_finds_the_report_by_its_address():
    report = reverse("wagtail_localize:translations_report")
    items = [hook() for hook in hooks.get_hooks("register_reports_menu_item")]
    assert report in [item.url for item in items]


def test_whats_new_menu_label_finds_wagtails_item_by_its_name():
    items = [hook() for hook in hooks.get_hooks("register_help_menu_item")]
    assert any(item.name.startswith("whats-new-in-wagtail-") for item in items)


def test_snippet_breadcrumbs_read_in_the_staff_members_language():
    viewset = Person.snippet_viewset
    with translation.override("es"):
        labels = [str(item["label"]) for item in viewset.breadcrumbs_items]
        home = gettext("Home")
    assert home != "Home" and home in labels


def test_route_for_request_is_kept_where_wagtail_reads_it():
    request = RequestFactory().get("/en/")
    route = object()
    request._wagtail_route_for_request = route
    assert Page.route_for_request(request, "/en/") is route


def test_postgres_index_per_language_subclasses_what_wagtail_still_has():
    assert callable(postgres.PostgresIndex.add_items)
    assert "self.config" in inspect.getsource(postgres.PostgresSearchBackend)


def list_stream(raw):
    block = blocks.StreamBlock(
        [("figures", blocks.ListBlock(blocks.CharBlock()))], use_json_field=True
    )
    return block, block.to_python(raw)


def test_stream_list_ids_are_still_needed_and_still_given():
    raw = [{"type": "figures", "value": ["1", "2"], "id": "a"}]
    block, untouched = list_stream(raw)
    assert block.get_prep_value(untouched)[0]["value"] == ["1", "2"]  # no ids yet
    block, iterated = list_stream(raw)
    for _child in iterated:
        pass
    items = block.get_prep_value(iterated)[0]["value"]
    assert [item["value"] for item in items] == ["1", "2"]
    assert all(item["id"] for item in items)


def test_seed_repair_list_format_tells_legacy_items_apart():
    block = blocks.ListBlock(blocks.CharBlock())
    assert block._item_is_in_block_format({"type": "item", "value": "1", "id": "x"})
    assert not block._item_is_in_block_format("1")


def test_role_names_read_in_the_active_language():
    name = RoleName("Moderators")
    with translation.override("es"):
        assert str(name) != "Moderators"
    assert name == "Moderators"


def test_cache_breaker_wraps_methods_with_django_redis_signatures():
    ours = BreakerRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {}})
    assert ours._ignore_exceptions is False
    assert list(inspect.signature(RedisCache.get).parameters) == [
        "self",
        "key",
        "default",
        "version",
        "client",
    ]
    for name in ("set", "add", "get_many", "set_many", "delete", "delete_many"):
        assert callable(getattr(RedisCache, name))
    for name in ("has_key", "touch", "incr", "decr", "clear"):
        assert callable(getattr(RedisCache, name))


def package_msgids(module, domain):
    folder = Path(importlib.util.find_spec(module).submodule_search_locations[0])
    return {
        (entry.msgctxt, entry.msgid)
        for path in folder.glob(f"locale/*/LC_MESSAGES/{domain}.po")
        for entry in polib.pofile(str(path))
    }


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_package_catalogue_translates_msgids_the_packages_still_have(domain):
    gone = []
    catalogues = {}
    for entry in polib.pofile(str(PACKAGE_CATALOGUES / f"{domain}.po")):
        module = entry.comment.split()[0]  # "django.contrib.humanize (naturaltime)"
        if module not in catalogues:
            catalogues[module] = package_msgids(module, domain)
        if (entry.msgctxt, entry.msgid) not in catalogues[module]:
            gone.append(f"{module}: {entry.msgid}")
    assert gone == []


def test_signup_export_uses_what_wagtail_modeladmin_still_offers():
    assert IndexView.FORMAT_CSV and IndexView.FORMAT_XLSX
    assert hasattr(IndexView, "custom_field_preprocess")


def test_localize_editor_publish_action_is_what_the_editor_still_posts():
    from wagtail_localize.views import edit_translation

    source = inspect.getsource(edit_translation)
    assert 'request.POST.get("action") == "publish"' in source


def test_wagtail_workflow_notifiers_are_disconnected_and_ours_answer():
    from wagtail.admin import signal_handlers
    from wagtail.signals import task_submitted

    from home.editorial.notifications.workflow import (
        WAGTAILS_RECEIVERS,
        wagtails_receivers_connected,
    )

    assert wagtails_receivers_connected() == []
    # The dispatch_uids are still Wagtail's: connecting again would find them.
    source = inspect.getsource(signal_handlers.register_signal_handlers)
    for _signal, _sender, dispatch_uid in WAGTAILS_RECEIVERS:
        assert f'"{dispatch_uid}"' in source
    assert any(
        entry[0][0] == "editorial_review_submitted"
        for entry in task_submitted.receivers
    )


# Wagtail's files as they were when copied; a change upstream fails here.
COPIED_FROM_WAGTAIL = {
    "wagtailadmin/pages/confirm_delete.html": "77c1be2760338bcf455a37238f956b4a"
    "4e780afc66e03f764e7ff6d4c069dab5",
    "wagtailadmin/shared/set_privacy.html": "8073265cd6723802602f970fd0e7a708"
    "1b7e7bc3b264a3aab34bc7370f51c596",
}


def test_other_language_confirmations_copy_files_wagtail_still_has():
    import hashlib

    import wagtail

    upstream = Path(wagtail.__file__).parent / "admin" / "templates"
    for name, digest in COPIED_FROM_WAGTAIL.items():
        assert hashlib.sha256((upstream / name).read_bytes()).hexdigest() == digest
        ours = get_template(name).template.source
        assert "editorial/other_language.html" in ours
    unpublish = (upstream / "wagtailadmin/pages/confirm_unpublish.html").read_text()
    assert "{% block confirmation_text %}" in unpublish
    assert (
        "editorial/other_language.html"
        in get_template("wagtailadmin/pages/confirm_unpublish.html").template.source
    )


def test_signup_list_chart_fills_a_block_modeladmin_still_has(admin_client):
    template = get_template("modeladmin/index.html")
    assert "{% block content_main %}" in template.template.source
    html = admin_client.get(reverse("campaigns_signup_modeladmin_index")).content
    assert b"signup-chart-list" in html and b"No sign-ups" in html
