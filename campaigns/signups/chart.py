"""Sign-ups per week per campaign and language, drawn by the server as SVG for
staff (the dashboard and the sign-up list), with the numbers behind each chart
in a table for those who cannot see it. Counts only: no personal data."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import Signup

WEEKS = 12
# Drawing units of one chart (the SVG scales to its box).
WIDTH, HEIGHT, BASELINE = 600, 140, 120
COLOURS = {"en": "#6b1d52", "es": "#d9822b"}


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass
class CampaignChart:
    title: str
    counts: dict  # {week start: {language: count}}
    weeks: list
    bars: list = field(default_factory=list)

    @property
    def rows(self):
        """(week start, [count per language]) for the table."""
        return [
            (week, [self.counts.get(week, {}).get(code, 0) for code in codes()])
            for week in self.weeks
        ]

    @property
    def total(self):
        return sum(sum(by_language.values()) for by_language in self.counts.values())


def codes():
    return [code for code, _name in settings.LANGUAGES]


def week_starts(today, weeks=WEEKS):
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in reversed(range(weeks))]


def weekly_counts(weeks):
    """{campaign translation key: (title, {week start: {language: count}})}."""
    rows = (
        Signup.objects.filter(created_at__date__gte=weeks[0])
        .annotate(day=TruncDate("created_at"))
        .values("campaign__translation_key", "campaign__title", "day", "language")
        .annotate(signups=Count("id"))
        .order_by()
    )
    found = {}
    for row in rows:
        day = row["day"]
        week = day - timedelta(days=day.weekday())
        _title, counts = found.setdefault(
            row["campaign__translation_key"], (row["campaign__title"], {})
        )
        by_language = counts.setdefault(week, {})
        by_language[row["language"]] = (
            by_language.get(row["language"], 0) + row["signups"]
        )
    return found


def draw(chart):
    """The bars of one chart: for each week, a bar per language side by side,
    on a scale shared by the chart's weeks."""
    languages = codes()
    highest = max(
        [n for counts in chart.counts.values() for n in counts.values()] or [1]
    )
    slot = WIDTH / len(chart.weeks)
    width = slot * 0.8 / len(languages)
    for number, week in enumerate(chart.weeks):
        for place, code in enumerate(languages):
            count = chart.counts.get(week, {}).get(code, 0)
            height = (BASELINE - 10) * count / highest
            chart.bars.append(
                Bar(
                    x=round(number * slot + slot * 0.1 + place * width, 1),
                    y=round(BASELINE - height, 1),
                    width=round(width, 1),
                    height=round(height, 1),
                    colour=COLOURS.get(code, "#555"),
                    label=f"{week:%Y-%m-%d} {code}: {count}",
                )
            )
    return chart


def signup_charts(today=None):
    """One chart per campaign with sign-ups in the last WEEKS weeks, busiest first."""
    today = today or timezone.localdate()
    weeks = week_starts(today)
    charts = [
        draw(CampaignChart(title=title, counts=counts, weeks=weeks))
        for title, counts in weekly_counts(weeks).values()
    ]
    return sorted(charts, key=lambda chart: (-chart.total, chart.title))
