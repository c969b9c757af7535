"""The report's ข้อจำกัด and ข้อเสนอแนะ (issue 14: "never state what the data does not support").

Outside references: the seeds' own limitations are facts about their unit (seed 001 ส่วนที่ ๓:
people who cannot reach E-Service; seed 003 ข้อ ๑.๒-๑.๓: staff moved, the website rebuilt),
so they are never defaults; the NACC's method (ITA_REFERENCE.md: a question's score is the mean
over respondents, an OIT item scores 0 or 100, the OIT items change every year) is what the
defaults may state. The sentences made from the figures are claims whose conditions
tests/test_claims.py checks over generated inputs. A user's sequence: open the template, leave
or type the lists, generate; the unit's own list is printed as typed and its cells untouched.
"""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from ita_xl.cli import main
from ita_xl.core.analysis import build_report
from ita_xl.core.checks import checks_sheet
from ita_xl.core.closing import default_texts, retired_texts, unedited
from ita_xl.core.figures import to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.layout import TEXT_LIST_ROWS, UNIT, Layout
from ita_xl.core.reader import NOTE, WARNING, Finding
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import ANALYSIS, analysis_sheet
from ita_xl.xlsx.template import sample_workbook
from ita_xl.xlsx.workbook import check_workbook, generate_workbook

LISTS = ("limitations", "recommendations")


def _report(unit):
    fw = load_framework(unit.fiscal_year)
    assessment = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return build_report(unit, fw, assessment, [])


def _section(report, key: str) -> list[str]:
    """The numbered lines of one closing section, as the analysis sheet holds them."""
    rows = [row[0] for row in analysis_sheet(report).value_grid() if row and isinstance(row[0], str)]
    heading = {"limitations": "ข้อจำกัด", "recommendations": "ข้อเสนอแนะ"}[key]
    start = next(n for n, text in enumerate(rows) if text.endswith(f". {heading}"))
    lines = []
    for text in rows[start + 1 :]:
        if text.endswith((". ข้อเสนอแนะ",)) or (not text[:1].isdigit() and text[:1] not in "๐๑๒๓๔๕๖๗๘๙"):
            break
        lines.append(text)
    return lines


#: What each default says, from outside the code (document.toml's sources): the NACC's
#: method as ITA_REFERENCE.md and the seeds describe it (review_code7 B4: the test re-read the
#: same TOML that default_texts reads).
DEFAULT_FACTS = {
    "limitations": (("IIT", "EIT", "ค่าเฉลี่ย"), ("OIT", "เว็บไซต์", "คะแนนเต็มหรือไม่ได้คะแนน"), ("สาเหตุ",)),
    "recommendations": (("มาตรการส่งเสริมคุณธรรมและความโปร่งใส",), ("หลักเกณฑ์การประเมินของปีถัดไป",)),
}


def test_defaults_are_data_and_fit_the_template():
    data = tomllib.loads(resources.files("ita_xl.library").joinpath("document.toml").read_text("utf-8"))
    assert set(data) >= set(LISTS)
    for key, facts in DEFAULT_FACTS.items():
        items = default_texts()[key]
        assert len(items) == len(facts)
        for item, words in zip(items, facts, strict=True):
            assert all(word in item for word in words), (item, words)
    for items in default_texts().values():
        assert 1 <= len(items) <= TEXT_LIST_ROWS
        assert all(item.strip() == item and item for item in items)


@pytest.mark.parametrize(
    "unit_fact",
    [
        "โยกย้าย",  # seed 003 ข้อ ๑.๒: the unit's staff were moved
        "ปรับปรุงระบบและ",  # seed 003 ข้อ ๑.๓: the unit's website was rebuilt
        "ไม่ทั่วถึง",  # seed 001 ส่วนที่ ๓ ข้อ ๒: the unit's people cannot all reach E-Service
        "ใช้เวลานาน",  # seed 001 ข้อ ๓: the unit's divisions are slow to send data
        "ไม่เข้าใจ",  # seed 003 ข้อ ๑.๑: the unit's new staff did not understand the IIT
    ],
)
def test_no_default_states_a_fact_about_one_unit(unit_fact):
    """The seeds' limitations are their unit's facts: the earlier defaults copied them, and an
    unedited report stated them of every unit (issue 14)."""
    assert any(unit_fact in item for items in retired_texts().values() for item in items[0])
    assert not any(unit_fact in item for items in default_texts().values() for item in items)


