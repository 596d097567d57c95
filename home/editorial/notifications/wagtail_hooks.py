from django.urls import path
from wagtail import hooks

from .panels import NoticesPanel, TranslationNotificationsPanel
from .views import dismiss_all_notices, dismiss_notice


@hooks.register("register_admin_urls")
def notice_urls():
    return [
        path("notices/<int:notice_id>/dismiss/", dismiss_notice, name="dismiss_notice"),
        path("notices/dismiss/", dismiss_all_notices, name="dismiss_all_notices"),
    ]


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    panels.append(NoticesPanel())


@hooks.register("register_account_settings_panel")
def translation_notifications_settings(request, user, profile):
    return TranslationNotificationsPanel(request, user, profile)
