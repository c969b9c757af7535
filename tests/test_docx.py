"""The Word adapter (ita_xl/docx), checked by reading the .docx back with python-docx.

What Word does with the document is fixed by the Office Open XML standard (ECMA-376 Part 1,
§17: WordprocessingML), cited per check:

* ``w:tblHeader`` (ISO/IEC 29500-1 §17.4.50; §17.4.49 in earlier notes did not match the
  standard's text): the row repeats at the top of each page the table spans;
  ``w:cantSplit`` (§17.4.6): the row is never broken across pages.
* ``w:rFonts`` ``w:cs`` and ``w:szCs`` (§17.3.2.26, §17.3.2.39): the font and size of
  complex-script text, which is how Word draws Thai; ``w:hint="cs"`` (§17.3.2.26) treats
  ambiguous characters as complex script; ``w:lang w:bidi`` (§17.3.2.20).
* A PAGE field (§17.16.5.41) in the footer numbers the pages; ``w:keepNext`` (§17.3.1.15)
  keeps a heading on the page of what follows it.

The opt-in test at the end renders the document with LibreOffice (skipped without it).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn

from ita_xl.core.errors import ItaError
from ita_xl.core.figures import format_number, to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import HistoryYear
from ita_xl.core.samples import SAMPLES
from ita_xl.core.sheets import ANALYSIS, FONT, MARKER, MEASURES, STYLES, Block, Chart, SheetSpec
from ita_xl.core.wording import HEADERS, say
from ita_xl.docx import is_ours, write_docx
from ita_xl.docx import pdf as pdf_module
from ita_xl.docx.pdf import is_ours as pdf_is_ours
from ita_xl.docx.pdf import write_pdf
from ita_xl.docx.plan import Cell, Table, fit_widths, shown
from ita_xl.xlsx.template import build_template, fill, sample_workbook
from ita_xl.xlsx.workbook import check_workbook

HEADER_STYLES = {"header", "header_center"}


def _specs(seed: str) -> tuple[SheetSpec, ...]:
    outcome = check_workbook(sample_workbook(seed))
    if not outcome.ok:
        pytest.skip(f"sample {seed} does not generate: {outcome.errors[0].en}")
    return outcome.specs


@pytest.fixture(scope="module", params=sorted(SAMPLES))
def made(request, tmp_path_factory):
    """(specs, document) for each sample."""
    specs = _specs(request.param)
    path = tmp_path_factory.mktemp("docx") / f"{request.param}.docx"
    write_docx(specs, path)
    # The checks sheet is not printed with the report, so it is not in the document either.
    printed = tuple(spec for spec in specs if spec.printed)
    assert len(printed) == len(specs) - 1
    return printed, docx.Document(str(path))


# --------------------------------------------------------------------------- expectations


def _expected_text(value, style: str) -> str:
    """What the sheet shows: Excel's format of the style ("0.00" or General), Thai digits for
    the ``_thai`` variants; text as written."""
    if isinstance(value, str):
        return value
    fmt = STYLES[style].get("number_format", "General")
    text = format_number(value, 2) if fmt.endswith("0.00") else (f"{value:g}")
    return to_thai_digits(text) if style.endswith("_thai") else text


def _spec_values(spec: SheetSpec) -> list[str]:
    """Every non-empty value that prints, row by row and left to right (reading order)."""
    cells = []
    for block in spec.printed_part().blocks:
        if block.style == "marker":
            continue
        for r, row in enumerate(block.values, start=block.row):
            for c, value in enumerate(row, start=block.col):
                if r in spec.copied_rows:  # a heading row repeated for the sheet's printed pages
                    continue
                if value is not None and value != "":
                    cells.append((r, c, _expected_text(value, block.style)))
    return [text for _, _, text in sorted(cells)]


def _document_pieces(document) -> list[str]:
    """Paragraph texts and table-cell texts (a merged cell once), in document order."""
    pieces = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            pieces.append(docx.text.paragraph.Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            for tr in element.iterchildren(qn("w:tr")):
                pieces += [
                    "\n".join(p.text for p in _cell_paragraphs(tc, document)) for tc in tr.iter(qn("w:tc"))
                ]
    return pieces


def _cell_paragraphs(tc, document):
    return [docx.text.paragraph.Paragraph(p, document) for p in tc.iterchildren(qn("w:p"))]


# --------------------------------------------------------------------------- content


def test_every_value_of_every_block_appears_in_order(made):
    specs, document = made
    pieces = _document_pieces(document)
    at = 0
    for spec in specs:
        for text in _spec_values(spec):
            assert text in pieces[at:], f"{spec.name}: {text!r} missing after piece {at}"
            at = pieces.index(text, at) + 1


def test_titles_and_section_headings_are_word_headings(made):
    specs, document = made
    by_text = {}
    for p in document.paragraphs:
        by_text.setdefault(p.text, p.style.name)
    for spec in specs:
        for block in spec.blocks:
            level = {"title": "Heading 1", "band": "Heading 2"}.get(block.style)
            if level:
                assert by_text[block.values[0][0]] == level
    assert sum(p.style.name == "Heading 1" for p in document.paragraphs) == len(specs)
    for name in ("Heading 1", "Heading 2"):
        assert document.styles[name].paragraph_format.keep_with_next is True


def test_file_properties_name_the_report_and_mark_it_as_ita_xls(made):
    specs, document = made
    props = document.core_properties
    analysis = next(spec for spec in specs if spec.name == ANALYSIS)
    assert props.title == analysis.blocks[0].values[0][0].replace("\n", " ")
    assert props.title.startswith("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส")
    assert props.identifier == MARKER and props.author == "ita-xl"


def test_thai_font_is_set_for_complex_script_text(made):
    _, document = made
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {a: fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "cs", "eastAsia", "hint")} == {
        "ascii": FONT,
        "hAnsi": FONT,
        "cs": FONT,
        "eastAsia": FONT,
        "hint": "cs",
    }
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == defaults.find(qn("w:szCs")).get(qn("w:val")) == "32"
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    everywhere = [*styles.iter(qn("w:rFonts")), *document.element.body.iter(qn("w:rFonts"))]
    assert everywhere and all(f.get(qn("w:cs")) == FONT for f in everywhere)
    assert not [f for f in everywhere if any("theme" in name.lower() for name in f.attrib)]
    for name in ("Heading 1", "Heading 2"):
        rpr = document.styles[name].element.rPr
        assert rpr.find(qn("w:bCs")) is not None and rpr.find(qn("w:szCs")) is not None


def test_each_sheet_is_a_section_on_a_new_page_in_its_orientation(made):
    specs, document = made
    sections = document.sections
    assert len(sections) == len(specs)
    for n, (section, spec) in enumerate(zip(sections, specs, strict=True)):
        landscape = spec.landscape
        assert section.orientation == (WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT)
        size = (round(section.page_width.cm, 1), round(section.page_height.cm, 1))
        assert size == ((29.7, 21.0) if landscape else (21.0, 29.7))
        assert round(section.left_margin.cm, 2) == 3.0 and round(section.right_margin.cm, 2) == 2.0
        if n:
            assert section.start_type == WD_SECTION.NEW_PAGE
    assert [s.name for s in specs if s.landscape] == [MEASURES]


def _header_runs(spec: SheetSpec) -> int:
    """Tables that start with a header row: a row of header-styled values after one that is not."""
    styles: dict[int, set[str]] = {}
    for block in spec.blocks:
        for r in range(block.row, block.last_row + 1):
            styles.setdefault(r, set()).add(block.style)
    header = [r for r, s in styles.items() if s <= HEADER_STYLES and r not in spec.copied_rows]
    return sum(1 for r in header if r - 1 not in header)  # a chart adds no table: its data is one


def test_table_header_rows_repeat_and_no_row_splits(made):
    specs, document = made
    tables = document.element.body.findall(qn("w:tbl"))
    leading = 0
    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        flags = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
        leading += flags[0]
        assert flags == sorted(flags, reverse=True), "only leading rows repeat"
    assert leading == sum(_header_runs(spec) for spec in specs)


def test_footer_has_a_page_field_for_every_section(made):
    """One PAGE field, without a general-formatting switch: the digits come from the section's
    page-number format (next test). The field's own switch ``PAGE \\* ThaiArabic`` (ECMA-376
    Part 1 §17.16.4.3, general formatting) is not used: LibreOffice reads it as Thai letters
    (rendered here, pages 1 to 4 printed ก ข ค ง), so the PDF would number its pages with letters."""
    _, document = made
    first, *others = document.sections
    instructions = [t.text for t in first.footer._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    assert all(s.footer.is_linked_to_previous for s in others)


#: Child order of property elements, from the standard's schema (ECMA-376 Part 1: §17.3.1.26
#: pPr, §17.3.2.28 rPr, §17.4.42 tcPr, §17.4.60 tblPr, §17.6.17 sectPr), for the children this
#: document uses; Word rejects a part whose children are out of order.
SCHEMA_ORDER = {
    "pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pBdr",
        "shd",
        "spacing",
        "ind",
        "jc",
        "outlineLvl",
        "rPr",
        "sectPr",
    ],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "spacing", "sz", "szCs", "lang"],
    "tcPr": ["tcW", "gridSpan", "vMerge", "tcBorders", "shd", "vAlign"],
    "tblPr": ["tblStyle", "tblW", "jc", "tblInd", "tblBorders", "tblLayout", "tblCellMar", "tblLook"],
    "sectPr": ["headerReference", "footerReference", "type", "pgSz", "pgMar", "pgNumType", "cols", "docGrid"],
}


def test_property_children_are_in_schema_order(made):
    _, document = made
    parts = [document.element, document.styles.element, document.sections[0].footer._element]
    for part in parts:
        for parent, order in SCHEMA_ORDER.items():
            for element in part.iter(qn(f"w:{parent}")):
                names = [child.tag.split("}")[1] for child in element]
                known = [order.index(name) for name in names if name in order]
                assert known == sorted(known), (parent, names)


def _generated(seed: str, **changes) -> tuple[SheetSpec, ...]:
    unit = replace(SAMPLES[seed], **changes)
    wb = build_template(load_framework(unit.fiscal_year))
    fill(wb, unit)
    outcome = check_workbook(wb)
    assert outcome.ok
    return outcome.specs


@pytest.mark.parametrize(
    ("thai", "total", "format_"), [(True, "๙๗.๙๐", "thaiNumbers"), (False, "97.90", None)]
)
def test_digits_and_page_numbers_follow_the_units_choice(tmp_path, thai, total, format_):
    """Thai page numbers in Word are the section's page-number format ``w:pgNumType
    w:fmt="thaiNumbers"`` (ECMA-376 Part 1 §17.6.12 pgNumType, §17.18.59 ST_NumberFormat), the
    format Word's object model calls wdPageNumberStyleThaiArabic, "Thai Arabic style"
    (Microsoft, WdPageNumberStyle enumeration (Word), learn.microsoft.com/office/vba/api/
    word.wdpagenumberstyle). LibreOffice prints these page numbers in Arabic digits (README)."""
    specs = _generated("001", thai_digits=thai)
    document = docx.Document(str(write_docx(specs, tmp_path / "report.docx")))
    assert total in _document_pieces(document)
    for section in document.sections:
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert (numbering.get(qn("w:fmt")) if numbering is not None else None) == format_


def _one_sheet(*blocks: Block, landscape: bool = False, chart: Chart | None = None) -> SheetSpec:
    return SheetSpec("ชีต", (10, 20, 30), blocks, landscape=landscape, chart=chart)


def test_user_text_starting_with_equals_stays_literal(tmp_path):
    formula = "=SUM(A1:A3)"
    dde = "=cmd|' /C calc'!A0"
    spec = _one_sheet(
        Block(1, 1, ((formula,),), "cell", span=3),
        Block(2, 1, (("ก",),), "header"),
        Block(2, 2, (("ข",),), "header"),
        Block(3, 1, ((dde,),), "cell"),
        Block(3, 2, (("+1",),), "cell"),
    )
    path = write_docx([spec], tmp_path / "literal.docx")
    document = docx.Document(str(path))
    assert formula in _document_pieces(document) and dde in _document_pieces(document)
    body = document.element.body
    assert not list(body.iter(qn("w:instrText"))) and not list(body.iter(qn("w:fldSimple")))


#: The analysis's sections in the order issue 14 lists them ("results (indicator table, total,
#: level); analysis per tool and per indicator; the 7 ประเด็น; the trend over the years given
#: (chart and sentence; omitted, not a placeholder, without history); ข้อจำกัด and ข้อเสนอแนะ;
#: the measures table"), as the catalogue words their headings (numbers apart).
ISSUE_ORDER = (
    "section.results",
    "section.indicators",
    "section.tools",
    "section.questions",
    "section.indicators_only",  # in place of section.questions without question scores (thai7)
    "section.themes",
    "section.trend",
    "section.limitations",
    "section.recommendations",
)


def _heading_key(text: str) -> str:
    """The catalogue key of a numbered section heading (``๖. แนวโน้มผลการประเมิน``)."""
    keys = [key for key in ISSUE_ORDER if text.endswith(say(key, n="").removeprefix(". "))]
    assert len(keys) == 1, text
    return keys[0]


def _outline(document) -> list[tuple[str, object]]:
    """The body as (kind, content): "H1"/"H2" headings and "P" paragraphs with their text (empty
    ones left out), "T" tables as their rows of cell texts (a merged cell once)."""
    kinds = {"Heading 1": "H1", "Heading 2": "H2"}
    out: list[tuple[str, object]] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = docx.text.paragraph.Paragraph(element, document)
            if paragraph.text:
                out.append((kinds.get(paragraph.style.name, "P"), paragraph.text))
        elif element.tag == qn("w:tbl"):
            rows = [
                ["\n".join(p.text for p in _cell_paragraphs(tc, document)) for tc in tr.iter(qn("w:tc"))]
                for tr in element.iterchildren(qn("w:tr"))
            ]
            out.append(("T", rows))
    return out


EARLIER = (HistoryYear(2566, 90.12), HistoryYear(2567, 95.5))  # as tests/xlwings_book.variant types them


@pytest.mark.parametrize(
    ("seed", "changes"),
    [
        ("2569", {}),  # FY2569: three earlier totals typed in the history sheet
        ("2569", {"history": (), "previous_questions": {}}),  # nothing from an earlier year
        ("2569", {"history": ()}),  # last year's item scores, no earlier total
        ("2569", {"thai_digits": False}),
        ("004", {}),  # FY2568: its own year's total only, no trend
        ("004", {"history": EARLIER}),
    ],
)
def test_the_trend_is_together_in_its_section_in_the_issues_order(tmp_path, seed, changes):
    """Issue 14, Word: the trend section holds its totals by year and then its sentence, between
    the 7 ประเด็น and ข้อจำกัด; the years are not repeated after ข้อเสนอแนะ (where the Excel
    sheet used to anchor its chart), and without history there is no trend at all."""
    unit = replace(SAMPLES[seed], **changes)
    wb = build_template(load_framework(unit.fiscal_year))
    fill(wb, unit)
    outcome = check_workbook(wb)
    assert outcome.ok
    outline = _outline(docx.Document(str(write_docx(outcome.specs, tmp_path / "report.docx"))))
    titles = [n for n, (kind, _) in enumerate(outline) if kind == "H1"] + [len(outline)]
    start = next(n for n in titles if str(outline[n][1]).startswith("รายงานการวิเคราะห์ผลการประเมิน"))
    analysis = outline[start : next(n for n in titles if n > start)]
    numbered = {
        _heading_key(text): n
        for n, (kind, text) in enumerate(analysis)
        if kind == "H2" and text[0] in "๐๑๒๓๔๕๖๗๘๙"  # the framework's heading is not numbered
    }
    assert list(numbered) == sorted(numbered, key=ISSUE_ORDER.index)
    assert list(numbered)[-2:] == ["section.limitations", "section.recommendations"]
    after_recommendations = analysis[numbered["section.recommendations"] + 1 :]
    assert {kind for kind, _ in after_recommendations} == {"P"}  # its list only: no table of years
    everything = "\n".join(str(content) for _, content in outline)
    assert "คะแนนรวม ITA รายปี" not in everything  # no chart drawn as a captioned table anywhere
    earlier = [h for h in unit.history if h.total is not None and h.fiscal_year < unit.fiscal_year]
    if not earlier and not unit.previous_questions:  # nothing to compare: no trend, not even its heading
        assert "section.trend" not in numbered
        assert say("section.trend", n="").removeprefix(". ") not in everything
        return
    at = numbered["section.trend"]
    if not earlier:  # items only: the line that says so, the items, then the next section
        line = say("trend.items_no_total", year=unit.fiscal_year - 1)
        assert analysis[at + 1] == ("P", to_thai_digits(line) if unit.thai_digits else line)
        assert analysis[at + 2][0] == "T" and tuple(analysis[at + 2][1][0]) == HEADERS["item_trend"]
        assert at + 3 == numbered["section.limitations"]
        return
    kind, rows = analysis[at + 1]
    assert kind == "T" and tuple(rows[0]) == ("ปีงบฯ", "คะแนนรวม", "เปลี่ยนแปลงจากปีก่อน")
    digits = to_thai_digits if unit.thai_digits else str
    typed = {digits(str(h.fiscal_year)): digits(format_number(h.total, 2)) for h in earlier}
    assert [row[0] for row in rows[1:]] == [*typed, digits(str(unit.fiscal_year))]
    assert [row[1] for row in rows[1:-1]] == list(typed.values())  # the typed totals, as typed
    sentence = outcome.report.trend_line  # right after the table, in the unit's digits
    assert analysis[at + 2] == ("P", to_thai_digits(sentence) if unit.thai_digits else sentence)
    # Then at most the items against last year's (a table), and the next section.
    assert {kind for kind, _ in analysis[at + 3 : numbered["section.limitations"]]} <= {"T"}
    year_rows = [row for kind, table in outline if kind == "T" for row in table if row[0] in typed]
    assert len(year_rows) == len(typed)  # each earlier year in one row of one table


#: A chart of a small totals table (rows 1-3), anchored at row 5 as Excel places it.
TOTALS = (
    Block(1, 1, (("ปีงบฯ",),), "header_center"),
    Block(1, 2, (("คะแนนรวม",),), "header_center", span=2),
    Block(2, 1, (("๒๕๖๘",), ("๒๕๖๙",)), "center"),
    Block(2, 2, ((93.1,), (94.101,)), "number_thai", span=2),
)
TOTALS_CHART = Chart("คะแนนรวม ITA รายปี", "A2:A3", "B2:B3", "คะแนนรวม", "A5", "คะแนน", "ปีงบประมาณ")


@pytest.mark.parametrize("after", [(), (Block(6, 1, (("หมายเหตุ",),), "note", span=3),)])
def test_a_chart_is_the_table_it_reads_in_its_place(tmp_path, after):
    """Issue 14: the analysis anchored its trend chart below the grid, after ข้อเสนอแนะ; Word drew
    the chart as a second table of the same years there, out of the trend section. The table the
    chart reads is in Word where the sheet has it, and at the anchor is the chart itself (a
    paragraph holding only the native chart, ``tests/test_docx_chart.py``), no second table of
    the same figures, with rows after it (a note) or none (the analysis)."""
    spec = _one_sheet(*TOTALS, *after, chart=TOTALS_CHART)
    document = docx.Document(str(write_docx([spec], tmp_path / "chart.docx")))
    assert _document_pieces(document) == [
        "ปีงบฯ",
        "คะแนนรวม",
        "๒๕๖๘",
        "๙๓.๑๐",
        "๒๕๖๙",
        "๙๔.๑๐",
        "",  # the chart's paragraph
        *(["หมายเหตุ"] if after else []),
    ]
    assert len(document.tables) == 1
    [drawing] = document.element.body.iter(qn("w:drawing"))
    assert docx.text.paragraph.Paragraph(drawing.getparent().getparent(), document).text == ""


@pytest.mark.parametrize("after", [(), (Block(6, 1, (("หมายเหตุ",),), "note", span=2),)])
def test_a_chart_over_figures_that_do_not_print_is_a_table_at_its_anchor(tmp_path, after):
    """A chart reading a column outside the printed ones (``print_columns``): its figures are
    nowhere else in the document, so the chart at its anchor (which names them in its title) is
    followed by a table of them, read from the column that does not print. The chart used to be
    that table alone under a caption with the title; the title is now the chart's."""
    spec = SheetSpec(
        "ชีต",
        (10, 20, 30),
        (
            Block(1, 1, (("ปีงบฯ",),), "header_center"),
            Block(1, 2, (("หมายเหตุ",),), "header_center"),
            Block(2, 1, (("๒๕๖๘",), ("๒๕๖๙",)), "center"),
            Block(2, 2, (("ก",), ("ข",)), "cell"),
            Block(2, 3, ((93.1,), (94.101,)), "number_thai"),
            *after,
        ),
        chart=replace(TOTALS_CHART, values="C2:C3"),
        print_columns=2,
    )
    document = docx.Document(str(write_docx([spec], tmp_path / "chart.docx")))
    pieces = _document_pieces(document)
    assert pieces[pieces.index("ปีงบประมาณ") - 1 :] == [
        "",  # the chart's paragraph
        "ปีงบประมาณ",
        "คะแนน",
        "๒๕๖๘",
        "๙๓.๑๐",
        "๒๕๖๙",
        "๙๔.๑๐",
        *(["หมายเหตุ"] if after else []),
    ]


