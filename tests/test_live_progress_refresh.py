"""The tracking sheet refreshed in a live book keeps what staff made on it (issue 16's follow-up).

The live refresh no longer deletes the sheet and adds it anew: it rearranges the rows with
whole-row operations and writes only the cells whose value changes. The actions xlwings' remote
engine records (``book.json()["actions"]``, xlwings ``pro/_xlremote.py``) are replayed here on a
model of the sheet with the rules of the Excel JavaScript API that the Office.js client calls
(xlwings Server's ``xlwings_server/static/js/custom-scripts/index.js``: ``rangeInsert`` → ``Range.insert``,
``rangeDelete`` → ``Range.delete``, ``copyRange`` → ``destination.copyFrom(source)``,
``setValues`` → ``range.values``):

- ``Range.insert(Excel.InsertShiftDirection.down)`` "inserts a cell or a range of cells into the
  worksheet in place of this range, and shifts the other cells to make space", and
  ``Range.delete(up)`` shifts the cells below up (Excel JavaScript API reference, Excel.Range):
  on whole rows, everything on a row (values, formats, links, notes, its height) moves with it;
- ``Range.copyFrom`` with the default ``Excel.RangeCopyType.all`` "copies data and formatting"
  (learn.microsoft.com, "Cut, copy, and paste ranges using the Excel JavaScript API"): the model
  copies values and formats only, since the reference does not say that links, notes or the row
  height go with it; the refresh tells the user so for each row it copies.

The model starts from the workbook file as staff left it (values, fills, bold, links, notes and
row heights, read with openpyxl), since the remote engine's payload carries values (and where
notes are) but no formats: the refresh cannot see them, so it must not touch them.
"""

from __future__ import annotations

import datetime
import shutil
from dataclasses import dataclass, field

import pytest
import xlwings as xw
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from ita_xl.cli import main
from ita_xl.core.errors import ItaError
from ita_xl.core.layout import CHOICES, USE
from ita_xl.core.tracking import HEADER_ROW, TRACKING, col
from ita_xl.core.wording import PROGRESS_ROUNDS, PROGRESS_STATUSES, say
from ita_xl.live.progress import plan_rows, track
from tests.test_live_progress import tracked_book
from tests.test_xlsx_progress import switch_off_and_add
from tests.xlwings_book import book_json, json_book

DONE, DOING, _ = PROGRESS_STATUSES
TOP = HEADER_ROW + 1

# --------------------------------------------------------------------------- the row plan


def _replay_plan(table, ops):
    """The plan's operations on a list of rows (Range.insert / delete shift whole rows; a copy
    puts the source row's content on the destination row)."""
    rows = [None] * (TOP - 1) + list(table) + ["below"] * 3
    for op, a, b in ops:
        if op == "insert":
            rows[a - 1 : a - 1] = [0] * b
        elif op == "delete":
            del rows[a - 1 : a - 1 + b]
        else:
            rows[b - 1] = rows[a - 1]
    return rows[TOP - 1 :]


@pytest.mark.parametrize(
    ("target", "moved", "new", "copies"),
    [
        ([6, 7, 8, 9], [], [], 0),  # nothing changed: nothing done
        ([6, 7, 8, 9, 0, 0], [], [(10, 11)], 0),  # two new measures at the end: one insert
        ([6, 0, 7, 8, 9], [], [(7, 7)], 0),  # a new measure in the middle: rows below shift down
        ([7, 8, 9, 0, 6], [10], [(9, 9)], 1),  # the first removed (to the end), one added
        ([9, 6, 7, 8], [6], [], 1),  # the last measure first: one row copied, not three
        ([6, 8, 9], [], [], 0),  # a blank row 7 dropped: rows below shift up
    ],
)
def test_a_plan_moves_as_few_rows_as_it_can(target, moved, new, copies):
    table = [6, 7, 8, 9]
    plan = plan_rows(table, target)
    assert _replay_plan(table, plan.ops)[: len(target)] == target
    assert plan.moved == moved and plan.new == new
    assert [op for op, *_ in plan.ops].count("copy") == copies


