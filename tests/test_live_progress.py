"""The follow-up in a live book, through xlwings' remote engine (``xw.Book(json=...)``: the
actions it would send to Excel, ``book.json()["actions"]``) and through the Lite scripts as
xlwings Lite calls them (``xlwings.server.custom_scripts_call``).

The drop-down list is xlwings' ``Range.data_validation.set_list``, which the remote engine
sends as ``setDataValidationList`` with the literal values for an Office.js client (xlwings
``pro/_xlremote.py``, ``DataValidation.set_list``).
"""

from __future__ import annotations

import asyncio
import datetime
import importlib.util
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook
from xlwings import server

from ita_xl.cli import main
from ita_xl.core.progress import PROGRESS, PROGRESS_MEMO
from ita_xl.core.tracking import TRACKING, col
from ita_xl.core.wording import PROGRESS_ROUNDS, PROGRESS_STATUSES
from ita_xl.live.progress import report, track
from ita_xl.xlsx.template import sample_workbook
from tests.xlwings_book import book_json, json_book

LITE = Path(__file__).resolve().parent.parent / "workbooks" / "lite"
DONE, DOING, _ = PROGRESS_STATUSES


@pytest.fixture(scope="module")
def lite():
    spec = importlib.util.spec_from_file_location("lite_main_progress", LITE / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tracked_book(tmp_path, seed: str = "004", *, own_choices: bool = False):
    """A sample generated and its tracking sheet added in the same book (``ita-xl progress
    --in-place``); ``own_choices``: the sample's ปรับมาตรการ cleared first, for tests that type
    their own choices. Returns the book's path."""
    from tests.test_seed_measures import without_choices

    filled = tmp_path / "filled.xlsx"
    wb = sample_workbook(seed)
    (without_choices(wb) if own_choices else wb).save(filled)
    book = tmp_path / "ITA.xlsx"
    assert main(["generate", str(filled), "-o", str(book)]) in (0, 1)
    assert main(["progress", str(book), "--in-place"]) == 0
    return book


@pytest.fixture
def tracked(tmp_path):
    """Seed 004 generated, the tracking sheet added in the same book, two rows typed."""
    book = tracked_book(tmp_path)
    wb = load_workbook(book)
    ws = wb[TRACKING]
    ws[f"{col('status')}6"] = DONE
    ws[f"{col('result')}6"] = "จัดอบรมแล้ว"
    ws[f"{col('date')}6"] = datetime.datetime(2026, 3, 15)
    ws[f"{col('round')}6"] = PROGRESS_ROUNDS[0]
    ws[f"{col('status')}7"] = DONE  # no result, no date: two warnings
    ws[f"{col('round')}7"] = PROGRESS_ROUNDS[0]
    wb.save(book)
    return book


def _added(actions) -> list[str]:
    return [a["args"][1] for a in actions if a["func"] == "addSheet"]


def _values(actions, name: str) -> list[list]:
    [position] = {a["args"][0] for a in actions if a["func"] == "addSheet" and a["args"][1] == name}
    [write] = [a for a in actions if a["func"] == "setValues" and a["sheet_position"] == position]
    return write["values"]


def test_the_tracking_sheet_is_added_to_a_live_book_with_its_drop_downs(tmp_path):
    filled = tmp_path / "filled.xlsx"
    sample_workbook("004").save(filled)
    ita = tmp_path / "ITA.xlsx"
    assert main(["generate", str(filled), "-o", str(ita)]) in (0, 1)
    book = json_book(ita)
    findings = track(book)
    actions = book.json()["actions"]
    assert _added(actions) == [TRACKING]
    values = _values(actions, TRACKING)
    assert values[5][0] and not any(values[5][6:8])  # a measure, nothing typed yet
    assert findings == []
    lists = [a["args"][0]["values"] for a in actions if a["func"] == "setDataValidationList"]
    assert lists == [list(PROGRESS_STATUSES), list(PROGRESS_ROUNDS)]


def test_a_refresh_in_a_live_book_keeps_the_sheet_and_its_typed_values(tracked):
    """The sheet is refreshed where it is (no sheet deleted or added, nothing cleared): the
    measures did not change, so no value is written; the warnings name the typed cells and the
    drop-downs are set again (tests/test_live_progress_refresh.py follows a whole year)."""
    book = json_book(tracked)
    findings = track(book)
    actions = book.json()["actions"]
    assert not {a["func"] for a in actions} & {"addSheet", "sheetDelete", "sheetClear", "sheetClearFormats"}
    assert [a for a in actions if a["func"] == "setValues"] == []
    assert {f.cell for f in findings} == {f"{col('result')}7", f"{col('date')}7"}
    lists = [a["args"][0]["values"] for a in actions if a["func"] == "setDataValidationList"]
    assert lists == [list(PROGRESS_STATUSES), list(PROGRESS_ROUNDS)]


def test_words_typed_over_a_grey_cell_stop_the_refresh_in_a_live_book(tracked):
    """The same rule as in a file (``tracking.check_measure_columns``): nothing is sent to Excel."""
    from ita_xl.core.errors import ItaError

    wb = load_workbook(tracked)
    wb[TRACKING][f"{col('owner')}7"] = "กองช่าง (แก้เอง)"
    wb.save(tracked)
    book = json_book(tracked)
    with pytest.raises(ItaError, match=f"{TRACKING}!{col('owner')}7"):
        track(book)
    assert book.json()["actions"] == []


def test_a_tracking_sheet_of_another_year_or_with_a_column_inserted_stops_the_live_refresh(tracked):
    """The file path's rules (``tracking.check_year``, ``tracking.marker_moved``), with the live
    book's advice: nothing is sent to Excel."""
    from ita_xl.core.errors import ItaError
    from ita_xl.core.wording import say

    wb = load_workbook(tracked)
    title = wb[TRACKING]["A1"].value
    wb[TRACKING]["A1"] = say("tracking.title", year=2500)
    wb.save(tracked)
    book = json_book(tracked)
    with pytest.raises(ItaError, match="ปีงบประมาณ 2500") as refused:
        track(book)
    assert refused.value.th.endswith(say("tracking.other_year_live"))
    assert book.json()["actions"] == []

    wb = load_workbook(tracked)
    wb[TRACKING]["A1"] = title  # this year's sheet again
    wb[TRACKING].insert_cols(16)  # a column after the table: ita-xl's marker moves from Z1 to AA1
    wb.save(tracked)
    book = json_book(tracked)
    with pytest.raises(ItaError, match=f"{TRACKING}!AA1") as refused:
        track(book)
    assert "ไม่ได้สร้างโดย ita-xl" not in refused.value.th
    assert book.json()["actions"] == []


@pytest.mark.parametrize("cell", ["AP8", "C2500"])  # beyond the 40 columns and 2,000 rows read
def test_a_value_the_live_refresh_would_not_see_stops_it(tracked, cell):
    """As in a file (tests/test_xlsx_progress.py, ``tracking.check_unseen``): named, nothing sent."""
    from ita_xl.core.errors import ItaError

    wb = load_workbook(tracked)
    wb[TRACKING][cell] = "บันทึกของเจ้าหน้าที่"
    wb.save(tracked)
    book = json_book(tracked)
    with pytest.raises(ItaError, match=f"{TRACKING}!{cell}"):
        track(book)
    assert book.json()["actions"] == []


def test_the_report_in_a_live_book_and_beside_an_edited_one(tracked):
    book = json_book(tracked)
    findings, beside = report(book, PROGRESS_ROUNDS[0])
    actions = book.json()["actions"]
    assert _added(actions) == [PROGRESS_MEMO, PROGRESS]
    assert beside == {}
    assert any("ดำเนินการแล้ว ๒ มาตรการ" in str(v) for row in _values(actions, PROGRESS) for v in row)
    typed = {f.cell for f in findings if not f.cell.startswith(col("status"))}
    assert typed == {f"{col('result')}7", f"{col('date')}7"}
    # issue 14: a measure without a status is a note for staff at its status cell (rows 8-13,
    # the ones the fixture left blank), no longer an instruction printed in the report
    unreported = {f.cell for f in findings if f.cell.startswith(col("status"))}
    assert unreported == {f"{col('status')}{row}" for row in range(8, 14)}

    # The report written to the file, then edited by hand: the next run writes beside it.
    assert main(["progress", str(tracked), "--in-place", "--round", "6"]) == 1
    wb = load_workbook(tracked)
    wb[PROGRESS]["A2"] = "แก้ไขเอง"
    wb.save(tracked)
    book = json_book(tracked)
    _, beside = report(book, PROGRESS_ROUNDS[0])
    assert beside == {PROGRESS: f"{PROGRESS} (2)"}
    assert _added(book.json()["actions"]) == [PROGRESS_MEMO, f"{PROGRESS} (2)"]


def test_the_lite_scripts_track_and_report(lite, tracked):
    book = json_book(tracked)
    asyncio.run(server.custom_scripts_call(lite, "ita_track", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert _added(actions) == [] and "sheetDelete" not in {a["func"] for a in actions}  # refreshed in place
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert f"[{TRACKING}!{col('date')}7]" in alert

    book = xw.Book(json=book_json(tracked))
    asyncio.run(server.custom_scripts_call(lite, "ita_progress_12", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert _added(actions) == [PROGRESS_MEMO, PROGRESS]
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert PROGRESS_ROUNDS[1] in alert


def test_a_book_without_measures_gets_a_thai_message_and_no_write(lite, tmp_path):
    plain = tmp_path / "plain.xlsx"
    sample_workbook("004").save(plain)
    book = json_book(plain)
    asyncio.run(server.custom_scripts_call(lite, "ita_track", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    assert "มาตรการ" in actions[0]["args"][0]


def test_the_macro_entry_points_work_on_the_callers_book(tracked, monkeypatch, tmp_path):
    from ita_xl.live import progress

    book = json_book(tracked)
    book.set_mock_caller()
    progress.main_track()
    actions = book.json()["actions"]
    assert _added(actions) == [] and "sheetDelete" not in {a["func"] for a in actions}  # refreshed in place
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert alert.startswith(f"สร้างหรือปรับปรุงชีต “{TRACKING}” แล้ว")

    log = tmp_path / "ita-xl.log"
    monkeypatch.setattr(progress, "LOG_FILE", log)

    def crash(book, round_name):
        raise RuntimeError("boom inside")

    monkeypatch.setattr(progress, "report", crash)
    book = json_book(tracked)
    book.set_mock_caller()
    progress.main_report(6)
    [alert] = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    assert str(log) in alert and "Traceback" not in alert
    assert "boom inside" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("apart", [False, True], ids=["in the analysis book", "tracking file apart"])
def test_review8_6_the_live_report_memo_has_the_unit_sheets_chain(tmp_path, apart):
    """The report buttons (``report``) on a book that holds the tracking sheet: the analysis
    book itself, or the tracking file made apart (``ita-xl progress ITA.xlsx -o …``) opened in
    Excel. Both memos read the unit sheet's chain (Thai review, round 8, item 6)."""
    from tests.test_xlsx_progress import _assert_the_chain, _typed_unit

    book_path = tracked_book(tmp_path)
    if apart:
        separate = tmp_path / "ติดตามมาตรการ.xlsx"
        assert main(["progress", str(book_path), "-o", str(separate)]) == 0
        book_path = separate
    book = json_book(book_path)
    report(book, PROGRESS_ROUNDS[0])
    memo = [str(v) for row in _values(book.json()["actions"], PROGRESS_MEMO) for v in row if v]
    _assert_the_chain(memo, _typed_unit(tmp_path / "ITA.xlsx"))
