from django.contrib import messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from .signups import Signup


class SignupPermissionHelper(PermissionHelper):
    """Sign-ups come only from the public form: staff read and export them."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """Keep spreadsheet programs from running text typed by the public."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


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


@hooks.register("before_delete_page")
def keep_campaigns_with_sign_ups(request, page):
    """Sign-ups hold neighbours' details: export or delete them before the page."""
    pages = page.get_descendants(inclusive=True)
    if Signup.objects.filter(campaign__in=pages).exists():
        messages.error(
            request,
            _(
                "This page or a page below it has sign-ups. Export and delete them "
                "under Sign-ups before deleting the page."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None
