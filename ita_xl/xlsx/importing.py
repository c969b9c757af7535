"""``ita-xl import``: fill a template file from a result text, PDF or HTML page (openpyxl).

The plan is the core's (``ita_xl.core.importing``); this adapter reads the workbook for it,
writes the cells it fills (blank cells only) and the report into the paste sheet's report
column, and saves like ``ita-xl generate``: atomically, and never over a file the user made
(an existing output is replaced only if it is ita-xl's unchanged output of the same import).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment

from ita_xl.core.errors import ItaError
from ita_xl.core.framework import available_years, latest_year, load_framework
from ita_xl.core.importing import ImportPlan, plan_text, text_year
from ita_xl.core.layout import PASTE, PASTE_REPORT_COLUMN
from ita_xl.core.reader import WARNING, Finding
from ita_xl.resultfile import check_suffix, read_text
from ita_xl.xlsx.keep import dropped_content
from ita_xl.xlsx.save import destination
from ita_xl.xlsx.template import build_template
from ita_xl.xlsx.workbook import _grid, check_output, check_output_name, open_workbook, save_output


def import_into(wb: Workbook, text: str, year: int | None = None) -> ImportPlan:
    """Plan the import of ``text`` into ``wb`` and, if it can be done, write it."""
    plan = plan_text(text, _grid(wb), wb.sheetnames, year)
    if plan.ok:
        write_plan(wb, plan)
    return plan


def write_plan(wb: Workbook, plan: ImportPlan) -> None:
    """The planned cells (all blank: the plan never writes over a typed cell) and the report."""
    for sheet, cells in plan.writes().items():
        ws = wb[sheet]
        for address, value in cells.items():
            ws[address].value = value
    if PASTE in wb.sheetnames:
        write_report(wb[PASTE], plan.lines())


def write_report(ws: Any, lines: list[str]) -> None:
    """The report column of the paste sheet: the old report cleared, one line per row."""
    column = PASTE_REPORT_COLUMN
    for row in range(2, ws.max_row + 1):
        ws[f"{column}{row}"].value = None
    for row, line in enumerate(lines, start=2):
        cell = ws[f"{column}{row}"]
        cell.value = line
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def check_year(year: int | None) -> None:
    if year is not None and year not in available_years():
        years = ", ".join(map(str, available_years()))
        raise ItaError(f"ไม่มีเกณฑ์ของปีงบประมาณ {year} (มีปี {years})", f"no rules for FY{year} ({years})")


def import_target(result: Path, output: str | None, into: str | None, in_place: bool) -> Path:
    """The file to write, checked before any work (the rules of ``generate``)."""
    check_suffix(result)
    if into is None:
        if in_place:
            raise ItaError("--in-place ใช้ได้กับ --into เท่านั้น", "--in-place needs --into")
        target = Path(output) if output else result.with_suffix(".xlsx")
        if target.suffix.lower() != ".xlsx":
            raise ItaError(
                f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx (ไม่ใช่ “{target.suffix or 'ไม่มีนามสกุล'}”)",
                f"the output must end in .xlsx, not {target.suffix or 'no extension'!r}",
            )
        return target
    source = Path(into)
    default = source.with_name(
        f"{source.stem}_import{'.xlsm' if source.suffix.lower() == '.xlsm' else '.xlsx'}"
    )
    target = check_output_name(source, output or (None if in_place else default), in_place)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ItaError("ไฟล์ผลลัพธ์ต้องเป็นไฟล์ Excel (.xlsx)", "the output must be an Excel workbook")
    return target


def import_file(
    result: str | Path,
    *,
    year: int | None = None,
    output: str | None = None,
    into: str | None = None,
    in_place: bool = False,
    force: bool = False,
) -> tuple[ImportPlan, Path | None, list[Finding]]:
    """Read a result file and write a filled template: a new one for the year, or a copy of
    ``into`` (``into`` itself with ``in_place``). Nothing is written when the plan has an error."""
    result = Path(result)
    target = import_target(result, output, into, in_place)
    check_year(year)
    source_id = f"ita-xl import {result.resolve()}" + (f" into {Path(into).resolve()}" if into else "")
    if not (in_place or force):
        check_output(destination(target), source_id)
    text = read_text(result)
    if into is None:
        chosen = year if year is not None else text_year(text, latest_year())
        check_year(chosen)  # a year the text names may have no rules
        wb = build_template(load_framework(chosen))
    else:
        wb = open_workbook(into)
    losses = _losses(into, target, in_place)
    plan = import_into(wb, text, year)
    if not plan.ok:
        return plan, None, []
    return plan, save_output(wb, target, source_id), losses


def _losses(into: str | None, target: Path, in_place: bool) -> list[Finding]:
    """What openpyxl cannot copy from ``into`` (pictures, shapes ...): refused in place."""
    lost = dropped_content(Path(into)) if into else []
    if lost and in_place:
        raise ItaError(
            f"ไฟล์ {Path(into).name} มี{', '.join(k.th for k in lost)} ซึ่งจะหายถ้าเขียนลงไฟล์เดิม: "
            "ไม่ได้แก้ไขไฟล์ ให้ใช้ -o ชื่อไฟล์ใหม่.xlsx แทน --in-place",
            f"{Path(into).name} holds {', '.join(k.en for k in lost)} that writing in place would drop",
        )
    if not lost:
        return []
    return [
        Finding(
            WARNING,
            f"{', '.join(k.th for k in lost)} ในไฟล์ต้นฉบับไม่ได้คัดลอกไปยัง {target.name} (ไฟล์ต้นฉบับยังมีครบ)",
            f"{', '.join(k.en for k in lost)} of the input are not in {target.name}",
        )
    ]
