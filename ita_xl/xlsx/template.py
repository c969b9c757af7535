"""The template workbook staff type their NACC figures into, built from a year's framework.

One template per fiscal year: the question catalogue, the OIT sub-indicators, the tools
and the rating table differ between years (43, 35 and 28 OIT items; three or four tools;
two rating scales), so each year's workbook is built from that year's rules file instead
of one workbook switching its catalogue by formulas. ``workbooks/ITA_template.xlsx`` is
the newest year's; ``ita-xl template --year N`` writes any other year's.

``Layout`` computes where everything is. The builder writes there, the sample filler
writes there, and the sheet generator reads from there, so no address is written twice.
Computed cells hold ``=ITA_…()`` formulas (``ita_xl.udfs``); labels are plain text so the
workbook stays readable where the add-in is not loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.core.closing import default_texts
from ita_xl.core.framework import Framework, assumed_note, available_years, counterparts, load_framework
from ita_xl.core.inputs import Signer, UnitInputs
from ita_xl.core.layout import (
    CHOICE_COLUMNS,
    CHOICE_HEADER_ROW,
    CHOICES,
    CRITERIA,
    DEPARTMENT_ROWS,
    HISTORY,
    HISTORY_YEARS,
    LEGACY_MEMO_FIELDS,
    LIMITATIONS_HEADING_ROW,
    MEMO_HEADING_ROW,
    NEW_ITEM,
    NO,
    NO_TITLE,
    PASTE,
    PASTE_CELL,
    PASTE_COLUMNS,
    PASTE_REPORT_COLUMN,
    PASTE_YEAR_CELL,
    PRINTED_TOTALS,
    RECOMMENDATIONS_HEADING_ROW,
    SCORES,
    SKIP,
    SPARE_BAND_ROWS,
    TEMPLATE_VERSION,
    UNIT,
    UNIT_TYPES,
    USE,
    YES,
    Layout,
    absolute,
    ref,
)
from ita_xl.core.samples import SAMPLES
from ita_xl.core.textfit import fit_height
from ita_xl.core.wording import say
from ita_xl.xlsx.render import page_setup

FONT = "TH SarabunPSK"

# Styles as plain property sets, applied by one helper.
_THIN = Side(style="thin", color="808080")
STYLES = {
    "title": {"font": Font(name=FONT, size=20, bold=True)},
    "note": {"font": Font(name=FONT, size=14, italic=True, color="595959")},
    "label": {"font": Font(name=FONT, size=16)},
    "header": {
        "font": Font(name=FONT, size=16, bold=True, color="FFFFFF"),
        "fill": PatternFill("solid", fgColor="1F4E79"),
        "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
    },
    "input": {"font": Font(name=FONT, size=16), "fill": PatternFill("solid", fgColor="FFF2CC")},
    "computed": {"font": Font(name=FONT, size=16), "fill": PatternFill("solid", fgColor="EDEDED")},
    "section": {"font": Font(name=FONT, size=18, bold=True, color="1F4E79")},
}
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
SCORE_FORMAT = "0.00"
#: Weights are whole percents in every year so far; "0.##" would show 30 as "30." in Excel.
WEIGHT_FORMAT = "General"


# --------------------------------------------------------------------------- building


def style(
    cell, kind: str, *, border: bool = False, number_format: str | None = None, wrap: bool = False
) -> None:
    """Apply a named style (``STYLES``) to a cell."""
    for attr, value in STYLES[kind].items():
        setattr(cell, attr, value)
    if border:
        cell.border = BORDER
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _put(ws: Worksheet, address: str, value, kind: str = "label", **kwargs):
    cell = ws[address]
    cell.value = value
    style(cell, kind, **kwargs)
    return cell


def _header(ws: Worksheet, row: int, titles: Sequence[str]) -> None:
    for n, title in enumerate(titles, start=1):
        _put(ws, f"{get_column_letter(n)}{row}", title, "header", border=True)
    ws.row_dimensions[row].height = 48


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width


def _score_validation(ws: Worksheet, cells: Iterable[str]) -> None:
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="คะแนนไม่ถูกต้อง",
        error="คะแนนต้องอยู่ระหว่าง 0 ถึง 100",
        promptTitle="คะแนน",
        prompt="กรอกคะแนน 0–100 ทศนิยม 2 ตำแหน่ง ตามผลของสำนักงาน ป.ป.ช.",
        showInputMessage=True,
    )
    for cell in cells:
        dv.add(cell)
    ws.add_data_validation(dv)


def _list_validation(
    ws: Worksheet, cells: Iterable[str], values: Sequence[str], *, strict: bool = True
) -> None:
    dv = DataValidation(
        type="list",
        formula1='"' + ",".join(values) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle="ค่าไม่อยู่ในรายการ",
        error="เลือกจากรายการ" if strict else "ค่านี้ไม่อยู่ในรายการ ตรวจทานอีกครั้ง",
    )
    for cell in cells:
        dv.add(cell)
    ws.add_data_validation(dv)


def build_template(framework: Framework) -> Workbook:
    """A new, empty template workbook for the framework's fiscal year."""
    layout = Layout(framework)
    wb = Workbook()
    wb.remove(wb.active)
    _unit_sheet(wb.create_sheet(UNIT), layout)
    _scores_sheet(wb.create_sheet(SCORES), layout)
    _history_sheet(wb.create_sheet(HISTORY), layout)
    _criteria_sheet(wb.create_sheet(CRITERIA), layout)
    _choices_sheet(wb.create_sheet(CHOICES), layout)
    paste_sheet(wb.create_sheet(PASTE))
    _names(wb, layout)
    wb.properties.creator = "ita-xl"
    wb.properties.title = f"แม่แบบกรอกคะแนน ITA ปีงบประมาณ พ.ศ. {framework.fiscal_year}"
    wb.properties.keywords = f"ita-xl-template={TEMPLATE_VERSION}; fiscal_year={framework.fiscal_year}"
    fixed = dt.datetime(2000, 1, 1)  # a rebuild gives the same file, not a new timestamp
    wb.properties.created = wb.properties.modified = fixed
    wb.active = 1
    return wb


