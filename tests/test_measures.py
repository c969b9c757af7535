"""The measures table (ita_xl.core.measures) and causes chosen by score (issue 14, findings 4, 5, 8).

Outside references: the seeds (shared/seeds). เขาย้อย FY2568 writes for indicator 3 that
there is no weak point and the standard should be kept, and lists an E-Service measure;
ศรีสะเกษ FY2562 keeps an OIT measure; the seeds keep a row for a ประเด็น whose items all
scored 100, to maintain the standard.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from ita_xl.core.analysis import build_report
from ita_xl.core.figures import to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.measures import ALL, owner_text
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import analysis_sheet, measures_sheet


def _report(unit):
    """The report with the suggested rows only: the samples' choices sheets (the seeds' own
    measures, tests/test_seed_measures.py) are set aside, as these tests are on the suggestions."""
    unit = replace(unit, measure_choices=())
    fw = load_framework(unit.fiscal_year)
    return build_report(
        unit, fw, assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools), []
    )


def _cells(spec) -> list[str]:
    return [str(v) for row in spec.value_grid() for v in row if isinstance(v, str)]


# finding 4: causes selected by score


def test_finding_4_an_indicator_whose_questions_all_pass_gets_no_cause():
    """คลองนกกระทุง: indicator 2 (i4-i6) scored 100 everywhere; เขาย้อย: indicator 3, no weak point."""
    for seed, number in (("003", 2), ("004", 3)):
        r = _report(SAMPLES[seed])
        [row] = [row for row in r.question_rows if row[0] == number]
        indicator = r.framework.indicator(number)
        assert row[2] == f"ข้อคำถามของตัวชี้วัด{indicator.name}ผ่านค่าเป้าหมายทุกข้อ"
        assert row[3] == "รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง"


@pytest.mark.parametrize("seed", ["003", "004", "2569"])
def test_finding_4_no_cause_is_written_for_an_item_at_or_above_the_target(seed):
    r = _report(SAMPLES[seed])
    target = float(r.framework.target)
    scores = {q.code: q.score for i in r.indicators for q in i.questions}
    for m in r.measures:
        for line, code in zip(m.analysis.split("\n"), m.source.split(", "), strict=True):
            if code in scores and scores[code] >= target:
                assert "สาเหตุ" not in line, line
                assert (
                    "ผ่านค่าเป้าหมายแล้ว" in line or "เพื่อรักษามาตรฐาน" in line or "เพื่อรักษาและยกระดับมาตรฐาน" in line
                ), line


def test_finding_4_passing_tools_get_maintain_advice():
    """คลองนกกระทุง: every tool's lowest indicator passes; advice is to keep the standard."""
    cells = _cells(analysis_sheet(_report(SAMPLES["003"])))
    assert cells.count("รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง") >= 4


# finding 5: tool-only units


#: ขามป้อม with its tool scores only: the sample now holds its ten indicator scores too.
TOOL_ONLY = replace(SAMPLES["001"], indicators={})


def test_finding_5_tool_only_measures_say_what_they_rest_on():
    r = _report(TOOL_ONLY)
    assert r.measures
    for m in r.measures:
        assert "สาเหตุที่พบบ่อย" not in m.analysis and "(ไม่มีคะแนนรายตัวชี้วัด)" not in m.analysis
        assert m.analysis.startswith("ไม่มีคะแนนรายตัวชี้วัด จึงกำหนดมาตรการจากคะแนนรายเครื่องมือ โดย ")
        assert ":" not in m.analysis  # no colon label in a sentence (Thai review 8)


def test_finding_5_no_lowest_indicator_in_a_tool_without_indicator_scores():
    """ขามป้อม without indicator scores: no indicator is the lowest of any tool or EIT part."""
    r = _report(TOOL_ONLY)
    assert all(not t.weakest for t in r.tools)
    text = "\n".join(_cells(analysis_sheet(r)) + _cells(measures_sheet(r)))
    assert "ต่ำสุดของ EIT" not in text
    assert "ต่ำสุดของ IIT" not in text
    # the EIT indicators are the instrument's, never one part's
    four = replace(SAMPLES["004"], questions={})
    assert all("ต่ำสุดของ EIT ส่วนที่" not in m.analysis for m in _report(four).measures)


# finding 8: measures a unit would choose


def test_finding_8_oit_row_kept_and_owned_by_every_division():
    """ศรีสะเกษ: OIT indicator 9 (88.06) passes; the seed still has an OIT measure, owned by every
    division by name ("-สำนักปลัด -กองคลัง -กองส่งเสริมการเกษตร …"; until the Thai review's
    second round, "ทุกสำนัก/กอง", a phrase this unit does not use)."""
    r = _report(SAMPLES["002"])
    [oit] = [m for m in r.measures if m.source == "ตัวชี้วัดที่ 9"]
    assert (
        oit.owner == "สำนักปลัด กองคลัง กองส่งเสริมการเกษตร กองสวัสดิการสังคม กองช่าง และกองการศึกษา ศาสนา และวัฒนธรรม"
    )
    assert "ได้ 88.06 คะแนน แม้จะผ่านค่าเป้าหมายแล้ว" in oit.analysis


