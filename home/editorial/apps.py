from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, the review workflow, translation status and who may change what."""

    name = "home.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.models import public_snippet_models

        from . import signals
        from .permissions import LocaleRestrictedPermissionPolicy
        from .review_dates import signals as review_date_signals
        from .review_dates.forms import show_review_dates_in_snippet_forms
        from .role_names import connect_role_name_receivers

        signals.connect_snippet_receivers()
        connect_role_name_receivers()
        review_date_signals.connect_receivers()
        show_review_dates_in_snippet_forms()
        for model in public_snippet_models():
            register_permission_policy(model, LocaleRestrictedPermissionPolicy(model))
        dates_without_month_names()


def dates_without_month_names():
    """wagtail-localize writes its editor's dates with strftime and "%-d %B %Y",
    so the translator reads "2 December 2026": English month names in any
    language. A numeric date (2026-12-02) reads the same to everyone."""
    from wagtail_localize import models
    from wagtail_localize.views import edit_translation

    models.DATE_FORMAT = edit_translation.DATE_FORMAT = "%Y-%m-%d"
