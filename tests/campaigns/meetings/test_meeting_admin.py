"""Staff create and edit meetings in the admin's page editor."""

from datetime import UTC

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campaigns.models import MeetingPage
from tests.support.factories import CampaignIndexPageFactory, CampaignPageFactory


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


@pytest.mark.django_db
def test_staff_publish_a_meeting_in_chicago_time(staff_client, meeting_index, home):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home))
    response = staff_client.post(add_url(meeting_index), meeting_form([campaign]))
    assert response.status_code == 302
    meeting = MeetingPage.objects.get(slug="ward-night")
    assert meeting.live
    assert meeting.start.astimezone(UTC).hour == 23  # 6 p.m. CDT
    assert [link.campaign_id for link in meeting.campaign_links.all()] == [campaign.pk]


@pytest.mark.django_db
def test_the_editor_refuses_a_meeting_that_ends_before_it_starts(
    staff_client, meeting_index
):
    response = staff_client.post(
        add_url(meeting_index), meeting_form(end="2030-05-07 17:00")
    )
    assert response.status_code == 200
    assert "The meeting must end after it starts." in response.content.decode()
    assert not MeetingPage.objects.exists()


@pytest.mark.django_db
def test_staff_edit_a_meeting(staff_client, meeting):
    response = staff_client.post(
        reverse("wagtailadmin_pages:edit", args=[meeting.pk]),
        meeting_form(slug=meeting.slug, start="2030-05-07 19:00"),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.start.astimezone(UTC).hour == 0
    assert meeting.sequence == 1
