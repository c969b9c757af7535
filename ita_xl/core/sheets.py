"""One pure description of each generated sheet, rendered by both adapters.

A ``SheetSpec`` is blocks of values, each with a named style (``STYLES``: plain property
dicts), optional merging across columns, column widths, row heights, print settings and a
chart. ``ita_xl.xlsx.render`` writes it to a file, ``ita_xl.live.render`` into a live
book, block by block. Neither adapter decides anything about content.

Row heights are computed here for wrapped Thai text (``ita_xl.core.textfit``): neither openpyxl
nor LibreOffice autofits, and Excel autofits only rows without a set height.
"""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ita_xl.core import page
from ita_xl.core.analysis import ItemChange, Report, ToolAnalysis, TrendPoint
from ita_xl.core.cells import MARKER_CELL, column_letter, split_address
from ita_xl.core.closing import write_text_lists
from ita_xl.core.docparts import write_framework
from ita_xl.core.figures import PRINT_TOLERANCE, format_number, plain_number, round2, to_thai_digits
from ita_xl.core.framework import available_years, item_of_year, items_confirmed
from ita_xl.core.layout import NEW_ITEM
from ita_xl.core.narrative import item_name
from ita_xl.core.scoring import PassResult, level_words, pass_fail
from ita_xl.core.statements import partial_advice
from ita_xl.core.textfit import fit_height, row_height
from ita_xl.core.wording import CHART as CHART_TEXT
from ita_xl.core.wording import HEADERS, join_list, listed, say

ANALYSIS, MEASURES = "วิเคราะห์ผล", "มาตรการ"
FONT = "TH SarabunPSK"
MARKER = "ita-xl:generated:1"
#: Points in a centimetre (1 inch = 2.54 cm = 72 pt).
CM = 72 / 2.54
#: The trend chart's height; its width is the analysis grid's, so it fills the rows kept for it
#: inside the bordered grid (no empty boxed cells beside it) and prints one page wide.
TREND_CHART_HEIGHT = 10 * CM

_BASE = {"font": FONT, "size": 16, "wrap": True, "valign": "top"}
#: Few properties, shared: each one a style adds costs Excel a round trip per range
#: (``ita_xl.live.render``), and a header, a label and a section heading that share
#: their bold and fill are set together.
_SHADE = "DDEBF7"
STYLES: dict[str, dict[str, Any]] = {
    "title": {**_BASE, "size": 18, "bold": True, "align": "center"},
    "subtitle": {**_BASE, "align": "center"},
    "band": {**_BASE, "bold": True, "fill": _SHADE, "align": "center"},
    # A header aligns as its column does, so header and column are one range to align.
    "header": {**_BASE, "bold": True, "fill": _SHADE},
    "header_center": {**_BASE, "bold": True, "fill": _SHADE, "align": "center"},
    "cell": {**_BASE},
    "strong": {**_BASE, "bold": True},
    "center": {**_BASE, "align": "center"},
    "number": {**_BASE, "align": "center", "number_format": "0.00"},
    "label": {**_BASE, "bold": True, "fill": _SHADE},
    "warning": {**_BASE, "fill": "FFF2CC"},
    "note": {**_BASE, "italic": True},
    "marker": {**_BASE, "color": "FFFFFF", "wrap": False},
    # The tracking sheet (ita_xl.core.tracking): columns copied from the measures (grey: not
    # for input) and the dates staff type (shown as Thai dates, Buddhist era).
    "readonly": {**_BASE, "fill": "EDEDED", "color": "595959"},
    "date": {**_BASE, "align": "center", "number_format": "[$-107041E]d mmm yyyy"},
}
#: Excel's number-format prefix for Thai digits: ``[$-NNCCLLLL]`` with numeral system
#: NN = 0D (Thai digits), calendar CC = 00 (the cell's own), LCID LLLL = 041E (Thai), as
#: Excel writes it for a Thai-digit format. Numbers stay numbers (they sum, sort and chart)
#: and only show in Thai digits; LibreOffice 7.4 renders it so (tests/test_render_lo.py).
THAI_DIGITS = "[$-D00041E]"
#: Each style has a twin for blocks holding numbers in a unit that asks for Thai digits.
THAI = "_thai"
STYLES.update(
    {
        name + THAI: {**props, "number_format": THAI_DIGITS + props.get("number_format", "General")}
        for name, props in STYLES.items()
    }
)
#: A date in Thai digits: numeral system 0D with the Buddhist calendar (07) of the date style.
STYLES["date" + THAI]["number_format"] = "[$-D07041E]d mmm yyyy"


class CellAddress(str):
    """A ``sheet!cell`` address: shown as Excel writes it, never in Thai digits."""


class Code(str):
    """An id matched by other sheets (a measure's ``M-i10``): shown as it is, never in Thai digits."""


