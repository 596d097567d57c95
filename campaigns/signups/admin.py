"""Sign-ups in the admin: staff list, filter, inspect and export them; nobody edits
them or adds them by hand."""

from django.contrib.admin import RelatedOnlyFieldListFilter
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .export import EXPORT_FIELDS, neutralise_formula
from .models import Signup
from .panels import chart_context


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
        "signed_up_in",
        "language",
        "times_signed_up",
        "created_at",
        "last_signed_up_at",
    )
    list_filter = (
        ("campaign", RelatedOnlyFieldListFilter),
        "signed_up_in",
        "language",
        "created_at",
    )
    # wagtail-modeladmin joins related rows by itself only for reverse relations;
    # without this, each row's campaign costs a query.
    list_select_related = ("campaign",)
    search_fields = ("name", "email", "zip_code", "phone")
    list_export = EXPORT_FIELDS
    export_filename = "sign-ups"
    inspect_view_enabled = True
    # How rows are matched, not something staff need to read.
    inspect_view_fields_exclude = ["email_key", "submission_key"]
    # Nobody edits a sign-up, so it has no history; the history view would
    # otherwise show each one's name to anyone with access to the admin.
    history_view_enabled = False
