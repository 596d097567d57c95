"""Figures from the statistics locust saves with --json-file, read after the run.

Locust's CSV files are written every few seconds and may miss the requests made
in the run's last moments; the JSON file is written once every user has stopped.
"""

import json
from dataclasses import dataclass

TOTAL = "all requests"


@dataclass
class Figures:
    name: str
    requests: int
    failures: int
    response_times: dict  # milliseconds, rounded as locust rounds them -> count
    first: float  # when the first request started (epoch seconds)
    last: float  # when the last one ended

    def percentile(self, fraction):
        """The response time (ms) that this fraction of requests did not exceed."""
        wanted = fraction * sum(self.response_times.values())
        seen = 0
        for time in sorted(self.response_times):
            seen += self.response_times[time]
            if seen >= wanted:
                return time
        return 0

    @property
    def per_second(self):
        return self.requests / max(self.last - self.first, 1e-9)


def read(path):
    """Figures for each request name, then for all requests together."""
    rows = [
        Figures(
            name=entry["name"],
            requests=entry["num_requests"],
            failures=entry["num_failures"],
            response_times={
                int(float(time)): count
                for time, count in entry["response_times"].items()
            },
            first=entry["start_time"],
            last=entry["last_request_timestamp"] or entry["start_time"],
        )
        for entry in json.loads(path.read_text())
    ]
    rows.sort(key=lambda row: row.name)
    total = Figures(
        TOTAL, 0, 0, {}, min(r.first for r in rows), max(r.last for r in rows)
    )
    for row in rows:
        total.requests += row.requests
        total.failures += row.failures
        for time, count in row.response_times.items():
            total.response_times[time] = total.response_times.get(time, 0) + count
    return rows + [total]