class Typed(str):
    """Text a user typed (a tracking sheet's result, a link): written back exactly as it was."""


@dataclass(frozen=True)
class Block:
    """A rectangle of values from (row, col), 1-based, all in one style.

    ``span`` > 1 merges each row of a one-column block across that many columns.
    """

    row: int
    col: int
    values: tuple[tuple[Any, ...], ...]
    style: str
    span: int = 1

    @property
    def last_row(self) -> int:
        return self.row + len(self.values) - 1

    @property
    def last_col(self) -> int:
        return self.col + max(len(r) for r in self.values) - 1 + (self.span - 1)

    @property
    def address(self) -> str:
        return f"{column_letter(self.col)}{self.row}:{column_letter(self.last_col)}{self.last_row}"


@dataclass(frozen=True)
class Chart:
    """A line chart of one series; ranges are on the same sheet."""

    title: str
    categories: str
    values: str
    series_name: str
    anchor: str
    y_title: str = ""
    x_title: str = ""
    #: "line" (a trend) or "bar" (counts, e.g. measures by status: the axis starts at 0 and
    #: is not capped at 100).
    kind: str = "line"
    #: The rows from the anchor down that the chart covers (kept free, inside the print area).
    rows: int = 0
    #: Its size in points, the same in every adapter (openpyxl takes centimetres, xlwings points).
    width: float = 14 * CM
    height: float = 7.5 * CM

    @property
    def last_row(self) -> int:
        return split_address(self.anchor)[0] + max(self.rows, 1) - 1


@dataclass(frozen=True)
class Validation:
    """A drop-down list on a range (Excel's data validation, type list): ``options`` offered,
    other entries warned about but allowed, so nothing a user typed is refused or lost."""

    cells: str
    options: tuple[str, ...]
    title: str = ""
    prompt: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str
    widths: tuple[float, ...]
    blocks: tuple[Block, ...]
    heights: dict[int, float] = field(default_factory=dict)
    #: Rectangles that get thin borders inside and out (the tables).
    boxes: tuple[str, ...] = ()
    chart: Chart | None = None
    print_title_rows: str | None = None
    landscape: bool = False
    #: Printed on one page, shrunk to fit if need be (a memo: Excel's "Fit Sheet on One Page").
    one_page: bool = False
    #: A printed form: no gridlines on screen either; borders are thin and black.
    gridlines: bool = False
    #: False for a working sheet (the checks): no print area and no page setup.
    printed: bool = True
    #: Drop-down lists on input cells (the tracking sheet's statuses and rounds).
    validations: tuple[Validation, ...] = ()
    #: The columns from A that print (0: all). A column right of them stays in the workbook but
    #: is neither printed nor published: the measures sheet's รหัส, which the tracking sheet and
    #: the choices sheet match rows by (``ita_xl.core.tracking``), is not part of the report.
    print_columns: int = 0
    #: Pages laid out by ``page.paginate``: the print scale in percent (None: fit to one page
    #: wide), the first row of each page after the first (manual breaks), and the rows that
    #: repeat a table's heading row after a break, as (copy, heading row): generated copies,
    #: which a document skips.
    scale: int | None = None
    row_breaks: tuple[int, ...] = ()
    repeated_rows: tuple[tuple[int, int], ...] = ()

    @property
    def copied_rows(self) -> frozenset[int]:
        """The rows that repeat a table's heading row (``repeated_rows``)."""
        return frozenset(row for row, _ in self.repeated_rows)

    @property
    def last_row(self) -> int:
        return max(b.last_row for b in self.blocks)

    @property
    def last_col(self) -> int:
        return len(self.widths)

    @property
    def print_area(self) -> str:
        """The blocks and the chart below them: the chart prints with the report."""
        return f"A1:{column_letter(self.print_columns or self.last_col)}{self._bottom}"

    @property
    def used_area(self) -> str:
        """The print area and the columns beside it that do not print (they take the font too)."""
        return f"A1:{column_letter(self.last_col)}{self._bottom}"

    @property
    def _bottom(self) -> int:
        return max(self.last_row, self.chart.last_row if self.chart else 0)

    def printed_part(self) -> SheetSpec:
        """The sheet as it prints: without the columns outside the print area (what a document of
        the report, ``ita_xl.docx``, shows)."""
        if not self.print_columns:
            return self
        keep = self.print_columns
        blocks = tuple(
            dataclasses.replace(
                b,
                values=tuple(row[: keep - b.col + 1] for row in b.values),
                span=min(b.span, keep - b.col + 1),
            )
            for b in self.blocks
            if b.col <= keep  # the marker (column Z) too: a document has no marker
        )
        boxes = tuple(re.sub(r":[A-Z]+", f":{column_letter(keep)}", box) for box in self.boxes)
        return dataclasses.replace(
            self, widths=self.widths[:keep], blocks=blocks, boxes=boxes, print_columns=0
        )

    def value_grid(self) -> list[list[Any]]:
        """All values as one rectangle from A1 (None where nothing is written).

        Beyond the print area too: the marker, and a chart's data.
        """
        width = max(b.last_col for b in self.blocks)
        grid: list[list[Any]] = [[None] * width for _ in range(self.last_row)]
        for block in self.blocks:
            for r, row in enumerate(block.values):
                for c, value in enumerate(row):
                    grid[block.row - 1 + r][block.col - 1 + c] = value
        return grid


