"""People and organisations as neighbours see them on campaign pages: only what
is known about them, and only once they are published."""

import pytest
from django.template.loader import render_to_string

from people.models import Organisation, Person
from tests.support.factories import OrganisationFactory, PersonFactory
from tests.support.seed import seed_page
from tests.support.text import visible_text

pytestmark = pytest.mark.django_db


def test_person_card_shows_only_the_contact_details_given(locales):
    person = PersonFactory(name="Rosa Díaz", role="Organizer", email="rosa@example.org")
    html = render_to_string("people/includes/person_card.html", {"person": person})
    text = visible_text(html)

    assert 'href="mailto:rosa@example.org"' in html
    assert "tel:" not in html
    assert "Speaks:" not in text
    assert "<img" not in html
    assert text.split() == ["Rosa", "Díaz", "Organizer", "rosa@example.org"]


def test_organisation_reads_with_its_acronym_and_links_to_its_site(locales):
    coalition = OrganisationFactory(
        name="Illinois Coalition for Immigrant and Refugee Rights",
        acronym="ICIRR",
        url="https://www.icirr.org/",
    )
    same = OrganisationFactory(name="BPNC", acronym="BPNC")
    html = render_to_string(
        "people/includes/organisation.html", {"organisation": coalition}
    )

    assert str(coalition) == (
        "Illinois Coalition for Immigrant and Refugee Rights (ICIRR)"
    )
    assert str(same) == "BPNC"
    assert '<a href="https://www.icirr.org/">' in html
    assert "organisation-description" not in html


def test_unpublished_person_disappears_from_the_campaign(client, seeded_site):
    person = Person.objects.get(name="Any Huamani", locale__language_code="en")
    person.unpublish()

    assert "Any Huamani" not in client.get(seed_page().url).content.decode()


def test_unpublished_partner_disappears_from_the_campaign(
    client, seeded_site, django_capture_on_commit_callbacks
):
    page = seed_page()
    partner = page.organisations.first().organisation
    listed = client.get(page.url).content.decode().count('class="organisation"')

    with django_capture_on_commit_callbacks(execute=True):  # purges the stored page
        Organisation.objects.get(pk=partner.pk).unpublish()

    html = client.get(page.url).content.decode()
    assert html.count('class="organisation"') == listed - 1
