"""What happened since: dated updates newest first on the campaign, the date a
demand's status changed, the updates page and the Atom feed of each language."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from campaigns.models import CampaignPage, CampaignUpdate
from tests.support.forms import campaign_form
from tests.support.translations import sync_spanish

pytestmark = pytest.mark.django_db

WORDS = {
    "The ordinance was introduced": "Se presentó la ordenanza",
    "The City Council voted": "El Concejo Municipal votó",
}


def add_updates(campaign):
    campaign.updates.add(
        CampaignUpdate(
            date=datetime.date(2024, 3, 12), title="The ordinance was introduced"
        ),
        CampaignUpdate(date=datetime.date(2024, 5, 2), title="The City Council voted"),
    )
    campaign.save_revision().publish()


def win_first_demand(campaign):
    campaign.save_revision().publish()  # statuses known before the change
    data = campaign.demands.get_prep_value()
    data[0]["value"]["status"] = "won"
    campaign.demands = data
    campaign.save_revision().publish()
    return data[0]["value"]["demand"]


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


def test_updates_show_newest_first_in_both_languages(client, campaign):
    add_updates(campaign)
    campaign_es = sync_spanish(campaign, WORDS)
    html = client.get(campaign.url).content.decode()
    assert html.index("The City Council voted") < html.index(
        "The ordinance was introduced"
    )
    assert "May 2, 2024" in html
    html_es = client.get(campaign_es.url).content.decode()
    assert html_es.index("El Concejo Municipal votó") < html_es.index(
        "Se presentó la ordenanza"
    )
    assert "2 de mayo de 2024" in html_es
    assert "The City Council" not in html_es


def test_a_demand_won_shows_since_when_in_both_languages(
    client, campaign, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC))
    win_first_demand(campaign)
    campaign_es = sync_spanish(campaign, WORDS)
    assert "Since June 15, 2026" in client.get(campaign.url).content.decode()
    assert (
        "Desde el 15 de junio de 2026" in client.get(campaign_es.url).content.decode()
    )


def test_a_spanish_page_not_yet_synced_shows_no_date(client, campaign, campaign_es):
    win_first_demand(campaign)
    assert "Desde el" not in client.get(campaign_es.url).content.decode()


def test_republishing_without_a_change_dates_nothing(client, campaign):
    campaign.save_revision().publish()
    campaign.save_revision().publish()
    assert "Since " not in client.get(campaign.url).content.decode()


def test_each_language_feed_carries_its_own_entries_and_pages(client, campaign):
    add_updates(campaign)
    demand = win_first_demand(campaign)
    campaign_es = sync_spanish(campaign, WORDS)

    english = feed(client, "/en/updates.atom")
    titles = [entry.title for entry in english.entries]
    assert f"{campaign.title}: The City Council voted" in titles
    assert f"{campaign.title}: {demand}: Won" in titles
    assert all(
        "/en/" in entry.link and "/es/" not in entry.link for entry in english.entries
    )

    es = feed(client, "/es/novedades.atom")
    titles_es = [entry.title for entry in es.entries]
    assert f"{campaign_es.title}: El Concejo Municipal votó" in titles_es
    assert not any("Council" in title or "ordinance" in title for title in titles_es)
    assert all(
        entry.link.startswith(f"http://testserver{campaign_es.url}")
        for entry in es.entries
    )


def test_every_page_links_its_language_feed(client, campaign, campaign_es):
    for page, address in (
        (campaign, "/en/updates.atom"),
        (campaign_es, "/es/novedades.atom"),
    ):
        html = client.get(page.url).content.decode()
        assert 'type="application/atom+xml" title=' in html
        assert f'href="{address}"' in html


def test_feed_and_page_read_well_when_empty(client, seeded_site):
    assert feed(client, "/es/novedades.atom").entries == []
    html = client.get("/es/novedades/").content.decode()
    assert "Todavía no hay novedades" in html
    html = client.get("/en/updates/").content.decode()
    assert "No news yet" in html


def test_updates_page_lists_every_campaign_newest_first(client, campaign):
    add_updates(campaign)
    campaign_es = sync_spanish(campaign, WORDS)
    html = client.get("/es/novedades/").content.decode()
    assert html.index("El Concejo Municipal votó") < html.index(
        "Se presentó la ordenanza"
    )
    assert f'href="{campaign_es.url}#update-' in html


def test_an_editor_adds_an_update_through_the_editor_and_the_feed_carries_it(
    staff_client, seeded_site
):
    index = CampaignPage.objects.get(slug="treatment-not-trauma").get_parent()
    data = campaign_form(
        updates=[(datetime.date(2024, 3, 12), "The ordinance was introduced")],
        **{"action-publish": "publish"},
    )
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = CampaignPage.objects.get(slug="safe-streets")
    assert "The ordinance was introduced" in staff_client.get(page.url).content.decode()
    english = feed(staff_client, "/en/updates.atom")
    assert [entry.title for entry in english.entries] == [
        "Safe Streets: The ordinance was introduced"
    ]
    assert feed(staff_client, "/es/novedades.atom").entries == []


def test_an_update_without_a_date_is_refused_with_what_was_typed_kept(
    staff_client, seeded_site
):
    index = CampaignPage.objects.get(slug="treatment-not-trauma").get_parent()
    data = campaign_form(updates=[(datetime.date(2024, 3, 12), "Typed words")])
    data["updates-0-date"] = ""
    data["action-publish"] = "publish"
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Typed words" in response.content.decode()
    assert not CampaignPage.objects.filter(slug="safe-streets").exists()
