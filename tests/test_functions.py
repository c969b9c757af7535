"""ita_xl/core/functions.py: the worksheet functions without Excel.

Expectations come from outside the code: the NACC check figures and rating scales in
shared/ITA_REFERENCE.md, the seeds' printed figures, and Excel's documented behaviour for
a custom function's arguments and results (a single cell arrives as a scalar, a range as a
list of rows; an array result spills in Excel 365; an error value such as ``#N/A`` in a
referenced cell is propagated, as Excel's own arithmetic and aggregate functions do, so the
first cause stays visible down a chain of formulas).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_xl.core import functions as f
from ita_xl.core.wording import PROGRESS_STATUSES
from tests.conftest import SEED_000, SEED_004

#: The rating levels FY2566 on (ITA_REFERENCE.md, "Rating scales").
EXCELLENT, GOOD, PASS = "ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"
IMPROVE, IMPROVE_URGENTLY = "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"
PASSED, FAILED = "ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์"


def is_error(value) -> bool:
    return isinstance(value, str) and value.startswith("#ITA! ")


def row(*values):
    return [list(values)]


def column(*values):
    return [[v] for v in values]


# --------------------------------------------------------------------------- shapes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, [[5]]),  # one cell: xlwings passes a scalar
        (None, [[None]]),  # one blank cell
        ([1, 2], [[1, 2]]),  # a row as a 1-D list
        ([[1], [2]], [[1], [2]]),  # a column
        ([[1, 2], [3, 4]], [[1, 2], [3, 4]]),  # a 2-D range
        (((1, 2), (3, 4)), [[1, 2], [3, 4]]),  # tuples, as some callers pass them
        ([], [[]]),
    ],
)
def test_grid_shapes(value, expected):
    assert f.grid(value) == expected


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        # FY2562-2565 scale (ITA_REFERENCE.md): AA 95-100, A 85-94.99, B 75-84.99 ...
        (76.42, "B"),  # a scalar gives a scalar
        (row(94.99, 95, 84.99, 85), row("A", "AA", "B", "A")),  # a row gives a row
        (column(74.99, 75, 64.99, 65), column("C", "B", "D", "C")),  # a column gives a column
        ([[54.99, 55], [49.99, 50]], [["E", "D"], ["F", "E"]]),  # a grid gives a grid
        (row(None, "", "  "), row(None, None, None)),  # blanks give blanks
    ],
)
def test_a_range_gives_a_same_shaped_result(score, expected):
    assert f.ita_rating(score, None, 2563) == expected


def test_a_single_cell_range_is_a_scalar():
    assert f.ita_rating([[76.42]], None, 2563) == "B"
    assert f.ita_pass([[85]], 85) == PASSED


def test_one_bad_cell_is_one_error_not_a_failed_array():
    result = f.ita_rating(column(76.42, 150, "เก้าสิบ", 98.50), None, 2563)
    assert result[0] == ["B"] and result[3] == ["AA"]
    assert result[1] == ["#ITA! คะแนนรวม คะแนน 150 อยู่นอกช่วง 0–100"]
    assert is_error(result[2][0]) and "เก้าสิบ" in result[2][0]


# --------------------------------------------------------------------------- check figures


def test_seed_000_fy2563_indicators_give_76_42():
    """ITA_REFERENCE.md: 0.3×84.804 + 0.3×78.530 + 0.4×68.560 = 76.42 (the seed prints 76.43)."""
    iit = f.ita_tool_score(row(*(SEED_000[n] for n in range(1, 6))))
    eit = f.ita_tool_score(row(*(SEED_000[n] for n in range(6, 9))))
    oit = f.ita_tool_score(row(SEED_000[9], SEED_000[10]))
    assert (iit, eit, oit) == pytest.approx((84.804, 78.530, 68.560), abs=0.0005)
    total = f.ita_weighted_total(row(iit, eit, oit), column(30, 30, 40))
    assert round(total, 2) == 76.42
    assert round(total, 2) != 76.43  # the seed's printed figure is the one a validator flags
    assert f.ita_rating(total, None, 2563) == "B"
    assert f.ita_below_target(row(*SEED_000.values())) == 7  # the seed's text says 6; 7 are
    assert f.ita_lowest(row(*SEED_000.values()), row(*SEED_000)) == "9"
    assert f.ita_highest(row(*SEED_000.values()), row(*SEED_000)) == "1"


def test_seed_004_fy2568_recomputes_to_98_50_excellent():
    """ITA_REFERENCE.md: seed 004 (FY2568) recomputes exactly to 98.50; it prints ผ่านดีเยี่ยม."""
    iit = f.ita_tool_score(row(*(SEED_004[n] for n in range(1, 6))))
    eit = f.ita_tool_score(row(*(SEED_004[n] for n in range(6, 9))))
    oit = f.ita_tool_score(row(SEED_004[9], SEED_004[10]))
    assert oit == 100
    # FY2566-2568 weights: IIT 30, EIT part 1 15, EIT part 2 15, OIT 40
    weights = column(*(f.ita_tool_weight(code, 2568) for code in ("IIT", "EIT1", "EIT2", "OIT")))
    assert weights == column(30, 15, 15, 40)
    total = f.ita_weighted_total(row(iit, eit, eit, oit), weights)
    assert round(total, 2) == 98.50
    assert f.ita_rating(total, row(iit, eit, eit, oit), 2568) == EXCELLENT
    assert f.ita_below_target(row(*SEED_004.values())) == 0


def test_fy2566_95_81_is_good_when_a_tool_is_below_95():
    """Thai PBS: the FY2566 result 95.81 was published as ผ่านดี (ITA_REFERENCE.md)."""
    assert f.ita_rating(95.81, row(96.00, 92.00, 96.00, 97.00), 2566) == GOOD
    assert f.ita_rating(95.81, row(96.00, 95.00, 96.00, 97.00), 2566) == EXCELLENT


@pytest.mark.parametrize(
    ("total", "tools", "expected"),
    [
        # ITA_REFERENCE.md's adopted FY2566-on table
        (95.00, (95, 95, 95, 95), EXCELLENT),
        (94.99, (99, 99, 99, 99), GOOD),
        (85.00, (85, 85, 85, 85), GOOD),
        (90.00, (98, 84.99, 96, 100), PASS),  # the NACC's FY2568 case: EIT below 85 lowers it
        (84.99, (99, 99, 99, 99), IMPROVE),
        (70.00, (70, 70, 70, 70), IMPROVE),
        (69.99, (70, 70, 70, 70), IMPROVE_URGENTLY),
        (0, (0, 0, 0, 0), IMPROVE_URGENTLY),
    ],
)
def test_fy2568_levels(total, tools, expected):
    assert f.ita_rating(total, row(*tools), 2568) == expected


def test_a_new_scale_total_without_tool_scores_is_an_error_not_a_guess():
    result = f.ita_rating(95.81, None, 2566)
    assert is_error(result) and "คะแนนรายเครื่องมือ" in result


def test_the_rating_reason_states_the_band():
    assert f.ita_rating_reason(76.42, None, 2563) == "คะแนนรวมอยู่ในช่วง 75 ถึง 84.99 คะแนน"  # the report's words


# --------------------------------------------------------------------------- per-cell errors


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: f.ita_average(row(1, 150)), "#ITA! คะแนน 150 อยู่นอกช่วง 0–100"),
        (
            lambda: f.ita_weighted_total(row(84.804, 78.530, 1), column(30, 30, 30)),
            "#ITA! น้ำหนักรวมกันได้ 90 ไม่ใช่ 100",
        ),
        (lambda: f.ita_rating(76.42, None, 2020), "#ITA! ปีงบประมาณต้องเป็น พ.ศ. เช่น 2563 ไม่ใช่ ค.ศ. 2020"),
        (lambda: f.ita_rating(76.42, None, 2568.5), "#ITA! ปีงบประมาณ “2568.5” ไม่ถูกต้อง"),
        (lambda: f.ita_indicator_name(11, 2568), "#ITA! ไม่มีตัวชี้วัดที่ 11 (มี 1–10)"),
        (lambda: f.ita_question("o29", 2568), "#ITA! ไม่มีข้อคำถาม o29 ในปีงบประมาณ 2568"),
        (lambda: f.ita_tool_weight("XYZ", 2568), "#ITA! ไม่มีเครื่องมือ XYZ ในปี 2568 (มี IIT, EIT1, EIT2, OIT)"),
        (lambda: f.ita_lowest(row(1, 2), row("a")), "#ITA! จำนวนคะแนน (2) ไม่เท่ากับจำนวนชื่อ (1)"),
        (lambda: f.ita_thai_digits(98.5, 11), "#ITA! จำนวนทศนิยม “11” ไม่ถูกต้อง"),
        (
            lambda: f.ita_rating(98.5, row(98.13, 96.88, 100), 2568),
            "#ITA! คะแนนรายเครื่องมือต้องมี 4 ค่าต่อคะแนนรวมหนึ่งค่า เรียงเป็น IIT, EIT1, EIT2, OIT",
        ),
        (
            lambda: f.ita_weighted_total([[1, 2], [3, 4, 5]], column(30, 30, 40)),
            "#ITA! มีน้ำหนัก 3 ค่า แต่คะแนนมี 5 ค่า: ให้คะแนนหนึ่งหน่วยงานต่อแถว แถวละ 3 ค่า",
        ),
    ],
)
def test_error_text_is_short_thai_with_the_prefix(call, expected):
    assert call() == expected


def test_a_missing_tool_score_makes_the_total_not_final_with_its_range():
    """ITA_REFERENCE.md: a tool not scored is missing, never silently 0; the total is not final."""
    result = f.ita_weighted_total(row(84.804, 78.530, None), column(30, 30, 40))
    # 0.3×84.804 + 0.3×78.530 = 48.9996 → 49.00 with OIT at 0; 89.00 with OIT at 100
    assert result == "#ITA! คะแนนรวมยังไม่สิ้นสุด: ไม่มีคะแนนลำดับที่ 3 (อยู่ระหว่าง 49.00–89.00)"


def test_one_unit_per_row_each_row_its_own_result():
    result = f.ita_weighted_total(
        [[84.804, 78.530, 68.560], [None, None, None], [1, 2, "#N/A"]], [30, 30, 40]
    )
    assert round(result[0][0], 2) == 76.42
    assert result[1:] == [[None], ["#N/A"]]


def test_a_tool_score_is_blank_until_every_indicator_is_there():
    assert f.ita_tool_score(row(97.20, None, 96.81)) is None


# --------------------------------------------------------------------------- Thai digits in input


def test_thai_digit_text_is_read_as_the_number():
    """Seed 004 is pasted from the PDF as Thai digits (๙๘.๕๐); it means the same as 98.50."""
    assert f.ita_average(column("๙๔.๕๔", None, "IIT")) == 94.54
    total = f.ita_weighted_total(row("๘๔.๘๐๔", "๗๘.๕๓๐", "๖๘.๕๖๐"), row("๓๐", "๓๐", "๔๐"))
    assert round(total, 2) == 76.42
    assert f.ita_rating("๙๘.๕๐", row("๙๘.๑๓", "๙๖.๘๘", "๙๖.๘๘", "๑๐๐"), "๒๕๖๘") == EXCELLENT
    assert f.ita_pass(row(84.99, 85, "๘๕"), 85) == row(FAILED, PASSED, PASSED)


def test_thai_digits_out_two_decimals_text_has_its_digits_replaced():
    assert f.ita_thai_digits(row(98.5, "98.50 คะแนน", None)) == row("๙๘.๕๐", "๙๘.๕๐ คะแนน", None)
    assert f.ita_thai_digits(76.4242, 1) == "๗๖.๔"


# --------------------------------------------------------------------------- passed-through errors


@pytest.mark.parametrize(
    "excel_error", ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#ITA! คะแนน 150 อยู่นอกช่วง 0–100"]
)
@pytest.mark.parametrize(
    "call",
    [
        lambda e: f.ita_average(row(90, e)),
        lambda e: f.ita_tool_score(row(90, e)),
        lambda e: f.ita_weighted_total(row(90, e, 90), column(30, 30, 40)),
        lambda e: f.ita_rating(e, None, 2563),
        lambda e: f.ita_rating(90, row(90, e, 90, 90), 2568),
        lambda e: f.ita_pass(e, 85),
        lambda e: f.ita_below_target(row(90, e)),
        lambda e: f.ita_lowest(row(90, e), row("a", "b")),
        lambda e: f.ita_thai_digits(e),
        lambda e: f.ita_indicator_name(e, 2568),
        lambda e: f.ita_progress(column(PROGRESS_STATUSES[0], e)),
        lambda e: f.ita_status_count(column(e), PROGRESS_STATUSES[0]),
        lambda e: f.ita_status_count(column(None), e),
    ],
)
def test_an_error_in_an_input_is_passed_on_unchanged(call, excel_error):
    assert call(excel_error) == excel_error


def test_an_error_cell_in_a_range_stays_in_its_cell():
    assert f.ita_pass(row(84.99, "#REF!", None), 85) == row(FAILED, "#REF!", None)


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize("year", [2568, 2568.0, "2568", "๒๕๖๘", " 2568 ", [[2568]]])
def test_a_year_however_typed(year):
    assert f.ita_tool_weight("EIT1", year) == 15


@pytest.mark.parametrize(
    ("year", "tool", "weight"),
    [
        # ITA_REFERENCE.md, "Tools, indicators, weights"
        (2562, "OIT", 40),
        (2563, "EIT", 30),
        (2566, "EIT1", 15),
        (2566, "EIT", 30),  # from FY2566 EIT is the sum of its two parts
        (2567, "IIT", 30),
        (2569, "OIT", 40),
    ],
)
def test_tool_weights_by_year(year, tool, weight):
    assert f.ita_tool_weight(tool, year) == weight


def test_a_blank_year_is_the_newest():
    """FY2569 is the newest year (late 2026): it has EIT1, as 2566-2568 do."""
    assert f.ita_tool_weight("EIT1", None) == f.ita_tool_weight("EIT1", "") == 15
    assert f.ita_question("o26", None) == f.ita_question("o26", 2569)
    assert "o26" not in f.ita_question("o26", None)  # FY2569 has 26 OIT items


def test_an_unknown_year_names_the_years_there_are():
    result = f.ita_tool_weight("OIT", 2599)
    assert result.startswith("#ITA! ไม่มีเกณฑ์ของปีงบประมาณ 2599") and "2562" in result and "2569" in result


@pytest.mark.parametrize(
    ("number", "year", "name"),
    [
        (1, 2568, "การปฏิบัติหน้าที่"),
        (5, 2563, "การแก้ไขปัญหาการทุจริต"),
        (9, 2562, "การเปิดเผยข้อมูล"),
        ("๑๐", 2569, "การป้องกันการทุจริต"),
    ],
)
def test_indicator_names_from_the_reference_table(number, year, name):
    assert f.ita_indicator_name(number, year) == name


def test_questions_change_between_years():
    """FY2568 has o27/o28 (the measures and their report); FY2569 ends at o26 (ITA_REFERENCE.md)."""
    assert not is_error(f.ita_question("o28", 2568))
    assert f.ita_question("o27", 2569) == "#ITA! ไม่มีข้อคำถาม o27 ในปีงบประมาณ 2569"
    assert "No Gift Policy" in f.ita_question("O20", 2569)


def test_the_default_target_is_85():
    """ITA_REFERENCE.md: the target (ค่าเป้าหมาย) is 85."""
    assert f.ita_pass(row(84.99, 85), None) == row(FAILED, PASSED)
    assert f.ita_below_target(row(84.99, 85, None)) == 1
    assert f.ita_below_target(row(None, None)) == 0


# --------------------------------------------------------------------------- follow-up of measures
#
# Outside references for ITA_PROGRESS and ITA_STATUS_COUNT:
#
# * Issue 16 (the follow-up of measures): the statuses are ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ /
#   ยังไม่ดำเนินการ, chosen from a data-validation list; the report counts measures done, in
#   progress and not started.
# * Excel's COUNTIF (https://support.microsoft.com/office/e0de10c6-f885-4e71-abb4-1f464816df34)
#   counts the cells equal to a text criterion; on clean statuses the two functions must give
#   =COUNTIF(r, status) and =COUNTIF(r, "ดำเนินการแล้ว") / COUNTA(r) (tests/test_udfs.py computes
#   those with the ``formulas`` package's Excel functions).
# * Excel's COUNTBLANK (https://learn.microsoft.com/office/vba/api/excel.worksheetfunction.countblank):
#   "Cells with formulas that return "" (empty text) are also counted" as blank: "" is blank here.
# * Excel's TRIM (https://support.microsoft.com/office/410388fa-c5df-49c6-b16c-9e5630b479f9):
#   the non-breaking space, character 160, "is commonly used in Web pages as the HTML entity,
#   &nbsp;" and TRIM does not remove it, so a status pasted from a web page carries it.
# * The Unicode Character Database: U+0E33 THAI CHARACTER SARA AM has the compatibility
#   decomposition <compat> 0E4D 0E32 (NIKHAHIT + SARA AA), the other way ำ gets typed; the
#   Unicode Standard (ch. 16, Thai) names U+200B ZERO WIDTH SPACE as the word-boundary mark
#   in Thai text.

ISSUE_16_STATUSES = ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ")
DONE, DOING, NOT_STARTED = PROGRESS_STATUSES
BAD = "#ITA! สถานะ “{}”{} ต้องเป็น “ดำเนินการแล้ว” “อยู่ระหว่างดำเนินการ” หรือ “ยังไม่ดำเนินการ”"


def test_the_statuses_are_the_issues_three_words():
    assert PROGRESS_STATUSES == ISSUE_16_STATUSES
    assert unicodedata.decomposition("\u0e33") == "<compat> 0E4D 0E32"  # the UCD entry relied on


PROGRESS = [
    # (statuses, measures, share done)
    (column(DONE, DOING, NOT_STARTED, DONE), None, 0.5),
    (column(DONE, None, None, None), None, 1.0),  # blank rows past the table are not measures
    (column(DONE, None, None, None), column("M-i1", "M-i2", None, None), 0.5),  # a measure, no status
    (column(DONE, DONE), column(None, None), 1.0),  # a status without a measure still counts
    (column(None, "", "  "), None, None),  # no measure: blank, as ITA_AVERAGE of nothing
    (column(None, ""), column(None, "\u00a0"), None),
    (DONE, None, 1.0),  # one cell arrives as a scalar
    ([[DONE, DOING], [NOT_STARTED, DONE]], None, 0.5),  # a block of cells
    (column(NOT_STARTED, DOING), column(1, 2), 0.0),  # measure numbers count as measures
    (column(f"\u00a0{DONE} "), None, 1.0),  # a non-breaking space from a web page
    (column("ดำเนินการ แล้ว"), None, 1.0),  # a space typed between the words
    (column("ดำเนินการ\u200bแล้ว"), None, 1.0),  # a zero-width space from Thai web text
    (column(DONE.replace("\u0e33", "\u0e4d\u0e32")), None, 1.0),  # ำ typed as ํ + า
    (column(f"{DONE}\n"), None, 1.0),  # Alt+Enter left in the cell
]


@pytest.mark.parametrize(("statuses", "measures", "expected"), PROGRESS)
def test_progress(statuses, measures, expected):
    assert f.ita_progress(statuses, measures) == expected


@pytest.mark.parametrize(
    ("statuses", "measures", "expected"),
    [
        (column(DONE, "เสร็จแล้ว"), None, BAD.format("เสร็จแล้ว", " ในแถวที่ 2 ของช่วง")),
        (column("สถานะ", DONE), None, BAD.format("สถานะ", " ในแถวที่ 1 ของช่วง")),  # the header
        (row(DONE, DONE, 1.0), None, BAD.format("1", " ในคอลัมน์ที่ 3 ของช่วง")),
        ([[DONE, None], [None, 0.5]], None, BAD.format("0.5", " ในแถวที่ 2 คอลัมน์ที่ 2 ของช่วง")),
        (column(True), None, BAD.format("TRUE", " ในแถวที่ 1 ของช่วง")),
        (column(DONE, "ดำเนินการแล้ว."), None, BAD.format("ดำเนินการแล้ว.", " ในแถวที่ 2 ของช่วง")),
        (column(DONE, DONE), column("a"), "#ITA! จำนวนช่องสถานะ (2) ไม่เท่ากับจำนวนช่องมาตรการ (1)"),
        (column(DONE, "#N/A", "x"), None, "#N/A"),  # the first cause, passed on
        (column(DONE, None), column("a", "#REF!"), "#REF!"),
    ],
)
def test_bad_statuses_say_what_and_where(statuses, measures, expected):
    assert f.ita_progress(statuses, measures) == expected
    assert f.ita_status_count(statuses, DONE, measures) == expected


STATUSES = column(DONE, DOING, None, NOT_STARTED, DONE, None)
MEASURES = column("M-i1", "M-i2", "M-i3", "M-i4", "M-i5", None)


@pytest.mark.parametrize(
    ("status", "measures", "expected"),
    [
        (DONE, None, 2),
        (DOING, None, 1),
        (NOT_STARTED, None, 1),
        (NOT_STARTED, MEASURES, 2),  # M-i3 has no status: nothing says it has begun
        (f" {DOING}\u00a0", None, 1),
        (column(*PROGRESS_STATUSES), MEASURES, column(2, 1, 2)),  # one count per status
        (row(DONE, None), None, row(2, None)),  # a blank cell to count gives a blank
        (None, None, None),
        ("เสร็จ", None, "#ITA! สถานะ “เสร็จ” ต้องเป็น “ดำเนินการแล้ว” “อยู่ระหว่างดำเนินการ” หรือ “ยังไม่ดำเนินการ”"),
        ("#N/A", None, "#N/A"),
    ],
)
def test_status_count(status, measures, expected):
    assert f.ita_status_count(STATUSES, status, measures) == expected


def test_a_whole_column_of_blanks_is_no_measure():
    """=ITA_PROGRESS(E:E): Excel passes all 1,048,576 cells, almost all of them empty."""
    statuses = [[DONE], [DOING]] + [[None]] * (1_048_576 - 2)
    assert f.ita_progress(statuses) == 0.5
    assert f.ita_status_count(statuses, DOING) == 1


status_cells = st.sampled_from([*PROGRESS_STATUSES, None, ""])
spaces = st.sampled_from([" ", "\u00a0", "\u200b", "\t", "\n", "\u3000", "\ufeff"])


@st.composite
def typed(draw, status: str | None) -> str | None:
    """``status`` as staff might leave it in a cell: padded, spaced, ำ typed as ํ + า."""
    if status is None:
        return draw(st.sampled_from([None, "", " ", "\u00a0"]))
    text = status.replace("\u0e33", "\u0e4d\u0e32") if draw(st.booleans()) else status
    cut = draw(st.integers(0, len(text)))
    return draw(spaces) + text[:cut] + draw(spaces) + text[cut:] + draw(spaces)


@given(st.lists(status_cells, max_size=40))
def test_clean_statuses_count_as_countif_and_counta(statuses):
    """On the drop-down's own words the functions are COUNTIF and COUNTIF / COUNTA."""
    filled = [s for s in statuses if s]
    for status in PROGRESS_STATUSES:
        assert f.ita_status_count(column(*statuses) or None, status) == filled.count(status)
    expected = filled.count(DONE) / len(filled) if filled else None
    assert f.ita_progress(column(*statuses) or None) == expected


@given(
    st.data(), st.lists(st.tuples(status_cells, st.sampled_from(["M-i1", "M-ind4", 3, None])), max_size=30)
)
def test_how_a_status_is_typed_does_not_change_the_counts(data, rows):
    """Padding, NBSP, zero-width spaces and ำ as ํ + า never change a count or the share."""
    clean = column(*(s or None for s, _ in rows)) or None
    messy = column(*(data.draw(typed(s or None)) for s, _ in rows)) or None
    measures = column(*(m for _, m in rows)) or None
    counts = [f.ita_status_count(clean, status, measures) for status in PROGRESS_STATUSES]
    assert [f.ita_status_count(messy, status, measures) for status in PROGRESS_STATUSES] == counts
    assert f.ita_progress(messy, measures) == f.ita_progress(clean, measures)
    # The three counts add up to the measure rows: a row with a status or a measure.
    assert sum(counts) == sum(1 for s, m in rows if s or m is not None)
    share = f.ita_progress(clean, measures)
    assert share == (counts[0] / sum(counts) if sum(counts) else None)
