"""Finding English where a Spanish reader (or translator) should meet only Spanish.

A page is read the way a reader meets it: every text node outside scripts and
styles, and every attribute that describes something to a person (``alt``,
``title``, ``aria-label``, ``placeholder``, meta descriptions, button values).
A piece reads as English when it holds a word from ENGLISH_WORDS: common English
words that are not also Spanish words. Before counting, what Spanish keeps as it
is comes out: proper names from the glossary (rows whose Spanish is the English),
organisation and person names, hashtags, bill numbers, addresses, and anything
inside an element marked ``lang="en"``.
"""

import csv
import json
import re
from html.parser import HTMLParser

from tests.support.site import PROJECT_DIR

GLOSSARY = PROJECT_DIR / "locales" / "es" / "glossary.csv"

# Frequent English words with no Spanish homograph ("a", "no", "me", "real",
# "page", "email" and the like are left out on purpose).
ENGLISH_WORDS = frozenset(
    """
    the and of to is are was were be been being for with without our ours we you
    your yours this that these those it its they their them he she his her by
    from on at as an which who whom what when where why how more most all any
    each every some such than then there here have has had having will would
    shall should can could may might must not only also just about into over
    under after before while because if or but so up out off do does did done
    get got make made take taken give given see seen know known say said
    new old other same many much few very well back next previous first last
    read sign join us search skip menu home submit send close open show hide
    filter filters sort edit edited delete add remove save saved cancel
    choose chosen select selected clear reset view views settings shortcuts
    help account password username login logout log welcome dashboard pages
    page's campaign campaigns policy people contact phone address status
    published draft live locked unlocked translation translate translated
    translations language languages english spanish of yes none more actions
    january february march april june july august september october november
    december ago snippet snippets workflow workflows task tasks moderators
    moderator approve approved reviewers review keyboard locking now
    """.split()
)

DESCRIPTIVE_ATTRIBUTES = {
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "aria-description",
}
# The admin's tooltips and the labels its buttons take while they work.
DESCRIPTIVE_ATTRIBUTES |= {
    "data-w-tooltip-content-value",
    "data-w-progress-active-value",
}
# JSON the admin renders for its scripts to show: the sidebar menu and the admin's
# strings (<script type="application/json">), wagtail-localize's editor (data-props).
# Only the keys that hold words for a person are read, and every string under
# STRINGS. Under "source" is the English being translated, and an object whose
# locale is English is the English version: both are English by design, as is
# an element marked lang="en".
JSON_PROPS_ATTRIBUTES = {"data-props"}
JSON_TEXT_KEYS = frozenset(
    """
    label title displayName display_name field fieldHelpText subField comment
    lastPublishedDate footer_text help_text helpText text description heading
    placeholder message verbose_name verbose_name_plural
    """.split()
)
JSON_TEXT_SECTIONS = {"STRINGS"}
JSON_SOURCE_KEYS = {"source"}
SKIPPED_ELEMENTS = {"script", "style", "template", "svg", "code", "pre", "noscript"}
# Except a <template> the admin's w-teleport controller moves into the page.
TELEPORTED = "w-teleport"
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip

HASHTAG = re.compile(r"#\w+")
BILL_NUMBER = re.compile(r"\b(?:HB|SB|HR|SR|HJR|SJR)\s?\d+\b")
ADDRESS = re.compile(r"\b\S+@\S+\b|https?://\S+|www\.\S+|/\S*")
WORD = re.compile(r"[A-Za-zÀ-ÿ']+")


def glossary_proper_names(path=GLOSSARY):
    """Terms the glossary keeps in English in Spanish text."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            row["spanish"]
            for row in csv.DictReader(handle)
            if row["spanish"] == row["english"]
        ]


def english_words(text, kept=()):
    """The English words in text once the names Spanish keeps are taken out."""
    for name in sorted(kept, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    for pattern in (HASHTAG, BILL_NUMBER, ADDRESS):
        text = pattern.sub(" ", text)
    return [word for word in WORD.findall(text) if word.lower() in ENGLISH_WORDS]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped, english)
        self.pieces = []
        self.json_script = None  # (where, its text so far) inside a JSON script

    def _inside(self, index):
        return any(entry[index] for entry in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        english = attrs.get("lang", "").startswith("en") or self._inside(2)
        skipped = tag in SKIPPED_ELEMENTS or self._inside(1)
        if tag == "template" and TELEPORTED in attrs.get("data-controller", "").split():
            skipped = self._inside(1)  # the admin moves it into the page: a dialog
        if not skipped and not english:
            self._read_attributes(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skipped, english))
        if tag == "script" and attrs.get("type") == "application/json" and not english:
            self.json_script = (f"<script {attrs.get('id') or 'json'}>", [])

    def handle_startendtag(self, tag, attrs):
        english = dict(attrs).get("lang", "").startswith("en") or self._inside(2)
        if not self._inside(1) and not english:
            self._read_attributes(tag, dict(attrs))

    def _read_attributes(self, tag, attrs):
        for name, value in attrs.items():
            if value and name in DESCRIPTIVE_ATTRIBUTES:
                self.pieces.append((f"<{tag} {name}>", value))
        if tag == "meta" and attrs.get("content"):
            key = attrs.get("name") or attrs.get("property") or ""
            if key.endswith(("description", "title", ":alt")):
                self.pieces.append((f"<meta {key}>", attrs["content"]))
        if tag == "input" and attrs.get("type") in {"submit", "button"}:
            self.pieces.append(("<input value>", attrs.get("value") or ""))
        for name in JSON_PROPS_ATTRIBUTES & attrs.keys():
            self._read_json(f"<{tag} {name}>", attrs[name])

    def _read_json(self, where, text):
        try:
            data = json.loads(text)
        except ValueError:
            return
        for path, value in json_strings(data):
            self.pieces.append((f"{where} {'.'.join(path)}", " ".join(value.split())))

    def handle_endtag(self, tag):
        if tag == "script" and self.json_script:
            where, text = self.json_script
            self._read_json(where, "".join(text))
            self.json_script = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if self.json_script:
            self.json_script[1].append(data)
            return
        if data.strip() and not self._inside(1) and not self._inside(2):
            tag = self.stack[-1][0] if self.stack else "document"
            self.pieces.append((f"<{tag}>", " ".join(data.split())))


def json_strings(value, path=()):
    """(keys, text) for the words for a person in JSON the admin's scripts show."""
    if isinstance(value, dict):
        locale = value.get("locale")
        if isinstance(locale, dict) and locale.get("code", "").startswith("en"):
            return
        for key, item in value.items():
            if key not in JSON_SOURCE_KEYS:
                yield from json_strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, path)
    elif isinstance(value, str) and value.strip() and path:
        if path[-1] in JSON_TEXT_KEYS or JSON_TEXT_SECTIONS & set(path):
            yield path, value


def readable_pieces(html):
    """(where, text) for each text node and descriptive attribute of a page."""
    if isinstance(html, bytes):
        html = html.decode()
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.pieces


def english_pieces(html, kept=()):
    """The pieces of a page that read as English, with the words that betray them."""
    kept = [*glossary_proper_names(), *kept]
    found = []
    for where, text in readable_pieces(html):
        words = english_words(text, kept)
        if words:
            found.append(f"{where} {text!r} ({', '.join(words)})")
    return found
