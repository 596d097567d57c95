from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import PageViewRestriction

from . import account, views
from .devices import authenticator_app
from .notices import describe, recent_changes, register_actions
from .second_factor import must_give_second_factor, second_factor_address

STAFF_ONLY = {PageViewRestriction.LOGIN, PageViewRestriction.GROUPS}


@hooks.register("register_admin_urls")
def sign_in_urls():
    return [
        path("two-factor/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("account/two-step/", account.settings_view, name="two_step_settings"),
        path("account/two-step/new-app/", account.new_app, name="two_step_new_app"),
        path(
            "account/two-step/<slug:action>/",
            account.confirm,
            name="two_step_confirm",
        ),
    ]


@hooks.register("register_account_settings_panel")
def two_step_panel(request, user, profile):
    return account.TwoStepSettingsPanel(request, user, profile)


hooks.register("register_log_actions", register_actions)


@hooks.register("before_serve_page")
def second_factor_for_private_pages(page, request, serve_args, serve_kwargs):
    """A password alone opens no page kept for signed-in people to an account
    that signs in with a second factor."""
    if must_give_second_factor(request) and any(
        restriction.restriction_type in STAFF_ONLY
        for restriction in page.get_view_restrictions()
    ):
        return redirect(second_factor_address(request))
    return None


@hooks.register("before_serve_document")
def second_factor_for_private_documents(document, request):
    if must_give_second_factor(request) and any(
        restriction.restriction_type in STAFF_ONLY
        for restriction in document.collection.get_view_restrictions()
    ):
        return redirect(second_factor_address(request))
    return None


class TwoStepDashboardPanel(Component):
    """On the dashboard: the account's second-factor changes of the last
    month (so an owner who did not make one sees it), and where to set up an
    authenticator app while the account has none."""

    name = "two_step_sign_in"
    order = 10
    template_name = "sign_in/dashboard_panel.html"

    def __init__(self, changes, has_app):
        self.changes = changes
        self.has_app = has_app

    def get_context_data(self, parent_context):
        return {
            "changes": [(entry, describe(entry)) for entry in self.changes],
            "has_app": self.has_app,
        }


@hooks.register("construct_homepage_panels")
def two_step_sign_in(request, panels):
    changes = list(recent_changes(request.user))
    has_app = authenticator_app(request.user) is not None
    if changes or not has_app:
        panels.insert(0, TwoStepDashboardPanel(changes, has_app))
