"""The follow-up of the measures in a file (openpyxl): the tracking sheet and the progress report.

``track`` creates or refreshes the tracking sheet (ติดตามมาตรการ) of a workbook from a
generated measures sheet, in the same workbook or in last year's; ``report`` writes the
progress report's sheets for a round. ``progress_file`` is the ``ita-xl progress`` command.

What the user made is never overwritten: the tracking sheet is rewritten from its own values
(``ita_xl.core.tracking.read_tracking`` stops where something would be lost) with the formats,
links and notes staff put on its rows carried along (``ita_xl.xlsx.carry``); a sheet
of the same name that ita-xl did not make stops the run; a report sheet edited since ita-xl
wrote it (its digest, ``ita_xl.core.pipeline``) is replaced only with ``force``.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.core.errors import ItaError
from ita_xl.core.layout import UNIT
from ita_xl.core.pipeline import READ_COLUMNS, READ_ROWS, sheet_edited, with_digest
from ita_xl.core.progress import PROGRESS, build_progress, progress_sheets, without_unit
from ita_xl.core.reader import WARNING, Finding, read_unit
from ita_xl.core.sheets import MARKER, MARKER_CELL, MEASURES, SheetSpec
from ita_xl.core.tracking import (
    HEADER_ROW,
    TRACKING,
    MeasuresSheet,
    check_measure_columns,
    check_rows,
    check_unseen,
    check_year,
    marker_moved,
    placed,
    read_measures,
    read_tracking,
    recorded_ids,
    refresh,
    row_moves,
    tracking_sheet,
    written_heights,
)
from ita_xl.core.wording import say
from ita_xl.xlsx.carry import Rows, carry, uncarried
from ita_xl.xlsx.keep import dropped_content
from ita_xl.xlsx.render import render
from ita_xl.xlsx.save import destination
from ita_xl.xlsx.workbook import _check_source, _grid, open_workbook, save_output


def _not_ours(name: str) -> ItaError:
    return ItaError(
        f"มีชีตชื่อ “{name}” อยู่แล้วและไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ ให้เปลี่ยนชื่อหรือย้ายชีตนั้นก่อน",
        f"a sheet named {name!r} exists and was not made by ita-xl: not overwriting it",
    )


def _replace(wb: Workbook, spec: SheetSpec, after: str | None = None) -> None:
    """Put ``spec`` where the sheet of its name is, or after ``after``, or at the end."""
    index = None
    if spec.name in wb.sheetnames:
        index = wb.sheetnames.index(spec.name)
        del wb[spec.name]
    elif after in wb.sheetnames:
        index = wb.sheetnames.index(after) + 1
    render(wb, spec, index)


def _nothing_unseen(ws: Worksheet) -> None:
    """Stop before a refresh would lose a value beyond the rows and columns the core reads."""
    cells = getattr(ws, "_cells", {}).items()
    check_unseen(((r, c, cell.value) for (r, c), cell in cells), READ_ROWS, READ_COLUMNS)


def _read_existing(wb: Workbook, measures: MeasuresSheet):
    """The tracking sheet as it is: (grid, sheet, rows), after every check that stops a refresh
    that would lose something (``read_tracking``, ``check_measure_columns``)."""
    grid = _grid(wb)(TRACKING)
    if wb[TRACKING][MARKER_CELL].value != MARKER:
        raise marker_moved(grid, MARKER) or _not_ours(TRACKING)
    _nothing_unseen(wb[TRACKING])
    sheet, existing = read_tracking(grid)
    check_year(sheet, measures, say("tracking.other_year_file"))
    check_measure_columns(grid, measures, existing)
    return grid, sheet, existing


def track(wb: Workbook, source: Workbook | None = None) -> list[Finding]:
    """Create or refresh ``wb``'s tracking sheet from the measures sheet of ``source`` (or of
    ``wb``); every value typed in the tracking sheet is kept, and what staff made on its rows
    (formatting, links, notes) goes with the rows (``ita_xl.xlsx.carry``). Returns the rules'
    warnings."""
    source = source if source is not None else wb
    if MEASURES not in source.sheetnames:
        raise ItaError(
            f"ไม่พบชีต “{MEASURES}”: สร้างรายงานด้วย ita-xl generate ก่อน หรือเลือกไฟล์ผลลัพธ์ของปีที่แล้ว",
            f"no sheet {MEASURES!r}: generate the report first, or choose last year's output",
        )
    measures = read_measures(_grid(source)(MEASURES))
    moved: list[Finding] = []
    if TRACKING not in wb.sheetnames:
        _replace(wb, tracking_sheet(measures, refresh(measures), measures.thai), MEASURES)
    else:
        grid, sheet, existing = _read_existing(wb, measures)
        rows = refresh(measures, existing, recorded_ids(grid))
        old, moves = wb[TRACKING], row_moves(grid, rows)
        uncarried(old, moves, TRACKING)
        spec = tracking_sheet(measures, rows, measures.thai)
        _replace(wb, spec, MEASURES)
        ends = (max((row.row for row in existing), default=HEADER_ROW), max(placed(rows), default=HEADER_ROW))
        carry(old, wb[TRACKING], Rows(moves, *ends), spec, written_heights(grid, sheet, existing))
        if any(old_row != new_row for old_row, new_row in moves.items()) or len(moves) < ends[0]:
            moved = _formulas_into(wb)
    _carry_unit(wb, source)
    return [*moved, *check_rows(read_tracking(_grid(wb)(TRACKING))[1], measures.year)]


def _carry_unit(wb: Workbook, source: Workbook) -> None:
    """A tracking workbook apart from the measures' workbook gets a copy of that workbook's unit
    sheet (values and formats), once: the progress memo reads its office, preparer and approval
    chain there (``read_unit``), as the analysis memo reads them, and a report written from the
    tracking workbook alone (``--in-place``, ``-o REPORT.docx``) has them too (Thai review, round
    8, item 6: the memo printed blank names). Staff correct the names there for the year of the
    report; a unit sheet already in ``wb`` is theirs and is kept as it is."""
    if wb is source or UNIT in wb.sheetnames or UNIT not in source.sheetnames:
        return
    old, new = source[UNIT], wb.create_sheet(UNIT)
    for row in old.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            target = new.cell(cell.row, cell.column, cell.value)
            if cell.has_style:  # a style's index belongs to its workbook: copy its parts
                target.font, target.fill, target.border = copy(cell.font), copy(cell.fill), copy(cell.border)
                target.alignment, target.protection = copy(cell.alignment), copy(cell.protection)
                target.number_format = cell.number_format
    for key, dim in old.column_dimensions.items():
        new.column_dimensions[key].width = dim.width
    for key, dim in old.row_dimensions.items():
        new.row_dimensions[key].height = dim.height
    for merged in old.merged_cells.ranges:
        new.merge_cells(str(merged))
    for validation in old.data_validations.dataValidation:
        new.add_data_validation(copy(validation))
    new.freeze_panes = old.freeze_panes


def unit_of(wb: Workbook, other: Workbook | None = None):
    """The unit's fields for the progress memo: the unit sheet of ``wb`` (the book with the
    tracking sheet), else of ``other`` (the measures' workbook); None when neither has one."""
    for book in (wb, other):
        if book is not None and (unit := read_unit(_grid(book), book.sheetnames)) is not None:
            return unit
    return None


def _formulas_into(wb: Workbook) -> list[Finding]:
    """A warning on each formula of another sheet that reads the tracking sheet, whose rows have
    moved: a formula elsewhere keeps its row numbers, and may now read another measure's row."""
    found = []
    for ws in wb.worksheets:
        if ws.title == TRACKING:
            continue
        for cell in getattr(ws, "_cells", {}).values():
            formula = getattr(cell.value, "text", cell.value)
            if isinstance(formula, str) and formula.startswith("=") and TRACKING in formula:
                where = f"{ws.title}!{cell.coordinate}"
                th = f"{where}: " + say("tracking.formula_rows_moved", sheet=TRACKING)
                en = f"{where} reads {TRACKING!r}, whose rows moved: check that it reads the rows it should"
                found.append(Finding(WARNING, th, en, ws.title, cell.coordinate))
    return found


def report(wb: Workbook, round_name: str, unit_source: Workbook | None = None, *, force: bool = False):
    """The progress report for ``round_name`` from ``wb``'s tracking sheet: its sheets, written
    into ``wb`` after the tracking sheet; returns (sheet descriptions, warnings). The memo's
    names are those of ``wb``'s unit sheet, else of ``unit_source``'s (``unit_of``)."""
    if TRACKING not in wb.sheetnames:
        raise ItaError(
            f"ไม่พบชีต “{TRACKING}”: สร้างชีตติดตามมาตรการก่อน (ita-xl progress ไฟล์.xlsx)",
            f"no sheet {TRACKING!r}: create the tracking sheet first (ita-xl progress FILE.xlsx)",
        )
    sheet, rows = read_tracking(_grid(wb)(TRACKING))
    unit = unit_of(wb, unit_source)
    progress = build_progress(sheet, rows, round_name, unit)
    specs = tuple(with_digest(spec) for spec in progress_sheets(progress))
    for spec in specs:
        if spec.name not in wb.sheetnames:
            continue
        if wb[spec.name][MARKER_CELL].value != MARKER:
            raise _not_ours(spec.name)
        if sheet_edited(_grid(wb)(spec.name)) and not force:
            raise ItaError(
                f"ชีต “{spec.name}” ถูกแก้ไขหลังจาก ita-xl สร้าง: ไม่เขียนทับ (สิ่งที่แก้จะหาย) "
                "ให้เปลี่ยนชื่อชีตนั้นก่อน หรือใช้ --force ถ้าต้องการเขียนทับ",
                f"sheet {spec.name!r} was edited since ita-xl wrote it: not replacing it; "
                "rename it, or use --force",
            )
    after = TRACKING
    for spec in specs:
        _replace(wb, spec, after)
        after = spec.name
    findings = [*check_rows(rows, sheet.year), *progress.findings]
    return specs, findings + ([without_unit()] if unit is None else [])


def default_output(source: Path) -> Path:
    return source.with_name(f"{source.stem}_ติดตามมาตรการ.xlsx")


def progress_file(
    source: str | Path,
    output: str | Path | None = None,
    *,
    in_place: bool = False,
    round_name: str | None = None,
    force: bool = False,
) -> tuple[list[Finding], Path]:
    """``ita-xl progress``: the tracking sheet (and, for a round, the report) in ``output``.

    ``output`` absent: a new workbook; present (the tracking workbook of an earlier run, typed
    in since): refreshed in place, everything else in it kept. With ``in_place`` the source
    itself is the tracking workbook. The measures are read from ``source`` when it has them.
    """
    source = Path(source)
    _check_source(source)
    target = source if in_place else Path(output) if output else default_output(source)
    if target.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ItaError(
            f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx: {target.name}", f"the output must end in .xlsx: {target.name}"
        )
    book = open_workbook(source)
    existing = in_place or destination(target).exists()
    if existing and dropped_content(target):
        lost = ", ".join(k.th for k in dropped_content(target))
        raise ItaError(
            f"ไฟล์ {target.name} มี{lost} ซึ่งจะหายถ้าเขียนลงไฟล์นั้น: ไม่ได้แก้ไขไฟล์ ให้ใช้ -o ชื่อไฟล์ใหม่.xlsx",
            f"{target.name} holds content that writing would drop: unchanged; use -o NEW.xlsx",
        )
    wb = book if in_place else open_workbook(target) if existing else _new_book()
    findings: list[Finding] = []
    if MEASURES in book.sheetnames:
        findings = track(wb, book)
    if round_name is not None:
        findings = report(wb, round_name, book, force=force)[1]
    if TRACKING not in wb.sheetnames:
        raise ItaError(f"ไม่พบชีต “{MEASURES}” ใน {source.name}", f"no sheet {MEASURES!r} in {source.name}")
    wb.active = wb.sheetnames.index(TRACKING if round_name is None else PROGRESS)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == wb.active.title
    return findings, save_output(wb, target, str(source.resolve()))


def _new_book() -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    return wb
