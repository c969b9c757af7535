"""The user's choice of measures (issue 14: "a column in the input where the user can switch a
suggested row off or add their own row before generating", with one or several divisions from
the unit's list).

Driven as a user does it, through the file: generate, read an id from the measures sheet's
last column (รหัส), type it on the ปรับมาตรการ sheet with ไม่ใช้ or other divisions, add a row of
the unit's own, save, generate again, and read the new measures and checks sheets back.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import load_workbook

from ita_xl.build import workbooks as build
from ita_xl.core.checks import CHECKS
from ita_xl.core.choices import choose, own_key
from ita_xl.core.inputs import MeasureChoice
from ita_xl.core.layout import CHOICES, SKIP, USE
from ita_xl.core.measures import MeasureRow
from ita_xl.core.reader import ERROR, WARNING
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import MEASURES
from ita_xl.xlsx.workbook import generate_workbook


def _sample(seed: str = "003"):
    """The sample with its choices sheet cleared (the seeds' own measures typed there are
    tests/test_seed_measures.py's): these tests type their own choices."""
    from tests.test_seed_measures import without_choices

    return without_choices(load_workbook(build.WORKBOOKS / "samples" / SAMPLE_FILES[seed]))


def _saved(wb):
    """The workbook as a user's save and reopen leaves it."""
    buffer = BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return load_workbook(buffer)


def _measures(wb) -> dict[str, list]:
    """The generated measures table by id (the last column), as the file holds it."""
    ws = wb[MEASURES]
    rows = {}
    for row in ws.iter_rows(values_only=True):
        cells = list(row[:8])
        key = cells[7]
        if isinstance(key, str) and key.startswith("M-"):
            rows[key] = cells
    return rows


def _texts(ws) -> list[str]:
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]


def test_a_user_switches_a_row_off_changes_divisions_and_adds_a_measure():
    wb = _sample("003")
    assert generate_workbook(wb).ok
    suggested = _measures(wb)
    assert len(suggested) >= 3
    off, joint = list(suggested)[:2]
    choices = wb[CHOICES]
    choices["A5"], choices["B5"] = off, SKIP
    choices["A6"], choices["C6"] = joint, "กองคลัง และ กองช่าง"
    choices["B7"], choices["C7"] = USE, "สำนักปลัด, กองสาธารณสุขและสิ่งแวดล้อม"
    choices["D7"], choices["E7"] = "ประเด็นของหน่วยงาน", "โครงการอบรมจริยธรรมพนักงานจ้าง"
    choices["F7"] = "1. จัดทำแผนอบรม\n2. จัดอบรม"
    wb = _saved(wb)
    outcome = generate_workbook(wb, force=True)
    assert outcome.ok, [f.line() for f in outcome.findings]
    chosen = _measures(wb)
    assert off not in chosen
    assert chosen[joint][5] == "กองคลัง และกองช่าง"
    own = chosen[own_key("โครงการอบรมจริยธรรมพนักงานจ้าง")]
    assert own[0] == "ประเด็นของหน่วยงาน" and own[1].endswith("โครงการอบรมจริยธรรมพนักงานจ้าง")
    assert own[3] == "๑. จัดทำแผนอบรม\n๒. จัดอบรม"  # numbered once, by the sheet
    assert own[5] == "สำนักปลัด และกองสาธารณสุขและสิ่งแวดล้อม"
    assert list(chosen)[-1] == own_key("โครงการอบรมจริยธรรมพนักงานจ้าง")  # after the suggested rows
    # the checks sheet, not the deliverable, says which suggested row was left out and where
    checks = " ".join(_texts(wb[CHECKS]))
    assert f"{CHOICES}!B5" in checks and off in checks
    assert off not in _texts(wb[MEASURES])
    assert not [f for f in outcome.findings if f.sheet == CHOICES]


def test_an_unknown_id_and_a_division_not_in_the_list_are_findings_at_their_cells():
    wb = _sample("003")
    assert generate_workbook(wb).ok
    known = next(iter(_measures(wb)))
    choices = wb[CHOICES]
    choices["A9"], choices["B9"] = "M-i99", SKIP
    choices["A12"], choices["C12"] = known.upper(), "กองการศึกษา และ กองคลัง"  # ids match in any case
    wb = _saved(wb)
    outcome = generate_workbook(wb, force=True)
    assert outcome.ok
    found = {f.where: f for f in outcome.findings if f.sheet == CHOICES}
    assert set(found) == {f"{CHOICES}!A9", f"{CHOICES}!C12"}  # Excel's form, Arabic digits
    assert "M-i99" in found[f"{CHOICES}!A9"].th and found[f"{CHOICES}!A9"].severity == WARNING
    assert "กองการศึกษา" in found[f"{CHOICES}!C12"].th and "กองคลัง" not in found[f"{CHOICES}!C12"].th
    assert "หน่วยงาน!B14:B33" in found[f"{CHOICES}!C12"].th
    assert f"{CHOICES}!A9" in " ".join(_texts(wb[CHECKS]))