def _unit_sheet(ws: Worksheet, layout: Layout) -> None:
    year = layout.framework.fiscal_year
    _widths(ws, [36, 55, 45])
    _put(ws, "A1", "ข้อมูลหน่วยงาน", "title")
    _put(ws, "A2", "กรอกช่องสีเหลือง ข้อมูลในชีตนี้ใช้ในหัวรายงานและตารางมาตรการ", "note")
    labels = {
        "name": ("ชื่อหน่วยงาน", "เช่น องค์การบริหารส่วนตำบลแก้ง"),
        "type": ("ประเภทหน่วยงาน", "เลือกจากรายการ"),
        "district": ("อำเภอ", ""),
        "province": ("จังหวัด", ""),
        "fiscal_year": ("ปีงบประมาณที่ประเมิน (พ.ศ.)", f"แม่แบบนี้สร้างสำหรับปี {year}"),
        "thai_digits": ("ใช้เลขไทยในรายงาน", "ใช่ = ๙๘.๕๐, ไม่ใช่ = 98.50"),
        "preparer": ("ผู้จัดทำรายงาน", ""),
        "position": ("ตำแหน่งผู้จัดทำ", ""),
        **MEMO_LABELS,
    }
    for key, row in layout.unit_fields.items():
        if key in LEGACY_MEMO_FIELDS:  # read from earlier files; the chain's table replaces them
            continue
        label, note = labels[key]
        _put(ws, f"A{row}", label, border=True)
        _put(ws, f"B{row}", None, "input", border=True)
        _put(ws, f"C{row}", note, "note")
    ws[layout.unit_cell("fiscal_year")].value = year
    ws[layout.unit_cell("thai_digits")].value = YES
    _list_validation(ws, [layout.unit_cell("type")], UNIT_TYPES)
    _list_validation(ws, [layout.unit_cell("thai_digits")], (YES, NO))
    years = DataValidation(
        type="whole",
        operator="between",
        formula1=str(available_years()[0]),
        formula2="2700",
        showErrorMessage=True,
        errorTitle="ปีงบประมาณไม่ถูกต้อง",
        error="กรอกปีงบประมาณเป็น พ.ศ. เช่น 2568",
    )
    years.add(layout.unit_cell("fiscal_year"))
    ws.add_data_validation(years)
    head = layout.departments_first_row - 1
    _put(ws, f"A{head}", "ส่วนราชการ / กอง (ผู้รับผิดชอบมาตรการ)", "section")
    for n, address in enumerate(layout.department_cells, start=1):
        _put(ws, f"A{layout.departments_first_row + n - 1}", n, border=True)
        _put(ws, address, None, "input", border=True)
    for row in range(1, layout.departments_first_row + DEPARTMENT_ROWS):
        ws.row_dimensions[row].height = 26
    _unit_document_rows(ws, layout)
    ws.freeze_panes = "A4"
    page_setup(ws, landscape=False)


#: The memo's fields on the unit sheet: label and note, by ``UNIT_FIELDS`` key.
MEMO_LABELS = {
    "memo_office": ("ส่วนราชการ (บันทึกข้อความ)", "เช่น สำนักปลัด ว่างไว้ = ใช้ชื่อหน่วยงาน"),
    "memo_number": ("ที่ (เลขที่หนังสือ)", "เช่น อบ ๗๕๔๐๑/๑๒๓ ว่างไว้ = เว้นให้เขียน"),
    "memo_date": ("วันที่ของบันทึกข้อความ", "กรอกเป็นวันที่ ว่างไว้ = เว้นให้เขียน"),
}


def _unit_document_rows(ws: Worksheet, layout: Layout) -> None:
    """The memo block's heading and the editable limitations and recommendations, below the
    departments; the lists start as the shipped defaults."""
    _put(ws, f"A{MEMO_HEADING_ROW}", "บันทึกข้อความนำเสนอรายงาน", "section")
    ws.row_dimensions[MEMO_HEADING_ROW].height = 26
    defaults = default_texts()
    for heading, cells, key in (
        (LIMITATIONS_HEADING_ROW, layout.limitation_cells, "limitations"),
        (RECOMMENDATIONS_HEADING_ROW, layout.recommendation_cells, "recommendations"),
    ):
        title = say("closing.heading", title=say(f"closing.heading.{key}"))
        _put(ws, f"A{heading}", title, "section")
        items = list(defaults[key]) + [None] * (len(cells) - len(defaults[key]))
        for n, (address, text) in enumerate(zip(cells, items, strict=True), start=1):
            _put(ws, f"A{heading + n}", n, border=True)
            _put(ws, address, text, "input", border=True, wrap=True)
            ws.row_dimensions[heading + n].height = fit_height([(text or "", 55)])
    _approver_rows(ws, layout)


