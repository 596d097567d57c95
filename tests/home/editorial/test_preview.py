"""Every page previews, in both languages: from the editor's unsaved form, and from
a saved draft (view draft, revisions, a moderator's workflow preview and a
translator's preview all show a revision, whose relations are held in memory)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignIndexPage
from people.models import Organisation, Person
from policy.models import PolicyAreaPage
from tests.support.forms import campaign_form
from tests.support.seed import SAMPLE_POLICY_AREA, seed_page
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


def preview(client, url, data):
    """Post the form to Wagtail's preview view, then read the preview, as the
    editor's preview panel does."""
    posted = client.post(url, data)
    assert posted.status_code == 200, posted.content.decode()[:2000]
    assert posted.json()["is_valid"], posted.json()
    return client.get(url)


def test_every_saved_draft_previews_in_both_languages(seeded_site, admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    for page in Page.objects.filter(depth__gt=1).specific():
        draft = page.get_latest_revision_as_object()
        response = draft.make_preview_request(request, draft.default_preview_mode)
        assert response.status_code == 200, page.url


@pytest.mark.parametrize("language", ["en", "es"])
def test_campaign_previews_from_the_unsaved_form_with_its_people_and_areas(
    admin_client, seeded_site, language
):
    index = CampaignIndexPage.objects.get(locale__language_code=language)
    area = PolicyAreaPage.objects.get(
        translation_key=seed_page(SAMPLE_POLICY_AREA).translation_key,
        locale__language_code=language,
    )
    person = Person.objects.filter(locale__language_code=language).first()
    partner = Organisation.objects.filter(locale__language_code=language).first()
    data = campaign_form(
        people=[(person, "contact")],
        organisations=[(partner, "lead")],
        policy_areas=[area],
    )
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=["campaigns", "campaignpage", index.pk],
    )

    text = visible_text(preview(admin_client, url, data).content)

    assert "Fund crossing guards" in text
    assert person.name in text
    assert area.title in text


def test_campaign_edit_previews_unsaved_changes(admin_client, seeded_site):
    page = seed_page()
    area = seed_page(SAMPLE_POLICY_AREA)
    data = campaign_form(
        title="Treatment Not Trauma, revised",
        slug=page.slug,
        people=[(link.person, link.role) for link in page.people.all()],
        policy_areas=[area],
    )
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    text = visible_text(preview(admin_client, url, data).content)

    assert "Treatment Not Trauma, revised" in text
    assert area.title in text
    page.refresh_from_db()
    assert page.title == "Treatment Not Trauma"
