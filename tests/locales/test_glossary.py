"""The Spanish keeps to the glossary of chosen terms.

The glossary is kept in the admin by moderators (home.models.GlossaryTerm, shown
in the translation editor); locales/es/glossary.csv is its seed, and
`manage.py export_glossary` writes the admin's glossary back to it. These
checks of the committed catalogues read the CSV through the one reader the
admin's glossary goes through (home.editorial.glossary), with its matching
rules; a database test below holds the freshly migrated glossary to the CSV.

Columns: english, spanish, rejected, note, check.

- english: the English term; alternatives are separated by " / ", and a note in
  parentheses after a space ("bill / bills (legislation)") is not part of the term.
- spanish: the chosen Spanish; its alternatives (forms of one choice) split by " / ".
  A row whose Spanish is its English is a proper name kept as it is: it is matched
  case-sensitively, and tests.support.english exempts it from the English detector.
- rejected: Spanish variants not to use, separated by "; ".
- check: where a msgid holding the English term must have a msgstr holding the chosen
  Spanish: "yes" (both catalogues), "content" (content.po only), "interface"
  (django.po only), "exact" (only where the whole msgid is the term, for short labels
  such as statuses), "no" (rejected variants only).

Terms match as whole words or phrases, case-insensitively. A rejected variant may be
part of a chosen term ("Juntos podemos" inside "Juntas y juntos podemos"): the
row's chosen terms, and the proper names, are taken out before looking for it. A
rejected variant that differs from a chosen term only in case ("Shotspotter",
"Latine") is looked for case-sensitively. Slugs are URLs and are not checked.
"""

import html
from dataclasses import dataclass
from functools import cache

import polib
import pytest

from home.editorial.glossary import (
    COLUMNS,
    Term,
    contains,
    glossary_terms,
    pattern,
    read_seed,
    seed_terms,
)
from tests.support.site import PROJECT_DIR

LOCALES = PROJECT_DIR / "locales" / "es"
CATALOGUES = {
    "content": LOCALES / "content.po",
    "interface": LOCALES / "LC_MESSAGES" / "django.po",
}
CHECKS = {"yes", "content", "interface", "exact", "no"}


@dataclass(frozen=True)
class Entry:
    catalogue: str
    msgctxt: str
    msgid: str
    msgstrs: tuple

    def __str__(self):
        where = f" [{self.msgctxt}]" if self.msgctxt else ""
        return f"{self.catalogue}{where} {self.msgid[:60]!r}"


def read_rows():
    return read_seed()


def glossary():
    return seed_terms()


def without(text, terms, case_sensitive=False):
    for term in sorted(terms, key=len, reverse=True):
        text = pattern(term, case_sensitive).sub(" ", text)
    return text


def is_url(entry):
    return (entry.msgctxt or "").endswith("/slug") or (
        entry.msgid.endswith("/") and " " not in entry.msgid
    )


@cache
def entries():
    found = []
    for name, path in CATALOGUES.items():
        for entry in polib.pofile(str(path)):
            if entry.obsolete or is_url(entry):
                continue
            msgstrs = tuple(entry.msgstr_plural.values()) or (entry.msgstr,)
            found.append(
                Entry(
                    name,
                    entry.msgctxt or "",
                    html.unescape(entry.msgid),
                    tuple(html.unescape(text) for text in msgstrs),
                )
            )
    return tuple(found)


def proper_names():
    return [term.spanish[0] for term in glossary() if term.proper_name]


def rejected_found(text, term, names=()):
    """The rejected variants of term that text uses."""
    found = []
    for variant in term.rejected:
        exact_case = term.proper_name or any(
            variant.lower() == chosen.lower() for chosen in term.spanish
        )
        kept = [name for name in names if name.lower() not in variant.lower()]
        rest = without(text, kept, case_sensitive=True)
        rest = without(rest, term.spanish, case_sensitive=exact_case)
        if contains(rest, variant, case_sensitive=exact_case):
            found.append(variant)
    return found


def uses_english(entry, term):
    if term.check in {"no", ""}:
        return False
    if term.check in CATALOGUES and entry.catalogue != term.check:
        return False
    if term.check == "exact":
        return any(
            entry.msgid.strip().lower() == english.lower() for english in term.english
        )
    return any(
        contains(entry.msgid, english, case_sensitive=term.proper_name)
        for english in term.english
    )