def _approver_rows(ws: Worksheet, layout: Layout) -> None:
    """The memo's approval chain: a row per signer in the order the memo goes up, name and
    position typed; the last row is the head of unit, who approves."""
    heading = layout.opinion_rows[0] - 2
    # where the checker and head were typed before the table (still read from earlier files)
    pointer = say("memo.chain_pointer", row=heading, last=layout.head_row)
    _put(ws, f"A{layout.unit_fields['checker']}", pointer, "note")
    _put(ws, f"A{heading}", say("memo.chain_heading"), "section")
    _put(ws, f"B{heading}", say("memo.chain_how"), "note", wrap=True)
    ws.row_dimensions[heading].height = fit_height([(say("memo.chain_how"), 55)])
    titles = ("memo.chain_order", "memo.chain_name", "memo.chain_position", "memo.chain_role")
    for n, title in enumerate(titles):
        _put(ws, f"{get_column_letter(n + 1)}{heading + 1}", say(title), "header", border=True)
    ws.column_dimensions["D"].width = 45
    roles = [say("memo.chain_checker"), *[say("memo.chain_opinion")] * (len(layout.opinion_rows) - 1)]
    for row, role in zip(
        [*layout.opinion_rows, layout.head_row], [*roles, say("memo.chain_head")], strict=True
    ):
        _put(ws, f"A{row}", role, border=True)
        for col in "BCD":
            _put(ws, f"{col}{row}", None, "input", border=True)
        ws.row_dimensions[row].height = 26


#: Column widths of the scores sheet; column C holds the names that wrap.
_SCORES_WIDTHS = (12, 26, 62, 16, 16, 16, 18, 34)


def _scores_sheet(ws: Worksheet, layout: Layout) -> None:
    fw = layout.framework
    _widths(ws, _SCORES_WIDTHS)
    _put(ws, "A1", f"คะแนนผลการประเมิน ITA ปีงบประมาณ พ.ศ. {fw.fiscal_year}", "title")
    _put(
        ws,
        "A2",
        "กรอกคะแนนตามผลของสำนักงาน ป.ป.ช. ในช่องสีเหลือง ช่องสีเทาคำนวณด้วยสูตร =ITA_…() "
        "(ต้องติดตั้ง ita-xl) ช่องที่ว่างไว้ถือว่ายังไม่มีคะแนน ไม่ใช่ 0",
        "note",
    )
    target = ref(CRITERIA, layout.target_cell)
    _summary_rows(ws, layout, target)
    _printed_rows(ws, layout)
    _tools_table(ws, layout, target)
    _indicators_table(ws, layout, target)
    _extremes_rows(ws, layout, target)
    if layout.subindicators_header_row is not None:
        _subindicators_table(ws, layout)
    if layout.questions_header_row is not None:
        _questions_table(ws, layout)
    ws.freeze_panes = "A3"
    page_setup(ws, landscape=False)


def _summary_rows(ws: Worksheet, layout: Layout, target: str) -> None:
    """The total, the level, its reason and the result against the target, as formulas."""
    year = ref(UNIT, layout.unit_cell("fiscal_year"))
    tools = absolute(layout.used_tool_range())
    weights = ref(CRITERIA, layout.weights_range())
    bands = ref(CRITERIA, layout.bands_range())
    total = f"C{layout.total_row}"
    summary = [
        (layout.total_row, "คะแนนรวม", f"=ITA_WEIGHTED_TOTAL({tools},{weights})", SCORE_FORMAT),
        (layout.rating_row, "ระดับผลการประเมิน", f"=ITA_RATING({total},{tools},{year},{bands})", None),
        (layout.reason_row, "เหตุผลของระดับ", _reason_formula(layout, total, tools, year, bands), None),
        (layout.pass_row, "ผลเทียบค่าเป้าหมาย", f"=ITA_PASS({total},{target})", None),
    ]
    for row, label, formula, number_format in summary:
        ws.merge_cells(f"A{row}:B{row}")
        _put(ws, f"A{row}", label, border=True)
        _put(ws, f"C{row}", formula, "computed", border=True, number_format=number_format, wrap=True)
        ws.row_dimensions[row].height = 26
    ws.row_dimensions[layout.reason_row].height = 48


def _printed_rows(ws: Worksheet, layout: Layout) -> None:
    """Input rows for the figures printed in the unit's own documents, with their source."""
    _put(ws, f"A{layout.printed_header_row}", "ตัวเลขที่พิมพ์ในเอกสารเดิม (ถ้ามี) เพื่อตรวจทาน", "section")
    printed = [(row, f"คะแนนรวม ตามเอกสาร ({n})") for n, row in enumerate(layout.printed_total_rows, 1)]
    printed += [
        (layout.printed_rating_row, "ระดับผลการประเมิน ตามเอกสาร"),
        (layout.printed_below_row, "จำนวนตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย ตามเอกสาร"),
    ]
    for row, label in printed:
        ws.merge_cells(f"A{row}:B{row}")
        _put(ws, f"A{row}", label, border=True)
        _put(ws, f"C{row}", None, "input", border=True)
        ws.merge_cells(f"D{row}:H{row}")
        _put(ws, f"D{row}", None, "input", border=True)
        ws.row_dimensions[row].height = 26
    ws.row_dimensions[layout.printed_header_row].height = 30
    _put(ws, f"D{layout.printed_header_row}", "ที่มา เช่น บันทึกข้อความ หน้า 1", "note")
    for row in layout.printed_total_rows:
        ws[f"C{row}"].number_format = SCORE_FORMAT
    _score_validation(ws, [f"C{row}" for row in layout.printed_total_rows])
    levels = [lv.name for lv in layout.framework.levels]
    _list_validation(ws, [f"C{layout.printed_rating_row}"], levels, strict=False)


