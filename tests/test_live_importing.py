"""The "นำเข้าผล" button and the Lite script ``ita_import`` through xlwings' remote engine.

A user's sequence: open the template, paste the copied result at the paste sheet's A5 (Excel
splits the text into rows at line ends and into columns at tabs, and stores figures in
Arabic digits as numbers), maybe type a figure first, press the button. The actions the
remote engine records (``book.json()["actions"]``, xlwings/pro/_xlremote.py) are what Excel
would do: the cells the button writes, the report, the alert.
"""

from __future__ import annotations

import asyncio

import pytest
import xlwings as xw
from openpyxl import load_workbook
from xlwings import server

from ita_xl.core.cells import split_address
from ita_xl.core.figures import from_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.importing import plan_text
from ita_xl.core.layout import (
    HISTORY,
    PASTE,
    PASTE_CELL,
    PASTE_REPORT_COLUMN,
    PASTE_YEAR_CELL,
    SCORES,
    UNIT,
    Layout,
)
from ita_xl.core.wording import say
from ita_xl.live.importing import import_main, import_pasted
from ita_xl.xlsx.template import build_template
from ita_xl.xlsx.workbook import _grid
from tests.test_importing import excel_paste
from tests.test_lite import lite  # noqa: F401 - the Lite main.py as a fixture
from tests.test_resulttext import needs_seeds, seed_text
from tests.test_xl import alerts, written
from tests.xlwings_book import json_book


def pasted_book(tmp_path, year: int, text: str, typed: dict | None = None, *, drop_paste: bool = False):
    """A template of ``year`` with ``text`` pasted at the paste cell, saved, as a remote book."""
    wb = build_template(load_framework(year))
    row, column = split_address(PASTE_CELL)
    for r, cells in enumerate(excel_paste(text), start=row):
        for c, value in enumerate(cells, start=column):
            if value is not None:
                wb[PASTE].cell(r, c, value)
    for (sheet, cell), value in (typed or {}).items():
        wb[sheet][cell] = value
    if drop_paste:
        del wb[PASTE]
    path = tmp_path / "unit.xlsx"
    wb.save(path)
    return path, json_book(path)


def position(path, sheet: str) -> int:
    return load_workbook(path, read_only=True).sheetnames.index(sheet)


def cell_values(actions, path, sheet: str) -> dict[str, object]:
    """The values written on ``sheet``, keyed by address (A1 form)."""
    from openpyxl.utils import get_column_letter

    return {f"{get_column_letter(c)}{r}": v for (r, c), v in written(actions, position(path, sheet)).items()}


@needs_seeds
def test_the_button_fills_the_cells_the_plan_fills_and_reports(tmp_path):
    text = from_thai_digits(seed_text("004"))  # Arabic digits: the hardest case, Excel makes numbers
    path, book = pasted_book(tmp_path, 2568, text)
    plan = import_pasted(book)
    actions = book.json()["actions"]
    wb = load_workbook(path)
    expected = plan_text(text, _grid(wb), wb.sheetnames, 2568)
    sources = {(s.sheet, s.cell): s.value for s in expected.sources}
    for sheet in (SCORES, UNIT):
        got = cell_values(actions, path, sheet)
        for cell, value in expected.writes()[sheet].items():
            if (sheet, cell) in sources:  # the quoted line: 98.50 was pasted as the number 98.5
                assert got[cell].split(":")[0] == value.split(":")[0]  # the same line number
            else:
                assert got[cell] == value, cell
        assert got.keys() == expected.writes()[sheet].keys()
    assert cell_values(actions, path, SCORES)["D22"] == 97.61
    report = cell_values(actions, path, PASTE)
    assert report[f"{PASTE_REPORT_COLUMN}2"] == plan.lines()[0]
    assert any(a["func"] == "rangeClearContents" for a in actions)  # the old report goes first
    # One write per run of cells in a column, not one per cell.
    assert sum(a["func"] == "setValues" for a in actions) < 15


@needs_seeds
def test_a_long_paste_is_read_to_its_end(tmp_path):
    from ita_xl.core.pipeline import READ_ROWS

    text = "\n".join(["หน้า 1"] * (READ_ROWS + 100)) + "\n" + seed_text("004")  # past the input sheets' bound
    path, book = pasted_book(tmp_path, 2568, text)
    import_pasted(book)
    assert cell_values(book.json()["actions"], path, SCORES)["D22"] == 97.61


