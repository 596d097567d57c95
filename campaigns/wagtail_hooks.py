from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail_modeladmin.options import modeladmin_register

from .meetings.attendance import alert_url, should_offer_alert
from .meetings.models import MeetingPage
from .signups.admin import ConsentTextAdmin, ErasureAdmin, SignupAdmin
from .signups.models import Signup
from .signups.panels import SignupChartPanel
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
    if Signup.objects.filter(Q(campaign__in=pages) | Q(meeting__in=pages)).exists():
        messages.error(
            request,
            _(
                "This page or a page below it has sign-ups. Export and delete them "
                "under Sign-ups before deleting the page."
            ),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("after_publish_page")
def offer_an_alert_for_a_changed_meeting(request, page):
    """A moved or cancelled meeting reaches those who never RSVP'd through an
    alert on every page: offer one, filled in, right after publishing."""
    if isinstance(page.specific, MeetingPage) and should_offer_alert(page.specific):
        admin_messages.info(
            request,
            gettext("Tell every visitor that this meeting changed with an alert."),
            buttons=[
                admin_messages.button(
                    alert_url(page.specific), gettext("Create an alert")
                )
            ],
        )


@hooks.register("construct_homepage_panels")
def add_signup_chart_panel(request, panels):
    """Sign-ups per week, for those who may see sign-ups."""
    if request.user.has_perm("campaigns.view_signup"):
        panels.append(SignupChartPanel())
