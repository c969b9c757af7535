"""The template and sample workbooks: structure, formulas, rebuilds, recomputed figures."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import range_boundaries

from ita_xl import udfs
from ita_xl.build import workbooks as build
from ita_xl.core.closing import default_texts
from ita_xl.core.figures import round2
from ita_xl.core.framework import available_years, load_framework
from ita_xl.core.layout import (
    CHOICES,
    CRITERIA,
    DEPARTMENT_ROWS,
    HISTORY,
    PASTE,
    SCORES,
    UNIT,
    UNIT_FIELDS,
    Layout,
)
from ita_xl.core.samples import SAMPLE_FILES, SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.xlsx.template import FONT, MEMO_LABELS, build_template, fill, template_year
from tests.excel_eval import cell, evaluate

CHECKED_IN = [Path(build.TEMPLATE_NAME)] + [Path("samples") / name for name in SAMPLE_FILES.values()]
UDF_NAMES = {name for name in vars(udfs) if name.startswith("ITA_")}
NATIVE = {"IF", "AND", "SUM"}
REFERENCE = re.compile(r"^(?:'?(?P<sheet>[^'!]+)'?!)?(?P<range>\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$")


def formulas_of(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    yield ws, c


@pytest.fixture(scope="module")
def evaluated():
    """Every sample's formulas computed once, with the ITA functions plugged in."""
    return {seed: evaluate(build.WORKBOOKS / "samples" / name) for seed, name in SAMPLE_FILES.items()}


@pytest.mark.parametrize("relative", CHECKED_IN, ids=str)
def test_every_formula_refers_to_existing_cells_and_known_functions(relative):
    wb = load_workbook(build.WORKBOOKS / relative)
    count = 0
    for ws, c in formulas_of(wb):
        count += 1
        for token in Tokenizer(c.value).items:
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                name = token.value.rstrip("(").upper()
                assert name in UDF_NAMES | NATIVE, f"{ws.title}!{c.coordinate}: unknown function {name}"
            elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
                match = REFERENCE.match(token.value)
                assert match, f"{ws.title}!{c.coordinate}: cannot read reference {token.value}"
                target = wb[match["sheet"]] if match["sheet"] else ws
                min_col, min_row, max_col, max_row = range_boundaries(match["range"].replace("$", ""))
                assert max_row <= target.max_row and max_col <= target.max_column, (
                    f"{ws.title}!{c.coordinate} refers to {token.value}, outside {target.title}'s cells"
                )
                assert any(
                    target.cell(r, col).value is not None
                    or target.cell(r, col).fill.fgColor.rgb == "00FFF2CC"
                    for r in range(min_row, max_row + 1)
                    for col in range(min_col, max_col + 1)
                ), (
                    f"{ws.title}!{c.coordinate} refers to {token.value}, which holds neither data nor an input cell"
                )
    assert count > 40


@pytest.mark.parametrize("relative", CHECKED_IN, ids=str)
def test_rebuilding_gives_the_same_workbook(tmp_path, relative):
    fresh = tmp_path / "fresh.xlsx"
    build.all_workbooks()[relative].save(fresh)
    assert build.differences(load_workbook(fresh), load_workbook(build.WORKBOOKS / relative)) == []


def test_check_mode_finds_a_hand_edit(tmp_path, capsys):
    shutil.copytree(build.WORKBOOKS, tmp_path / "workbooks")
    path = tmp_path / "workbooks" / build.TEMPLATE_NAME
    wb = load_workbook(path)
    wb[CRITERIA]["C7"] = 35
    wb.save(path)
    assert build.main(["--check", "--output", str(tmp_path / "workbooks")]) == 1
    assert f"{CRITERIA}!C7: (30" in capsys.readouterr().err
    assert build.main(["--check"]) == 0


def test_template_is_the_newest_year_with_the_four_input_sheets_and_the_paste_sheet():
    wb = load_workbook(build.WORKBOOKS / build.TEMPLATE_NAME)
    assert wb.sheetnames == [UNIT, SCORES, HISTORY, CRITERIA, CHOICES, PASTE]  # the last two optional
    assert template_year(wb) == available_years()[-1]
    assert wb[UNIT]["B8"].value == available_years()[-1]