def _tools_table(ws: Worksheet, layout: Layout, target: str) -> None:
    """One row per tool: weight (from the criteria), typed, computed and used scores, a note."""
    fw = layout.framework
    _header(
        ws,
        layout.tools_header_row,
        [
            "รหัส",
            "น้ำหนัก (%)",
            "เครื่องมือ",
            "คะแนนที่ประกาศ",
            "คำนวณจากตัวชี้วัด",
            "คะแนนที่ใช้",
            "ผลเทียบค่าเป้าหมาย",
            "หมายเหตุ",
        ],
    )
    for tool in fw.tools:
        row = layout.tool_rows[tool.code]
        rows = [layout.indicator_rows[i.number] for i in fw.indicators_of(tool.instrument)]
        _put(ws, f"A{row}", tool.code, border=True)
        _put(ws, f"B{row}", f"={ref(CRITERIA, f'C{layout.weight_rows[tool.code]}')}", "computed", border=True)
        _put(ws, f"C{row}", tool.name, border=True, wrap=True)
        _score_columns(ws, row, f"=ITA_TOOL_SCORE(F{rows[0]}:F{rows[-1]})", target)
        note = None
        if len(fw.tools_of(tool.instrument)) > 1:
            note = (
                f'=IF(AND(D{row}="",E{row}<>""),"ใช้ค่าเฉลี่ยตัวชี้วัด {tool.instrument} แทน: กรอกคะแนนที่ประกาศ","")'
            )
        _put(ws, f"H{row}", note, "computed", border=True, wrap=True)
        ws.row_dimensions[row].height = fit_height([(tool.name, _SCORES_WIDTHS[2])])
    _score_validation(ws, [f"D{row}" for row in layout.tool_rows.values()])


def _indicators_table(ws: Worksheet, layout: Layout, target: str) -> None:
    """One row per indicator: typed, computed and used scores and the result against the target."""
    _header(
        ws,
        layout.indicators_header_row,
        ["ข้อ", "เครื่องมือ", "ตัวชี้วัด", "คะแนนที่ประกาศ", "คำนวณจากข้อคำถาม", "คะแนนที่ใช้", "ผลเทียบค่าเป้าหมาย"],
    )
    for indicator in layout.framework.indicators:
        row = layout.indicator_rows[indicator.number]
        _put(ws, f"A{row}", indicator.number, border=True)
        _put(ws, f"B{row}", indicator.instrument, border=True)
        _put(ws, f"C{row}", indicator.name, border=True, wrap=True)
        _score_columns(ws, row, _indicator_formula(layout, indicator.number), target)
        ws.row_dimensions[row].height = 26
    _score_validation(ws, [f"D{row}" for row in layout.indicator_rows.values()])


def _extremes_rows(ws: Worksheet, layout: Layout, target: str) -> None:
    """The highest and lowest indicators and how many are below the target, as formulas."""
    first, last = min(layout.indicator_rows.values()), max(layout.indicator_rows.values())
    used, names = f"F{first}:F{last}", f"C{first}:C{last}"
    highest, lowest, below = layout.extremes_rows
    for row, label, formula in [
        (highest, "ตัวชี้วัดที่ได้คะแนนสูงสุด", f"=ITA_HIGHEST({used},{names})"),
        (lowest, "ตัวชี้วัดที่ได้คะแนนต่ำสุด", f"=ITA_LOWEST({used},{names})"),
        (below, "จำนวนตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย", f"=ITA_BELOW_TARGET({used},{target})"),
    ]:
        ws.merge_cells(f"A{row}:B{row}")
        _put(ws, f"A{row}", label, border=True)
        _put(ws, f"C{row}", formula, "computed", border=True, wrap=True)
        ws.row_dimensions[row].height = 26


def _subindicators_table(ws: Worksheet, layout: Layout) -> None:
    """OIT sub-indicators, each the mean of its questions."""
    fw = layout.framework
    _header(ws, layout.subindicators_header_row, ["รหัส", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "", "คำนวณจากข้อคำถาม"])
    for sub in fw.subindicators:
        row = layout.subindicator_rows[sub.code]
        items = [layout.question_rows[q.code] for q in fw.questions if q.subindicator == sub.code]
        _put(ws, f"A{row}", sub.code, border=True)
        _put(ws, f"B{row}", sub.indicator, border=True)
        _put(ws, f"C{row}", sub.name, border=True)
        _put(
            ws,
            f"E{row}",
            f"=ITA_AVERAGE(E{items[0]}:E{items[-1]})",
            "computed",
            border=True,
            number_format=SCORE_FORMAT,
        )
        ws.row_dimensions[row].height = 26


def _questions_table(ws: Worksheet, layout: Layout) -> None:
    """The question catalogue with a score to type and, where the previous year is known,
    last year's score of the same item(s) (``counterparts``)."""
    fw = layout.framework
    titles = ["รหัส", "ตัวชี้วัด", "ข้อคำถาม", "ตัวชี้วัดย่อย", "คะแนน"]
    previous = layout.previous
    if previous is not None:
        titles += [f"คะแนนปี {previous.fiscal_year}", f"ข้อเดียวกันในปี {previous.fiscal_year}"]
    _header(ws, layout.questions_header_row, titles)
    for question in fw.questions:
        if previous is not None:
            row = layout.question_rows[question.code]
            codes = counterparts(question.code, fw, previous)
            cell = f"{layout.PREVIOUS_SCORE}{row}"
            _put(ws, cell, None, "input" if codes else "label", border=True, number_format=SCORE_FORMAT)
            _put(ws, f"{layout.PREVIOUS_CODE}{row}", ", ".join(codes) or NEW_ITEM, border=True)
        row = layout.question_rows[question.code]
        _put(ws, f"A{row}", question.code, border=True)
        _put(ws, f"B{row}", question.indicator, border=True)
        _put(ws, f"C{row}", question.title or NO_TITLE, border=True, wrap=True)
        _put(ws, f"D{row}", question.subindicator, border=True)
        _put(ws, f"E{row}", None, "input", border=True, number_format=SCORE_FORMAT)
        ws.row_dimensions[row].height = fit_height([(question.title, _SCORES_WIDTHS[2])])
    cols = "EF" if layout.previous is not None else "E"
    _score_validation(ws, [f"{c}{row}" for row in layout.question_rows.values() for c in cols])


