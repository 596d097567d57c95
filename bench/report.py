"""The bench's one table, its header and the targets it checks."""

from dataclasses import dataclass

from .loadgen import CONNECTIONS

LIMIT_SHARE = 0.60  # cached req/s as a share of the trivial app's
CAMPAIGN_RATE = 300  # uncached req/s
CAMPAIGN_QUERIES = 12
CACHED_P99_MS = 10.0
COLUMNS = [
    "page",
    "lang",
    "cached req/s",
    "cached p50",
    "cached p99",
    "uncached req/s",
    "uncached p50",
    "uncached p99",
    "queries",
    "bytes",
    "cached/limit %",
]


@dataclass
class Row:
    page: object  # pages.Page
    cached: object  # loadgen.Measurement, or None when never page-cached
    uncached: object
    queries: int
    size: int


def _rate(measurement):
    return "-" if measurement is None else f"{measurement.rate:.0f}"


def _ms(measurement, field):
    return "-" if measurement is None else f"{getattr(measurement, field):.2f} ms"


def _cells(row, limit):
    share = "-" if row.cached is None else f"{100 * row.cached.rate / limit.rate:.0f}"
    return [
        row.page.kind,
        row.page.language,
        _rate(row.cached),
        _ms(row.cached, "p50"),
        _ms(row.cached, "p99"),
        _rate(row.uncached),
        _ms(row.uncached, "p50"),
        _ms(row.uncached, "p99"),
        str(row.queries),
        str(row.size),
        share,
    ]


def table(rows, limit):
    """A Markdown table, aligned for reading in a terminal too."""
    lines = [COLUMNS, *(_cells(row, limit) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]

    def format_line(cells):
        padded = [
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "".join(
        "|" + "-" * (width + 1) + (":" if i >= 2 else "-")
        for i, width in enumerate(widths)
    )
    return "\n".join([format_line(COLUMNS), rule + "|", *map(format_line, lines[1:])])


def targets(rows, limit):
    """(passed, description) for each target."""
    cached = [row for row in rows if row.cached is not None]
    campaigns = [row for row in rows if row.page.kind == "campaign"]
    slowest = min(cached, key=lambda row: row.cached.rate)
    worst_p99 = max(cached, key=lambda row: row.cached.p99)
    share = slowest.cached.rate / limit.rate
    rate = min(row.uncached.rate for row in campaigns)
    queries = max(row.queries for row in campaigns)
    return [
        (
            share >= LIMIT_SHARE,
            f"cached pages ≥ {LIMIT_SHARE:.0%} of the trivial app's req/s: "
            f"lowest {share:.0%} ({_name(slowest)})",
        ),
        (
            rate >= CAMPAIGN_RATE and queries <= CAMPAIGN_QUERIES,
            f"uncached campaign page ≥ {CAMPAIGN_RATE} req/s and "
            f"≤ {CAMPAIGN_QUERIES} queries: lowest {rate:.0f} req/s, "
            f"most {queries} queries",
        ),
        (
            worst_p99.cached.p99 <= CACHED_P99_MS,
            f"cached p99 ≤ {CACHED_P99_MS:.0f} ms at {CONNECTIONS} clients: "
            f"highest {worst_p99.cached.p99:.2f} ms ({_name(worst_p99)})",
        ),
    ]


def _name(row):
    return f"{row.page.kind}, {row.page.language}"