@pytest.mark.parametrize("year", available_years())
def test_each_year_builds_with_its_catalogue_and_criteria(year):
    fw = load_framework(year)
    wb = build_template(fw)
    layout = Layout(fw)
    scores, criteria = wb[SCORES], wb[CRITERIA]
    assert [scores[f"A{r}"].value for r in layout.tool_rows.values()] == [t.code for t in fw.tools]
    assert [scores[f"A{r}"].value for r in layout.question_rows.values()] == [q.code for q in fw.questions]
    assert [criteria[f"C{r}"].value for r in layout.weight_rows.values()] == [
        float(t.weight) for t in fw.tools
    ]
    assert criteria[layout.target_cell].value == 85.0
    first = layout.bands_header_row + 1
    assert criteria[f"C{first}"].value == fw.levels[0].name
    for name, target in wb.defined_names.items():
        assert target.attr_text.startswith("'"), name


def test_presentation_inputs_marked_and_validated():
    wb = load_workbook(build.WORKBOOKS / build.TEMPLATE_NAME)
    layout = Layout(load_framework(available_years()[-1]))
    scores = wb[SCORES]
    for ws in wb.worksheets:
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.freeze_panes is not None
        assert ws["A1"].font.name == FONT
    inputs = [f"D{r}" for r in layout.tool_rows.values()] + [f"E{r}" for r in layout.question_rows.values()]
    validated = set()
    for dv in scores.data_validations.dataValidation:
        if dv.type == "decimal" and (dv.formula1, dv.formula2) == ("0", "100"):
            for rng in dv.sqref.ranges:
                min_col, min_row, max_col, max_row = rng.bounds
                validated |= {
                    scores.cell(r, c).coordinate
                    for r in range(min_row, max_row + 1)
                    for c in range(min_col, max_col + 1)
                }
    for address in inputs:
        assert scores[address].fill.fgColor.rgb == "00FFF2CC", address
        assert address in validated, address
    # computed cells are formulas, never inputs
    row = layout.tool_rows["IIT"]
    assert scores[f"E{row}"].value.startswith("=ITA_TOOL_SCORE(")
    assert scores[f"C{layout.total_row}"].value.startswith("=ITA_WEIGHTED_TOTAL(")
    assert scores[f"C{layout.rating_row}"].value.startswith("=ITA_RATING(")
    assert scores[f"G{row}"].value.startswith("=ITA_PASS(")
    nine = layout.indicator_rows[9]
    assert (
        scores[f"E{nine}"].value
        == f"=ITA_AVERAGE(E{layout.subindicator_rows['9.1']}:E{layout.subindicator_rows['9.5']})"
    )


def test_wrapped_question_rows_have_heights():
    wb = load_workbook(build.WORKBOOKS / build.TEMPLATE_NAME)
    layout = Layout(load_framework(available_years()[-1]))
    scores = wb[SCORES]
    long_row = layout.question_rows["i5"]
    assert scores.row_dimensions[long_row].height > scores.row_dimensions[layout.question_rows["o4"]].height


def test_fill_refuses_a_workbook_of_another_year():
    with pytest.raises(ValueError, match="2568, not 2567"):
        fill(build_template(load_framework(2568)), SAMPLES["001"])


# (seed, total cell, rating cell, below-target count); an ``#ITA!`` text is the message shown.
RECOMPUTED = [
    ("000", 76.4242, "B", 7),  # the seed prints 76.43 (a printed figure to check)
    ("001", 97.896, "ผ่านดี", 0),
    ("002", "", "", 2),  # only three indicators printed: no tool is complete, so no total
    ("003", 98.2254, "ผ่านดีเยี่ยม", 0),
    ("004", 98.504, "ผ่านดีเยี่ยม", 0),
    ("2569", 94.101, "ผ่านดี", 0),
]