def test_finding_8_a_theme_at_100_keeps_a_row_to_maintain_the_standard():
    r = _report(SAMPLES["003"])
    theme5 = [m for m in r.measures if m.theme.startswith("ประเด็นที่ 5 ")]
    assert [m.analysis for m in theme5] == ["ทุกข้อของประเด็นที่ 5 ได้ 100 คะแนน จึงกำหนดมาตรการเพื่อรักษามาตรฐาน"]


def test_finding_8_eservice_row_when_e9_is_weak():
    """เขาย้อย: e9 96.00 is below the mean of the EIT questions (96.76); the seed has E-Service."""
    r = _report(SAMPLES["004"])
    [row] = [m for m in r.measures if "E-Service" in m.measure]
    assert row.source == "e9"
    assert "ต่ำกว่าค่าเฉลี่ยของข้อคำถามในเครื่องมือเดียวกัน (96.76 คะแนน)" in row.analysis
    high = replace(SAMPLES["004"], questions={**SAMPLES["004"].questions, "e9": 100})
    assert not [m for m in _report(high).measures if "E-Service" in m.measure]


def test_finding_8_an_unpublished_oit_item_is_the_division_that_holds_it():
    """One OIT item is published by the division that holds the information (the library's
    [publishing]; the Thai review's second round: until then every OIT row was "ทุกสำนัก/กอง")."""
    questions = {f"i{n}": 95 for n in range(1, 16)} | {f"e{n}": 95 for n in range(1, 10)}
    unit = UnitInputs(
        fiscal_year=2568,
        name="x",
        departments=("สำนักปลัด", "กองคลัง"),
        questions=questions | {"o1": 0, "o2": 0, "o12": 0},
    )
    owners = {m.source: m.owner for m in _report(unit).measures if m.source.startswith("o")}
    assert owners == {"o1": "สำนักปลัด", "o2": "สำนักปลัด", "o12": "กองคลัง"}  # o12: procurement


def test_finding_8_one_measure_for_items_of_two_divisions_names_both():
    """A measure asked for by items of several divisions names each once (the owners are kept as a
    list, so a third division is not lost in a joined text, as it was when "ก ข และค" was split)."""
    four = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม")
    assert owner_text(["สำนักปลัด", "กองคลัง"], four) == "สำนักปลัด และกองคลัง"
    assert owner_text(["กองคลัง", "สำนักปลัด", "กองคลัง"], four) == "สำนักปลัด และกองคลัง"
    assert owner_text(["สำนักปลัด", "กองคลัง", "กองช่าง"], four) == "สำนักปลัด กองคลัง และกองช่าง"
    assert owner_text([ALL, "กองคลัง"], four) == "สำนักปลัด กองคลัง กองช่าง และกองสาธารณสุขและสิ่งแวดล้อม"
    assert owner_text([ALL, "กองคลัง"], (*four, "ทุกสำนัก/กอง")) == "ทุกสำนัก/กอง"


def test_finding_8_each_row_shows_its_reason():
    for seed in ("001", "002", "003", "004", "2569"):
        for m in _report(SAMPLES[seed]).measures:
            assert m.analysis.strip(), (seed, m.source)
    header = _cells(measures_sheet(_report(SAMPLES["004"])))
    assert "ผลการวิเคราะห์" in header


# the measure's stable id (issue 16 follows measures by it; issue 14 lets the user switch rows off)


def test_every_measure_row_has_a_unique_id_written_in_the_last_column():
    for seed, unit in SAMPLES.items():
        r = _report(unit)
        keys = [m.key for m in r.measures]
        assert all(k.startswith("M-") for k in keys), (seed, keys)
        assert len(set(keys)) == len(keys), (seed, keys)
        grid = measures_sheet(r).value_grid()
        [header] = [row for row in grid if row and row[0] == "ประเด็น"]
        assert header[7] == "รหัส"  # the eighth column, after การกำกับติดตาม
        assert [row[7] for row in grid if row[7] in keys] == keys  # as typed: M-i3, never M-i๓


def test_a_measure_keeps_its_id_across_samples_and_fiscal_years():
    """The id comes from the library entry, not from the year's item numbering (o12 in FY2568 is
    o11 in FY2569), so last year's tracking sheet still finds this year's measure."""
    seen: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for unit in SAMPLES.values():
        for m in _report(unit).measures:
            seen.setdefault(m.measure, set()).add(m.key)
            years.setdefault(m.measure, set()).add(unit.fiscal_year)
    assert all(len(keys) == 1 for keys in seen.values()), seen
    assert any(len(y) > 1 for y in years.values())  # some measure does recur in several years


