"""One list of the snippets the public sees, read by every part that needs it."""

import pytest
from django.contrib.auth.models import Group
from django.db.models.signals import pre_delete
from wagtail.models import WorkflowContentType
from wagtail.permissions import policy_registry

from home.editorial.permissions import LocaleRestrictedPermissionPolicy
from home.editorial.report import translation_states
from home.models import Alert, public_snippet_models
from people.models import DecisionMaker, Organisation, Person
from policy.models import Bill
from tests.support.alerts import publish_alert
from tests.support.factories import DecisionMakerFactory

pytestmark = pytest.mark.django_db


def test_the_registry_holds_every_public_snippet():
    assert set(public_snippet_models()) == {
        Person,
        Organisation,
        DecisionMaker,
        Bill,
        Alert,
    }


@pytest.mark.parametrize("model", public_snippet_models())
def test_every_public_snippet_is_reviewed_translated_and_purged(roles, model):
    name = model._meta.model_name
    translators = Group.objects.get(name="Translators")
    moderators = Group.objects.get(name="Moderators")
    if model is Alert:  # the seed has none
        publish_alert()
    if model is DecisionMaker:  # the seed has none
        DecisionMakerFactory()

    assert translators.permissions.filter(codename=f"change_{name}").exists()
    assert moderators.permissions.filter(codename=f"publish_{name}").exists()
    assert WorkflowContentType.objects.filter(
        content_type__model=name, workflow__name="Review before publishing"
    ).exists()
    assert isinstance(
        policy_registry.get_by_type(model), LocaleRestrictedPermissionPolicy
    )
    assert model in {type(state.source) for state in translation_states()}
    assert pre_delete.has_listeners(model)
