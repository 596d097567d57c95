"""The meeting editor's form, filled in as staff do."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def meeting_form(campaigns=(), **fields):
    return nested_form_data(
        {
            "title": "Ward night",
            "slug": "ward-night",
            "summary": "Meet the alderperson's office.",
            "start": "2030-05-07 18:00",
            "end": "2030-05-07 20:00",
            "status": "scheduled",
            "status_note": "",
            "place_name": "Brighton Park library",
            "street_address": "4314 S Archer Ave, Chicago, IL 60632",
            "online_link": "",
            "languages": "en-es",
            "interpretation": "on",
            "access_notes": rich_text("<p>Step-free entrance.</p>"),
            "campaign_links": inline_formset(
                [{"campaign": campaign.pk} for campaign in campaigns]
            ),
            "policy_area_links": inline_formset([]),
            "action-publish": "publish",
            **fields,
        }
    )


def add_url(index):
    return reverse(
        "wagtailadmin_pages:add", args=("campaigns", "meetingpage", index.pk)
    )