def test_a_tool_with_an_item_not_passed_is_not_told_to_keep_its_standard():
    """Thai review: the FY2569 unit's OIT (93.33, indicators above 85) has o9 and o22
    unpublished; its advice named "รักษามาตรฐาน" beside a paragraph listing the two items."""
    from ita_xl.core.sheets import analysis_sheet

    rows = [
        [v for v in row if v is not None] for row in analysis_sheet(_report(SAMPLES["2569"])).value_grid()
    ]
    oit = [row for row in rows if row and row[0] == "OIT" and isinstance(row[-1], str) and "ข้อ" in row[-1]]
    fw = _report(SAMPLES["2569"]).framework  # the items by title, code in brackets (wording, issue 14)
    named = [f"“{to_thai_digits(fw.question(c).title)}” ({to_thai_digits(c)})" for c in ("o9", "o22")]
    assert oit and oit[-1][-1] == f"เร่งปรับปรุงข้อที่ยังไม่ผ่านเกณฑ์เป็นลำดับแรก ได้แก่ {named[0]} และ {named[1]}"
    iit = [row for row in rows if row and row[0] == "IIT" and row[-1] == "รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง"]
    assert iit  # IIT: every question at or above 85, its lowest indicator passes: keep the standard


# the order the rows print (seeds 000, 001, 003) and rows a unit would choose (issue 14)


def _themes_and_scores(r) -> list[tuple[int, float]]:
    """(ประเด็น, score) of each row; a row for an indicator (no ประเด็น of its own, e.g. the
    lowest indicator whose questions are only part of it) after every ประเด็น."""
    theme_of = {code: t.number for t in r.framework.themes for code in t.questions}
    scores = {q.code: q.score for i in r.indicators for q in i.questions}
    for i in r.indicators:
        theme_of[f"ตัวชี้วัดที่ {i.number}"], scores[f"ตัวชี้วัดที่ {i.number}"] = len(r.framework.themes) + 1, i.score
    return [(theme_of[m.source.split(", ")[0]], scores[m.source.split(", ")[0]]) for m in r.measures]


@pytest.mark.parametrize("seed", ["003", "004", "2569"])
def test_rows_print_by_theme_then_weakest_first(seed):
    """Seeds 001 and 003 table their measures by ประเด็น, "ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและ
    มีประสิทธิภาพ" first and "ประเด็นที่ ๗ กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน" last.
    Before: the FY2569 unit printed o22 (ประเด็นที่ 7) above o9 (ประเด็นที่ 2), and เขาย้อย its E-Service row
    (ประเด็นที่ 2) after ประเด็นที่ 7."""
    r = _report(SAMPLES[seed])
    order = _themes_and_scores(r)
    assert order == sorted(order), [m.source for m in r.measures]


def test_rows_print_by_tool_where_the_year_has_no_themes():
    """Seed 000 (FY2563, no ประเด็น) discusses IIT, then EIT, then OIT, the weakest first in each:
    "ตัวชี้วัดที่ ๕ … ๗๓.๒๖", "ตัวชี้วัดที่ ๔ … ๗๘.๖๑", then "ตัวชี้วัดที่ ๘ … ๗๔.๑๗", "ตัวชี้วัดที่ ๗ … ๗๙.๑๐"."""
    r = _report(SAMPLES["000"])
    assert [m.source for m in r.measures][:4] == ["ตัวชี้วัดที่ 5", "ตัวชี้วัดที่ 4", "ตัวชี้วัดที่ 8", "ตัวชี้วัดที่ 7"]
    instruments = [r.framework.indicator(int(m.source.split()[-1])).instrument for m in r.measures]
    assert instruments == sorted(instruments, key=["IIT", "EIT", "OIT"].index)


@pytest.mark.parametrize("seed", list(SAMPLES))
def test_the_order_and_ids_are_the_same_on_every_run(seed):
    """A rerun, or the same scores typed in another order, prints the same rows in the same order."""
    unit = SAMPLES[seed]
    first = [(m.key, m.source) for m in _report(unit).measures]
    shuffled = replace(
        unit,
        questions=dict(reversed(list(unit.questions.items()))),
        indicators=dict(reversed(list(unit.indicators.items()))),
    )
    assert [(m.key, m.source) for m in _report(shuffled).measures] == first
    assert [(m.key, m.source) for m in _report(unit).measures] == first


@pytest.mark.parametrize("seed", ["003", "004", "2569"])
def test_the_lowest_item_of_each_tool_has_a_row_even_when_it_passes(seed):
    """Issue 14: "the lowest items of each tool even when all pass (to maintain the standard)". Before:
    the FY2569 unit, whose only rows were its unpublished OIT items and e9, had no IIT row at all."""
    r = _report(SAMPLES[seed])
    named = {code for m in r.measures for code in m.source.split(", ")}
    for instrument in ("IIT", "EIT", "OIT"):
        items = [q for i in r.indicators if i.instrument == instrument for q in i.questions]
        lowest = min(items, key=lambda q: q.score)
        if lowest.score < 100:
            assert any(q.code in named for q in items if q.score == lowest.score), (instrument, lowest.code)


