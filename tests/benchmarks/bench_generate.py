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
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from openpyxl import load_workbook

from ita_xl import xl
from ita_xl.build.workbooks import WORKBOOKS
from ita_xl.generate import generate_workbook
from ita_xl.reader import INPUT_SHEETS
from ita_xl.samples import SAMPLE_FILES
from ita_xl.sheets import ANALYSIS, MEASURES
from tests.xlwings_book import json_book, variant

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


def operations() -> None:
    print("xlwings operations (remote-engine actions) per generated sheet:")
    print(f"  {'sample':<28} {ANALYSIS:>12} {MEASURES:>10}  xlwings calls")
    with tempfile.TemporaryDirectory() as folder:
        for name in sorted(SAMPLE_FILES.values()):
            for arabic, history in ((False, False), (True, True)):
                source = variant(WORKBOOKS / "samples" / name, Path(folder), arabic=arabic, history=history)
                book = json_book(source)
                outcome = xl.generate(book)
                if not outcome.ok:
                    print(f"  {source.stem:<28} (stops: input errors, nothing written)")
                    continue
                per_sheet = Counter(a["sheet_position"] for a in book.json()["actions"])
                counts = [per_sheet[p] for p in range(len(INPUT_SHEETS), len(INPUT_SHEETS) + 2)]
                print(f"  {source.stem:<28} {counts[0]:>12} {counts[1]:>10}  {outcome.operations:>13}")


def main() -> None:
    operations()

    for units in (1, 1000):
        base = min(timed(load_and_save, units) for _ in range(2 if units == 1 else 1))
        ours = min(timed(generate_once, units) for _ in range(2 if units == 1 else 1))
        print(
            f"{units:>5} unit(s): generate+save {ours:8.2f} s, openpyxl load+save {base:8.2f} s, "
            f"ratio {ours / base:5.2f}x ({ours / units * 1000:.0f} ms a unit)"
        )


if __name__ == "__main__":
    main()
