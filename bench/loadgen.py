"""wrk: installing it when missing, running it and reading its report."""

import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass

from . import BenchError, warn

THREADS = 2
CONNECTIONS = 8
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors:.*")


@dataclass
class Measurement:
    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float  # milliseconds


def ensure_wrk():
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "wrk"]
        if subprocess.run(install, env=env, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
            subprocess.run(install, env=env, check=False)
        path = shutil.which("wrk")
        if path:
            return path
    raise BenchError(
        "The bench needs wrk (https://github.com/wg/wrk): install it with "
        "`sudo apt-get install wrk` (Debian, Ubuntu) or `brew install wrk` (macOS)."
    )


def run_wrk(wrk, url, seconds):
    command = [
        wrk,
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--latency",
        url,
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=False
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish on {url}") from None
    if done.returncode != 0:
        raise BenchError(f"wrk failed on {url}:\n{done.stdout}{done.stderr}")
    return parse(done.stdout, url)


def parse(report, url):
    non_2xx = NON_2XX.search(report)
    if non_2xx:
        raise BenchError(f"{url} gave {non_2xx.group(1)} error responses:\n{report}")
    rate = RATE.search(report)
    percentiles = {
        share: float(value) * UNITS_MS[unit]
        for share, value, unit in PERCENTILE.findall(report)
    }
    if not rate or set(percentiles) != {"50", "99"}:
        raise BenchError(f"Could not read wrk's report on {url}:\n{report}")
    errors = SOCKET_ERRORS.search(report)
    if errors:
        warn(f"{url}: {errors.group(0)}")
    return Measurement(float(rate.group(1)), percentiles["50"], percentiles["99"])


def median(measurements):
    return Measurement(
        statistics.median(m.rate for m in measurements),
        statistics.median(m.p50 for m in measurements),
        statistics.median(m.p99 for m in measurements),
    )
