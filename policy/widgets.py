"""The page chooser for a campaign's policy areas."""

from django import forms
from django.conf import settings
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.widgets import AdminPageChooser

from .models import PolicyIndexPage


class PolicyAreaChooser(AdminPageChooser):
    """Opens at the policy positions, where the areas are, instead of the root
    (both languages' areas share no nearer ancestor)."""

    js_constructor = "PolicyAreaChooser"

    def __init__(self, **kwargs):
        super().__init__(target_models=["policy.PolicyAreaPage"], **kwargs)

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        index = (
            PolicyIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            .values_list("pk", flat=True)
            .first()
        )
        if index is not None:
            options["startAt"] = index
        return options

    @property
    def media(self):
        return super().media + forms.Media(
            js=[versioned_static("policy/js/policy-area-chooser.js")]
        )
