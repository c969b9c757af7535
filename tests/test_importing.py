"""The plan of an import (``ita_xl.core.importing``): what is filled, kept, reported.

Outside references: the seeds' own text (../shared/seeds) and what they print (the totals
98.50/88.50 of seed 004, 97.80/95.70 of seed 001 against a recomputed 97.90, the FY2567
history row of seed 003: ITA_REFERENCE.md and the samples' notes); Excel's behaviour when
text is pasted (it splits lines into rows and tabs into columns, and turns a figure into a
number: Microsoft's "Import or export text files" / Text Import Wizard, "General" format);
and a user's sequence: figures typed first, then the import.
"""

from __future__ import annotations

import pytest

from ita_xl.core.errors import ItaError
from ita_xl.core.framework import load_framework
from ita_xl.core.importing import (
    CONFLICT,
    FILLED,
    SAME,
    Fill,
    compare,
    paste_instructions,
    paste_text,
    plan_import,
    plan_text,
    text_year,
)
from ita_xl.core.layout import HISTORY, SCORES, UNIT, Layout
from ita_xl.core.resulttext import missing_figures, read_result_text
from ita_xl.core.wording import say
from ita_xl.xlsx.template import build_template
from ita_xl.xlsx.workbook import _grid
from tests.test_resulttext import needs_seeds, seed_text


def template(year: int, typed: dict[str, dict[str, object]] | None = None):
    """A new template of ``year`` with ``typed`` values ({sheet: {cell: value}}) typed in."""
    wb = build_template(load_framework(year))
    for sheet, cells in (typed or {}).items():
        for cell, value in cells.items():
            wb[sheet][cell] = value
    return wb


def plan_for(wb, text: str, year: int | None = None):
    return plan_text(text, _grid(wb), wb.sheetnames, year)


# --------------------------------------------------------------------------- compare


@pytest.mark.parametrize(
    ("imported", "typed", "expected"),
    [
        (97.61, None, FILLED),
        (97.61, 97.61, SAME),
        (98.5, "๙๘.๕๐", SAME),  # typed in Thai digits, as pasted from a PDF
        (100.0, 100, SAME),
        (97.61, 97.6, CONFLICT),
        (97.61, "ดูเอกสารแนบ", CONFLICT),  # a note typed in a score cell is the user's
        (97.61, True, CONFLICT),
        ("ผ่านดีเยี่ยม", "ผ่านดีเยี่ยม ", SAME),
        ("ผ่านดีเยี่ยม", "ผ่านดี", CONFLICT),
    ],
)
def test_compare(imported, typed, expected):
    assert compare(Fill(SCORES, "D22", "ตัวชี้วัดที่ 1", imported), typed) == expected


# --------------------------------------------------------------------------- a new template


@needs_seeds
@pytest.mark.parametrize(("seed", "year"), [("001", 2567), ("003", 2567), ("004", 2568)])
def test_a_new_template_gets_every_figure_read_and_nothing_else(seed, year):
    wb = template(year)
    plan = plan_for(wb, seed_text(seed), year)
    assert plan.ok and not plan.conflicts and not plan.same and not plan.into_history
    result = read_result_text(seed_text(seed), load_framework(year))
    layout = Layout(load_framework(year))
    scores = plan.writes()[SCORES]
    for code, figure in result.questions.items():
        assert scores[f"E{layout.question_rows[code]}"] == float(figure.value)
    for number, figure in result.indicators.items():
        assert scores[f"D{layout.indicator_rows[number]}"] == float(figure.value)
    for code, figure in result.tools.items():
        assert scores[f"D{layout.tool_rows[code]}"] == float(figure.value)
    for cells in plan.writes().values():
        for cell in cells:
            assert cell  # every write names its cell
    assert list(plan.missing) == missing_figures(result, load_framework(year))
    assert plan.lines()[0].startswith(f"นำเข้าผลการประเมินปี {year}: กรอกใหม่ {len(plan.fills)} ช่อง")


