"""The tracking sheet (ติดตามมาตรการ): measures read back from a generated measures sheet,
typed values kept through a refresh from an edited measures sheet, and the rules on what staff
type (dates against the Thai fiscal year, a status "done" without a result or a date).

References: the Thai fiscal year runs 1 October to 30 September (พระราชบัญญัติวิธีการงบประมาณ
พ.ศ. 2561 มาตรา 4 "ปีงบประมาณ"); Excel's date serial numbers count days from 1900 with 1 January
1900 = 1 and, after February 1900, day n = 30 December 1899 + n (Microsoft, "DATEVALUE function":
"January 1, 2008 is serial number 39448"); the ids are the ones the measures sheet prints in
its column รหัส, read with openpyxl, not with the code under test.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from ita_xl.core.cells import DIGEST_CELL
from ita_xl.core.errors import ItaError
from ita_xl.core.sheets import MARKER, MEASURES, STYLES
from ita_xl.core.tracking import (
    COLUMNS,
    HEADER_ROW,
    TRACKING,
    WRITTEN_PREFIX,
    MeasureLine,
    MeasuresSheet,
    TrackedRow,
    as_date,
    check_measure_columns,
    check_rows,
    check_year,
    col,
    fiscal_bounds,
    marker_moved,
    measure_number,
    read_measures,
    read_tracking,
    refresh,
    row_moves,
    tracking_sheet,
    written_height,
    written_heights,
)
from ita_xl.core.wording import HEADERS, PROGRESS_ROUNDS, PROGRESS_STATUSES, say
from ita_xl.xlsx.template import sample_workbook
from ita_xl.xlsx.workbook import _grid, generate_workbook

DONE, DOING, NOT_STARTED = PROGRESS_STATUSES


@pytest.fixture(scope="module")
def generated_004():
    wb = sample_workbook("004")
    assert generate_workbook(wb).ok
    return wb


def test_measures_are_read_back_with_the_ids_the_sheet_prints(generated_004):
    ws = generated_004[MEASURES]
    header = next(r for r in range(1, 20) if ws.cell(r, 8).value == "รหัส")
    printed = []
    r = header + 1
    while ws.cell(r, 8).value:
        printed.append(ws.cell(r, 8).value)
        r += 1
    sheet = read_measures(_grid(generated_004)(MEASURES))
    assert [line.key for line in sheet.lines] == printed
    assert all(key.startswith("M-") for key in printed)
    # Seed 004 is the analysis of FY2568: its measures are for FY2569 (title of the sheet).
    assert sheet.year == 2569
    assert "๒๕๖๙" in ws["A1"].value
    assert sheet.lines[0].measure == ws.cell(header + 1, 2).value


def test_a_sheet_without_the_measures_table_is_refused_with_its_name():
    with pytest.raises(ItaError, match=MEASURES):
        read_measures([["something else"], ["x", "y"]])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (datetime.datetime(2026, 3, 15, 0, 0), datetime.date(2026, 3, 15)),
        (39448, datetime.date(2008, 1, 1)),  # Microsoft's own example (module docstring)
        ("15/3/2569", datetime.date(2026, 3, 15)),
        ("15/03/69", datetime.date(2026, 3, 15)),
        ("๑๕ มี.ค. ๒๕๖๙", datetime.date(2026, 3, 15)),
        ("15 มีนาคม 2569", datetime.date(2026, 3, 15)),
        ("1 ต.ค. 2568", datetime.date(2025, 10, 1)),
        ("2026-03-15", datetime.date(2026, 3, 15)),
        ("2569-03-15", datetime.date(2026, 3, 15)),  # ISO order, Buddhist-era year (> 2400)
        ("2567-02-29", datetime.date(2024, 2, 29)),  # B.E. 2567 is the leap year 2024
        # Excel turns a typed 2569-03-15 into a date cell of the year 2569 (the DATE function
        # and YEAR take years up to 9999: support.microsoft.com "YEAR function"), serial 244423.
        (datetime.datetime(2569, 3, 15), datetime.date(2026, 3, 15)),
        (244423, datetime.date(2026, 3, 15)),
        ("15/3/2026", datetime.date(2026, 3, 15)),
        ("31/2/2569", None),
        ("เดือนหน้า", None),
        (True, None),
    ],
)
def test_dates_as_staff_type_them(typed, expected):
    assert as_date(typed) == expected


@pytest.mark.parametrize(
    ("year", "first", "last"),
    [
        (2569, datetime.date(2025, 10, 1), datetime.date(2026, 9, 30)),
        (2568, datetime.date(2024, 10, 1), datetime.date(2025, 9, 30)),
    ],
)
def test_fiscal_year_runs_october_to_september(year, first, last):
    assert fiscal_bounds(year) == (first, last)


LINE = MeasureLine("M-i3", "ประเด็นที่ ๑", "๑. มาตรการหนึ่ง", "ขั้นตอน", "ต.ค. – ก.ย.", "สำนักปลัด")


def _row(row: int = 6, **typed) -> TrackedRow:
    return TrackedRow(LINE, typed, "", row)


@pytest.mark.parametrize(
    ("typed", "cells"),
    [
        ({"status": DONE, "result": "จัดอบรมแล้ว", "date": datetime.datetime(2026, 3, 15)}, []),
        ({"status": DONE}, ["H6", "J6"]),
        ({"status": DONE, "result": "จัดอบรมแล้ว"}, ["J6"]),
        ({"status": DONE, "date": "15/3/2569"}, ["H6"]),
        ({"status": DOING}, []),
        ({"status": "เสร็จ"}, ["G6"]),
        ({"status": DOING, "round": "รอบ 3 เดือน"}, ["M6"]),
        ({"status": DOING, "date": "1 ต.ค. 2568"}, []),  # the first day of FY2569
        ({"status": DOING, "date": "30 ก.ย. 2568"}, ["J6"]),  # the day before
        ({"status": DOING, "date": datetime.datetime(2026, 10, 1)}, ["J6"]),  # FY2570
        ({"status": DOING, "date": "พรุ่งนี้"}, ["J6"]),
    ],
)
def test_rules_warn_with_the_cell_in_excel_form(typed, cells):
    findings = check_rows([_row(**typed)], 2569)
    assert [f.cell for f in findings] == cells
    for finding in findings:
        assert finding.where == f"{TRACKING}!{finding.cell}"
        assert finding.th.startswith(f"{TRACKING}!{finding.cell}: ")  # Arabic digits, as Excel writes it


def test_a_date_outside_the_year_names_the_year_and_its_bounds():
    [finding] = check_rows([_row(status=DOING, date="15/3/2570")], 2569)
    assert "2569" in finding.th and "1 ตุลาคม 2568" in finding.th and "30 กันยายน 2569" in finding.th


def _sheet(*lines: MeasureLine) -> MeasuresSheet:
    return MeasuresSheet(2569, "เทศบาลตำบลตัวอย่าง", lines)


def test_refresh_keeps_typed_values_marks_removed_and_adds_new():
    a = MeasureLine("M-i3", "ก", "๑. มาตรการ ก", "", "", "")
    b = MeasureLine("M-e1", "ข", "๒. มาตรการ ข", "", "", "")
    c = MeasureLine("M-ind9", "ค", "๓. มาตรการ ค", "", "", "")
    typed_a = {"status": DONE, "result": "ทำแล้ว", "date": datetime.datetime(2026, 1, 5)}
    typed_b = {"status": DOING, "problems": "งบประมาณ"}
    copy_a = {"status": DOING, "round": PROGRESS_ROUNDS[0]}  # a row the user copied for the first round
    own = {"result": "บันทึกของเจ้าหน้าที่"}  # a row of the user's own, no measure
    existing = [
        TrackedRow(a, typed_a, "", 6),
        TrackedRow(a, copy_a, "", 7),
        TrackedRow(b, typed_b, "", 8),
        TrackedRow(MeasureLine("", "", "", "", "", ""), own, "", 9),
    ]
    edited_a = MeasureLine("M-i3", "ก", "๑. มาตรการ ก (แก้ไขถ้อยคำ)", "", "", "")
    rows = refresh(_sheet(c, edited_a), existing)
    assert [r.line.key for r in rows] == ["M-ind9", "M-i3", "M-i3", "M-e1", ""]
    assert rows[0].typed == {}
    assert rows[1].line.measure == edited_a.measure and rows[1].typed == typed_a
    assert rows[2].typed == copy_a
    assert rows[3].typed == typed_b and rows[3].note == say("tracking.removed")
    assert rows[4].typed == own and rows[4].note == ""
    # Back again: the measure returns, its note goes.
    again = refresh(_sheet(a, b), rows)
    assert [r.note for r in again if r.line.key == "M-e1"] == [""]


def test_rows_without_ids_match_by_the_measure_text_not_its_number():
    old = MeasureLine("", "ก", "๒. มาตรการ ก", "", "", "")
    new = MeasureLine("", "ก", "๑. มาตรการ ก", "", "", "")
    [row] = refresh(_sheet(new), [TrackedRow(old, {"status": DONE}, "", 6)])
    assert row.typed == {"status": DONE} and row.line.measure == "๑. มาตรการ ก"


def _grid_of(spec):
    return spec.value_grid()


def test_the_sheet_round_trips_every_typed_value():
    typed = {
        "status": DONE,
        "result": "จัดอบรม 2 ครั้ง",  # Arabic digits stay Arabic: what the user typed
        "outcome": "ผู้เข้าร่วม 45 คน",
        "date": datetime.datetime(2026, 3, 15),
        "evidence": "https://www.example.go.th/ita/2569/o26.pdf",
        "problems": "งบประมาณจำกัด",
        "round": PROGRESS_ROUNDS[0],
    }
    spec = tracking_sheet(_sheet(LINE), [TrackedRow(LINE, typed)], thai=True)
    sheet, [row] = read_tracking(_grid_of(spec))
    assert sheet.year == 2569 and sheet.thai
    assert row.typed == typed
    # column ที่ reads back the number ita-xl wrote there, the measure's own (review 8, item 7)
    assert row.line == dataclasses.replace(LINE, number=measure_number(LINE.measure)) and row.line.number
    header = [spec.value_grid()[row.row - 2][c] for c in range(len(COLUMNS))]
    assert tuple(header) == HEADERS["tracking"]


def test_drop_down_lists_cover_the_rows_and_use_the_catalogue():
    spec = tracking_sheet(_sheet(LINE, LINE), [TrackedRow(LINE), TrackedRow(LINE)], thai=True)
    status, rounds = spec.validations
    assert status.options == PROGRESS_STATUSES and rounds.options == PROGRESS_ROUNDS
    header = next(n for n, r in enumerate(spec.value_grid(), 1) if r[0] == HEADERS["tracking"][0])
    assert status.cells.startswith(f"{col('status')}{header + 1}:")
    assert rounds.cells.startswith(f"{col('round')}{header + 1}:")


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [((6, 16), "บันทึกเพิ่ม", "P6"), ((6, 8), "=TODAY()", "H6")],  # P: right of the id (O, review 8)
)
def test_refresh_stops_where_a_value_would_be_lost(where, value, message):
    grid = [
        list(r) + [None] * 20 for r in tracking_sheet(_sheet(LINE), [TrackedRow(LINE)], True).value_grid()
    ]
    grid[where[0] - 1][where[1] - 1] = value
    with pytest.raises(ItaError, match=f"{TRACKING}!{message}"):
        read_tracking(grid)


def test_a_date_typed_as_an_excel_serial_is_kept_and_shown_as_a_thai_date():
    """46096 is 15 March 2026 (day n = 30 December 1899 + n, module docstring)."""
    spec = tracking_sheet(_sheet(LINE), [TrackedRow(LINE, {"date": 46096})], thai=True)
    _, [row] = read_tracking(spec.value_grid())
    assert row.typed == {"date": 46096} and as_date(46096) == datetime.date(2026, 3, 15)
    [block] = [b for b in spec.blocks if b.col == COLUMNS.index("date") + 1 and b.row > 5]
    # Thai digits (numeral system 0D), the Buddhist calendar (07), Thai (041E): [$-NNCCLLLL].
    assert STYLES[block.style]["number_format"] == "[$-D07041E]d mmm yyyy"


def test_a_note_staff_wrote_is_kept_and_their_own_measures_are_not_marked_removed():
    own = MeasureLine("", "", "กิจกรรมเพิ่มเติมของหน่วยงาน", "", "", "")
    existing = [
        TrackedRow(LINE, {"status": DOING}, "ติดต่อกองคลังแล้ว", 6),
        TrackedRow(own, {"status": DONE}, "", 7),
    ]
    gone = refresh(_sheet(), existing)
    assert [r.note for r in gone] == [say("tracking.removed") + " ติดต่อกองคลังแล้ว", ""]
    back = refresh(_sheet(LINE), gone)
    assert [r.note for r in back] == ["ติดต่อกองคลังแล้ว", ""]


def test_a_value_typed_beside_the_heading_stops_the_refresh():
    grid = [
        list(r) + [None] * 20 for r in tracking_sheet(_sheet(LINE), [TrackedRow(LINE)], True).value_grid()
    ]
    grid[1][4] = "บันทึกของฉัน"  # E2, beside the unit's name
    with pytest.raises(ItaError, match=f"{TRACKING}!E2"):
        read_tracking(grid)
    grid[1][4] = None
    grid[3][0] = "บันทึกของฉัน"  # A4, the blank line above the header
    with pytest.raises(ItaError, match=f"{TRACKING}!A4"):
        read_tracking(grid)


def _line(key: str, owner: str = "กองคลัง", measure: str = "1. มาตรการ") -> MeasureLine:
    return MeasureLine(key, "ประเด็น", measure, "ขั้นตอน", "ต.ค. 2568", owner)


def test_each_kept_row_moves_with_its_measure_and_a_blank_row_is_not_kept():
    """Rows as staff left them: A on row 6, B on row 7, a blank row 8, C on row 9. The measures
    sheet now has B, a new D, and C; A is gone (kept, at the end)."""
    a, b, c, d = (_line(k) for k in ("M-a", "M-b", "M-c", "M-d"))
    grid = tracking_sheet(MeasuresSheet(2569, "x", ()), [], thai=False).value_grid()
    existing = [TrackedRow(a, row=6), TrackedRow(b, row=7), TrackedRow(c, row=9)]
    rows = refresh(MeasuresSheet(2569, "x", (b, d, c)), existing)
    assert [row.line.key for row in rows] == ["M-b", "M-d", "M-c", "M-a"]
    assert HEADER_ROW == 5 and HEADERS["tracking"][0] == grid[HEADER_ROW - 1][0]
    moves = row_moves(grid, rows)
    assert {old: new for old, new in moves.items() if old > HEADER_ROW} == {7: 6, 9: 8, 6: 9}
    assert all(moves[r] == r for r in range(1, HEADER_ROW + 1)) and 8 not in moves


def _written_sheet(lines, thai=False):
    measures = MeasuresSheet(2569, "x", tuple(lines))
    grid = [list(row) for row in tracking_sheet(measures, refresh(measures), thai).value_grid()]
    return measures, grid


def test_words_typed_over_a_grey_cell_stop_the_refresh_with_the_cell():
    measures, grid = _written_sheet([_line("M-a"), _line("M-b")])
    owner = COLUMNS.index("owner")
    grid[HEADER_ROW + 1][owner] = "กองช่าง"  # typed over M-b's owner, row 7
    _, existing = read_tracking(grid)
    with pytest.raises(ItaError, match=f"{TRACKING}!{col('owner')}7") as raised:
        check_measure_columns(grid, measures, existing)
    assert MEASURES in raised.value.th
    # Nothing is lost when the measures sheet says the same words, or the row's measure is gone.
    check_measure_columns(grid, MeasuresSheet(2569, "x", (_line("M-a"), _line("M-b", "กองช่าง"))), existing)
    check_measure_columns(grid, MeasuresSheet(2569, "x", (_line("M-a"),)), existing)


def test_what_ita_xl_wrote_may_change_on_the_measures_sheet_without_stopping_the_refresh():
    """A measure reworded and renumbered on the measures sheet: the grey cells hold what ita-xl
    wrote, so the refresh replaces them."""
    _, grid = _written_sheet([_line("M-a"), _line("M-b", measure="2. มาตรการ ข")], thai=True)
    _, existing = read_tracking(grid)
    edited = MeasuresSheet(2569, "x", (_line("M-b", "กองช่าง", "1. มาตรการ ข (แก้)"),))
    check_measure_columns(grid, edited, existing)
    assert refresh(edited, existing)[0].line.measure == "1. มาตรการ ข (แก้)"


def test_a_sheet_without_the_record_of_what_ita_xl_wrote_is_refreshed_as_before():
    measures, grid = _written_sheet([_line("M-a")])
    r, c = DIGEST_CELL
    assert str(grid[r - 1][c - 1]).startswith(WRITTEN_PREFIX)
    grid[r - 1][c - 1] = None  # a sheet from before the record
    grid[HEADER_ROW][COLUMNS.index("owner")] = "กองช่าง"
    check_measure_columns(grid, measures, read_tracking(grid)[1])


def test_a_row_staff_typed_a_long_result_into_has_ita_xls_height_on_record():
    """Excel keeps a row's set height when staff type into it (it fits only rows without one):
    the row is as ita-xl wrote it, so the refresh gives it the height its text needs now."""
    measures, grid = _written_sheet([_line("M-a"), _line("M-b")])
    written_height = tracking_sheet(measures, refresh(measures), thai=False).heights[HEADER_ROW + 1]
    grid[HEADER_ROW][COLUMNS.index("result")] = "จัดประชุมชี้แจงแนวทางปฏิบัติให้บุคลากรทุกกอง " * 12
    sheet, existing = read_tracking(grid)
    needed = tracking_sheet(sheet, existing, thai=False).heights[HEADER_ROW + 1]
    assert needed > written_height
    assert written_height in written_heights(grid, sheet, existing)[HEADER_ROW + 1]


def test_words_typed_over_a_grey_cell_of_a_measure_without_an_id_stop_the_refresh():
    """A measure the unit added by hand on the measures sheet has no รหัส: its row is matched by
    its text. Found by review: staff's correction of its owner was replaced without a word."""
    measures, grid = _written_sheet([_line("M-a"), _line("", measure="2. โครงการของหน่วยงานเอง")])
    grid[HEADER_ROW + 1][COLUMNS.index("owner")] = "กองช่าง (แก้เอง)"  # row 7, the row without an id
    _, existing = read_tracking(grid)
    with pytest.raises(ItaError, match=f"{TRACKING}!{col('owner')}7"):
        check_measure_columns(grid, measures, existing)
    # Renumbered on the measures sheet (the number is not part of the match): still refused.
    renumbered = MeasuresSheet(2569, "x", (_line("", measure="1. โครงการของหน่วยงานเอง"),))
    with pytest.raises(ItaError, match=f"{TRACKING}!{col('owner')}7"):
        check_measure_columns(grid, renumbered, existing)
    # The measures sheet says the same words now: nothing is lost.
    same = MeasuresSheet(2569, "x", (_line("", "กองช่าง (แก้เอง)", "2. โครงการของหน่วยงานเอง"),))
    check_measure_columns(grid, same, existing)


