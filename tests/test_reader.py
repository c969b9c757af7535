"""Reading a filled template: problems are findings with their cell, values kept as typed."""

from __future__ import annotations

import datetime

import pytest
from openpyxl import load_workbook

from ita_xl.build import workbooks as build
from ita_xl.core.inputs import MemoInputs
from ita_xl.core.layout import CRITERIA, HISTORY, SCORES, UNIT
from ita_xl.core.reader import ERROR, read
from ita_xl.core.samples import SAMPLE_FILES, SAMPLES
from ita_xl.xlsx.workbook import check_workbook


def sample(seed: str):
    return load_workbook(build.WORKBOOKS / "samples" / SAMPLE_FILES[seed])


def errors(wb) -> list[tuple[str, str]]:
    return [(f.where, f"{f.th} | {f.en}") for f in check_workbook(wb).findings if f.severity == ERROR]


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "where", "words"),
    [
        (SCORES, "D22", "เก้าสิบ", "คะแนน!D22", "อ่าน “เก้าสิบ” เป็นตัวเลขไม่ได้"),
        (SCORES, "D22", 120, "คะแนน!D22", "คะแนน 120 อยู่นอกช่วง 0–100"),
        (SCORES, "E55", -5, "คะแนน!E55", "นอกช่วง"),
        (UNIT, "B4", None, "หน่วยงาน!B4", "ยังไม่ได้กรอกชื่อหน่วยงาน"),
        (UNIT, "B8", 2599, "หน่วยงาน!B8", "ไม่มีเกณฑ์ของปีงบประมาณ 2599"),
        (UNIT, "B8", "ปีนี้", "หน่วยงาน!B8", "ปีงบประมาณ “ปีนี้” ไม่ถูกต้อง"),
        (UNIT, "B8", 2567, "หน่วยงาน!B8", "ไม่ตรงกับแม่แบบของปี 2567"),
        (CRITERIA, "B4", 150, "เกณฑ์!B4", "ช่อง target มีค่า 150"),
        (CRITERIA, "B17", 94.98, "เกณฑ์!B18", "rows of the band from 85 must share its max 94.98"),
        (CRITERIA, "C8", 25, "เกณฑ์!C7:C10", "น้ำหนักเครื่องมือรวมกันได้ 110"),
        (SCORES, "D16", -1, "คะแนน!D16", "นอกช่วง"),  # a tool
        (SCORES, "C10", "เก้าสิบ", "คะแนน!C10", "เก้าสิบ"),  # a printed total
        (SCORES, "C13", "หก", "คะแนน!C13", "หก"),  # the printed count below target
        (SCORES, "F55", 120, "คะแนน!F55", "นอกช่วง"),  # last year's score of the same item
        (HISTORY, "B8", 150, "ประวัติ!B8", "นอกช่วง"),  # an earlier year's total
        (HISTORY, "D6", "x", "ประวัติ!D6", "“x”"),  # an earlier year's indicator
        # every kind of criteria cell, each at its own address (issue 10: D14 was reported at C7:C10)
        (CRITERIA, "D14", 150, "เกณฑ์!D14", "all_tools_at_least"),
        (CRITERIA, "D14", "เก้าสิบห้า", "เกณฑ์!D14", "เก้าสิบห้า"),
        (CRITERIA, "C8", "สิบห้า", "เกณฑ์!C8", "สิบห้า"),
        (CRITERIA, "C8", None, "เกณฑ์!C8", "required value is missing"),
        (CRITERIA, "C8", -15, "เกณฑ์!C8", "-15"),
        (CRITERIA, "B4", "แปดสิบห้า", "เกณฑ์!B4", "แปดสิบห้า"),
        (CRITERIA, "A14", 95.001, "เกณฑ์!A14", "two decimals"),
        (CRITERIA, "C16", None, "เกณฑ์!C16", "required value is missing"),
        (CRITERIA, "D14", "", "เกณฑ์!D14", "only the last rule may have no condition"),
        (CRITERIA, "D15", 101, "เกณฑ์!D15", "0-100"),
        (CRITERIA, "A19", 69.00, "เกณฑ์!A19", "overlap"),
        (CRITERIA, "A20", 0.01, "เกณฑ์!A20", "start at 0"),
        (CRITERIA, "B14", 99.99, "เกณฑ์!B15", "must share its max 99.99"),
        (CRITERIA, "D16", 50, "เกณฑ์!D16", "no condition"),
        # Issue 12: what is there and what is expected, at Excel's own address.
        (SCORES, "D22", "=AVERAGE(E23:E25)", "คะแนน!D22", "ช่องนี้ต้องเป็นตัวเลข ไม่ใช่สูตร"),
        (SCORES, "D22", datetime.datetime(2025, 3, 5), "คะแนน!D22", "วันที่/เวลา (5 มีนาคม 2568)"),
        (SCORES, "D22", True, "คะแนน!D22", "ค่าตรรกะ TRUE"),
        (SCORES, "D22", "#DIV/0!", "คะแนน!D22", "ค่าผิดพลาด #DIV/0!"),
        (SCORES, "D22", "98,50", "คะแนน!D22", "ใช้จุดทศนิยม เช่น 98.50"),
        (SCORES, "E55", "9,5", "คะแนน!E55", "ใช้จุดทศนิยม เช่น 98.50"),
        (SCORES, "D22", "1,00", "คะแนน!D22", "ใช้จุดทศนิยม เช่น 98.50"),
        (UNIT, "B8", 2566, "หน่วยงาน!B8", "แม่แบบนี้สร้างสำหรับปี 2568"),  # FY2566 has no questions
        (HISTORY, "A8", 0, "ประวัติ!A8", "ไม่ใช่ปีงบประมาณ"),
        (HISTORY, "A8", -5, "ประวัติ!A8", "ไม่ใช่ปีงบประมาณ"),
        (HISTORY, "A8", 2022, "ประวัติ!A8", "ปี ค.ศ.? ITA ใช้ปี พ.ศ. เช่น 2568"),
        (HISTORY, "A8", 2600, "ประวัติ!A8", "ไม่ได้อยู่ก่อนปีที่ประเมิน (2568)"),
        (HISTORY, "A8", 2566, "ประวัติ!A8", "ปี 2566 ซ้ำ"),
    ],
)
def test_bad_cells_are_errors_at_their_address(sheet, cell, value, where, words):
    wb = sample("004")
    if sheet == HISTORY:  # two earlier years, the second one the case
        wb[HISTORY]["A7"], wb[HISTORY]["B7"], wb[HISTORY]["B8"] = 2566, 90.12, 95.5
    wb[sheet][cell] = value
    found = errors(wb)
    assert any(w == where and words in text for w, text in found), found


