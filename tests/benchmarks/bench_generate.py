"""Benchmark: the generator's cost, as ratios to openpyxl's own load+save of the same file.

* One unit's generation in-process (load the sample, validate, build, render both sheets,
  save to memory) against ``openpyxl.load_workbook`` + ``save`` of the same file.
* The ``ita-xl generate`` process against a ``python -c`` that imports openpyxl, loads and
  saves the same file (both start a fresh interpreter, so both pay their imports).
* xlwings operations per generated sheet (actions of the remote engine, which are what
  Excel receives from xlwings Server; on desktop Excel a border is one call, not six).

Figures are medians of paired runs (``tests.benchmarks.paired``). Prints; asserts nothing.
Run with ``python -m tox -e bench`` or ``python -m tests.benchmarks.bench_generate``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from openpyxl import load_workbook

from ita_xl.build.workbooks import WORKBOOKS
from ita_xl.core.reader import INPUT_SHEETS
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import ANALYSIS, MEASURES
from ita_xl.live import book as xl
from ita_xl.xlsx.workbook import generate_workbook
from tests.benchmarks.paired import line, paired
from tests.xlwings_book import json_book, variant

SAMPLE = WORKBOOKS / "samples" / SAMPLE_FILES["004"]
#: Operations per generated sheet the live-book target may send (issue 13).
OPERATIONS_TARGET = 60
FLOOR_SCRIPT = "import sys; from openpyxl import load_workbook; load_workbook(sys.argv[1]).save(sys.argv[2])"


def load_and_save() -> None:
    wb = load_workbook(SAMPLE)
    wb.save(io.BytesIO())


def generate_once() -> None:
    wb = load_workbook(SAMPLE)
    if not generate_workbook(wb).ok:
        raise SystemExit(f"{SAMPLE.name} no longer generates")
    wb.save(io.BytesIO())


def operations() -> None:
    print(f"xlwings operations (remote-engine actions) per generated sheet, target <= {OPERATIONS_TARGET}:")
    print(f"  {'sample':<28} {ANALYSIS:>12} {MEASURES:>10}  xlwings calls")
    worst = 0
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
                worst = max(worst, *counts)
                print(f"  {source.stem:<28} {counts[0]:>12} {counts[1]:>10}  {outcome.operations:>13}")
    verdict = "meets" if worst <= OPERATIONS_TARGET else f"MISSES by {worst - OPERATIONS_TARGET}"
    print(f"  most operations on one sheet: {worst}: {verdict}")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("ita-xl")
    return [str(script)] if script.exists() else [shutil.which("ita-xl") or "ita-xl"]


def processes(folder: Path) -> None:
    out = folder / "out.xlsx"

    def run(argv: list[str]) -> None:
        out.unlink(missing_ok=True)
        code = subprocess.run(argv, stdout=subprocess.DEVNULL).returncode
        if code not in (0, 1):  # 1: written, with warnings to read (seed 004 has some)
            raise SystemExit(f"{argv[0]} exited {code}")

    floor = [sys.executable, "-c", FLOOR_SCRIPT, str(SAMPLE), str(out)]
    subject = [*_command(), "generate", str(SAMPLE), "-o", str(out)]
    result = paired(lambda: run(floor), lambda: run(subject), pairs=7)
    print(line("`ita-xl generate` process", result, 1.3))


def main() -> None:
    operations()
    print("Generation vs openpyxl load+save of the same file (median of paired runs):")
    print(line("one unit in-process (seed 004)", paired(load_and_save, generate_once, pairs=11), 1.5))
    with tempfile.TemporaryDirectory() as folder:
        processes(Path(folder))


if __name__ == "__main__":
    main()
