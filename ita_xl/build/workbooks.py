"""Build ``workbooks/ITA_template.xlsx`` and ``workbooks/samples/*.xlsx`` from the code.

The workbooks are never edited by hand: change ``ita_xl/xlsx/template.py`` (layout),
``ita_xl/frameworks/`` (rules) or ``ita_xl/core/samples.py`` (seed figures), then run::

    python -m ita_xl.build.workbooks            # rewrite the workbooks
    python -m ita_xl.build.workbooks --check    # exit 1 if a checked-in workbook drifted

``--check`` compares cell by cell (values, formulas, number formats, fonts, fills,
merges, data validation, column widths, row heights, frozen panes, defined names), not
zip bytes, which differ between otherwise identical saves.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook

from ita_xl.core.framework import latest_year, load_framework
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.xlsx.template import build_template, sample_workbook

WORKBOOKS = Path(__file__).resolve().parents[2] / "workbooks"
TEMPLATE_NAME = "ITA_template.xlsx"


def all_workbooks() -> dict[Path, Workbook]:
    """Every checked-in workbook, by its path relative to ``workbooks/``."""
    books = {Path(TEMPLATE_NAME): build_template(load_framework(latest_year()))}
    for seed, name in SAMPLE_FILES.items():
        books[Path("samples") / name] = sample_workbook(seed)
    return books


def _cell_facts(cell) -> tuple:
    return (
        cell.value,
        cell.number_format,
        cell.font.name,
        cell.font.sz,
        bool(cell.font.b),
        cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type else None,
        bool(cell.alignment.wrap_text),
    )


def differences(expected: Workbook, actual: Workbook, limit: int = 20) -> list[str]:
    """What differs between two workbooks, part by part; empty when they are the same."""
    found: list[str] = []

    def note(text: str) -> None:
        if len(found) < limit:
            found.append(text)

    if expected.sheetnames != actual.sheetnames:
        note(f"sheets {expected.sheetnames} != {actual.sheetnames}")
        return found
    names_e = {n: d.attr_text for n, d in expected.defined_names.items()}
    names_a = {n: d.attr_text for n, d in actual.defined_names.items()}
    if names_e != names_a:
        note(f"defined names {names_e} != {names_a}")
    for name in expected.sheetnames:
        e, a = expected[name], actual[name]
        rows = max(e.max_row, a.max_row)
        cols = max(e.max_column, a.max_column)
        for r in range(1, rows + 1):
            for c in range(1, cols + 1):
                fe, fa = _cell_facts(e.cell(r, c)), _cell_facts(a.cell(r, c))
                if fe != fa:
                    note(f"{name}!{e.cell(r, c).coordinate}: {fe} != {fa}")
        simple = {
            "merged cells": (
                sorted(map(str, e.merged_cells.ranges)),
                sorted(map(str, a.merged_cells.ranges)),
            ),
            "frozen panes": (e.freeze_panes, a.freeze_panes),
            "validation": (
                sorted(
                    (v.type, str(v.sqref), v.formula1, v.formula2) for v in e.data_validations.dataValidation
                ),
                sorted(
                    (v.type, str(v.sqref), v.formula1, v.formula2) for v in a.data_validations.dataValidation
                ),
            ),
            "column widths": (
                {k: d.width for k, d in e.column_dimensions.items()},
                {k: d.width for k, d in a.column_dimensions.items()},
            ),
            "row heights": (
                {k: d.height for k, d in e.row_dimensions.items() if d.height},
                {k: d.height for k, d in a.row_dimensions.items() if d.height},
            ),
            "page setup": (
                (e.page_setup.paperSize, e.page_setup.orientation, e.page_setup.fitToWidth),
                (a.page_setup.paperSize, a.page_setup.orientation, a.page_setup.fitToWidth),
            ),
        }
        for what, (ve, va) in simple.items():
            if ve != va:
                note(f"{name}: {what} differ: {ve} != {va}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ita_xl.build.workbooks", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a checked-in workbook drifted")
    parser.add_argument("--output", type=Path, default=WORKBOOKS)
    args = parser.parse_args(argv)
    drifted = 0
    for relative, book in all_workbooks().items():
        path = args.output / relative
        if args.check:
            if not path.exists():
                print(f"{path}: missing", file=sys.stderr)
                drifted += 1
                continue
            # Compare what was saved, as a reader sees it, with what the code builds now.
            fresh = path.with_suffix(".check.xlsx")
            book.save(fresh)
            try:
                diff = differences(load_workbook(fresh), load_workbook(path))
            finally:
                fresh.unlink()
            if diff:
                drifted += 1
                print(f"{path}: differs from the code:\n  " + "\n  ".join(diff), file=sys.stderr)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            book.save(path)
            print(f"wrote {path}")
    if drifted:
        print("run: python -m ita_xl.build.workbooks", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
