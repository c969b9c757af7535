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
    in_file = generate_workbook(wb)
    assert in_file.ok
    # The generated sheets follow the template's own (the input sheets and the paste sheet).
    for position, (name, spec, file_spec) in enumerate(
        zip(GENERATED_SHEETS, outcome.specs, in_file.specs, strict=True), start=len(TEMPLATE_SHEETS)
    ):
        cells = written(actions, position)
        ws = wb[name]
        _, _, max_col, max_row = range_boundaries(spec.used_area)  # the print area and the รหัส column
        # The file's analysis is laid out on pages, with heading copies the remote engine does
        # not get (it cannot set the breaks): row n here is the file's n-th row that is no copy.
        file_rows = [r for r in range(1, ws.max_row + 1) if r not in file_spec.copied_rows]
        for row in range(1, max_row + 1):
            for col in range(1, max_col + 1):
                expected = ws.cell(file_rows[row - 1], col).value
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


@pytest.mark.parametrize("seed", sorted(SAMPLE_FILES))
@pytest.mark.parametrize(("arabic", "history"), [(False, False), (False, True), (True, False), (True, True)])
def test_the_analysis_sheet_stays_under_the_bound_with_one_rating_row_a_level(
    seed, arabic, history, tmp_path
):
    """The bound above, for every sample and variant, with the rating table as ITA_REFERENCE.md
    "Rating scales" has it (one row a level: ผ่านดี and ผ่าน once each from FY2566 on)."""
    book = json_book(variant(path(seed), tmp_path, arabic=arabic, history=history))
    outcome = xl.generate(book)
    assert outcome.ok
    position = len(TEMPLATE_SHEETS) + GENERATED_SHEETS.index(ANALYSIS)
    actions = [a for a in book.json()["actions"] if a["sheet_position"] == position]
    assert len(actions) < 100, Counter(a["func"] for a in actions).most_common()
    texts = [v for v in written(book.json()["actions"], position).values() if isinstance(v, str)]
    levels = [level.name for level in outcome.report.framework.levels]
    rows = [t.split("\n")[0].replace(" ", "") for t in texts if t.startswith("ระดับ") and "\nคะแนนรวม" in t]
    assert rows == [f"ระดับ{level}" for level in levels]


def replayed(actions, position: int):
    """Row heights, merged ranges and fills a sheet ends with after its remote actions, in
    order. Office.js: ``Range.merge(true)`` merges "cells in each row of the specified range as
    separate merged cells"; ``Range.copyFrom`` (copyRange) brings the source's formats and
    merges; xlwings' ``Range.set_colors`` (setRangeColors) "keep" leaves a cell's fill."""
    heights, merges, fills = {}, set(), {}
    for a in (a for a in actions if a["sheet_position"] == position and a.get("start_row") is not None):
        first_row, first_col = a["start_row"] + 1, a["start_column"] + 1
        rows = range(first_row, first_row + a["row_count"])
        cols = range(first_col, first_col + a["column_count"])
        if a["func"] == "setRowHeight":
            heights.update(dict.fromkeys(rows, a["args"][0]))
        elif a["func"] == "rangeMerge":
            assert a["args"] == [True]
            merges |= {(r, cols[0], r, cols[-1]) for r in rows}
        elif a["func"] == "setRangeColor":
            fills.update({(r, c): a["args"][0].upper() for r in rows for c in cols})
        elif a["func"] == "setRangeColors":
            for r, row in zip(rows, a["args"][0], strict=True):
                fills.update({(r, c): v.upper() for c, v in zip(cols, row, strict=True) if v != "keep"})
        elif a["func"] == "copyRange":
            target_row = range_boundaries(a["args"][1].replace("$", ""))[1]
            shift = target_row - first_row
            fills.update({(r + shift, c): fills[r, c] for r in rows for c in cols if (r, c) in fills})
            merges |= {(r + shift, c, r + shift, lc) for r, c, _, lc in list(merges) if r in rows}
    return heights, merges, fills


@pytest.mark.parametrize("engine", ["remote", None], ids=["set_colors", "rectangles"])
@pytest.mark.parametrize("seed", sorted(SAMPLE_FILES))
def test_the_live_sheets_get_the_heights_merges_and_fills_the_file_gets(seed, engine, tmp_path, monkeypatch):
    """Same spec, same result: the batched setRowHeight, rangeMerge and fill actions give every
    row the height, every row its merges and every cell the fill that the openpyxl renderer
    writes one by one for the same sheet description. ``engine`` None takes the path desktop
    Excel (COM) takes: a fill a rectangle. (The description is the live one: on the remote engine
    the analysis comes without its page layout, ``live.render.sets_page_breaks``.)"""
    from openpyxl import Workbook

    from ita_xl.live import render as live_render
    from ita_xl.xlsx.render import render as render_file

    monkeypatch.setattr(live_render, "_engine", lambda book, real=live_render._engine: engine and real(book))
    source = variant(path(seed), tmp_path, history=True)
    book = json_book(source)
    outcome = xl.generate(book)
    assert outcome.ok
    actions = book.json()["actions"]
    assert any(a["func"] == "setRangeColors" for a in actions) == (engine == "remote")
    wb = Workbook()
    for position, (name, spec) in enumerate(
        zip(GENERATED_SHEETS, outcome.specs, strict=True), len(TEMPLATE_SHEETS)
    ):
        ws, (heights, merges, fills) = render_file(wb, spec), replayed(actions, position)
        rows = range(1, spec.last_row + 1)
        assert {r: heights.get(r) for r in rows} == {r: ws.row_dimensions[r].height for r in rows}, name
        assert merges == {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges}, name
        # A merged range shows its first cell's fill: the others' fills are not seen.
        hidden = {(r, c) for r, first, _, last in merges for c in range(first + 1, last + 1)}
        expected = {
            (cell.row, cell.column): "#" + cell.fill.fgColor.rgb[-6:].upper()
            for row in ws.iter_rows(max_row=spec.last_row, max_col=spec.last_col)
            for cell in row
            if cell.fill.fill_type == "solid" and (cell.row, cell.column) not in hidden
        }
        assert {cell: fill for cell, fill in fills.items() if cell not in hidden} == expected, name


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