def test_a_row_without_an_id_has_ita_xls_height_on_record():
    """Staff's own row (no id) that staff typed a long result into: Excel kept the height ita-xl
    set, so the refresh may give it the height its text needs. Found by review: the height ita-xl
    would write now was taken for the one it wrote, and the row stayed clipped."""
    keyed, own = _line("M-a"), MeasureLine("", "", "กิจกรรมของหน่วยงานเอง", "", "", "")
    measures = MeasuresSheet(2569, "x", (keyed,))
    spec = tracking_sheet(measures, refresh(measures, [TrackedRow(own, {"status": DOING}, "", 7)]), False)
    grid = [list(r) for r in spec.value_grid()]
    grid[HEADER_ROW + 1][COLUMNS.index("result")] = "จัดประชุมชี้แจงแนวทางปฏิบัติให้บุคลากรทุกกอง " * 12
    sheet, existing = read_tracking(grid)
    assert spec.heights[HEADER_ROW + 2] < tracking_sheet(sheet, existing, False).heights[HEADER_ROW + 2]
    assert spec.heights[HEADER_ROW + 2] in written_heights(grid, sheet, existing)[HEADER_ROW + 2]


def test_after_a_sort_a_rows_height_is_ita_xls_by_its_place_too():
    """Excel's Data › Sort moves cells, not row heights: the row a measure is sorted into keeps the
    height ita-xl wrote for the measure that was there, which is ita-xl's too."""
    short, long = _line("M-a"), _line("M-b", measure="2. " + "มาตรการที่ยาวมาก " * 20)
    measures = MeasuresSheet(2569, "x", (short, long))
    spec = tracking_sheet(measures, refresh(measures), False)
    grid = [list(r) for r in spec.value_grid()]
    grid[HEADER_ROW], grid[HEADER_ROW + 1] = grid[HEADER_ROW + 1], grid[HEADER_ROW]  # sorted: B, A
    sheet, existing = read_tracking(grid)
    ours = written_heights(grid, sheet, existing)
    first, second = spec.heights[HEADER_ROW + 1], spec.heights[HEADER_ROW + 2]
    assert first != second
    assert second in ours[HEADER_ROW + 1] and first in ours[HEADER_ROW + 1]  # B's own, and row 6's
    assert first in ours[HEADER_ROW + 2] and second in ours[HEADER_ROW + 2]


