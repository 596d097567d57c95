from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .signups import Signup


class SignupPermissionHelper(PermissionHelper):
    """Sign-ups come only from the public form: staff read and export them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class SignupAdmin(ModelAdmin):
    model = Signup
    menu_label = _("Sign-ups")
    menu_icon = "group"
    menu_order = 250
    permission_helper_class = SignupPermissionHelper
    list_display = (
        "name",
        "email",
        "campaign",
        "signed_up_in",
        "language",
        "created_at",
    )
    list_filter = (
        ("campaign", RelatedOnlyFieldListFilter),
        "signed_up_in",
        "language",
        "created_at",
    )
    search_fields = ("name", "email", "zip_code", "phone")
    list_export = (
        "name",
        "email",
        "phone",
        "zip_code",
        "language",
        "signed_up_in",
        "campaign",
        "consent",
        "created_at",
    )
    export_filename = "sign-ups"
    inspect_view_enabled = True


modeladmin_register(SignupAdmin)
