"""Publishing costs as many queries with ten times the content as with the seed's:
the pages to purge and their addresses are found in a fixed number of queries,
however many pages the purge touches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex

from bpnc_site.page_cache import purging
from campaigns.models import CampaignIndexPage
from people.models import Person
from tests.support.scale import add_scaled_content
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(monkeypatch):
    """The URLs purged once the change is committed."""
    urls = []
    monkeypatch.setattr(purging, "purge_urls", urls.extend)
    return urls


@pytest.fixture
def publish(django_capture_on_commit_callbacks, purged):
    """Publish an object as the admin does; (its queries, the URLs purged)."""

    def publish(obj):
        purged.clear()
        with (
            django_capture_on_commit_callbacks(execute=True),
            CaptureQueriesContext(connection) as queries,
        ):
            obj.save_revision().publish()
        return len(queries), len(purged)

    return publish


def campaign_index():
    return CampaignIndexPage.objects.get(locale__language_code="en")


def any_huamani():
    return Person.objects.get(name="Any Huamani", locale__language_code="en")


@pytest.mark.parametrize(
    "changed",
    [
        seed_page,  # its translations, listings and the pages linking to it
        campaign_index,  # in the main menu: every page
        any_huamani,  # every campaign she works on
    ],
)
def test_publishing_costs_the_same_with_ten_times_the_content(
    seeded_site, publish, changed
):
    publish(changed())  # the first publish warms per-process caches
    seed_queries, seed_purged = publish(changed())
    add_scaled_content(10)
    publish(changed())
    queries, purged = publish(changed())

    assert queries == seed_queries
    assert purged >= seed_purged


def test_a_new_photo_purges_every_page_showing_a_person_in_the_same_queries(
    seeded_site, photo, purged, django_capture_on_commit_callbacks
):
    def replace_photo():
        """Replacing the file of a photo every English person uses."""
        people = Person.objects.filter(locale__language_code="en")
        people.update(photo=photo)
        for person in people:
            ReferenceIndex.create_or_update_for_object(person)
        purged.clear()
        with (
            django_capture_on_commit_callbacks(execute=True),
            CaptureQueriesContext(connection) as queries,
        ):
            photo.save()
        return len(queries), len(purged)

    replace_photo()
    seed_queries, seed_purged = replace_photo()
    add_scaled_content(10)
    queries, purged_pages = replace_photo()

    assert queries == seed_queries
    assert purged_pages > seed_purged