def uses_spanish(text, term):
    return any(
        contains(text, spanish, case_sensitive=term.proper_name)
        for spanish in term.spanish
    )


# (c) the glossary itself


def test_glossary_has_its_columns():
    fieldnames, rows = read_rows()

    assert fieldnames == COLUMNS
    assert rows
    malformed = [line for line, row in rows if None in row or None in row.values()]
    assert malformed == [], f"glossary lines with a wrong number of cells: {malformed}"


def test_every_row_names_an_english_term_and_its_spanish():
    bad = [str(term) for term in glossary() if not term.english or not term.spanish]

    assert bad == []


@pytest.mark.django_db
def test_the_admins_glossary_starts_as_the_seed():
    def without_line(terms):
        return [{**vars(term), "line": 0} for term in terms]

    assert without_line(glossary_terms()) == without_line(glossary())


def test_no_english_term_is_in_two_rows():
    seen = {}
    duplicates = []
    for term in glossary():
        for english in term.english:
            key = " ".join(english.lower().split())
            if key in seen:
                duplicates.append(f"{english!r}: lines {seen[key]} and {term.line}")
            seen.setdefault(key, term.line)

    assert duplicates == []


def test_every_row_says_how_it_is_checked():
    bad = [f"{term}: {term.check!r}" for term in glossary() if term.check not in CHECKS]

    assert bad == [], f"check must be one of {sorted(CHECKS)}"


def test_no_chosen_term_is_also_rejected():
    bad = [
        f"{term}: {variant!r}"
        for term in glossary()
        for variant in term.rejected
        if variant in term.spanish
    ]

    assert bad == []


def test_every_checked_term_is_found_in_a_catalogue():
    """A checked row no msgid uses checks nothing: fix its English or check 'no'."""
    unused = [
        str(term)
        for term in glossary()
        if term.check not in {"no", ""}
        and not any(uses_english(entry, term) for entry in entries())
    ]

    assert unused == []


# (a) no rejected variant in any translation


@pytest.mark.sqlite_pass  # reads the catalogues only
def test_no_translation_uses_a_rejected_variant():
    names = proper_names()
    found = [
        f"{entry}: {variant!r} ({term})"
        for entry in entries()
        for text in entry.msgstrs
        for term in glossary()
        for variant in rejected_found(text, term, names)
    ]

    assert found == []


# (b) the chosen Spanish wherever the English term is used


@pytest.mark.parametrize(
    "term",
    [term for term in glossary() if term.check not in {"no", ""}],
    ids=lambda term: term.english[0][:40],
)
def test_translations_use_the_chosen_term(term):
    missing = [
        f"{entry}: {text!r} lacks {' / '.join(term.spanish)!r}"
        for entry in entries()
        if uses_english(entry, term)
        for text in entry.msgstrs
        if not uses_spanish(text, term)
    ]

    assert missing == [], str(term)


# The matching rules these checks rest on


RULES = Term(
    line=0,
    english=("Together, we can",),
    spanish=("Juntas y juntos podemos",),
    rejected=("Juntos podemos",),
    check="yes",
    proper_name=False,
)
NAME = Term(
    line=0,
    english=("ShotSpotter",),
    spanish=("ShotSpotter",),
    rejected=("Shotspotter",),
    check="yes",
    proper_name=True,
)


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("Juntos podemos lograrlo.", RULES, ["Juntos podemos"]),
        ("juntos  podemos lograrlo.", RULES, ["Juntos podemos"]),
        ("Juntas y juntos podemos lograrlo.", RULES, []),
        ("Juntas y juntos podemos, y juntos podemos más.", RULES, ["Juntos podemos"]),
        ("Cancelar ShotSpotter", NAME, []),
        ("Cancelar Shotspotter", NAME, ["Shotspotter"]),
    ],
)
def test_rejected_variants_are_found_as_words_outside_chosen_terms(text, term, found):
    assert rejected_found(text, term) == found


def test_a_word_is_not_found_inside_a_longer_word():
    assert contains("Actualizada", "actualizada")
    assert not contains("Desactualizada", "actualizada")
    assert not contains("latines", "latine")
    assert contains("Concejal(a)", "concejal")
