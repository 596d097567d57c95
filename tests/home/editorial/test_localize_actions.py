"""wagtail-localize's actions keep to the review rule: starting a translation makes
Spanish drafts, and only those who may publish can change a live Spanish page at
once (publish on sync, convert to an alias, stop synchronising)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from people.models import Person
from tests.support.factories import CampaignPageFactory, PersonFactory
from tests.support.seed import seed_page
from tests.support.text import visible_text
from tests.support.translations import spanish, spanish_translation

pytestmark = pytest.mark.django_db


def spanish_locale():
    return Locale.objects.get(language_code="es")


def submit_for_translation(client, url):
    return client.post(url, {"locales": [spanish_locale().pk]}, follow=True)


def test_translating_a_new_page_makes_a_spanish_draft_and_lands_somewhere_allowed(
    client, comms
):
    index = seed_page("campaigns")
    page = CampaignPageFactory(parent=index, title="Safe Streets")
    client.force_login(comms)

    response = submit_for_translation(
        client, reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    )

    draft = spanish(page)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    shown = visible_text(response.content)
    assert "into Spanish. The translation is a draft" in shown
    assert "nobody sees it until a moderator approves" in shown
    assert not draft.live
    assert client.get(draft.url).status_code == 404
    listing = client.get(spanish(index).url).content.decode()
    assert "Safe Streets" not in listing


def test_the_only_language_left_arrives_ticked(client, comms):
    index = seed_page("campaigns")
    page = CampaignPageFactory(parent=index, title="Safe Streets")
    client.force_login(comms)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    form = client.get(url).context["form"]

    assert list(form["locales"].value()) == [spanish_locale().pk]
    assert f'value="{spanish_locale().pk}"' in str(form["locales"])
    assert "checked" in str(form["locales"])


def test_translating_a_new_snippet_makes_a_spanish_draft(client, comms):
    person = PersonFactory(name="Rosa Díaz", role="Organizer")
    person.save_revision().publish()
    client.force_login(comms)

    response = submit_for_translation(
        client,
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["people", "person", person.pk],
        ),
    )

    assert response.status_code == 200
    assert not Person.objects.get(
        translation_key=person.translation_key, locale=spanish_locale()
    ).live


def sync(client, campaign, publish, capture):
    """The sync form, and posting it; publishing happens when the transaction
    commits."""
    source = spanish_translation(campaign).source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    data = {"publish_translations": "on"} if publish else {}
    form = client.get(url)
    with capture(execute=True):
        posted = client.post(url, data)
    return form, posted


def test_communications_cannot_publish_spanish_pages_when_syncing(
    client, campaign, comms, django_capture_on_commit_callbacks
):
    spanish_campaign = spanish(campaign)
    published_at = spanish_campaign.last_published_at
    client.force_login(comms)

    form, posted = sync(
        client, campaign, publish=True, capture=django_capture_on_commit_callbacks
    )

    assert form.status_code == 200
    assert 'name="publish_translations"' not in form.content.decode()
    assert posted.status_code == 302
    spanish_campaign.refresh_from_db()
    assert spanish_campaign.last_published_at == published_at


def test_moderators_may_publish_when_syncing(
    client, campaign, moderator, django_capture_on_commit_callbacks
):
    spanish_campaign = spanish(campaign)
    published_at = spanish_campaign.last_published_at
    client.force_login(moderator)

    form, posted = sync(
        client, campaign, publish=True, capture=django_capture_on_commit_callbacks
    )

    assert 'name="publish_translations"' in form.content.decode()
    assert posted.status_code == 302
    spanish_campaign.refresh_from_db()
    assert spanish_campaign.last_published_at > published_at


def convert(client, page):
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    return client.post(f"{url}?next=/admin/")


def test_translators_cannot_replace_a_live_spanish_page_with_an_alias(
    client, translator
):
    about = spanish(seed_page("about"))
    client.force_login(translator)

    response = convert(client, about)

    assert response.status_code == 302
    about.refresh_from_db()
    assert about.alias_of_id is None
    assert spanish_translation(seed_page("about"))


def test_moderators_convert_to_alias_and_visitors_see_it_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    english = seed_page("about")
    about = spanish(english)
    visitor = client.__class__()
    visitor.get(about.url)
    assert visitor.get(about.url).headers["X-Page-Cache"] == "hit"
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        convert(client, about)

    about = Page.objects.get(pk=about.pk)
    assert about.alias_of_id == english.pk
    assert visitor.get(about.url).headers.get("X-Page-Cache") != "hit"


def test_translators_cannot_stop_synchronising(client, translator, campaign):
    translation = spanish_translation(campaign)
    client.force_login(translator)

    url = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    client.post(f"{url}?next=/admin/")

    translation.refresh_from_db()
    assert translation.enabled
