"""Render a ``SheetSpec`` into an openpyxl workbook (the headless target). No content logic."""

from __future__ import annotations

from functools import cache
from typing import Any

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.sheets import FONT, MARKER_CELL, STYLES, Chart, SheetSpec

_THIN = Side(style="thin")  # automatic colour, as xlwings draws a border


@cache
def _style(name: str) -> dict[str, Any]:
    props = STYLES[name]
    result: dict[str, Any] = {
        "font": Font(
            name=props["font"],
            size=props["size"],
            bold=props.get("bold", False),
            italic=props.get("italic", False),
            color=props.get("color"),
        ),
        "alignment": Alignment(
            horizontal=props.get("align"),
            vertical=props.get("valign", "center"),
            wrap_text=props.get("wrap", False),
        ),
    }
    if "fill" in props:
        result["fill"] = PatternFill("solid", fgColor=props["fill"])
    if "number_format" in props:
        result["number_format"] = props["number_format"]
    return result


def render(wb: Workbook, spec: SheetSpec, index: int | None = None) -> Worksheet:
    """Add the sheet described by ``spec`` to ``wb`` (the caller has removed any old one)."""
    ws = wb.create_sheet(spec.name, index)
    for n, width in enumerate(spec.widths, start=1):
        ws.column_dimensions[ws.cell(1, n).column_letter].width = width
    for block in spec.blocks:
        style = _style(block.style)
        for r, row in enumerate(block.values):
            for c, value in enumerate(row):
                cell = ws.cell(block.row + r, block.col + c)
                cell.value = value
                if cell.data_type == "f":  # text from the user is never a live formula
                    cell.data_type = "s"
                for attr, obj in style.items():
                    setattr(cell, attr, obj)
                for extra in range(1, block.span):  # style the merged cells' borders too
                    for attr, obj in style.items():
                        setattr(ws.cell(block.row + r, block.col + c + extra), attr, obj)
            if block.span > 1:
                ws.merge_cells(
                    start_row=block.row + r,
                    start_column=block.col,
                    end_row=block.row + r,
                    end_column=block.col + block.span - 1,
                )
    border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    for box in spec.boxes:
        for row in ws[box]:
            for cell in row:
                cell.border = border
    for row, height in spec.heights.items():
        ws.row_dimensions[row].height = height
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if spec.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_area = spec.print_area
    if spec.print_title_rows:
        ws.print_title_rows = spec.print_title_rows
    ws.sheet_view.showGridLines = spec.gridlines
    if spec.chart is not None:
        ws.add_chart(_chart(ws, spec.chart), spec.chart.anchor)
    assert ws[MARKER_CELL].value is not None, "every generated sheet carries its marker"
    return ws


def _thai_text(size: int = 1200, bold: bool = False) -> RichText:
    """Chart text in a Thai font; without it Thai labels break mid-word in renders."""
    props = CharacterProperties(
        latin=DrawingFont(typeface=FONT), cs=DrawingFont(typeface=FONT), sz=size, b=bold
    )
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _chart(ws: Worksheet, spec: Chart) -> LineChart:
    chart = LineChart()
    chart.title = spec.title
    chart.y_axis.title = spec.y_title
    chart.x_axis.title = spec.x_title
    chart.height, chart.width = 7.5, 14
    chart.legend = None
    min_col, min_row, max_col, max_row = range_boundaries(spec.values)
    data = Reference(ws, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row)
    min_col, min_row, max_col, max_row = range_boundaries(spec.categories)
    categories = Reference(ws, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(categories)
    chart.series[0].tx = None
    chart.series[0].marker.symbol = "circle"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.txPr = _thai_text()
    chart.x_axis.txPr = _thai_text()
    chart.title.tx.rich.p[0].pPr = ParagraphProperties(
        defRPr=CharacterProperties(
            latin=DrawingFont(typeface=FONT), cs=DrawingFont(typeface=FONT), sz=1400, b=True
        )
    )
    return chart