def test_the_defaults_state_the_methods_limits():
    """What the NACC's method implies for any unit (ITA_REFERENCE.md, "Pipeline")."""
    text = " ".join(default_texts()["limitations"])
    assert "การรับรู้ของผู้ตอบแบบวัดในช่วงเวลาที่เก็บข้อมูล" in text and "ค่าเฉลี่ยของผู้ตอบ" in text
    assert "ข้อมูลที่หน่วยงานเปิดเผยบนเว็บไซต์ของหน่วยงานในช่วงเวลาที่ประเมิน" in text


def test_an_unedited_report_has_the_defaults_and_what_the_figures_support():
    """แก้ง (seed 000): ten indicator scores, OIT 68.56 the lowest tool and below 85."""
    report = _report(SAMPLES["000"])
    limitations, recommendations = report.closing.limitations, report.closing.recommendations
    # (thai7, review 7 N6) no question scores, so no cause stated: the limitation on causes is left out
    assert limitations[:2] == default_texts()["limitations"][:2] and len(limitations) == 3
    assert "ไม่มีคะแนนรายข้อคำถาม การวิเคราะห์จึงทำได้ในระดับตัวชี้วัด" in limitations[-1]
    assert recommendations[0].startswith("เร่งยกระดับผลการประเมินของ OIT ซึ่งได้คะแนนต่ำสุด")
    assert "(68.56 คะแนน) และต่ำกว่าค่าเป้าหมาย 85 คะแนน" in recommendations[0]
    assert recommendations[1:] == default_texts()["recommendations"]
    assert not any("E-Service" in r for r in recommendations)  # no item scores: nothing to say of it


def test_no_oit_or_tool_sentence_without_the_figures():
    """ศรีสะเกษ (seed 002): three of ten indicators, no tool complete, no item: only the defaults
    and what is missing."""
    report = _report(SAMPLES["002"])
    assert report.closing.recommendations == default_texts()["recommendations"]
    assert "มีคะแนนไม่ครบทุกตัวชี้วัด และไม่มีคะแนนรายข้อคำถาม" in report.closing.limitations[-1]


@pytest.mark.parametrize("key", LISTS)
def test_the_units_own_list_is_printed_verbatim(key):
    """Typed items, one with digits and a code, another with the defaults' first sentence
    kept: the section is exactly that list (digits as the report prints them), nothing added."""
    own = ("ข้อความของหน่วยงานเองข้อแรก ซึ่งมี   ช่องว่างหลายช่อง", "ข้อ o12 ปี 2568", default_texts()[key][0])
    unit = dataclasses.replace(SAMPLES["2569"], **{key: own})
    report = _report(unit)
    assert getattr(report.closing, key) == own
    digits = to_thai_digits if report.inputs.thai_digits else str
    assert _section(report, key) == [f"{digits(str(n))}. {digits(t)}" for n, t in enumerate(own, 1)]
    other = "recommendations" if key == "limitations" else "limitations"
    assert default_texts()[other][0] in getattr(report.closing, other)  # the other list: its defaults
    assert not [
        c for c in report.claims if c.id.startswith("limits." if key == "limitations" else "recommend.")
    ]


def test_the_defaults_minus_one_item_are_the_units_own():
    """Deleting a default is an edit: the rest is printed as kept, nothing made from the figures."""
    kept = default_texts()["recommendations"][1:]
    report = _report(dataclasses.replace(SAMPLES["2569"], recommendations=kept))
    assert report.closing.recommendations == kept


