"""The next meetings on the home page and on each linked campaign's page, in the
page's language, gone as soon as they are over."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bpnc_site.page_cache.models import Purge
from bpnc_site.page_cache.store import check_purges_again
from home.models import HomePage
from tests.campaigns.meetings.words import HOME_WORDS
from tests.support.english import english_pieces
from tests.support.factories import CampaignPageFactory, MeetingPageFactory
from tests.support.translations import publish_in_spanish, spanish

pytestmark = pytest.mark.django_db

CAMPAIGN_WORDS = {
    "Free the Funds": "Liberen los fondos",
    "free-the-funds": "liberen-los-fondos",
    "Campaigns": "Campañas",
    "campaigns": "campanas",
}


def test_the_home_pages_list_the_next_meetings_in_their_language(client, rsvp_meeting):
    meeting, meeting_es = rsvp_meeting
    home = HomePage.objects.get(locale__language_code="en")

    english = client.get(home.url).content.decode()
    spanish_home = client.get(spanish(home).url).content.decode()

    assert "Next meetings" in english
    assert f'href="{meeting.url}">Budget night</a>' in english
    assert 'href="/en/meetings/">All meetings</a>' in english
    assert "Próximas reuniones" in spanish_home
    assert f'href="{meeting_es.url}">Noche del presupuesto</a>' in spanish_home
    assert 'href="/es/reuniones/">Todas las reuniones</a>' in spanish_home


def test_a_campaign_lists_only_its_own_meetings(
    client, rsvp_meeting, linked_campaign, meeting_index
):
    meeting, _meeting_es = rsvp_meeting
    other = CampaignPageFactory(parent=linked_campaign.get_parent(), title="Other")
    MeetingPageFactory(parent=meeting_index, title="Someone else's night")

    linked = client.get(linked_campaign.url).content.decode()
    unlinked = client.get(other.url).content.decode()

    assert "Come to a meeting about this campaign" in linked
    assert "Budget night" in linked
    assert "Someone else&#x27;s night" not in linked
    assert "Someone else" not in linked
    assert "Come to a meeting about this campaign" not in unlinked


def test_the_spanish_campaign_lists_the_spanish_meeting(
    client, rsvp_meeting, linked_campaign
):
    publish_in_spanish(linked_campaign.get_parent(), CAMPAIGN_WORDS)
    campaign_es = publish_in_spanish(linked_campaign, CAMPAIGN_WORDS)

    html = client.get(campaign_es.url).content.decode()

    assert "Venga a una reunión sobre esta campaña" in html
    assert "Noche del presupuesto" in html
    assert "Budget night" not in html


def test_without_meetings_the_home_page_says_nothing_of_them(client, meeting_index):
    home = HomePage.objects.get(locale__language_code="en")
    html = client.get(home.url).content.decode()
    assert "Next meetings" not in html
    assert "next-meetings" not in html


def test_a_stored_home_page_drops_a_meeting_when_it_ends(
    client, meeting_index, time_machine
):
    now = timezone.now()
    MeetingPageFactory(
        parent=meeting_index,
        title="Ward night",
        start=now - timedelta(hours=1),
        end=now + timedelta(minutes=10),
    )
    Purge.objects.all().delete()
    check_purges_again()
    home = HomePage.objects.get(locale__language_code="en")
    assert "Ward night" in client.get(home.url).content.decode()
    assert client.get(home.url)["X-Page-Cache"] == "hit"

    time_machine.move_to(now + timedelta(minutes=11))
    later = client.get(home.url)

    assert later["X-Page-Cache"] == "miss"
    assert "Ward night" not in later.content.decode()


def test_the_spanish_home_with_a_meeting_shows_no_english(client, meeting_es):
    home_es = publish_in_spanish(
        HomePage.objects.get(locale__language_code="en"), HOME_WORDS
    )
    html = client.get(home_es.url).content.decode()
    assert "Noche del presupuesto" in html
    assert english_pieces(html, ["Brighton Park"]) == []