@pytest.mark.parametrize(("cell", "value"), [("B5", "no"), ("B5", "ปิด")])
def test_a_use_cell_that_is_neither_choice_stops_the_run_at_its_cell(cell, value):
    wb = _sample("004")
    wb[CHOICES]["A5"], wb[CHOICES][cell] = "M-i3", value
    outcome = generate_workbook(_saved(wb))
    assert not outcome.ok
    assert [(f.severity, f.where) for f in outcome.errors] == [(ERROR, f"{CHOICES}!{cell}")]


def test_a_workbook_made_before_the_sheet_existed_gets_every_suggested_row():
    with_sheet = _sample("004")
    assert generate_workbook(with_sheet).ok
    without = _sample("004")
    del without[CHOICES]
    without = _saved(without)
    assert generate_workbook(without).ok
    assert _measures(without) == _measures(with_sheet)


def test_the_template_offers_the_choices_with_lists_from_the_unit_sheet():
    """Excel's list validation takes a range on another sheet (Excel 2010 and later:
    support.microsoft.com, "Create a drop-down list", "the list can be on another worksheet")."""
    wb = load_workbook(build.WORKBOOKS / build.TEMPLATE_NAME)
    validations = {str(dv.sqref): dv for dv in wb[CHOICES].data_validations.dataValidation}
    assert validations["B5:B44"].formula1 == f'"{USE},{SKIP}"'
    owner = validations["C5:C44"]
    assert owner.formula1 == "'หน่วยงาน'!$B$14:$B$33" and owner.errorStyle == "warning"


def _row(key: str, owner: str = "สำนักปลัด") -> MeasureRow:
    return MeasureRow("ประเด็น", f"มาตรการ {key}", "เหตุผล", ("ขั้น",), "ทั้งปี", owner, "ติดตาม", key, key)


def test_an_id_given_twice_keeps_the_first_and_says_where():
    rows = (_row("M-i1"), _row("M-i2"))
    choices = (MeasureChoice(5, "M-i1", use=False), MeasureChoice(8, "M-i1", use=True))
    chosen = choose(rows, choices, ("สำนักปลัด",), period="ทั้งปี", monitoring="ติดตาม")
    assert [r.key for r in chosen.rows] == ["M-i2"]
    assert [(f.where, f.th.count(f"{CHOICES}!A5")) for f in chosen.findings] == [(f"{CHOICES}!A8", 1)]


def test_an_added_row_without_a_division_is_kept_and_said():
    choices = (MeasureChoice(6, "", measure="โครงการใหม่"),)
    chosen = choose((), choices, ("สำนักปลัด",), period="ทั้งปี", monitoring="ติดตาม")
    assert [(r.measure, r.owner, r.period) for r in chosen.rows] == [("โครงการใหม่", "", "ทั้งปี")]
    assert [f.where for f in chosen.findings] == [f"{CHOICES}!C6"]


def test_a_measure_of_the_units_own_keeps_its_id_when_rows_move():
    """Found by review: ids were the row (M-U7), so deleting one own measure gave the next one
    its id, and the tracking sheet handed it the deleted measure's typed results."""
    from ita_xl.core.inputs import MeasureChoice
    from ita_xl.core.tracking import MeasureLine, MeasuresSheet, TrackedRow, refresh

    def lines(choices):
        rows = choose([], choices, ["กองคลัง"], period="ต.ค.", monitoring="x").rows
        return tuple(MeasureLine(r.key, r.theme, r.measure, "", r.period, r.owner) for r in rows)

    before = lines([MeasureChoice(7, owner="กองคลัง", measure="อบรมจริยธรรม"),
                    MeasureChoice(8, owner="กองคลัง", measure="เปิดเผยข้อมูลจัดซื้อ")])  # fmt: skip
    typed = [TrackedRow(before[0], {"status": "ดำเนินการแล้ว", "result": "อบรมแล้ว 40 คน"}, row=5),
             TrackedRow(before[1], {"status": "ยังไม่ดำเนินการ"}, row=6)]  # fmt: skip
    after = lines([MeasureChoice(7, owner="กองคลัง", measure="เปิดเผยข้อมูลจัดซื้อ")])  # row 7 deleted
    assert after[0].key == before[1].key
    refreshed = {r.line.measure: r.typed for r in refresh(MeasuresSheet(2569, "", after), typed)}
    assert refreshed["เปิดเผยข้อมูลจัดซื้อ"] == {"status": "ยังไม่ดำเนินการ"}
    assert refreshed["อบรมจริยธรรม"]["result"] == "อบรมแล้ว 40 คน"  # kept on the removed measure's row
    assert own_key("อบรม  จริยธรรม") == own_key("อบรม จริยธรรม") != own_key("อบรมคุณธรรม")