@given(st.data())
def test_any_plan_leaves_each_row_where_the_refresh_puts_it(data):
    table = list(range(TOP, TOP + data.draw(st.integers(0, 9))))
    kept = data.draw(
        st.permutations(data.draw(st.lists(st.sampled_from(table), unique=True)) if table else [])
    )
    target = list(kept)
    for _ in range(data.draw(st.integers(0, 3))):
        target.insert(data.draw(st.integers(0, len(target))), 0)
    plan = plan_rows(table, target)
    replayed = _replay_plan(table, plan.ops)
    assert replayed[: len(target)] == target  # each kept row where it goes, new rows blank
    assert replayed[len(target) :] == ["below"] * 3  # rows below the table untouched
    assert len(plan.moved) == [op for op, *_ in plan.ops].count("copy")


# --------------------------------------------------------------------------- Office.js, modelled


@dataclass
class Row:
    values: dict[int, object] = field(default_factory=dict)
    #: What staff made, per column: "fill:RRGGBB", "bold", "link:URL", "note".
    marks: dict[int, set[str]] = field(default_factory=dict)
    height: float | None = None
    #: The row in the file before the refresh (None: inserted by the refresh).
    origin: int | None = None
    styled: bool = False


def _model(path) -> list[Row]:
    ws = load_workbook(path)[TRACKING]
    rows = [Row(origin=r, height=ws.row_dimensions[r].height) for r in range(1, ws.max_row + 40)]
    for (r, c), cell in ws._cells.items():
        row = rows[r - 1]
        if cell.value is not None:
            row.values[c] = cell.value
        marks = set()
        if cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb not in (None, "00000000"):
            marks.add("fill:" + cell.fill.fgColor.rgb[-6:].upper())
        if cell.font.b:
            marks.add("bold")
        if cell.hyperlink is not None:
            marks.add("link:" + str(cell.hyperlink.target))
        if cell.comment is not None:
            marks.add("note")
        if marks:
            row.marks[c] = marks
    return rows


#: Actions that set a style on their range: each must fall on rows the refresh inserted.
STYLE = {
    "rangeClearFormats",
    "setFontProperty",
    "setRangeColor",
    "setWrapText",
    "setVerticalAlignment",
    "setHorizontalAlignment",
    "setNumberFormat",
    "setBorderProperty",
    "rangeMerge",
}


def _replay(rows: list[Row], actions, position: int) -> list[Row]:
    """The actions on the tracking sheet (at ``position``) applied to ``rows``, as Office.js does."""
    for a in actions:
        if a.get("sheet_position") != position or a["func"] in (
            "setDataValidationList",
            "activateSheet",
            "setPrintArea",
        ):
            continue
        first, count = a["start_row"], a["row_count"]
        func = a["func"]
        if func == "rangeInsert":
            assert a["column_count"] == 16384, "whole rows"
            rows[first:first] = [Row() for _ in range(count)]
        elif func == "rangeDelete":
            assert a["column_count"] == 16384, "whole rows"
            del rows[first : first + count]
        elif func == "copyRange":
            target = int(a["args"][1].split(":")[0].strip("$A")) - 1
            source = rows[first]
            rows[target].values = dict(source.values)
            # values and formats (copyFrom "all"); links and notes are not claimed to follow
            rows[target].marks = {
                c: {m for m in marks if m.startswith(("fill", "bold"))} for c, marks in source.marks.items()
            }
            rows[target].origin = source.origin
        elif func == "setValues":
            for r, values in enumerate(a["values"]):
                for c, value in enumerate(values, start=a["start_column"] + 1):
                    rows[first + r].values[c] = value
        elif func == "setRowHeight":
            for row in rows[first : first + count]:
                [row.height] = a["args"]
        elif func in STYLE:
            for row in rows[first : first + count]:
                row.styled = True
                if func == "rangeClearFormats":
                    row.marks = {}
        else:
            raise AssertionError(f"an action the refresh should not send to this sheet: {func}")
    return rows


def _shown(value):
    return (
        None if value in (None, "") else (value[1:] if isinstance(value, str) and value[:1] == "'" else value)
    )


def _key_rows(rows: list[Row]) -> dict[str, int]:
    header = next(n for n, row in enumerate(rows, 1) if row.values.get(1) == "ที่")
    key = next(c for c, title in rows[header - 1].values.items() if title == "รหัส")
    found = {}
    for n in range(header + 1, len(rows) + 1):
        if not any(_shown(v) is not None for v in rows[n - 1].values.values()):
            break
        found[rows[n - 1].values.get(key) or f"own:{n}"] = n
    return found


# --------------------------------------------------------------------------- a user's year


