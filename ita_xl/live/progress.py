"""The follow-up of the measures in a live book (xlwings): the tracking sheet and the report.

``track(book)`` creates or refreshes the tracking sheet (ติดตามมาตรการ) from the book's
measures sheet, keeping every value typed in it (``ita_xl.core.tracking``); ``report(book,
round_name)`` writes the progress report's sheets. The Lite scripts ``ita_track`` and
``ita_progress_6`` / ``ita_progress_12`` (``ita_xl.lite_main``) call them.

A refresh keeps the sheet where it is, never deletes and re-adds it: the engine cannot read
formats, links or row heights back (xlwings' remote engine sends values and where notes are,
``pro/_xlremote.py``), so it must not touch what it cannot see. Rows are rearranged with
whole-row operations, which move everything on a row with it (``plan_rows``); only the cells
whose value changes are written; only inserted rows get ita-xl's styles. A row that has to be
copied to its new place (a removed measure going to the end, measures reordered) takes its
values and formats (Office.js ``Range.copyFrom``, "all"), but its links, notes and height may
stay behind, and a row whose text now needs another height gets it: the alert says so in one
line naming the sheet and rows (``_lost_line``), first among the warnings.

As with the generated report (``ita_xl.live.book.generate``), a report sheet edited by hand
since ita-xl wrote it is kept, and the new one goes beside it as ``name (2)``; a sheet of the
same name that ita-xl did not make stops the run before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ita_xl.core.cells import column_letter, split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.pipeline import READ_COLUMNS, READ_ROWS, sheet_edited, with_digest
from ita_xl.core.progress import build_progress, progress_sheets, round_of, without_unit
from ita_xl.core.reader import WARNING, Finding, read_unit
from ita_xl.core.sheets import MARKER, MARKER_CELL, MEASURES, SheetSpec
from ita_xl.core.tracking import (
    COLUMNS,
    HEADER_ROW,
    TRACKING,
    TrackedRow,
    check_measure_columns,
    check_rows,
    check_unseen,
    check_year,
    col,
    marker_moved,
    read_measures,
    read_tracking,
    recorded_ids,
    refresh,
    row_moves,
    tracking_sheet,
    written_height,
    written_heights,
)
from ita_xl.core.wording import join_list, say
from ita_xl.live.book import ALERT_LINES, LOG_FILE, _grid, free_name, user_book
from ita_xl.live.render import as_text, render, set_validations, style_rows


def _names(book: Any) -> list[str]:
    return [sheet.name for sheet in book.sheets]


def _ours(book: Any, name: str) -> bool:
    return book.sheets[name][MARKER_CELL].value == MARKER


def _not_ours(name: str) -> ItaError:
    return ItaError(
        f"มีชีตชื่อ “{name}” อยู่แล้วและไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ ให้เปลี่ยนชื่อหรือย้ายชีตนั้นก่อน",
        f"a sheet named {name!r} exists and was not made by ita-xl: not overwriting it",
    )


def _put(book: Any, spec: SheetSpec, after: str) -> int:
    """Write ``spec`` after the sheet ``after`` (the old sheet of its name deleted first)."""
    count = 0
    if spec.name in _names(book):
        book.sheets[spec.name].delete()
        count += 1
    anchor = book.sheets[after] if after in _names(book) else book.sheets[len(book.sheets) - 1]
    return count + render(book, spec, after=anchor)


def track(book: Any) -> list[Finding]:
    """Create or refresh the tracking sheet from the book's measures sheet; returns the warnings,
    first the line on what the refresh could not keep in place (``_in_place``), if any."""
    names = _names(book)
    if MEASURES not in names:
        raise ItaError(
            f"ไม่พบชีต “{MEASURES}”: กดสร้างชีตวิเคราะห์และมาตรการก่อน",
            f"no sheet {MEASURES!r}: generate the report first",
        )
    grid = _grid(book)
    measures = read_measures(grid(MEASURES))
    lost: list[Finding] = []
    if TRACKING not in names:
        spec = tracking_sheet(measures, refresh(measures), measures.thai)
        _put(book, spec, MEASURES)
    else:
        table = grid(TRACKING)
        if not _ours(book, TRACKING):
            raise marker_moved(table, MARKER) or _not_ours(TRACKING)
        _nothing_unseen(book.sheets[TRACKING])
        sheet, existing = read_tracking(table)
        check_year(sheet, measures, say("tracking.other_year_live"))
        check_measure_columns(table, measures, existing)
        rows = refresh(measures, existing, recorded_ids(table))
        spec = tracking_sheet(measures, rows, measures.thai)
        lost = _in_place(book.sheets[TRACKING], table, written_heights(table, sheet, existing), rows, spec)
    book.sheets[TRACKING].activate()
    # The rows where they now are, from the sheet as written (a remote book reads back the
    # values it was sent with, not the actions queued since).
    return [*lost, *check_rows(read_tracking(spec.value_grid())[1], measures.year)]


def _nothing_unseen(sheet: Any) -> None:
    """The file path's rule (``tracking.check_unseen``) on a live sheet: the cells ``_grid`` does
    not read, right of its columns and below its rows, read only where the used range reaches
    them (a value there on a blank table row would go with the row the refresh deletes)."""
    last = sheet.used_range.last_cell
    for top, left in ((1, READ_COLUMNS + 1), (READ_ROWS + 1, 1)):
        if last.row >= top and last.column >= left:
            values = sheet.range((top, left), (last.row, last.column)).options(ndim=2).value
            cells = ((top + r, left + c, v) for r, row in enumerate(values) for c, v in enumerate(row))
            check_unseen(cells, READ_ROWS, READ_COLUMNS)


# --------------------------------------------------------------------------- refreshed in place


@dataclass
class RowPlan:
    """How a refresh rearranges the tracking table's rows in place, in whole-row operations
    that move everything on a row with it (``ops``: ("delete", row, count), ("insert", row,
    count), ("copy", from row, to row), in order, rows numbered as the sheet is at that step),
    and where the rows end: ``moved`` the final rows of rows copied to their place, ``new`` the
    (first, last) final rows inserted for new measures."""

    ops: list[tuple[str, int, int]] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    new: list[tuple[int, int]] = field(default_factory=list)


def plan_rows(table: Sequence[int], target: Sequence[int], top: int = HEADER_ROW + 1) -> RowPlan:
    """Turn the table's rows (``table``: its sheet rows from ``top`` down, in order) into
    ``target`` (per final row from ``top``: the old row that goes there, 0 for a new measure).

    Rows of ``table`` not in ``target`` (blank rows) are deleted; the longest run of kept rows
    already in order stays where it is and only moves up or down as rows are deleted or
    inserted around it (Excel shifts whole rows, and everything on them); each other kept row
    is copied to its place after the row it follows (Excel's copy of a whole row: values and
    formats, Office.js ``Range.copyFrom``) and its old row deleted; then rows are inserted for
    new measures."""
    plan, keep, current = RowPlan(), [r for r in target if r], list(table)
    for row in sorted(set(current) - set(keep), reverse=True):
        plan.ops.append(("delete", top + current.index(row), 1))
        current.remove(row)
    stay = _in_order(keep)
    for n, row in enumerate(keep):
        at, to = current.index(row), current.index(keep[n - 1]) + 1 if n else 0
        if row in stay or to == at:
            continue
        source = top + at + (1 if to < at else 0)  # the row as it is once a row is inserted above
        plan.ops += [("insert", top + to, 1), ("copy", source, top + to), ("delete", source, 1)]
        current.insert(to if to < at else to - 1, current.pop(at))
        plan.moved.append(row)
    for n, row in enumerate(target):
        if not row and (n == 0 or target[n - 1]):
            count = next((k for k, r in enumerate(target[n:]) if r), len(target) - n)
            plan.ops.append(("insert", top + n, count))
            plan.new.append((top + n, top + n + count - 1))
            current[n:n] = [0] * count
    assert current == list(target), "the plan leaves each row where the target puts it"
    plan.moved = sorted(top + list(target).index(row) for row in plan.moved)
    return plan


def _in_order(rows: Sequence[int]) -> set[int]:
    """The longest subsequence of ``rows`` (distinct numbers) that increases: the rows that can
    stay where they are."""
    best: list[list[int]] = []
    for n, row in enumerate(rows):
        before = [best[k] for k in range(n) if rows[k] < row]
        best.append([*max(before, key=len, default=[]), row])
    return set(max(best, key=len, default=[]))


def _in_place(
    sheet: Any,
    old: list[list[Any]],
    heights: dict[int, tuple[float, ...]],
    rows: Sequence[TrackedRow],
    spec: SheetSpec,
) -> list[Finding]:
    """Refresh the tracking sheet where it is, so what staff made on it stays: rows rearranged
    by whole-row operations (``plan_rows``), then only the cells whose value changes written
    (the staff's own cells, formats, links and notes are left alone), new rows styled, row
    heights set only where ita-xl's changes. Returns the line naming the rows where something
    staff made may not have been kept (moved rows; heights set anew), if any."""
    moves, top = row_moves(old, rows), HEADER_ROW
    if top not in moves:  # rows inserted or deleted above the table: the headings are elsewhere
        raise ItaError(
            say("tracking.live_header", sheet=TRACKING, row=top),
            f"the tracking table's header is not on row {top}: not refreshing in place",
        )
    last = max((n for n, r in enumerate(old, 1) if any(_filled(v) for v in r or ())), default=top)
    table = list(range(top + 1, last + 1))
    plan = plan_rows(table, [row.row for row in rows])
    _no_lost_notes(sheet, set(table) - {row.row for row in rows})
    _apply(sheet, plan.ops)
    placed = {new: was for was, new in moves.items()}
    _write_changes(sheet, old, placed, spec.value_grid())
    for first, final in plan.new:
        style_rows(sheet, spec, first, final)
    resized = [
        f
        for f, r in placed.items()
        if f in spec.heights and not written_height(spec.heights[f], heights.get(r, ()))
    ]
    fresh = {f for first, final in plan.new for f in range(first, final + 1)}
    _set_heights(sheet, spec, sorted({*plan.moved, *resized, *fresh}))
    set_validations(sheet, spec)
    if top + len(rows) != last:
        sheet.page_setup.print_area = spec.print_area
    return _lost_line(plan.moved, [f for f in resized if f not in plan.moved])


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _no_lost_notes(sheet: Any, dropped: set[int]) -> None:
    """Stop before deleting a blank table row that holds a note: as on a file
    (``ita_xl.xlsx.carry.uncarried``), it has no row to go with. The remote engine's payload
    names the cells with notes (xlwings ``pro/_xlremote.py``, ``Range.note``); desktop Excel is
    asked cell by cell (``Range.note``), only on the rows to delete (usually none)."""
    if isinstance(sheet.api, dict):
        cells = [_cell_of(note.get("address", "")) for note in sheet.api.get("notes") or ()]
    else:
        cells = [
            (r, c) for r in sorted(dropped) for c in range(1, len(COLUMNS) + 1) if sheet.range((r, c)).note
        ]
    for row, column in filter(None, cells):
        if row in dropped:
            where = f"{TRACKING}!{column_letter(column)}{row}"
            raise ItaError(
                say("tracking.uncarried_comment", where=where, sheet=TRACKING),
                f"{where} holds a note on a row the refresh does not keep: not refreshing",
            )


def _cell_of(address: str) -> tuple[int, int] | None:
    """(row, column) of an A1 address's first cell ("$H$7", "H7:H8"); None if it is not one."""
    try:
        return split_address(address.split("!")[-1].split(":")[0])
    except ValueError:
        return None


def _apply(sheet: Any, ops: Sequence[tuple[str, int, int]]) -> None:
    """The plan's whole-row operations (``Range.insert``/``delete``/``copy`` on rows ``n:m``)."""
    for op, row, other in ops:
        if op == "insert":
            sheet.range(f"{row}:{row + other - 1}").insert(shift="down")
        elif op == "delete":
            sheet.range(f"{row}:{row + other - 1}").delete(shift="up")
        else:
            sheet.range(f"{row}:{row}").copy(sheet.range(f"{other}:{other}"))


def _same(old: Any, new: Any) -> bool:
    return (not _filled(old) and not _filled(new)) or old == new


def _write_changes(sheet: Any, old: list[list[Any]], placed: dict[int, int], new: list[list[Any]]) -> None:
    """Write each run of cells whose value differs from what the row now there holds (``placed``:
    final row → the old row now there; other rows are new and blank). Cells that keep their
    value are not written, so a date, a link's text or anything staff typed is never re-entered."""
    for final, values in enumerate(new, start=1):
        was = old[placed[final] - 1] if final in placed and placed[final] <= len(old) else []
        was = list(was or ())
        width = max(len(was), len(values))
        was += [None] * (width - len(was))
        values = [*values, *([None] * (width - len(values)))]
        column = 0
        while column < width:
            if _same(was[column], values[column]):
                column += 1
                continue
            end = column
            while end < width and not _same(was[end], values[end]):
                end += 1
            sheet.range((final, column + 1), (final, end)).value = as_text([values[column:end]])
            column = end


def _set_heights(sheet: Any, spec: SheetSpec, rows: Sequence[int]) -> None:
    """ita-xl's height on ``rows`` (sorted), one call per run of rows of equal height."""
    runs: list[list[Any]] = []
    for row in rows:
        height = spec.heights.get(row)
        if height is None:
            continue
        if runs and runs[-1][1] + 1 == row and runs[-1][2] == height:
            runs[-1][1] = row
        else:
            runs.append([row, row, height])
    for first, last, height in runs:
        sheet.range(f"{first}:{last}").row_height = height


def _lost_line(moved: Sequence[int], resized: Sequence[int]) -> list[Finding]:
    """The alert's line on what a refresh in place may not have kept, with the sheet's name; its
    cell is the first cell (column A) of the first row it names, in Excel's form."""
    parts = []
    if moved:
        parts.append(say("tracking.live_moved", rows=join_list([str(r) for r in moved])))
    if resized:
        parts.append(say("tracking.live_resized", rows=join_list([str(r) for r in resized])))
    if not parts:
        return []
    th = say("tracking.live_lost", sheet=TRACKING, parts=" ".join(parts))
    en = f"{TRACKING}: rows moved {list(moved)}, heights set anew {list(resized)}"
    return [Finding(WARNING, th, en, TRACKING, f"{col('number')}{min([*moved, *resized])}")]


def report(book: Any, round_name: str) -> tuple[list[Finding], dict[str, str]]:
    """Write the progress report for ``round_name``; returns the warnings and the sheets written
    beside ones edited by hand (old name → new name)."""
    names = _names(book)
    if TRACKING not in names:
        raise ItaError(
            f"ไม่พบชีต “{TRACKING}”: กดติดตามมาตรการก่อน",
            f"no sheet {TRACKING!r}: create the tracking sheet first",
        )
    grid = _grid(book)
    sheet, rows = read_tracking(grid(TRACKING))
    unit = read_unit(grid, names)
    progress = build_progress(sheet, rows, round_name, unit)
    beside: dict[str, str] = {}
    specs = []
    for spec in (with_digest(s) for s in progress_sheets(progress)):
        if spec.name in names and not _ours(book, spec.name):
            raise _not_ours(spec.name)
        if spec.name in names and sheet_edited(grid(spec.name)):
            beside[spec.name] = free_name(spec.name, set(names))
            spec = dataclasses.replace(spec, name=beside[spec.name])
        specs.append(spec)
    after = TRACKING
    for spec in specs:
        _put(book, spec, after)
        after = spec.name
    book.sheets[specs[-1].name].activate()
    missing = [without_unit()] if unit is None else []
    return [*check_rows(rows, sheet.year), *progress.findings, *missing], beside


def alert_th(findings: list[Finding], made: str) -> str:
    """The alert after a run: what was written, then the warnings with their cells."""
    lines = [made, *(f.line() for f in findings[:ALERT_LINES])]
    if len(findings) > ALERT_LINES:
        lines.append(f"และอีก {len(findings) - ALERT_LINES} รายการ")
    return "\n".join(lines)


def _run(book: Any, step: Callable[[], list[Finding]], made: str) -> None:
    """Run one step and say how it went: a problem the user can fix as its Thai message, an
    unexpected failure as a short alert with the log file's path (as the generate button does)."""
    try:
        findings = step()
    except ItaError as exc:
        book.app.alert(exc.th, title="ita-xl: พบข้อผิดพลาด")
        return
    except Exception:
        with LOG_FILE.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.datetime.now().isoformat()} follow-up failed\n{traceback.format_exc()}\n")
        book.app.alert(say("progress.crashed", log=LOG_FILE), title="ita-xl")
        return
    book.app.alert(alert_th(findings, made), title="ita-xl")


def run_track(book: Any) -> None:
    """Create or refresh the tracking sheet of ``book`` and say how it went (Lite script, macro)."""
    _run(book, lambda: track(book), say("progress.tracked", sheet=TRACKING))


def run_report(book: Any, months: int) -> None:
    """Write the progress report of the round of ``months`` (6 or 12) and say how it went."""
    round_name = round_of(months)
    _run(book, lambda: report(book, round_name)[0], say("progress.reported", round=round_name))


def main_track() -> None:
    """The ribbon's ติดตามมาตรการ button (``ita_ribbon.RunTrack``), or a macro in desktop Excel:
    ``RunPython "import ita_xl.live.progress as p; p.main_track()"``."""
    run_track(user_book())


def main_report(months: int) -> None:
    """The ribbon's report buttons (``ita_ribbon.RunProgress6`` / ``RunProgress12``), or a macro:
    ``RunPython "import ita_xl.live.progress as p; p.main_report(6)"``."""
    run_report(user_book(), months)
