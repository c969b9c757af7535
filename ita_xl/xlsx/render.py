"""Render a ``SheetSpec`` into an openpyxl workbook (the headless target). No content logic."""

from __future__ import annotations

from copy import copy

from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.fonts import DEFAULT_FONT
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.core import page
from ita_xl.core.sheets import CM, FONT, MARKER_CELL, STYLES, Chart, SheetSpec, Validation

_THIN = Side(style="thin")  # automatic colour, as xlwings draws a border
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
#: The style of a cell in a table that holds no value of its own (a merged range's other
#: cells, an empty cell): the workbook's default font and the table's borders.
BOX_STYLE = "box"
_PREFIX = "ita-xl "


def style_name(style: str, boxed: bool) -> str:
    """The workbook's named style for a ``STYLES`` entry, with or without the table's borders."""
    return f"{_PREFIX}{style}{' boxed' if boxed else ''}"


def _named(style: str, boxed: bool) -> NamedStyle:
    named = NamedStyle(style_name(style, boxed))
    named.border = _BOX if boxed else Border()
    if style == BOX_STYLE:
        named.font = copy(DEFAULT_FONT)
        return named
    props = STYLES[style]
    named.font = Font(
        name=props["font"],
        size=props["size"],
        bold=props.get("bold", False),
        italic=props.get("italic", False),
        color=props.get("color"),
    )
    named.alignment = Alignment(
        horizontal=props.get("align"),
        vertical=props.get("valign", "center"),
        wrap_text=props.get("wrap", False),
    )
    if "fill" in props:
        named.fill = PatternFill("solid", fgColor=props["fill"])
    named.number_format = props.get("number_format", "General")
    return named


def _register(wb: Workbook, style: str, boxed: bool) -> str:
    """Register the named style once per workbook; a rerun finds it (updated if ita-xl changed it)."""
    wanted = _named(style, boxed)
    if wanted.name not in wb.named_styles:
        wb.add_named_style(wanted)
        return wanted.name
    existing = wb._named_styles[wanted.name]  # openpyxl has no public getter
    for attr in ("font", "fill", "border", "alignment", "number_format"):
        if getattr(existing, attr) != getattr(wanted, attr):
            setattr(existing, attr, getattr(wanted, attr))  # a bound style recalculates itself
    return wanted.name


def _boxed_cells(spec: SheetSpec) -> set[tuple[int, int]]:
    cells = set()
    for box in spec.boxes:
        min_col, min_row, max_col, max_row = range_boundaries(box)
        cells.update((r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1))
    return cells


def _write_cells(wb: Workbook, ws: Worksheet, spec: SheetSpec) -> None:
    """Values, merges and one named style a cell; merged-away cells get only the table's borders."""
    boxed = _boxed_cells(spec)
    arrays: dict[tuple[str, bool], StyleArray] = {}

    def style(cell: Cell, name: str, in_box: bool) -> None:
        # What ``cell.style = name`` does, without looking the name up again for every cell.
        if (name, in_box) not in arrays:
            arrays[name, in_box] = wb._named_styles[_register(wb, name, in_box)].as_tuple()
        cell._style = copy(arrays[name, in_box])

    for block in spec.blocks:
        for r, row in enumerate(block.values, start=block.row):
            for c, value in enumerate(row, start=block.col):
                cell = ws.cell(r, c, value)
                if cell.data_type == "f":  # text from the user is never a live formula
                    cell.data_type = "s"
                if block.span > 1:
                    # Not ws.merge_cells: it copies the first cell's borders onto the others,
                    # one Border object a cell (most of the render time), and checks each new
                    # range against all earlier ones; the spec's merges never overlap, and the
                    # boxes below give every cell of a table its borders.
                    last = get_column_letter(c + block.span - 1)
                    ws.merged_cells.ranges.add(MergedCellRange(ws, f"{cell.coordinate}:{last}{r}"))
                style(cell, block.style, (r, c) in boxed)
                boxed.discard((r, c))
    for r, c in sorted(boxed):
        style(ws.cell(r, c), BOX_STYLE, True)