def _switch_off_and_add(ita, off, own):
    """The unit changes its measures on the ปรับมาตรการ sheet of the same book (one switched off,
    one of its own added) and generates the report again in it."""
    switch_off_and_add(ita, off, own)
    assert main(["generate", str(ita), "--in-place"]) in (0, 1)


@pytest.fixture
def year(tmp_path):
    """Seed 003 generated and tracked in one book; staff typed statuses, results and a date,
    filled a cell, made a result bold, linked the evidence, wrote a note and set a row taller;
    then switched the first measure off, added one of their own and generated again."""
    ita = tracked_book(tmp_path, "003", own_choices=True)  # the tests type their own choices
    wb = load_workbook(ita)
    ws = wb[TRACKING]
    before = {
        ws[f"{col('key')}{r}"].value: r for r in range(TOP, ws.max_row + 1) if ws[f"{col('key')}{r}"].value
    }
    gone, kept, linked, other = list(before)[:4]
    day = datetime.datetime(2568 - 543, 3, 15)  # in FY2568, the year of seed 003's measures
    row = before[kept]
    ws[f"{col('status')}{row}"], ws[f"{col('result')}{row}"] = DONE, "จัดอบรมแล้ว ๒ ครั้ง"
    ws[f"{col('date')}{row}"], ws[f"{col('round')}{row}"] = day, PROGRESS_ROUNDS[0]
    ws[f"{col('result')}{row}"].font = Font(bold=True)
    ws[f"{col('result')}{row}"].fill = PatternFill("solid", fgColor="FFFF00")
    ws.row_dimensions[row].height = 60
    evidence = ws[f"{col('evidence')}{before[linked]}"]
    evidence.value, evidence.hyperlink = "รายงานการประชุม", "https://example.go.th/o.pdf"
    ws[f"{col('status')}{before[linked]}"] = DOING
    ws[f"{col('result')}{before[linked]}"] = "รอผล"
    ws[f"{col('result')}{before[linked]}"].comment = Comment("ตรวจแล้ว", "staff")
    ws[f"{col('status')}{before[gone]}"] = DOING
    ws[f"{col('status')}{before[gone]}"].fill = PatternFill("solid", fgColor="FF0000")
    ws[f"{col('problems')}{before[other]}"] = "ผู้เข้าร่วมไม่ครบ"
    wb.save(ita)
    _switch_off_and_add(ita, gone, "โครงการของหน่วยงานเอง")
    return ita, before, (gone, kept, linked, other), day


def _file_refresh(ita, tmp_path):
    """The same refresh through the file path (``ita-xl progress --in-place``): the reference."""
    copy = tmp_path / "file_path.xlsx"
    shutil.copy(ita, copy)
    assert main(["progress", str(copy), "--in-place"]) in (0, 1)
    return load_workbook(copy)[TRACKING]


def _live_refresh(ita, tmp_path):
    """The button's refresh of ``ita`` through the remote engine, replayed on a model of the
    sheet; every value is what the file path writes (the same sheet, refreshed in place).
    Returns (findings, actions, rows after, the file path's sheet)."""
    model = _model(ita)
    names = load_workbook(ita, read_only=True).sheetnames
    book = json_book(ita)
    findings = track(book)
    actions = book.json()["actions"]
    rows = _replay(model, actions, names.index(TRACKING))
    reference = _file_refresh(ita, tmp_path)
    for r in range(1, reference.max_row + 1):
        for c in range(1, 28):
            assert _shown(rows[r - 1].values.get(c)) == _shown(reference.cell(r, c).value), (r, c)
    return findings, actions, rows, reference


