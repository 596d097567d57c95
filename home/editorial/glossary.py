"""The glossary of chosen Spanish terms: one reader for the admin's glossary
(GlossaryTerm, kept by moderators) and for its seed, locales/es/glossary.csv.

The glossary lives in the database: the translation editor reads it there. The
CSV is its seed: the data migration that makes the glossary fills it with the
CSV's rows (seed_glossary), and `manage.py export_glossary` writes the admin's
glossary back to the CSV. The tests that check the committed catalogues
(tests/locales/test_glossary.py) read the CSV through this same reader and
matching rules, and hold the migrated glossary equal to it.

Columns: english, spanish, rejected, note, check. English and Spanish forms are
separated by " / " and rejected variants by ";"; a note in parentheses after a
space at the end of the English is not part of the term. A row whose Spanish is
its English is a proper name kept as it is, matched case-sensitively.
"""

import csv
import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings

from home.models import GlossaryTerm

SEED = settings.BASE_DIR / "locales" / "es" / "glossary.csv"
COLUMNS = ["english", "spanish", "rejected", "note", "check"]
NOTE = re.compile(r"\s+\([^)]*\)\s*$")


@dataclass(frozen=True)
class Term:
    line: int
    english: tuple
    spanish: tuple
    rejected: tuple
    check: str
    proper_name: bool
    note: str = ""

    def __str__(self):
        return f"glossary line {self.line} ({' / '.join(self.english)})"


def split(cell, separator):
    return tuple(part.strip() for part in cell.split(separator) if part.strip())


def term_from_row(line, row):
    """A Term from a row of the seed or of the admin's glossary (a dict with
    the columns)."""
    return Term(
        line=line,
        english=split(NOTE.sub("", row["english"] or ""), " / "),
        spanish=split(row["spanish"] or "", " / "),
        rejected=split(row["rejected"] or "", ";"),
        check=(row.get("check") or "").strip(),
        proper_name=bool(row["spanish"]) and row["spanish"] == row["english"],
        note=(row.get("note") or "").strip(),
    )


def read_seed(path=SEED):
    """(column names, [(line, row)]) of the seed CSV."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(enumerate(reader, 2))


@cache
def seed_terms(path=SEED):
    return tuple(term_from_row(line, row) for line, row in read_seed(path)[1])


def row_of(glossary_term):
    return {
        "english": glossary_term.english,
        "spanish": glossary_term.spanish,
        "rejected": glossary_term.rejected,
        "note": glossary_term.note,
        "check": glossary_term.checked_in,
    }


def glossary_terms(model=None):
    """The admin's glossary as Terms (one query). ``model`` is GlossaryTerm, or
    its historical version inside a migration."""
    model = model or GlossaryTerm
    return [
        term_from_row(glossary_term.pk, row_of(glossary_term))
        for glossary_term in model.objects.order_by("pk")
    ]


def seed_glossary(model=None, path=SEED):
    """Add the seed's terms the admin's glossary lacks (by English); what
    moderators changed stays as they left it. The number of terms added."""
    model = model or GlossaryTerm
    known = set(model.objects.values_list("english", flat=True))
    missing = [
        model(
            english=row["english"],
            spanish=row["spanish"],
            rejected=row["rejected"] or "",
            note=row["note"] or "",
            checked_in=(row["check"] or "yes").strip(),
        )
        for _line, row in read_seed(path)[1]
        if row["english"] not in known
    ]
    model.objects.bulk_create(missing)
    return len(missing)


def export_glossary(path=SEED):
    """Write the admin's glossary to the seed CSV."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for glossary_term in GlossaryTerm.objects.order_by("pk"):
            writer.writerow(row_of(glossary_term))


def pattern(term, case_sensitive=False):
    """A whole word or phrase: not inside a longer word; spaces match any spacing."""
    body = r"\s+".join(re.escape(word) for word in term.split())
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def contains(text, term, case_sensitive=False):
    return bool(pattern(term, case_sensitive).search(text))


def terms_in(text, terms):
    """The terms whose English the text uses."""
    return [
        term
        for term in terms
        if any(
            contains(text, english, case_sensitive=term.proper_name)
            for english in term.english
        )
    ]
