"""A sheet's chart as a native Word chart: a DrawingML chart part written here (python-docx
writes none), shown inline where the document has the chart.

The chart is the one the workbook adapters draw (``ita_xl.core.sheets.Chart``, rendered by
``ita_xl.xlsx.render._chart``): the same title, axis titles, kind and axis limits (a line
trend on a 0-100 axis, a column chart of counts from 0 in steps of 1), markers on the line,
no legend, TH SarabunPSK for its text (``a:latin`` and ``a:cs``, as Word draws Thai with the
complex-script font). Its figures are the cells the workbook's chart reads (``plan.ChartItem``).

The part (ECMA-376 Part 1 §21.2, DrawingML Charts):

* ``/word/charts/chartN.xml``, content type
  ``application/vnd.openxmlformats-officedocument.drawingml.chart+xml``, related from the
  document part by ``.../relationships/chart`` (python-docx's OPC ``Part`` and ``relate_to``);
  a ``w:drawing``/``wp:inline`` whose ``a:graphicData`` (uri ``.../drawingml/2006/chart``)
  holds ``c:chart r:id`` (§21.2.2.27 chart, §20.4.2.8 inline).
* The series carry their figures as cached values, ``c:strCache`` for the categories and
  ``c:numCache`` for the values (§21.2.2.200 strRef, §21.2.2.123 numRef): Word and
  LibreOffice draw a chart from its caches. Numbers stay numbers, with the number format of
  their cell as ``c:formatCode``; the categories are the text the sheet shows (Thai digits
  where the unit asks for them). A text value (``ไม่มี`` for a count of none) is cached as 0,
  as Excel plots text; an empty cell is left out, a gap in the line.
* The references (``c:f``) point into a small workbook of the same figures embedded in the
  document (``/word/embeddings/Microsoft_Excel_WorksheetN.xlsx``, related from the chart part
  by ``.../relationships/package`` and named by ``c:externalData``, §21.2.2.63), the data
  Word's "Edit Data" opens. It is written from the same ``ChartItem`` as the caches.
* Every element in its schema order (the sequences of CT_ChartSpace, CT_Chart, CT_PlotArea,
  CT_LineChart/CT_BarChart, CT_LineSer/CT_BarSer, CT_CatAx, CT_ValAx, CT_Scaling in
  ECMA-376 Part 1 §21.2.2 and its schema dml-chart.xsd): Word reports a chart part whose
  children are out of order as a corrupt file.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree
from openpyxl import Workbook
from openpyxl.utils.cell import quote_sheetname

from ita_xl.core.sheets import FONT, Chart

if TYPE_CHECKING:
    from ita_xl.docx.plan import ChartItem

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {"c": C, "a": A, "r": R, "wp": WP, "w": W}
#: English Metric Units per point (ECMA-376 Part 1 §20.1.2.1: 12,700 EMU a point).
EMU_PER_POINT = 12700
#: Font sizes in hundredths of a point, as ``xlsx.render`` sets them: title 14 pt bold,
#: axis labels 12 pt; axis titles 12 pt bold.
TITLE_SIZE, TEXT_SIZE = 1400, 1200
#: The axes' ids (any distinct unsigned integers; openpyxl's).
CATEGORY_AXIS, VALUE_AXIS = 10, 100


def _el(parent, tag: str, **attrs: object):
    """A child ``prefix:name`` of ``parent`` (appended: callers add in schema order)."""
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NAMESPACES[prefix]}}}{name}")
    for key, value in attrs.items():
        element.set(key, str(value))
    return element


def _val(parent, tag: str, value: object):
    return _el(parent, tag, val=value)


def _run_properties(parent, tag: str, size: int, bold: bool):
    """``a:defRPr``/``a:endParaRPr``: size, weight, the Thai font for Latin and complex script."""
    props = _el(parent, tag, sz=size, b=int(bold))
    _el(props, "a:latin", typeface=FONT)
    _el(props, "a:cs", typeface=FONT)
    return props


def _rich(parent, text: str, size: int, bold: bool) -> None:
    """``c:tx/c:rich``: one paragraph of ``text`` (§21.2.2.156 rich)."""
    rich = _el(_el(parent, "c:tx"), "c:rich")
    _el(rich, "a:bodyPr")
    _el(rich, "a:lstStyle")
    paragraph = _el(rich, "a:p")
    _run_properties(_el(paragraph, "a:pPr"), "a:defRPr", size, bold)
    run = _el(paragraph, "a:r")
    _run_properties(run, "a:rPr", size, bold)
    _el(run, "a:t").text = text


def _title(parent, text: str, size: int, bold: bool = True) -> None:
    """``c:title``: tx, overlay (§21.2.2.210 title)."""
    title = _el(parent, "c:title")
    _rich(title, text, size, bold)
    _val(title, "c:overlay", 0)


def _text_properties(parent, size: int) -> None:
    """``c:txPr``: the text of an axis's labels or of the whole chart (§21.2.2.216 txPr)."""
    props = _el(parent, "c:txPr")
    _el(props, "a:bodyPr")
    _el(props, "a:lstStyle")
    paragraph = _el(props, "a:p")
    _run_properties(_el(paragraph, "a:pPr"), "a:defRPr", size, False)
    _run_properties(paragraph, "a:endParaRPr", size, False)


