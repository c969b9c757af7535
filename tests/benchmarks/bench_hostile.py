"""Benchmark: validate and generate absurd files in bounded time (target: under 5 s each).

Run: python -m tests.benchmarks.bench_hostile. Prints the time of ``ita-xl validate``,
``ita-xl generate -o OUT`` (a new file), the same again (a rerun: OUT is ita-xl's output, read
and checked before it is replaced) and ``generate --in-place`` for a sample with a stray value
at XFD1048576, one at A1048576, and 100,000 rows in the history sheet, and the output's size
against the input's. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from ita_xl.cli import main
from ita_xl.core.layout import HISTORY, SCORES
from tests.hostile import sample_path

CASES = {
    "stray value at XFD1048576": lambda wb: wb[SCORES].__setitem__("XFD1048576", "x"),
    "stray value at A1048576": lambda wb: wb[HISTORY].__setitem__("A1048576", 2560),
    "100,000 history rows": lambda wb: [wb[HISTORY].append([2500, 90.0]) for _ in range(100_000)],
}


def main_() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name, change in CASES.items():
            wb = load_workbook(sample_path("004"))
            change(wb)
            source = Path(folder) / "unit.xlsx"
            wb.save(source)
            output = Path(folder) / "out.xlsx"
            output.unlink(missing_ok=True)
            timings = []
            runs = {
                "validate": ["validate", str(source)],
                "generate": ["generate", str(source), "-o", str(output)],
                "rerun": ["generate", str(source), "-o", str(output)],
            }
            for label, argv in runs.items():
                start = time.perf_counter()
                code = main(argv)
                timings.append(f"{label} {time.perf_counter() - start:.2f} s (exit {code})")
            size = f"output {output.stat().st_size:,} B, input {source.stat().st_size:,} B"
            start = time.perf_counter()
            code = main(["generate", str(source), "--in-place"])
            timings.append(f"in place {time.perf_counter() - start:.2f} s (exit {code})")
            print(f"{name}: {', '.join(timings)}; {size}", flush=True)


if __name__ == "__main__":
    main_()
