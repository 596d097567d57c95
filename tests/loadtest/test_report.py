"""The drill's table: lost and duplicated sign-ups counted as the issue defines them
(from each row's times_signed_up), and each publish's freshness."""

from loadtest.freshness import Outcome, Watch
from loadtest.report import Row, render, rows
from loadtest.traffic import SignUp, Tally


class Traffic:
    def __init__(self, tallies, signups):
        self.tallies, self.signups = tallies, signups


def test_lost_duplicated_and_kept_without_acknowledgement_are_told_apart():
    traffic = Traffic(
        {"baseline": Tally(latencies=[0.01] * 99 + [0.5], errors=1)},
        [
            SignUp("fine@example.org", "baseline", acknowledged=True),
            SignUp("twice@example.org", "baseline", acknowledged=True),
            SignUp("lost@example.org", "baseline", acknowledged=True),
            SignUp("kept@example.org", "baseline", acknowledged=False),
            SignUp("refused@example.org", "baseline", acknowledged=False),
        ],
    )
    # A retry the site took twice keeps one row, counted twice.
    stored = {
        "fine@example.org": [1, 1],
        "twice@example.org": [1, 2],
        "kept@example.org": [1, 1],
    }
    baseline, total = rows(traffic, ["baseline"], stored)
    assert baseline == Row(
        "baseline",
        requests=100,
        errors=1,
        p99=0.5,
        sent=5,
        acknowledged=3,
        stored=4,
        duplicated=2,
        lost=1,
        kept_unacknowledged=1,
    )
    assert (total.acknowledged, total.stored, total.duplicated) == (3, 4, 2)


def test_the_table_has_a_line_per_scenario_and_the_total():
    traffic = Traffic({"baseline": Tally(), "hang Redis": Tally()}, [])
    lines = render(rows(traffic, ["baseline", "hang Redis"], {}))
    assert "seen after s" in lines[0]
    assert [line.split()[0] for line in lines] == [
        "scenario",
        "baseline",
        "hang",
        "total",
    ]
    assert "sign-ups sent / ack / stored / dup" in lines[0]


def test_a_publish_shown_late_or_never_counts_as_stale():
    fresh = Watch([], [], committed_at=0.0, bound=5, seen={("a", "/en/", "x"): 1.5})
    late = Watch([], [], committed_at=0.0, bound=5, seen={("a", "/en/", "x"): 9.0})
    late.stale.append(("a", "/en/", "answered 200 without x, 6.0 s"))
    traffic = Traffic({"baseline": Tally(), "hang Redis": Tally(), "kill": Tally()}, [])
    publishes = {
        "baseline": Outcome(1, committed_at=0.0, watch=fresh),
        "hang Redis": Outcome(2, committed_at=0.0, watch=late),
        "kill": Outcome(3, error="OperationalError"),
    }
    baseline, hang, kill, total = rows(
        traffic, ["baseline", "hang Redis", "kill"], {}, publishes
    )
    assert (baseline.seen_after, baseline.stale) == (1.5, 0)
    assert (hang.seen_after, hang.stale) == (9.0, 1)
    assert (kill.seen_after, kill.stale) == (None, 1)
    assert (total.seen_after, total.stale) == (9.0, 2)
    assert render([kill])[1].split()[-2:] == ["never", "1"]
