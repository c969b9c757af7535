"""The sheet descriptions' own wording and section order (their content is checked through the
generator)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ita_xl.core.analysis import TrendPoint, build_report
from ita_xl.core.figures import to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import _change, analysis_sheet


@pytest.mark.parametrize(
    ("point", "text"),
    [
        (TrendPoint(2566, 90.0, None), "-"),
        (TrendPoint(2567, 92.5, 2.5), "เพิ่มขึ้น 2.50 คะแนน"),
        (TrendPoint(2568, 88.0, -4.5), "ลดลง 4.50 คะแนน"),
        (TrendPoint(2568, 88.0, 0.001), "เท่าเดิม"),
    ],
)
def test_change_from_the_previous_year_in_words(point, text):
    assert _change(point) == text


#: The framework of the year opens the grid (unnumbered: it explains, it scores nothing).
FRAMEWORK = "กรอบการประเมินและเกณฑ์ระดับผลการประเมิน ประจำปีงบประมาณ พ.ศ. "
SECTIONS_WITHOUT_THEMES = [
    "๑. กรอบการประเมินและคะแนนรวม",
    "๒. ผลการประเมินรายตัวชี้วัด",
    "๓. วิเคราะห์รายเครื่องมือ",
    "๔. วิเคราะห์รายตัวชี้วัดและข้อคำถาม",
    "๕. แนวโน้มผลการประเมิน",
    "๖. ข้อจำกัด",
    "๗. ข้อเสนอแนะ",
]
SECTIONS_WITH_THEMES = [
    *SECTIONS_WITHOUT_THEMES[:4],
    "๕. สรุปตามประเด็นการพัฒนา ๗ ประเด็น",
    "๖. แนวโน้มผลการประเมิน",
    "๗. ข้อจำกัด",
    "๘. ข้อเสนอแนะ",
]


def _analysis(seed: str, **changes):
    unit = replace(SAMPLES[seed], **changes)
    fw = load_framework(unit.fiscal_year)
    assessment = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return analysis_sheet(build_report(unit, fw, assessment, []))


@pytest.mark.parametrize(
    ("seed", "sections", "chart"),
    [
        ("000", SECTIONS_WITHOUT_THEMES, False),  # FY2563: no development themes
        ("002", SECTIONS_WITHOUT_THEMES, False),
        ("004", SECTIONS_WITH_THEMES, False),  # FY2568: one year with a total
        ("2569", SECTIONS_WITH_THEMES, True),  # FY2569: earlier totals typed in the history
    ],
)
def test_analysis_sections_in_order_numbered_as_they_come(seed, sections, chart):
    spec = _analysis(seed)
    year = to_thai_digits(str(SAMPLES[seed].fiscal_year))
    assert [b.values[0][0] for b in spec.blocks if b.style == "band"] == [FRAMEWORK + year, *sections]
    assert (spec.chart is not None) is chart


def test_the_chart_reads_the_totals_table():
    spec = _analysis("2569", thai_digits=False)
    assert spec.chart is not None
    grid = spec.value_grid()
    first, last = (int(part.strip("AB")) for part in spec.chart.values.split(":"))
    assert grid[first - 2][:2] == ["ปีงบฯ", "คะแนนรวม"]  # the header row above the first value
    years = [grid[r - 1][0] for r in range(first, last + 1)]
    assert years == sorted(years) and years[-1] == "2569"
    assert spec.chart.categories == f"A{first}:A{last}"
