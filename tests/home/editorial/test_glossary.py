"""The glossary kept in the admin, its seed and the export that brings
moderators' choices back to the seed."""

import pytest
from django.core.management import call_command

from home.editorial.glossary import (
    glossary_terms,
    seed_glossary,
    seed_terms,
    terms_in,
)
from home.models import GlossaryTerm

pytestmark = pytest.mark.django_db


def test_a_moderators_change_reaches_the_seed_through_the_export(tmp_path):
    term = GlossaryTerm.objects.get(english="City Council")
    term.spanish = "Concejo de la Ciudad"
    term.save()
    exported = tmp_path / "glossary.csv"

    call_command("export_glossary", output=str(exported))

    chosen = {t.english[0]: t.spanish for t in seed_terms(exported)}
    assert chosen["City Council"] == ("Concejo de la Ciudad",)
    assert len(chosen) == GlossaryTerm.objects.count()


def test_seeding_again_adds_only_missing_terms_and_keeps_changes():
    GlossaryTerm.objects.filter(english="Mayor").delete()
    GlossaryTerm.objects.filter(english="City Council").update(spanish="Concejo")

    assert seed_glossary() == 1
    assert GlossaryTerm.objects.get(english="City Council").spanish == "Concejo"
    assert seed_glossary() == 0


def test_terms_are_found_as_whole_words_and_proper_names_by_case():
    terms = glossary_terms()

    found = terms_in("Tell the City Council and the Mayor", terms)
    assert {term.spanish[0] for term in found} >= {"Concejo Municipal", "Alcaldía"}
    assert terms_in("Mayoral race", [t for t in terms if t.english == ("Mayor",)]) == []
