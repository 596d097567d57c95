"""What staff see of a meeting's attendance in its editor: how many RSVP'd, in
which language, a link to their list, and, once a published meeting is moved or
cancelled, a ready-made alert to tell every visitor."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

from ..signups.models import Signup
from . import calendar

ALERT_TIME_FORMAT = "%Y-%m-%d %H:%M"
SIGNED_UP_IN = {"en": _("in English"), "es": _("in Spanish")}


class MeetingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("rsvp_enabled") and not linked_campaigns(self):
            self.add_error(
                "rsvp_enabled",
                _(
                    "Link the meeting to a campaign below: RSVPs are kept with "
                    "its sign-ups."
                ),
            )
        return cleaned_data


def linked_campaigns(form):
    """The campaigns chosen in the editor's campaign links, deleted ones left out."""
    formset = form.formsets.get("campaign_links")
    if formset is None or not formset.is_valid():
        return []
    return [
        row.cleaned_data["campaign"]
        for row in formset.forms
        if row.cleaned_data.get("campaign") and not row.cleaned_data.get("DELETE")
    ]


def rsvp_counts(meeting):
    """RSVPs to the meeting, whichever language's page took them: the total and
    ("in <language>", count) pairs."""
    rows = (
        Signup.objects.filter(meeting__translation_key=meeting.translation_key)
        .values("signed_up_in")
        .annotate(count=Count("pk"))
        .order_by("signed_up_in")
    )
    by_language = [
        (SIGNED_UP_IN.get(r["signed_up_in"], r["signed_up_in"]), r["count"])
        for r in rows
    ]
    return sum(count for _name, count in by_language), by_language


def rsvp_list_url(meeting):
    """The sign-up list filtered to this meeting (its page in the source language)."""
    source = meeting.get_translations(inclusive=True).filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    source_id = source.values_list("pk", flat=True).first() or meeting.pk
    return (
        reverse("campaigns_signup_modeladmin_index")
        + "?"
        + urlencode({"meeting__id__exact": source_id})
    )


def alert_url(meeting):
    """The alert editor, filled in to tell visitors that the meeting moved or
    was cancelled: shown from now until the meeting's end, linking its page.
    Alerts are written in English first, so the message is English."""
    with translation.override(settings.LANGUAGE_CODE):
        if meeting.is_cancelled:
            message = f"Cancelled: {meeting.title}."
            link_text = "Read more"
        else:
            message = (
                f"Moved: {meeting.title}, now "
                f"{calendar.when(meeting.start, meeting.end)}."
            )
            link_text = "See the new details"
    if meeting.status_note:
        message = f"{message} {meeting.status_note}"
    query = {
        "message": message[:280],
        "level": "notice",
        "starts_at": timezone.localtime().strftime(ALERT_TIME_FORMAT),
        "ends_at": timezone.localtime(meeting.end).strftime(ALERT_TIME_FORMAT),
        "link_page": meeting.pk,
        "link_text": link_text,
    }
    return reverse("wagtailsnippets_home_alert:add") + "?" + urlencode(query)


def should_offer_alert(meeting):
    return bool(
        meeting.pk
        and meeting.live
        and meeting.status != meeting.Status.SCHEDULED
        and not meeting.is_past
        and meeting.locale.language_code == settings.LANGUAGE_CODE
    )


class AttendancePanel(Panel):
    """RSVP counts and, for a moved or cancelled meeting, the alert offer."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "campaigns/meetings/admin/attendance_panel.html"

        def is_shown(self):
            return bool(self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            total, by_language = rsvp_counts(self.instance)
            context.update(
                total=total,
                by_language=by_language,
                list_url=rsvp_list_url(self.instance),
                alert_url=(
                    alert_url(self.instance)
                    if should_offer_alert(self.instance)
                    else ""
                ),
            )
            return context
