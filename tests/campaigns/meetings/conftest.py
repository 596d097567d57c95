"""A bare site with a meetings index and one meeting, in English and Spanish,
the Spanish made through wagtail-localize as a translator would."""

import pytest
from django.utils import timezone

from campaigns.models import MeetingPage, MeetingPageCampaign
from tests.campaigns.meetings.words import (
    ACCESS,
    HOME_WORDS,
    INDEX_WORDS,
    MEETING_WORDS,
)
from tests.support.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    chicago,
)
from tests.support.translations import publish_in_spanish


def second_sunday_of_march(year):
    first = chicago(year, 3, 1).weekday()  # Monday is 0
    return 1 + (6 - first) % 7 + 7


@pytest.fixture
def dst_dates():
    """Two Tuesdays at 6 p.m. around next year's change to daylight time: the
    first still on Central Standard Time (UTC-6), the second on Central
    Daylight Time (UTC-5)."""
    year = timezone.now().year + 1
    change = second_sunday_of_march(year)
    return chicago(year, 3, change - 5), chicago(year, 3, change + 2)


@pytest.fixture
def meeting_index(home):
    index = MeetingIndexPageFactory(parent=home)
    publish_in_spanish(home, HOME_WORDS)
    publish_in_spanish(index, INDEX_WORDS)
    return index


@pytest.fixture
def meeting(meeting_index, dst_dates):
    """A meeting after the change to daylight time, 6 to 8 p.m., in both languages."""
    start = dst_dates[1]
    return MeetingPageFactory(
        parent=meeting_index,
        title="Budget night",
        slug="budget-night",
        summary="We read the city budget together.",
        start=start,
        end=start.replace(hour=20),
        access_notes=f"<p>{ACCESS}</p>",
        interpretation=True,
    )


@pytest.fixture
def meeting_es(meeting):
    return publish_in_spanish(meeting, MEETING_WORDS)


@pytest.fixture
def sync_spanish():
    """Bring the English meeting's changes to its Spanish page and publish it,
    as a translator does with "Sync translated pages"."""
    return lambda meeting: publish_in_spanish(meeting, MEETING_WORDS)


@pytest.fixture
def linked_campaign(home):
    return CampaignPageFactory(
        parent=CampaignIndexPageFactory(parent=home), title="Free the Funds"
    )


@pytest.fixture
def rsvp_meeting(meeting, linked_campaign):
    """The meeting taking RSVPs, linked to a campaign, in both languages."""
    meeting.rsvp_enabled = True
    meeting.campaign_links = [MeetingPageCampaign(campaign=linked_campaign)]
    meeting.save_revision().publish()
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    return meeting, publish_in_spanish(meeting, MEETING_WORDS)