class _Builder:
    """Appends blocks downwards and sizes rows for their wrapped text."""

    def __init__(
        self, widths: Sequence[float], thai: bool, print_columns: int = 0, spare: bool = False
    ) -> None:
        self.widths = tuple(widths)
        self.thai = thai
        #: The columns that print (0: all); a line spans them only (``SheetSpec.print_columns``).
        self.print_columns = print_columns
        #: Spare lines in rows of several lines (``textfit.fit_height``).
        self.spare = spare
        self.blocks: list[Block] = []
        self.heights: dict[int, float] = {}
        self.boxes: list[str] = []
        self.row = 1
        self.grid_top: int | None = None
        #: For the page breaks (``page.Flow``): rows that must not end a page, each table's
        #: (heading row, heading row, last row), and row ranges kept on one page.
        self.headings: set[int] = set()
        self.tables: list[tuple[int, int, int]] = []
        self.together: list[tuple[int, int]] = []

    def grid(self) -> None:
        """Start one bordered grid: what follows, up to ``end_grid``, is boxed as one."""
        self.grid_top = self.row

    def end_grid(self) -> None:
        assert self.grid_top is not None
        self.box(self.grid_top, self.row - 1, len(self.widths))
        self.grid_top = None

    def show(self, value: Any) -> Any:
        """Numbers stay numbers (Thai digits come from the style's number format); text is
        written in Thai digits where the unit asks for them."""
        if value is None or _is_number(value) or isinstance(value, datetime.date | datetime.time):
            return value
        if isinstance(value, CellAddress | Code | Typed):  # staff type addresses in Arabic digits: คะแนน!D22
            return str(value)
        return to_thai_digits(str(value)) if self.thai else str(value)

    def width(self, col: int, span: int = 1) -> float:
        return sum(self.widths[col - 1 : col - 1 + span])

    def put(
        self,
        values: Sequence[Sequence[Any]],
        style: str,
        *,
        col: int = 1,
        span: int = 1,
        gap: int = 0,
    ) -> int:
        """Write rows at the current row; returns the first row used."""
        cells = tuple(tuple(self.show(v) for v in row) for row in values)
        if self.thai and any(_is_number(v) for row in cells for v in row):
            style += THAI
        first = self.row
        self.blocks.append(Block(first, col, cells, style, span))
        self.row = first + len(cells) + gap
        size = STYLES[style]["size"]
        for r, row in enumerate(cells):
            pairs = [(v, self.width(col + c, span if len(row) == 1 else 1)) for c, v in enumerate(row)]
            needed = fit_height(pairs, size, self.spare)
            self.heights[first + r] = max(self.heights.get(first + r, 0), needed)
        return first

    def line(self, text: str, style: str = "cell", gap: int = 0) -> int:
        return self.put([[text]], style, span=self.print_columns or len(self.widths), gap=gap)

    def band(self, text: str) -> int:
        """A section heading across the sheet, inside the grid."""
        row = self.line(text, "band")
        self.headings.add(row)
        return row

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        styles: Sequence[str],
        gap: int = 1,
        spans: Sequence[int] | None = None,
    ) -> int:
        """A header row and rows; column ``c`` takes ``styles[c]`` and spans ``spans[c]`` columns.

        Inside a grid (``grid``) a table gets no borders of its own and no gap after it.
        """
        boxed = self.grid_top is None
        spans = list(spans or [1] * len(header))
        starts = [1 + sum(spans[:c]) for c in range(len(spans))]
        top = self.row
        for text, col, span, style in zip(header, starts, spans, styles, strict=True):
            self.row = top
            centered = STYLES[style].get("align") == "center"
            self.put([[text]], "header_center" if centered else "header", col=col, span=span)
        body = top + 1
        for c, (style, col, span) in enumerate(zip(styles, starts, spans, strict=True)):
            if rows:
                self.row = body
                self.put([[r[c]] for r in rows], style, col=col, span=span)
        last = body + len(rows) - 1
        self.headings.add(top)
        self.tables.append((top, top, last))
        if boxed:
            self.box(top, last, sum(spans))
        self.row = last + 1 + (gap if boxed else 0)
        return top

    def box(self, first_row: int, last_row: int, columns: int) -> None:
        self.boxes.append(f"A{first_row}:{column_letter(columns)}{last_row}")

    def spec(self, name: str, **kwargs: Any) -> SheetSpec:
        marker = Block(*split_address(MARKER_CELL), ((MARKER,),), "marker")
        last = max(block.last_row for block in self.blocks)
        if kwargs.get("chart") is not None:  # the chart's rows get the default height too
            last = max(last, kwargs["chart"].last_row)
        heights = {row: self.heights.get(row, row_height(1)) for row in range(1, last + 1)}
        kwargs.setdefault("print_columns", self.print_columns)
        return SheetSpec(name, self.widths, (*self.blocks, marker), heights, tuple(self.boxes), **kwargs)

    def paged(self, name: str, **kwargs: Any) -> SheetSpec:
        """``spec`` laid out on pages (``page.paginate``): no heading ends a page, a table's
        heading row repeats after a break inside it."""
        flow = page.Flow(frozenset(self.headings), tuple(self.tables), tuple(self.together))
        return page.paginate(self.spec(name, **kwargs), flow)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _score(value: float | None) -> Any:
    return say("score.none") if value is None else value


