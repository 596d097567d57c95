"""Staff create and edit meetings in the admin's page editor."""

from datetime import UTC

import pytest
from django.urls import reverse

from campaigns.models import MeetingPage
from tests.campaigns.meetings.editor import add_url, meeting_form
from tests.support.factories import CampaignIndexPageFactory, CampaignPageFactory


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
