"""A workbook file as the JSON book that xlwings' remote engine works on (``xw.Book(json=...)``)."""

from __future__ import annotations

from pathlib import Path

import xlwings as xw
from openpyxl import load_workbook


def book_json(path: str | Path) -> dict:
    """Sheet values from A1 as Excel would send them (formulas as text: the reader never reads them)."""
    wb = load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        values = [list(row) for row in ws.iter_rows(values_only=True)] or [[]]
        sheets.append(
            {
                "name": ws.title,
                "values": values,
                "pictures": [],
                "shapes": [],
                "charts": [],
                "notes": [],
                "tables": [],
                "print_area": None,
                "show_gridlines": True,
                "pivot_tables": [],
                "visibility": "Visible",
            }
        )
    return {
        "client": "Office.js",
        "version": xw.__version__,
        "book": {"name": Path(path).name, "active_sheet_index": 0, "selection": "A1"},
        "sheets": sheets,
        "names": [],
    }


def json_book(path: str | Path) -> xw.Book:
    return xw.Book(json=book_json(path))


def variant(source: str | Path, folder: Path, *, arabic: bool = False, history: bool = False) -> Path:
    """A copy of a sample workbook asking for Arabic digits, or with two earlier years' totals."""
    wb = load_workbook(source)
    if arabic:
        wb["หน่วยงาน"]["B9"] = "ไม่ใช่"
    if history:
        fiscal_year = int(wb["หน่วยงาน"]["B8"].value)  # earlier years come before the assessed one
        pairs = [(fiscal_year - 2, 90.12), (fiscal_year - 1, 95.5)]
        for row, (year, total) in zip(range(7, 9), pairs, strict=True):
            wb["ประวัติ"][f"A{row}"], wb["ประวัติ"][f"B{row}"] = year, total
    target = (
        folder / f"{Path(source).stem}-{'arabic' if arabic else 'thai'}{'-history' if history else ''}.xlsx"
    )
    wb.save(target)
    return target