@pytest.mark.parametrize(("seed", "total", "rating", "below"), RECOMPUTED)
def test_sample_formulas_recompute(evaluated, seed, total, rating, below):
    values = evaluated[seed]
    layout = Layout(load_framework(SAMPLES[seed].fiscal_year))
    got_total = cell(values, SCORES, f"C{layout.total_row}")
    if isinstance(total, float):
        assert got_total == pytest.approx(total)
    elif total:
        assert got_total.startswith(total)
    else:
        assert got_total in ("", None)
    assert str(cell(values, SCORES, f"C{layout.rating_row}")).startswith(rating)
    assert cell(values, SCORES, f"C{layout.extremes_rows[2]}") == below
    history_total = cell(values, HISTORY, f"B{layout.history_current_row}")
    assert history_total == got_total


def test_stand_in_eit_parts_are_flagged_in_the_reason(evaluated):
    layout = Layout(load_framework(2568))
    assert "ยังไม่สิ้นสุด" in cell(evaluated["004"], SCORES, f"C{layout.reason_row}")
    assert "ยังไม่สิ้นสุด" not in cell(evaluated["001"], SCORES, f"C{layout.reason_row}")  # parts typed


def test_sample_000_recomputes_to_76_42_with_the_years_own_weights():
    result = assess(load_framework(2563), indicators=SAMPLES["000"].indicators)
    assert round2(result.total.value) == round2(76.42)
    assert result.rating.level == "B"


def test_empty_template_shows_not_final_not_zero():
    values = evaluate(build.WORKBOOKS / build.TEMPLATE_NAME)
    layout = Layout(load_framework(available_years()[-1]))
    assert cell(values, SCORES, f"C{layout.total_row}") in ("", None)
    assert cell(values, SCORES, f"E{layout.tool_rows['IIT']}") in ("", None)


def test_fy2569_template_lists_o1_to_o26_with_their_titles(tmp_path):
    """The issue's "done when": ``ita-xl template --year 2569`` lists o1-o26 with FY2569 titles."""
    from ita_xl.cli import main

    target = tmp_path / "t.xlsx"
    assert main(["template", "--year", "2569", "-o", str(target)]) == 0
    scores = load_workbook(target)[SCORES]
    layout = Layout(load_framework(2569))
    oit = [c for c in layout.question_rows if c.startswith("o")]
    assert oit == [f"o{n}" for n in range(1, 27)]
    rows = {code: [c.value for c in scores[row]] for code, row in layout.question_rows.items()}
    assert "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร" in rows["o25"]
    assert "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน" in rows["o11"]
    assert "o27" not in layout.question_rows


@pytest.mark.parametrize(("year", "warned"), [(2568, False), (2569, True)])
def test_criteria_sheet_shows_provenance_and_warns_of_assumed_rules(year, warned):
    ws = build_template(load_framework(year))["เกณฑ์"]
    words = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "ที่มาของเกณฑ์" in words
    assert ("น้ำหนักเครื่องมือ" in words) and any(w in words for w in ("ยืนยันแล้ว", "น่าจะใช่", "สมมติ"))
    warning = "คู่มือการประเมิน ITA ปี 2569" in ws["A2"].value
    assert warning is warned
    if warned:
        assert "สมมติ" in words and "ข้อคำถาม IIT" in ws["A2"].value


def test_the_unit_sheet_keeps_its_rows_and_appends_the_memo_and_the_lists():
    """Rows 4-11 and the departments (14-33) stay where earlier files have them."""
    ws = load_workbook(build.WORKBOOKS / build.TEMPLATE_NAME)[UNIT]
    assert [ws[f"A{row}"].value for row in (4, 8, 11)] == [
        "ชื่อหน่วยงาน",
        "ปีงบประมาณที่ประเมิน (พ.ศ.)",
        "ตำแหน่งผู้จัดทำ",
    ]
    assert ws["A13"].value == "ส่วนราชการ / กอง (ผู้รับผิดชอบมาตรการ)"
    assert [ws[f"A{UNIT_FIELDS[key]}"].value for key in MEMO_LABELS] == [
        label for label, _ in MEMO_LABELS.values()
    ]
    assert min(UNIT_FIELDS[key] for key in MEMO_LABELS) > 14 + DEPARTMENT_ROWS
    layout = Layout(load_framework(available_years()[-1]))
    assert [ws[c].value for c in layout.limitation_cells if ws[c].value] == list(
        default_texts()["limitations"]
    )
    assert [ws[c].value for c in layout.recommendation_cells if ws[c].value] == list(
        default_texts()["recommendations"]
    )
