"""Sign-ups in the admin: staff list, filter, inspect and export them; nobody edits
them or adds them by hand."""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .consent import ConsentText
from .erasure import Erasure
from .export import (
    EXPORT_FIELDS,
    language_name,
    local_minute,
    local_minute_text,
    neutralise_formula,
    yes_or_no,
)
from .models import Signup
from .panels import chart_context


class SignupPermissionHelper(PermissionHelper):
    """Sign-ups come only from the public form: staff read and export them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


def in_both_formats(function, xlsx=None):
    return {IndexView.FORMAT_CSV: function, IndexView.FORMAT_XLSX: xlsx or function}


class SignupIndexView(IndexView):
    """The export reads as the list does: times in the staff member's time zone to
    the minute, languages by name, consent as Yes or No in their language."""

    custom_field_preprocess = {
        **{
            field: in_both_formats(neutralise_formula)
            for field in ("name", "email", "phone", "zip_code")
        },
        "language": in_both_formats(language_name),
        "signed_up_in": in_both_formats(language_name),
        "consent": in_both_formats(yes_or_no),
        **{
            field: in_both_formats(local_minute_text, xlsx=local_minute)
            for field in ("created_at", "last_signed_up_at")
        },
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.exporters_language = translation.get_language()

    def preprocess_field_value(self, field, value, export_format):
        # A CSV export is streamed after the request's language is switched off.
        with translation.override(self.exporters_language):
            return super().preprocess_field_value(field, value, export_format)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.request.GET.get("export"):
            context.update(chart_context())
        return context


class SignupAdmin(ModelAdmin):
    model = Signup
    menu_label = _("Sign-ups")
    menu_icon = "group"
    menu_order = 250
    permission_helper_class = SignupPermissionHelper
    index_view_class = SignupIndexView
    index_template_name = "campaigns/signups/admin/index.html"
    list_display = (
        "name",
        "email",
        "campaign",
        "meeting",
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
        ("meeting", RelatedOnlyFieldListFilter),
        "signed_up_in",
        "language",
        "needs_confirmation",
        "created_at",
    )
    # wagtail-modeladmin joins related rows by itself only for reverse relations;
    # without this, each row's campaign costs a query.
    list_select_related = ("campaign", "meeting", "consent_text")
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