def test_a_users_year_in_a_live_book_keeps_what_staff_made(year, tmp_path):
    ita, before, (gone, kept, linked, other), day = year
    # Every value is what the file path writes: the same sheet, refreshed in place.
    findings, actions, rows, reference = _live_refresh(ita, tmp_path)
    funcs = {a["func"] for a in actions}
    assert not funcs & {"addSheet", "sheetDelete", "sheetClear", "sheetClearFormats", "sheetClearContents"}
    after = _key_rows(rows)
    assert after[gone] == max(after.values()) and after[kept] == before[kept] - 1  # rows moved

    # Typed values survive, and nothing staff typed is written again (a date stays the date cell).
    here = rows[after[kept] - 1]
    assert rows[after[other] - 1].values[12] == "ผู้เข้าร่วมไม่ครบ"
    assert here.values[7] == DONE and here.values[8] == "จัดอบรมแล้ว ๒ ครั้ง" and here.values[10] == day
    writes = [a for a in actions if a["func"] == "setValues"]
    typed_columns = range(7, 14)  # สถานะ … รอบ
    for a in writes:
        written = range(a["start_column"] + 1, a["start_column"] + 1 + len(a["values"][0]))
        origin = rows[a["start_row"]].origin
        assert origin is None or origin == 1 or not set(written) & set(typed_columns), a

    # What staff made on rows that kept their order went with them, untouched by any style.
    assert here.marks[8] == {"bold", "fill:FFFF00"} and here.height == 60 and not here.styled
    link_row = rows[after[linked] - 1]
    assert link_row.marks[11] == {"link:https://example.go.th/o.pdf"} and link_row.marks[8] == {"note"}
    # The row the refresh moved kept its fill (copyFrom copies formats) and the user is told, in
    # one line naming the sheet and the row, that its links, notes and height may not follow.
    assert rows[after[gone] - 1].marks[7] == {"fill:FF0000"}
    assert all(f.sheet and f.cell for f in findings)  # every finding names its cell
    [line] = [f for f in findings if not f.th.startswith(f"{TRACKING}!{f.cell}: ")]  # not check_rows'
    assert line.where == f"{TRACKING}!{col('number')}{after[gone]}"  # the first cell of the row it names
    assert f"“{TRACKING}”" in line.th and f"แถว {after[gone]} ย้ายตำแหน่ง" in line.th
    assert findings[0] is line  # first, so the alert never cuts it off
    # Only the new measure's row got ita-xl's styles; nothing on the rows staff worked on.
    new = next(key for key in after if key not in before)
    assert {n for n, row in enumerate(rows, 1) if row.styled} == {after[new]}
    assert rows[after[new] - 1].origin is None
    assert rows[after[new] - 1].height == reference.row_dimensions[after[new]].height  # ita-xl's


def test_a_refresh_with_nothing_changed_writes_nothing_on_the_sheet(year):
    ita, *_ = year
    assert main(["progress", str(ita), "--in-place"]) in (0, 1)  # the measures' change carried once
    book = json_book(ita)
    findings = track(book)
    funcs = [a["func"] for a in book.json()["actions"]]
    assert set(funcs) == {"setDataValidationList", "activateSheet"}
    assert all(f.sheet and f.cell for f in findings)  # every finding names its cell
    # each one a rule's on a typed cell (``check_rows``: "sheet!cell: ..."): nothing moved or
    # resized, nothing to tell
    assert all(f.th.startswith(f"{TRACKING}!{f.cell}: ") for f in findings)


def test_the_lite_script_alert_says_what_may_not_follow_a_moved_row(year):
    import asyncio
    import importlib.util
    from pathlib import Path

    from xlwings import server

    ita, *_ = year
    main_py = Path(__file__).resolve().parent.parent / "workbooks" / "lite" / "main.py"
    spec = importlib.util.spec_from_file_location("lite_main_refresh", main_py)
    lite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lite)
    book = xw.Book(json=book_json(ita))
    asyncio.run(server.custom_scripts_call(lite, "ita_track", typehint_to_value={xw.Book: book}))
    [alert] = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
    lines = alert.splitlines()
    assert lines[0] == say("progress.tracked", sheet=TRACKING)
    assert f"ชีต “{TRACKING}”" in lines[1] and "อาจไม่ย้ายตามไป" in lines[1]


def test_a_note_on_a_blank_table_row_stops_the_refresh_before_anything_is_written(tmp_path):
    """The remote engine's payload names the cells with notes (``notes``: addresses, xlwings
    ``pro/_xlremote.py`` ``Range.note``): a note on a blank row the refresh would delete is named,
    as the file path names it (``tracking.uncarried_comment``)."""
    ita = tracked_book(tmp_path, "004")
    wb = load_workbook(ita)
    ws = wb[TRACKING]
    ws.insert_rows(TOP + 1)  # a blank row inside the table
    wb.save(ita)
    data = book_json(ita)
    sheet = next(s for s in data["sheets"] if s["name"] == TRACKING)
    sheet["notes"] = [{"address": f"${col('result')}${TOP + 1}"}]
    book = xw.Book(json=data)
    with pytest.raises(ItaError, match=f"{TRACKING}!{col('result')}{TOP + 1}"):
        track(book)
    assert book.json()["actions"] == []


