"""You are not alone: a campaign shows how many neighbours signed up, in both
languages, never below the threshold staff set, counted without personal data,
fresh within COUNT_LIFETIME without the page being purged at each sign-up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bpnc_site.page_cache.models import Purge
from campaigns.signups.counts import COUNT_LIFETIME
from tests.campaigns.signups.neighbour import post
from tests.support.factories import SignupFactory
from tests.support.translations import sync_spanish

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(campaign, django_capture_on_commit_callbacks):
    """The sample campaign showing its count from 3 sign-ups, towards 10."""
    campaign.show_signup_count = True
    campaign.signup_count_threshold = 3
    campaign.signup_goal = 10
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
        campaign_es = sync_spanish(campaign, {})
    return campaign, campaign_es


def sign_up(campaign, count):
    for _ in range(count):
        SignupFactory(campaign=campaign)


def test_hidden_below_the_threshold(client, counted):
    campaign, campaign_es = counted
    sign_up(campaign, 2)
    assert "signed up" not in client.get(campaign.url).content.decode()
    assert (
        "inscripciones de vecinas" not in client.get(campaign_es.url).content.decode()
    )


def test_shown_from_the_threshold_in_both_languages_with_the_goal(client, counted):
    campaign, campaign_es = counted
    sign_up(campaign, 3)
    html = client.get(campaign.url).content.decode()
    assert "3 neighbours have signed up" in html
    assert "Our goal: 10" in html and 'aria-label="30% of our goal"' in html
    assert 'width="30"' in html
    html_es = client.get(campaign_es.url).content.decode()
    assert "Ya hay 3 inscripciones de vecinas y vecinos" in html_es
    assert "Nuestra meta: 10" in html_es and "30% de nuestra meta" in html_es


def test_the_count_shows_no_personal_data(client, counted):
    campaign, _es = counted
    sign_up(campaign, 3)
    html = client.get(campaign.url).content.decode()
    section = html[html.index('class="signup-count"') :].split("</section>")[0]
    for signup in campaign.signups.all():
        assert signup.name not in section and signup.email not in section


def test_not_shown_unless_staff_ask(client, campaign):
    sign_up(campaign, 30)
    assert "signup-count" not in client.get(campaign.url).content.decode()


def test_a_sign_up_shows_within_the_count_lifetime_without_a_purge(
    client, counted, time_machine, django_capture_on_commit_callbacks
):
    campaign, _es = counted
    sign_up(campaign, 3)
    time_machine.move_to(timezone.now())
    assert "3 neighbours" in client.get(campaign.url).content.decode()
    stored = client.get(campaign.url)
    assert stored["X-Page-Cache"] == "hit"
    purges = Purge.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, campaign).status_code == 302
    assert campaign.signups.count() == 4
    assert Purge.objects.count() == purges  # no purge per sign-up
    soon = client.get(campaign.url)
    assert soon["X-Page-Cache"] == "hit" and "3 neighbours" in soon.content.decode()

    time_machine.move_to(timezone.now() + timedelta(seconds=COUNT_LIFETIME + 1))
    later = client.get(campaign.url)
    assert "4 neighbours have signed up" in later.content.decode()