def _grid_wide(lines=(LINE,)):
    measures = MeasuresSheet(2569, "x", tuple(lines))
    spec = tracking_sheet(measures, [TrackedRow(line) for line in lines], True)
    return [list(r) + [None] * 20 for r in spec.value_grid()]


def test_a_line_typed_in_a_row_inserted_above_the_header_stops_the_refresh():
    """Only A1 to A3 above the header are ita-xl's (title, unit, how to fill in). Found by review:
    a row inserted above the header moved the header down, and a line typed in it was deleted."""
    grid = _grid_wide()
    grid.insert(3, ["ผู้รับผิดชอบการติดตาม: นางสาวตัวอย่าง"] + [None] * (len(grid[0]) - 1))
    with pytest.raises(ItaError, match=f"{TRACKING}!A4"):
        read_tracking(grid)
    grid[3][0] = None  # the inserted row left blank: nothing is lost
    assert read_tracking(grid)[1][0].row == HEADER_ROW + 2


def _move_column(grid, source, before):
    """Excel's Cut, then Insert Cut Cells: column ``source`` (0-based) goes before ``before``."""
    for row in grid:
        row.insert(before, row.pop(source))


@pytest.mark.parametrize(
    ("edit", "cell"),
    [
        (lambda g: _move_column(g, COLUMNS.index("round"), COLUMNS.index("status")), "G5"),
        (lambda g: [row.pop(COLUMNS.index("evidence")) for row in g], "K5"),  # deleted
        (lambda g: [row.insert(COLUMNS.index("result"), None) for row in g], "H5"),  # inserted
    ],
)
def test_a_moved_inserted_or_deleted_column_stops_the_refresh_at_its_heading(edit, cell):
    """Values are read by column: found by review, a moved column put them under other headings
    (only the first two headings were checked)."""
    grid = _grid_wide()
    edit(grid)
    with pytest.raises(ItaError, match=f"{TRACKING}!{cell}") as raised:
        read_tracking(grid)
    assert f"“{HEADERS['tracking'][ord(cell[0]) - ord('A')]}”" in raised.value.th  # the heading it should be


