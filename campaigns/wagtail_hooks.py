from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .signups.admin import ConsentTextAdmin, ErasureAdmin, SignupAdmin
from .signups.models import Signup
from .signups.staff_requests import PrivacyRequestsMenuItem, privacy_requests

modeladmin_register(SignupAdmin)
modeladmin_register(ConsentTextAdmin)
modeladmin_register(ErasureAdmin)


@hooks.register("register_admin_urls")
def privacy_request_urls():
    return [path("privacy-requests/", privacy_requests, name="signup_privacy_requests")]


@hooks.register("register_admin_menu_item")
def privacy_requests_menu_item():
    return PrivacyRequestsMenuItem(
        _("Privacy requests"),
        reverse("signup_privacy_requests"),
        icon_name="user",
        order=252,
    )


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
