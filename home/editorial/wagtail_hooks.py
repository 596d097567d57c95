import copy

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.utils.version import get_main_version

from . import localize_actions
from .admin_api import EveryPageAdminAPIViewSet
from .glossary_views import GlossaryViewSet
from .report import TranslationStatusPanel, translation_report
from .review import (
    refuse_publishing_english,
    save_translation_draft,
    submit_translation_for_review,
)
from .review_dates.menu import ReviewDueMenuItem
from .review_dates.panels import ReviewDuePanel
from .review_dates.views import ReviewDueView
from .translation_help_views import use_translation


@hooks.register("construct_admin_api")
def pages_for_every_editor(router):
    router.register_endpoint("pages", EveryPageAdminAPIViewSet)


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("translations/status/", translation_report, name="translation_report"),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        ),
        path(
            "translations/<int:translation_id>/save-draft/",
            save_translation_draft,
            name="save_translation_draft",
        ),
        path(
            "translation-help/<int:translation_id>/segments/<int:segment_id>/use/",
            use_translation,
            name="use_translation",
        ),
    ]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def reviewed_localize_actions():
    """In place of wagtail-localize's own views at the same addresses: this app's
    hooks are registered first, so these patterns match first (overrides
    registry: localize-reviewed-urls)."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize_actions.SubmitPageForTranslation.as_view(),
            name="submit_page_for_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize_actions.SubmitSnippetForTranslation.as_view(),
            name="submit_snippet_for_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize_actions.UpdateTranslations.as_view(),
            name="update_translations_reviewed",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            localize_actions.stop_translation,
            name="stop_translation_reviewed",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            localize_actions.convert_to_alias,
            name="convert_to_alias_reviewed",
        ),
    ]


@hooks.register("before_edit_page")
def no_english_published_from_the_translation_editor(request, page):
    """Registered before wagtail-localize's own hook, which this answers first."""
    return refuse_publishing_english(request, page)


@hooks.register("before_edit_snippet")
def no_english_snippet_published_from_the_translation_editor(request, instance):
    return refuse_publishing_english(request, instance)


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return MenuItem(
        _("Spanish translations"),
        reverse("translation_report"),
        icon_name="globe",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


@hooks.register("register_admin_urls")
def review_due_urls():
    return [
        path("reports/review-due/", ReviewDueView.as_view(), name="review_due"),
        path(
            "reports/review-due/results/",
            ReviewDueView.as_view(results_only=True),
            name="review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def review_due_menu_item():
    return ReviewDueMenuItem(
        _("Review due"),
        reverse("review_due"),
        name="review-due",
        icon_name="date",
        order=60,
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel())


@hooks.register("construct_reports_menu")
def reports_menu_in_the_readers_language(request, menu_items):
    """wagtail-localize names its report when the menu is first built, in the
    language of whoever opens the admin first after a restart (overrides
    registry: localize-report-menu-label)."""
    report = reverse("wagtail_localize:translations_report")
    relabel(menu_items, lambda item: item.url == report, _("Translations"))


@hooks.register("construct_help_menu")
def help_menu_in_the_readers_language(request, menu_items):
    """Wagtail's "What's new" item is named like wagtail-localize's report
    (overrides registry: whats-new-menu-label)."""
    version = get_main_version(include_patch=False)
    relabel(
        menu_items,
        lambda item: item.name.startswith("whats-new-in-wagtail-"),
        _("What's new in Wagtail %(version)s") % {"version": version},
    )


def relabel(menu_items, matches, label):
    for position, item in enumerate(menu_items):
        if matches(item):
            menu_items[position] = copy.copy(item)
            menu_items[position].label = label
