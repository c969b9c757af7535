"""Render a ``SheetSpec`` into a live workbook through the xlwings Book API. No content logic.

In desktop Excel every call is a round trip, and with xlwings Server each call is an action
sent back to Excel, so the writes are batched: all values (and the marker) in one call,
sheet-wide defaults once (font, size, wrap, top alignment), each style property once per
rectangle that ``paint`` plans (on the remote engine every fill in one ``set_colors``,
``fill_matrix``), borders once per box, merges once per run of rows with the same columns,
one height for all rows and then one per run of rows that differ (``height_plan``). A remote
action addresses one rectangle, so a run of rows is as far as a height or a merge can be
batched. ``paint``, ``fill_matrix`` and ``height_plan`` are pure and tested by replaying them
cell by cell. ``render`` returns how many xlwings operations it
made; the benchmark reports them with the remote engine's action counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from ita_xl.core import page
from ita_xl.core.cells import split_address
from ita_xl.core.sheets import MARKER_CELL, STYLES, Block, SheetSpec, Validation

#: What the whole print area gets first: the plain cell style (font, size, wrap, alignment).
DEFAULTS = STYLES["cell"]


@dataclass
class Ops:
    """Counts xlwings calls that write to the book."""

    count: int = 0

    def __call__(self, n: int = 1) -> None:
        self.count += n


#: Style properties the painter sets, with the value a new sheet has after the sheet-wide
#: defaults. ``fill`` shows on every cell but the hidden ones of a merged range (which
#: shows its first cell's); the others only on a cell that shows a value, and a number
#: format only on a number.
PROPERTIES: dict[str, Any] = {
    "size": DEFAULTS["size"],
    "bold": False,
    "italic": False,
    "color": None,
    "fill": None,
    "align": None,
    "valign": DEFAULTS["valign"],
    "wrap": DEFAULTS["wrap"],
    "number_format": None,
}


def _desired(spec: SheetSpec) -> dict[str, dict[tuple[int, int], Any]]:
    """For each property, the value every cell that shows it must have: (row, col) -> value."""
    wanted: dict[str, dict[tuple[int, int], Any]] = {name: {} for name in PROPERTIES}
    copies = spec.copied_rows  # copied whole from their heading row (``render``): any style here
    for row in range(1, spec.last_row + 1):
        for col in range(1, spec.last_col + 1):
            if row not in copies:
                wanted["fill"][(row, col)] = None
    for block in spec.blocks:
        if block.style == "marker" or block.row in copies:
            continue
        props = STYLES[block.style]
        for r, values in enumerate(block.values):
            row = block.row + r
            for c, value in enumerate(values):
                col = block.col + c
                wanted["fill"][(row, col)] = props.get("fill")
                for hidden in range(col + 1, col + (block.span if len(values) == 1 else 1)):
                    del wanted["fill"][(row, hidden)]  # a merged range shows its first cell's fill
                if value is None or value == "":
                    continue
                for name, default in PROPERTIES.items():
                    if name not in ("fill", "number_format"):
                        wanted[name][(row, col)] = props.get(name, default)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    wanted["number_format"][(row, col)] = props.get("number_format")
    return wanted


def paint(spec: SheetSpec) -> list[tuple[str, str, Any]]:
    """(address, property, value) settings that give every shown cell its style.

    A cell nobody sees a property of (an empty cell's boldness, a text's number format)
    may take any value, so a setting covers the largest rectangle it can without touching
    a cell that must differ: a table's number column and the columns beside it become one
    range, a section heading and the table header under it share their bold.
    """
    wanted = _desired(spec)
    plan = []
    for name, default in PROPERTIES.items():
        cells = wanted[name]
        for value in sorted({v for v in cells.values() if v != default}, key=str):
            targets = {cell for cell, v in cells.items() if v == value}

            def allowed(cell: tuple[int, int], value: Any = value, cells: dict = cells) -> bool:
                return cells.get(cell, value) == value

            for rect in _cover(targets, allowed, spec.last_row, spec.last_col):
                plan.append((_address(*rect), name, value))
    return plan


#: What makes Excel read typed text as a formula (OWASP "CSV injection"), after blanks.
FORMULA_STARTS = ("=", "+", "-", "@")


def _formula_like(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    text = value.lstrip(" \t\r\n")
    return len(text) > 1 and text.startswith(FORMULA_STARTS)


def as_text(grid: list[list[Any]]) -> list[list[Any]]:
    """The grid with every string Excel would take as a formula prefixed by an apostrophe.

    Excel keeps a leading apostrophe as the cell's prefix character: the cell shows and
    returns the text without it, as text, never evaluated.
    """
    return [["'" + v if _formula_like(v) else v for v in row] for row in grid]


def sets_page_breaks(book: Any) -> bool:
    """Whether ita-xl can set the page breaks of ``book``: desktop Excel through COM/AppleScript
    (``HPageBreaks``); xlwings' remote engine (Excel on the web, xlwings Lite) has no page-setup
    call besides the print area, so there the analysis is written without its page layout."""
    return _engine(book) == "excel"


def render(book: Any, spec: SheetSpec, after: Any = None) -> int:
    """Add the sheet ``spec`` describes to ``book`` (after ``after``); returns the operation count."""
    ops = Ops()
    sheet = book.sheets.add(spec.name, after=after)
    ops()
    sheet["A1"].value = as_text(spec.value_grid())  # the marker too: one write for the whole sheet
    area = sheet.range(spec.used_area)
    area.font.name = DEFAULTS["font"]
    area.font.size = DEFAULTS["size"]
    area.wrap_text = DEFAULTS["wrap"]
    area.vertical_alignment = DEFAULTS["valign"]
    ops(5)
    sheet[MARKER_CELL].font.color = "#" + STYLES["marker"]["color"]
    ops()
    common = max(spec.widths, key=spec.widths.count)
    if spec.widths.count(common) > 1:  # one call for the columns of the commonest width
        sheet.range(f"A:{get_column_letter(len(spec.widths))}").column_width = common
        ops()
    for n, width in enumerate(spec.widths, start=1):
        if width != common or spec.widths.count(common) == 1:
            letter = get_column_letter(n)
            sheet.range(f"{letter}:{letter}").column_width = width
            ops()
    ops(_paint(sheet, spec, remote=_engine(book) == "remote"))
    for address in _merge_runs(list(spec.blocks)):
        sheet.range(address).merge(across=True)
        ops()
    last = get_column_letter(spec.last_col)
    for row, heading in spec.repeated_rows:  # a heading row's copy: its styles and merges at once
        sheet.range(f"A{heading}:{last}{heading}").copy(sheet.range(f"A{row}"))
        ops()
    for box in spec.boxes:
        sheet.range(box).borders.line_style = "continuous"
        ops()
    base, runs = height_plan(spec.heights)
    sheet.range(f"1:{spec.last_row}").row_height = base
    ops()
    for first, last, height in runs:
        sheet.range(f"{first}:{last}").row_height = height
        ops()
    sheet.show_gridlines = spec.gridlines
    ops()
    if spec.printed:
        sheet.page_setup.print_area = spec.print_area
        ops()
        if sets_page_breaks(book):
            ops(_desktop_page_setup(sheet, spec))
    if spec.chart is not None:
        chart = sheet.charts.add(
            anchor=sheet[spec.chart.anchor], width=spec.chart.width, height=spec.chart.height
        )
        chart.chart_type = "column_clustered" if spec.chart.kind == "bar" else "line_markers"
        chart.set_source_data(sheet.range(_joined(spec.chart.categories, spec.chart.values)))
        ops(3)
    for validation in spec.validations:
        ops(_validation(sheet, validation))
    return ops.count


def _paint(sheet: Any, spec: SheetSpec, *, remote: bool) -> int:
    """The styles ``paint`` plans; on the remote engine every fill in one action (xlwings'
    ``Range.set_colors``, ``fill_matrix``). Returns the operation count."""
    fills = fill_matrix(spec) if remote else None
    count = 0
    for address, name, value in paint(spec):
        if name != "fill" or fills is None:
            _set(sheet.range(address), name, value)
            count += 1
    if fills is not None:
        sheet.range(fills[0]).set_colors(fills[1])
        count += 1
    return count


def _engine(book: Any) -> str | None:
    """xlwings' engine behind ``book``: "excel" (desktop, COM), "remote" (xlwings' remote
    engine: Office.js, as in xlwings Lite and the tests), or None for a stand-in."""
    engine = getattr(book.app, "engine", None)
    return None if engine is None else engine.name


#: ``Range.set_colors`` takes at most this many cells a call (xlwings 0.37.8, main.py).
SET_COLORS_LIMIT = 10_000


def fill_matrix(spec: SheetSpec) -> tuple[str, list[list[Any]]] | None:
    """Every fill ``paint`` would set, as one range and its matrix for xlwings'
    ``Range.set_colors`` (xlwings 0.37.5 on): a colour where a cell shows a fill, ``...`` ("leaves
    that cell's existing fill unchanged", the docstring) elsewhere, the new sheet's none.

    On the remote engine that is one action (``setRangeColors``) where the rectangles of
    ``paint`` are one each, since an action addresses one rectangle
    (``getRangeByIndexes(start_row, start_column, row_count, column_count)``, xlwings.ts).
    Desktop Excel gets the rectangles: there ``set_colors`` is a COM call a cell. None when
    nothing is filled or the range is over the call's limit."""
    wanted = {cell: fill for cell, fill in _desired(spec)["fill"].items() if fill is not None}
    if not wanted:
        return None
    rows = [row for row, _ in wanted]
    cols = [col for _, col in wanted]
    first_row, first_col, last_row, last_col = min(rows), min(cols), max(rows), max(cols)
    if (last_row - first_row + 1) * (last_col - first_col + 1) > SET_COLORS_LIMIT:
        return None
    matrix = [
        ["#" + wanted[r, c] if (r, c) in wanted else ... for c in range(first_col, last_col + 1)]
        for r in range(first_row, last_row + 1)
    ]
    return _address(first_row, first_col, last_row, last_col), matrix


def _validation(sheet: Any, validation: Validation) -> int:
    """A drop-down list (xlwings' ``Range.data_validation.set_list``); engines without it
    (xlwings' remote engine behind a client other than Office.js) leave the cells plain: the
    checks still warn on a value not in the list. Returns the operation count."""
    try:
        rule = sheet.range(validation.cells).data_validation
        rule.set_list(list(validation.options), in_cell_dropdown=True)
    except NotImplementedError:
        return 0
    return 1


def _desktop_page_setup(sheet: Any, spec: SheetSpec) -> int:
    """A4, fit to one page wide, repeated header rows: desktop Excel only, through COM.

    Not exercised by the tests (they run without Excel); the remote engine has no
    page-setup call, so Excel on the web keeps its defaults.
    """
    setup = sheet.api.PageSetup
    setup.PaperSize = page.PAPER_A4
    setup.Orientation = 2 if spec.landscape else 1  # xlLandscape / xlPortrait
    setup.Zoom = False
    setup.FitToPagesWide = page.FIT_PAGES_WIDE
    setup.FitToPagesTall = 1 if spec.one_page else page.FIT_PAGES_TALL or False
    setup.CenterHorizontally = page.CENTRED
    setup.LeftMargin = setup.RightMargin = page.SIDE_MARGIN_INCHES * 72  # points
    if spec.print_title_rows:
        setup.PrintTitleRows = "$" + spec.print_title_rows.replace(":", ":$")
    setup.CenterFooter = page.FOOTER
    return 11 + _desktop_breaks(sheet, spec)


#: Excel's XlPageBreak constant for a manual break (Range.PageBreak).
XL_PAGE_BREAK_MANUAL = -4135


def _desktop_breaks(sheet: Any, spec: SheetSpec) -> int:
    """A sheet whose pages ``page.paginate`` laid out: its fixed scale (a fit-to setting would
    override it, PageSetup.Zoom) and margins, and a manual break above the first row of each
    page (``Rows(n).PageBreak = xlPageBreakManual``). Returns the operation count."""
    if spec.scale is None:
        return 0
    setup = sheet.api.PageSetup
    setup.Zoom = spec.scale
    setup.TopMargin, setup.BottomMargin = page.TOP_MARGIN_INCHES * 72, page.BOTTOM_MARGIN_INCHES * 72
    setup.HeaderMargin, setup.FooterMargin = page.HEADER_INCHES * 72, page.FOOTER_INCHES * 72
    for row in spec.row_breaks:
        sheet.api.Rows(row).PageBreak = XL_PAGE_BREAK_MANUAL
    return 5 + len(spec.row_breaks)


def _merge_runs(blocks: list[Block]) -> list[str]:
    """Rectangles to merge row by row: blocks with the same columns, row after row, any style."""
    runs: list[list[int]] = []
    for block in sorted((b for b in blocks if b.span > 1), key=lambda b: (b.col, b.last_col, b.row)):
        last = runs[-1] if runs else None
        if last and last[0] == block.col and last[1] == block.last_col and last[3] + 1 == block.row:
            last[3] = block.last_row
        else:
            runs.append([block.col, block.last_col, block.row, block.last_row])
    return [_address(r, c, lr, lc) for c, lc, r, lr in runs]


def _set(rng: Any, name: str, value: Any) -> None:
    """One style property on one range: one xlwings call."""
    if name in ("size", "bold", "italic"):
        setattr(rng.font, name, value)
    elif name == "color":
        rng.font.color = "#" + value
    elif name == "fill":
        rng.color = "#" + value
    elif name == "align":
        rng.horizontal_alignment = value
    elif name == "valign":
        rng.vertical_alignment = value
    elif name == "wrap":
        rng.wrap_text = value
    elif name == "number_format":
        rng.number_format = value
    else:  # pragma: no cover - PROPERTIES and this list are kept together
        raise ValueError(name)


def _cover(
    targets: set[tuple[int, int]],
    allowed: Callable[[tuple[int, int]], bool],
    last_row: int,
    last_col: int,
) -> list[tuple[int, int, int, int]]:
    """Few rectangles (first_row, first_col, last_row, last_col) over ``targets`` and allowed cells.

    Greedy: from each target not yet covered, grow down then across, and across then down,
    keep whichever covers more targets; done in row order and in column order, the shorter
    list wins. Not always the fewest, but a table's columns come out as one range each.
    """

    def grow(row: int, col: int, down_first: bool) -> tuple[int, int, int, int]:
        last_r, last_c = row, col
        if down_first:
            while last_r < last_row and allowed((last_r + 1, col)):
                last_r += 1
            while last_c < last_col and all(allowed((r, last_c + 1)) for r in range(row, last_r + 1)):
                last_c += 1
        else:
            while last_c < last_col and allowed((row, last_c + 1)):
                last_c += 1
            while last_r < last_row and all(allowed((last_r + 1, c)) for c in range(col, last_c + 1)):
                last_r += 1
        return row, col, last_r, last_c

    def inside(rect: tuple[int, int, int, int]) -> set[tuple[int, int]]:
        return {(r, c) for r, c in targets if rect[0] <= r <= rect[2] and rect[1] <= c <= rect[3]}

    best: list[tuple[int, int, int, int]] | None = None
    for order in (lambda cell: cell, lambda cell: (cell[1], cell[0])):
        left, rects = set(targets), []
        for cell in sorted(targets, key=order):
            if cell in left:
                rect = max((grow(*cell, True), grow(*cell, False)), key=lambda r: len(inside(r) & left))
                rects.append(rect)
                left -= inside(rect)
        if best is None or len(rects) < len(best):
            best = rects
    return best or []


def _address(first_row: int, first_col: int, last_row: int, last_col: int) -> str:
    return f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"


def height_plan(heights: dict[int, float]) -> tuple[float, list[tuple[int, int, float]]]:
    """A height for every row at once, then (first, last, height) for the runs that differ.

    The height set first is the one that leaves the fewest runs, not always the commonest.
    """
    best: tuple[float, list[tuple[int, int, float]]] | None = None
    for base in sorted(set(heights.values())):
        runs: list[list[Any]] = []
        for row in sorted(r for r, h in heights.items() if h != base):
            if runs and runs[-1][1] + 1 == row and runs[-1][2] == heights[row]:
                runs[-1][1] = row
            else:
                runs.append([row, row, heights[row]])
        if best is None or len(runs) < len(best[1]):
            best = (base, [(first, last, height) for first, last, height in runs])
    assert best is not None, "a sheet has rows"
    layered = _layered_heights(heights)
    return layered if layered is not None and len(layered[1]) < len(best[1]) else best


def _layered_heights(heights: dict[int, float]) -> tuple[float, list[tuple[int, int, float]]] | None:
    """The fewest settings when a later one may overwrite an earlier one (``1-3: 52`` then
    ``2: 28``), in the order to apply them: the "strange printer" recurrence over the runs of
    equal heights, with each candidate base as a run before the first row. None for a sheet
    of more than 80 runs (the search is cubic in them)."""
    rows = sorted(heights)
    segments: list[list[Any]] = []
    for row in rows:
        if segments and segments[-1][2] == heights[row] and segments[-1][1] + 1 == row:
            segments[-1][1] = row
        else:
            segments.append([row, row, heights[row]])
    if len(segments) > 80 or rows != list(range(rows[0], rows[-1] + 1)):
        return None
    best = None
    for base in sorted(set(heights.values())):
        plan = _strange_printer([(rows[0], rows[0] - 1, base)] + [tuple(s) for s in segments])
        if best is None or len(plan) < len(best):
            best = plan
    assert best is not None
    return best[0][2], [(first, last, height) for first, last, height in best[1:] if first <= last]


def _strange_printer(segments: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Settings (first, last, height), in order, that leave each segment its height; the first
    one starts at the first segment."""
    cache: dict[tuple[int, int], list[tuple[int, int, float]]] = {}

    def solve(i: int, j: int) -> list[tuple[int, int, float]]:
        if i > j:
            return []
        if (i, j) not in cache:
            first, last, height = segments[i]
            best = [(first, last, height), *solve(i + 1, j)]
            for k in range(i + 1, j + 1):
                if segments[k][2] == height:
                    joined, *rest = solve(k, j)
                    plan = [(first, joined[1], height), *solve(i + 1, k - 1), *rest]
                    if len(plan) < len(best):
                        best = plan
            cache[i, j] = best
        return cache[i, j]

    return solve(0, len(segments) - 1)


def _joined(categories: str, values: str) -> str:
    """The two adjacent columns of a chart's categories and values as one range."""
    first = categories.split(":")[0]
    last = values.split(":")[1]
    return f"{first}:{last}"


def style_rows(sheet: Any, spec: SheetSpec, first: int, last: int) -> int:
    """Give rows ``first``..``last`` of a sheet already in the book the styles ``spec`` gives
    them, as ``render`` does on a new sheet: used for rows inserted into a table a refresh keeps
    in place (``ita_xl.live.progress``). Their formats are cleared first (Excel gives an inserted
    row its neighbour's), then the sheet-wide defaults, each ``paint`` setting, merge and border
    clipped to the rows; row heights are the caller's. Returns the operation count."""
    ops = Ops()
    area = sheet.range(f"A{first}:{get_column_letter(spec.last_col)}{last}")
    area.clear_formats()
    area.font.name = DEFAULTS["font"]
    area.font.size = DEFAULTS["size"]
    area.wrap_text = DEFAULTS["wrap"]
    area.vertical_alignment = DEFAULTS["valign"]
    ops(5)
    for address, name, value in paint(spec):
        if clipped := _clipped(address, first, last):
            _set(sheet.range(clipped), name, value)
            ops()
    for address in _merge_runs([b for b in spec.blocks if first <= b.row and b.last_row <= last]):
        sheet.range(address).merge(across=True)
        ops()
    for box in spec.boxes:
        if clipped := _clipped(box, first, last):
            sheet.range(clipped).borders.line_style = "continuous"
            ops()
    return ops.count


def _clipped(address: str, first: int, last: int) -> str | None:
    """The part of the rectangle ``address`` ("A5:N12") in rows ``first``..``last``, or None."""
    start, _, end = address.partition(":")
    (top, left), (bottom, right) = split_address(start), split_address(end or start)
    top, bottom = max(top, first), min(bottom, last)
    return _address(top, left, bottom, right) if top <= bottom else None


def set_validations(sheet: Any, spec: SheetSpec) -> int:
    """The drop-down lists of ``spec`` on a sheet already in the book (each replaces the rule of
    its cells). Returns the operation count."""
    return sum(_validation(sheet, validation) for validation in spec.validations)
