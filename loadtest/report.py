"""The drill's table: per scenario, the requests and what became of the sign-ups.

A sign-up counts under the scenario in which it was first sent. Stored is the
number of rows its email has. Lost: acknowledged, with no row. Duplicated: rows
beyond one per acknowledged email, so a sign-up kept but never acknowledged
counts too (the neighbour was told it failed, and signing up again would store
it twice).
"""

from dataclasses import dataclass

from .traffic import Tally

COUNT_ROWS = (
    "import json; from django.db.models import Count; "
    "from campaigns.models import Signup; "
    "rows = Signup.objects.filter(email__startswith='drill-')"
    ".values('email').annotate(n=Count('pk')); "
    "print('rows=' + json.dumps({row['email']: row['n'] for row in rows}))"
)


@dataclass
class Row:
    scenario: str
    requests: int = 0
    errors: int = 0
    p99: float = 0.0  # seconds
    sent: int = 0  # sign-ups sent, each once however many times it was tried
    acknowledged: int = 0
    stored: int = 0
    duplicated: int = 0
    lost: int = 0
    kept_unacknowledged: int = 0

    def add(self, other):
        for name, value in vars(other).items():
            if name not in ("scenario", "p99"):
                setattr(self, name, getattr(self, name) + value)

    def count(self, signup, found):
        """Add one sign-up, of which found rows were stored."""
        self.sent += 1
        self.stored += found
        if signup.acknowledged:
            self.acknowledged += 1
            self.duplicated += max(0, found - 1)
            self.lost += found == 0
        else:
            self.duplicated += found
            self.kept_unacknowledged += found > 0


def rows(traffic, scenarios, stored_rows):
    """A Row per scenario, then the total."""
    table, latencies = [], []
    total = Row("total")
    for scenario in scenarios:
        tally = traffic.tallies[scenario]
        latencies += tally.latencies
        row = Row(scenario, len(tally.latencies), tally.errors, tally.p99())
        for signup in traffic.signups:
            if signup.scenario == scenario:
                row.count(signup, stored_rows.get(signup.email, 0))
        table.append(row)
        total.add(row)
    total.p99 = Tally(latencies=latencies).p99()
    return [*table, total]


def render(table):
    lines = [
        f"{'scenario':<20}{'requests':>9}{'errors':>7}{'p99 ms':>8}"
        f"{'sign-ups sent / ack / stored / dup':>37}{'lost':>6}"
    ]
    for row in table:
        signups = f"{row.sent} / {row.acknowledged} / {row.stored} / {row.duplicated}"
        lines.append(
            f"{row.scenario:<20}{row.requests:>9}{row.errors:>7}"
            f"{row.p99 * 1000:>8.0f}{signups:>37}{row.lost:>6}"
        )
    return lines