@pytest.mark.parametrize(
    "typed",
    [
        "สำนักปลัด และกองคลัง และกองการศึกษา ศาสนา และวัฒนธรรม",
        "กองการศึกษา ศาสนา และวัฒนธรรม, สำนักปลัด, กองคลัง",
        "สำนักปลัด\nกองการศึกษา ศาสนา และวัฒนธรรม\nกองคลัง",
    ],
)
def test_a_division_whose_name_holds_and_is_one_division(typed):
    """Seed 002's OIT table names "-กองการศึกษา ศาสนา และวัฒนธรรม" (a division of many อบต.);
    typed among others with "และ" as the sheet's heading asks, it is one division of the list,
    not "กองการศึกษา ศาสนา" and "วัฒนธรรม" (two unknown names, a finding, before)."""
    listed = ("สำนักปลัด", "กองคลัง", "กองการศึกษา ศาสนา และวัฒนธรรม")
    chosen = choose(
        (), (MeasureChoice(9, "", measure="เว็บไซต์", owner=typed),), listed, period="ปี", monitoring="x"
    )
    assert not chosen.findings
    [row] = chosen.rows
    assert [d for d in listed if d in row.owner] == list(listed) and row.owner.count("วัฒนธรรม") == 1
    # a name not in the list is still split at its "และ" and said
    other = MeasureChoice(10, "", measure="เว็บไซต์", owner="กองช่าง และกองการศึกษา")
    [finding] = choose((), (other,), listed, period="ปี", monitoring="x").findings
    assert finding.where == f"{CHOICES}!C10" and "กองช่าง และกองการศึกษา" in finding.th


def test_the_units_own_analysis_and_monitoring_replace_the_suggested_words():
    """Seed 004 prints its own analysis for each measure ("จากการวิเคราะห์ตัวชี้วัด … พบว่า
    เจ้าหน้าที่ในหน่วยงานบางราย…"), seed 002 its own monitoring ("รายงานความก้าวหน้าและ สรุปผล ณ
    สิ้นปีงบประมาณ"): words ita-xl cannot know. Typed on ปรับมาตรการ (columns H and I), for a
    suggested row (by its id) or a row of the unit's own, they print instead of ita-xl's; a
    blank cell keeps ita-xl's words, and what was typed is left as it is."""
    wb = _sample("003")
    assert generate_workbook(wb).ok
    suggested = _measures(wb)
    first, second = list(suggested)[:2]
    analysis = "จากการวิเคราะห์ตัวชี้วัด พบว่าเจ้าหน้าที่ในหน่วยงานบางรายยังไม่เข้าใจขั้นตอน"
    monitoring = "รายงานความก้าวหน้าและสรุปผล ณ สิ้นปีงบประมาณ"
    choices = wb[CHOICES]
    choices["A5"], choices["H5"], choices["I5"] = first, analysis, monitoring
    choices["A6"], choices["C6"] = second, "กองคลัง"  # nothing typed in H6:I6
    choices["C7"], choices["E7"], choices["H7"] = "สำนักปลัด", "โครงการของหน่วยงานเอง", "วิเคราะห์โดยหน่วยงาน"
    wb = _saved(wb)
    outcome = generate_workbook(wb, force=True)
    assert outcome.ok, [f.line() for f in outcome.findings]
    chosen = _measures(wb)
    assert (chosen[first][2], chosen[first][6]) == (analysis, monitoring)
    assert (chosen[second][2], chosen[second][6]) == (suggested[second][2], suggested[second][6])
    own = chosen[own_key("โครงการของหน่วยงานเอง")]
    assert own[2] == "วิเคราะห์โดยหน่วยงาน" and own[6] == suggested[first][6]  # the year's monitoring
    assert (wb[CHOICES]["H5"].value, wb[CHOICES]["I5"].value) == (analysis, monitoring)
    assert not [f for f in outcome.findings if f.sheet == CHOICES]
