"""The unpublish, delete and privacy confirmations say what happens to the page
in the other language, in the reader's admin language, and what they say is
what happens."""

import json

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.support.forms import campaign_form
from tests.support.seed import seed_page
from tests.support.translations import spanish

pytestmark = pytest.mark.django_db


def screen(client, name, page):
    response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
    assert response.status_code == 200
    if name == "set_privacy":
        return json.loads(response.content)["html"]
    return response.content.decode()


def test_english_confirmations_name_the_spanish_page(client, campaign, moderator):
    client.force_login(moderator)
    title_es = spanish(campaign).get_admin_display_title()

    assert f"The Spanish page “{title_es}” will be unpublished too." in screen(
        client, "unpublish", campaign
    )
    assert f"The Spanish page “{title_es}” will be deleted too." in screen(
        client, "delete", campaign
    )
    assert (
        f"The privacy you choose here applies to the Spanish page “{title_es}” too."
        in screen(client, "set_privacy", campaign)
    )


def test_spanish_confirmations_say_the_english_page_stays(client, campaign, moderator):
    client.force_login(moderator)
    campaign_es = spanish(campaign)

    assert f"The English page “{campaign.title}” stays published." in screen(
        client, "unpublish", campaign_es
    )
    assert f"The English page “{campaign.title}” stays." in screen(
        client, "delete", campaign_es
    )
    assert f"applies to the English page “{campaign.title}” too." in screen(
        client, "set_privacy", campaign_es
    )


def test_the_confirmations_read_in_the_readers_admin_language(
    client, campaign, moderator
):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(moderator)
    title_es = spanish(campaign).get_admin_display_title()
    with override("es"):
        unpublished = gettext("The Spanish page “%(title)s” will be unpublished too.")
        deleted = gettext("The Spanish page “%(title)s” will be deleted too.")
    assert "español" in unpublished

    assert unpublished % {"title": title_es} in screen(client, "unpublish", campaign)
    assert deleted % {"title": title_es} in screen(client, "delete", campaign)


def test_what_the_screens_say_is_what_happens(client, campaign, moderator):
    client.force_login(moderator)
    campaign_es = spanish(campaign)

    client.post(reverse("wagtailadmin_pages:delete", args=[campaign_es.pk]))
    assert Page.objects.get(pk=campaign.pk).live  # the English page stays

    other = campaign.get_siblings(inclusive=False).live().first().specific
    other_es = spanish(other)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[other.pk]))
    assert not Page.objects.get(pk=other_es.pk).live


def test_a_page_without_a_translation_says_nothing_of_another_language(
    client, moderator, comms
):
    client.force_login(comms)
    index = seed_page("campaigns")
    client.post(
        reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]),
        campaign_form(),
    )
    draft = index.get_children().get(slug="safe-streets")
    client.force_login(moderator)

    html = screen(client, "delete", draft)

    assert "editorial-other-language" not in html
