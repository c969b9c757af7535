"""How every printed sheet is set up: one rule for the template, the generated sheets and Excel.

A4 (the size of Thai official documents), one page wide and as many pages tall as needed,
centred, with narrow side margins so the Thai text columns keep their width. The openpyxl
adapter writes these into the file; the live-book adapter sets them through COM on desktop
Excel (the remote engine has no page-setup call).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

PAPER_A4 = 9  # xlPaperA4 in Excel's object model; openpyxl's PAPERSIZE_A4 is the same code
FIT_PAGES_WIDE = 1
FIT_PAGES_TALL = 0  # 0 (False in Excel's object model): as many as the content needs
CENTRED = True
SIDE_MARGIN_INCHES = 0.4
#: The footer of a generated sheet: its page number and the sheet's pages, in Excel's header and
#: footer codes (&P the page number, &N the number of pages: ECMA-376 Part 1 §18.3.1.36
#: headerFooter; Excel's "Header and footer codes").
FOOTER = "หน้า &P จาก &N"

# --------------------------------------------------------------------------- page breaks
# A sheet holding several tables (the analysis) cannot repeat its headings with Excel's print
# titles (one row range a sheet), so its pages are laid out here: from the row heights and the
# printable height of an A4 page at the sheet's print scale, a manual break (ECMA-376 Part 1
# §18.3.1.74 rowBreaks, §18.3.1.3 brk: "Breaks occur above the specified row", zero-based id,
# man="1" a manual break) before each page, moved up so that no heading ends a page, and a copy
# of a table's heading row after a break that falls inside the table.
#
# Such a sheet is printed at a fixed scale (ECMA-376 §18.3.1.63 pageSetup ``scale``, Excel's
# PageSetup.Zoom, 10-400 percent), not "fit to 1 page wide": a fit-to setting overrides the
# scale (with ``fitToPage`` the page's scale is whatever Excel computes), so the height of a
# page in the sheet's points would not be known and the breaks would fall elsewhere.


#: A4 in points: 210 x 297 mm (1 inch = 25.4 mm = 72 points).
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)
#: Top and bottom margins, and the header's and footer's distance from the edge, of a sheet
#: with computed breaks: Excel's "Normal" margins (0.75 inch, 0.3 inch), written explicitly so
#: the printable height is the same in a file and in a live book.
TOP_MARGIN_INCHES = BOTTOM_MARGIN_INCHES = 0.75
HEADER_INCHES = FOOTER_INCHES = 0.3
#: Pixels of the widest digit of the workbook's Normal font, at 96 dpi: Calibri 11, the Normal
#: font of openpyxl's workbooks and so of the template (assumed for a user's workbook made from
#: it). A column's width in pixels is Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW)
#: (ECMA-376 Part 1 §18.3.1.13 col, ``width``).
MAX_DIGIT_WIDTH_PX = 7
#: What the scale leaves spare of the printable width: LibreOffice measures a column from the
#: digit width unrounded (7.4 pixels for Carlito, Calibri's metric twin, against Excel's 7), so
#: it draws the analysis sheet about 6 percent wider than the formula: measured, it fits one
#: page wide at 68 percent, not at 69 (tests/test_render_lo.py).
WIDTH_SLACK = 0.94
#: Excel draws a row in whole pixels (0.75 point at 96 dpi): a row may take up to that much more.
PIXEL_POINTS = 0.75


def width_pixels(width: float) -> int:
    """A ``<col width>`` in pixels, as Excel draws it (ECMA-376 Part 1 §18.3.1.13): two widths
    Excel draws alike are the same width (Excel may save a width with other decimals)."""
    mdw = MAX_DIGIT_WIDTH_PX
    return math.trunc(((256 * width + math.trunc(128 / mdw)) / 256) * mdw)


def column_points(width: float) -> float:
    """A column's printed width at 100 percent, in points (ECMA-376 §18.3.1.13)."""
    return width_pixels(width) * PIXEL_POINTS


def _paper(landscape: bool) -> tuple[float, float]:
    width, height = A4_POINTS
    return (height, width) if landscape else (width, height)


def print_scale(widths: Sequence[float], landscape: bool = False) -> int:
    """The whole percent at which the columns fit one page wide (at most 100, at least 10)."""
    paper_width, _ = _paper(landscape)
    printable = paper_width - 2 * SIDE_MARGIN_INCHES * 72
    sheet = sum(column_points(w) for w in widths)
    return max(10, min(100, math.floor(100 * printable * WIDTH_SLACK / sheet)))


def page_height(scale: int, landscape: bool = False) -> float:
    """The points of a sheet's rows that one page holds at ``scale`` percent."""
    _, paper_height = _paper(landscape)
    printable = paper_height - (TOP_MARGIN_INCHES + BOTTOM_MARGIN_INCHES) * 72
    return printable * 100 / scale


def drawn_height(points: float) -> float:
    """A row's height as drawn: rounded up to whole pixels."""
    return math.ceil(points / PIXEL_POINTS - 1e-9) * PIXEL_POINTS


