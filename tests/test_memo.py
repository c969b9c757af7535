"""The memo page (บันทึกข้อความ), read back from its SheetSpec; the seeds' memos are the reference
(seed 000 lines 5-49, seed 004 lines 5-72): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน, the body and
the signatures. The body never states a total or level the data does not support."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_xl.core.analysis import build_report
from ita_xl.core.figures import agrees, round2, to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import MemoInputs, Printed, UnitInputs
from ita_xl.core.memo import BLANK, MEMO, body, memo_sheet, stated_level, stated_total, thai_date
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.xlsx.template import build_template, fill
from ita_xl.xlsx.workbook import check_workbook


def report_of(unit: UnitInputs):
    fw = load_framework(unit.fiscal_year)
    assessment = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return build_report(unit, fw, assessment, [])


def read_back(unit: UnitInputs):
    """The report of a unit typed into its template and read back, as generation makes it."""
    wb = build_template(load_framework(unit.fiscal_year))
    fill(wb, unit)
    outcome = check_workbook(wb)
    assert outcome.report is not None, [f.line() for f in outcome.errors]
    return outcome.report


def rows(spec) -> list[list[object]]:
    return [[v for v in row if v is not None] for row in spec.value_grid()]


def text(spec) -> str:
    return "\n".join(str(v) for row in rows(spec) for v in row)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (datetime.date(2021, 1, 7), "7 มกราคม 2564"),  # seed 000: ๗ มกราคม ๒๕๖๔
        (datetime.date(2025, 8, 29), "29 สิงหาคม 2568"),  # seed 004: ๒๙ สิงหาคม ๒๕๖๘
        (datetime.date(2026, 12, 31), "31 ธันวาคม 2569"),
        ("๒๙ สิงหาคม ๒๕๖๘", "๒๙ สิงหาคม ๒๕๖๘"),  # text as typed
        (None, BLANK),  # never a date made up
        ("", BLANK),
    ],
)
def test_thai_date(value, shown):
    assert thai_date(value) == shown


def test_seed_004s_memo_reads_back_with_its_fields_and_signatures():
    spec = memo_sheet(read_back(SAMPLES["004"]))
    grid = rows(spec)
    assert spec.name == MEMO and grid[0][0] == MEMO
    labelled = {row[0]: row[1:] for row in grid if row}
    assert labelled["ส่วนราชการ"] == ["งานวิเคราะห์นโยบายและแผน สำนักปลัดเทศบาล"]
    assert labelled["ที่"] == ["พบ ๕๒๔๐๑๔/๕๗", "วันที่", "๒๙ สิงหาคม ๒๕๖๘"]
    assert labelled["เรียน"] == ["นายกเทศมนตรีตำบลเขาย้อย"]
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in labelled["เรื่อง"][0]
    words = text(spec)
    for line in (
        "(นางสาวปิยะชนิษฐ์ บัวชู)",
        "นักวิเคราะห์นโยบายและแผนชำนาญการ",
        "ความเห็นของหัวหน้าสำนักปลัดเทศบาล",
        "(นางสาวจิตติสุภาภักดิ์ ดังสนั่น)",
        "ความเห็นของนายกเทศมนตรีตำบลเขาย้อย",
        "(นายเนติ ศิริชัย)",
    ):
        assert line in words
    # the memo of seed 004 printed 88.50 by mistake; the report's 98.50 is the one recomputed
    assert "มีผลคะแนนในภาพรวม ๙๘.๕๐ คะแนน ผลการประเมินอยู่ในระดับผ่านดีเยี่ยม" in words
    assert "๘๘.๕๐" not in words


def test_a_date_typed_as_a_date_is_written_in_thai_form():
    unit = dataclasses.replace(SAMPLES["004"], memo=MemoInputs(date=datetime.date(2025, 8, 29)))
    assert "๒๙ สิงหาคม ๒๕๖๘" in text(memo_sheet(read_back(unit)))


def test_what_is_not_typed_is_left_blank_to_fill_by_hand():
    """Seed 001 prints no memo: no number, date, names or positions are invented."""
    report = read_back(SAMPLES["001"])
    grid = rows(memo_sheet(report))
    labelled = {row[0]: row[1:] for row in grid if row}
    assert labelled["ที่"] == [BLANK, "วันที่", BLANK]
    assert labelled["เรียน"] == [BLANK]
    assert labelled["ส่วนราชการ"] == [SAMPLES["001"].name]
    words = text(memo_sheet(report))
    assert words.count(f"({BLANK})") == 3  # preparer, checker, head of unit
    assert words.count(f"ตำแหน่ง {BLANK}") == 3


@pytest.mark.parametrize(
    ("seed", "changes", "total", "level"),
    [
        ("000", {}, "76.43", "B"),  # printed total and level are the official ones
        ("002", {}, "83.31", "B"),  # published, though the inputs cannot recompute them
        ("002", {"printed_totals": (), "printed_rating": None}, None, None),  # total not final
        ("003", {}, "98.23", "ผ่านดี"),  # published ผ่านดี, not the provisional ผ่านดีเยี่ยม
        ("003", {"printed_rating": None}, "98.23", None),  # ผ่านดีเยี่ยม would rest on stand-ins
        ("001", {}, None, "ผ่านดี"),  # 97.80 and 95.70 printed, neither recomputes; "A" is not a level
        ("004", {}, "98.50", "ผ่านดีเยี่ยม"),  # 98.50 and 88.50 printed; 98.50 recomputes
        ("2569", {}, "94.10", "ผ่านดี"),
    ],
)
def test_the_body_states_only_what_the_data_supports(seed, changes, total, level):
    report = report_of(dataclasses.replace(SAMPLES[seed], **changes))
    assert (None if stated_total(report) is None else f"{stated_total(report):.2f}") == total
    assert stated_level(report) == level
    words = "\n".join(body(report))
    assert ("มีผลคะแนนในภาพรวม" in words) == (total is not None)
    # the one level named is the supported one, stated with the total
    assert re.findall(r"อยู่ในระดับ ?(\S+)", words) == ([level] if level and total else [])


SCORE = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda v: round(v, 2))


@st.composite
def units(draw):
    year = draw(st.sampled_from([2563, 2567, 2568, 2569]))
    fw = load_framework(year)
    tools = {t.code: draw(SCORE) for t in fw.tools if draw(st.booleans())}
    indicators = {i.number: draw(SCORE) for i in fw.indicators if draw(st.booleans())}
    names = [lv.name for lv in fw.levels] + ["A", "ผ่าน ดี"]
    rating = draw(st.none() | st.sampled_from(names).map(lambda n: Printed(n)))
    totals = tuple(Printed(v) for v in draw(st.lists(SCORE, max_size=2)))
    return UnitInputs(year, name="หน่วยงานทดสอบ", tools=tools, indicators=indicators, printed_rating=rating,
                      printed_totals=totals)  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(units())
def test_stated_figures_are_always_published_or_recomputed_and_final(unit):
    report = report_of(unit)
    level, total = stated_level(report), stated_total(report)
    printed_level = str(unit.printed_rating.value) if unit.printed_rating else None
    rating = report.assessment.rating
    if level is not None:
        on_scale = printed_level in {lv.name for lv in report.framework.levels}
        assert (on_scale and level == printed_level) or (
            not on_scale and rating is not None and not rating.provisional and level == rating.level
        )
    if total is not None:
        printed = {round2(p.value) for p in unit.printed_totals}
        computed = report.assessment.total.value
        assert total in printed or (computed is not None and total == round2(computed))
        if len(printed) > 1:
            assert computed is not None and agrees(total, computed)
    words = to_thai_digits("\n".join(body(report)))
    if total is None:
        assert "มีผลคะแนนในภาพรวม" not in words