def _score_columns(ws: Worksheet, row: int, computed: str | None, target: str) -> None:
    """The published (typed), computed, used and pass-flag columns of a tool or indicator row.

    A typed score wins over the computed one; without a computed formula (a year with no
    question catalogue) only the typed score is used.
    """
    typed, calc, used, flag = (
        f"{col}{row}" for col in (Layout.TYPED, Layout.COMPUTED, Layout.USED, Layout.PASS)
    )
    _put(ws, typed, None, "input", border=True, number_format=SCORE_FORMAT)
    _put(ws, calc, computed, "computed", border=True, number_format=SCORE_FORMAT)
    fallback = calc if computed else '""'
    _put(ws, used, f'=IF({typed}="",{fallback},{typed})', "computed", border=True, number_format=SCORE_FORMAT)
    _put(ws, flag, f"=ITA_PASS({used},{target})", "computed", border=True)


def _reason_formula(layout: Layout, total: str, tools: str, year: str, bands: str) -> str:
    """The reason, plus a caveat while a split tool (EIT parts) stands in for typed scores.

    The worksheet functions see numbers only, so the caveat comes from the notes column,
    which says which tool took the indicators' mean instead of a published score.
    """
    reason = f"ITA_RATING_REASON({total},{tools},{year},{bands})"
    split = [
        row
        for code, row in layout.tool_rows.items()
        if len(layout.framework.tools_of(layout.framework.tool(code).instrument)) > 1
    ]
    if not split:
        return f"={reason}"
    notes = "&".join(f"{layout.NOTE}{row}" for row in split)
    caveat = " (ยังไม่สิ้นสุด: คะแนน EIT แยกส่วนยังไม่ได้กรอก ใช้ค่าเฉลี่ยตัวชี้วัดแทน)"
    return f'={reason}&IF({notes}<>"","{caveat}","")'


def _indicator_formula(layout: Layout, number: int) -> str | None:
    fw = layout.framework
    subs = fw.subindicators_of(number)
    if subs:
        rows = [layout.subindicator_rows[s.code] for s in subs]
    else:
        rows = [layout.question_rows[q.code] for q in fw.questions_of(number)]
    if not rows:
        return None  # this year's catalogue has no questions: indicator scores are typed
    return f"=ITA_AVERAGE(E{rows[0]}:E{rows[-1]})"


def _history_sheet(ws: Worksheet, layout: Layout) -> None:
    fw = layout.framework
    _widths(ws, [16, 14, 18] + [12] * len(fw.indicators))
    _put(ws, "A1", "ผลการประเมินปีก่อน ๆ (ใช้แสดงแนวโน้ม)", "title")
    _put(ws, "A2", "กรอกคะแนนของปีก่อน ๆ เท่าที่มี แถวสุดท้ายดึงจากชีตคะแนนของปีนี้", "note")
    titles = ["ปีงบประมาณ", "คะแนนรวม", "ระดับ"] + [f"ตัวชี้วัดที่ {i.number}" for i in fw.indicators]
    _header(ws, layout.history_header_row, titles)
    last_col = get_column_letter(len(titles))
    for n, row in enumerate(layout.history_rows):
        _put(ws, f"A{row}", fw.fiscal_year - HISTORY_YEARS + n, "input", border=True)
        for col in range(2, len(titles) + 1):
            fmt = None if col == 3 else SCORE_FORMAT
            _put(ws, f"{get_column_letter(col)}{row}", None, "input", border=True, number_format=fmt)
        ws.row_dimensions[row].height = 26
    _score_validation(
        ws,
        [f"B{row}" for row in layout.history_rows]
        + [f"D{row}:{last_col}{row}" for row in layout.history_rows],
    )
    row = layout.history_current_row
    _put(ws, f"A{row}", f"={ref(UNIT, layout.unit_cell('fiscal_year'))}", "computed", border=True)
    _put(
        ws,
        f"B{row}",
        f"={ref(SCORES, f'C{layout.total_row}')}",
        "computed",
        border=True,
        number_format=SCORE_FORMAT,
    )
    _put(ws, f"C{row}", f"={ref(SCORES, f'C{layout.rating_row}')}", "computed", border=True)
    for n, indicator in enumerate(fw.indicators, start=4):
        source = ref(SCORES, f"F{layout.indicator_rows[indicator.number]}")
        _put(
            ws,
            f"{get_column_letter(n)}{row}",
            f"={source}",
            "computed",
            border=True,
            number_format=SCORE_FORMAT,
        )
    ws.row_dimensions[row].height = 26
    ws.freeze_panes = f"B{layout.history_header_row + 1}"
    page_setup(ws, landscape=True)


def _criteria_sheet(ws: Worksheet, layout: Layout) -> None:
    fw = layout.framework
    _widths(ws, [16, 16, 26, 44, 24])
    _put(ws, "A1", f"เกณฑ์การประเมิน ปีงบประมาณ พ.ศ. {fw.fiscal_year}", "title")
    _put(
        ws,
        "A2",
        "ค่าในชีตนี้คือค่าที่สูตรใช้ แก้ไขได้เมื่อ สำนักงาน ป.ป.ช. เปลี่ยนเกณฑ์ "
        "ita-xl ตรวจว่าน้ำหนักรวมได้ 100 และช่วงคะแนนต่อเนื่องไม่ซ้อนกันก่อนใช้"
        + (f" {assumed_note(fw)}" if fw.assumed else ""),
        "note",
    )
    _put(ws, "A4", "ค่าเป้าหมาย", border=True)
    _put(ws, layout.target_cell, float(fw.target), "input", border=True, number_format=SCORE_FORMAT)
    _score_validation(ws, [layout.target_cell])
    rows = _weights_table(ws, layout)
    row = _bands_table(ws, layout)
    _put(
        ws,
        f"A{row + 1}",
        "ตารางระดับ: แถวที่มีคะแนนตั้งแต่–ถึงเท่ากันเป็นช่วงเดียวกัน ใช้แถวแรกที่เงื่อนไขเป็นจริง แถวสุดท้ายของช่วงต้องไม่มีเงื่อนไข",
        "note",
    )
    _provenance(ws, fw, row + 3)
    first_band, last_band = layout.bands_header_row + 1, row - 1
    _score_validation(
        ws, [f"C{r}" for r in rows] + [f"A{first_band}:B{last_band}", f"D{first_band}:D{last_band}"]
    )
    ws.freeze_panes = "A3"
    page_setup(ws, landscape=False)


