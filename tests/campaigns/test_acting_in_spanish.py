"""A Spanish campaign with everything a neighbour may act on (a share message,
updates, a demand won, a decision-maker to call, the count of sign-ups) and the
Spanish updates page show no English."""

import datetime
from urllib.parse import unquote

import pytest

from campaigns.models import CampaignUpdate
from people.models import Organisation, Person
from tests.support.english import english_pieces
from tests.support.factories import DecisionMakerFactory, SignupFactory
from tests.support.translations import publish_in_spanish, sync_spanish

pytestmark = pytest.mark.django_db

WORDS = {
    "Pass it on to your family": "Compártalo con su familia",
    "Please reopen our clinics.": "Por favor, reabra nuestras clínicas.",
    "The ordinance was filed": "Se presentó la ordenanza",
    "It now goes to committee.": "Ahora pasa a comisión.",
}


def kept_names():
    organisations = Organisation.objects.all()
    return [
        *organisations.values_list("name", flat=True),
        *organisations.exclude(acronym="").values_list("acronym", flat=True),
        *Person.objects.values_list("name", flat=True),
    ]


def test_a_campaign_to_act_on_reads_spanish_throughout(client, campaign):
    office = DecisionMakerFactory(
        name="Office of the Mayor",
        office="Mayor of Chicago",
        phone="(312) 555-0100",
        email="mayor@example.org",
    )
    publish_in_spanish(
        office,
        {"Office of the Mayor": "Alcaldía de Chicago", "Mayor of Chicago": "Alcalde"},
    )
    campaign.save_revision().publish()
    data = campaign.demands.get_prep_value()
    data[0]["value"].update(
        decision_maker=office.pk, script="Please reopen our clinics.", status="won"
    )
    campaign.demands = data
    campaign.share_message = "Pass it on to your family"
    campaign.updates.add(
        CampaignUpdate(
            date=datetime.date(2024, 3, 12),
            title="The ordinance was filed",
            text="<p>It now goes to committee.</p>",
        )
    )
    campaign.show_signup_count, campaign.signup_count_threshold = True, 1
    campaign.signup_goal = 40
    campaign.save_revision().publish()
    campaign_es = sync_spanish(campaign, WORDS)
    SignupFactory(campaign=campaign)

    html = client.get(campaign_es.url).content.decode()
    assert "Compártalo con su familia" in unquote(html)  # in the share links
    assert "Llamar" in html and "Se presentó la ordenanza" in html
    assert "Ya se inscribió 1 vecina o vecino" in html and "Desde el" in html
    assert english_pieces(html, kept_names()) == []
    updates = client.get("/es/novedades/").content.decode()
    assert "Se presentó la ordenanza" in updates
    assert english_pieces(updates, kept_names()) == []