def _result(passed: PassResult | None) -> str:
    """Against the target, or that there is no score to compare (in words, never "-")."""
    return say("score.none") if passed is None else passed.label


def _section(key: str, number: int) -> str:
    return say(key, n=to_thai_digits(str(number)))


def _place(report: Report) -> str:
    unit = report.inputs
    parts = [unit.name]
    if unit.district:
        parts.append(say("place.district", name=unit.district))
    if unit.province:
        parts.append(say("place.province", name=unit.province))
    return " ".join(p for p in parts if p)


def analysis_sheet(report: Report, *, paged: bool = True) -> SheetSpec:
    """The analysis (รายงานการวิเคราะห์ผลการประเมิน).

    One bordered grid from the first section to the last, each section opened by a shaded
    heading row: a printed form, and cheap to draw in a live workbook (one border setting,
    a heading and its table header sharing their bold and shade). The trend chart sits in
    the trend section, under its sentence, on rows of its own outside the grid.

    ``paged``: laid out on pages (``_Builder.paged``) for a target that sets the page breaks
    (a file, desktop Excel); without, for one that cannot (Excel on the web and xlwings Lite:
    the remote engine has no page-break call), where a heading row copied for a break Excel
    would not make would print in the middle of a page.
    """
    b = _Builder([11, 14, 50, 14, 18, 34], report.inputs.thai_digits)
    _heading(b, report)
    b.grid()
    write_framework(b, report.framework)
    _results_section(b, report)
    _indicators_section(b, report)
    _tools_section(b, report)
    _questions_section(b, report)
    # Sections from ๕ on are numbered as they come: the themes appear only in years that have them.
    number = 5
    if report.themes:
        _themes_section(b, report, number)
        number += 1
    has_trend = _has_history(report) or bool(report.item_trend)  # no placeholder without history
    chart = _trend_section(b, report, number) if has_trend else None
    write_text_lists(b, report.closing, number + 1 if has_trend else number)
    b.end_grid()
    return b.paged(ANALYSIS, chart=chart) if paged else b.spec(ANALYSIS, chart=chart)


def _has_history(report: Report) -> bool:
    """Two years or more with a total: a trend to show (otherwise the section is left out)."""
    return sum(p.total is not None for p in report.trend) >= 2


def _heading(b: _Builder, report: Report) -> None:
    """The title and the unit's place, above the grid."""
    b.line(say("analysis.title", year=report.framework.fiscal_year), "title")
    b.line(_place(report), "subtitle", gap=1)


def _results_section(b: _Builder, report: Report) -> None:
    """๑: each tool's weight, score and weighted score, then the total, level and reason."""
    b.band(_section("section.results", 1))
    top, rows = b.row, _result_rows(report)
    b.table(HEADERS["results"], rows, ["center", "number", "cell", "number", "number", "center"])
    _total_row(b, report)
    _rating_rows(b, report)
    if report.parts_note:
        b.line(report.parts_note)
    if _rounding_shows(report, rows):
        b.line(say("total.rounding_note"))
    # the table, total, level, reason and the notes on them are read together: one page (a
    # note or the reason alone at the top of the next was the Thai review's 7 (i) and 8, 8)
    b.together.append((top, b.row - 1))


