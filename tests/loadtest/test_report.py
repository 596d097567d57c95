"""The drill's table: lost and duplicated sign-ups counted as the issue defines them."""

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
    stored = {"fine@example.org": 1, "twice@example.org": 2, "kept@example.org": 1}
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
    assert [line.split()[0] for line in lines] == [
        "scenario",
        "baseline",
        "hang",
        "total",
    ]
    assert "sign-ups sent / ack / stored / dup" in lines[0]
