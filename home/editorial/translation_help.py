"""Help for the translator beside wagtail-localize's editor, for each segment
still to translate: what changed in its English since it was last translated
(with the Spanish of then), the Spanish of the same or nearly the same English
elsewhere on the site, and the glossary's terms it uses.

Where the previous versions are: wagtail-localize updates a TranslationSource
in place (update_from_db) and keys each StringTranslation to a String (the
English text, by its hash) and a TranslationContext (the object and the
segment's path). When the English of a segment changes, its segment points at
a new String with no translation, while the previous String's translation in
the same context stays in the database: that is the previous English and its
Spanish.

Every query here reads all segments at once: their number does not change how
many queries the panel costs.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Exists, Q
from django.db.models.functions import Length
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail_localize.models import StringSegment, StringTranslation

from .glossary import glossary_terms, terms_in
from .status import translated_strings

# Near matches: difflib's ratio at least this (1.0 is the same text).
NEAR = 0.8
# How many suggestions from elsewhere a segment offers.
SUGGESTIONS = 3
# Translated strings read for near matches, at most: the newest first.
CANDIDATES = 2000
WORDS = re.compile(r"\s+|[^\s\w]|\w+")


@dataclass
class Suggestion:
    english: str
    spanish: str
    exact: bool


@dataclass
class SegmentHelp:
    segment: StringSegment
    english: str
    previous_english: str = ""
    previous_spanish: str = ""
    suggestions: list = field(default_factory=list)
    terms: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.previous_spanish)

    @property
    def marked_previous(self):
        return marked_difference(self.previous_english, self.english)[0]

    @property
    def marked_english(self):
        return marked_difference(self.previous_english, self.english)[1]

    @property
    def offers_something(self):
        return self.changed or self.suggestions or self.terms


def text_of(data):
    """A segment's text as read: its inline markup left out."""
    return strip_tags(data).strip()


def marked_difference(before, after):
    """(before, after) as HTML, with the words taken out of before in <del> and
    those put into after in <ins>."""
    old, new = WORDS.findall(text_of(before)), WORDS.findall(text_of(after))
    marked_old, marked_new = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        removed = escape("".join(old[i1:i2]))
        added = escape("".join(new[j1:j2]))
        if operation == "equal":
            marked_old.append(removed)
            marked_new.append(added)
            continue
        if removed:
            marked_old.append(f"<del>{removed}</del>")
        if added:
            marked_new.append(f"<ins>{added}</ins>")
    return mark_safe("".join(marked_old)), mark_safe("".join(marked_new))


def matcher_for(text):
    """A SequenceMatcher comparing others to text: it indexes text once."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(text)
    return matcher


def similarity(matcher, other):
    """difflib's ratio of other to the matcher's text, or 0 below NEAR (the
    quick upper bounds first)."""
    matcher.set_seq1(other)
    if matcher.real_quick_ratio() < NEAR or matcher.quick_ratio() < NEAR:
        return 0
    return matcher.ratio()


def untranslated_segments(translation):
    """The source's string segments with no Spanish yet (as get_progress()
    counts), in the editor's order."""
    return list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(translated_strings(translation.target_locale_id)))
        .select_related("string")
        .order_by("order")
    )


def help_for(translation, segments=None, terms=None):
    """A SegmentHelp for each segment of the translation still to translate
    (or for the segments given)."""
    if segments is None:
        segments = untranslated_segments(translation)
    if not segments:
        return []
    if terms is None:
        terms = glossary_terms()
    helps = [
        SegmentHelp(
            segment,
            segment.string.data,
            terms=terms_in(text_of(segment.string.data), terms),
        )
        for segment in segments
    ]
    _add_previous_versions(helps, translation)
    _add_suggestions(helps, translation)
    return helps


def _add_previous_versions(helps, translation):
    """The previous English of each segment and its Spanish: a translation in
    the segment's context of another string. In a context holding several
    segments (the paragraphs of one rich text), the nearest English is taken."""
    current = set(
        StringSegment.objects.filter(source_id=translation.source_id).values_list(
            "string_id", "context_id"
        )
    )
    earlier = {}
    for previous in (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in={help.segment.context_id for help in helps},
            has_error=False,
        )
        .select_related("translation_of")
        .order_by("-updated_at")
    ):
        if (previous.translation_of_id, previous.context_id) not in current:
            earlier.setdefault(previous.context_id, []).append(previous)
    for help in helps:
        candidates = earlier.get(help.segment.context_id, [])
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda previous: difflib.SequenceMatcher(
                None, previous.translation_of.data, help.english, autojunk=False
            ).ratio(),
        )
        help.previous_english = best.translation_of.data
        help.previous_spanish = best.data


def _length_ranges(texts):
    """Merged ranges of lengths a text may have to reach NEAR with one of
    texts (ratio = 2 × matches / total length)."""
    ranges = sorted(
        (int(len(text) * NEAR / (2 - NEAR)), int(len(text) * (2 - NEAR) / NEAR) + 1)
        for text in texts
    )
    merged = [list(ranges[0])]
    for low, high in ranges[1:]:
        if low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return merged


def _add_suggestions(helps, translation):
    """Spanish made elsewhere on the site for the same English, then for
    nearly the same, in one query of at most CANDIDATES translations."""
    lengths = Q()
    for low, high in _length_ranges([help.english for help in helps]):
        lengths |= Q(english_length__range=(low, high))
    found = (
        StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            translation_of__locale_id=translation.source.locale_id,
            has_error=False,
        )
        .exclude(context__object_id=translation.source.object_id)
        .annotate(english_length=Length("translation_of__data"))
        .filter(lengths)
        .order_by("-updated_at")
        .values_list("translation_of__data", "data")[:CANDIDATES]
    )
    elsewhere = {}
    for english, spanish in found:
        elsewhere.setdefault(english, [])
        if spanish not in elsewhere[english]:
            elsewhere[english].append(spanish)
    for help in helps:
        help.suggestions = _suggested(help, elsewhere)


def _suggested(help, elsewhere):
    offered = [
        (1.0, help.english, spanish) for spanish in elsewhere.get(help.english, [])
    ]
    matcher = matcher_for(help.english)
    for english, spanishes in elsewhere.items():
        if english != help.english:
            ratio = similarity(matcher, english)
            if ratio >= NEAR:
                offered.extend((ratio, english, spanish) for spanish in spanishes)
    offered.sort(key=lambda offer: -offer[0])
    suggestions, known = [], {help.previous_spanish}
    for ratio, english, spanish in offered:
        if spanish not in known:
            known.add(spanish)
            suggestions.append(Suggestion(english, spanish, ratio == 1.0))
    return suggestions[:SUGGESTIONS]
