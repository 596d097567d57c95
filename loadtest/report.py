"""The drill's table: per scenario the requests, what became of the sign-ups, and
how long its publish took to be seen everywhere.

A sign-up counts under the scenario in which it was first sent. Stored is the
number of times the site counted it: each row's ``times_signed_up`` (a neighbour
who signs up to a campaign again keeps one row, counted twice), summed over the
rows its email has. Lost: acknowledged, counted nowhere. Duplicated: counts
beyond one per acknowledged email, so a retry the site took twice shows, and a
sign-up kept but never acknowledged counts too (the neighbour was told it
failed, and signing up again would count it twice).

Seen after: seconds from the publish's commit until every app server showed it
in both languages; stale: reads that showed older content more than the
staleness bound after the commit (loadtest/freshness.py).
"""

from dataclasses import dataclass

from .traffic import Tally

COUNT_ROWS = (
    "import json; from django.db.models import Count, Sum; "
    "from campaigns.models import Signup; "
    "rows = Signup.objects.filter(email__startswith='drill-')"
    ".values('email').annotate(n=Count('pk'), times=Sum('times_signed_up')); "
    "print('rows=' + json.dumps("
    "{row['email']: [row['n'], row['times']] for row in rows}))"
)


@dataclass
class Row:
    scenario: str
    requests: int = 0
    errors: int = 0
    p99: float = 0.0  # seconds
    sent: int = 0  # sign-ups sent, each once however many times it was tried
    acknowledged: int = 0
    stored: int = 0  # times counted (times_signed_up)
    duplicated: int = 0
    lost: int = 0
    kept_unacknowledged: int = 0
    seen_after: float | None = None  # seconds; None: no publish, or never seen
    published: bool = False
    stale: int = 0

    def add(self, other):
        for name in ("requests", "errors", "sent", "acknowledged", "stored"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("duplicated", "lost", "kept_unacknowledged", "stale"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.seen_after is not None:
            self.seen_after = max(self.seen_after or 0.0, other.seen_after)
        self.published |= other.published

    def count(self, signup, found):
        """Add one sign-up; found is [rows, times counted] or [0, 0]."""
        _rows, times = found
        self.sent += 1
        self.stored += times
        if signup.acknowledged:
            self.acknowledged += 1
            self.duplicated += max(0, times - 1)
            self.lost += times == 0
        else:
            self.duplicated += times
            self.kept_unacknowledged += times > 0

    def record_publish(self, outcome):
        if outcome is None:
            return
        self.published = True
        watch = outcome.watch
        if watch is None:  # never committed: counted as stale
            self.stale += 1
            return
        self.seen_after = watch.fresh_after()
        self.stale += len(watch.stale)


def rows(traffic, scenarios, stored_rows, publishes=None):
    """A Row per scenario, then the total."""
    publishes = publishes or {}
    table, latencies = [], []
    total = Row("total")
    for scenario in scenarios:
        tally = traffic.tallies[scenario]
        latencies += tally.latencies
        row = Row(scenario, len(tally.latencies), tally.errors, tally.p99())
        for signup in traffic.signups:
            if signup.scenario == scenario:
                row.count(signup, stored_rows.get(signup.email, [0, 0]))
        row.record_publish(publishes.get(scenario))
        table.append(row)
        total.add(row)
    total.p99 = Tally(latencies=latencies).p99()
    return [*table, total]


def render(table):
    lines = [
        f"{'scenario':<20}{'requests':>9}{'errors':>7}{'p99 ms':>8}"
        f"{'sign-ups sent / ack / stored / dup':>37}{'lost':>6}"
        f"{'seen after s':>14}{'stale':>7}"
    ]
    for row in table:
        signups = f"{row.sent} / {row.acknowledged} / {row.stored} / {row.duplicated}"
        seen = "-" if not row.published else "never"
        if row.seen_after is not None:
            seen = f"{row.seen_after:.1f}"
        lines.append(
            f"{row.scenario:<20}{row.requests:>9}{row.errors:>7}"
            f"{row.p99 * 1000:>8.0f}{signups:>37}{row.lost:>6}"
            f"{seen:>14}{row.stale:>7}"
        )
    return lines
