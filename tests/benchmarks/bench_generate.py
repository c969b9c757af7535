"""Benchmark: the generator's cost, headless and as xlwings operations. Prints; asserts nothing.

* xlwings operations per generated sheet (actions of the remote engine, which are what
  Excel receives from xlwings Server; on desktop Excel a border is one call, not six).
* Generation time for one unit and for 1,000 units (in memory, one after another), each as
  a ratio to a plain openpyxl load-and-save of the same workbook.

Run with ``python -m tox -e bench`` or ``python -m tests.benchmarks.bench_generate``.
"""

from __future__ import annotations

import io
import os
import time
from collections import Counter

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from openpyxl import load_workbook

from ita_xl import xl
from ita_xl.build.workbooks import WORKBOOKS
from ita_xl.generate import generate_workbook
from ita_xl.reader import INPUT_SHEETS
from ita_xl.samples import SAMPLE_FILES
from ita_xl.sheets import ANALYSIS, MEASURES
from tests.xlwings_book import json_book

SAMPLE = WORKBOOKS / "samples" / SAMPLE_FILES["004"]


def load_and_save() -> None:
    wb = load_workbook(SAMPLE)
    wb.save(io.BytesIO())


def generate_once() -> None:
    wb = load_workbook(SAMPLE)
    assert generate_workbook(wb).ok
    wb.save(io.BytesIO())


def timed(function, times: int) -> float:
    start = time.perf_counter()
    for _ in range(times):
        function()
    return time.perf_counter() - start


def main() -> None:
    book = json_book(SAMPLE)
    outcome = xl.generate(book)
    per_sheet = Counter(a["sheet_position"] for a in book.json()["actions"])
    print("xlwings operations (remote-engine actions) for the seed-004 sample:")
    for position, name in enumerate((ANALYSIS, MEASURES), start=len(INPUT_SHEETS)):
        print(f"  {name:<12} {per_sheet[position]:4d}")
    print(f"  xlwings calls made by ita-xl: {outcome.operations}")

    for units in (1, 1000):
        base = min(timed(load_and_save, units) for _ in range(2 if units == 1 else 1))
        ours = min(timed(generate_once, units) for _ in range(2 if units == 1 else 1))
        print(
            f"{units:>5} unit(s): generate+save {ours:8.2f} s, openpyxl load+save {base:8.2f} s, "
            f"ratio {ours / base:5.2f}x ({ours / units * 1000:.0f} ms a unit)"
        )


if __name__ == "__main__":
    main()