@pytest.mark.parametrize(
    ("value", "style", "text"),
    [
        (94.101, "number_thai", "๙๔.๑๐"),  # the sheet's 0.00 format, half up, Thai digits
        (76.425, "number_thai", "๗๖.๔๓"),
        (30.0, "number", "30.00"),
        (7, "center_thai", "๗"),  # General: an integer as it is
        (10, "center", "10"),
        (2.5, "center", "2.5"),
        ("EIT ส่วนที่ ๑", "cell", "EIT ส่วนที่ ๑"),  # text was converted by the description
        (None, "cell", ""),
    ],
)
def test_values_are_shown_as_the_sheet_shows_them(value, style, text):
    assert shown(value, style) == text


def test_narrow_score_columns_are_widened_and_the_total_kept():
    table = Table(
        (
            (Cell(1, 1, "ข้อ", "header"), Cell(2, 1, "คะแนน", "header")),
            (Cell(1, 1, "๑", "center"), Cell(2, 1, "๑๐๐.๐๐", "number_thai")),
        ),
        1,
        True,
    )
    # In proportion: 0.32, 0.32 and 15.36 cm. "ข้อ" takes 2 characters of 0.6 em (the tone mark
    # none), "๑๐๐.๐๐" 5 Thai digits of 0.7 em and a stop of 0.26 em, an em being 16 pt (0.5644 cm),
    # plus 0.2 cm of padding: 0.877 and 2.322 cm; the third column gives the room. (At 0.3 cm a
    # character, 2.0 cm, LibreOffice broke ๑๐๐.๐๐ over two lines: see the next test.)
    assert fit_widths((2, 2, 96), table, 16.0) == pytest.approx([0.877, 2.322, 12.801], abs=1e-3)
    assert fit_widths((20, 20, 60), table, 16.0) == pytest.approx([3.2, 3.2, 9.6])  # wide enough already


