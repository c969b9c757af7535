"""Benchmark: rate every unit of a year (8,325 rows) in one =ITA_RATING() call.

The floor is a plain Python loop that applies the FY2568 scale inline (bands on the total,
then the all-tools conditions of the two top bands), written here without ita-xl's code.
It is checked to give the same levels as the function. Figures are ratios to that floor
in the same run (``tests.benchmarks.paired``). The Office.js call path (xlwings converting
the arguments) is printed for information; its cost is xlwings', not ita-xl's.

Run with ``python -m tox -e bench`` (or ``python -m tests.benchmarks.bench_udfs``).
"""

from __future__ import annotations

import asyncio
import os
import random
import time

os.environ.setdefault("XLWINGS_ON_SERVER", "true")
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

import xlwings as xw
from xlwings import server

from ita_xl import udfs
from tests.benchmarks.paired import line, paired

UNITS = 8325
YEAR = 2568
#: FY2568's tool weights (IIT, EIT part 1, EIT part 2, OIT), as the NACC publishes them.
WEIGHTS = (30, 15, 15, 40)


def units(count: int = UNITS, seed: int = 2568) -> tuple[list[list[float]], list[list[float]]]:
    """Reproducible 2-decimal tool scores and their weighted totals, one unit per row."""
    rng = random.Random(seed)
    tools, totals = [], []
    for _ in range(count):
        row = [rng.randint(6000, 10000) / 100 for _ in WEIGHTS]
        tools.append(row)
        # Σ score × weight / 100 in exact hundredths, then as the float Excel would hold.
        totals.append([sum(round(s * 100) * w for s, w in zip(row, WEIGHTS, strict=True)) / 10000])
    return totals, tools


def _hundredths(x: float) -> int:
    """x rounded half up to 2 decimals, in hundredths; exact for inputs with ≤ 4 decimals."""
    return (int(x * 10000 + 0.5) + 50) // 100


def plain_loop(totals: list[list[float]], tools: list[list[float]]) -> list[list[str]]:
    """The FY2568 scale, inline: 95-100 / 85-94.99 need every tool ≥ 95 or ≥ 85."""
    out = []
    for (total,), row in zip(totals, tools, strict=True):
        t = _hundredths(total)
        if t >= 8500:
            low = min(_hundredths(s) for s in row)
            if t >= 9500 and low >= 9500:
                level = "ผ่านดีเยี่ยม"
            elif low >= 8500:
                level = "ผ่านดี"
            else:
                level = "ผ่าน"
        elif t >= 7000:
            level = "ต้องปรับปรุง"
        else:
            level = "ต้องปรับปรุงโดยด่วน"
        out.append([level])
    return out


def main() -> None:
    totals, tools = units()

    def one_call() -> object:
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

    if one_call() != plain_loop(totals, tools):
        raise SystemExit("the floor and ITA_RATING disagree: fix the floor before timing it")
    print(f"ITA_RATING over {UNITS:,} units (FY{YEAR}) in one call, vs a plain loop with the rule inline:")
    result = paired(lambda: plain_loop(totals, tools), one_call, pairs=15)
    print(line("one ITA_RATING call, direct", result, 3.0))
    start = time.perf_counter()
    officejs()
    print(
        f"  (for information, one run: through xlwings' custom_functions_call {time.perf_counter() - start:.2f} s)"
    )


if __name__ == "__main__":
    main()