def _result_rows(report: Report) -> list[list[Any]]:
    """Section ๑'s rows: a tool's weight, score, weighted score and result. A score not typed is
    said once in its row, the cells that follow from it left blank (Thai review 9/10, R7-3: nine
    "ไม่ได้ระบุคะแนน" in 002's table). Where the total printed is computed with the parts of an
    instrument stood in for by its indicators' mean (004: EIT ส่วนที่ ๑ and ๒), that instrument is one
    row with the mean and the parts' weights together, as the total was computed and the note
    under the table says: the weighted column then adds up to the total printed."""
    result, rows, done = report.outcome, [], set()
    computed = result is not None and result.total is not None and not result.published_total
    for t in report.tools:
        parts = [p for p in report.tools if p.tool.instrument == t.tool.instrument]
        if computed and len(parts) > 1 and all(p.stand_in and p.score is not None for p in parts):
            if t.tool.instrument not in done:
                done.add(t.tool.instrument)
                name = say("results.parts_mean", name=_instrument_name(parts))
                weighted = sum(p.weighted for p in parts if p.weighted is not None)
                rows.append([t.tool.instrument, float(sum(p.tool.weight for p in parts)), name,
                             _score(t.score), _score(weighted), _result(t.passed)])  # fmt: skip
            continue
        if t.stand_in or t.score is None:
            rows.append([t.tool.short, float(t.tool.weight), t.tool.name, say("score.none"), None, None])
            continue
        rows.append([t.tool.short, float(t.tool.weight), t.tool.name,
                     _score(t.score), _score(t.weighted), _result(t.passed)])  # fmt: skip
    return rows


def _instrument_name(parts: list[ToolAnalysis]) -> str:
    """The instrument's name its parts share ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก")."""
    return parts[0].tool.name.split(" ส่วนที่")[0]


def _rounding_shows(report: Report, rows: list[list[Any]]) -> bool:
    """(thai7, review 7 N5) whether the printed weighted scores add up to other than the printed
    total by no more than their rounding (seed 000: 25.44 + 23.56 + 27.42 = 76.42, the total
    76.43): a note says why. A larger difference is a check (ตรวจสอบ), not a note."""
    result = report.outcome
    weighted = [row[4] for row in rows]  # as printed (an instrument's parts as one)
    if result is None or result.total is None or not all(isinstance(w, int | float) for w in weighted):
        return False
    shown = sum(round2(w) for w in weighted)
    total = round2(result.total)
    return shown != total and abs(shown - total) <= PRINT_TOLERANCE * len(weighted)


def _total_row(b: _Builder, report: Report) -> None:
    """The total (the published one when typed) and its result against the target."""
    result = report.outcome
    total = report.assessment.total
    top = b.row
    label = "total.published_label" if result and result.published_total else "total.label"
    b.put([[say(label)]], "label", span=4)
    b.row = top
    if result is not None and result.total is not None:
        passed = pass_fail(result.total, report.framework.target).label
        b.put([[result.total, passed]], "number", col=5)
    else:
        low, high = format_number(total.low), format_number(total.high)
        b.put([[say("total.not_final"), say("total.range", low=low, high=high)]], "center", col=5)


def _rating_rows(b: _Builder, report: Report) -> None:
    """The level and the reason for it in words, or which figure decides it."""
    result = report.outcome
    level = result.level if result and result.level else say("level.unknown")
    for label, value in (
        (say("level.label"), level),
        (say("level.reason_label"), result.reason if result else ""),
    ):
        top = b.row
        b.put([[label]], "label", span=2)
        b.row = top
        b.put([[value]], "cell", col=3, span=4)


def _indicators_section(b: _Builder, report: Report) -> None:
    """๒: every indicator's score, then the highest, the lowest and those below the target."""
    b.band(_section("section.indicators", 2))
    if all(i.score is None for i in report.indicators):  # (thai7, review 7 ii) one sentence, no table
        for line in report.indicator_lines:
            b.line(line)
        return
    b.table(
        HEADERS["indicators"],
        [[i.number, i.instrument, i.name, _score(i.score), _result(i.passed)] for i in report.indicators],
        ["center", "center", "cell", "number", "center"],
        spans=[1, 1, 1, 1, 2],
    )
    for line in report.indicator_lines:
        b.line(line)


def _tools_section(b: _Builder, report: Report) -> None:
    """๓: each tool's weakest indicators and the advice for raising them."""
    b.band(_section("section.tools", 3))
    rows, done = [], set()
    for n, t in enumerate(report.tools):
        if t.tool.instrument in done:  # (thai7, review 7 N8) one row per instrument: its
            continue  # indicators are scored for both parts together
        done.add(t.tool.instrument)
        lowest = report.tool_lowest[n] if n < len(report.tool_lowest) else say("cell.not_named")
        name = t.tool.instrument if _shared(report, t) else t.tool.short
        rows.append([name, _tool_score(report, t), lowest, _lowest_score(report, t), _tool_advice(report, t)])
    if any(i.score is not None for i in report.indicators):  # (review 7 ii) else a table of blanks
        b.table(HEADERS["tools"], rows, ["center", "number", "cell", "number", "cell"], spans=[1, 1, 1, 1, 2])
    for paragraph in report.instrument_paragraphs:
        b.line(paragraph)


def _shared(report: Report, tool: ToolAnalysis) -> bool:
    """A tool whose instrument has other parts (EIT ส่วนที่ ๑/๒): its indicators are not its own."""
    return len(report.framework.tools_of(tool.tool.instrument)) > 1


