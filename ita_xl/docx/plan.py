"""A ``SheetSpec`` read as a document: paragraphs and tables in reading order (no python-docx).

The sheet description (``ita_xl.core.sheets``) is a grid of blocks; a document is a flow.
This module reads the grid row by row, top to bottom, and decides what each row is:

* a **paragraph**: one value across the whole sheet width (a title, a subtitle, a section
  heading ``band``, a sentence in ``cell``, ``note``, ``warning`` or ``label``);
* a **table row**: anything else (several values side by side, or a header-styled row).
  Consecutive table rows form one table; a header row (every value in ``header`` or
  ``header_center``) after body rows starts a new table, and an empty row ends one. A table
  inside one of the sheet's ``boxes`` gets borders; one outside (a form's label and value
  side by side) gets none.

A chart is a ``ChartItem`` at its anchor row, drawn by ``ita_xl.docx.chart`` as a native
Word chart (a chart part with the figures cached) where the sheet places it: the analysis's
trend after its totals by year and its sentence, the progress report's counts after its
tables. Its figures are the cells the workbook's chart reads, read from the description (the
core's ``Chart``), never a second copy of them. A table of the same figures is kept only where
the document does not show them otherwise (a chart over cells outside the printed columns):
a chart's cached figures are not printed (the chart has no data labels, like the workbook's),
so without the table a reader of the printed page could not read them. Where the figures are
in a table of the document (the trend's totals by year, the progress summary's counts), the
chart comes alone: a second table would only repeat them.

Values are shown as the sheet shows them (``shown``): text as it is (the description has
converted its digits already), numbers in the number format of their style, in Thai digits
for the ``_thai`` style variants.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.cell import range_boundaries

from ita_xl.core.figures import format_number, to_thai_digits
from ita_xl.core.sheets import STYLES, THAI, THAI_DIGITS, Chart, SheetSpec
from ita_xl.core.textfit import display_length

#: Styles a full-width single value may have and still be read as a paragraph.
PARAGRAPH_STYLES = frozenset({"title", "subtitle", "band", "cell", "center", "label", "warning", "note"})
HEADER_STYLES = frozenset({"header", "header_center"})
SKIPPED_STYLES = frozenset({"marker"})


@dataclass(frozen=True)
class Cell:
    """One value of a table row: its first column (1-based), how many columns it spans, the
    text as shown, and its style in ``STYLES`` (a ``_thai`` variant included)."""

    col: int
    span: int
    text: str
    style: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str


@dataclass(frozen=True)
class Table:
    """Rows of cells on the sheet's column grid; the first ``header_rows`` rows repeat on every page."""

    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int
    boxed: bool
    #: Its own column weights and share of the text width (a chart's table), else the sheet's.
    weights: tuple[float, ...] = ()
    share: float = 1.0


@dataclass(frozen=True)
class ChartItem:
    """A sheet's chart with the figures it reads: the categories as the sheet shows them, the
    values as numbers (None for an empty cell), in the number format of their cells."""

    chart: Chart
    sheet: str
    categories: tuple[str, ...]
    values: tuple[float | None, ...]
    format_code: str


Item = Paragraph | Table | ChartItem


def base_style(style: str) -> str:
    """The style without its Thai-digits variant suffix."""
    return style.removesuffix(THAI)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _general(value: float) -> str:
    """Excel's General format for a number: an integral value without decimals."""
    if float(value).is_integer():
        return str(int(value))
    return format(value, ".10g")


def shown(value: Any, style: str) -> str:
    """A value as the sheet shows it in ``style``: numbers in the style's number format,
    in Thai digits for a ``_thai`` style (the core's ``format_number``); text unchanged."""
    if value is None:
        return ""
    if not _is_number(value):
        return str(value)
    fmt = STYLES[style].get("number_format", "General").removeprefix(THAI_DIGITS)
    text = _general(value) if fmt == "General" else format_number(value, len(fmt.partition(".")[2]))
    return to_thai_digits(text) if style.endswith(THAI) else text


