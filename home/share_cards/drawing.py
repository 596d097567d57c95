"""A share card drawn from words and colours: a pure function, Card in, PNG out.

The card is 1200×630, the size Facebook, WhatsApp, X and LinkedIn show large.
White text on the organisation's plum, the name and hashtag on a light band:
readable on a phone at thumbnail size. The title takes the largest size at which
it fits its box, wrapped at spaces; at the smallest size a title that still does
not fit ends with an ellipsis. Every line drawn is also written into the PNG as
text ("Title", "Description", "Language"), so tools and tests can read what the
picture says.
"""

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"

MARGIN = 72
TOP_ROW = 60  # where the kind of page and the status sit
TITLE_BOX = (150, 480)  # top and bottom of the title's space
EVENT_TITLE_BOX = (125, 275)  # the title's space on an event's card
WHEN_ROW, WHERE_ROW = 345, 440  # the middle of the date's and the place's lines
BAND = 510  # the light band with the organisation's name
TITLE_SIZES = range(80, 39, -4)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    band: str
    band_text: str
    accent: str
    # {campaign status: its colour}, on the light band's colour
    statuses: tuple = ()

    def status_colour(self, status):
        return dict(self.statuses).get(status, self.accent)


@dataclass(frozen=True)
class Card:
    """Everything a card shows, already in its language."""

    language: str
    title: str
    organisation: str
    kind: str = ""
    status: str = ""  # the status's value (active, won…): its colour
    status_label: str = ""
    hashtag: str = ""
    # An event's date and time (one or two lines), and its place: drawn large
    # under the title.
    when: str = ""
    where: str = ""


@cache
def font(path, size):
    return ImageFont.truetype(str(path), size)


def draw(card, palette):
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), palette.background)
    canvas = ImageDraw.Draw(image)
    drawn = _top_row(canvas, card, palette)
    if card.when or card.where:
        drawn += _title(canvas, card.title, palette, EVENT_TITLE_BOX)
        drawn += _event(canvas, card, palette)
    else:
        drawn += _title(canvas, card.title, palette)
    drawn += _band(canvas, card, palette)

    info = PngInfo()
    info.add_itxt("Title", card.title)
    info.add_itxt("Description", "\n".join(drawn))
    info.add_itxt("Language", card.language)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, optimize=True)
    return out.getvalue()


def _top_row(canvas, card, palette):
    """The kind of page in capitals, then the status as a light pill."""
    drawn, x = [], MARGIN
    if card.kind:
        kind = card.kind.upper()
        face = _fitting(kind, BOLD, 30, 20, WIDTH - 2 * MARGIN - 320)
        canvas.text((x, TOP_ROW + 30), kind, font=face, fill=palette.text, anchor="lm")
        x += face.getlength(kind) + 28
        drawn.append(kind)
    if card.status_label:
        face = _fitting(card.status_label, BOLD, 26, 18, WIDTH - MARGIN - x - 40)
        width = face.getlength(card.status_label)
        canvas.rounded_rectangle(
            (x, TOP_ROW + 6, x + width + 40, TOP_ROW + 54), radius=24, fill=palette.band
        )
        canvas.text(
            (x + 20, TOP_ROW + 30),
            card.status_label,
            font=face,
            fill=palette.status_colour(card.status),
            anchor="lm",
        )
        drawn.append(card.status_label)
    return drawn


def _title(canvas, title, palette, box=TITLE_BOX):
    """The title, as large as fits its box, centred in it vertically."""
    top, bottom = box
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        face = font(BOLD, size)
        leading = round(size * 1.18)
        lines = wrap(title, face, width)
        if len(lines) * leading <= bottom - top:
            break
    else:
        lines = _cut(lines[: (bottom - top) // leading], face, width)
    y = top + (bottom - top - len(lines) * leading) / 2
    for line in lines:
        canvas.text((MARGIN, y), line, font=face, fill=palette.text)
        y += leading
    return lines


def _event(canvas, card, palette):
    """When (each of its lines bold, as large as fits) and where, under the title."""
    drawn, width = [], WIDTH - 2 * MARGIN
    lines = [line for line in card.when.split("\n") if line][:2]
    y = WHEN_ROW - (len(lines) - 1) * 30
    for line in lines:
        face = _fitting(line, BOLD, 56, 30, width)
        if face.getlength(line) > width:
            line = _cut([line], face, width)[0]
        canvas.text((MARGIN, y), line, font=face, fill=palette.text, anchor="lm")
        y += 64
        drawn.append(line)
    if card.where:
        face = _fitting(card.where, REGULAR, 40, 26, width)
        where = card.where
        if face.getlength(where) > width:
            where = _cut([where], face, width)[0]
        canvas.text(
            (MARGIN, WHERE_ROW + 20), where, font=face, fill=palette.text, anchor="lm"
        )
        drawn.append(where)
    return drawn


def _band(canvas, card, palette):
    """The light band: the organisation's name, and the hashtag at the right."""
    canvas.rectangle((0, BAND, WIDTH, HEIGHT), fill=palette.band)
    middle = (BAND + HEIGHT) / 2
    room = WIDTH - 2 * MARGIN
    drawn = []
    if card.hashtag:
        face = _fitting(card.hashtag, BOLD, 34, 20, room // 2)
        canvas.text(
            (WIDTH - MARGIN, middle),
            card.hashtag,
            font=face,
            fill=palette.accent,
            anchor="rm",
        )
        room -= face.getlength(card.hashtag) + 40
        drawn.append(card.hashtag)
    if card.organisation:
        face = _fitting(card.organisation, BOLD, 34, 18, room)
        name = card.organisation
        if face.getlength(name) > room:
            name = _cut([name], face, room)[0]
        canvas.text(
            (MARGIN, middle), name, font=face, fill=palette.band_text, anchor="lm"
        )
        drawn.append(name)
    return drawn


def _fitting(text, path, largest, smallest, width):
    """The font at the largest size (down to smallest) at which text fits width."""
    for size in range(largest, smallest - 1, -2):
        face = font(path, size)
        if face.getlength(text) <= width:
            return face
    return font(path, smallest)


def wrap(text, face, width):
    """Lines of text no wider than width, broken at spaces (a word wider than
    the whole line is broken where it must be)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if face.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while face.getlength(word) > width:
            cut = max(
                (n for n in range(1, len(word)) if face.getlength(word[:n]) <= width),
                default=1,
            )
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _cut(lines, face, width):
    """The lines of a text cut short, the last one ending in an ellipsis."""
    if not lines:
        return lines
    last = lines[-1]
    while last and face.getlength(f"{last}{ELLIPSIS}") > width:
        last = last[:-1].rstrip()
    return [*lines[:-1], f"{last.rstrip(' ,;:.–-')}{ELLIPSIS}"]
