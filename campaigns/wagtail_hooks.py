from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .signups.admin import SignupAdmin
from .signups.models import Signup
from .signups.panels import SignupChartPanel

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


@hooks.register("construct_homepage_panels")
def add_signup_chart_panel(request, panels):
    """Sign-ups per week, for those who may see sign-ups."""
    if request.user.has_perm("campaigns.view_signup"):
        panels.append(SignupChartPanel())
