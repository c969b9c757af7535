"""Validate a unit's workbook, then write the analysis and measures sheets into it.

Both targets run the same steps: read the input cells (``reader``), validate
(``validation``), build the report (``analysis``), describe the two sheets (``sheets``),
then hand the descriptions to an adapter: openpyxl for a file (here), xlwings for a live
book (``render_xlwings``). Input sheets are never written. A sheet is replaced only if it
carries ita-xl's marker; a user's own sheet of the same name stops the run.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ita_xl.core.analysis import Report, build_report
from ita_xl.core.errors import ItaError
from ita_xl.core.reader import ERROR, Finding, read
from ita_xl.core.sheets import (
    ANALYSIS,
    MARKER,
    MARKER_CELL,
    MEASURES,
    SheetSpec,
    analysis_sheet,
    measures_sheet,
)
from ita_xl.core.validation import validate
from ita_xl.xlsx.save import save_new

GENERATED = (ANALYSIS, MEASURES)


@dataclass
class Outcome:
    """What a run found and made."""

    findings: list[Finding]
    report: Report | None
    specs: tuple[SheetSpec, ...] = ()

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def ok(self) -> bool:
        return self.report is not None and not self.errors


def plan(
    grid: Callable[[str], Sequence[Sequence[Any]]],
    sheetnames: Sequence[str],
    marker_of: Callable[[str], Any],
    *,
    threshold: float | None = None,
) -> Outcome:
    """Everything up to writing: read, validate, check the target sheets, describe them."""
    result = read(grid, sheetnames)
    findings, framework, assessment = validate(result)
    for name in GENERATED:
        if name in sheetnames and marker_of(name) != MARKER:
            findings.append(
                Finding(
                    ERROR,
                    f"มีชีตชื่อ “{name}” อยู่แล้วและไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ ให้เปลี่ยนชื่อหรือย้ายชีตนั้นก่อน",
                    f"a sheet named {name!r} exists and was not made by ita-xl: not overwriting it",
                    name,
                    "A1",
                )
            )
    if any(f.severity == ERROR for f in findings) or assessment is None or framework is None:
        return Outcome(findings, None)
    report = build_report(result.inputs, framework, assessment, findings, threshold=threshold)
    return Outcome(findings, report, (analysis_sheet(report), measures_sheet(report)))


# --------------------------------------------------------------------------- files


def open_workbook(path: str | Path) -> Workbook:
    """Open an input workbook, or raise ``ItaError`` with one line saying why not."""
    source = Path(path)
    if not source.exists():
        raise ItaError(f"ไม่พบไฟล์ {source}", f"no such file: {source}")
    with source.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ItaError(
            f"{source.name} มีรหัสผ่านหรือเป็นไฟล์ .xls รุ่นเก่า: เอารหัสผ่านออกหรือบันทึกเป็น .xlsx ก่อน",
            f"{source.name} is password-protected or an old .xls: remove the password or save as .xlsx",
        )
    try:
        return load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ItaError(
            f"เปิด {source.name} ไม่ได้: ไม่ใช่ไฟล์ Excel (.xlsx/.xlsm) หรือไฟล์เสียหาย",
            f"cannot open {source.name}: not an Excel workbook or damaged ({type(exc).__name__})",
        ) from exc


def _grid(wb: Workbook) -> Callable[[str], list[list[Any]]]:
    return lambda name: [list(row) for row in wb[name].iter_rows(values_only=True)]


def _marker(wb: Workbook) -> Callable[[str], Any]:
    return lambda name: wb[name][MARKER_CELL].value


def check_workbook(wb: Workbook, *, threshold: float | None = None) -> Outcome:
    """Read, validate and describe without writing anything."""
    return plan(_grid(wb), wb.sheetnames, _marker(wb), threshold=threshold)


def generate_workbook(wb: Workbook, *, threshold: float | None = None) -> Outcome:
    """Write both sheets into an openpyxl workbook (replacing only ita-xl's own sheets)."""
    from ita_xl.xlsx.render import render

    outcome = check_workbook(wb, threshold=threshold)
    if not outcome.ok:
        return outcome
    for spec in outcome.specs:
        index = None
        if spec.name in wb.sheetnames:
            index = wb.sheetnames.index(spec.name)
            del wb[spec.name]
        render(wb, spec, index)
    wb.active = wb.sheetnames.index(ANALYSIS)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == ANALYSIS
    return outcome


def is_ours(path: Path) -> bool:
    """Whether an existing file is one ita-xl generated (it holds a marked sheet)."""
    try:
        wb = load_workbook(path, read_only=True)
    except Exception:
        return False
    try:
        return any(name in wb.sheetnames and wb[name][MARKER_CELL].value == MARKER for name in GENERATED)
    finally:
        wb.close()


def default_output(source: Path) -> Path:
    return source.with_name(f"{source.stem}_ITA{source.suffix}")


def generate_file(
    source: str | Path,
    output: str | Path | None = None,
    *,
    in_place: bool = False,
    threshold: float | None = None,
) -> tuple[Outcome, Path | None]:
    """Generate into a copy of ``source`` (or into it with ``in_place``), written atomically.

    The input file is never written unless ``in_place``; an existing output is replaced only
    if ita-xl made it.
    """
    source = Path(source)
    target = source if in_place else Path(output) if output else default_output(source)
    if not in_place and target.resolve() == source.resolve():
        raise ItaError(
            "ไฟล์ผลลัพธ์เป็นไฟล์เดียวกับไฟล์ต้นฉบับ: ใช้ --in-place ถ้าต้องการเขียนลงไฟล์เดิม",
            "the output is the input: use --in-place to write into it",
        )
    if target.suffix.lower() != source.suffix.lower():
        raise ItaError(
            f"ไฟล์ผลลัพธ์ต้องเป็นชนิด {source.suffix} เหมือนไฟล์ต้นฉบับ",
            f"the output must be a {source.suffix} file like the input",
        )
    wb = open_workbook(source)
    outcome = generate_workbook(wb, threshold=threshold)
    if not outcome.ok:
        return outcome, None
    replace = in_place or (target.exists() and is_ours(target))
    return outcome, save_new(wb, target, replace=replace)