@needs_seeds
def test_printed_totals_and_level_go_to_the_printed_rows_with_their_lines():
    plan = plan_for(template(2568), seed_text("004"), 2568)
    layout = Layout(load_framework(2568))
    scores = plan.writes()[SCORES]
    rows = layout.printed_total_rows
    assert {scores[f"C{rows[0]}"], scores[f"C{rows[1]}"]} == {88.5, 98.5}
    assert scores[f"C{layout.printed_rating_row}"] == "ผ่านดีเยี่ยม"
    assert scores[f"D{rows[0]}"].startswith("ผลการประเมินที่นำเข้า บรรทัด 25:")
    assert plan.writes()[UNIT][layout.unit_cell("name")] == "เทศบาลตำบลเขาย้อย"


# --------------------------------------------------------------------------- a user's typed figures


@needs_seeds
def test_typed_figures_are_never_overwritten_and_each_difference_is_listed_with_its_cell():
    layout = Layout(load_framework(2568))
    d22, d23 = (f"D{layout.indicator_rows[n]}" for n in (1, 2))
    i1 = f"E{layout.question_rows['i1']}"
    typed = {SCORES: {d22: 97.0, d23: "ดูเอกสาร", i1: "๙๗.๖๑"}, UNIT: {"B4": "ทต.เขาย้อย"}}
    plan = plan_for(template(2568, typed), seed_text("004"), 2568)
    written = plan.writes()
    for cell in (d22, d23, i1):
        assert cell not in written[SCORES]
    assert "B4" not in written[UNIT]
    assert {c.where: c.typed for c in plan.conflicts} == {
        f"{SCORES}!{d22}": 97.0,
        f"{SCORES}!{d23}": "ดูเอกสาร",
        f"{UNIT}!B4": "ทต.เขาย้อย",
    }
    assert [f.where for f in plan.same] == [f"{SCORES}!{i1}"]
    lines = plan.lines()
    assert any(
        line.startswith(f"{SCORES}!D22 (ตัวชี้วัดที่ 1) กรอกไว้แล้วเป็น 97.00 แต่ผลที่นำเข้าเป็น 97.61") for line in lines
    )
    assert plan.needs_attention


@needs_seeds
def test_a_second_import_of_the_same_text_fills_nothing_new():
    wb = template(2568)
    first = plan_for(wb, seed_text("004"), 2568)
    for sheet, cells in first.writes().items():
        for cell, value in cells.items():
            wb[sheet][cell] = value
    second = plan_for(wb, seed_text("004"), 2568)
    assert second.fills == () and second.conflicts == ()
    assert len(second.same) == len(first.fills)


@needs_seeds
def test_a_printed_total_with_no_blank_row_left_is_reported_not_written():
    layout = Layout(load_framework(2568))
    rows = layout.printed_total_rows
    typed = {SCORES: {f"C{rows[0]}": 70.0, f"C{rows[1]}": 71.0}}
    plan = plan_for(template(2568, typed), seed_text("004"), 2568)
    assert not any(f.cell in (f"C{rows[0]}", f"C{rows[1]}") for f in plan.fills)
    cells = f"{SCORES}!C{rows[0]}, {SCORES}!C{rows[1]}"
    assert say("import.no_room", value="98.50", line=144, cells=cells) in plan.notes


# --------------------------------------------------------------------------- what is refused


def test_a_text_that_is_not_an_ita_result_fills_nothing():
    plan = plan_for(template(2568), "ต้มยำกุ้ง\nกุ้ง 300 กรัม\nน้ำ 2 ถ้วย", 2568)
    assert not plan.ok and plan.writes() == {}
    assert plan.lines() == ["ข้อความนี้ไม่ใช่ผลการประเมิน ITA: ไม่พบคะแนนของแบบวัด ตัวชี้วัด หรือข้อคำถาม"]


@needs_seeds
def test_a_workbook_that_is_not_a_template_fills_nothing():
    sheets = {"Sheet1": [["ชื่อ", "คะแนน"], ["ก", 90]]}
    plan = plan_text(seed_text("004"), sheets.__getitem__, list(sheets), 2568)
    assert not plan.ok and plan.writes() == {}
    assert "ไม่ใช่แม่แบบของ ita-xl" in plan.error.th


@needs_seeds
@pytest.mark.parametrize("year", [2568, None], ids=["given", "read from the text"])
def test_a_result_newer_than_the_template_fills_nothing(year):
    plan = plan_for(template(2567), seed_text("004"), year)
    assert not plan.ok and plan.writes() == {}
    assert plan.error.th == say("import.newer", year=2568, template=2567)