def test_a_column_deleted_after_the_table_moves_the_marker_and_says_so():
    """A column deleted between the table and Z moves ita-xl's marker out of Z1: the sheet is
    ita-xl's, its columns changed (found by review: the message said ita-xl had not made it)."""
    grid = _grid_wide()
    assert grid[0][25] == MARKER
    for row in grid:
        row.pop(20)  # column U
    error = marker_moved(grid, MARKER)
    assert error is not None and f"{TRACKING}!Y1" in error.th and f"{TRACKING}!Z1" in error.th
    moved = _grid_wide()
    for row in moved:
        row.pop(COLUMNS.index("evidence"))
    assert f"{TRACKING}!K5" in marker_moved(moved, MARKER).th  # the first heading out of place
    assert marker_moved([["a sheet of the user's"]], MARKER) is None


def test_text_in_the_id_column_that_is_no_measure_id_is_not_marked_as_a_removed_measure():
    """Found by review: a footnote typed under the table got ita-xl's note that its measure was
    removed. A row is a removed measure when its id is one ita-xl wrote (the record) or has the
    form of one; other text there is staff's."""
    foot = MeasureLine("หมายเหตุ: ข้อมูล ณ วันที่ 31 มี.ค. 2569", "", "", "", "", "")
    old_id = MeasureLine("X-1", "", "มาตรการเดิม", "", "", "")  # an id ita-xl wrote (on record)
    existing = [TrackedRow(LINE, row=6), TrackedRow(old_id, row=7), TrackedRow(foot, row=9)]
    rows = refresh(_sheet(), existing, recorded={"X-1"})
    assert [r.note for r in rows] == [say("tracking.removed"), say("tracking.removed"), ""]
    # The footnote stays below the table, one blank row under it, as staff typed it.
    assert rows[2].gap == 1 and dataclasses.replace(rows[2], gap=0) == existing[2]
    spec = tracking_sheet(_sheet(), rows, False)
    grid = spec.value_grid()
    key = COLUMNS.index("key")  # the id's column, last since review 8, item 7
    assert grid[8][key] == foot.key and not any(grid[7]) and spec.boxes == (f"A5:{col('note')}7",)
    assert row_moves(grid, rows)[9] == 9 and refresh(_sheet(), read_tracking(grid)[1], {"X-1"})[2].gap == 1