def test_thai_digit_and_text_scores_are_read():
    wb = sample("004")
    wb[SCORES]["D22"] = " ๙๗.๖๑ "
    wb[SCORES]["E55"] = "98.21"
    outcome = check_workbook(wb)
    assert outcome.ok
    assert outcome.report.assessment.indicators[1] == pytest.approx(97.61)


def test_a_workbook_that_is_not_a_template():
    result = read(lambda name: [[None]], ["Sheet1"])
    assert result.inputs is None
    [finding] = result.findings
    assert finding.severity == ERROR and "ita-xl template" in finding.th


def test_values_are_kept_as_typed_and_cells_recorded():
    result = read(
        lambda name: [list(r) for r in sample("004")[name].iter_rows(values_only=True)],
        sample("004").sheetnames,
    )
    assert result.inputs.indicators[4] == "๙๗.๔๒"
    assert result.cells[("indicator", 4)] == "คะแนน!D25"
    assert result.inputs.departments == ("สำนักปลัดเทศบาล", "งานนิติการ สำนักปลัดเทศบาล", "ทุกสำนัก/กอง")


def test_a_question_title_corrected_in_the_workbook_is_what_the_report_says():
    """An assumed title (FY2569's IIT/EIT questions are FY2568's) can be corrected without Python."""
    from ita_xl.core.framework import load_framework
    from ita_xl.core.layout import Layout
    from tests.test_seed_measures import without_choices

    wb = without_choices(sample("004"))  # i10's suggested row: the seed's own measure replaces it
    row = Layout(load_framework(2568)).question_rows["i10"]
    wb[SCORES][f"C{row}"] = "ข้อความข้อ i10 ตามคู่มือฉบับจริง"
    outcome = check_workbook(wb)
    assert outcome.ok
    [i10] = [q for i in outcome.report.indicators for q in i.questions if q.code == "i10"]
    assert i10.label == "ข้อความข้อ i10 ตามคู่มือฉบับจริง"
    assert any("ข้อความข้อ i10 ตามคู่มือฉบับจริง" in m.analysis for m in outcome.report.measures)


def test_the_memo_fields_lists_and_printed_weights_read_back():
    wb = sample("004")
    wb[UNIT]["B38"] = datetime.datetime(2025, 8, 29)  # a date typed as a date
    wb[UNIT]["B45"] = "  ข้อจำกัดของหน่วยงานเอง  "
    inputs = check_workbook(wb).report.inputs
    assert inputs.memo.number == "พบ ๕๒๔๐๑๔/๕๗"
    assert inputs.memo.date == datetime.date(2025, 8, 29)
    assert (inputs.memo.head, inputs.memo.head_position) == ("นายเนติ ศิริชัย", "นายกเทศมนตรีตำบลเขาย้อย")
    assert inputs.limitations[0] == "ข้อจำกัดของหน่วยงานเอง"
    assert check_workbook(sample("000")).report.inputs.printed_weights["OIT"].value == 30


def test_a_workbook_made_before_the_memo_rows_reads_them_as_blank():
    """Files made before the memo block and the lists (rows 35 on of the unit sheet) still read."""
    wb = sample("004")
    wb[UNIT].delete_rows(35, 40)
    for row in range(6, 12):
        wb[CRITERIA][f"E{row}"] = None
    outcome = check_workbook(wb)
    assert outcome.ok, [f.line() for f in outcome.errors]
    inputs = outcome.report.inputs
    assert inputs.memo == MemoInputs()
    assert inputs.limitations == () and inputs.recommendations == ()
    assert inputs.printed_weights == {}
    assert inputs.name == SAMPLES["004"].name and inputs.departments == (
        "สำนักปลัดเทศบาล",
        "งานนิติการ สำนักปลัดเทศบาล",
        "ทุกสำนัก/กอง",
    )