# --------------------------------------------------------------------------- history


@needs_seeds
def test_last_years_result_fills_its_history_row():
    layout = Layout(load_framework(2568))
    plan = plan_for(template(2568), seed_text("003"))  # the year read from the text: 2567
    assert plan.ok and plan.into_history and plan.fiscal_year == 2567
    row = next(
        r for r in layout.history_rows if build_template(load_framework(2568))[HISTORY][f"A{r}"].value == 2567
    )
    history = plan.writes()[HISTORY]
    assert set(plan.writes()) == {HISTORY}
    assert history[f"B{row}"] == 98.23 and history[f"C{row}"] == "ผ่านดี"
    assert history[f"G{row}"] == 95.40  # indicator 4, column D + 3 (seed 003's table)
    assert len(history) == 2 + 10


@needs_seeds
def test_a_history_sheet_without_the_years_row_gets_nothing():
    layout = Layout(load_framework(2568))
    typed = {HISTORY: {f"A{row}": 2550 + n for n, row in enumerate(layout.history_rows)}}
    plan = plan_for(template(2568, typed), seed_text("003"))
    assert plan.ok and plan.writes() == {}
    first, last = layout.history_rows[0], layout.history_rows[-1]
    where = f"{HISTORY}!A{first}:A{last}"
    assert say("import.no_history_row", year=2567, sheet=HISTORY, cells=where) in plan.notes


@needs_seeds
@pytest.mark.parametrize(
    ("seed", "default", "year"),
    [("003", 2568, 2567), ("004", 2568, 2568), ("004", 2567, 2568), ("001", 2569, 2567)],
)
def test_the_year_comes_from_the_text(seed, default, year):
    assert text_year(seed_text(seed), default) == year


# --------------------------------------------------------------------------- the check after import


@needs_seeds
@pytest.mark.parametrize(
    ("seed", "year", "differs", "agrees"),
    [
        ("001", 2567, {"97.80", "95.70"}, set()),  # both printed, the tools give 97.90
        ("004", 2568, {"88.50"}, {"98.50"}),  # the memo's 88.50 is a typo of 98.50
    ],
)
def test_published_totals_are_checked_against_the_imported_parts(seed, year, differs, agrees):
    plan = plan_for(template(year), seed_text(seed), year)
    flagged = {line.split("ที่ประกาศ ")[1].split(" ")[0] for line in plan.notes if "คะแนนรวมที่ประกาศ" in line}
    confirmed = {line.split("ที่ประกาศ ")[1].split(" ")[0] for line in plan.confirmed if "คะแนนรวม" in line}
    assert flagged == differs and confirmed == agrees
    if seed == "001":
        assert all("คะแนนที่นำเข้า 97.90" in line for line in plan.notes if "คะแนนรวมที่ประกาศ" in line)
    # A finding, not a block: the published totals are still filled as printed.
    printed = {f.value for f in plan.fills if f.label == say("import.label.total")}
    assert {f"{v:.2f}" for v in printed} == differs | agrees


# --------------------------------------------------------------------------- the paste sheet


def excel_paste(text: str) -> list[list[object]]:
    """What Excel puts in the cells when ``text`` is pasted at A1: a row per line, a column
    per tab, and a cell that reads as a number in Arabic digits stored as that number."""
    rows = []
    for line in text.split("\n"):
        cells: list[object] = []
        for piece in line.split("\t"):
            try:
                cells.append(float(piece) if piece.strip() and piece.strip()[0].isdigit() else piece or None)
            except ValueError:
                cells.append(piece)
        rows.append(cells)
    return rows


@needs_seeds
@pytest.mark.parametrize("seed", ["001", "004"])
def test_text_pasted_into_cells_reads_as_the_text_itself(seed):
    from ita_xl.core.figures import from_thai_digits

    text = from_thai_digits(seed_text(seed))  # Arabic digits: Excel turns them into numbers
    rows = [[paste_instructions()[0]], [paste_instructions()[1]], [], *excel_paste(text)]
    year = 2567 if seed == "001" else 2568
    pasted = plan_for(template(year), paste_text(rows), year)
    direct = plan_for(template(year), text, year)
    assert [(f.where, f.value) for f in pasted.fills] == [(f.where, f.value) for f in direct.fills]
    assert any(isinstance(cell, float) for row in rows for cell in row)


