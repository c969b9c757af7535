"""Render ``SheetSpec``s into one Word document with python-docx (the third adapter).

The same descriptions the workbook adapters render (``ita_xl.core.sheets``), read as a
document by ``ita_xl.docx.plan``; no content is decided here. The page follows Thai
official-document practice:

* A4; margins left 3 cm and right 2 cm, single line spacing: สำนักงานปลัดสำนักนายกรัฐมนตรี,
  "คำแนะนำและแบบมาตรฐานการพิมพ์หนังสือราชการภาษาไทยด้วยโปรแกรมการพิมพ์ในเครื่องคอมพิวเตอร์"
  (items 1.1-1.2, as quoted by secondary sources; likely). Top and bottom 2 cm: assumed. The
  typing width is then 16 cm, the guidance's ruler of 0-16 cm.
* TH SarabunPSK 16 pt (18 pt for titles), set for Latin, East Asian *and* complex-script
  text (``w:rFonts`` ``w:cs``, ``w:hint="cs"``, ``w:szCs``, ``w:bCs``), language th-TH: Word
  draws Thai with the complex-script properties, which python-docx's ``font.name`` and
  ``font.size`` do not set.
* Titles are Heading 1 and section headings Heading 2 (Word's navigation pane lists them);
  headings keep with the next paragraph. Each sheet starts a new section on a new page, in
  landscape where ``SheetSpec.landscape`` says so. Page numbers (a PAGE field) in the footer,
  in Thai digits where the sheets use them.
* Table rows are Word tables: header rows repeat on every page (``w:tblHeader``) and no row
  is split across pages (``w:cantSplit``).
* A sheet's chart is a native Word chart where the sheet places it (``ita_xl.docx.chart``),
  as wide as the sheet's chart or the text width, whichever is narrower; the paragraph
  before it keeps with it (the trend sentence stays on the chart's page).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from ita_xl.core.sheets import ANALYSIS, FONT, MARKER, STYLES, THAI, SheetSpec
from ita_xl.docx.chart import add_chart
from ita_xl.docx.plan import PADDING_CM, ChartItem, Paragraph, Table, base_style, fit_widths, plan

A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"left": Cm(3.0), "right": Cm(2.0), "top": Cm(2.0), "bottom": Cm(2.0)}
#: Thai for complex-script text (spelling, line breaking); Latin text is English.
LANGUAGE = "th-TH"
#: Word's paragraph style for each heading style of the sheets.
HEADINGS = {"title": "Heading 1", "band": "Heading 2"}
#: English Metric Units per twentieth of a point (dxa): 914400 per inch, 1440 dxa per inch.
EMU_PER_TWIP = 635
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def render_document(specs: Sequence[SheetSpec], path: str | os.PathLike[str]) -> None:
    """Write the printed ``specs``, one section each, into a new .docx at ``path``.

    A sheet that is not printed with the report (the checks sheet) is left out.
    """
    specs = [spec for spec in specs if spec.printed]
    document = docx.Document()
    _fonts(document)
    thai = any(b.style.endswith(THAI) for spec in specs for b in spec.blocks)
    for n, spec in enumerate(specs):
        section = document.sections[0] if n == 0 else document.add_section(WD_SECTION.NEW_PAGE)
        _page(section, spec.landscape, thai)
        first = len(document.element.body)
        _body(document, spec, section)
        if spec.one_page:
            _one_page(list(document.element.body)[first:])
    _footer(document.sections[0])
    _properties(document, specs)
    document.save(os.fspath(path))


def _properties(document, specs: Sequence[SheetSpec]) -> None:
    """File properties: the report's title (the analysis sheet's, the memo has none of its own),
    ita-xl as the author, the marker that says ita-xl made it."""
    ordered = sorted(specs, key=lambda spec: spec.name != ANALYSIS)
    titles = (b.values[0][0] for spec in ordered for b in spec.blocks if base_style(b.style) == "title")
    props = document.core_properties
    props.title = str(next(titles, "")).replace("\n", " ")
    props.identifier = props.keywords = MARKER  # keywords: LibreOffice keeps them in a PDF
    props.author = props.last_modified_by = "ita-xl"
    props.created = props.modified = datetime.now(UTC)
    props.revision = 1


# --------------------------------------------------------------------------- fonts and styles


def _rfonts(rpr) -> None:
    """TH SarabunPSK for every script, no theme font overriding it, complex-script hint."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in _THEME_FONTS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    fonts.set(qn("w:hint"), "cs")


