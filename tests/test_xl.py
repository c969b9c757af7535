"""The live-workbook target through xlwings' remote engine: actions, same values, the button."""

from __future__ import annotations

from collections import Counter

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from ita_xl.build import workbooks as build
from ita_xl.core.document import GENERATED_SHEETS
from ita_xl.core.layout import CRITERIA
from ita_xl.core.reader import TEMPLATE_SHEETS
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import ANALYSIS, MARKER, MEASURES
from ita_xl.live import book as xl
from ita_xl.live.render import _formula_like
from ita_xl.xlsx.workbook import generate_workbook
from tests.xlwings_book import book_json, json_book, variant

SAMPLES = build.WORKBOOKS / "samples"


def path(seed: str):
    return SAMPLES / SAMPLE_FILES[seed]


def written(actions, position: int) -> dict[tuple[int, int], object]:
    """Cell values written by setValues actions on one sheet (1-based row, column)."""
    cells = {}
    for action in actions:
        if action["func"] == "setValues" and action["sheet_position"] == position:
            for r, row in enumerate(action["values"]):
                for c, value in enumerate(row):
                    cells[(action["start_row"] + r + 1, action["start_column"] + c + 1)] = value
    return cells


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
def test_both_targets_write_the_same_values(seed):
    book = json_book(path(seed))
    outcome = xl.generate(book)
    assert outcome.ok
    actions = book.json()["actions"]
    wb = load_workbook(path(seed))
    assert generate_workbook(wb).ok
    # The generated sheets follow the template's own (the input sheets and the paste sheet).
    for position, (name, spec) in enumerate(
        zip(GENERATED_SHEETS, outcome.specs, strict=True), start=len(TEMPLATE_SHEETS)
    ):
        cells = written(actions, position)
        ws = wb[name]
        _, _, max_col, max_row = range_boundaries(spec.used_area)  # the print area and the รหัส column
        for row in range(1, max_row + 1):
            for col in range(1, max_col + 1):
                expected = ws.cell(row, col).value
                if isinstance(expected, str) and _formula_like(expected):
                    expected = "'" + expected  # Excel's text prefix: shown without it
                assert cells.get((row, col)) == ("" if expected is None else expected), (name, row, col)
        assert cells[(1, 26)] == MARKER
    added = [a["args"] for a in actions if a["func"] == "addSheet"]
    assert [args[1] for args in added] == list(GENERATED_SHEETS)


@pytest.mark.parametrize("seed", ["001", "002", "003", "004"])
@pytest.mark.parametrize(("arabic", "history"), [(False, False), (True, True)])
def test_input_sheets_get_no_writes_and_operations_are_batched(seed, arabic, history, tmp_path):
    book = json_book(variant(path(seed), tmp_path, arabic=arabic, history=history))
    outcome = xl.generate(book)
    actions = book.json()["actions"]
    per_sheet = Counter(a["sheet_position"] for a in actions)
    assert all(per_sheet[n] == 0 for n in range(len(TEMPLATE_SHEETS)))
    # Each remote action is a round trip in Excel: tens per sheet, not one per cell.
    for n in range(len(GENERATED_SHEETS)):  # the memo, the analysis, the measures, the checks
        assert per_sheet[len(TEMPLATE_SHEETS) + n] < 100
    assert sum(1 for a in actions if a["func"] == "setValues") == len(GENERATED_SHEETS)  # one write a sheet
    gridlines = [a["args"] for a in actions if a["func"] == "setShowGridlines"]
    assert gridlines == [[False]] * len(GENERATED_SHEETS)
    # One xlwings call can be several remote actions (a border: one per side).
    assert outcome.operations <= len(actions)


def test_a_users_sheet_with_the_same_name_stops_before_any_write():
    data = book_json(path("004"))
    data["sheets"].append({**data["sheets"][0], "name": ANALYSIS, "values": [["ของฉัน"]]})
    import xlwings as xw

    book = xw.Book(json=data)
    outcome = xl.generate(book)
    assert not outcome.ok
    assert any("ไม่ได้สร้างโดย ita-xl" in f.th for f in outcome.errors)
    assert book.json()["actions"] == []


def test_a_marked_sheet_without_its_digest_is_kept_and_the_new_one_written_beside():
    """A marked sheet whose content cannot be confirmed as ita-xl's is never deleted."""
    data = book_json(path("004"))
    data["sheets"].append({**data["sheets"][0], "name": MEASURES, "values": [[None] * 26]})
    data["sheets"][-1]["values"][0][25] = MARKER
    import xlwings as xw

    book = xw.Book(json=data)
    outcome = xl.generate(book)
    assert outcome.ok and outcome.beside == {MEASURES: f"{MEASURES} (2)"}
    actions = book.json()["actions"]
    assert not any(a["func"] == "sheetDelete" for a in actions)
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == [f"{MEASURES} (2)" if n == MEASURES else n for n in GENERATED_SHEETS]


def generated_file(tmp_path, seed="004"):
    """The user's sequence: generate a report file with the command."""
    from ita_xl.xlsx.workbook import generate_file

    outcome, output = generate_file(path(seed), tmp_path / "report.xlsx")
    assert outcome.ok
    return output


def test_button_rerun_replaces_generated_sheets_nobody_edited(tmp_path):
    book = json_book(generated_file(tmp_path))
    outcome = xl.generate(book)
    assert outcome.ok and outcome.beside == {}
    funcs = [a["func"] for a in book.json()["actions"]]
    assert funcs[: len(GENERATED_SHEETS)] == ["sheetDelete"] * len(GENERATED_SHEETS)
    assert funcs.count("addSheet") == len(GENERATED_SHEETS)


