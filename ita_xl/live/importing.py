"""The "นำเข้าผล" button and Lite script: fill the open template from the paste sheet.

The user pastes the copied result text into the paste sheet (``วางผลการประเมิน``); the
import reads it (one read per sheet, as ``generate`` does), plans with the core
(``ita_xl.core.importing``: only blank input cells are filled, a typed figure that differs
is listed, never written over), writes the planned cells (one call per run of cells in a
column) and the report into the paste sheet's report column, and says how it went.
"""

from __future__ import annotations

import datetime
import traceback
from typing import Any

from ita_xl.core.cells import split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.importing import ImportPlan, paste_problem, paste_text, paste_year, plan_text
from ita_xl.core.layout import PASTE, PASTE_COLUMNS, PASTE_REPORT_COLUMN
from ita_xl.core.wording import say
from ita_xl.live.book import LOG_FILE, _grid, _runs

ALERT_LINES = 12


def import_pasted(book: Any) -> ImportPlan:
    """Import the text pasted into the paste sheet of ``book`` into its input sheets.

    Raises ``ItaError`` (nothing written) when there is no paste sheet or nothing pasted;
    a plan with an error (not an ITA result, not a template) writes only its report.
    """
    names = [sheet.name for sheet in book.sheets]
    if PASTE not in names:
        raise paste_problem(names, "")
    grid = _grid(book)
    rows = _paste_rows(book.sheets[PASTE])
    text = paste_text(rows)
    problem = paste_problem(names, text)
    if problem is not None:
        raise problem
    plan = plan_text(text, grid, names, paste_year(rows))
    if plan.ok:
        for sheet, cells in plan.writes().items():
            _write_cells(book.sheets[sheet], cells)
    _write_report(book.sheets[PASTE], plan.lines())
    return plan


def _paste_rows(sheet: Any) -> list[list[Any]]:
    """Every row of the paste sheet, columns A to ``PASTE_COLUMNS`` (one read). Unlike the
    input sheets, not cut at ``READ_ROWS``: a long report pasted whole must not lose its end."""
    last = sheet.used_range.last_cell
    rows = sheet.range((1, 1), (last.row, PASTE_COLUMNS)).options(ndim=2).value
    return rows or []


def _write_cells(sheet: Any, cells: dict[str, object]) -> None:
    """The values, one write per run of consecutive cells in a column."""
    by_column: dict[str, list[tuple[int, object]]] = {}
    for address, value in cells.items():
        row, _ = split_address(address)
        by_column.setdefault(address.rstrip("0123456789"), []).append((row, value))
    for column, items in by_column.items():
        for run in _runs(sorted(items, key=lambda item: item[0])):
            first, last = run[0][0], run[-1][0]
            sheet.range(f"{column}{first}:{column}{last}").value = [[value] for _, value in run]


def _write_report(sheet: Any, lines: list[str]) -> None:
    column = PASTE_REPORT_COLUMN
    last = max(sheet.used_range.last_cell.row, len(lines) + 1, 2)
    sheet.range(f"{column}2:{column}{last}").clear_contents()
    sheet.range(f"{column}2:{column}{len(lines) + 1}").value = [[line] for line in lines]


def summary_th(plan: ImportPlan) -> str:
    """The alert after an import: the summary, what differs, what is missing, where the rest is."""
    lines = plan.lines()
    head = [line for line in lines if not line.startswith("กรอก ")]
    if len(head) > ALERT_LINES:
        head = [*head[:ALERT_LINES], f"และอีก {len(head) - ALERT_LINES} รายการ"]
    return "\n".join([*head, say("import.see_report", sheet=PASTE, column=PASTE_REPORT_COLUMN)])


def import_main(book: Any) -> None:
    """Run the import on ``book`` and report with an Excel alert, in Thai; an unexpected
    failure is a short alert and a log file, as for the generate button."""
    try:
        plan = import_pasted(book)
    except ItaError as exc:
        book.app.alert(exc.th, title="ita-xl: นำเข้าผลไม่ได้")
        return
    except Exception:
        details = traceback.format_exc()
        with LOG_FILE.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.datetime.now().isoformat()} import failed\n{details}\n")
        book.app.alert(say("import.crashed", log=LOG_FILE), title="ita-xl")
        return
    if not plan.ok:
        book.app.alert(plan.error.th, title="ita-xl: นำเข้าผลไม่ได้")
    else:
        book.app.alert(summary_th(plan), title="ita-xl: นำเข้าผล")