def _weights_table(ws: Worksheet, layout: Layout) -> list[int]:
    """Each tool's weight, typed where staff can change it, and their sum; returns the tools' rows."""
    _header(ws, layout.weights_header_row, ["รหัส", "ชื่อย่อ", "น้ำหนัก (ร้อยละ)", "เครื่องมือ"])
    _put(
        ws,
        f"{layout.PRINTED_WEIGHT}{layout.weights_header_row}",
        "น้ำหนักที่พิมพ์ในเอกสาร (ตรวจสอบเท่านั้น)",
        "header",
        border=True,
    )
    for tool in layout.framework.tools:
        row = layout.weight_rows[tool.code]
        _put(ws, f"A{row}", tool.code, border=True)
        _put(ws, f"B{row}", tool.short, border=True)
        _put(ws, f"C{row}", float(tool.weight), "input", border=True, number_format=WEIGHT_FORMAT)
        _put(ws, f"D{row}", tool.name, border=True, wrap=True)
        _put(ws, f"{layout.PRINTED_WEIGHT}{row}", None, "input", border=True, number_format=WEIGHT_FORMAT)
        ws.row_dimensions[row].height = fit_height([(tool.name, 44)])
    total_row = max(layout.weight_rows.values()) + 1
    _put(ws, f"B{total_row}", "รวม", border=True)
    rows = list(layout.weight_rows.values())
    _put(
        ws,
        f"C{total_row}",
        f"=SUM(C{rows[0]}:C{rows[-1]})",
        "computed",
        border=True,
        number_format=WEIGHT_FORMAT,
    )
    return rows


def _bands_table(ws: Worksheet, layout: Layout) -> int:
    """The rating table, one row per rule, then blank rows for rules to come; returns the
    first row after it."""
    _header(ws, layout.bands_header_row, ["คะแนนตั้งแต่", "ถึง", "ระดับ", "ทุกเครื่องมือไม่ต่ำกว่า"])
    row = layout.bands_header_row + 1
    for band in layout.framework.bands:
        for rule in band.rules:
            values = [float(band.minimum), float(band.maximum), rule.level]
            values.append(None if rule.all_tools_at_least is None else float(rule.all_tools_at_least))
            for col, value in zip("ABCD", values, strict=True):
                fmt = SCORE_FORMAT if col in "ABD" else None
                _put(ws, f"{col}{row}", value, "input", border=True, number_format=fmt)
            ws.row_dimensions[row].height = 26
            row += 1
    for _ in range(SPARE_BAND_ROWS):
        for col in "ABCD":
            _put(
                ws,
                f"{col}{row}",
                None,
                "input",
                border=True,
                number_format=SCORE_FORMAT if col != "C" else None,
            )
        row += 1
    return row


def _provenance(ws: Worksheet, fw: Framework, row: int) -> None:
    """Where each part of the year's rules comes from (confirmed / likely / assumed)."""
    _put(ws, f"A{row}", "ที่มาของเกณฑ์", "section")
    _header(ws, row + 1, ["หัวข้อ", "สถานะ", "ที่มา", ""])
    for n, item in enumerate(fw.provenance, start=row + 2):
        _put(ws, f"A{n}", item.section_th, border=True, wrap=True)
        _put(ws, f"B{n}", item.status_th, border=True)
        _put(ws, f"C{n}", item.source, border=True, wrap=True)
        ws.merge_cells(f"C{n}:D{n}")
        ws.row_dimensions[n].height = fit_height([(item.source, 70), (item.section_th, 16)])


def paste_sheet(ws: Worksheet) -> None:
    """The sheet a copied result text is pasted into (from ``PASTE_CELL``, columns A to
    ``PASTE_COLUMNS``), with the instructions above it and the import's report column."""
    from ita_xl.core.importing import paste_instructions
    from ita_xl.core.wording import say

    title, how, year = paste_instructions()
    _widths(ws, [14] * PASTE_COLUMNS + [4, 110])
    last = get_column_letter(PASTE_COLUMNS)
    _put(ws, "A1", title, "title")
    ws.merge_cells(f"A2:{last}2")
    _put(ws, "A2", how, "note", wrap=True)
    ws.row_dimensions[2].height = fit_height([(how, 14 * PASTE_COLUMNS)])
    _put(ws, "A3", year, border=True)
    ws.merge_cells("A3:E3")
    _put(ws, PASTE_YEAR_CELL, None, "input", border=True)
    _put(ws, PASTE_CELL, None, "input", border=True)
    _put(ws, f"{PASTE_REPORT_COLUMN}1", say("import.paste.report"), "section")
    ws.freeze_panes = PASTE_CELL  # the instructions stay in view above a long paste
    page_setup(ws, landscape=True)  # A4 like every sheet of the template


