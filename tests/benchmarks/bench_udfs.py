"""Benchmark: rate every unit of a year (8,325 rows) in one =ITA_RATING() call.

Reports the time of one spilled call, directly and through xlwings' Office.js call path
(argument conversion included), against a plain Python loop over the core's ``rate``.
Run with ``python -m tox -e bench`` (or ``python -m tests.benchmarks.bench_udfs``).
It prints numbers and asserts nothing about time: machines differ.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import xlwings as xw
from xlwings import server

from ita_xl import udfs
from ita_xl.framework import load_framework
from ita_xl.scoring import rate, weighted_total

UNITS = 8325
YEAR = 2568


def units(count: int = UNITS, seed: int = 2568) -> tuple[list[list[float]], list[list[float]]]:
    """Reproducible tool scores and totals, one unit per row."""
    rng = random.Random(seed)
    fw = load_framework(YEAR)
    tools, totals = [], []
    for _ in range(count):
        row = [round(rng.uniform(60, 100), 2) for _ in fw.tools]
        tools.append(row)
        totals.append([weighted_total(dict(zip([t.code for t in fw.tools], row, strict=True)), fw).value])
    return totals, tools


def best_of(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    fw = load_framework(YEAR)
    codes = [t.code for t in fw.tools]
    totals, tools = units()

    def loop() -> list[str]:
        return [
            rate(total[0], fw, dict(zip(codes, row, strict=True))).level
            for total, row in zip(totals, tools, strict=True)
        ]

    def one_call() -> list[list[str]]:
        return udfs.ITA_RATING(totals, tools, YEAR)

    data = {
        "func_name": "ITA_RATING",
        "args": [totals, tools, [[YEAR]], [[None]]],
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
    }

    def officejs() -> object:
        return asyncio.run(server.custom_functions_call(data, udfs))

    assert [row[0] for row in one_call()] == loop()
    base = best_of(loop)
    print(f"rate {UNITS:,} units (FY{YEAR}), best of 5:")
    print(f"  plain Python loop over scoring.rate   {base * 1000:8.1f} ms   1.00x")
    for name, function in [
        ("one ITA_RATING call, direct", one_call),
        ("one call via custom_functions_call", officejs),
    ]:
        seconds = best_of(function)
        print(f"  {name:<37} {seconds * 1000:8.1f} ms   {seconds / base:4.2f}x")
    per_row = statistics.mean([best_of(one_call, 1) for _ in range(3)]) / UNITS
    print(f"  per row in one call: {per_row * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
