"""Meeting pages and the meetings index, in English and Spanish."""

import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import Page

from bpnc_site.page_cache.models import Purge
from bpnc_site.page_cache.store import check_purges_again
from campaigns.meetings import calendar
from campaigns.models import (
    CampaignPage,
    MeetingIndexPage,
    MeetingPage,
    MeetingPageCampaign,
)
from home.models import HomePage
from home.share_cards.cards import current_card
from tests.support.english import english_pieces
from tests.support.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    MeetingPageFactory,
    chicago,
)


@pytest.mark.django_db
def test_the_english_meeting_page_says_when_where_and_in_which_languages(
    client, meeting
):
    response = client.get(meeting.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Budget night" in html
    assert calendar.when(meeting.start, meeting.end) in html
    assert "6:00 p.m. – 8:00 p.m." in html
    assert "Brighton Park library" in html
    assert "4314 S Archer Ave, Chicago, IL 60632" in html
    assert "In English and Spanish, with interpretation." in html
    assert "Step-free entrance" in html
    assert "Add to Google Calendar" in html
    assert "calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "outlook.live.com/calendar/0/deeplink/compose?" in html
    assert f'href="{meeting.url}ics/"' in html


@pytest.mark.django_db
def test_the_spanish_meeting_page_is_all_spanish(client, meeting_es):
    assert meeting_es.url.startswith("/es/reuniones/noche-del-presupuesto/")
    response = client.get(meeting_es.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Noche del presupuesto" in html
    assert "Biblioteca de Brighton Park" in html
    assert "En inglés y español, con interpretación." in html
    assert "6:00 p. m. – 8:00 p. m." in html
    assert "Agregar a Google Calendar" in html
    assert english_pieces(html, kept=["Google Calendar", "Outlook"]) == []


@pytest.mark.django_db
def test_dates_read_naturally_in_each_language():
    start = chicago(2024, 3, 12, 18)
    end = chicago(2024, 3, 12, 20, 30)
    with translation.override("es"):
        assert calendar.when(start, end) == (
            "martes 12 de marzo de 2024, 6:00 p. m. – 8:30 p. m."
        )
    with translation.override("en"):
        assert calendar.when(start, end) == (
            "Tuesday, March 12, 2024, 6:00 p.m. – 8:30 p.m."
        )


@pytest.mark.django_db
def test_a_cancelled_meeting_says_so_at_the_top_in_both_languages(
    client, meeting, meeting_es, sync_spanish
):
    english = MeetingPage.objects.get(pk=meeting.pk)
    english.status = MeetingPage.Status.CANCELLED
    english.status_note = "Cancelled because of the storm."
    english.save_revision().publish()
    spanish = sync_spanish(english)
    english_html = client.get(english.url).content.decode()
    spanish_html = client.get(spanish.url).content.decode()
    assert "This meeting is cancelled." in english_html
    assert "Cancelled because of the storm." in english_html
    assert "Esta reunión se canceló." in spanish_html
    assert "Se canceló por la tormenta." in spanish_html
    assert "Add to Google Calendar" not in english_html


@pytest.mark.django_db
def test_a_meeting_must_end_after_it_starts(meeting_index):
    start = chicago(2030, 5, 7, 18)
    meeting = MeetingPage(title="Backwards", slug="backwards", start=start, end=start)
    with pytest.raises(ValidationError) as raised:
        meeting.full_clean()
    assert "end" in raised.value.message_dict


@pytest.mark.django_db
def test_meetings_live_under_the_one_meetings_index(home, meeting_index):
    assert MeetingIndexPage in HomePage.allowed_subpage_models()
    assert MeetingIndexPage.allowed_parent_page_models() == [HomePage]
    assert MeetingPage.allowed_parent_page_models() == [MeetingIndexPage]
    assert not MeetingIndexPage.can_create_at(home)
    assert not MeetingPage.can_create_at(home)
    assert MeetingPage.can_create_at(meeting_index)


@pytest.mark.django_db
def test_the_index_lists_upcoming_meetings_soonest_first_then_past_ones(
    client, meeting_index
):
    now = timezone.now()
    for title, days in [
        ("Later", 20),
        ("Long ago", -40),
        ("Sooner", 3),
        ("Lately", -2),
    ]:
        MeetingPageFactory(
            parent=meeting_index,
            title=title,
            start=now + timedelta(days=days),
            end=now + timedelta(days=days, hours=2),
        )
    html = client.get(meeting_index.url).content.decode()
    positions = [
        html.index(text)
        for text in ("Upcoming meetings", "Sooner", "Later", "Past meetings")
    ]
    positions += [html.index("Lately"), html.index("Long ago")]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_the_index_filters_by_campaign(client, meeting_index, home):
    campaigns = CampaignIndexPageFactory(parent=home)
    budget = CampaignPageFactory(parent=campaigns, title="City Budget")
    MeetingPageFactory(
        parent=meeting_index,
        title="Budget hearing",
        campaign_links=[MeetingPageCampaign(campaign=budget)],
    )
    MeetingPageFactory(parent=meeting_index, title="Ward night")
    html = client.get(meeting_index.url, {"campaign": budget.slug}).content.decode()
    assert "Budget hearing" in html
    assert "Ward night" not in html
    assert "Show all meetings" in html
    assert "Ward night" in client.get(meeting_index.url).content.decode()
    assert CampaignPage.objects.count() == 1


@pytest.mark.django_db
def test_the_empty_index_reads_well_in_both_languages(client, meeting_index):
    english = client.get(meeting_index.url).content.decode()
    assert "No meetings are planned right now." in english
    spanish_index = Page.objects.get(
        translation_key=meeting_index.translation_key, locale__language_code="es"
    )
    spanish = client.get(spanish_index.url).content.decode()
    assert "No hay reuniones programadas por ahora." in spanish
    assert 'href="webcal://localhost/es/reuniones.ics"' in spanish
    assert english_pieces(spanish) == []


@pytest.mark.django_db
def test_the_index_is_paginated(client, meeting_index):
    now = timezone.now()
    for number in range(21):
        MeetingPageFactory(
            parent=meeting_index,
            start=now + timedelta(days=number + 1),
            end=now + timedelta(days=number + 1, hours=1),
        )
    first = client.get(meeting_index.url).content.decode()
    second = client.get(meeting_index.url, {"page": 2}).content.decode()
    assert "Page 1 of 2" in first
    assert first.count('class="card meeting-card"') == 20
    assert second.count('class="card meeting-card"') == 1


@pytest.mark.django_db
def test_every_page_offers_its_languages_calendar(client, meeting_es):
    english = client.get("/en/").content.decode()
    spanish = client.get(meeting_es.url).content.decode()
    assert '<link rel="alternate" type="text/calendar"' in english
    assert 'href="/en/meetings.ics"' in english
    assert 'href="/es/reuniones.ics"' in spanish


@pytest.mark.django_db
def test_stored_meeting_pages_turn_past_when_the_meeting_ends(
    client, meeting_index, time_machine
):
    now = timezone.now()
    meeting = MeetingPageFactory(
        parent=meeting_index,
        title="Ward night",
        start=now - timedelta(hours=1),
        end=now + timedelta(minutes=10),
    )
    # The purges of building the pages, applied as a commit would apply them.
    Purge.objects.all().delete()
    check_purges_again()
    for path in (meeting_index.url, meeting.url):
        assert "Past meetings" not in client.get(path).content.decode()
        assert client.get(path)["X-Page-Cache"] == "hit"

    time_machine.move_to(meeting.end + timedelta(seconds=1))
    index = client.get(meeting_index.url)
    page = client.get(meeting.url)
    assert index["X-Page-Cache"] == page["X-Page-Cache"] == "miss"
    assert "Past meetings" in index.content.decode()
    assert "Upcoming meetings" not in index.content.decode()
    assert "This meeting has already taken place." in page.content.decode()


def schema_event(html):
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    graph = json.loads(payload)["@graph"]
    [event] = [item for item in graph if item["@type"] == "Event"]
    return event


@pytest.mark.django_db
def test_meeting_pages_describe_an_event_for_search_engines(
    client, meeting, meeting_es, sync_spanish, django_capture_on_commit_callbacks
):
    english = schema_event(client.get(meeting.url).content.decode())
    spanish = schema_event(client.get(meeting_es.url).content.decode())
    assert english["startDate"].endswith("T18:00:00-05:00")
    assert english["eventStatus"] == "https://schema.org/EventScheduled"
    assert english["eventAttendanceMode"] == (
        "https://schema.org/OfflineEventAttendanceMode"
    )
    assert english["location"]["address"]["streetAddress"] == (
        "4314 S Archer Ave, Chicago, IL 60632"
    )
    assert english["inLanguage"] == ["en", "es"]
    assert spanish["name"] == "Noche del presupuesto"
    assert spanish["location"]["name"] == "Biblioteca de Brighton Park"
    assert spanish["url"].endswith("/es/reuniones/noche-del-presupuesto/")

    page = MeetingPage.objects.get(pk=meeting.pk)
    page.status = MeetingPage.Status.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):  # purges stored pages
        page.save_revision().publish()
        sync_spanish(page)
    for url in (meeting.url, meeting_es.url):
        event = schema_event(client.get(url).content.decode())
        assert event["eventStatus"] == "https://schema.org/EventCancelled"


@pytest.mark.django_db
def test_the_share_card_names_a_meeting_in_its_language(meeting, meeting_es):
    english, spanish = current_card(meeting), current_card(meeting_es)
    assert (english.kind, english.status_label) == ("Meeting", "Scheduled")
    assert (spanish.kind, spanish.status_label) == ("Reunión", "Programada")
    assert spanish.title == "Noche del presupuesto"


@pytest.mark.django_db
def test_the_sitemap_lists_meetings_in_both_languages(client, meeting, meeting_es):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert meeting.full_url in sitemap
    assert meeting_es.full_url in sitemap
