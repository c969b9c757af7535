"""The report says what its figures mean: a wrong total, lowest indicator or measure fails.

Issue 13 named tests/test_analysis.py:92 (tool shares while the total is not final) as
asserting too little to fail on a wrong report. tests/test_analysis.py is being rewritten
elsewhere, so the stronger version lives here. Expected values are worked by hand from
ITA_REFERENCE.md (weights, target 85, "treat a missing tool as missing, report that the total
cannot be final, never silently use 0") and the seeds' printed figures, never computed by
the code under test.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from ita_xl.core.analysis import build_report
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from tests.conftest import SEED_000


def report_of(inputs: UnitInputs):
    fw = load_framework(inputs.fiscal_year)
    result = assess(fw, questions=inputs.questions, indicators=inputs.indicators, tools=inputs.tools)
    return build_report(inputs, fw, result, [])


def unit(year: int, **kwargs) -> UnitInputs:
    return UnitInputs(fiscal_year=year, name="อบต.ทดสอบ", departments=("สำนักปลัด", "กองคลัง"), **kwargs)


# --------------------------------------------------------------------------- a total that is not final


def test_tool_shares_and_no_total_result_while_the_total_is_not_final():
    """FY2568, IIT 90 and OIT 80 typed, EIT parts not scored (ไม่ถูกประมวลผล).

    By hand (weights IIT 30, EIT1 15, EIT2 15, OIT 40): IIT 27.00 + OIT 32.00 = 59.00 with
    the EIT parts at 0, 89.00 with them at 100. The total is neither: it is not final.
    """
    r = report_of(unit(2568, tools={"IIT": 90, "OIT": 80}))
    shares = {t.tool.code: t.weighted for t in r.tools}
    assert shares == {"IIT": pytest.approx(27.0), "EIT1": None, "EIT2": None, "OIT": pytest.approx(32.0)}
    assert {t.tool.code: t.score for t in r.tools} == {"IIT": 90, "EIT1": None, "EIT2": None, "OIT": 80}
    # per tool against the target 85: IIT passes, OIT does not, the unscored parts are neither
    verdicts = {t.tool.code: (None if t.passed is None else t.passed.passed) for t in r.tools}
    assert verdicts == {"IIT": True, "EIT1": None, "EIT2": None, "OIT": False}
    # not final: no value (never the 59.00 a silent 0 would give), the missing tools named, the range
    total = r.assessment.total
    assert total.value is None
    assert tuple(total.missing) == ("EIT1", "EIT2")
    assert (total.low, total.high) == (pytest.approx(59.0), pytest.approx(89.0))
    assert r.assessment.rating is None and r.total_passed is None
    assert "ยังไม่สิ้นสุด" in r.assessment.rating_problem.th and "59.00–89.00" in r.assessment.rating_problem.th
    assert [(p.fiscal_year, p.total) for p in r.trend] == [(2568, None)]
    # no indicator scores: no highest/lowest indicator is claimed
    assert r.extremes is None
    assert all(i.score is None for i in r.indicators)
    # measures: for the tool below 85 (OIT: indicators 9 and 10), none for IIT, which passes
    assert [m.source for m in r.measures] == ["OIT", "OIT"]
    assert [m.theme for m in r.measures] == ["ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", "ตัวชี้วัดที่ 10 การป้องกันการทุจริต"]
    # part A's wording: what the measure rests on first, then the tool's figure
    rests_on = "ไม่มีคะแนนรายตัวชี้วัด จึงกำหนดมาตรการจากคะแนนรายเครื่องมือ โดย "
    assert all(m.analysis.startswith(rests_on + "OIT ได้ 80.00 คะแนน ต่ำกว่าค่าเป้าหมาย") for m in r.measures)
    assert all(m.period == "ตุลาคม 2568 – กันยายน 2569" for m in r.measures)  # FY2569 follows FY2568


# --------------------------------------------------------------------------- seed 000, FY2563


def test_seed_000_report_total_extremes_and_measures_mean_the_seeds_figures():
    """Seed 000 (อบต.แก้ง, FY2563): ITA_REFERENCE.md's check figure and known errors.

    Total 0.3×84.804 + 0.3×78.530 + 0.4×68.560 = 76.42 (the seed prints 76.43), level B
    (75.00–84.99), highest indicator 1 (94.54), lowest 9 (62.12), seven indicators below 85
    (the seed says six): 4, 5, 6, 7, 8, 9, 10. Indicators 1-3 pass and get no measure.
    """
    r = report_of(replace(SAMPLES["000"], measure_choices=()))  # the suggested measures
    assert round(r.assessment.total.value, 2) == 76.42
    assert r.assessment.rating.level == "B"
    assert r.total_passed is not None and r.total_passed.passed is False
    assert {t.tool.code: round(t.score, 3) for t in r.tools} == {"IIT": 84.804, "EIT": 78.530, "OIT": 68.560}
    assert tuple(r.extremes.highest) == (1,) and float(r.extremes.highest_score) == 94.54
    assert tuple(r.extremes.lowest) == (9,) and float(r.extremes.lowest_score) == 62.12
    below = sorted(n for n, score in SEED_000.items() if score < 85)
    assert below == [4, 5, 6, 7, 8, 9, 10]
    assert sorted(r.extremes.below_target) == below
    assert {i.number: i.score for i in r.indicators} == SEED_000
    assert [i.number for i in r.indicators if i.passed.passed] == [1, 2, 3]
    # one measure per indicator below 85, none for a passing indicator; in the seed's own order
    # (its section 4 discusses IIT: indicators 5 then 4, EIT: 8 then 7, OIT: 9 then 10), that is
    # by tool, then weakest first
    tool = {n: 0 if n <= 5 else 1 if n <= 8 else 2 for n in SEED_000}
    expected = [f"ตัวชี้วัดที่ {n}" for n in sorted(below, key=lambda n: (tool[n], SEED_000[n], n))]
    assert [m.source for m in r.measures] == expected
    assert [int(s.split()[-1]) for s in expected] == [5, 4, 8, 7, 6, 9, 10]  # 6 (82.32): the seed omits it
    assert all(m.owner for m in r.measures)
    assert all(m.period == "ตุลาคม 2563 – กันยายน 2564" for m in r.measures)  # FY2564 follows FY2563