def cells_by_row(spec: SheetSpec) -> dict[int, list[Cell]]:
    """Every value of every block (the marker apart), by row, left to right."""
    rows: dict[int, list[Cell]] = {}
    for block in spec.blocks:
        if base_style(block.style) in SKIPPED_STYLES:
            continue
        for r, values in enumerate(block.values, start=block.row):
            for c, value in enumerate(values, start=block.col):
                rows.setdefault(r, []).append(Cell(c, block.span, shown(value, block.style), block.style))
    for cells in rows.values():
        cells.sort(key=lambda cell: cell.col)
    return rows


def _boxed_rows(spec: SheetSpec) -> set[int]:
    rows: set[int] = set()
    for box in spec.boxes:
        _, first, _, last = range_boundaries(box)
        rows.update(range(first, last + 1))
    return rows


def _as_paragraph(cells: list[Cell], width: int) -> Paragraph | None:
    if len(cells) != 1:
        return None
    [cell] = cells
    if cell.col == 1 and cell.span >= width and base_style(cell.style) in PARAGRAPH_STYLES:
        return Paragraph(cell.text, cell.style)
    return None


def _is_header(cells: list[Cell]) -> bool:
    return all(base_style(cell.style) in HEADER_STYLES for cell in cells)


def plan(spec: SheetSpec) -> list[Item]:
    """The printed part of the sheet as paragraphs and tables, in reading order (see the
    module docstring)."""
    whole, spec = spec, spec.printed_part()
    rows = cells_by_row(spec)
    boxed = _boxed_rows(spec)
    chart = whole.chart
    shown_elsewhere = chart is not None and _shows_chart_data(spec, rows)
    anchor = range_boundaries(chart.anchor)[1] if chart else None
    items: list[Item] = []
    run: list[tuple[int, list[Cell]]] = []
    copies = spec.copied_rows

    def close() -> None:
        if run:
            items.append(_table(run, boxed))
            run.clear()

    for row in range(1, spec.last_row + 1):
        if row in copies:  # a heading copy for the sheet's printed pages: Word repeats its own
            continue
        if row == anchor:
            close()
            items.extend(chart_items(whole, shown_elsewhere))
        cells = rows.get(row, [])
        if not any(cell.text for cell in cells):
            close()
            continue
        paragraph = _as_paragraph(cells, spec.last_col)
        if paragraph is not None:
            close()
            items.append(paragraph)
            continue
        if run and _is_header(cells) and not _is_header(run[-1][1]):
            close()
        run.append((row, cells))
    close()
    if anchor is not None and anchor > spec.last_row:  # a chart below the last written row
        items.extend(chart_items(whole, shown_elsewhere))
    return items


def _shows_chart_data(spec: SheetSpec, rows: dict[int, list[Cell]]) -> bool:
    """Whether every cell the chart reads is in a table row of the document: a row that is
    printed (not a heading copy), holds text and is not a paragraph, with a value over the cell."""
    assert spec.chart is not None
    for r, c in _range_cells(spec.chart.categories) + _range_cells(spec.chart.values):
        cells = rows.get(r, [])
        if r in spec.copied_rows or not any(cell.text for cell in cells):
            return False
        if _as_paragraph(cells, spec.last_col) is not None:
            return False
        if not any(cell.col <= c < cell.col + cell.span for cell in cells):
            return False
    return True


def _table(run: list[tuple[int, list[Cell]]], boxed: set[int]) -> Table:
    headers = 0
    while headers < len(run) and _is_header(run[headers][1]):
        headers += 1
    return Table(
        tuple(tuple(cells) for _, cells in run),
        headers,
        all(row in boxed for row, _ in run),
    )


def chart_items(spec: SheetSpec, shown_elsewhere: bool = False) -> Iterator[Item]:
    """The chart at its anchor, read from the whole sheet (columns that do not print
    included), then, for a chart whose figures the document does not show otherwise, a
    two-column table of its categories and values under the chart (its title captions both)."""
    chart = spec.chart
    assert chart is not None
    grid = {(r, c.col): c for r, cells in cells_by_row(spec).items() for c in cells}
    raw = spec.value_grid()
    categories = _range_cells(chart.categories)
    values = _range_cells(chart.values)
    styles = [grid[cell].style for cell in values if cell in grid]
    fmt = STYLES[styles[0]].get("number_format", "General") if styles else "General"
    yield ChartItem(
        chart,
        spec.name,
        tuple(grid[cell].text if cell in grid else "" for cell in categories),
        tuple(_plotted(raw, r, c) for r, c in values),
        fmt,
    )
    if shown_elsewhere:
        return
    header = (
        Cell(1, 1, chart.x_title, "header_center"),
        Cell(2, 1, chart.y_title or chart.series_name, "header_center"),
    )
    body = []
    for category, value in zip(categories, values, strict=True):
        label, figure = grid.get(category), grid.get(value)
        body.append(
            (
                Cell(1, 1, label.text if label else "", "center"),
                Cell(2, 1, figure.text if figure else "", figure.style if figure else "center"),
            )
        )
    yield Table((header, *body), 1, True, weights=(1.0, 1.0), share=0.5)


