"""The result as the report states it, and the sentences on the indicators (issue 14).

Outside references: the seeds' published results (shared/seeds): คลองนกกระทุง FY2567 prints
ผ่านดี with a total of 98.23; ศรีสะเกษ FY2562 prints 83.31 and B; ขามป้อม FY2567 prints
tool scores with EIT part 2 = 93.44, below the 95 that ผ่านดีเยี่ยม needs of every tool.
"""

from __future__ import annotations

from dataclasses import replace

from ita_xl.core.analysis import build_report
from ita_xl.core.framework import load_framework
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import analysis_sheet


def _report(unit):
    fw = load_framework(unit.fiscal_year)
    return build_report(
        unit, fw, assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools), []
    )


def _text(unit) -> str:
    grid = analysis_sheet(_report(unit)).value_grid()
    return "\n".join(str(v) for row in grid for v in row if v is not None)


def _results(unit) -> str:
    """The statement of the result: section ๑, without the framework section above it, whose
    rating table lists every level of the year's scale."""
    text = _text(unit)
    assert text.count("๑. กรอบการประเมินและคะแนนรวม") == 1
    return text.split("๑. กรอบการประเมินและคะแนนรวม")[1].split("๒. ผลการประเมินรายตัวชี้วัด")[0]


# finding 1: no level inferred from an assumption


def test_finding_1_published_level_is_stated_not_the_stand_in_one():
    """คลองนกกระทุง has one EIT value: ผ่านดีเยี่ยม would need both parts; the seed says ผ่านดี."""
    r = _report(SAMPLES["003"])
    assert r.outcome.level == "ผ่านดี"
    results = _results(SAMPLES["003"])
    assert "ผ่านดี" in results
    assert "ผ่านดีเยี่ยม" not in results


def test_finding_1_without_a_published_level_the_report_names_the_deciding_figures():
    unit = replace(SAMPLES["003"], printed_rating=None, printed_totals=())
    r = _report(unit)
    assert r.outcome.level is None
    assert "EIT ส่วนที่ 1 และ EIT ส่วนที่ 2" in r.outcome.reason
    assert "ผ่านดีเยี่ยม" not in r.outcome.reason
    results = _results(unit)
    assert "EIT ส่วนที่ ๑ และ EIT ส่วนที่ ๒" in results
    assert "ผ่านดีเยี่ยม" not in results


def test_finding_1_typed_parts_decide_the_level_in_words():
    """ขามป้อม types both EIT parts: the rules decide ผ่านดี, said without symbols."""
    r = _report(SAMPLES["001"])
    assert r.outcome.level == "ผ่านดี"
    assert r.outcome.reason == (
        "EIT ส่วนที่ 2 ได้ 93.44 คะแนน ต่ำกว่า 95 คะแนน จึงไม่ถึงระดับผ่านดีเยี่ยม"  # the level once, in its row
    )


# finding 2: typed published figures are the official result


def test_finding_2_published_total_and_level_are_the_result():
    text = _text(SAMPLES["002"])
    r = _report(SAMPLES["002"])
    assert (r.outcome.total, r.outcome.level, r.outcome.published_total) == (83.31, "B", True)
    assert "ยังบอกไม่ได้" not in text
    assert "ยังไม่สิ้นสุด" not in text
    assert "คะแนนรวมตามผลการประเมินที่ประกาศ" in text


def test_finding_2_a_disagreeing_recomputation_is_not_substituted():
    """ขามป้อม prints the total twice, differently: neither is official, the typed tools decide."""
    r = _report(SAMPLES["001"])
    assert round(r.outcome.total, 2) == 97.9 and not r.outcome.published_total
    one = replace(SAMPLES["001"], printed_totals=SAMPLES["001"].printed_totals[:1])
    assert _report(one).outcome.total == 97.80  # the typed one, though it recomputes to 97.90


def test_finding_2_the_trend_uses_the_published_total_of_the_year():
    r = _report(SAMPLES["2569"])  # published 94.10; the typed tools recompute to 94.101
    assert r.trend[-1].total == 94.10


# Thai review, follow-up: no per-part lowest indicator for the EIT parts


def _tool_rows(unit) -> dict:
    """Section ๓'s table rows by tool name (the first cell)."""
    grid = analysis_sheet(_report(unit)).value_grid()
    start = next(n for n, row in enumerate(grid) if any(str(v).startswith("๓. ") for v in row if v))
    end = next(
        n for n, row in enumerate(grid) if n > start and any(str(v).startswith("๔. ") for v in row if v)
    )
    rows = [[v for v in row if v is not None] for row in grid[start + 2 : end]]
    return {str(r[0]): r for r in rows if r and len(r) >= 4}