def _tool_score(report: Report, tool: ToolAnalysis) -> Any:
    """A tool's score; for an instrument of several parts, each part's ("ส่วนที่ ๑ 99.74 และ
    ส่วนที่ ๒ 93.44"), or that they were not given."""
    parts = [t for t in report.tools if t.tool.instrument == tool.tool.instrument]
    if len(parts) == 1:
        return _score(None if tool.stand_in else tool.score)
    if any(t.score is None or t.stand_in for t in parts):
        return say("score.none")
    return join_list([say("tools.part_score", part=t.tool.short.removeprefix(t.tool.instrument).strip(),
                          score=format_number(t.score)) for t in parts])  # fmt: skip


def _lowest_score(report: Report, tool: ToolAnalysis) -> Any:
    """The score of a tool's lowest indicator (or of its only scored one), or in words why
    there is none: no indicator of the tool is scored, or not every one is."""
    if tool.weakest:
        return _score(tool.weakest_score)
    if (sole := _sole(report, tool)) is not None:
        return _score(sole.score)
    members = [i.score for i in report.indicators if i.instrument == tool.tool.instrument]
    return say("cell.not_named" if any(s is not None for s in members) else "score.none")


def _sole(report: Report, tool: ToolAnalysis):
    """(Thai review 8 N7) The one scored indicator of a tool of several (seed 002: IIT's
    indicator 4, OIT's indicator 9), else None."""
    members = [i for i in report.indicators if i.instrument == tool.tool.instrument]
    scored = [i for i in members if i.score is not None]
    return scored[0] if len(scored) == 1 < len(members) else None


def _tool_advice(report: Report, tool: ToolAnalysis) -> str:
    """The advice for a tool's lowest indicator; at or above the target, to keep the standard,
    unless an item of the tool did not pass (then those items come first, by title with the
    code in brackets, as the paragraphs under the table name them)."""
    fw = report.framework
    if (sole := _sole(report, tool)) is not None and tool.weakest_score is None:
        # the only indicator known stands for the lowest: its advice below the target, else the
        # standard kept (seed 002: OIT's indicator 9 at 88.06)
        return sole.recommendation.advice if not fw.passes(sole.score) else say("questions.maintain_advice")
    if tool.recommendation is None or tool.weakest_score is None:
        # (thai7, review 7 N7) the lowest cannot be named, but the indicators known below the
        # target have their advice, as section ๔ gives it (seed 002: indicators 4 and 8)
        below = [i for i in report.weak_indicators if i.instrument == tool.tool.instrument]
        return join_list([i.recommendation.advice for i in below]) or say("cell.not_named")
    failing = [q.code for i in report.indicators if i.instrument == tool.tool.instrument
               for q in i.questions if not fw.item_passes(i.number, q.score)]  # fmt: skip
    if not fw.passes(tool.weakest_score):
        return tool.recommendation.advice
    if failing:  # an item not passed (an OIT item unpublished): never "keep the standard"
        return say("tools.items_failing_advice", items=listed([item_name(fw, c) for c in failing]))
    partial = [i for i in report.indicators if i.number in tool.weakest and i.partial]
    if partial:  # (Thai review 9, b1) its typed questions are only part of it: by its own score
        return partial_advice(fw, partial[0], report.limit)
    return _short_of_level(report, tool) or say("questions.maintain_advice")


def _short_of_level(report: Report, tool: ToolAnalysis) -> str | None:
    """The advice for a tool (or a part of it) below what the better level needs of every tool,
    where the printed level's reason says the unit missed that level (Thai review 9, 2: 001's
    EIT ส่วนที่ ๒ at 93.44 kept it from ผ่านดีเยี่ยม, yet its row advised keeping the standard;
    2569's EIT at 91.45 under a total below 95). Only for the level printed, when it is final
    and is the recomputed one; None otherwise."""
    rating = report.assessment.rating
    if rating is None or rating.provisional or report.outcome is None or report.outcome.level != rating.level:
        return None
    missed = dict(rating.reason[1]).get("missed_rule")  # the level the reason says was missed
    if missed is None or missed.all_tools_at_least is None:
        return None
    parts = [t for t in report.tools if t.tool.instrument == tool.tool.instrument]
    below = [
        t for t in parts if t.score is not None and not t.stand_in and t.score < missed.all_tools_at_least
    ]
    if not below:
        return None
    named = [say("tools.score_bracket", tool=t.tool.short, score=format_number(t.score)) for t in below]
    # the total below the better band too (2569): the tool's score is one of its conditions
    key = "tools.raise_to_level" if rating.reason[0] == "level.passed_over" else "tools.raise_with_total"
    return say(key, tools=join_list(named), need=plain_number(missed.all_tools_at_least),
               level=level_words(missed.level))  # fmt: skip