@needs_seeds
def test_a_second_import_from_the_paste_sheet_never_reads_the_first_ones_report():
    """A user pastes the result at A5, presses the button, then presses it again (or pastes a
    correction and imports again): the report the first import wrote in the report column is
    not part of the pasted text, so the second reads exactly what the user pasted."""
    from ita_xl.core.figures import from_thai_digits
    from ita_xl.core.layout import PASTE, PASTE_CELL, PASTE_REPORT_COLUMN
    from ita_xl.xlsx.importing import import_into

    wb = template(2568)
    ws = wb[PASTE]
    first_row = int(PASTE_CELL[1:])
    for r, row in enumerate(excel_paste(from_thai_digits(seed_text("004"))), start=first_row):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c).value = value
    pasted = paste_text(_grid(wb)(PASTE))
    first = import_into(wb, pasted, 2568)
    report = [ws[f"{PASTE_REPORT_COLUMN}{row}"].value for row in range(2, 2 + len(first.lines()))]
    assert report == first.lines() and len(report) > first_row  # the report runs beside the text
    assert paste_text(_grid(wb)(PASTE)) == pasted
    again = import_into(wb, paste_text(_grid(wb)(PASTE)), 2568)
    assert first.fills and not again.fills and not again.conflicts  # all found again as typed


@needs_seeds
def test_a_source_note_the_user_typed_beside_a_printed_total_is_kept():
    """Column D of a printed-total row is where the import notes the line a figure came from;
    a note the user typed there first ("ตามประกาศ ป.ป.ช. …") is theirs and is never replaced."""
    from ita_xl.xlsx.importing import import_into

    rows = Layout(load_framework(2568)).printed_total_rows
    note = "ตามประกาศสำนักงาน ป.ป.ช. ลงวันที่ 30 กันยายน 2568"
    wb = template(2568, {SCORES: {f"D{rows[0]}": note}})
    plan = import_into(wb, seed_text("004"), 2568)
    assert wb[SCORES][f"D{rows[0]}"].value == note
    assert f"D{rows[0]}" not in plan.writes()[SCORES]
    assert wb[SCORES][f"C{rows[0]}"].value in (88.5, 98.5)  # the total itself still goes in
    assert wb[SCORES][f"D{rows[1]}"].value.startswith("ผลการประเมินที่นำเข้า บรรทัด")  # a blank one is noted


def test_plan_import_takes_a_text_read_elsewhere():
    text = "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\ni1 การปฏิบัติงานหรือให้บริการ\t๙๗.๖๑"
    wb = template(2568)
    plan = plan_import(read_result_text(text, load_framework(2568)), _grid(wb), wb.sheetnames)
    assert [(f.where, f.value) for f in plan.fills] == [
        (f"{SCORES}!E{Layout(load_framework(2568)).question_rows['i1']}", 97.61)
    ]


def paste_rows(year: object = None) -> list[list[object]]:
    """The paste sheet as the template lays it out, with two pasted lines from row 5."""
    title, how, label = paste_instructions()
    return [
        [title],
        [how],
        [label, None, None, None, None, year],
        [],
        ["i1 การปฏิบัติงาน", 97.61],
        ["", "o1", 100.0],
    ]


@pytest.mark.parametrize(
    ("rows", "text", "year"),
    [
        (paste_rows(), "i1 การปฏิบัติงาน\t97.61\no1\t100", None),
        (paste_rows(2567), "i1 การปฏิบัติงาน\t97.61\no1\t100", 2567),
        (paste_rows("๒๕๖๗"), "i1 การปฏิบัติงาน\t97.61\no1\t100", 2567),
        ([["ผลการประเมิน"], ["i1", 90.0]], "ผลการประเมิน\ni1\t90", None),  # pasted over A1
    ],
)
def test_the_paste_sheet_gives_the_pasted_lines_and_the_typed_year(rows, text, year):
    from ita_xl.core.importing import paste_year

    assert paste_text(rows) == text
    assert paste_year(rows) == year


def test_a_year_that_is_not_a_year_names_its_cell():
    from ita_xl.core.importing import paste_year

    with pytest.raises(ItaError, match="วางผลการประเมิน!F3"):
        paste_year(paste_rows("ปีนี้"))
