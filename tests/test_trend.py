"""The trend in words (ita_xl.core.trend): issue 14 asks for the trend over the years given as
a chart and a sentence, and nothing without history. Expected sentences are written by hand
from the figures in each row, never produced by the code under test."""

from __future__ import annotations

import pytest

from ita_xl.core.analysis import TrendPoint, build_report
from ita_xl.core.claims import ClaimLog
from ita_xl.core.framework import load_framework
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import analysis_sheet
from ita_xl.core.trend import trend_line


def points(*totals: tuple[int, float | None]) -> tuple[TrendPoint, ...]:
    return tuple(TrendPoint(year, total, None) for year, total in totals)


CASES = [
    # (totals by year, the sentence, the claims made)
    (
        [(2568, 93.10), (2569, 94.10)],
        "คะแนนรวมปี 2569 เพิ่มขึ้น 1.00 คะแนนจากปี 2568 เป็น 94.10 คะแนน",
        ["trend.line_up"],
    ),
    (
        [(2566, 89.47), (2567, 91.26), (2568, 93.10), (2569, 94.10)],
        "คะแนนรวมปี 2569 เพิ่มขึ้น 1.00 คะแนนจากปี 2568 เป็น 94.10 คะแนน และเพิ่มขึ้นต่อเนื่องตั้งแต่ปี 2566 (89.47 คะแนน)",
        ["trend.line_up", "trend.steady_up"],
    ),
    (
        [(2566, 95.00), (2567, 91.26), (2568, 93.10), (2569, 90.00)],
        "คะแนนรวมปี 2569 ลดลง 3.10 คะแนนจากปี 2568 เหลือ 90.00 คะแนน",
        ["trend.line_down"],  # not every year fell: no "ต่อเนื่อง"
    ),
    (
        [(2567, 96.00), (2568, 93.10), (2569, 90.00)],
        "คะแนนรวมปี 2569 ลดลง 3.10 คะแนนจากปี 2568 เหลือ 90.00 คะแนน และลดลงต่อเนื่องตั้งแต่ปี 2567 (96.00 คะแนน)",
        ["trend.line_down", "trend.steady_down"],
    ),
    (
        [(2567, 88.00), (2568, None), (2569, 88.00)],  # the nearest earlier year with a total
        "คะแนนรวมปี 2569 เท่ากับปี 2567 คือ 88.00 คะแนน",
        ["trend.line_same"],
    ),
    ([(2569, 94.10)], "", []),  # no history: no sentence (and no placeholder)
    ([(2568, 93.10), (2569, None)], "", []),  # this year's total not final: nothing to compare
]


@pytest.mark.parametrize(("totals", "sentence", "claims"), CASES)
def test_the_trend_sentence(totals, sentence, claims):
    log = ClaimLog()
    assert trend_line(points(*totals), 2569, log) == sentence
    assert log.ids() == claims


def test_the_fy2569_sample_prints_its_trend_sentence_under_the_totals_table():
    """The sample's history sheet holds 2566–2568 (89.47, 91.26, 93.10): the analysis says how
    this year's total compares, in the trend section, right after the totals by year."""
    unit = SAMPLES["2569"]
    fw = load_framework(unit.fiscal_year)
    report = build_report(unit, fw, assess(fw, questions=unit.questions, tools=unit.tools), [])
    assert report.trend_line.startswith("คะแนนรวมปี 2569 เพิ่มขึ้น 1.00 คะแนนจากปี 2568 ")
    assert "ต่อเนื่องตั้งแต่ปี 2566 (89.47 คะแนน)" in report.trend_line
    cells = [str(v) for row in analysis_sheet(report).value_grid() for v in row if v is not None]
    heading = next(i for i, v in enumerate(cells) if "แนวโน้มผลการประเมิน" in v)
    assert any("ต่อเนื่องตั้งแต่ปี ๒๕๖๖ (๘๙.๔๗ คะแนน)" in v for v in cells[heading:])