def _questions_section(b: _Builder, report: Report) -> None:
    """๔: by question where the form has question scores, otherwise by indicator."""
    # (thai7, review 7, finding 10) without question scores the section is by indicator only
    b.band(_section("section.questions" if report.question_level else "section.indicators_only", 4))
    if report.question_level:
        _question_analysis(b, report)
    else:
        _indicator_analysis(b, report)


def _indicator_analysis(b: _Builder, report: Report) -> None:
    """Without question scores: the advice for each indicator below the target.

    The heading and its table only over indicators below the target: never a heading over
    an empty table. Without one, a sentence says why (all pass, or which scores are missing).
    """
    weak = report.weak_indicators
    # what is missing is said once: section ๒ may already have said it
    again = report.all_pass_line if report.all_pass_line not in report.indicator_lines else ""
    if not weak:
        # (thai7, review 7 ii) with no indicator scored either, only that: no "analysed by indicator"
        scored = any(i.score is not None for i in report.indicators)
        b.line(" ".join(s for s in (say("questions.by_indicator") if scored else "", again) if s))
        return
    # without question scores no cause is named: said once, over the table (statements.no_cause_line)
    b.line(report.no_cause_line)
    b.table(
        HEADERS["indicator_causes"],
        [[i.number, i.name, i.score, i.recommendation.advice] for i in weak],
        ["center", "cell", "number", "cell"],
        spans=[1, 2, 1, 2],
    )
    if again:  # some indicators without a score
        b.line(again)


def _question_cells(number: int, question: Any) -> list[Any]:
    return [number, say("item.coded", title=question.label, code=question.code), question.score]


def _question_analysis(b: _Builder, report: Report) -> None:
    """Every question's score, then each indicator's lowest questions, cause and advice."""
    # The lowest question of each indicator is named in the table after this one.
    b.table(
        HEADERS["questions"],
        # (thai7, review 7 vii) no code column in the printed table: the code in brackets
        [_question_cells(i.number, q) for i in report.indicators for q in i.questions],
        ["center", "cell", "number"],
        spans=[1, 4, 1],
    )
    if report.partial_note:  # once, over the rows it speaks of (Thai review 9, b4)
        b.line(report.partial_note)
    b.table(
        HEADERS["question_causes"],
        [list(row) for row in report.question_rows],
        ["center", "center", "cell", "cell"],
        spans=[1, 1, 1, 3],
    )


def _themes_section(b: _Builder, report: Report, number: int) -> None:
    """The seven development themes: mean score, how many items were scored and the lowest item
    (named by title, so in the widest column)."""
    b.band(_section("section.themes", number))
    if not any(t.scored for t in report.themes):  # never a table of blank rows
        for paragraph in report.theme_paragraphs:
            b.line(paragraph)
        return
    if report.themes_partial_note:  # once, over the rows it speaks of (Thai review 10, b4)
        b.line(report.themes_partial_note)
    b.table(
        HEADERS["themes"],
        [
            [
                t.number,
                t.name,
                _score(t.mean),
                _theme_count(report, n, t),
                report.theme_lowest[n] if n < len(report.theme_lowest) else say("cell.not_named"),
            ]
            for n, t in enumerate(report.themes)
        ],
        ["center", "cell", "number", "center", "cell"],
        spans=[1, 2, 1, 1, 1],
    )
    for paragraph in report.theme_paragraphs:
        b.line(paragraph)


def _theme_count(report: Report, n: int, t: Any) -> str:
    """A theme's count of items with a score, partial ones counted (``statements.theme_counts``)."""
    if n < len(report.theme_counts):
        return report.theme_counts[n]
    return say("themes.scored", scored=t.scored, total=t.total) if t.scored else say("themes.none_scored")


def _trend_section(b: _Builder, report: Report, number: int) -> Chart | None:
    """The totals by year (two years or more with a total), their sentence and the chart of
    the totals (issue 14: "chart and sentence" in the trend section, before ข้อจำกัด), then,
    where there are any, the items against last year's; returns the chart, or None without
    one. With item scores of last year only, no table of this year's total alone: a line says
    that the trend is shown item by item, then the items."""
    b.band(_section("section.trend", number))
    chart = None
    if _has_history(report):
        # The chart reads the table itself: totals are numbers (Thai digits by number format),
        # years are text, so Excel takes them as the categories, not as a second series. A
        # year without a total leaves its cell blank (a chart plots text as zero) and says so.
        first = b.table(
            HEADERS["trend"],
            [[str(p.fiscal_year), p.total, _change(p)] for p in report.trend],
            ["center", "number", "cell"],
            spans=[1, 1, 4],
        )
        if report.trend_line:
            b.line(report.trend_line)
        chart = _trend_chart(b, report, first)
    elif report.item_trend:  # what it compares, and why not the totals where none was typed before
        year = report.framework.fiscal_year
        earlier = any(p.total is not None for p in report.trend if p.fiscal_year < year)
        b.line(
            say("trend.items" if earlier else "trend.items_no_total", year=report.item_trend[0].previous_year)
        )
    if report.item_trend:
        b.table(
            HEADERS["item_trend"],
            [_item_row(report, item) for item in report.item_trend],
            ["center", "cell", "number", "number", "cell"],
            spans=[1, 2, 1, 1, 1],
        )
    return chart


