"""The framework of the year and the editable limitations and recommendations.

The outside references: ITA_REFERENCE.md's weights and rating tables (FY2562-2565 AA-F; FY2566
on, four tools and the conditions on every tool, as seeds 003 and 004 print them, lines 97-103
and 122-128) and the seeds' own limitations and recommendations (seed 001 ส่วนที่ ๓, seed 003
ข้อจำกัด ๑.๑-๑.๓, seed 000 ข้อ ๖).
"""

from __future__ import annotations

import dataclasses

import pytest

from ita_xl.core.analysis import build_report
from ita_xl.core.closing import default_texts
from ita_xl.core.docparts import (
    framework_lines,
    framework_part,
    provenance_lines,
)
from ita_xl.core.figures import to_thai_digits
from ita_xl.core.framework import load_framework, with_criteria
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import analysis_sheet

ALL_TOOLS = "ทุกเครื่องมือ (IIT EIT ส่วนที่ 1 EIT ส่วนที่ 2 และ OIT)"


@pytest.mark.parametrize(
    ("year", "weights"),
    [
        (2562, {"IIT": 30, "EIT": 30, "OIT": 40}),
        (2563, {"IIT": 30, "EIT": 30, "OIT": 40}),  # seed 000 prints OIT 30: its typo, not the rule
        (2567, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}),
        (2568, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}),
    ],
)
def test_tools_and_weights_of_the_year(year, weights):
    part = framework_part(load_framework(year))
    assert {code: weight for code, _, _, weight in part.tools} == weights
    assert sum(weight for *_, weight in part.tools) == 100  # the part's own weights (review_code7 B4)


def test_the_old_scale_has_seven_levels_without_conditions():
    part = framework_part(load_framework(2563))
    assert part.bands == (
        ("95.00–100.00", "ไม่มีเงื่อนไข", "AA"),
        ("85.00–94.99", "ไม่มีเงื่อนไข", "A"),
        ("75.00–84.99", "ไม่มีเงื่อนไข", "B"),
        ("65.00–74.99", "ไม่มีเงื่อนไข", "C"),
        ("55.00–64.99", "ไม่มีเงื่อนไข", "D"),
        ("50.00–54.99", "ไม่มีเงื่อนไข", "E"),
        ("0.00–49.99", "ไม่มีเงื่อนไข", "F"),
    )


def test_the_new_scale_states_the_conditions_on_every_tool():
    part = framework_part(load_framework(2568))
    assert part.bands == (
        ("95.00–100.00", f"{ALL_TOOLS} ได้ 95.00 คะแนนขึ้นไป", "ผ่านดีเยี่ยม"),
        ("95.00–100.00", f"{ALL_TOOLS} ได้ 85.00 คะแนนขึ้นไป", "ผ่านดี"),
        ("95.00–100.00", "มีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า 85.00 คะแนน", "ผ่าน"),
        ("85.00–94.99", f"{ALL_TOOLS} ได้ 85.00 คะแนนขึ้นไป", "ผ่านดี"),
        ("85.00–94.99", "มีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า 85.00 คะแนน", "ผ่าน"),
        ("70.00–84.99", "ไม่มีเงื่อนไข", "ต้องปรับปรุง"),
        ("0.00–69.99", "ไม่มีเงื่อนไข", "ต้องปรับปรุงโดยด่วน"),
    )
    assert "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน" in part.tools[1][2]


def test_the_framework_part_has_no_provenance_note():
    """Thai review: the report states the year's rules, the checks sheet warns when some are
    assumed (tests/test_checks.py). Until this review the part carried a note for FY2569."""
    part = framework_part(load_framework(2569))
    assert not hasattr(part, "note")
    assert not any("สมมติ" in line for line in framework_lines(load_framework(2569)))