def test_headings_moved_by_hand_stop_the_refresh_in_place(tmp_path):
    ita = tracked_book(tmp_path, "004")
    wb = load_workbook(ita)
    wb[TRACKING].insert_rows(4)  # a blank row above the table: the header is on row 6
    wb.save(ita)
    book = json_book(ita)
    with pytest.raises(ItaError, match=f"แถว {HEADER_ROW}"):
        track(book)
    assert book.json()["actions"] == []


def test_a_row_whose_text_needs_another_height_gets_it_and_the_user_is_told(tmp_path):
    """Staff typed a long problem into a row (Excel keeps a set row height as it is): the
    refresh sets ita-xl's height for the text on that row only, and says so in the alert's line,
    since a height staff set there by hand is replaced (the remote engine cannot read it)."""
    ita = tracked_book(tmp_path, "004")
    wb = load_workbook(ita)
    row = TOP + 1
    wb[TRACKING][f"{col('problems')}{row}"] = "ผู้เข้าร่วมไม่ครบตามเป้าหมาย เนื่องจากตรงกับภารกิจอื่น " * 8
    wb.save(ita)
    book = json_book(ita)
    findings = track(book)
    heights = [a for a in book.json()["actions"] if a["func"] == "setRowHeight"]
    assert [(a["start_row"] + 1, a["row_count"]) for a in heights] == [(row, 1)]
    assert heights[0]["args"][0] > load_workbook(ita)[TRACKING].row_dimensions[row].height
    assert all(f.sheet and f.cell for f in findings)  # every finding names its cell
    [line] = [f for f in findings if not f.th.startswith(f"{TRACKING}!{f.cell}: ")]  # not check_rows'
    assert line.where == f"{TRACKING}!{col('number')}{row}"
    assert line.th == say(
        "tracking.live_lost", sheet=TRACKING, parts=say("tracking.live_resized", rows=str(row))
    )


def _insert_row(ws, at):
    """Excel's Insert › Sheet Rows above row ``at``, on the file: the cells below move down (openpyxl
    ``insert_rows``), and with them their row heights, which openpyxl leaves in place; the new
    row takes the height of the row above it, as Excel formats an inserted row like the one above."""
    heights = {r: d.height for r, d in ws.row_dimensions.items() if r >= at - 1}
    ws.insert_rows(at)
    for r, height in sorted(heights.items(), reverse=True):
        if r >= at:
            ws.row_dimensions[r + 1].height = height
    ws.row_dimensions[at].height = heights.get(at - 1)