def _trend_chart(b: _Builder, report: Report, first: int) -> Chart:
    """A line chart of the totals table from row ``first`` (written only given two years with
    a total: ``_trend_section``). The chart is as wide as the grid and covers rows of its own
    inside it (a blank boxed cell never shows beside it); the table, its sentence and the
    chart stay on one page."""
    last = first + len(report.trend)
    rows = math.ceil(TREND_CHART_HEIGHT / row_height(1))
    chart = Chart(
        title=CHART_TEXT["title"],
        categories=f"A{first + 1}:A{last}",
        values=f"B{first + 1}:B{last}",
        series_name=CHART_TEXT["series"],
        anchor=f"A{b.row}",
        y_title=CHART_TEXT["y"],
        x_title=CHART_TEXT["x"],
        rows=rows,
        width=sum(page.column_points(w) for w in b.widths),
        height=TREND_CHART_HEIGHT,
    )
    b.row += rows
    b.together.append((first, chart.last_row))
    return chart


def _item_row(report: Report, item: ItemChange) -> list[Any]:
    """``o11 | o12 ในปี ๒๕๖๘``: an item against last year's same item, or a new item; in words,
    no arrow and no dash (Thai review)."""
    year = report.framework.fiscal_year
    none = say("trend.item_none")
    if not item.previous_codes:
        return [item.code, NEW_ITEM, none, _score(item.score), none]
    then = say("trend.item_then", codes=join_list(item.previous_codes), year=item.previous_year)
    change = none if item.change is None else _change(TrendPoint(year, item.score, item.change))
    return [item.code, then, _score(item.previous), _score(item.score), change]


def _change(point: TrendPoint) -> str:
    """The change from the previous year with a total, in words."""
    if point.total is None:
        return say("trend.no_total")
    if point.change is None:  # the first year with a total: nothing earlier to compare
        return say("trend.no_previous")
    if round(point.change, 2) == 0:
        return say("trend.same")
    return say("trend.up" if point.change > 0 else "trend.down", change=format_number(abs(point.change)))


def item_line(year: int, key: str, words: str) -> str:
    """The line naming the OIT item ``key`` (crosswalk) of the ITA of FY ``year``
    (``framework.item_of_year``), in the wording ``{words}.published_under``; or nothing for a
    year whose rules are not known yet (the seeds' documents then name no item; the checks say
    why, ``{words}.item_unknown``) or whose items the crosswalk does not map."""
    if year not in available_years():
        return ""
    item = item_of_year(year, key)
    if item is None:  # a year before the crosswalk: its items are not mapped
        return ""
    if not items_confirmed(year):  # (thai7, review 7 viii) a likely list: the item by its title
        return say(f"{words}.published_under_title", title=item[1], year=year)
    return say(f"{words}.published_under", code=item[0], title=item[1], year=year)


def published_under(measures_year: int) -> str:
    """The OIT item the measures are published under: the measures item of the ITA of the year
    they are carried out in, or nothing."""
    return item_line(measures_year, "measures", "measures")


def measures_sheet(report: Report) -> SheetSpec:
    """The measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) for the next fiscal year."""
    # The last column (รหัส) is the rows' id for the tracking and choices sheets: in the
    # workbook, outside the print area, so the published report does not show it.
    b = _Builder([24, 30, 38, 42, 16, 20, 28, 9], report.inputs.thai_digits, print_columns=7, spare=True)
    b.line(say("measures.title", year=report.measures_year), "title")
    b.line(_place(report), "subtitle")
    published = published_under(report.measures_year)
    b.line(
        say("measures.basis", year=report.framework.fiscal_year, period=report.period)
        + (f"\n{published}" if published else ""),
        "subtitle",
        gap=1,
    )
    header = HEADERS["measures"]
    rows = [
        [
            m.theme,
            f"{n}. {m.measure}",
            m.analysis,
            "\n".join(f"{k}. {step}" for k, step in enumerate(m.steps, start=1)) or None,  # none typed
            m.period,
            m.owner,
            m.monitoring,
            Code(m.key),
        ]
        for n, m in enumerate(report.measures, start=1)
    ]
    header_row = b.table(header, rows, ["cell"] * 8)
    if not rows:
        b.line(say("measure.none"), "note")
    return b.spec(MEASURES, print_title_rows=f"{header_row}:{header_row}", landscape=True)