def _column(item: ChartItem, column: str) -> str:
    """The embedded workbook's cells of one column of the data (``data_workbook``), as Excel
    writes a reference: ``'วิเคราะห์ผล'!$A$2:$A$5``."""
    last = len(item.categories) + 1
    return f"{quote_sheetname(item.sheet)}!${column}$2:${column}${last}"


def data_workbook(item: ChartItem) -> bytes:
    """The chart's data as the small workbook Word opens for "Edit Data": a sheet named as the
    report's sheet, the axis title and the series name in row 1, then one row a category (the
    text the sheet shows) and its value as plotted (a number in its cell's number format; a
    text count such as ``ไม่มี`` as the 0 it plots; a blank left blank)."""
    wb = Workbook()
    ws = wb.active
    ws.title = item.sheet
    ws.append([item.chart.x_title, item.chart.series_name])
    for category, value in zip(item.categories, item.values, strict=True):
        ws.append([category, value])
        ws.cell(ws.max_row, 2).number_format = item.format_code
    ws.column_dimensions["A"].width = ws.column_dimensions["B"].width = 16
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _series(parent, item: ChartItem) -> None:
    """``c:ser``: idx, order, tx, marker (a line's), then cat and val with their caches
    (CT_LineSer/CT_BarSer, §21.2.2.168/§21.2.2.167 ser)."""
    series = _el(parent, "c:ser")
    _val(series, "c:idx", 0)
    _val(series, "c:order", 0)
    ref = _el(_el(series, "c:tx"), "c:strRef")  # CT_SerTx: the name in B1
    _el(ref, "c:f").text = f"{quote_sheetname(item.sheet)}!$B$1"
    cache = _el(ref, "c:strCache")
    _val(cache, "c:ptCount", 1)
    _el(_el(cache, "c:pt", idx=0), "c:v").text = item.chart.series_name
    if item.chart.kind == "bar":
        _val(series, "c:invertIfNegative", 0)
    else:
        marker = _el(series, "c:marker")
        _val(marker, "c:symbol", "circle")
        _val(marker, "c:size", 7)
    ref = _el(_el(series, "c:cat"), "c:strRef")
    _el(ref, "c:f").text = _column(item, "A")
    cache = _el(ref, "c:strCache")
    _val(cache, "c:ptCount", len(item.categories))
    for n, text in enumerate(item.categories):
        _el(_el(cache, "c:pt", idx=n), "c:v").text = text
    ref = _el(_el(series, "c:val"), "c:numRef")
    _el(ref, "c:f").text = _column(item, "B")
    cache = _el(ref, "c:numCache")
    _el(cache, "c:formatCode").text = item.format_code
    _val(cache, "c:ptCount", len(item.values))
    for n, value in enumerate(item.values):
        if value is not None:  # a blank cell: no point, a gap in the line
            _el(_el(cache, "c:pt", idx=n), "c:v").text = repr(float(value))
    if item.chart.kind != "bar":
        _val(series, "c:smooth", 0)


def _plot(parent, item: ChartItem) -> None:
    """The line or column chart group (CT_LineChart §21.2.2.97, CT_BarChart §21.2.2.16)."""
    if item.chart.kind == "bar":
        group = _el(parent, "c:barChart")
        _val(group, "c:barDir", "col")
        _val(group, "c:grouping", "clustered")
        _val(group, "c:varyColors", 0)
        _series(group, item)
        _val(group, "c:gapWidth", 150)
    else:
        group = _el(parent, "c:lineChart")
        _val(group, "c:grouping", "standard")
        _val(group, "c:varyColors", 0)
        _series(group, item)
        _val(group, "c:marker", 1)
    _val(group, "c:axId", CATEGORY_AXIS)
    _val(group, "c:axId", VALUE_AXIS)


def _category_axis(parent, item: ChartItem) -> None:
    """CT_CatAx (§21.2.2.25 catAx): the categories along the bottom, titled ``x_title``."""
    axis = _el(parent, "c:catAx")
    _val(axis, "c:axId", CATEGORY_AXIS)
    _val(_el(axis, "c:scaling"), "c:orientation", "minMax")
    _val(axis, "c:delete", 0)
    _val(axis, "c:axPos", "b")
    if item.chart.x_title:
        _title(axis, item.chart.x_title, TEXT_SIZE)
    _val(axis, "c:majorTickMark", "none")
    _val(axis, "c:minorTickMark", "none")
    _val(axis, "c:tickLblPos", "nextTo")
    _text_properties(axis, TEXT_SIZE)
    _val(axis, "c:crossAx", VALUE_AXIS)
    _val(axis, "c:crosses", "autoZero")
    _val(axis, "c:auto", 1)
    _val(axis, "c:lblAlgn", "ctr")
    _val(axis, "c:lblOffset", 100)
    _val(axis, "c:noMultiLvlLbl", 0)