@pytest.mark.parametrize("key", LISTS)
def test_blank_todays_and_earlier_templates_lists_are_unedited(key):
    assert unedited((), key) and unedited(default_texts()[key], key)
    assert all(unedited(items, key) for items in retired_texts()[key])
    assert not unedited((*default_texts()[key], "ข้อที่หน่วยงานเพิ่ม"), key)
    assert not unedited(default_texts()[key][:-1], key)


def _notes(outcome) -> list[Finding]:
    return [f for f in outcome.findings if f.severity == NOTE]


def test_an_unedited_template_gets_a_note_per_list_on_the_checks_sheet():
    wb = sample_workbook("2569")
    layout = Layout(load_framework(2569))
    outcome = check_workbook(wb)
    notes = _notes(outcome)
    assert [(n.sheet, n.cell) for n in notes] == [
        (UNIT, layout.limitation_cells[0]),
        (UNIT, layout.recommendation_cells[0]),
    ]
    assert "ควรทบทวนและเพิ่มข้อจำกัดของหน่วยงานเอง" in notes[0].th
    assert notes[0].line().startswith(f"หมายเหตุ [{UNIT}!{layout.limitation_cells[0]}]: ")
    sheet = [[v for v in row] for row in checks_sheet(outcome.report).value_grid()]
    assert [UNIT + "!" + layout.limitation_cells[0], "หมายเหตุ", notes[0].th] in [row[1:4] for row in sheet]
    words = [v for row in sheet for v in row if isinstance(v, str)]
    assert "ไม่พบข้อสังเกต" in words  # a note is not a finding to fix
    # never in the deliverable
    assert not any(
        n.th in str(v) for n in notes for row in analysis_sheet(outcome.report).value_grid() for v in row
    )


def test_an_earlier_templates_lists_get_the_note_and_todays_defaults():
    """A workbook made with the previous template still holds its lists: unedited, so the
    report states today's defaults, and the cells keep what they hold."""
    wb = sample_workbook("2569")
    layout = Layout(load_framework(2569))
    for cells, key in (
        (layout.limitation_cells, "limitations"),
        (layout.recommendation_cells, "recommendations"),
    ):
        old = retired_texts()[key][0]
        for address, text in zip(cells, [*old, *[None] * (len(cells) - len(old))], strict=True):
            wb[UNIT][address] = text
    outcome = generate_workbook(wb)
    assert len(_notes(outcome)) == 2
    # (thai7, review 7 N6) no question of 2569 below the target: no cause stated, none spoken of
    assert outcome.report.closing.limitations[:2] == default_texts()["limitations"][:2]
    assert wb[UNIT][layout.limitation_cells[0]].value == retired_texts()["limitations"][0][0]


def test_typing_the_units_own_list_removes_its_note_and_leaves_the_cells_as_typed():
    wb = sample_workbook("2569")
    layout = Layout(load_framework(2569))
    cells = layout.limitation_cells
    wb[UNIT][cells[3]] = "หน่วยงานเปลี่ยนผู้รับผิดชอบเว็บไซต์ระหว่างปี"  # added below the defaults
    outcome = generate_workbook(wb)
    assert [n.cell for n in _notes(outcome)] == [layout.recommendation_cells[0]]
    typed = (*default_texts()["limitations"], "หน่วยงานเปลี่ยนผู้รับผิดชอบเว็บไซต์ระหว่างปี")
    assert outcome.report.closing.limitations == typed
    assert [wb[UNIT][c].value for c in cells if wb[UNIT][c].value] == list(typed)
    words = [str(v) for row in wb[ANALYSIS].iter_rows(values_only=True) for v in row if v]
    digits = to_thai_digits if outcome.report.inputs.thai_digits else str
    assert f"{digits('4')}. หน่วยงานเปลี่ยนผู้รับผิดชอบเว็บไซต์ระหว่างปี" in words


def _own_lists(wb) -> None:
    layout = Layout(load_framework(2569))
    wb[UNIT][layout.limitation_cells[0]] = "ข้อจำกัดของหน่วยงานเอง"
    wb[UNIT][layout.recommendation_cells[0]] = "ข้อเสนอแนะของหน่วยงานเอง"
    for cell in layout.limitation_cells[1:] + layout.recommendation_cells[1:]:
        wb[UNIT][cell] = None