def test_framework_lines_say_each_weight_and_each_level():
    """Written as seed 004 writes its framework: a sentence per tool ("… ใน ๕ ตัวชี้วัด ได้แก่
    ตัวชี้วัดการปฏิบัติหน้าที่ … และตัวชี้วัดการแก้ไขปัญหาการทุจริต"), then its rating table
    (คะแนน, เงื่อนไข, ระดับ) a level a line; not "น้ำหนักร้อยละ ๓๐: …"."""
    seed = _seed_004()
    assert "ใน ๕ ตัวชี้วัด ได้แก่ ตัวชี้วัดการปฏิบัติหน้าที่" in seed and "ไม่มีเงื่อนไข\tต้องปรับปรุงโดยด่วน" in seed
    fw = load_framework(2568)
    lines = framework_lines(fw)
    assert lines[0].startswith("การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 ใช้เครื่องมือการประเมิน 4 เครื่องมือ")
    assert lines[1] == (
        "1) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) น้ำหนักร้อยละ 30 ของคะแนนรวม "
        "ประเมินการรับรู้ของบุคลากรต่อหน่วยงานของตนเอง ตามตัวชี้วัดที่ 1 ถึง 5"
    )  # the indicators are named in the table of section ๒
    assert lines[4].endswith("ประเมินการเปิดเผยข้อมูลต่อสาธารณะบนเว็บไซต์ของหน่วยงาน ตามตัวชี้วัดที่ 9 และ 10")
    assert not any(":" in line for line in lines[1:5])  # each tool a sentence
    assert "มี 5 ระดับ คือ ผ่านดีเยี่ยม ผ่านดี ผ่าน ต้องปรับปรุง และต้องปรับปรุงโดยด่วน" in lines[5]
    assert lines[-1] == "ระดับต้องปรับปรุงโดยด่วน\nคะแนนรวม 0.00 ถึง 69.99 คะแนน"
    assert "ระดับผ่านดีเยี่ยม\nคะแนนรวม 95.00 ถึง 100.00 คะแนน และทุกเครื่องมือได้ 95.00 คะแนนขึ้นไป" in lines
    assert {lv.name for lv in fw.levels} == {line[len("ระดับ") :].split("\n")[0] for line in lines[6:]}
    assert "ระดับ AA\nคะแนนรวม 95.00 ถึง 100.00 คะแนน" in framework_lines(load_framework(2563))


