from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail_modeladmin.options import modeladmin_register

from .meetings.attendance import alert_url, should_offer_alert
from .meetings.models import MeetingPage
from .signups.admin import SignupAdmin
from .signups.models import Signup

modeladmin_register(SignupAdmin)


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
