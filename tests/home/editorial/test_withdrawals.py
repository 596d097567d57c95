"""Withdrawing English withdraws Spanish, and what every page shows changes only
through moderators: no Spanish page or snippet is left public once its English
original is unpublished or deleted."""

import pytest
from django.urls import reverse

from people.models import Person
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db

SETTINGS = ("wagtailsettings:edit", ["home", "organisationsettings"])


def test_unpublishing_an_english_campaign_unpublishes_its_spanish_page(
    client, campaign
):
    spanish_campaign = spanish(campaign)

    campaign.unpublish()

    spanish_campaign.refresh_from_db()
    assert not spanish_campaign.live
    assert client.get(spanish_campaign.url).status_code == 404
    assert spanish_campaign.full_url not in client.get("/sitemap.xml").content.decode()


def test_unpublishing_a_spanish_page_leaves_english_alone(campaign):
    spanish(campaign).unpublish()

    campaign.refresh_from_db()
    assert campaign.live


def test_unpublishing_an_english_person_unpublishes_the_spanish_one(campaign):
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    twin = spanish(person)

    person.unpublish()

    twin.refresh_from_db()
    assert not twin.live


def test_deleting_an_english_page_or_snippet_deletes_its_translations(
    client, seeded_site
):
    about = seed_page("about")
    twin_url = spanish(about).url
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    key = person.translation_key

    about.delete()
    person.delete()

    assert client.get(twin_url).status_code == 404
    assert not Person.objects.filter(translation_key=key).exists()
    assert "Any Huamani" not in client.get(spanish(seed_page()).url).content.decode()


def test_only_moderators_change_what_every_page_shows(client, comms, moderator):
    client.force_login(comms)
    assert client.get(reverse(SETTINGS[0], args=SETTINGS[1])).status_code in (
        302,
        403,
    )
    assert not comms.has_perm("people.delete_person")

    client.force_login(moderator)
    response = client.get(reverse(SETTINGS[0], args=SETTINGS[1]), follow=True)
    assert response.status_code == 200
    assert moderator.has_perm("people.delete_person")
