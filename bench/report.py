"""The bench's one table, its header and the targets it checks."""

from dataclasses import dataclass, field

from .loadgen import CONNECTIONS

CACHED_SHARE = 0.85  # cached req/s as a share of the trivial app's
UNCACHED_SHARE = 0.03  # an uncached campaign page's req/s, likewise
CAMPAIGN_QUERIES = 10
CACHED_P99_MS = 10.0
COMPRESSED_SHARE = 0.40  # compressed bytes as a share of the plain page's
COLUMNS = [
    "page",
    "lang",
    "cached req/s",
    "cached p50",
    "cached p99",
    "uncached req/s",
    "uncached p99",
    "cold req/s",
    "queries",
    "cold queries",
    "bytes",
    "br",
    "gzip",
    "cached/limit %",
    "uncached/limit %",
]


@dataclass
class Row:
    page: object  # pages.Page
    cached: object  # loadgen.Measurement, or None when not measured
    uncached: object
    cold: object
    queries: int  # with the page's parts stored
    cold_queries: int
    size: int
    compressed: dict = field(default_factory=dict)  # {encoding: bytes}


def _rate(measurement):
    return "-" if measurement is None else f"{measurement.rate:.0f}"


def _ms(measurement, name):
    return "-" if measurement is None else f"{getattr(measurement, name):.2f} ms"


def _share(measurement, limit):
    return "-" if measurement is None else f"{100 * measurement.rate / limit.rate:.1f}"


def _cells(row, limit):
    return [
        row.page.kind,
        row.page.language,
        _rate(row.cached),
        _ms(row.cached, "p50"),
        _ms(row.cached, "p99"),
        _rate(row.uncached),
        _ms(row.uncached, "p99"),
        _rate(row.cold),
        str(row.queries),
        str(row.cold_queries),
        str(row.size),
        str(row.compressed.get("br", "-")),
        str(row.compressed.get("gzip", "-")),
        _share(row.cached, limit),
        _share(row.uncached, limit),
    ]


def table(rows, limit, columns=COLUMNS, cells=_cells):
    """A Markdown table, aligned for reading in a terminal too."""
    lines = [columns, *(cells(row, limit) for row in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(columns))]

    def format_line(line):
        padded = [
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "".join(
        "|" + "-" * (width + 1) + (":" if i >= 2 else "-")
        for i, width in enumerate(widths)
    )
    return "\n".join([format_line(columns), rule + "|", *map(format_line, lines[1:])])


def cached_target(rows, limit):
    """(passed, description): the slowest stored page's share of the limit, the
    trivial app replaying a stored page's bytes and headers."""
    cached = [row for row in rows if row.cached is not None]
    slowest = min(cached, key=lambda row: row.cached.rate)
    share = slowest.cached.rate / limit.rate
    return (
        share >= CACHED_SHARE,
        f"cached pages (shared links too) ≥ {CACHED_SHARE:.0%} of the trivial "
        f"app's req/s: lowest {share:.0%} ({_name(slowest)})",
    )


def targets(rows, limit):
    """(passed, description) for each target; passed is None for a figure
    shown without a target."""
    cached = [row for row in rows if row.cached is not None]
    campaigns = [row for row in rows if row.page.kind == "campaign"]
    worst_p99 = max(cached, key=lambda row: row.cached.p99)
    uncached = min(campaigns, key=lambda row: row.uncached.rate)
    uncached_share = uncached.uncached.rate / limit.rate
    queries = max(row.queries for row in campaigns)
    cold = min(campaigns, key=lambda row: row.cold.rate)
    compressed = [row for row in cached if row.compressed]
    largest = max(compressed, key=lambda row: max(row.compressed.values()) / row.size)
    compressed_share = max(largest.compressed.values()) / largest.size
    return [
        cached_target(rows, limit),
        (
            uncached_share >= UNCACHED_SHARE and queries <= CAMPAIGN_QUERIES,
            f"uncached campaign page ≥ {UNCACHED_SHARE:.0%} of the trivial app's "
            f"req/s and ≤ {CAMPAIGN_QUERIES} queries, both languages: lowest "
            f"{uncached_share:.1%} ({uncached.uncached.rate:.0f} req/s, "
            f"{_name(uncached)}), most {queries} queries",
        ),
        (
            worst_p99.cached.p99 <= CACHED_P99_MS,
            f"cached p99 ≤ {CACHED_P99_MS:.0f} ms at {CONNECTIONS} clients: "
            f"highest {worst_p99.cached.p99:.2f} ms ({_name(worst_p99)})",
        ),
        (
            compressed_share <= COMPRESSED_SHARE,
            f"stored pages sent compressed (br, gzip) ≤ {COMPRESSED_SHARE:.0%} of "
            f"their bytes: largest {compressed_share:.0%} ({_name(largest)})",
        ),
        (
            None,  # measured, no target: the first render after a purge
            f"cold campaign render, nothing stored: "
            f"{cold.cold.rate / limit.rate:.1%} of the trivial app "
            f"({cold.cold.rate:.0f} req/s, {_name(cold)}), "
            f"{max(row.cold_queries for row in campaigns)} queries",
        ),
    ]


def _name(row):
    return f"{row.page.kind}, {row.page.language}"


PUBLISH_SECONDS = 1.0  # publishing a campaign, purge included, at 10× content


def scale_table(scale):
    """One row per screen: req/s and queries at each scale, then publishing."""
    factors = [step["factor"] for step in scale]
    columns = [
        "screen",
        "",
        *(f"{label} {f}×" for f in factors for label in ("req/s", "queries")),
    ]
    names = list(scale[0]["screens"])
    rows = [
        [
            name,
            "",
            *(
                cell
                for step in scale
                for cell in (
                    f"{step['screens'][name]['rate']:.0f}",
                    str(step["screens"][name]["queries"]),
                )
            ),
        ]
        for name in names
    ]
    rows.append(
        [
            "publish a campaign",
            "",
            *(
                cell
                for step in scale
                for cell in (
                    f"{step['publish']['seconds'] * 1000:.0f} ms",
                    str(step["publish"]["queries"]),
                )
            ),
        ]
    )
    return table(rows, None, columns=columns, cells=lambda row, _limit: row)


def scale_targets(scale):
    first = scale[0]["screens"]
    grown = [
        name
        for name in first
        if any(
            step["screens"][name]["queries"] > first[name]["queries"] for step in scale
        )
    ]
    ten = next(step for step in scale if step["factor"] == 10)
    publish = ten["publish"]["seconds"]
    return [
        (
            not grown,
            "no page or admin screen makes more queries at "
            + ", ".join(f"{step['factor']}×" for step in scale)
            + (f" content: grew: {', '.join(grown)}" if grown else " content"),
        ),
        (
            publish < PUBLISH_SECONDS,
            f"publishing a campaign, purge included, at 10× content < "
            f"{PUBLISH_SECONDS:.0f} s: {publish * 1000:.0f} ms",
        ),
    ]
