"""Staff can open every page and snippet of the site in the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignPage
from home.models import public_snippet_models
from people.models import Person
from tests.support.forms import campaign_form
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


def test_every_page_opens_in_the_editor(staff_client, seeded_site):
    for page in Page.objects.filter(depth__gt=1):
        response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page.title


@pytest.mark.parametrize(
    ("parent_slug", "model"),
    [("campaigns", "campaignpage"), ("policy", "policyareapage")],
)
def test_editor_can_start_a_new_page_where_it_belongs(
    staff_client, seeded_site, parent_slug, model
):
    parent = Page.objects.get(slug=parent_slug)
    app = "campaigns" if model == "campaignpage" else "policy"
    url = reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])

    assert staff_client.get(url).status_code == 200


@pytest.mark.parametrize("model", public_snippet_models())
def test_every_snippet_opens_in_the_editor(staff_client, seeded_site, model):
    listing = staff_client.get(
        reverse(
            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list"
        )
    )
    assert listing.status_code == 200
    for obj in model.objects.all():
        url = reverse(
            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
            args=[obj.pk],
        )
        assert staff_client.get(url).status_code == 200, str(obj)
        assert str(obj.pk) in url


def test_organisation_settings_open(staff_client, seeded_site):
    url = reverse("wagtailsettings:edit", args=["home", "organisationsettings"])
    response = staff_client.get(url, follow=True)

    assert response.status_code == 200
    assert "Brighton Park Neighborhood Council" in response.content.decode()


def test_editor_creates_a_campaign_with_a_demand_and_a_contact(
    staff_client, seeded_site
):
    index = Page.objects.get(slug="campaigns")
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    data = campaign_form(people=[(person, "contact")], **{"action-publish": "publish"})
    url = reverse(
        "wagtailadmin_pages:add", args=["campaigns", "campaignpage", index.pk]
    )
    response = staff_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(slug="safe-streets")
    html = staff_client.get(page.url).content.decode()
    assert "Fund crossing guards" in html
    assert "Amount: $250,000" in visible_text(html)
    assert "Any Huamani" in html
