"""Validation's agreement checks, one per kind of figure, each on a seed sample with one figure changed.

Each case types a sample (``ita_xl.core.samples``: the seed reports' own figures) into the
template, changes one figure as a member of staff might mistype it, reads the workbook back
and runs one checker. Addresses are the template's cells, as Excel shows them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from ita_xl.core import validation
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import Printed, UnitInputs
from ita_xl.core.reader import WARNING, Finding, ReadResult, read
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.validation import (
    AGREEMENT_CHECKS,
    check_indicators,
    check_printed_below_target,
    check_printed_rating,
    check_printed_totals,
    check_printed_weights,
    check_tools,
    check_total_is_final,
)
from ita_xl.xlsx.template import build_template, fill


def changed(seed: str, field: str, key: Any, value: Any) -> UnitInputs:
    """A sample with one figure changed: a score (``None`` blanks it) or a printed figure."""
    inputs = SAMPLES[seed]
    old = getattr(inputs, field)
    if isinstance(old, dict):
        new = {k: v for k, v in old.items() if k != key}
        if value is not None:
            new[key] = value
    elif isinstance(old, tuple):  # printed totals
        new = tuple(Printed(value, p.source) if n == key else p for n, p in enumerate(old))
    else:  # a printed rating or count
        new = Printed(value, old.source if old else "")
    return dataclasses.replace(inputs, **{field: new})


def read_back(inputs: UnitInputs) -> ReadResult:
    wb = build_template(load_framework(inputs.fiscal_year))
    fill(wb, inputs)
    return read(lambda name: [list(r) for r in wb[name].iter_rows(values_only=True)], wb.sheetnames)


def run(check, inputs: UnitInputs) -> list[Finding]:
    """One checker on a read workbook, with the rules and assessment ``validate`` gives it."""
    result = read_back(inputs)
    rules = validation.effective_framework(result)[0] or result.framework
    typed = result.inputs
    assessment = assess(rules, questions=typed.questions, indicators=typed.indicators, tools=typed.tools)
    return check(result, rules, assessment)


FOUND = [
    # (checker, seed, field, key, new value, Thai fragment, where)
    pytest.param(
        check_indicators, "004", "indicators", 4, 97.44,
        "ตัวชี้วัดที่ 4 กรอกไว้ 97.44 แต่ค่าเฉลี่ยข้อคำถาม (i10, i11, i12) ได้ 97.42", "คะแนน!D25",
        id="indicator-vs-its-questions",
    ),
    pytest.param(
        check_tools, "2569", "tools", "OIT", 83.33,
        "OIT กรอกไว้ 83.33 แต่ค่าเฉลี่ยตัวชี้วัดได้ 93.33", "คะแนน!D19",
        id="tool-vs-its-indicators",
    ),
    pytest.param(
        check_tools, "2569", "tools", "EIT2", 81.45,
        "ค่าเฉลี่ยของ EIT ส่วนที่ 1 และ EIT ส่วนที่ 2 ที่กรอกไว้ 88.61 แต่ค่าเฉลี่ยตัวชี้วัดได้", "คะแนน!D17",
        id="split-tool-vs-its-indicators",
    ),
    # the parts' mean in decimals, as scoring.average takes it: (95.77 + 91.50) / 2 = 93.635
    # prints as 93.64, 0.03 from 93.61 (binary floats gave 93.63499…, 0.02, and no warning)
    pytest.param(
        check_tools, "2569", "tools", "EIT2", 91.50,
        "ค่าเฉลี่ยของ EIT ส่วนที่ 1 และ EIT ส่วนที่ 2 ที่กรอกไว้ 93.64 แต่ค่าเฉลี่ยตัวชี้วัดได้ 93.61", "คะแนน!D17",
        id="split-tool-mean-in-decimals",
    ),
    pytest.param(
        check_total_is_final, "000", "indicators", 9, None,
        "คะแนนรวมยังไม่สิ้นสุด เพราะไม่มีคะแนน OIT", "คะแนน!D18",
        id="total-not-final",
    ),
    pytest.param(
        check_printed_totals, "004", "printed_totals", 0, 98.52,
        "คะแนนรวม 98.52 ที่พิมพ์ในเอกสาร “รายงานการวิเคราะห์” ไม่ตรงกับที่คำนวณได้ 98.50", "คะแนน!C10",
        id="printed-total",
    ),
    pytest.param(
        check_printed_rating, "004", "printed_rating", None, "A",
        "ระดับตามเอกสาร “A” ไม่ใช่ระดับตามเกณฑ์ปี 2568", "คะแนน!C12",
        id="printed-rating-of-another-scale",
    ),
    pytest.param(
        check_printed_rating, "004", "printed_rating", None, "ผ่านดี",
        "ระดับตามเอกสาร “ผ่านดี” ไม่ตรงกับที่คำนวณได้ “ผ่านดีเยี่ยม”", "คะแนน!C12",
        id="printed-rating-not-the-computed",
    ),
    pytest.param(
        check_printed_below_target, "000", "printed_below_target", None, 5,
        "เอกสารระบุว่ามีตัวชี้วัดต่ำกว่าค่าเป้าหมาย 5 ตัว แต่นับได้ 7 ตัว", "คะแนน!C13",
        id="printed-count-below-target",
    ),
    pytest.param(
        check_printed_weights, "000", "printed_weights", "IIT", Printed(35),
        "น้ำหนัก IIT ที่พิมพ์ในเอกสาร ร้อยละ 35 ไม่ตรงกับเกณฑ์ที่ใช้คำนวณ ร้อยละ 30", "เกณฑ์!E7",
        id="printed-weight",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("check", "seed", "field", "key", "value", "words", "where"), FOUND)
def test_a_changed_figure_is_a_warning_at_its_cell(check, seed, field, key, value, words, where):
    assert not any(words in f.th for f in run(check, SAMPLES[seed]))  # the change causes it
    found = run(check, changed(seed, field, key, value))
    [finding] = [f for f in found if f.where == where]
    assert finding.severity == WARNING
    assert words in finding.th, finding.th


AGREES = [
    # (checker, seed, field, key, new value, where): within ±0.01, or the right figure
    pytest.param(check_indicators, "004", "indicators", 4, 97.43, "คะแนน!D25", id="indicator-within-0.01"),
    pytest.param(check_tools, "2569", "tools", "OIT", 93.34, "คะแนน!D19", id="tool-within-0.01"),
    # a split tool's typed parts may each be 0.01 off: their mean, 0.02 from the indicators'
    pytest.param(
        check_tools, "2569", "tools", "EIT2", 91.49, "คะแนน!D17", id="split-tool-within-0.01-a-part"
    ),
    pytest.param(check_total_is_final, "001", "tools", "EIT2", 80, "คะแนน!D18", id="total-final"),
    pytest.param(
        check_printed_totals, "004", "printed_totals", 0, 98.51, "คะแนน!C10", id="total-within-0.01"
    ),
    pytest.param(check_printed_rating, "003", "printed_rating", None, "ผ่านดีเยี่ยม", "คะแนน!C12", id="rating"),
    pytest.param(check_printed_below_target, "000", "printed_below_target", None, 7, "คะแนน!C13", id="count"),
    pytest.param(check_printed_weights, "000", "printed_weights", "OIT", Printed(40), "เกณฑ์!E9", id="weight"),
]


@pytest.mark.parametrize(("check", "seed", "field", "key", "value", "where"), AGREES)
def test_a_figure_that_agrees_is_not_a_finding(check, seed, field, key, value, where):
    assert [f for f in run(check, changed(seed, field, key, value)) if f.where == where] == []


def test_every_agreement_check_is_tested_both_ways():
    for table in (FOUND, AGREES):
        assert {case.values[0] for case in table} == set(AGREEMENT_CHECKS)


def test_the_seeds_known_disagreements_come_in_the_checks_order():
    """Seed 003: its indicators (i7 printed as 96.50) before its printed rating."""
    result = read_back(SAMPLES["003"])
    findings, _, _ = validation.validate(result)
    warnings = [f.where for f in findings if f.severity == WARNING]
    assert warnings[0] == "คะแนน!D24" and warnings[-1] == "คะแนน!C12"


def test_review7_n1_questions_that_are_part_of_their_indicator_are_named_on_the_checks_sheet():
    """Seed 003 prints indicator 8 at ๙๐.๑๗ and e7-e9 at ๙๙.๕๐, ๙๙.๕๐ and ๑๐๐ (mean 99.67), and
    indicator 3 at ๙๘.๘๕ against i7-i9's 98.83 (within the rounding of three printed questions).
    The report says only that the question analysis is partial (review 7, N1); the figures and
    what they mean are here, with the cell."""
    found = {f.cell: f.th for f in run(check_indicators, SAMPLES["003"])}
    assert found["D29"] == (
        "ตัวชี้วัดที่ 8 กรอกไว้ 90.17 แต่ค่าเฉลี่ยข้อคำถาม (e7, e8, e9) ได้ 99.67 "
        "ข้อคำถามที่กรอกจึงเป็นคะแนนเพียงส่วนหนึ่งของตัวชี้วัด รายงานระบุเพียงว่าวิเคราะห์รายข้อได้บางส่วน"
    )
    assert found["D24"] == "ตัวชี้วัดที่ 3 กรอกไว้ 98.85 แต่ค่าเฉลี่ยข้อคำถาม (i7, i8, i9) ได้ 98.83"