@pytest.mark.parametrize("command", ["validate", "generate"])
def test_a_note_does_not_change_the_exit_code(tmp_path: Path, capsys, command):
    """The FY2569 sample has no warning: exit 0 with the notes (shown), and 0 without them;
    README "Exit codes"."""
    codes, outputs = [], []
    for edited in (False, True):
        wb = sample_workbook("2569")
        if edited:
            _own_lists(wb)
        source = tmp_path / f"in-{edited}.xlsx"
        wb.save(source)
        args = [command, str(source)] + (
            ["-o", str(tmp_path / f"out-{edited}.xlsx")] if command == "generate" else []
        )
        codes.append(main(args))
        outputs.append(capsys.readouterr().out)
    assert codes == [0, 0]
    assert outputs[0].count("หมายเหตุ [หน่วยงาน!") == 2 and "หมายเหตุ [" not in outputs[1]
    if command == "validate":
        assert "มีข้อสังเกต 0 รายการ และหมายเหตุ 2 รายการ / valid, 0 warning(s), 2 note(s)" in outputs[0]
        assert "มีข้อสังเกต 0 รายการ / valid, 0 warning(s)" in outputs[1]


def test_a_warning_still_exits_1_beside_a_note(tmp_path: Path):
    """Seed 004's memo prints 88.50 against 98.50: a warning, exit 1, notes or not."""
    source = tmp_path / "in.xlsx"
    sample_workbook("004").save(source)
    outcome = check_workbook(sample_workbook("004"))
    assert _notes(outcome) and any(f.severity == WARNING for f in outcome.findings)
    assert main(["validate", str(source)]) == 1


def test_the_excel_alert_counts_warnings_and_notes_apart():
    """The button's alert (live/book.summary_th): the FY2569 sample has no warning, so no
    "มีข้อสังเกต" line, and its two notes are said as notes."""
    from ita_xl.live.book import summary_th

    alert = summary_th(check_workbook(sample_workbook("2569")))
    assert "มีข้อสังเกต" not in alert and "มีหมายเหตุ 2 รายการ ดูชีต “ตรวจสอบ”" in alert
    alert = summary_th(check_workbook(sample_workbook("004")))  # the memo's 88.50: a warning
    assert "มีข้อสังเกต" in alert


# the Thai review of the generated reports, round 7 (/work/team/review_thai_findings7.md), helper thai7

_ON_CAUSES = "สาเหตุที่ระบุในรายงานฉบับนี้"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_review7_n6_no_limitation_on_causes_where_the_report_states_none(seed):
    """Seeds 000, 001 and 002 are printed without question scores, and seed 003's questions are
    all at 85 or above (its lowest, i10, ๙๐.๓๔): the report names no cause (its rows say
    "ไม่สามารถระบุสาเหตุได้" or "ผ่านค่าเป้าหมายทุกข้อ"). Before, limitation ๓ said "สาเหตุที่ระบุใน
    รายงานฉบับนี้จึงวิเคราะห์จากคะแนน…" all the same."""
    assert _ON_CAUSES in default_texts()["limitations"][2]
    report = _report(SAMPLES[seed])
    assert not any(_ON_CAUSES in line for line in report.closing.limitations)
    assert not any("สาเหตุ:" in m.analysis for m in report.measures)


def test_review7_n6_the_limitation_on_causes_where_a_cause_is_named():
    """Seed 003 with i10 typed at 80.00 (below 85): its cause is named, the limitation follows."""
    # the defaults: 003's own list (its seed's ข้อจำกัด, SEED_LIMITATIONS) set aside
    unit = dataclasses.replace(
        SAMPLES["003"], questions={**SAMPLES["003"].questions, "i10": 80.0}, limitations=()
    )
    report = _report(unit)
    assert any("สาเหตุ" in row[2] for row in report.question_rows)
    assert report.closing.limitations[:3] == default_texts()["limitations"]
