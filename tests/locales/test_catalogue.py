"""The Spanish interface catalogue is complete, compiled and in step with templates."""

import ast
import re
from pathlib import Path

import polib
import pytest
import wagtail
from django.utils.translation.template import templatize

from tests.support.site import PROJECT_DIR

PROJECT = PROJECT_DIR
PO = PROJECT / "locales/es/LC_MESSAGES/django.po"
MO = PO.with_suffix(".mo")
TEMPLATE_ROOTS = ["bpnc_site", "home", "people", "policy", "campaigns"]
CALL = re.compile(
    r"\b(gettext|ngettext|_)\(\s*((?:u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\"))"
)


def entries(catalogue):
    result = {}
    for entry in catalogue:
        if entry.obsolete:
            continue
        value = entry.msgstr_plural or entry.msgstr
        if isinstance(value, dict):
            value = tuple(value[key] for key in sorted(value))
        result[(entry.msgctxt, entry.msgid)] = value
    return result


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert "fuzzy" not in po.metadata_is_fuzzy


def test_compiled_catalogue_matches_the_po_file():
    assert MO.exists(), "run: manage.py compilemessages -l es"
    assert entries(polib.mofile(str(MO))) == entries(polib.pofile(str(PO))), (
        "the .mo is out of step with the .po: run manage.py compilemessages -l es"
    )


def template_strings():
    for root in TEMPLATE_ROOTS:
        for path in (PROJECT / root).rglob("templates/**/*.html"):
            code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
            for match in CALL.finditer(code):
                literal = match.group(2).lstrip("u")
                yield path.relative_to(PROJECT), ast.literal_eval(literal)


def wagtails_own_msgids():
    """Wagtail's admin catalogue: templates copied from Wagtail (under
    templates/wagtailadmin/) keep its strings, translated there."""
    catalogue = Path(wagtail.__file__).parent / "admin/locale/es/LC_MESSAGES/django.po"
    return {entry.msgid for entry in polib.pofile(str(catalogue))}


def test_every_template_string_is_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO))}
    wagtails = wagtails_own_msgids()
    strings = list(template_strings())

    assert len(strings) > 50
    missing = [
        f"{path}: {text!r}"
        for path, text in strings
        if text not in msgids
        and not ("templates/wagtailadmin/" in str(path) and text in wagtails)
    ]
    assert missing == [], "run: make messages"


TRANSLATING_CALLS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}


def python_strings():
    """Every string literal the code passes to gettext, however it is split."""
    for root in TEMPLATE_ROOTS:
        for path in (PROJECT / root).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in TRANSLATING_CALLS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    yield path.relative_to(PROJECT), node.args[0].value


def test_every_string_in_the_code_is_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO))}
    strings = list(python_strings())

    assert len(strings) > 100
    missing = [f"{path}: {text!r}" for path, text in strings if text not in msgids]
    assert missing == [], "run: make messages"


@pytest.mark.parametrize(
    "placeholder_entry",
    [entry for entry in polib.pofile(str(PO)) if "%(" in entry.msgid],
    ids=lambda entry: entry.msgid[:40],
)
def test_translations_keep_their_placeholders(placeholder_entry):
    expected = sorted(re.findall(r"%\(\w+\)s", placeholder_entry.msgid))
    translations = placeholder_entry.msgstr_plural.values() or [
        placeholder_entry.msgstr
    ]
    for text in translations:
        assert sorted(re.findall(r"%\(\w+\)s", text)) == expected


def test_seed_content_po_is_fully_translated():
    content = polib.pofile(str(PROJECT / "locales/es/content.po"))

    assert len(content) > 100
    assert content.untranslated_entries() == []
    assert content.fuzzy_entries() == []