#: Child order of the property elements this module adds to (ECMA-376 Part 1, §17.3.1.26
#: pPr, §17.3.2.28 rPr, §17.4.42 tcPr, §17.4.60 tblPr, §17.4.43 tblCellMar, §17.6.17 sectPr):
#: Word refuses a part whose children are out of order. A row's trPr is a choice, any order.
ORDER = {
    "w:rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
    "vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark",
    "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "w:tblCellMar": "top start left bottom end right",
    "w:sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
    "printerSettings sectPrChange",
}
_ORDER = {qn(parent): [f"w:{name}" for name in names.split()] for parent, names in ORDER.items()}


def _set(parent, tag: str, **attrs: str):
    """The child ``tag`` of ``parent`` (made in its schema place if missing) with ``attrs`` set."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        sequence = _ORDER.get(parent.tag)
        later = {qn(name) for name in sequence[sequence.index(tag) + 1 :]} if sequence else set()
        successor = next((sibling for sibling in parent if sibling.tag in later), None)
        if successor is None:
            parent.append(child)
        else:
            successor.addprevious(child)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def _size(rpr, points: float) -> None:
    half = str(round(points * 2))
    _set(rpr, "w:sz", val=half)
    _set(rpr, "w:szCs", val=half)


def _fonts(document) -> None:
    """Document defaults and every style: the Thai font, 16 pt, Thai language, single spacing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _rfonts(rpr)
    _size(rpr, STYLES["cell"]["size"])
    _set(rpr, "w:lang", val="en-US", eastAsia="en-US", bidi=LANGUAGE)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set(ppr, "w:spacing", after="0", line="240", lineRule="auto")
    for fonts in styles.iter(qn("w:rFonts")):
        _rfonts(fonts.getparent())
    for name, props in (("Heading 1", STYLES["title"]), ("Heading 2", STYLES["band"])):
        style = document.styles[name]
        style.font.color.rgb = None
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(6)
        style.paragraph_format.space_after = Pt(3)
        rpr = style.element.get_or_add_rPr()
        _size(rpr, props["size"])
        _set(rpr, "w:b")
        _set(rpr, "w:bCs")


# --------------------------------------------------------------------------- pages