_CHOICE_HEADERS = {
    "key": "รหัสมาตรการ\n(จากชีตมาตรการ)",
    "use": "ใช้",
    "owner": "ผู้รับผิดชอบ\n(หลายกองคั่นด้วย “และ”)",
    "theme": "ประเด็น\n(มาตรการที่เพิ่มเอง)",
    "measure": "มาตรการ/โครงการ\n(มาตรการที่เพิ่มเอง)",
    "steps": "ขั้นตอน (บรรทัดละขั้น)\n(มาตรการที่เพิ่มเอง)",
    "period": "ระยะเวลา\n(ว่าง = ทั้งปีงบประมาณ)",
    "analysis": "ผลการวิเคราะห์\n(ว่าง = ข้อความที่เสนอ)",
    "monitoring": "การกำกับติดตาม\n(ว่าง = ข้อความที่เสนอ)",
}


def _choices_sheet(ws: Worksheet, layout: Layout) -> None:
    """The optional sheet where the user adjusts the suggested measures before generating."""
    _widths(ws, [18, 10, 36, 30, 44, 50, 24, 44, 40])
    _put(ws, "A1", "ปรับตารางมาตรการก่อนสร้างรายงาน (ไม่บังคับ: ว่างไว้ = ใช้มาตรการที่เสนอทั้งหมด)", "title")
    _put(ws, "A2", (
        "ปิดหรือเปลี่ยนผู้รับผิดชอบของมาตรการที่เสนอ: ใส่รหัสจากคอลัมน์ รหัส ของชีตมาตรการ แล้วเลือก "
        f"“{SKIP}” หรือเลือกผู้รับผิดชอบจากรายชื่อในชีต{UNIT} • เพิ่มมาตรการของหน่วยงานเอง: เว้นรหัสว่าง "
        "แล้วกรอกประเด็น มาตรการ ขั้นตอน ผู้รับผิดชอบ และระยะเวลา "
        "• ผลการวิเคราะห์และการกำกับติดตามที่กรอกจะใช้แทนข้อความที่เสนอ"
    ), "note", wrap=True)  # fmt: skip
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(CHOICE_COLUMNS))
    ws.row_dimensions[2].height = 48
    _header(ws, CHOICE_HEADER_ROW, [_CHOICE_HEADERS[key] for key in CHOICE_COLUMNS])
    ws.row_dimensions[CHOICE_HEADER_ROW].height = 64
    for row in layout.choice_rows:
        for column in CHOICE_COLUMNS.values():
            _put(ws, f"{column}{row}", None, "input", border=True, wrap=True)
    rows = layout.choice_rows
    column = {key: f"{letter}{rows[0]}:{letter}{rows[-1]}" for key, letter in CHOICE_COLUMNS.items()}
    _list_validation(ws, [column["use"]], (USE, SKIP))
    first = layout.departments_first_row
    divisions = DataValidation(
        type="list",
        formula1=f"{ref(UNIT, f'B{first}:B{first + DEPARTMENT_ROWS - 1}')}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # several divisions ("ก และ ข") are typed, not picked
        errorTitle="ไม่อยู่ในรายชื่อ",
        error=f"ชื่อนี้ไม่อยู่ในรายชื่อส่วนราชการ/กองในชีต{UNIT}: หลายกองให้คั่นด้วย “และ”",
    )
    divisions.add(column["owner"])
    ws.add_data_validation(divisions)
    ws.freeze_panes = f"A{CHOICE_HEADER_ROW + 1}"
    page_setup(ws, landscape=True)


#: Prefix of every workbook-level name. Excel resolves names case-insensitively, and a name
#: equal to a function's name breaks every call of that function (Microsoft KB 945828), so
#: names are ``ita.<snake_case>``: no ``ITA_…`` function, no Excel function (none starts
#: with ``ITA.``) and no cell reference (a period is never part of one) can be spelt so.
NAME_PREFIX = "ita."


def _names(wb: Workbook, layout: Layout) -> None:
    """Workbook-level names for the cells a reader needs, so it need not know the rows."""
    names = {
        "fiscal_year": ref(UNIT, layout.unit_cell("fiscal_year")),
        "unit_name": ref(UNIT, layout.unit_cell("name")),
        "total": ref(SCORES, f"C{layout.total_row}"),
        "rating": ref(SCORES, f"C{layout.rating_row}"),
        "tool_scores": ref(SCORES, layout.used_tool_range()),
        "indicator_scores": ref(SCORES, layout.used_indicator_range()),
        "target": ref(CRITERIA, layout.target_cell),
        "weights": ref(CRITERIA, layout.weights_range()),
        "bands": ref(CRITERIA, layout.bands_range()),
    }
    for key, target in names.items():
        name = NAME_PREFIX + key
        wb.defined_names[name] = DefinedName(name, attr_text=target)


# --------------------------------------------------------------------------- filling


def fill(wb: Workbook, inputs: UnitInputs) -> None:
    """Write a unit's typed figures into the input cells of a template built for its year."""
    layout = layout_for(wb, inputs.fiscal_year)
    _fill_unit(wb, layout, inputs)
    _fill_lists(wb, layout, inputs)
    _fill_choices(wb, layout, inputs)

    scores = wb[SCORES]
    for code, value in inputs.tools.items():
        scores[f"{layout.TYPED}{layout.tool_rows[code]}"].value = value
    for number, value in inputs.indicators.items():
        scores[f"{layout.TYPED}{layout.indicator_rows[number]}"].value = value
    for code, value in inputs.questions.items():
        scores[f"{layout.QUESTION_SCORE}{layout.question_rows[code]}"].value = value
    for code, value in inputs.previous_questions.items():
        scores[f"{layout.PREVIOUS_SCORE}{layout.question_rows[code]}"].value = value
    if len(inputs.printed_totals) > PRINTED_TOTALS:
        raise ValueError(f"at most {PRINTED_TOTALS} printed totals fit the template")
    printed = list(zip(layout.printed_total_rows, inputs.printed_totals, strict=False))
    printed += [
        (layout.printed_rating_row, inputs.printed_rating),
        (layout.printed_below_row, inputs.printed_below_target),
    ]
    for row, figure in printed:
        if figure is not None:
            scores[f"C{row}"].value = figure.value
            scores[f"D{row}"].value = figure.source or None

    history = wb[HISTORY]
    if len(inputs.history) > HISTORY_YEARS:
        raise ValueError(f"at most {HISTORY_YEARS} earlier years fit the template")
    for row, year in zip(
        layout.history_rows[HISTORY_YEARS - len(inputs.history) :], inputs.history, strict=True
    ):
        history[f"A{row}"].value = year.fiscal_year
        history[f"B{row}"].value = year.total
        history[f"C{row}"].value = year.rating
        for n, indicator in enumerate(layout.framework.indicators, start=4):
            history[f"{get_column_letter(n)}{row}"].value = year.indicators.get(indicator.number)

    if inputs.weights is not None:
        criteria = wb[CRITERIA]
        for code, value in inputs.weights.items():
            criteria[f"C{layout.weight_rows[code]}"].value = value