@pytest.mark.parametrize(
    ("height", "written", "ours"),
    [
        (52, (52.0,), True),
        (52.1, (52.0,), True),  # 69.47 and 69.33 pixels: Excel keeps both as 69 (XlsxWriter set_row)
        (52.5, (52.0,), False),  # 70 pixels: one pixel taller, staff set it
        (60, (52.0, 148.0), False),
        (148, (52.0, 148.0), True),  # the height recorded for the row's place (after a sort)
        (52, (), False),  # nothing ita-xl wrote is known for the row
    ],
)
def test_a_height_is_ita_xls_when_excel_keeps_it_as_one_ita_xl_wrote(height, written, ours):
    """The one rule both refreshes apply (a file keeps a height that is not; a live book sets
    ita-xl's new one only where the old one is not), in the whole pixels Excel keeps (0.75 pt)."""
    assert written_height(height, written) is ours


def test_a_tracking_sheet_of_another_year_is_not_refreshed_with_these_measures():
    """FY N's measures are followed in FY N's sheet: refreshing last year's sheet with this year's
    measures would put what staff typed against other measures (both paths, each with its advice)."""
    measures = MeasuresSheet(2569, "อบต.ทดสอบ", ())
    check_year(dataclasses.replace(measures, year=2569), measures, "แนะนำ")
    with pytest.raises(ItaError) as refused:
        check_year(dataclasses.replace(measures, year=2568), measures, "แนะนำ")
    assert "ปีงบประมาณ 2568" in refused.value.th and "มาตรการปี 2569" in refused.value.th
    assert refused.value.th.endswith("แนะนำ")