def _reference_scale() -> list[tuple[str, str, str]]:
    """The FY2566-onward table of /work/shared/ITA_REFERENCE.md "Rating scales": (total, condition, level)."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "shared" / "ITA_REFERENCE.md"
    if not path.exists():
        pytest.skip("ITA_REFERENCE.md not found")
    text = (
        path.read_text(encoding="utf-8")
        .split("FY2566 onward", 1)[1]
        .split("\n\n| total", 1)[1]
        .split("\n\n")[0]
    )
    rows = [line.split("|")[1:4] for line in text.splitlines() if line.startswith("| ") and "–" in line]
    return [(a.strip(), b.strip(), c.strip()) for a, b, c in rows]


@pytest.mark.parametrize("year", [2566, 2567, 2568, 2569])
def test_the_rating_table_has_one_row_per_level_as_ita_reference_writes_it(year):
    """Thai review: the table had 7 rows for 5 levels (ผ่านดี, ผ่าน twice). ITA_REFERENCE.md's
    table has a row per level: "85.00–100 | all ≥ 85 | ผ่านดี", "85.00–100 | any tool < 85 | ผ่าน"."""
    fw = load_framework(year)
    rows = [
        row for row in framework_lines(fw) if row.split("\n")[0] in {f"ระดับ{lv.name}" for lv in fw.levels}
    ]
    assert [row.split("\n")[0] for row in rows] == [f"ระดับ{lv.name}" for lv in fw.levels]
    conditions = {"—": "", "all ≥ 95": " และทุกเครื่องมือได้ 95.00 คะแนนขึ้นไป", "all ≥ 85": " และทุกเครื่องมือได้ 85.00 คะแนนขึ้นไป",
                  "any tool < 85": " และมีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า 85.00 คะแนน"}  # fmt: skip
    expected = []
    for total, condition, level in _reference_scale():
        low, high = (f"{float(x):.2f}" for x in total.split("–"))
        expected.append(f"ระดับ{level}\nคะแนนรวม {low} ถึง {high} คะแนน{conditions[condition]}")
    assert rows == expected


def test_a_level_with_two_alternative_conditions_is_one_row_joined_by_or():
    fw = with_criteria(load_framework(2568), bands=[(85, 100, "ผ่านดี", 85), (85, 100, "ผ่าน", ""),
                                                    (70, 84.99, "ผ่าน", ""), (0, 69.99, "ต้องปรับปรุง", "")])  # fmt: skip
    assert framework_lines(fw)[6:] == [
        "ระดับผ่านดี\nคะแนนรวม 85.00 ถึง 100.00 คะแนน และทุกเครื่องมือได้ 85.00 คะแนนขึ้นไป",
        "ระดับผ่าน\nคะแนนรวม 85.00 ถึง 100.00 คะแนน และมีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า 85.00 คะแนน"
        " หรือคะแนนรวม 70.00 ถึง 84.99 คะแนน",
        "ระดับต้องปรับปรุง\nคะแนนรวม 0.00 ถึง 69.99 คะแนน",
    ]


def _seed_004() -> str:
    from pathlib import Path

    found = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("004_*.txt"))
    if not found:
        pytest.skip("seed 004 not found")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("items", "text"), [([], ""), (["ก"], "ก"), (["ก", "ข"], "ก และข"), (["ก", "ข", "ค"], "ก ข และค")]
)
def test_joined(items, text):
    from ita_xl.core.wording import join_list  # docparts' own copy is gone (review_code7 C5)

    assert join_list(items) == text


def _analysis_text(unit) -> tuple[list[str], str]:
    fw = load_framework(unit.fiscal_year)
    assessment = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    spec = analysis_sheet(build_report(unit, fw, assessment, []))
    bands = [b.values[0][0] for b in spec.blocks if b.style == "band"]
    return bands, "\n".join(str(v) for row in spec.value_grid() for v in row if v is not None)


def test_the_analysis_opens_with_the_framework_and_closes_with_the_lists():
    unit = dataclasses.replace(SAMPLES["004"], recommendations=("ข้อเสนอแนะที่หนึ่ง", "ข้อเสนอแนะที่สอง"))
    bands, words = _analysis_text(unit)
    assert bands[0] == "กรอบการประเมินและเกณฑ์ระดับผลการประเมิน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    # FY2568 has the themes; without history the trend section is left out, the lists follow
    assert bands[1:] == [
        "๑. ผลการประเมินรายเครื่องมือและคะแนนรวม",
        "๒. ผลการประเมินรายตัวชี้วัด",
        "๓. วิเคราะห์รายเครื่องมือ",
        "๔. วิเคราะห์รายตัวชี้วัดและข้อคำถาม",
        "๕. สรุปตามประเด็นการพัฒนา ๗ ประเด็น",
        "๖. ข้อจำกัด",
        "๗. ข้อเสนอแนะ",
    ]
    assert "๑. ข้อเสนอแนะที่หนึ่ง\n" in words and "๒. ข้อเสนอแนะที่สอง" in words
    assert f"๑. {to_thai_digits(default_texts()['limitations'][0])}" in words
    assert "ข้อสังเกตจากการตรวจสอบข้อมูล" not in words


# the Thai review of the generated reports (/work/team/review_thai_findings.md), helper truth


def test_review_5_assumed_rules_say_where_they_come_from():
    """FY2569's weights, scale, target and IIT/EIT questions are FY2568's, assumed unchanged
    (provenance "assumed", from_year 2568, in fy2569.toml). Before, the framework part stated
    them as FY2569's own. The sentence comes from the provenance data: with it confirmed, none."""
    fw = load_framework(2569)
    lines = framework_lines(fw)
    assert lines[0] == (
        "ในรายงานนี้ น้ำหนักของเครื่องมือ เกณฑ์ระดับผลการประเมิน ค่าเป้าหมาย ข้อคำถาม IIT ข้อคำถาม EIT "
        "และการจัดกลุ่มตัวชี้วัดย่อยของ OIT เป็นไปตามเกณฑ์ของปีงบประมาณ พ.ศ. 2568"
    )  # (thai7, review 7 viii) nothing on what the NACC has or has not announced
    assert {p.from_year for p in fw.assumed} == {2568}
    confirmed = dataclasses.replace(
        fw, provenance=tuple(dataclasses.replace(p, status="confirmed") for p in fw.provenance)
    )
    assert provenance_lines(confirmed) == []
    unsourced = dataclasses.replace(
        fw, provenance=tuple(dataclasses.replace(p, from_year=None) for p in fw.provenance)
    )
    assert provenance_lines(unsourced)[0].endswith(
        "ยังไม่ได้รับการยืนยันจากคู่มือการประเมินของสำนักงาน ป.ป.ช. ประจำปีงบประมาณ พ.ศ. 2569"
    )
    for year in (2563, 2567, 2568):  # nothing assumed: nothing said
        assert provenance_lines(load_framework(year)) == []
    _, words = _analysis_text(SAMPLES["2569"])
    assert "เป็นไปตามเกณฑ์ของปีงบประมาณ พ.ศ. ๒๕๖๘" in words and "จนกว่า" not in words


def test_review_17_one_bracket_per_tool_and_one_framework_heading():
    """Before: "ส่วนที่ ๑ (ผู้รับบริการตอบเอง) (EIT ส่วนที่ ๑)", and the framework part's heading
    followed by "๑. กรอบการประเมินและคะแนนรวม" over the results by tool. Seed 003 writes
    "ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public)"."""
    lines = framework_lines(load_framework(2568))
    assert ") (" not in " ".join(lines)
    assert "ส่วนที่ 1 ผู้รับบริการตอบเอง (EIT ส่วนที่ 1) น้ำหนักร้อยละ 15" in lines[2]
    assert "ส่วนที่ 2 ผู้ประเมินจัดเก็บ (EIT ส่วนที่ 2) น้ำหนักร้อยละ 15" in lines[3]
    bands, _ = _analysis_text(SAMPLES["003"])
    assert sum("กรอบการประเมิน" in b for b in bands) == 1
    assert bands[1] == "๑. ผลการประเมินรายเครื่องมือและคะแนนรวม"