def render(wb: Workbook, spec: SheetSpec, index: int | None = None) -> Worksheet:
    """Add the sheet described by ``spec`` to ``wb`` (the caller has removed any old one)."""
    ws = wb.create_sheet(spec.name, index)
    for n, width in enumerate(spec.widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = width
    _write_cells(wb, ws, spec)
    for row, height in spec.heights.items():
        ws.row_dimensions[row].height = height
    if spec.printed:  # the checks sheet is not printed with the report
        page_setup(ws, landscape=spec.landscape, one_page=spec.one_page, scale=spec.scale)
        for row in spec.row_breaks:  # brk id: zero-based, the break above it (ECMA-376 §18.3.1.3)
            ws.row_breaks.append(Break(id=row - 1))
        ws.print_area = spec.print_area
        if spec.print_title_rows:
            ws.print_title_rows = spec.print_title_rows
        ws.oddFooter.center.text = page.FOOTER
    ws.sheet_view.showGridLines = spec.gridlines
    if spec.chart is not None:
        ws.add_chart(_chart(ws, spec.chart), spec.chart.anchor)
    for validation in spec.validations:
        ws.add_data_validation(drop_down(validation))
    assert ws[MARKER_CELL].value is not None, "every generated sheet carries its marker"
    return ws


def _thai_text(size: int = 1200, bold: bool = False) -> RichText:
    """Chart text in a Thai font; without it Thai labels break mid-word in renders."""
    props = CharacterProperties(
        latin=DrawingFont(typeface=FONT), cs=DrawingFont(typeface=FONT), sz=size, b=bold
    )
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def drop_down(validation: Validation) -> DataValidation:
    """Excel's list validation: the options as a quoted, comma-separated ``formula1`` (at most
    255 characters, Microsoft "Apply data validation to cells"); a value not in the list is
    warned about, not refused (``errorStyle="warning"``), so nothing a user types is lost."""
    formula = '"' + ",".join(validation.options) + '"'
    if len(formula) - 2 > 255 or any("," in o or '"' in o for o in validation.options):
        raise ValueError(f"a list validation cannot hold {validation.options!r}")
    rule = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,  # sic: False shows the in-cell arrow (ECMA-376 showDropDown)
        showInputMessage=bool(validation.prompt),
        promptTitle=validation.title or None,
        prompt=validation.prompt or None,
        showErrorMessage=True,
        errorStyle="warning",
    )
    rule.add(validation.cells)
    return rule


def _chart(ws: Worksheet, spec: Chart) -> LineChart | BarChart:
    if spec.kind == "bar":
        return _bar_chart(ws, spec)
    chart = LineChart()
    chart.title = spec.title
    chart.y_axis.title = spec.y_title
    chart.x_axis.title = spec.x_title
    chart.height, chart.width = spec.height / CM, spec.width / CM
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


def _bar_chart(ws: Worksheet, spec: Chart) -> BarChart:
    """A column chart of counts (e.g. measures by status): the axis from 0, not capped."""
    chart = BarChart()
    chart.type = "col"
    chart.title = spec.title
    chart.y_axis.title = spec.y_title
    chart.x_axis.title = spec.x_title
    chart.height, chart.width = spec.height / CM, spec.width / CM
    chart.legend = None
    min_col, min_row, max_col, max_row = range_boundaries(spec.values)
    chart.add_data(Reference(ws, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row))
    min_col, min_row, max_col, max_row = range_boundaries(spec.categories)
    chart.set_categories(Reference(ws, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row))
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorUnit = 1
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.y_axis.txPr = _thai_text()
    chart.x_axis.txPr = _thai_text()
    return chart


def page_setup(ws: Worksheet, *, landscape: bool, one_page: bool = False, scale: int | None = None) -> None:
    """The one page setup of every printed sheet (``ita_xl.core.page``): fit to one page wide
    (and, for ``one_page``, one tall: ECMA-376 Part 1 §18.3.1.63 pageSetup fitToHeight), or, for
    a sheet whose pages ``page.paginate`` laid out, its fixed ``scale`` and margins."""
    ws.page_setup.paperSize = page.PAPER_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = page.FIT_PAGES_WIDE
    ws.page_setup.fitToHeight = 1 if one_page else page.FIT_PAGES_TALL
    ws.sheet_properties.pageSetUpPr.fitToPage = scale is None
    ws.print_options.horizontalCentered = page.CENTRED
    ws.page_margins.left = ws.page_margins.right = page.SIDE_MARGIN_INCHES
    if scale is not None:
        ws.page_setup.scale = scale
        ws.page_margins.top, ws.page_margins.bottom = page.TOP_MARGIN_INCHES, page.BOTTOM_MARGIN_INCHES
        ws.page_margins.header, ws.page_margins.footer = page.HEADER_INCHES, page.FOOTER_INCHES
