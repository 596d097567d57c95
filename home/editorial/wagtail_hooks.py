from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import TranslationStatusPanel, translation_report
from .review import submit_translation_for_review


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