def _value_axis(parent, item: ChartItem) -> None:
    """CT_ValAx (§21.2.2.226 valAx), with ``xlsx.render``'s limits: a line trend from 0 to 100,
    a column chart of counts from 0 in whole steps (no maximum)."""
    bar = item.chart.kind == "bar"
    axis = _el(parent, "c:valAx")
    _val(axis, "c:axId", VALUE_AXIS)
    scaling = _el(axis, "c:scaling")
    _val(scaling, "c:orientation", "minMax")
    if not bar:
        _val(scaling, "c:max", 100)
    _val(scaling, "c:min", 0)
    _val(axis, "c:delete", 0)
    _val(axis, "c:axPos", "l")
    _el(axis, "c:majorGridlines")
    if item.chart.y_title:
        _title(axis, item.chart.y_title, TEXT_SIZE)
    _el(axis, "c:numFmt", formatCode="General", sourceLinked=0)
    _val(axis, "c:majorTickMark", "none")
    _val(axis, "c:minorTickMark", "none")
    _val(axis, "c:tickLblPos", "nextTo")
    _text_properties(axis, TEXT_SIZE)
    _val(axis, "c:crossAx", CATEGORY_AXIS)
    _val(axis, "c:crosses", "autoZero")
    _val(axis, "c:crossBetween", "between")
    if bar:
        _val(axis, "c:majorUnit", 1)


def chart_xml(item: ChartItem, workbook: str) -> bytes:
    """The chart part (CT_ChartSpace, §21.2.2.29 chartSpace): square corners, the chart (title,
    plot area, no legend), the Thai font for all its text, and its data workbook, the part
    related as ``workbook`` (§21.2.2.63 externalData; ``autoUpdate`` off, §21.2.2.9: the caches
    are the figures until someone edits the data)."""
    space = etree.Element(f"{{{C}}}chartSpace", nsmap={"c": C, "a": A, "r": R})
    _val(space, "c:roundedCorners", 0)
    chart = _el(space, "c:chart")
    _title(chart, item.chart.title, TITLE_SIZE)
    _val(chart, "c:autoTitleDeleted", 0)
    plot = _el(chart, "c:plotArea")
    _el(plot, "c:layout")
    _plot(plot, item)
    _category_axis(plot, item)
    _value_axis(plot, item)
    _val(chart, "c:plotVisOnly", 1)
    _val(chart, "c:dispBlanksAs", "gap")
    _text_properties(space, TEXT_SIZE)
    _val(_el(space, "c:externalData", **{f"{{{R}}}id": workbook}), "c:autoUpdate", 0)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


class ChartPart(Part):
    """The chart part, related to its data workbook (an embedded package part,
    ``/word/embeddings/Microsoft_Excel_Worksheet{N}.xlsx``); its XML is written when the
    package is saved, with the relationship's id."""

    def __init__(self, partname, package, item: ChartItem):
        super().__init__(partname, CONTENT_TYPE.DML_CHART, None, package)
        self._item = item
        name = package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx")
        self._workbook = self.relate_to(
            Part(name, CONTENT_TYPE.SML_SHEET, data_workbook(item), package), RELATIONSHIP_TYPE.PACKAGE
        )

    @property
    def blob(self) -> bytes:
        return chart_xml(self._item, self._workbook)


#: The inline drawing that shows a chart part in the text (CT_Inline, §20.4.2.8: extent,
#: effectExtent, docPr, cNvGraphicFramePr, graphic; §20.1.2.2.17 graphicData).
INLINE = (
    '<w:drawing {ns}><wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="{id}" name="{name}" descr="{descr}"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="{uri}"><c:chart r:id="{rid}"/></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing>"
)


def size_emu(chart: Chart, max_width: int) -> tuple[int, int]:
    """The chart's size (``Chart.width``/``height``, points) in EMU, its width at most
    ``max_width`` (the text width). The analysis's trend chart is as wide as the sheet's grid
    (26 cm), which Excel shrinks with the whole page when it prints; Word prints its text at
    full size, so the height is kept: scaled with the width (6 cm), the 12 pt labels and titles
    left the line a plot of about 2 cm."""
    width, height = chart.width * EMU_PER_POINT, chart.height * EMU_PER_POINT
    return round(min(width, max_width)), round(height)


def add_chart(document, item: ChartItem, max_width: int):
    """A centred paragraph holding ``item`` as a native chart; returns the paragraph.

    The chart part is added through python-docx's OPC layer (``Part``, ``relate_to``), which
    writes its content type and relationship with the package."""
    package = document.part.package
    part = ChartPart(package.next_partname("/word/charts/chart%d.xml"), package, item)
    rid = document.part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    cx, cy = size_emu(item.chart, max_width)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.part.next_id
    drawing = INLINE.format(
        ns=nsdecls("w", "wp", "a", "c", "r"),
        cx=cx,
        cy=cy,
        id=number,
        name=f"Chart {number}",
        descr=quoteattr(item.chart.title)[1:-1],
        uri=C,
        rid=rid,
    )
    paragraph.add_run()._r.append(parse_xml(drawing))
    return paragraph