@dataclass(frozen=True)
class Flow:
    """What the breaks must respect, by row (1-based).

    ``keep_with_next``: rows that must not end a page (headings, a table's heading row);
    ``tables``: (first heading row, last heading row, last row) of each table, whose heading
    rows are repeated after a break inside its body; ``together``: (first, last) row ranges
    never broken when they fit on one page (a chart and the table it reads).
    """

    keep_with_next: frozenset[int] = frozenset()
    tables: tuple[tuple[int, int, int], ...] = ()
    together: tuple[tuple[int, int], ...] = ()

    def table_at(self, row: int) -> tuple[int, int, int] | None:
        """The table whose body holds ``row`` (not its heading rows)."""
        return next((t for t in self.tables if t[1] < row <= t[2]), None)

    def cut(self, row: int, page_first: int) -> int:
        """Where a page must start so that it starts at or before ``row``: above the headings
        and kept ranges that lead to ``row``, never at or above ``page_first``."""
        cut = row
        while True:
            earlier = cut
            if cut - 1 in self.keep_with_next and cut - 1 > page_first:
                cut -= 1
            for first, last in self.together:
                if first < cut <= last and first > page_first:
                    cut = first
            if cut == earlier:
                return cut


Placed = list[tuple[int, bool]]


def lay_out(heights: Sequence[float], capacity: float, flow: Flow) -> tuple[Placed, list[int]]:
    """The rows in print order and where each page after the first starts.

    ``heights[r - 1]`` is row r's height. Returns (rows, starts): ``rows`` are (source row,
    is a repeated heading) in order, ``starts`` the 0-based positions in ``rows`` that begin a
    page. A row taller than a page gets a page of its own (and runs over, as in Excel).
    """
    rows: Placed = []
    starts: list[int] = []
    used, page_first, row = 0.0, 1, 1
    while row <= len(heights):
        height = drawn_height(heights[row - 1])
        if used + height > capacity and row > page_first:
            cut = flow.cut(row, page_first)
            position = rows.index((cut, False)) if cut < row else len(rows)
            del rows[position:]
            starts.append(position)
            used, page_first, row = 0.0, cut, cut
            table = flow.table_at(cut)
            if table is not None:
                for heading in range(table[0], table[1] + 1):
                    rows.append((heading, True))
                    used += drawn_height(heights[heading - 1])
            continue
        rows.append((row, False))
        used += height
        row += 1
    return rows, starts


def paginate(spec: Any, flow: Flow) -> Any:
    """``spec`` (a ``sheets.SheetSpec``) laid out on A4 pages at a fixed scale: its rows moved
    down by the heading copies, with its ``scale``, ``row_breaks`` (the first row of each page
    after the first) and ``repeated_rows`` ((copy, heading row) of each copy, which a document
    reader skips: Word repeats a table's heading row itself)."""
    scale = print_scale(spec.widths, spec.landscape)
    last = max(spec.heights)
    heights = [spec.heights.get(r, 0.0) for r in range(1, last + 1)]
    rows, starts = lay_out(heights, page_height(scale, spec.landscape), flow)
    new_of = {source: n for n, (source, copy) in enumerate(rows, start=1) if not copy}
    copies = [(n, source) for n, (source, copy) in enumerate(rows, start=1) if copy]

    def moved(row: int) -> int:
        return new_of.get(row, row + len(copies))

    blocks = [piece for block in spec.blocks for piece in _moved(block, moved)]
    blocks += [
        dataclasses.replace(block, row=n, values=(block.values[source - block.row],))
        for n, source in copies
        for block in spec.blocks
        if block.row <= source <= block.last_row
    ]
    chart = spec.chart
    if chart is not None:
        chart = dataclasses.replace(
            chart,
            anchor=_moved_address(chart.anchor, moved),
            categories=_moved_address(chart.categories, moved),
            values=_moved_address(chart.values, moved),
        )
    return dataclasses.replace(
        spec,
        blocks=tuple(blocks),
        heights={n: spec.heights.get(source, 0.0) for n, (source, _) in enumerate(rows, start=1)},
        boxes=tuple(_moved_address(box, moved) for box in spec.boxes),
        chart=chart,
        print_title_rows=spec.print_title_rows and _moved_address(spec.print_title_rows, moved),
        validations=tuple(
            dataclasses.replace(v, cells=_moved_address(v.cells, moved)) for v in spec.validations
        ),
        scale=scale,
        row_breaks=tuple(position + 1 for position in starts),
        repeated_rows=tuple((n, moved(source)) for n, source in copies),
    )


def _moved(block: Any, moved: Any) -> list[Any]:
    """A block at its new rows, split where rows were put between its rows."""
    pieces: list[tuple[int, list[Any]]] = []
    for r, values in enumerate(block.values, start=block.row):
        row = moved(r)
        if pieces and pieces[-1][0] + len(pieces[-1][1]) == row:
            pieces[-1][1].append(values)
        else:
            pieces.append((row, [values]))
    return [dataclasses.replace(block, row=row, values=tuple(values)) for row, values in pieces]


def _moved_address(address: str, moved: Any) -> str:
    """``A5:F9`` with its rows moved (a whole-row range ``5:5`` too)."""
    return re.sub(r"(\$?[A-Z]*\$?)(\d+)", lambda m: f"{m[1]}{moved(int(m[2]))}", address)