def test_the_fy2569_units_iit_row_says_it_is_kept_to_maintain_the_standard():
    r = _report(SAMPLES["2569"])
    iit = [m for m in r.measures if m.source.startswith("i")]
    assert len(iit) == 1
    assert "ต่ำที่สุดใน IIT ซึ่งผ่านค่าเป้าหมายแล้ว" in iit[0].analysis
    assert "สาเหตุ" not in iit[0].analysis


@pytest.mark.parametrize("seed", ["003", "004", "2569"])
@pytest.mark.parametrize("threshold", [None, 98.0])
def test_every_weak_question_is_named_by_a_row(seed, threshold):
    """One row per weak question (below the target or the user's threshold): each one is named in the
    row that answers it (a measure answering several names them all)."""
    unit = replace(SAMPLES[seed], measure_choices=())  # the suggestions, as ``_report``
    fw = load_framework(unit.fiscal_year)
    scores = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    r = build_report(unit, fw, scores, [], threshold=threshold)
    limit = float(fw.target) if threshold is None else threshold
    named = {code for m in r.measures for code in m.source.split(", ")}
    weak = [q.code for i in r.indicators for q in i.questions if not fw.item_passes(i.number, q.score, limit)]
    assert weak or threshold is None
    assert set(weak) <= named, set(weak) - named


@pytest.mark.parametrize(("seed", "item"), [("004", "o10"), ("2569", "o10")])
def test_eservice_row_when_the_oit_eservice_item_is_not_published(seed, item):
    """เขาย้อย's seed lists "เผยแพร่ประชาสัมพันธ์การให้บริการผ่านระบบ E-Service ของเทศบาล"; the measure
    also follows the OIT E-Service item (FY2568 o10 "E-Service") when it is not published, with e9 at 100."""
    unit = SAMPLES[seed]
    unit = replace(unit, questions={**unit.questions, "e9": 100, item: 0})
    rows = [m for m in _report(unit).measures if "E-Service" in m.measure]
    assert len(rows) == 1 and item in rows[0].source.split(", ")
    assert "ยังไม่ผ่านการประเมิน" in rows[0].analysis
    published = replace(unit, questions={**unit.questions, item: 100})
    assert not [m for m in _report(published).measures if "E-Service" in m.measure]


#: Units with OIT items not published: the FY2569 sample (o9, o22), and เขาย้อย (FY2568) and
#: คลองนกกระทุง (FY2567) with items set to 0 (the other seeds publish every typed item).
UNPUBLISHED = {
    "2569": SAMPLES["2569"],
    "004": replace(SAMPLES["004"], questions={**SAMPLES["004"].questions, "o3": 0, "o10": 0}),
    "003": replace(SAMPLES["003"], questions={**SAMPLES["003"].questions, "o5": 0}),
}


@pytest.mark.parametrize("seed", list(UNPUBLISHED))
def test_unpublished_oit_items_each_have_their_own_row(seed):
    """OIT items not published (0) each appear in a row of their own, the division that holds
    the information responsible (until the Thai review's second round: one joint row)."""
    r = _report(UNPUBLISHED[seed])
    unpublished = [q for i in r.indicators if i.instrument == "OIT" for q in i.questions if q.score < 100]
    assert unpublished  # review_code7 B3: the loop below runs
    for item in unpublished:
        [row] = [m for m in r.measures if item.code in m.source.split(", ")]
        title = r.framework.question(item.code).title
        assert row.source == item.code and title in row.measure, (item.code, row.measure)
        assert row.owner in SAMPLES[seed].departments, (item.code, row.owner)


# the id column (รหัส): in the workbook for the tracking and choices sheets, not in the report


def _measures_workbook(seed: str):
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import generate_workbook

    wb = sample_workbook(seed)
    outcome = generate_workbook(wb)
    assert outcome.ok
    return wb, outcome.report


@pytest.mark.parametrize("seed", ["002", "004", "2569"])
def test_the_id_column_is_outside_the_print_area_and_tracking_still_matches_it(seed, tmp_path):
    """Excel prints only a sheet's print area when one is set ("Set or clear a print area on a
    worksheet", support.microsoft.com: "you can define a print area that includes just that
    selection"); ECMA-376 stores it as the defined name _xlnm.Print_Area. Before: A:H, the รหัส
    column H printed with the measures."""
    from openpyxl import load_workbook

    from ita_xl.core.sheets import MEASURES
    from ita_xl.core.tracking import read_measures

    wb, report = _measures_workbook(seed)
    wb.save(tmp_path / "out.xlsx")
    ws = load_workbook(tmp_path / "out.xlsx")[MEASURES]
    area = ws.print_area
    assert area.startswith(f"'{MEASURES}'!$A$1:$G$"), area
    [header] = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "ประเด็น"]
    assert ws.cell(header, 7).value == "การกำกับติดตาม"  # the last printed column
    assert ws.cell(header, 8).value == "รหัส"  # kept beside it, in the workbook
    keys = [m.key for m in report.measures]
    assert [ws.cell(header + 1 + n, 8).value for n in range(len(keys))] == keys
    # the title and the lines above the table span the printed columns only (centred on the page)
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    # the tracking sheet reads the ids back from the written sheet
    grid = [list(row) for row in ws.iter_rows(values_only=True)]
    assert [line.key for line in read_measures(grid).lines] == keys