def _fill_unit(wb: Workbook, layout: Layout, inputs: UnitInputs) -> None:
    """The unit sheet's fields, the memo's included, and the departments."""
    unit = wb[UNIT]
    values = {
        "name": inputs.name,
        "type": inputs.unit_type,
        "district": inputs.district,
        "province": inputs.province,
        "fiscal_year": inputs.fiscal_year,
        "thai_digits": YES if inputs.thai_digits else NO,
        "preparer": inputs.preparer,
        "position": inputs.position,
        "memo_office": inputs.memo.office,
        "memo_number": inputs.memo.number,
        "memo_date": inputs.memo.date,
    }
    for key, value in values.items():
        unit[layout.unit_cell(key)].value = value if value != "" else None
    memo = inputs.memo
    opinions = memo.opinions or (
        [Signer(memo.checker, memo.checker_position)] if memo.checker or memo.checker_position else []
    )
    if len(opinions) > len(layout.opinion_rows):
        raise ValueError(f"at most {len(layout.opinion_rows)} opinions fit the template")
    head = Signer(memo.head, memo.head_position, memo.head_role)
    for row, signer in [*zip(layout.opinion_rows, opinions, strict=False), (layout.head_row, head)]:
        for col, value in zip("BCD", (signer.name, signer.position, signer.role), strict=True):
            unit[f"{col}{row}"].value = value or None
    if len(inputs.departments) > DEPARTMENT_ROWS:
        raise ValueError(f"at most {DEPARTMENT_ROWS} departments fit the template")
    for address, department in zip(layout.department_cells, inputs.departments, strict=False):
        unit[address].value = department


def _fill_lists(wb: Workbook, layout: Layout, inputs: UnitInputs) -> None:
    """The unit's own limitations and recommendations (replacing the defaults), and the
    weights an earlier document printed."""
    unit = wb[UNIT]
    for cells, items in (
        (layout.limitation_cells, inputs.limitations),
        (layout.recommendation_cells, inputs.recommendations),
    ):
        if items:
            if len(items) > len(cells):
                raise ValueError(f"at most {len(cells)} items fit a list of the template")
            for address, text in zip(cells, [*items, *[None] * (len(cells) - len(items))], strict=True):
                unit[address].value = text
    criteria = wb[CRITERIA]
    for code, printed in inputs.printed_weights.items():
        criteria[f"{layout.PRINTED_WEIGHT}{layout.weight_rows[code]}"].value = printed.value


def _fill_choices(wb: Workbook, layout: Layout, inputs: UnitInputs) -> None:
    """The unit's choices of measures, at the rows they name."""
    if not inputs.measure_choices:
        return
    ws = wb[CHOICES]
    for choice in inputs.measure_choices:
        if choice.row not in layout.choice_rows:
            raise ValueError(f"row {choice.row} is not a row of the {CHOICES} sheet")
        values = {
            "key": choice.key, "use": USE if choice.use else SKIP, "owner": choice.owner,
            "theme": choice.theme, "measure": choice.measure, "steps": choice.steps, "period": choice.period,
            "analysis": choice.analysis, "monitoring": choice.monitoring,
        }  # fmt: skip
        for key, column in CHOICE_COLUMNS.items():
            ws[f"{column}{choice.row}"].value = values[key] or None


def layout_for(wb: Workbook, fiscal_year: int) -> Layout:
    """The layout of a template workbook, checking it was built for ``fiscal_year``."""
    built_for = template_year(wb)
    if built_for != fiscal_year:
        raise ValueError(f"the workbook is a template for {built_for}, not {fiscal_year}")
    return Layout(load_framework(fiscal_year))


def template_year(wb: Workbook) -> int | None:
    """The fiscal year a workbook's template was built for, from its properties."""
    for part in (wb.properties.keywords or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == "fiscal_year" and value.isdigit():
            return int(value)
    return None


def ita_formulas(fiscal_year: int) -> dict[str, dict[str, str]]:
    """The template's cells that call an ``ITA_…`` function: ``{sheet: {address: formula}}``.

    Taken from the template the builder makes, so the cells and formulas are the template's
    own (``ita_xl.live.book.bind_formulas`` re-enters them in a live workbook).
    """
    wb = build_template(load_framework(fiscal_year))
    found: dict[str, dict[str, str]] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and "ITA_" in cell.value:
                    found.setdefault(ws.title, {})[cell.coordinate] = cell.value
    return found


def sample_workbook(seed: str) -> Workbook:
    """The filled workbook of one seed sample."""
    inputs = SAMPLES[seed]
    wb = build_template(load_framework(inputs.fiscal_year))
    fill(wb, inputs)
    return wb
