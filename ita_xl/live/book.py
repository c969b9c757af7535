"""The live-workbook target: ``generate(book)`` and the button macro ``main()``.

``generate`` reads the open workbook through the xlwings Book API (one read per input
sheet), runs the same validation and report as the headless generator, and renders the
same sheet descriptions with ``render_xlwings``. ``main`` is what the ribbon button and
``RunPython`` call: it works on the workbook the user is in and reports with Excel alerts,
in Thai; an unexpected failure becomes an alert with a short message and a log file path.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ita_xl.core.checks import CHECKS
from ita_xl.core.figures import format_number
from ita_xl.core.memo import MEMO
from ita_xl.core.pipeline import READ_COLUMNS, READ_ROWS, Outcome, plan
from ita_xl.core.sheets import ANALYSIS, MARKER_CELL, MEASURES
from ita_xl.live.render import render, sets_page_breaks

LOG_FILE = Path(tempfile.gettempdir()) / "ita-xl.log"
ALERT_LINES = 15


@dataclass
class BookOutcome(Outcome):
    operations: int = 0
    #: Generated sheets edited by hand, kept, and the new sheet written beside each.
    beside: dict[str, str] = field(default_factory=dict)


def free_name(name: str, taken: set[str]) -> str:
    """``name (2)``, ``name (3)`` ...: the first not in ``taken`` (Excel's own copy names)."""
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def _grid(book: Any):
    def read(name: str) -> list[list[Any]]:
        sheet = book.sheets[name]
        last = sheet.used_range.last_cell  # bounded: a stray value at XFD1048576 is not read
        rows, columns = min(last.row, READ_ROWS), min(last.column, READ_COLUMNS)
        return sheet.range((1, 1), (rows, columns)).options(ndim=2).value

    return read


def generate(book: Any, *, threshold: float | None = None) -> BookOutcome:
    """Validate ``book`` and write the generated sheets into it (memo, analysis, measures, checks).

    A generated sheet that was edited by hand since ita-xl wrote it is kept as it is; the new
    sheet goes beside it as ``name (2)`` (``BookOutcome.beside``), never over the edits.
    """
    names = [sheet.name for sheet in book.sheets]
    outcome = plan(
        _grid(book),
        names,
        lambda name: book.sheets[name][MARKER_CELL].value,
        threshold=threshold,
        paged=sets_page_breaks(book),
    )
    result = BookOutcome(outcome.findings, outcome.report, outcome.specs, outcome.edited)
    if not outcome.ok:
        return result
    edited = {
        *outcome.edited,
        *(s.name for s in outcome.specs if s.name in names and hand_added(book.sheets[s.name])),
    }
    specs = []
    for spec in outcome.specs:
        if spec.name in edited:
            new_name = free_name(spec.name, set(names))
            result.beside[spec.name] = new_name
            spec = dataclasses.replace(spec, name=new_name)
        elif spec.name in names:
            book.sheets[spec.name].delete()
            result.operations += 1
        specs.append(spec)
    for spec in specs:
        result.operations += render(book, spec, after=book.sheets[len(book.sheets) - 1])
    book.sheets[specs[0].name].activate()
    result.operations += 1
    return result


#: Shape types ita-xl's own chart may be listed as: desktop Excel lists a chart among a sheet's
#: Shapes (msoChart, xlwings "chart"); Office.js' Excel.ShapeType (ExcelApi 1.9) has no chart
#: member (GeometricShape, Group, Image, Line, Unsupported), so a chart it listed would be
#: "Unsupported". Any other shape (a picture, text box, line, group) a user put there.
_OWN_SHAPES = ("chart", "Unsupported")


def hand_added(sheet: Any) -> bool:
    """Whether a generated sheet holds a picture, shape or note a user added (a pasted seal or
    signature, a text box, a reviewer's note). The values' digest cannot see these, and deleting
    the sheet would lose them, so the sheet counts as edited (as ``ita_xl.xlsx.workbook.hand_added``
    does for files). An engine that cannot list one kind (notes before ExcelApi 1.18) skips it."""
    for found in (
        lambda: len(sheet.pictures) > 0,
        lambda: any(shape.type not in _OWN_SHAPES for shape in sheet.shapes),
        lambda: len(sheet.notes) > 0,
    ):
        try:
            if found():
                return True
        except (AttributeError, NotImplementedError):
            continue
    return False


def bind_formulas(book: Any) -> int:
    """Re-enter the template's ``=ITA_…()`` formulas so Excel binds them to the loaded functions.

    Excel keeps a custom-function formula that was in a file before the add-in registered
    its functions at ``#NAME?`` until the cell is re-entered, and recalculating does not
    help (OfficeDev/office-js issues 6611 and 4185); a file written by openpyxl is such a
    file for xlwings Lite. Formulas set through the API (Office.js ``range.formulas``) are
    bound, and are dynamic-array formulas, so they also show without ``@``.

    Only cells of the year's template that call an ``ITA_…`` function are written, and only
    while they show an error or nothing: a cell that holds a value the user typed over the
    formula is kept. Returns how many cells were re-entered.
    """
    from openpyxl.utils.cell import coordinate_from_string

    from ita_xl.core.errors import ItaError
    from ita_xl.core.figures import parse_number
    from ita_xl.core.framework import available_years
    from ita_xl.core.layout import UNIT, UNIT_FIELDS
    from ita_xl.xlsx.template import ita_formulas

    address = f"B{UNIT_FIELDS['fiscal_year']}"
    year = parse_number(book.sheets[UNIT][address].value)
    if year is None or year not in available_years():
        raise ItaError(
            f"ปีงบประมาณในชีต {UNIT}!{address} ไม่มีเกณฑ์ของปีนั้น", f"{UNIT}!{address}: no rules for that year"
        )
    formulas = ita_formulas(int(year))
    count = 0
    for sheet_name, cells in formulas.items():
        sheet = book.sheets[sheet_name]
        runs: dict[str, list[tuple[int, str]]] = {}
        for address, formula in cells.items():
            value = sheet[address].value
            if value is None or (isinstance(value, str) and value.startswith("#")):
                column, row = coordinate_from_string(address)
                runs.setdefault(column, []).append((row, formula))
        for column, items in runs.items():
            for run in _runs(sorted(items)):
                first, last = run[0][0], run[-1][0]
                sheet.range(f"{column}{first}:{column}{last}").formula = [[f] for _, f in run]
                count += len(run)
    return count


def _runs(items: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Consecutive rows together, so a column's formulas go in one call per run."""
    runs: list[list[tuple[int, str]]] = []
    for item in items:
        if runs and runs[-1][-1][0] == item[0] - 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def summary_th(outcome: Outcome) -> str:
    """The alert text for a finished run."""
    assessment = outcome.report.assessment
    total = assessment.total
    beside = getattr(outcome, "beside", {})
    made = " ".join(f"“{beside.get(name, name)}”" for name in (MEMO, ANALYSIS)) + (
        f" และ “{beside.get(MEASURES, MEASURES)}”"
    )
    lines = [
        f"สร้างชีต {made} แล้ว",
        *(
            f"ชีต “{old}” ถูกแก้ไขหลังจากสร้าง จึงเก็บไว้ตามเดิม และเขียนรายงานใหม่ในชีต “{new}”"
            for old, new in beside.items()
        ),
        f"คะแนนรวม {format_number(total.value) if total.value is not None else 'ยังไม่สิ้นสุด'}",
    ]
    if assessment.rating is not None:
        lines.append(f"ระดับ {assessment.rating.level}")
    if outcome.warnings:
        lines.append(f"มีข้อสังเกต {len(outcome.warnings)} รายการ ดูชีต “{CHECKS}”")
    if outcome.notes:  # reminders, not problems (the closing lists left as the template's)
        lines.append(f"มีหมายเหตุ {len(outcome.notes)} รายการ ดูชีต “{CHECKS}”")
    return "\n".join(lines)


def errors_th(outcome: Outcome) -> str:
    """The alert text when errors stop the run: each error with its cell."""
    lines = [f.line() for f in outcome.errors]
    if len(lines) > ALERT_LINES:
        lines = [*lines[:ALERT_LINES], f"และอีก {len(lines) - ALERT_LINES} รายการ"]
    return "ยังสร้างรายงานไม่ได้ แก้ไขข้อต่อไปนี้ก่อน:\n" + "\n".join(lines)


def user_book() -> Any:
    """The workbook the user is in: from an add-in, ``Book.caller()`` is the add-in itself."""
    import xlwings as xw

    book = xw.Book.caller()
    if book.name.lower().endswith((".xlam", ".xla")):
        return xw.books.active
    return book


def main() -> None:
    """The button: generate into the workbook the user is in, and say how it went."""
    book = user_book()
    try:
        outcome = generate(book)
    except Exception:
        details = traceback.format_exc()
        logging.getLogger("ita_xl").error("generation failed\n%s", details)
        with LOG_FILE.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.datetime.now().isoformat()} generation failed\n{details}\n")
        book.app.alert(
            f"เกิดข้อผิดพลาดที่ไม่คาดคิด ยังไม่ได้สร้างรายงาน\nรายละเอียดอยู่ในไฟล์ {LOG_FILE}",
            title="ita-xl",
        )
        return
    if outcome.errors or outcome.report is None:
        book.app.alert(errors_th(outcome), title="ita-xl: พบข้อผิดพลาด")
    else:
        book.app.alert(summary_th(outcome), title="ita-xl")
