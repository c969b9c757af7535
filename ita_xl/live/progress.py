"""The follow-up of the measures in a live book (xlwings): the tracking sheet and the report.

``track(book)`` creates or refreshes the tracking sheet (ติดตามมาตรการ) from the book's
measures sheet, keeping every value typed in it (``ita_xl.core.tracking``); ``report(book,
round_name)`` writes the progress report's sheets. The Lite scripts ``ita_track`` and
``ita_progress_6`` / ``ita_progress_12`` (``ita_xl.lite_main``) call them.

As with the generated report (``ita_xl.live.book.generate``), a report sheet edited by hand
since ita-xl wrote it is kept, and the new one goes beside it as ``name (2)``; a sheet of the
same name that ita-xl did not make stops the run before anything is written.
"""

from __future__ import annotations

import dataclasses
import datetime
import traceback
from collections.abc import Callable
from typing import Any

from ita_xl.core.errors import ItaError
from ita_xl.core.pipeline import sheet_edited, with_digest
from ita_xl.core.progress import build_progress, progress_sheets, round_of
from ita_xl.core.reader import Finding, read
from ita_xl.core.sheets import MARKER, MARKER_CELL, MEASURES, SheetSpec
from ita_xl.core.tracking import (
    TRACKING,
    check_measure_columns,
    check_rows,
    read_measures,
    read_tracking,
    refresh,
    tracking_sheet,
)
from ita_xl.core.wording import say
from ita_xl.live.book import ALERT_LINES, LOG_FILE, _grid, free_name, user_book
from ita_xl.live.render import render


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
    """Create or refresh the tracking sheet from the book's measures sheet; returns the warnings."""
    names = _names(book)
    if MEASURES not in names:
        raise ItaError(
            f"ไม่พบชีต “{MEASURES}”: กดสร้างชีตวิเคราะห์และมาตรการก่อน",
            f"no sheet {MEASURES!r}: generate the report first",
        )
    grid = _grid(book)
    measures = read_measures(grid(MEASURES))
    existing = []
    if TRACKING in names:
        if not _ours(book, TRACKING):
            raise _not_ours(TRACKING)
        table = grid(TRACKING)
        sheet, existing = read_tracking(table)
        if sheet.year != measures.year:
            raise ItaError(
                f"ชีต “{TRACKING}” เป็นของปีงบประมาณ {sheet.year} แต่ชีต “{MEASURES}” เป็นมาตรการปี "
                f"{measures.year}: ไม่ปรับปรุง ให้ติดตามในสมุดงานใหม่",
                f"the tracking sheet is for FY{sheet.year}, the measures for FY{measures.year}",
            )
        check_measure_columns(table, measures, existing)
    spec = tracking_sheet(measures, refresh(measures, existing), measures.thai)
    _put(book, spec, MEASURES)
    book.sheets[TRACKING].activate()
    # The rows where they now are, from the sheet as written (a remote book reads back the
    # values it was sent with, not the actions queued since).
    return check_rows(read_tracking(spec.value_grid())[1], measures.year)


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
    progress = build_progress(sheet, rows, round_name, read(grid, names).inputs)
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
    return [*check_rows(rows, sheet.year), *progress.findings], beside


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
