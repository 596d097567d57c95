"""What an uncached meeting page costs in SQL queries, in both languages,
whatever the number of campaigns it is linked to."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import MeetingPage, MeetingPageCampaign
from tests.campaigns.meetings.words import MEETING_WORDS
from tests.support.factories import CampaignPageFactory
from tests.support.translations import publish_in_spanish

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]

# The site, the route, the page's row, the settings, its translations, the
# menu, the alerts, the linked campaigns and policy areas, the RSVP form's
# privacy link; Spanish adds whether the English changed since it was translated.
BUDGET = {"en": 11, "es": 12}


def queries_for(client, url):
    client.get(url)  # warms per-process caches (locales, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), "\n".join(q["sql"] for q in queries)


def with_campaigns(meeting, campaigns):
    meeting.rsvp_enabled = True
    meeting.campaign_links = [MeetingPageCampaign(campaign=c) for c in campaigns]
    meeting.save_revision().publish()
    meeting = MeetingPage.objects.get(pk=meeting.pk)
    return meeting, publish_in_spanish(meeting, MEETING_WORDS)


def test_an_uncached_meeting_page_stays_within_its_budget(
    client, meeting, linked_campaign
):
    more = [CampaignPageFactory(parent=linked_campaign.get_parent()) for _n in range(3)]
    english, spanish_page = with_campaigns(meeting, [linked_campaign])
    one = {
        "en": queries_for(client, english.url),
        "es": queries_for(client, spanish_page.url),
    }
    english, spanish_page = with_campaigns(meeting, [linked_campaign, *more])
    four = {
        "en": queries_for(client, english.url),
        "es": queries_for(client, spanish_page.url),
    }

    for language, (count, sql) in one.items():
        assert count <= BUDGET[language], sql
        assert four[language][0] == count, four[language][1]