def test_a_users_year_with_a_row_inserted_and_a_measure_changed(tmp_path):
    """A user's sequence: the report generated and the measures tracked; staff type a status, a
    result and a note, make a cell bold and yellow, link the evidence, insert a row into the
    table for an activity of their own and type it in; then the unit gives a measure to another
    division (ปรับมาตรการ) and generates again in the same book; then the live refresh. It ends as
    the file path ends, writes only the changed division's cell on that measure's row (its link
    and note stay), moves only the inserted row (a row of staff's own goes after the measures,
    ``tracking.refresh``) and names it, in one line with its cell."""
    ita = tracked_book(tmp_path, "003", own_choices=True)  # the tests type their own choices
    wb = load_workbook(ita)
    ws = wb[TRACKING]
    keys = [ws[f"{col('key')}{r}"].value for r in range(TOP, ws.max_row + 1) if ws[f"{col('key')}{r}"].value]
    first, changed = keys[0], keys[2]
    _insert_row(ws, TOP + 2)  # between the second and the third measure
    ws[f"{col('measure')}{TOP + 2}"], ws[f"{col('status')}{TOP + 2}"] = "ประชุมชี้แจงบุคลากรเพิ่มเติม", DOING
    ws[f"{col('status')}{TOP}"], ws[f"{col('result')}{TOP}"] = DONE, "จัดอบรมแล้ว"
    ws[f"{col('result')}{TOP}"].font = Font(bold=True)
    ws[f"{col('result')}{TOP}"].fill = PatternFill("solid", fgColor="FFFF00")
    ws[f"{col('note')}{TOP + 1}"] = "รอเอกสารจากกองคลัง"
    third = TOP + 3  # the third measure, below the inserted row
    evidence = ws[f"{col('evidence')}{third}"]
    evidence.value, evidence.hyperlink = "รายงานการประชุม", "https://example.go.th/o.pdf"
    ws[f"{col('result')}{third}"], ws[f"{col('result')}{third}"].comment = "รอผล", Comment("ตรวจแล้ว", "staff")
    wb.save(ita)
    wb = load_workbook(ita)
    choices = wb[CHOICES]
    choices["A5"], choices["B5"], choices["C5"] = changed, USE, "กองคลัง"
    wb.save(ita)
    assert main(["generate", str(ita), "--in-place"]) in (0, 1)

    findings, actions, rows, _ = _live_refresh(ita, tmp_path)
    after = _key_rows(rows)
    assert list(after)[: len(keys)] == keys  # the measures in their order, staff's row after them
    own = after[f"own:{after[keys[-1]] + 1}"]
    assert rows[own - 1].values[3] == "ประชุมชี้แจงบุคลากรเพิ่มเติม" and rows[own - 1].values[7] == DOING
    # The changed measure: only its division's cell is written; the link and the note stay.
    here = rows[after[changed] - 1]
    assert here.values[6] == "กองคลัง" and here.values[8] == "รอผล"
    assert here.marks[11] == {"link:https://example.go.th/o.pdf"} and here.marks[8] == {"note"}
    writes = {
        (a["start_row"] + 1, a["start_column"] + 1, len(a["values"][0]))
        for a in actions
        if a["func"] == "setValues" and a["start_row"] + 1 != 1  # row 1: ita-xl's record
    }
    assert (after[changed], 6, 1) in writes
    assert all(row == own for row, column, width in writes if (row, column) != (after[changed], 6))
    # What staff made stays on the rows that kept their order, and no style touches them.
    assert rows[after[first] - 1].marks[8] == {"bold", "fill:FFFF00"}
    assert rows[after[keys[1]] - 1].values[14] == "รอเอกสารจากกองคลัง"
    assert not [n for n, row in enumerate(rows, 1) if row.styled]
    heights = [(a["start_row"] + 1, a["row_count"]) for a in actions if a["func"] == "setRowHeight"]
    assert heights == [(own, 1)]  # the copied row gets ita-xl's height; no other row's is set
    # One line on what moved, first, with its cell in Excel's form.
    assert all(f.sheet and f.cell for f in findings)
    assert findings[0].where == f"{TRACKING}!{col('number')}{own}"
    assert f"แถว {own} ย้ายตำแหน่ง" in findings[0].th


def test_review8_7_a_live_book_tracked_with_the_id_first_refreshes_in_place(tmp_path):
    """The button on a book tracked by main (the id in column A: tests/test_xlsx_progress.ID_FIRST):
    the refresh in place writes what the file path writes (``_live_refresh``), the ids move to O
    and column A shows the numbers, and no cell staff typed (G to N) is written again."""
    from tests.test_xlsx_progress import ID_FIRST

    ita = tmp_path / "ITA.xlsx"
    shutil.copy(ID_FIRST, ita)
    wb = load_workbook(ita)
    wb[TRACKING]["A15"] = None  # the footnote: a live refresh deletes the blank row above it (as main did)
    wb.save(ita)
    _, actions, rows, _ = _live_refresh(ita, tmp_path)
    assert rows[HEADER_ROW - 1].values[1] == "ที่" and rows[HEADER_ROW - 1].values[15] == "รหัส"
    after = _key_rows(rows)
    assert list(after)[:8] == [
        "M-i3",
        "M-i6",
        "M-ind3",
        "M-UEFBA8B",
        "M-UF92DBF",
        "M-U5CE1EA",
        "M-U371FA4",
        "M-U0D56DF",
    ]
    assert [rows[r - 1].values[1] for r in list(after.values())[:8]] == [
        "๑",
        "๒",
        "๓",
        "๔",
        "๕",
        "๖",
        "๗",
        "๘",
    ]
    for a in (a for a in actions if a["func"] == "setValues" and a["start_row"] + 1 > HEADER_ROW):
        written = range(a["start_column"] + 1, a["start_column"] + 1 + len(a["values"][0]))
        assert not set(written) & set(range(7, 15)), a  # สถานะ … หมายเหตุ: staff's, not rewritten
    here = rows[after["M-i3"] - 1]
    assert here.marks[8] == {"bold", "fill:FFFF00"} and not here.styled
