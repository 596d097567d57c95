from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, the review workflow, translation status and who may change what."""

    name = "home.editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from home.models import public_snippet_models
        from home.overrides.admin_labels import label_the_admin_screens
        from home.overrides.localize_dates import dates_without_month_names

        from . import signals
        from .permissions import LocaleRestrictedPermissionPolicy
        from .review_dates import signals as review_date_signals
        from .role_names import connect_role_name_receivers

        signals.connect_snippet_receivers()
        connect_role_name_receivers()
        review_date_signals.connect_receivers()
        for model in public_snippet_models():
            register_permission_policy(model, LocaleRestrictedPermissionPolicy(model))
        dates_without_month_names()
        label_the_admin_screens()