def _plotted(grid: list[list[Any]], row: int, col: int) -> float | None:
    """What a chart plots for a cell: its number, 0 for text (Excel plots text as zero, as
    the count ``ไม่มี``), None for an empty cell (a gap)."""
    value = grid[row - 1][col - 1] if row <= len(grid) and col <= len(grid[row - 1]) else None
    if value is None or value == "":
        return None
    return float(value) if _is_number(value) else 0.0


def _range_cells(address: str) -> list[tuple[int, int]]:
    min_col, min_row, max_col, max_row = range_boundaries(address)
    return [(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


#: A character's width at 16 pt TH SarabunPSK, in em (16 pt, in centimetres ``EM_CM``): the
#: advance widths of Laksaman, the font's metric twin LibreOffice draws it with (package
#: fonts-thai-tlwg), bold where that is wider. A Thai digit is 0.685 em (0.70 taken), a full
#: stop 0.258 (0.26); any other character is taken as 0.60, on the generous side of the Thai
#: consonants (0.44 for ง to 0.67 for พ, most 0.55 to 0.65) and of Latin letters and digits
#: (0.544). At one width of 0.3 cm (0.53 em) for every character, LibreOffice broke ๒๕๖๖
#: and ๑๐๐.๐๐ across two lines in the columns sized for them.
EM_CM = 16 / 72 * 2.54
THAI_DIGIT_EM = 0.70
STOP_EM = 0.26
CHAR_EM = 0.60
#: A cell's left plus right padding, in centimetres.
PADDING_CM = 0.2
#: A column needs room for a word of at most this many characters unbroken (a score, a
#: code); longer Thai text wraps, as Word breaks Thai between words.
LONGEST_WORD = 7


def _advance(char: str) -> float:
    """The width of ``char`` in em (a combining mark takes none)."""
    if not display_length(char):
        return 0.0
    if "๐" <= char <= "๙":
        return THAI_DIGIT_EM
    return STOP_EM if char == "." else CHAR_EM


def _word_cm(text: str) -> float:
    """The width of the widest word of ``text`` that must not break, in centimetres: a longer
    word counts as ``LONGEST_WORD`` ordinary characters (it wraps anyway)."""
    widths = [
        LONGEST_WORD * CHAR_EM if display_length(word) > LONGEST_WORD else sum(map(_advance, word))
        for word in text.split()
    ]
    return max(widths, default=0.0) * EM_CM


def fit_widths(weights: Sequence[float], table: Table, total: float) -> list[float]:
    """Column widths (in ``total``'s unit, centimetres) for ``table``: the sheet's widths in
    proportion, each column widened to hold its longest short word (a score like ๑๐๐.๐๐ must
    not wrap digit by digit), the others narrowed in proportion to keep the total.

    The sheet's widths are for a page Excel shrinks to fit; a document prints at full size.
    """
    if table.weights:
        weights, total = table.weights, total * table.share
    columns = max(len(weights), max(c.col + c.span - 1 for row in table.rows for c in row))
    weights = list(weights) + [weights[-1]] * (columns - len(weights))
    need = [0.0] * columns
    for row in table.rows:
        for cell in row:
            if cell.span == 1:
                need[cell.col - 1] = max(need[cell.col - 1], _word_cm(cell.text) + PADDING_CM)
    widths = [total * w / sum(weights) for w in weights]
    short = [c for c in range(columns) if widths[c] < need[c]]
    if not short:
        return widths
    room = total - sum(need[c] for c in short)
    others = [c for c in range(columns) if c not in short]
    scale = room / sum(widths[c] for c in others) if others else 0
    return [need[c] if c in short else widths[c] * scale for c in range(columns)]