@needs_seeds
def test_a_typed_figure_is_kept_and_listed(tmp_path):
    path, book = pasted_book(tmp_path, 2568, seed_text("004"), {(SCORES, "D22"): 97.0})
    import_main(book)
    actions = book.json()["actions"]
    assert "D22" not in cell_values(actions, path, SCORES)
    assert cell_values(actions, path, SCORES)["D23"] == 97.91
    [message] = alerts(book)
    assert "คะแนน!D22 (ตัวชี้วัดที่ 1) กรอกไว้แล้วเป็น 97.00 แต่ผลที่นำเข้าเป็น 97.61" in message
    assert message.endswith(say("import.see_report", sheet=PASTE, column=PASTE_REPORT_COLUMN))


@needs_seeds
def test_last_years_result_goes_to_the_history_row(tmp_path):
    path, book = pasted_book(tmp_path, 2568, seed_text("003"))
    import_main(book)
    history = cell_values(book.json()["actions"], path, HISTORY)
    layout = Layout(load_framework(2568))
    row = layout.history_rows[-1]  # the template's rows run to last year, 2567
    assert f"A{row}" not in history  # the year column is the user's: never written
    assert (history[f"B{row}"], history[f"C{row}"], history[f"G{row}"]) == (98.23, "ผ่านดี", 95.40)
    assert cell_values(book.json()["actions"], path, SCORES) == {}
    [message] = alerts(book)
    assert "จึงกรอกลงแถวของปี 2567 ในชีตประวัติ" in message


@pytest.mark.parametrize(
    ("text", "typed", "drop", "message"),
    [
        ("", {}, False, say("import.paste.empty", sheet=PASTE, cell=PASTE_CELL)),
        ("ต้มยำกุ้ง\nกุ้ง\t300\tกรัม", {}, False, "ข้อความนี้ไม่ใช่ผลการประเมิน ITA"),
        ("i1 การปฏิบัติงาน\t90", {}, True, say("import.paste.no_sheet", sheet=PASTE)),
        ("i1 การปฏิบัติงาน\t90", {(PASTE, PASTE_YEAR_CELL): "ปีนี้"}, False, f"{PASTE}!{PASTE_YEAR_CELL}"),
    ],
    ids=["nothing pasted", "not a result", "an older template", "a bad year"],
)
def test_nothing_is_filled_when_the_import_cannot_be_done(tmp_path, text, typed, drop, message):
    path, book = pasted_book(tmp_path, 2568, text, typed, drop_paste=drop)
    import_main(book)
    actions = book.json()["actions"]
    [alert] = alerts(book)
    assert alert.startswith(message)
    names = load_workbook(path, read_only=True).sheetnames
    for sheet in (UNIT, SCORES, HISTORY):
        assert cell_values(actions, path, sheet) == {}, sheet
    assert all(a["sheet_position"] == names.index(PASTE) for a in actions if a["func"] != "alert")


def test_an_unexpected_failure_is_a_short_alert_and_a_log(tmp_path, monkeypatch):
    from ita_xl.live import importing

    log = tmp_path / "ita-xl.log"
    monkeypatch.setattr(importing, "LOG_FILE", log)
    monkeypatch.setattr(importing, "plan_text", lambda *a: 1 / 0)
    _, book = pasted_book(tmp_path, 2568, "i1 การปฏิบัติงาน\t90")
    import_main(book)
    [alert] = alerts(book)
    assert str(log) in alert and "ZeroDivisionError" in log.read_text(encoding="utf-8")


@needs_seeds
def test_the_lite_script_imports(lite, tmp_path):  # noqa: F811
    path, book = pasted_book(tmp_path, 2567, seed_text("001"))
    asyncio.run(server.custom_scripts_call(lite, "ita_import", typehint_to_value={xw.Book: book}))
    assert cell_values(book.json()["actions"], path, SCORES)["D16"] == 99.73  # IIT
    [alert] = alerts(book)
    assert alert.startswith("นำเข้าผลการประเมินปี 2567: กรอกใหม่")


@needs_seeds
def test_the_ribbon_entry_point_works_on_the_users_workbook(tmp_path):
    import ita_xl

    path, book = pasted_book(tmp_path, 2567, seed_text("001"))
    book.set_mock_caller()
    ita_xl.import_main()
    assert cell_values(book.json()["actions"], path, SCORES)["D19"] == 97.50  # OIT
