"""Render a ``SheetSpec`` into a live workbook through the xlwings Book API. No content logic.

In desktop Excel every call is a round trip, and with xlwings Server each call is an action
sent back to Excel, so the writes are batched: all values in one call, sheet-wide defaults
once (font, size, wrap, top alignment), a style property once per run of same-styled
blocks, borders once per table, row heights once per run of equal heights.
``render`` returns how many xlwings operations it made; the benchmark reports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from ita_xl.sheets import MARKER, MARKER_CELL, STYLES, Block, SheetSpec

DEFAULTS = {"font": "TH SarabunPSK", "size": 16, "wrap": True, "valign": "top"}


@dataclass
class Ops:
    """Counts xlwings calls that write to the book."""

    count: int = 0

    def __call__(self, n: int = 1) -> None:
        self.count += n


def _runs(blocks: list[Block]) -> list[tuple[str, str]]:
    """(address, style) for rectangles of one style, joined across and down.

    Blocks of a style on the same rows and in adjacent columns (a table's header cells)
    join into one rectangle, then rectangles with the same columns, row after row, join,
    so a style property costs one call per rectangle rather than one per block.
    """
    rects: list[list[Any]] = []  # [first_row, last_row, first_col, last_col, style]
    for block in sorted((b for b in blocks if b.style != "marker"), key=lambda b: (b.row, b.col)):
        joined = next(
            (
                r
                for r in rects
                if r[4] == block.style
                and r[0] == block.row
                and r[1] == block.last_row
                and r[3] + 1 == block.col
            ),
            None,
        )
        if joined:
            joined[3] = block.last_col
        else:
            rects.append([block.row, block.last_row, block.col, block.last_col, block.style])
    merged: list[list[Any]] = []
    for rect in sorted(rects, key=lambda r: (r[2], r[3], r[4], r[0])):
        last = merged[-1] if merged else None
        if last and last[2:] == rect[2:] and last[1] + 1 == rect[0]:
            last[1] = rect[1]
        else:
            merged.append(list(rect))
    return [
        (f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}", style)
        for r1, r2, c1, c2, style in merged
    ]


def render(book: Any, spec: SheetSpec, after: Any = None) -> int:
    """Add the sheet ``spec`` describes to ``book`` (after ``after``); returns the operation count."""
    ops = Ops()
    sheet = book.sheets.add(spec.name, after=after)
    ops()
    area = sheet.range(spec.print_area)
    area.value = spec.value_grid()
    sheet[MARKER_CELL].value = MARKER
    area.font.name = DEFAULTS["font"]
    area.font.size = DEFAULTS["size"]
    area.wrap_text = DEFAULTS["wrap"]
    area.vertical_alignment = DEFAULTS["valign"]
    ops(6)
    marker = sheet[MARKER_CELL]
    marker.font.size, marker.font.color = STYLES["marker"]["size"], "#" + STYLES["marker"]["color"]
    ops(2)
    for n, width in enumerate(spec.widths, start=1):
        letter = get_column_letter(n)
        sheet.range(f"{letter}:{letter}").column_width = width
        ops()
    for address, style in _runs(list(spec.blocks)):
        ops(_style(sheet.range(address), STYLES[style]))
    for address in _merge_runs(list(spec.blocks)):
        sheet.range(address).merge(across=True)
        ops()
    for box in spec.boxes:
        sheet.range(box).borders.line_style = "continuous"
        ops()
    usual = max(set(spec.heights.values()), key=list(spec.heights.values()).count)
    sheet.range(f"1:{spec.last_row}").row_height = usual
    ops()
    for first, last, height in _height_runs({r: h for r, h in spec.heights.items() if h != usual}):
        sheet.range(f"{first}:{last}").row_height = height
        ops()
    sheet.page_setup.print_area = spec.print_area
    ops()
    if getattr(book.app, "engine", None) is not None and book.app.engine.name == "excel":
        ops(_desktop_page_setup(sheet, spec))
    if spec.chart is not None:
        chart = sheet.charts.add(anchor=sheet[spec.chart.anchor], width=420, height=220)
        chart.chart_type = "line_markers"
        chart.set_source_data(sheet.range(_joined(spec.chart.categories, spec.chart.values)))
        ops(3)
    return ops.count


def _desktop_page_setup(sheet: Any, spec: SheetSpec) -> int:
    """A4, fit to one page wide, repeated header rows: desktop Excel only, through COM.

    Not exercised by the tests (they run without Excel); the remote engine has no
    page-setup call, so Excel on the web keeps its defaults.
    """
    setup = sheet.api.PageSetup
    setup.PaperSize = 9  # xlPaperA4
    setup.Orientation = 2 if spec.landscape else 1  # xlLandscape / xlPortrait
    setup.Zoom = False
    setup.FitToPagesWide = 1
    setup.FitToPagesTall = False
    if spec.print_title_rows:
        setup.PrintTitleRows = "$" + spec.print_title_rows.replace(":", ":$")
    return 7


def _merge_runs(blocks: list[Block]) -> list[str]:
    """Rectangles to merge row by row: blocks with the same columns, row after row, any style."""
    runs: list[list[int]] = []
    for block in sorted((b for b in blocks if b.span > 1), key=lambda b: (b.col, b.last_col, b.row)):
        last = runs[-1] if runs else None
        if last and last[0] == block.col and last[1] == block.last_col and last[3] + 1 == block.row:
            last[3] = block.last_row
        else:
            runs.append([block.col, block.last_col, block.row, block.last_row])
    return [f"{get_column_letter(c)}{r}:{get_column_letter(lc)}{lr}" for c, lc, r, lr in runs]


def _style(rng: Any, props: dict[str, Any]) -> int:
    count = 0
    if props.get("size", DEFAULTS["size"]) != DEFAULTS["size"]:
        rng.font.size = props["size"]
        count += 1
    if props.get("bold"):
        rng.font.bold = True
        count += 1
    if props.get("italic"):
        rng.font.italic = True
        count += 1
    if "color" in props:
        rng.font.color = "#" + props["color"]
        count += 1
    if "fill" in props:
        rng.color = "#" + props["fill"]
        count += 1
    if "align" in props:
        rng.horizontal_alignment = props["align"]
        count += 1
    if props.get("valign", DEFAULTS["valign"]) != DEFAULTS["valign"]:
        rng.vertical_alignment = props["valign"]
        count += 1
    if props.get("wrap", DEFAULTS["wrap"]) != DEFAULTS["wrap"]:
        rng.wrap_text = props["wrap"]
        count += 1
    if "number_format" in props:
        rng.number_format = props["number_format"]
        count += 1
    return count


def _height_runs(heights: dict[int, float]) -> list[tuple[int, int, float]]:
    runs: list[list[Any]] = []
    for row in sorted(heights):
        if runs and runs[-1][1] + 1 == row and runs[-1][2] == heights[row]:
            runs[-1][1] = row
        else:
            runs.append([row, row, heights[row]])
    return [tuple(r) for r in runs]


def _joined(categories: str, values: str) -> str:
    """The two adjacent columns of a chart's categories and values as one range."""
    first = categories.split(":")[0]
    last = values.split(":")[1]
    return f"{first}:{last}"