def test_button_rerun_keeps_an_edited_analysis_and_writes_beside_it(tmp_path):
    """Generate, edit a cell of the analysis, add a sheet, press the button: the edit stays."""
    output = generated_file(tmp_path)
    wb = load_workbook(output)
    wb[ANALYSIS]["A3"] = "ข้อความที่เจ้าหน้าที่แก้เอง"
    wb.create_sheet("บันทึกของฉัน")["A1"] = "โน้ต"
    wb.save(output)
    book = json_book(output)
    book.set_mock_caller()
    xl.main()
    actions = book.json()["actions"]
    names = [s["name"] for s in book_json(output)["sheets"]]
    deleted = [a["sheet_position"] for a in actions if a["func"] == "sheetDelete"]
    remaining, deleted_names = list(names), []
    for position in deleted:  # a position counts the sheets left at the time of the call
        deleted_names.append(remaining.pop(position))
    assert deleted_names == [n for n in GENERATED_SHEETS if n != ANALYSIS]  # only untouched ones
    added = [a["args"][1] for a in actions if a["func"] == "addSheet"]
    assert added == [f"{ANALYSIS} (2)" if n == ANALYSIS else n for n in GENERATED_SHEETS]
    # Replay the sheet list through the actions: none may touch the edited analysis.
    sheets = list(names)
    for action in actions:
        if action["func"] == "addSheet":  # args: [0-based index, name]
            sheets.insert(action["args"][0], action["args"][1])
        elif action["func"] == "sheetDelete":
            sheets.pop(action["sheet_position"])
        elif action["func"] != "alert":
            assert sheets[action["sheet_position"]] != ANALYSIS, action["func"]
    [message] = alerts(book)
    assert f"ชีต “{ANALYSIS}” ถูกแก้ไขหลังจากสร้าง จึงเก็บไว้ตามเดิม" in message
    assert f"“{ANALYSIS} (2)”" in message


def alerts(book) -> list[str]:
    return [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]


def test_button_reports_the_result_in_thai():
    book = json_book(path("004"))
    book.set_mock_caller()
    xl.main()
    [message] = alerts(book)
    assert "สร้างชีต “บันทึกข้อความ” “วิเคราะห์ผล” และ “มาตรการ” แล้ว" in message
    assert "คะแนนรวม 98.50" in message and "ระดับ ผ่านดีเยี่ยม" in message


def test_button_lists_errors_with_their_cells(tmp_path):
    wb = load_workbook(path("000"))
    wb[CRITERIA]["C9"] = 30  # seed 000's printed OIT weight typed in as the rule
    wb.save(tmp_path / "weights.xlsx")
    book = json_book(tmp_path / "weights.xlsx")
    book.set_mock_caller()
    xl.main()
    [message] = alerts(book)
    assert message.startswith("ยังสร้างรายงานไม่ได้")
    assert "[เกณฑ์!C7:C9]" in message
    assert not any(a["func"] == "addSheet" for a in book.json()["actions"])


def test_button_turns_a_crash_into_a_short_alert_and_a_log(monkeypatch, tmp_path):
    log = tmp_path / "ita-xl.log"
    monkeypatch.setattr(xl, "LOG_FILE", log)

    def crash(book):
        raise RuntimeError("boom inside")

    monkeypatch.setattr(xl, "generate", crash)
    book = json_book(path("004"))
    book.set_mock_caller()
    xl.main()
    [message] = alerts(book)
    assert str(log) in message and "Traceback" not in message
    assert "boom inside" in log.read_text(encoding="utf-8")


def test_button_in_the_add_in_works_on_the_users_workbook(monkeypatch):
    import xlwings as xw

    data = book_json(path("004"))
    data["book"]["name"] = "ita_xl.xlam"  # RunPython from an add-in: the caller is the add-in
    addin_book = xw.Book(json=data)
    addin_book.set_mock_caller()
    users = json_book(path("001"))

    class Books:
        active = users

    monkeypatch.setattr(xw, "books", Books())
    xl.main()
    assert alerts(addin_book) == []
    [message] = alerts(users)
    assert "คะแนนรวม 97.90" in message


def test_trend_chart_reads_the_trend_table(tmp_path):
    book = json_book(variant(path("004"), tmp_path, history=True))
    assert xl.generate(book).ok
    actions = book.json()["actions"]
    [chart] = [a for a in actions if a["func"] == "addChart"]
    assert chart["args"][1] == "LineMarkers"
    min_col, first, max_col, last = range_boundaries(chart["args"][3].replace("$", ""))
    assert (min_col, max_col) == (1, 2)  # the trend table's year and total columns
    cells = written(actions, chart["sheet_position"])
    years = [cells[(r, 1)] for r in range(first, last + 1)]
    totals = [cells[(r, 2)] for r in range(first, last + 1)]
    assert years == ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘"]  # text: Excel takes them as categories
    assert totals[:2] == [90.12, 95.5] and isinstance(totals[2], float)


def test_user_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    """Excel evaluates a value starting with = + - @ unless it has a leading apostrophe."""
    wb = load_workbook(path("004"))
    wb["หน่วยงาน"]["B14"] = "=cmd|' /C calc'!A0"
    wb["หน่วยงาน"]["B15"] = None  # the one division listed, so every measure row prints it
    source = tmp_path / "evil.xlsx"
    wb.save(source)
    book = json_book(source)
    assert xl.generate(book).ok
    values = [
        v
        for a in book.json()["actions"]
        if a["func"] == "setValues"
        for row in a["values"]
        for v in row
        if isinstance(v, str)
    ]
    risky = [
        v
        for v in values
        if v.lstrip().startswith(("=", "+", "@")) or (v.lstrip()[:2].startswith("-") and len(v.strip()) > 1)
    ]
    assert risky == []
    assert any(v.startswith("'=cmd") for v in values)