@pytest.mark.parametrize(
    ("kind", "entry"),
    [
        ("pictures", {"name": "Picture 1", "width": 80, "height": 80, "left": 400, "top": 10}),
        (
            "shapes",
            {
                "name": "TextBox 1",
                "type": "GeometricShape",
                "left": 400,
                "top": 10,
                "width": 90,
                "height": 30,
            },
        ),
        ("notes", {"address": "$C$11", "text": "ผอ.: ตรวจระดับอีกครั้ง"}),
    ],
)
def test_button_rerun_keeps_a_sheet_with_a_users_picture_shape_or_note(tmp_path, kind, entry):
    """Generate, paste the unit's seal on the analysis (or add a text box or a note), press the
    button again: the values are unchanged, but deleting the sheet would lose what was added, so
    it is kept and the new report goes beside it. The JSON is what xlwings' Office.js client sends
    per sheet ("pictures", "shapes" with Excel.ShapeType names, "notes" with addresses)."""
    data = book_json(generated_file(tmp_path))
    sheet = next(s for s in data["sheets"] if s["name"] == ANALYSIS)
    sheet[kind] = [entry]
    remaining = [s["name"] for s in data["sheets"]]  # the engine updates data as it acts
    import xlwings as xw

    book = xw.Book(json=data)
    outcome = xl.generate(book)
    assert outcome.ok and outcome.beside == {ANALYSIS: f"{ANALYSIS} (2)"}
    deleted = [
        remaining.pop(a["sheet_position"]) for a in book.json()["actions"] if a["func"] == "sheetDelete"
    ]
    assert deleted == [n for n in GENERATED_SHEETS if n != ANALYSIS]


def test_button_rerun_replaces_a_sheet_whose_only_shape_is_its_chart(tmp_path):
    """ita-xl's own trend chart, listed among the shapes as desktop Excel lists it, is not a user's."""
    data = book_json(generated_file(tmp_path))
    sheet = next(s for s in data["sheets"] if s["name"] == ANALYSIS)
    sheet["shapes"] = [{"name": "Chart 1", "type": "chart", "left": 0, "top": 0, "width": 400, "height": 200}]
    import xlwings as xw

    book = xw.Book(json=data)
    outcome = xl.generate(book)
    assert outcome.ok and outcome.beside == {}


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
    wb["หน่วยงาน"]["B15"] = wb["หน่วยงาน"]["B16"] = None  # the one division listed, so every
    # suggested measure row prints it (the sample lists three: seed 004's measure 2 names a section)
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


@pytest.mark.parametrize("seed", ["003", "004"])
def test_the_web_and_lite_get_the_analysis_without_heading_copies(seed):
    """xlwings' remote engine (Excel on the web, xlwings Lite) has no page-break call (its
    PageSetup offers the print area only), so the breaks ita-xl lays out cannot be set there, and
    a heading row copied for such a break would print mid-page. The remote engine gets the
    analysis without its page layout: the rows of the unpaged description, no copies."""
    from ita_xl.core.pipeline import with_digest
    from ita_xl.core.sheets import analysis_sheet
    from ita_xl.live.render import sets_page_breaks
    from tests.test_render_xlwings import report_for

    book = json_book(path(seed))
    assert not sets_page_breaks(book)
    xl.generate(book)
    actions = book.json()["actions"]
    position = len(TEMPLATE_SHEETS) + list(GENERATED_SHEETS).index(ANALYSIS)
    assert not [a for a in actions if a["sheet_position"] == position and a["func"].startswith("copy")]
    report = report_for(seed)
    paged, unpaged = analysis_sheet(report), with_digest(analysis_sheet(report, paged=False))
    assert paged.repeated_rows and not unpaged.repeated_rows and not unpaged.row_breaks
    grid = unpaged.value_grid()
    expected = {
        (r, c): v for r, row in enumerate(grid, 1) for c, v in enumerate(row, 1) if v not in (None, "")
    }
    got = {k: v for k, v in written(actions, position).items() if v not in (None, "")}
    assert got.keys() == expected.keys()
