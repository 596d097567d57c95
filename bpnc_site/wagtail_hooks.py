from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .page_cache import mark_cacheable
from .translation_admin import (
    TranslationStatusPanel,
    submit_translation_for_review,
    translation_report,
)


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("translations/status/", translation_report, name="translation_report"),
        path(
            "translations/<int:translation_id>/submit-for-review/",
            submit_translation_for_review,
            name="submit_translation_for_review",
        ),
    ]


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


@hooks.register("before_serve_page")
def cache_pages_served_to_anonymous_visitors(page, request, serve_args, serve_kwargs):
    if not request.user.is_authenticated:
        mark_cacheable(request)