def _page(section, landscape: bool, thai: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    for side, length in MARGINS.items():
        setattr(section, f"{side}_margin", length)
    section.footer_distance = Cm(1.0)
    if thai:
        _set(section._sectPr, "w:pgNumType", fmt="thaiNumbers")


def _footer(section) -> None:
    """A centred PAGE field; later sections' footers are linked to this one."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts = (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None))
    for kind, text in parts:
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            run._r.append(_field_char(kind))


def _field_char(kind: str):
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return char


def _text_width(section) -> int:
    return section.page_width - section.left_margin - section.right_margin


# --------------------------------------------------------------------------- content


def _body(document, spec: SheetSpec, section) -> None:
    items = plan(spec)  # what prints (a chart's figures may lie beside it)
    spec = spec.printed_part()  # the measures sheet's รหัส column stays in the workbook
    text_width = Emu(_text_width(section)).cm
    previous = None
    for n, item in enumerate(items):
        following = items[n + 1] if n + 1 < len(items) else None
        if isinstance(item, Paragraph):
            paragraph = _paragraph(document, item)
            if isinstance(following, Table | ChartItem) or base_style(item.style) in (*HEADINGS, "subtitle"):
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(item, ChartItem):
            add_chart(document, item, _text_width(section))
        else:
            if isinstance(previous, Table):
                document.add_paragraph()  # two tables in a row would merge into one
            _table(document, item, [Cm(w) for w in fit_widths(spec.widths, item, text_width)])
        previous = item


#: A one-page sheet (the memo) is set at exactly this line pitch (twentieths of a point): 19 pt
#: for 16 pt text. Single spacing of TH SarabunPSK takes about 27 pt a line (rendered with
#: LibreOffice's metric twin Laksaman), so a memo with the seeds' longest chain (seed 004: four
#: opinions and the approval) took two pages; at 18 pt the Thai marks of adjacent lines touch.
ONE_PAGE_LINE = "380"


def _one_page(elements) -> None:
    """Every paragraph of a one-page sheet at the exact line pitch, no space above or below."""
    for element in elements:
        for p in element.iter(qn("w:p")):
            if p.find(qn("w:pPr")) is not None and p.find(qn("w:pPr")).find(qn("w:sectPr")) is not None:
                continue  # the section break's paragraph
            _set(p.get_or_add_pPr(), "w:spacing", before="0", after="0", line=ONE_PAGE_LINE, lineRule="exact")


def _paragraph(document, item: Paragraph):
    style = base_style(item.style)
    paragraph = document.add_paragraph(style=HEADINGS.get(style))
    _format(paragraph, style)
    _runs(paragraph, item.text, style)
    return paragraph


def _format(paragraph, style: str) -> None:
    props = STYLES[style]
    paragraph.alignment = _ALIGN.get(props.get("align"), WD_ALIGN_PARAGRAPH.LEFT)
    if "fill" in props and style not in HEADINGS:
        _set(paragraph._p.get_or_add_pPr(), "w:shd", val="clear", color="auto", fill=props["fill"])


def _runs(paragraph, text: str, style: str) -> None:
    """The text in one run (line breaks as Word breaks), with the style's weight and slant for
    Latin and complex script alike. Text is always literal: '=…' is never a field."""
    props = STYLES[style]
    run = paragraph.add_run(text)
    rpr = run._r.get_or_add_rPr()
    if props.get("bold") and style not in HEADINGS:
        _set(rpr, "w:b")
        _set(rpr, "w:bCs")
    if props.get("italic"):
        _set(rpr, "w:i")
        _set(rpr, "w:iCs")
    if props["size"] != STYLES["cell"]["size"] and style not in HEADINGS:
        _size(rpr, props["size"])
    if len(rpr) == 0:
        run._r.remove(rpr)


def _table(document, item: Table, widths: list[int]) -> None:
    """A Word table on the sheet's column grid: merged spans, header rows repeated, rows kept whole.

    Its width is fixed three times over, as each reader takes it from a different place: the
    grid (``w:gridCol``, python-docx ``column.width``), the table (``w:tblW`` in twentieths of a
    point, ``type="dxa"``, with ``w:tblLayout type="fixed"``: ECMA-376 Part 1 §17.4.63 tblW,
    §17.4.53 tblLayout) and every cell (``w:tcW``, python-docx ``cell.width``, §17.4.72 tcW).
    With the grid alone (python-docx's default ``tblW type="auto"`` and no ``tcW``) LibreOffice
    laid the tables out narrower than the text width. python-docx's maintainer gives the same
    recipe for a table both Word and LibreOffice lay out alike: ``w:gridCol`` widths "as well as
    matching cell widths, e.g. ``<w:tcW w:w="1440" w:type="dxa"/>`` for each cell in each column.
    This is consistent with what Word does" (github.com/python-openxml/python-docx issue 78).
    """
    columns = len(widths)
    table = document.add_table(rows=0, cols=columns)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set(table._tbl.tblPr, "w:tblW", w=str(round(sum(widths) / EMU_PER_TWIP)), type="dxa")
    _set(table._tbl.tblPr, "w:tblLayout", type="fixed")
    margins = _set(table._tbl.tblPr, "w:tblCellMar")
    for side in ("left", "right"):
        _set(margins, f"w:{side}", w=str(round(PADDING_CM / 2 * 567)), type="dxa")
    if item.boxed:
        table.style = document.styles["Table Grid"]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, cells in enumerate(item.rows):
        row = table.add_row()
        tr_pr = row._tr.get_or_add_trPr()
        _set(tr_pr, "w:cantSplit")
        header = r < item.header_rows
        if header:
            _set(tr_pr, "w:tblHeader")
        slots = row.cells
        for slot, width in zip(slots, widths, strict=True):
            slot.width = width
        for cell in cells:
            target = slots[cell.col - 1]
            last = min(cell.col + cell.span - 1, columns)
            if cell.span > 1:
                target = target.merge(slots[last - 1])
                target.width = sum(widths[cell.col - 1 : last])
            _cell(target, cell.text, base_style(cell.style), header)


def _cell(target, text: str, style: str, header: bool) -> None:
    paragraph = target.paragraphs[0]
    _format_cell(target, style)
    paragraph.alignment = _ALIGN.get(STYLES[style].get("align"), WD_ALIGN_PARAGRAPH.LEFT)
    if header:
        paragraph.paragraph_format.keep_with_next = True
    _runs(paragraph, text, style)


def _format_cell(target, style: str) -> None:
    fill = STYLES[style].get("fill")
    if fill:
        _set(target._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)