def test_eit_parts_show_no_lower_indicator_than_their_own_score():
    """ขามป้อม FY2567 (seed): EIT part 1 = 99.74, indicator 8 = 93.46 for EIT as a whole; the
    part's row must not name indicator 8 as its lowest; the paragraph names it once for EIT."""
    rows = _tool_rows(SAMPLES["001"])
    for part in ("EIT ส่วนที่ ๑", "EIT ส่วนที่ ๒"):
        row = rows[part]
        assert "ตัวชี้วัดที่ ๘" not in str(row[2]), row
        assert row[3] == "ไม่แยกตามส่วน", row  # in words, never "-" (a dash reads as a missing score)
    assert "ตัวชี้วัดที่ ๒" in str(rows["IIT"][2])  # a tool of its own keeps its lowest
    text = _text(SAMPLES["001"])
    section = text.split("๓. วิเคราะห์รายเครื่องมือ")[1].split("๔. ")[0]
    assert section.count("ตัวชี้วัดที่ได้คะแนนต่ำสุด คือ ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน") == 1


def test_no_cause_is_stated_from_an_indicator_score_alone():
    """ศรีสะเกษ FY2562 (seed): 3 of 10 indicator scores and no question scores; indicators 4
    (78.68) and 8 (67.46) are below 85. A cause rests on question scores: the report says it
    cannot be named, in section ๔ and in the measures' analysis, and keeps the advice."""
    report = _report(SAMPLES["002"])
    section = _text(SAMPLES["002"]).split("๔. วิเคราะห์รายตัวชี้วัดและข้อคำถาม")[1].split("๕. ")[0]
    assert "เจ้าหน้าที่บางรายยังขอยืม" not in section
    assert "ผู้รับบริการบางรายเห็นว่า" not in section
    assert section.count("ไม่มีคะแนนรายข้อคำถาม จึงไม่สามารถระบุสาเหตุได้") == 2
    assert "ระบุขั้นตอนและแนวทางการขอยืมทรัพย์สินของราชการ" in section  # the way to improve stays
    analyses = [m.analysis for m in report.measures if "ต่ำกว่าค่าเป้าหมาย" in m.analysis]
    assert len(analyses) == 2, [m.analysis for m in report.measures]
    for text in analyses:
        assert "สาเหตุ:" not in text
        assert "ไม่มีคะแนนรายข้อคำถาม จึงไม่สามารถระบุสาเหตุได้" in text
    assert {"questions.no_cause"} <= {c.id for c in report.claims}


def test_a_single_oit_item_not_passed_is_named_with_kue_and_its_title():
    """FY2569 sample: o9 (0) and o22 (0) did not pass, one in each of indicators 9 and 10; one
    item takes "คือ", not "ได้แก่" (wording.listed), and is named by its title from the
    year's rules with the code in brackets, as the ประเด็น paragraphs name it."""
    unit = SAMPLES["2569"]
    fw = load_framework(unit.fiscal_year)
    rows = {row[0]: row for row in _report(unit).question_rows}
    for number, code in ((9, "o9"), (10, "o22")):
        cause = rows[number][2]
        assert "ได้แก่" not in cause, cause
        assert f"ข้อที่ยังไม่ผ่าน คือ “{fw.question(code).title}” ({code})" in cause, cause


def test_each_sentence_is_said_once():
    """ศรีสะเกษ FY2562: "มีคะแนนรายตัวชี้วัด ๓ จาก ๑๐ ตัวชี้วัด …" was said in section ๒ and
    again in section ๔; เขาย้อย FY2568: OIT's "ทุกตัวชี้วัดของเครื่องมือนี้ได้คะแนนเท่ากัน …"
    was followed by "ทุกข้อของเครื่องมือนี้ผ่านเกณฑ์" (seed: every OIT item 100)."""
    assert _text(SAMPLES["002"]).count("มีคะแนนรายตัวชี้วัด ๓ จาก ๑๐ ตัวชี้วัด") == 1
    paragraph = next(p for p in _report(SAMPLES["004"]).instrument_paragraphs if p.startswith("OIT"))
    assert "ทุกข้อของเครื่องมือนี้ผ่านเกณฑ์" not in paragraph
    assert "ทุกตัวชี้วัดของเครื่องมือนี้ได้คะแนนเท่ากัน คือ 100.00 คะแนน และทุกข้อผ่านเกณฑ์" in paragraph


def test_a_published_level_gives_the_deciding_fact_when_the_tool_scores_decide_it():
    """FY2569 sample: published ผ่านดี, total 94.10 with every tool typed (lowest EIT part 2 =
    91.45); the year's rules (fy2569.toml) put 85.00–94.99 with every tool at 85 or more at
    ผ่านดี, so the reason says so as the unpublished case does, not only "ระดับผ่านดี"."""
    reason = _report(SAMPLES["2569"]).outcome.reason
    assert reason.startswith("ระดับผ่านดี ตามผลการประเมินที่ประกาศ (")
    assert "คะแนนรวมอยู่ในช่วง 85 ถึง 94.99 คะแนน และทุกเครื่องมือได้คะแนน 85 คะแนนขึ้นไป" in reason
    # one EIT value only (คลองนกกระทุง): the parts are not typed, so no fact is added
    assert _report(SAMPLES["003"]).outcome.reason == "ระดับผ่านดี ตามผลการประเมินที่ประกาศ"
    # no tool scores (ศรีสะเกษ): nothing to add
    assert _report(SAMPLES["002"]).outcome.reason == "ระดับ B ตามผลการประเมินที่ประกาศ"