def test_the_live_workbook_gets_the_same_print_area_and_the_font_on_the_id_column_too():
    """The button (xlwings' remote engine): the measures sheet's print area is A:G; the font is
    set on A:H, so the id column H is in TH SarabunPSK like the rest (before: the print area was
    the font's range as well)."""
    from ita_xl.build import workbooks as build
    from ita_xl.core.document import GENERATED_SHEETS
    from ita_xl.core.reader import TEMPLATE_SHEETS
    from ita_xl.core.samples import SAMPLE_FILES
    from ita_xl.core.sheets import MEASURES
    from ita_xl.live import book as xl
    from tests.xlwings_book import json_book

    book = json_book(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    outcome = xl.generate(book)
    assert outcome.ok
    position = len(TEMPLATE_SHEETS) + GENERATED_SHEETS.index(MEASURES)
    actions = [a for a in book.json()["actions"] if a["sheet_position"] == position]
    last = max(b.last_row for b in measures_sheet(outcome.report).blocks)
    assert [a["args"] for a in actions if a["func"] == "setPrintArea"] == [[f"A1:G{last}"]]
    [font] = [a for a in actions if a["func"] == "setFontProperty" and a["args"][0] == "name"]
    assert (font["start_column"], font["column_count"], font["row_count"]) == (0, 8, last)


@pytest.mark.parametrize("seed", ["004", "2569"])
def test_the_word_measures_table_has_no_id_column(seed, tmp_path):
    """The Word document is the report as published: the measures table's seven columns, as the
    seeds' tables (004: "มาตรการ / โครงการ / กิจกรรม | ผลการวิเคราะห์ตัวชี้วัด… | ขั้นตอน… |
    ระยะเวลาดำเนินการ | ผู้รับผิดชอบ"), and no id anywhere."""
    import docx

    from ita_xl.docx import write_docx
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import check_workbook

    outcome = check_workbook(sample_workbook(seed))
    write_docx(outcome.specs, tmp_path / "report.docx")
    document = docx.Document(str(tmp_path / "report.docx"))
    [table] = [t for t in document.tables if t.rows[0].cells[1].text == "มาตรการ / โครงการ / กิจกรรม"]
    header = [c.text for c in table.rows[0].cells]
    assert header == [
        "ประเด็น", "มาตรการ / โครงการ / กิจกรรม", "ผลการวิเคราะห์", "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ", "การกำกับติดตาม",
    ]  # fmt: skip
    assert len(table.columns) == 7
    texts = [c.text for t in document.tables for row in t.rows for c in row.cells]
    texts += [p.text for p in document.paragraphs]
    keys = [m.key for m in outcome.report.measures]
    assert keys and not [t for t in texts for k in keys if k in t]


def test_the_printed_measures_sheet_shows_no_id(tmp_path):
    """Opt-in (LibreOffice): the measures sheet printed to PDF has its table but not the ids."""
    import shutil
    import subprocess

    from ita_xl.core.sheets import MEASURES
    from tests.test_render_lo import convert

    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice")
    wb, _ = _measures_workbook("004")
    for name in [n for n in wb.sheetnames if n != MEASURES]:
        del wb[name]
    wb.save(tmp_path / "measures.xlsx")
    pdf = convert(tmp_path / "measures.xlsx", "pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "การกำกับติดตาม" in text
    assert "M-" not in text and "รหัส" not in text


def test_an_oit_row_kept_as_the_tools_lowest_indicator_is_every_divisions():
    """ขามป้อม (two divisions): every indicator passes, and OIT's lowest (indicator 9, 95.00) keeps a
    row; every division publishes its own data, so the row is joint (before: สำนักปลัด alone)."""
    r = _report(SAMPLES["001"])
    [oit] = [m for m in r.measures if m.source == "ตัวชี้วัดที่ 9"]
    assert "ต่ำที่สุดใน OIT" in oit.analysis  # Thai review: "ต่ำที่สุดของ IIT" → "ต่ำที่สุดใน IIT"
    assert oit.owner == "สำนักปลัด และกองคลัง"
    # IIT: every division too, since the Thai review's second round (seed 001 prints its asset
    # row "สำนักปลัด /กองคลัง"); until then กองคลัง alone
    assert [m.owner for m in r.measures if m.source == "ตัวชี้วัดที่ 2"] == ["สำนักปลัด และกองคลัง"]


# The Thai review's second round (/work/team/review_thai_findings.md, findings 4, 12, 18, 19, 21)


def _oit_items(fw):
    return [q for q in fw.questions if fw.indicator(q.indicator).instrument in fw.full_marks_instruments]


def _years_with_oit_items() -> list[int]:
    from ita_xl.core.framework import available_years

    return [year for year in available_years() if _oit_items(load_framework(year))]


@pytest.mark.parametrize("year", _years_with_oit_items())
def test_an_oit_items_row_is_about_that_item_in_every_year(year):
    """Finding 4: the FY2569 unit's o22 (the risk-management report, 0) got "จัดทำแผนปฏิบัติการป้องกัน
    การทุจริต / ประเมินความเสี่ยง / เผยแพร่มาตรการส่งเสริมคุณธรรม…", the steps of o23, o21 and o25 (all
    at 100); o9 (the service manual) was never written. Each item alone unpublished, in every year
    with item rules: its row names it, its first step assigns it, and no other item is named."""
    from tests.test_library import reads_as_a_measure

    fw = load_framework(year)
    items = _oit_items(fw)
    scores = {q.code: 100 if q in items else 95 for q in fw.questions}
    for item in items:
        unit = UnitInputs(fiscal_year=year, name="x", departments=("สำนักปลัด", "กองคลัง"),
                          questions=scores | {item.code: 0})  # fmt: skip
        [row] = [m for m in _report(unit).measures if item.code in m.source.split(", ")]
        if "E-Service" in item.title or "ออนไลน์" in item.title:  # the E-Service measure (seed 004)
            assert row.measure == "มาตรการพัฒนาบริการออนไลน์ (E-Service)", (year, item.code)
            assert "พัฒนาและทดสอบระบบ E-Service" in row.steps
            continue
        assert row.measure == f"มาตรการจัดทำและเผยแพร่{item.title}", (year, item.code)
        assert reads_as_a_measure(row.measure), row.measure
        assert row.steps[0] == f"มอบหมายผู้รับผิดชอบจัดทำ{item.title}"
        steps = " ".join(row.steps)
        others = [q.title for q in items if q.title not in item.title and item.title not in q.title]
        assert not [t for t in others if t in steps], (year, item.code)
        assert row.owner in ("สำนักปลัด", "กองคลัง")  # the division that holds it, not every one


def test_the_fy2569_units_o9_and_o22_rows_write_and_publish_their_own_documents():
    r = _report(SAMPLES["2569"])
    rows = {m.source: m for m in r.measures}
    assert rows["o9"].measure == ("มาตรการจัดทำและเผยแพร่คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ")
    assert rows["o22"].measure == ("มาตรการจัดทำและเผยแพร่รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต")
    for step in ("จัดทำแผนปฏิบัติการป้องกันการทุจริต", "ประเมินความเสี่ยงการทุจริต", "เผยแพร่มาตรการส่งเสริมคุณธรรม"):
        assert not any(s.startswith(step) for s in rows["o22"].steps), step
    assert any("บนเว็บไซต์ของหน่วยงาน" in s for s in rows["o9"].steps)


def test_a_library_entry_keyed_to_an_oit_item_gives_its_steps(tmp_path, monkeypatch):
    """A unit's own steps for an item: an entry under the crosswalk's stable key (FY2569 o22 is
    "risk_report"), in a folder named by ITA_XL_LIBRARY."""
    from ita_xl.core import library

    (tmp_path / "mine.toml").write_text(
        '[questions.risk_report]\ncause = ""\nadvice = ""\nmeasure = "มาตรการรายงานผลการจัดการความเสี่ยง"\n'
        'steps = ["ติดตามผลตามแผนบริหารจัดการความเสี่ยงรายไตรมาส", "จัดทำรายงานเสนอนายก"]\nowner = "ปลัด"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(library.ENV_VAR, str(tmp_path))
    library._load.cache_clear()
    try:
        [row] = [m for m in _report(SAMPLES["2569"]).measures if m.source == "o22"]
    finally:
        monkeypatch.delenv(library.ENV_VAR)
        library._load.cache_clear()
    assert row.measure == "มาตรการรายงานผลการจัดการความเสี่ยง"
    assert row.steps == ("ติดตามผลตามแผนบริหารจัดการความเสี่ยงรายไตรมาส", "จัดทำรายงานเสนอนายก")
    assert row.key == "M-risk_report"


@pytest.mark.parametrize("seed", list(SAMPLES))
def test_each_rows_reason_states_its_own_item_and_score(seed):
    """Finding 12: "แม้จะผ่านค่าเป้าหมายแล้ว แต่เพื่อรักษามาตรฐานไว้ จึงกำหนดมาตรการนี้" ended every row
    of 003 and 004. Each reason is its row's own: the item and its score, no sentence shared."""
    from ita_xl.core.figures import format_number

    r = _report(SAMPLES[seed])
    scores = {q.code: q.score for i in r.indicators for q in i.questions}
    # an indicator's row begins with the indicator and its score (review_code7 B3: these rows were skipped)
    scores |= {f"ตัวชี้วัดที่ {i.number}": i.score for i in r.indicators if i.score is not None}
    reasons = [m.analysis for m in r.measures]
    assert len(set(reasons)) == len(reasons), reasons
    checked = 0
    for m in r.measures:
        assert "จึงกำหนดมาตรการนี้" not in m.analysis and "เพื่อรักษามาตรฐานไว้" not in m.analysis, m.analysis
        for line, code in zip(m.analysis.split("\n"), m.source.split(", "), strict=True):
            if code in scores and not line.startswith("ทุกข้อของประเด็นที่"):  # a theme all at 100 says so
                # a question by its title in quotes, its code in brackets (Thai review 9/10, R7-9)
                begins = f"{code} " if code.startswith("ตัวชี้วัด") else "“"
                assert line.startswith(begins) and format_number(scores[code]) in line, line
                assert code.startswith("ตัวชี้วัด") or line.startswith(
                    f"“{r.framework.question(code).title}” ({code}) "
                )
                checked += 1
    assert checked, [m.source for m in r.measures]  # every sample has a row for an item it scores


FOUR = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม")

#: The seeds' printed responsible divisions, by the item the sample's row is for. Seed 003 (FY2567)
#: lines 247-279: ประเด็นที่ 1, 2, 3, 5, 6 and 7 "สำนักปลัด กองคลัง กองช่าง กองสาธารณสุขและสิ่งแวดล้อม"
#: (its ประเด็นที่ 4, assets, "กองคลัง": seeds 001, 002 and 004 give assets to two or every division,
#: so the default stays joint); seed 002 (FY2562): OIT every division by name (the six the sample
#: lists), IIT "-สำนักปลัด -กองคลัง" (the joint default gives the suggested IIT row all six; the
#: seed's own row, typed on the sample's choices sheet, carries its two: test_seed_measures.py);
#: seed 004 (FY2568): measures 1 (assets) and 3 (service) "ทุกสำนัก/กอง".
SEED_OWNERS = [
    ("003", "i1", FOUR),
    ("003", "e3", FOUR),
    ("003", "e4", FOUR),
    ("003", "i4", FOUR),
    ("003", "i7", FOUR),
    ("003", "i13", FOUR),
    ("002", "ตัวชี้วัดที่ 4", SAMPLES["002"].departments),
    ("002", "ตัวชี้วัดที่ 9", SAMPLES["002"].departments),
    ("004", "i10", ("ทุกสำนัก/กอง",)),
    ("004", "e1", ("ทุกสำนัก/กอง",)),
]


@pytest.mark.parametrize(("seed", "source", "divisions"), SEED_OWNERS)
def test_joint_responsibility_as_the_seeds_print_it(seed, source, divisions):
    """Findings 18, 19, 21: ita-xl named one division per row."""
    [row] = [m for m in _report(SAMPLES[seed]).measures if m.source == source]
    named = [d for d in SAMPLES[seed].departments if d in row.owner]
    assert named == list(divisions), row.owner
    if len(divisions) > 1:
        assert row.owner == " ".join(divisions[:-1]) + " และ" + divisions[-1]  # "ก ข และค"


def test_the_responsibility_rule_is_the_librarys_and_a_unit_may_change_it(tmp_path, monkeypatch):
    """[responsibility] perception = "owner" gives each IIT or EIT measure to the division its
    entry names again (seed 001's habit: "สำนักปลัด" for most rows, "กองคลัง" for the budget)."""
    from ita_xl.core import library
    from ita_xl.core.errors import FrameworkError

    (tmp_path / "rules.toml").write_text('[responsibility]\nperception = "owner"\n', encoding="utf-8")
    monkeypatch.setenv(library.ENV_VAR, str(tmp_path))
    library._load.cache_clear()
    try:
        owners = {m.source: m.owner for m in _report(SAMPLES["003"]).measures}
        assert owners["i10"] == "กองคลัง" and owners["i1"] == "สำนักปลัด"
        (tmp_path / "rules.toml").write_text('[responsibility]\nperception = "everyone"\n', encoding="utf-8")
        library._load.cache_clear()
        with pytest.raises(FrameworkError, match=r"rules.toml: responsibility.perception"):
            library.load_library()
    finally:
        monkeypatch.delenv(library.ENV_VAR)
        library._load.cache_clear()


def test_the_users_divisions_on_the_choices_sheet_replace_the_joint_default():
    """ปรับมาตรการ: a row the library gives every division goes to the divisions the user typed."""
    from ita_xl.core.choices import choose
    from ita_xl.core.inputs import MeasureChoice

    r = _report(SAMPLES["003"])
    [row] = [m for m in r.measures if m.source == "i1"]
    assert row.owner == "สำนักปลัด กองคลัง กองช่าง และกองสาธารณสุขและสิ่งแวดล้อม"
    typed = [MeasureChoice(row=5, key=row.key, owner="กองช่าง")]
    chosen = choose(r.measures, typed, FOUR, period=row.period, monitoring=row.monitoring)
    assert [m.owner for m in chosen.rows if m.key == row.key] == ["กองช่าง"]
    assert not chosen.findings


# review_code7 A3 and C1: each row's analysis is true of the figures, against the target and
# the unit's own threshold (README: ``ita-xl generate MY_UNIT.xlsx --threshold 90``)


def _rows(unit, threshold=None) -> list:
    """The suggested rows (the samples' choices set aside, as ``_report`` does)."""
    unit = replace(unit, measure_choices=())
    fw = load_framework(unit.fiscal_year)
    found = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return list(build_report(unit, fw, found, [], threshold=threshold).measures)


def _row_of(rows, source: str):
    [row] = [r for r in rows if source in r.source.split(", ")]
    return row


def test_review7_no_cause_for_an_indicator_whose_questions_are_only_part_of_it():
    """คลองนกกระทุง with indicator 8 at 80: its typed questions e7-e9 (99.50-100) are one EIT
    part's, so no question names a cause (section ๔ says they do not give the indicator)."""
    unit = replace(SAMPLES["003"], indicators={**SAMPLES["003"].indicators, 8: 80})
    row = _row_of(_rows(unit), "ตัวชี้วัดที่ 8")
    assert "สาเหตุ:" not in row.analysis
    assert row.analysis.startswith("ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน ได้ 80.00 คะแนน ต่ำกว่าค่าเป้าหมาย")


def test_review7_lowest_of_a_tool_with_a_blank_question_is_of_its_scored_questions():
    """The FY2569 sample without i10: i12 is the lowest of the typed IIT questions only."""
    unit = replace(
        SAMPLES["2569"], questions={c: v for c, v in SAMPLES["2569"].questions.items() if c != "i10"}
    )
    text = "\n".join(r.analysis for r in _rows(unit))
    assert "ต่ำที่สุดใน IIT" not in text
    assert "ต่ำที่สุดในข้อที่มีคะแนนของ IIT" in text


def test_review7_no_weakest_tool_while_a_tool_is_blank():
    """ขามป้อม with IIT 99.73 and OIT 97.50 only (both EIT parts blank): OIT is not "the lowest
    of the tools"; nothing is below the target, so no tool-based row."""
    unit = replace(SAMPLES["001"], indicators={}, tools={"IIT": 99.73, "OIT": 97.5})
    assert not any("ต่ำสุดในบรรดาเครื่องมือ" in r.analysis for r in _rows(unit))


def test_review7_the_units_threshold_is_not_called_the_target():
    """แก้ง (FY2563) with --threshold 90 (the README's example): indicator 2 at 88.46 passes the
    target 85 and is below the unit's 90, worded so (not "ต่ำกว่าค่าเป้าหมาย")."""
    row = _row_of(_rows(SAMPLES["000"], threshold=90), "ตัวชี้วัดที่ 2")
    assert "ต่ำกว่าค่าเป้าหมาย" not in row.analysis
    assert "ผ่านค่าเป้าหมายแล้ว แต่ต่ำกว่าเกณฑ์ที่หน่วยงานกำหนด (90 คะแนน)" in row.analysis


def test_review7_a_threshold_below_the_target_never_says_an_item_passed_it():
    """เขาย้อย with e9 at 82 and --threshold 80: e9 passes the unit's threshold but not the
    target 85; no row says it passed the target."""
    unit = replace(SAMPLES["004"], questions={**SAMPLES["004"].questions, "e9": 82})
    row = _row_of(_rows(unit, threshold=80), "e9")
    assert "ผ่านค่าเป้าหมายแล้ว" not in row.analysis
    assert "ต่ำกว่าค่าเป้าหมาย" in row.analysis


def test_review7_c1_one_pass_rule_on_the_printed_figure():
    """ขามป้อม with indicator 2 at 84.996, printed 85.00: it passes in the analysis ("ทุกตัวชี้วัด
    ผ่านค่าเป้าหมาย") and no measure says it is below the target."""
    unit = replace(SAMPLES["001"], indicators={**SAMPLES["001"].indicators, 2: 84.996})
    assert not any("ต่ำกว่าค่าเป้าหมาย" in r.analysis for r in _rows(unit))


@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_measure_analyses_are_sentences_without_colon_labels(seed):
    """Thai review 8: "สาเหตุ: …" and "…ไม่มีคะแนนรายตัวชี้วัด: EIT ส่วนที่ ๒…" read as labels in a
    form; the seeds write the cause in the sentence ("สาเหตุเกิดจาก", seed 003). Suggested rows
    and tool-only copies (their rows rest on tool scores) alike; every question lowered to 70
    gives the rows of questions below the target (measure.below, with its cause)."""
    sample = SAMPLES[seed]
    low = replace(sample, questions={code: min(score, 70.0) for code, score in sample.questions.items()})
    for unit in (sample, low, replace(sample, indicators={})):
        for m in _report(unit).measures:
            assert ":" not in m.analysis, m.analysis
