"""Sign-ups in the admin: staff list, filter, inspect and export them; nobody edits
them or adds them by hand."""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .consent import ConsentText
from .erasure import Erasure
from .export import EXPORT_FIELDS, neutralise_formula
from .models import Signup


class SignupPermissionHelper(PermissionHelper):
    """Sign-ups come only from the public form: staff read and export them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class SignupIndexView(IndexView):
    custom_field_preprocess = {
        field: {
            IndexView.FORMAT_CSV: neutralise_formula,
            IndexView.FORMAT_XLSX: neutralise_formula,
        }
        for field in ("name", "email", "phone", "zip_code")
    }


class SignupAdmin(ModelAdmin):
    model = Signup
    menu_label = _("Sign-ups")
    menu_icon = "group"
    menu_order = 250
    permission_helper_class = SignupPermissionHelper
    index_view_class = SignupIndexView
    list_display = (
        "name",
        "email",
        "campaign",
        "signed_up_in",
        "language",
        "consent_version",
        "confirmation",
        "times_signed_up",
        "created_at",
        "last_signed_up_at",
    )
    list_filter = (
        ("campaign", RelatedOnlyFieldListFilter),
        "signed_up_in",
        "language",
        "needs_confirmation",
        "created_at",
    )
    # wagtail-modeladmin joins related rows by itself only for reverse relations;
    # without this, each row's campaign costs a query.
    list_select_related = ("campaign", "consent_text")
    search_fields = ("name", "email", "zip_code", "phone")
    list_export = EXPORT_FIELDS
    export_filename = "sign-ups"
    inspect_view_enabled = True
    # How rows are matched, not something staff need to read.
    inspect_view_fields_exclude = ["email_key", "submission_key"]
    # Nobody edits a sign-up, so it has no history; the history view would
    # otherwise show each one's name to anyone with access to the admin.
    history_view_enabled = False


class ConsentTextPermissionHelper(PermissionHelper):
    """A wording people have agreed to is never changed: staff add a version."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ConsentTextAdmin(ModelAdmin):
    model = ConsentText
    menu_label = _("Consent wording")
    menu_icon = "doc-full"
    menu_order = 251
    permission_helper_class = ConsentTextPermissionHelper
    list_display = (
        "language",
        "version",
        "email_wording",
        "text_wording",
        "created_at",
    )
    list_filter = ("language",)
    inspect_view_enabled = True
    history_view_enabled = False


class ErasurePermissionHelper(PermissionHelper):
    """Written by erasing, never by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ErasureAdmin(ModelAdmin):
    model = Erasure
    menu_label = _("Erasures")
    menu_icon = "bin"
    menu_order = 253
    permission_helper_class = ErasurePermissionHelper
    list_display = ("erased_at", "by", "signups", "staff_member")
    list_filter = ("by", "erased_at")
    history_view_enabled = False