#: Advance widths (em) of the characters a printed number holds, for when the font file cannot
#: be read: TLWG Laksaman 0.7.3 (Debian fonts-tlwg-laksaman, the font fontconfig draws
#: TH SarabunPSK with where it is not installed), its hmtx table over unitsPerEm 1000, the wider
#: of Regular and Bold (Bold: a Thai digit 0.685, a Latin digit 0.568, a stop or comma 0.258).
NUMBER_EM = {
    **dict.fromkeys("๐๑๒๓๔๕๖๗๘๙", 0.685),
    **dict.fromkeys("0123456789", 0.568),
    ".": 0.258,
    ",": 0.258,
    "-": 0.339,
    "%": 1.034,
}
#: A number as a score, year or count cell prints it: ๑๐๐.๐๐, ๒๕๖๖, -๔.๕๐, 1,234, 12.5%.
NUMBER = re.compile(r"-?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?%?")


def _font_advances() -> dict[str, float]:
    """Each character of ``NUMBER_EM`` at its widest in the font TH SarabunPSK prints with here
    (``fc-match``: the font itself where installed, else its fontconfig alias), read from the font
    file with fontTools; the table above where no such font can be read."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return NUMBER_EM
    advances = dict.fromkeys(NUMBER_EM, 0.0)
    for style in ("regular", "bold"):
        found = shutil.which("fc-match") and subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}", f"{FONT}:{style}"], capture_output=True, text=True
        ).stdout.split("\n")
        if not found or not ({"TH SarabunPSK", "Laksaman"} & set(found[0].split(","))):
            return NUMBER_EM
        font = TTFont(found[1])
        cmap, metrics, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        for char in advances:
            advances[char] = max(advances[char], metrics[cmap[ord(char)]][0] / em)
    return advances


def _cell_twips(tbl) -> Iterator[tuple[str, float, float]]:
    """Each single-paragraph cell of a Word table: its text, the room its column(s) leave for
    text (the grid's widths less the table's cell margins, in twentieths of a point) and its
    font size in points (the run's complex-script size, else the cell style's 16 pt)."""
    grid = [int(col.get(qn("w:w"))) for col in tbl.iter(qn("w:gridCol"))]
    margins = tbl.tblPr.find(qn("w:tblCellMar"))
    padding = sum(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right"))
    for tr in tbl.iterchildren(qn("w:tr")):
        col = 0
        for tc in tr.iterchildren(qn("w:tc")):
            span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
            width = int(span.get(qn("w:val"))) if span is not None else 1
            room = sum(grid[col : col + width]) - padding
            col += width
            sizes = [int(s.get(qn("w:val"))) / 2 for s in tc.iter(qn("w:szCs"))]
            yield (
                "".join(t.text or "" for t in tc.iter(qn("w:t"))),
                room,
                max(sizes, default=STYLES["cell"]["size"]),
            )


def test_every_number_in_a_table_fits_its_column_at_16_pt(made):
    """Each cell of a Word table that holds a number (a score like ๑๐๐.๐๐, a year like ๒๕๖๖) has
    room for it on one line: its width in TH SarabunPSK (the font's advance widths, see
    ``_font_advances``) at the cell's size fits the column less the cell's margins. Word and
    LibreOffice break a number that does not fit inside it, as "๙" over "๕.๖๒"."""
    _, document = made
    advances = _font_advances()
    numbers = 0
    for tbl in document.element.body.iter(qn("w:tbl")):
        for text, room, size in _cell_twips(tbl):
            if NUMBER.fullmatch(text):
                numbers += 1
                need = sum(advances[char] for char in text) * size * 20
                assert need <= room, (text, round(need), room)
    assert numbers


# --------------------------------------------------------------------------- writing


def test_write_never_replaces_a_file_it_did_not_make(tmp_path):
    spec = _one_sheet(Block(1, 1, (("รายงาน",),), "title", span=3))
    theirs = tmp_path / "theirs.docx"
    docx.Document().save(str(theirs))
    before = theirs.read_bytes()
    with pytest.raises(ItaError, match="ไม่เขียนทับ"):
        write_docx([spec], theirs)
    assert theirs.read_bytes() == before
    ours = write_docx([spec], tmp_path / "ours.docx")
    assert is_ours(ours)
    write_docx([spec], ours)  # its own output is replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ours.docx", "theirs.docx"]  # no temporary left
    with pytest.raises(ItaError, match=r"\.docx"):
        write_docx([spec], tmp_path / "report.doc")


def test_importing_the_adapter_does_not_import_python_docx():
    """Lite and the worksheet functions never need python-docx: only writing a document loads it."""
    code = "import sys, ita_xl.docx, ita_xl.docx.plan; print('docx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_without_python_docx_the_message_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.delitem(sys.modules, "ita_xl.docx.render", raising=False)
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(ItaError, match=r"pip install python-docx"):
        write_docx([_one_sheet(Block(1, 1, (("ก",),), "cell", span=3))], tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_pdf_without_libreoffice_says_what_to_do_instead(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "soffice", lambda: None)
    with pytest.raises(ItaError, match=r"LibreOffice.*\.docx"):
        write_pdf([_one_sheet(Block(1, 1, (("ก",),), "cell", span=3))], tmp_path / "report.pdf")
    assert list(tmp_path.iterdir()) == []


def test_pdf_never_replaces_a_file_it_did_not_make(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "soffice", lambda: "soffice-is-never-run")
    theirs = tmp_path / "theirs.pdf"
    theirs.write_bytes(b"%PDF-1.4\n1 0 obj << /Keywords (minutes) >> endobj\n%%EOF\n")
    with pytest.raises(ItaError, match="ไม่เขียนทับ"):
        write_pdf([_one_sheet(Block(1, 1, (("ก",),), "cell", span=3))], theirs)
    assert not pdf_is_ours(theirs)


# --------------------------------------------------------------------------- LibreOffice (opt-in)

SOFFICE = shutil.which("soffice")
WRITER = SOFFICE is not None and (Path(os.path.realpath(SOFFICE)).parent / "libswlo.so").exists()


def _twips(element, tag: str) -> int:
    found = element.find(qn(tag))
    assert found is not None and found.get(qn("w:type")) == "dxa", tag
    return int(found.get(qn("w:w")))


def test_tables_fill_the_text_width_in_table_grid_and_cells(made):
    """Width in all three places readers take it from (ECMA-376 Part 1 §17.4.63 tblW, §17.4.53
    tblLayout fixed, §17.4.72 tcW; python-docx issue 78: gridCol and matching tcW for Word and
    LibreOffice alike); full-width tables span the text width (A4 less 3 + 2 cm margins)."""
    _, document = made
    narrow = 0
    body = list(document.element.body.iterchildren())
    sections = iter(document.sections)
    section = next(sections)
    for element in body:
        if element.tag == qn("w:p") and element.find(qn("w:pPr")) is not None:
            if element.find(qn("w:pPr")).find(qn("w:sectPr")) is not None:
                section = next(sections)  # a paragraph carrying a sectPr ends a section
            continue
        if element.tag != qn("w:tbl"):
            continue
        props = element.find(qn("w:tblPr"))
        assert props.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        table_width = _twips(props, "w:tblW")
        grid = [
            int(col.get(qn("w:w"))) for col in element.find(qn("w:tblGrid")).iterchildren(qn("w:gridCol"))
        ]
        assert abs(sum(grid) - table_width) <= len(grid)
        for tr in element.iterchildren(qn("w:tr")):
            cells = [_twips(tc.find(qn("w:tcPr")), "w:tcW") for tc in tr.iterchildren(qn("w:tc"))]
            assert abs(sum(cells) - table_width) <= len(grid)
        text = (section.page_width - section.left_margin - section.right_margin) / 635
        assert table_width <= text + len(grid)
        narrow += table_width < text - len(grid)
    # No table is narrower: a chart (the analysis's trend, the progress report's counts) reads a
    # table the document shows, so it adds no small table of its own.
    assert narrow == 0


@pytest.mark.skipif(
    not WRITER or not all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdftoppm")),
    reason="needs LibreOffice Writer (libreoffice-writer-nogui) and poppler-utils",
)
def test_libreoffice_prints_the_document_with_thai_text(tmp_path):
    specs = _specs("2569")
    pdf = write_pdf(specs, tmp_path / "report.pdf")  # through the .docx, by LibreOffice
    assert pdf_is_ours(pdf)
    write_pdf(specs, pdf)  # a rerun replaces ita-xl's own PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    sizes = [
        line.split(":", 1)[1].split()[:3]
        for line in info.splitlines()
        if line.startswith("Page") and "size:" in line
    ]
    # One portrait page at least for the analysis, then the measures in landscape (A4: 595 x 842 pt).
    assert pages >= 2 and len(sizes) == pages
    portrait = [float(w) < float(h) for w, _, h in sizes]
    assert portrait[0] and not portrait[-1] and portrait == sorted(portrait, reverse=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส" in text
    assert "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" in text
    assert "๙๔.๑๐" in text  # the total, in Thai digits as the unit asks
    first = subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    assert first.returncode == 0 and list(tmp_path.glob("page*.png"))


@pytest.mark.skipif(
    not WRITER or not shutil.which("pdftotext"),
    reason="needs LibreOffice Writer (libreoffice-writer-nogui) and poppler-utils",
)
def test_libreoffice_prints_the_trend_in_its_section(tmp_path):
    """Issue 14, Word as printed: the FY2569 sample's trend heading, its totals by year (the
    history sheet's 89.47 for 2566), its sentence, the chart (its title, printed once), then
    ข้อจำกัด and ข้อเสนอแนะ, then the measures; the earlier totals are not printed again after
    ข้อเสนอแนะ. Before the Word chart the title was printed nowhere."""
    specs = _specs("2569")
    pdf = write_pdf(specs, tmp_path / "report.pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    trend = text.index(say("section.trend", n="๖"))
    total = text.index("๘๙.๔๗", trend)  # FY2566's typed total, in the table
    sentence = text.index("คะแนนรวมปี ๒๕๖๙", total)
    limits = text.index(say("section.limitations", n="๗"), sentence)
    advice = text.index(say("section.recommendations", n="๘"), limits)
    measures = text.index("มาตรการส่งเสริมคุณธรรม", advice)
    assert "๘๙.๔๗" not in text[advice:] and "๙๑.๒๖" not in text[advice:]  # FY2566 and FY2567
    chart = text.index("คะแนนรวม ITA รายปี", sentence)
    assert text.count("คะแนนรวม ITA รายปี") == 1
    assert trend < total < sentence < chart < limits < advice < measures


@pytest.mark.skipif(
    not WRITER or not shutil.which("pdftotext"),
    reason="needs LibreOffice Writer (libreoffice-writer-nogui) and poppler-utils",
)
def test_libreoffice_prints_every_score_and_year_unbroken(tmp_path):
    """The Word report as LibreOffice prints it: each number of the document (a score like
    ๑๐๐.๐๐, a year like ๒๕๖๖ in the trend table) comes back whole from the PDF. Columns sized at
    0.3 cm a character were narrower than the digits LibreOffice draws (Laksaman, 0.685 em a Thai
    digit), and it broke them, ๙ over ๕.๓๗, ๒๕๖ over ๖."""
    specs = _specs("2569")
    document = docx.Document(str(write_docx(specs, tmp_path / "report.docx")))
    text = subprocess.run(
        ["pdftotext", str(write_pdf(specs, tmp_path / "report.pdf")), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    number = re.compile(r"[๐-๙]+(?:\.[๐-๙]+)?")
    wanted = Counter(n for piece in _document_pieces(document) for n in number.findall(piece))
    assert wanted["๒๕๖๖"] and wanted["๑๐๐.๐๐"]
    assert wanted - Counter(number.findall(text)) == Counter()


# --------------------------------------------------------------------------- the command


def test_generate_writes_the_report_as_word(tmp_path, capsys):
    """`ita-xl generate INPUT -o REPORT.docx` (issue 14): the same report, readable back."""
    from ita_xl.cli import main
    from ita_xl.core.samples import SAMPLE_FILES
    from ita_xl.xlsx.template import sample_workbook as _sample

    source = tmp_path / SAMPLE_FILES["004"]
    _sample("004").save(source)
    before = source.read_bytes()
    output = tmp_path / "report.docx"
    assert main(["generate", str(source), "-o", str(output)]) == 1  # seed 004 has warnings
    text = "\n".join(p.text for p in docx.Document(str(output)).paragraphs)
    assert SAMPLES["004"].name in text
    assert source.read_bytes() == before  # the input is never written
    assert main(["generate", str(source), "-o", str(output)]) == 1  # ours: replaced
    foreign = tmp_path / "letter.docx"
    docx.Document().save(str(foreign))
    kept = foreign.read_bytes()
    capsys.readouterr()
    assert main(["generate", str(source), "-o", str(foreign)]) == 2
    assert foreign.read_bytes() == kept and len(capsys.readouterr().err.strip().splitlines()) == 1


def test_in_place_is_for_workbooks_only(tmp_path, capsys):
    from ita_xl.cli import main

    assert main(["generate", str(tmp_path / "in.xlsx"), "--in-place", "-o", str(tmp_path / "r.docx")]) == 2
    assert "--in-place" in capsys.readouterr().err
