"""Nothing lost, nothing stuck: whoever created a page that was never published
may discard it (a draft the editor's autosave made); deleting anything else
stays with moderators, by the button and by a direct POST alike."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignPage
from home.editorial.roles import COMMUNICATIONS
from tests.support.forms import campaign_form
from tests.support.seed import seed_page

pytestmark = pytest.mark.django_db


def start_a_campaign(client, title="Safe Streets", slug="safe-streets"):
    """Add campaign page, a few fields, leave: a draft is saved."""
    index = seed_page("campaigns")
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )
    response = client.post(url, campaign_form(title=title, slug=slug))
    assert response.status_code == 302
    return CampaignPage.objects.get(slug=slug, locale__language_code="en")


def offered_delete(client, page):
    """Whether the editor's header offers "Delete"."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return reverse("wagtailadmin_pages:delete", args=[page.pk]) in edit.content.decode()


def try_to_delete(client, page):
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    screen = client.get(url)
    client.post(url)
    return screen.status_code, Page.objects.filter(pk=page.pk).exists()


def test_communications_discards_the_draft_they_started_and_can_start_again(
    client, comms
):
    client.force_login(comms)
    draft = start_a_campaign(client)
    assert not draft.live and draft.owner == comms

    assert offered_delete(client, draft)
    screen, still_there = try_to_delete(client, draft)

    assert screen == 200 and not still_there
    again = start_a_campaign(client)  # the slug is free again
    assert again.pk != draft.pk


def test_communications_cannot_delete_a_published_page(client, comms):
    client.force_login(comms)
    about = seed_page("about")

    assert not offered_delete(client, about)
    screen, still_there = try_to_delete(client, about)

    assert screen != 200 and still_there


def test_communications_cannot_delete_a_withdrawn_page_they_created(
    client, comms, moderator
):
    client.force_login(comms)
    page = start_a_campaign(client)
    page.save_revision(user=moderator).publish(user=moderator)
    page.refresh_from_db()
    page.unpublish(user=moderator)
    page.refresh_from_db()
    assert not page.live

    screen, still_there = try_to_delete(client, page)

    assert screen != 200 and still_there


def test_communications_cannot_delete_a_colleagues_draft(
    client, comms, django_user_model, moderator
):
    colleague = django_user_model.objects.create_user("ana", "ana@example.org", "pw")
    colleague.groups.add(Group.objects.get(name=COMMUNICATIONS))
    client.force_login(colleague)
    draft = start_a_campaign(client)
    client.force_login(comms)

    assert not offered_delete(client, draft)
    screen, still_there = try_to_delete(client, draft)
    bulk = client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={draft.pk}"
    )

    assert screen != 200 and still_there and bulk.status_code < 500
    assert Page.objects.filter(pk=draft.pk).exists()
    client.force_login(moderator)
    assert try_to_delete(client, draft) == (200, False)


def test_a_draft_with_a_translation_is_the_moderators_to_delete(client, comms):
    client.force_login(comms)
    draft = start_a_campaign(client)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[draft.pk]),
        {"locales": [draft.locale.__class__.objects.get(language_code="es").pk]},
    )
    assert draft.get_translations().exists()

    screen, still_there = try_to_delete(client, draft)

    assert screen != 200 and still_there


def test_a_draft_in_someone_elses_review_stays(client, comms, moderator):
    client.force_login(comms)
    draft = start_a_campaign(client)
    workflow = draft.get_workflow()
    workflow.start(draft, user=moderator)

    screen, still_there = try_to_delete(client, draft)

    assert screen != 200 and still_there
