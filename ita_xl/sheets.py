"""One pure description of each generated sheet, rendered by both adapters.

A ``SheetSpec`` is blocks of values, each with a named style (``STYLES``: plain property
dicts), optional merging across columns, column widths, row heights, print settings and a
chart. ``ita_xl.render_openpyxl`` writes it to a file, ``ita_xl.render_xlwings`` into a live
book, block by block. Neither adapter decides anything about content.

Row heights are computed here for wrapped Thai text (``ita_xl.textfit``): neither openpyxl
nor LibreOffice autofits, and Excel autofits only rows without a set height.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from ita_xl import __version__
from ita_xl.analysis import Report, TrendPoint
from ita_xl.numbers import format_number, to_thai_digits
from ita_xl.textfit import fit_height, row_height

ANALYSIS, MEASURES = "วิเคราะห์ผล", "มาตรการ"
FONT = "TH SarabunPSK"
MARKER_CELL = "Z1"
MARKER = "ita-xl:generated:1"
#: Rows of the default height (28 pt) kept free for the trend chart (220 pt high).
CHART_ROWS = 9

_BASE = {"font": FONT, "size": 16, "wrap": True, "valign": "top"}
#: Few properties, shared: each one a style adds costs Excel a round trip per range
#: (``ita_xl.render_xlwings``), and a header, a label and a section heading that share
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
    "center": {**_BASE, "align": "center"},
    "number": {**_BASE, "align": "center", "number_format": "0.00"},
    "label": {**_BASE, "bold": True, "fill": _SHADE},
    "warning": {**_BASE, "fill": "FFF2CC"},
    "note": {**_BASE, "italic": True},
    "marker": {**_BASE, "color": "FFFFFF", "wrap": False},
}


class CellAddress(str):
    """A ``sheet!cell`` address: shown as Excel writes it, never in Thai digits."""


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
        return f"{get_column_letter(self.col)}{self.row}:{get_column_letter(self.last_col)}{self.last_row}"


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
    #: A printed form: no gridlines on screen either; borders are thin and black.
    gridlines: bool = False

    @property
    def last_row(self) -> int:
        return max(b.last_row for b in self.blocks)

    @property
    def last_col(self) -> int:
        return len(self.widths)

    @property
    def print_area(self) -> str:
        return f"A1:{get_column_letter(self.last_col)}{self.last_row}"

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

    def __init__(self, widths: Sequence[float], thai: bool) -> None:
        self.widths = tuple(widths)
        self.thai = thai
        self.blocks: list[Block] = []
        self.heights: dict[int, float] = {}
        self.boxes: list[str] = []
        self.row = 1
        self.grid_top: int | None = None

    def grid(self) -> None:
        """Start one bordered grid: what follows, up to ``end_grid``, is boxed as one."""
        self.grid_top = self.row

    def end_grid(self) -> None:
        assert self.grid_top is not None
        self.box(self.grid_top, self.row - 1, len(self.widths))
        self.grid_top = None

    def show(self, value: Any) -> Any:
        """Thai digits where the unit asks for them; numbers stay numbers otherwise."""
        if value is None:
            return None
        if isinstance(value, CellAddress):  # staff type addresses in Arabic digits: คะแนน!D22
            return str(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value, 0, thai=True) if self.thai else value
        if isinstance(value, float):
            return format_number(value, thai=True) if self.thai else value
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
        sized: bool = True,
        shown: bool = True,
    ) -> int:
        """Write rows at the current row; returns the first row used.

        ``shown=False`` keeps numbers as numbers whatever the digits (a chart's data);
        ``sized=False`` leaves the row heights to the blocks in the print area.
        """
        cells = tuple(tuple(self.show(v) if shown else v for v in row) for row in values)
        first = self.row
        self.blocks.append(Block(first, col, cells, style, span))
        self.row = first + len(cells) + gap
        if not sized:
            return first
        size = STYLES[style]["size"]
        for r, row in enumerate(cells):
            pairs = [(v, self.width(col + c, span if len(row) == 1 else 1)) for c, v in enumerate(row)]
            needed = fit_height(pairs, size)
            self.heights[first + r] = max(self.heights.get(first + r, 0), needed)
        return first

    def line(self, text: str, style: str = "cell", gap: int = 0) -> int:
        return self.put([[text]], style, span=len(self.widths), gap=gap)

    def band(self, text: str) -> int:
        """A section heading across the sheet, inside the grid."""
        return self.line(text, "band")

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
        if boxed:
            self.box(top, last, sum(spans))
        self.row = last + 1 + (gap if boxed else 0)
        return top

    def box(self, first_row: int, last_row: int, columns: int) -> None:
        self.boxes.append(f"A{first_row}:{get_column_letter(columns)}{last_row}")

    def spec(self, name: str, **kwargs: Any) -> SheetSpec:
        marker = Block(1, 26, ((MARKER,),), "marker")
        last = max(block.last_row for block in self.blocks)
        heights = {row: self.heights.get(row, row_height(1)) for row in range(1, last + 1)}
        return SheetSpec(name, self.widths, (*self.blocks, marker), heights, tuple(self.boxes), **kwargs)


def _score(value: float | None) -> Any:
    return "ไม่มีคะแนน" if value is None else value


def _place(report: Report) -> str:
    unit = report.inputs
    parts = [unit.name]
    if unit.district:
        parts.append(f"อำเภอ{unit.district}")
    if unit.province:
        parts.append(f"จังหวัด{unit.province}")
    return " ".join(p for p in parts if p)


def analysis_sheet(report: Report) -> SheetSpec:
    """The analysis (รายงานการวิเคราะห์ผลการประเมิน).

    One bordered grid from the first section to the last, each section opened by a shaded
    heading row: a printed form, and cheap to draw in a live workbook (one border setting,
    a heading and its table header sharing their bold and shade). The trend chart follows
    the grid.
    """
    fw, a = report.framework, report.assessment
    b = _Builder([11, 14, 50, 14, 18, 34], report.inputs.thai_digits)
    b.line(
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\n"
        f"ในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {fw.fiscal_year}",
        "title",
    )
    b.line(_place(report), "subtitle", gap=1)
    b.grid()

    b.band("๑. กรอบการประเมินและคะแนนรวม")
    b.table(
        ["รหัส", "น้ำหนัก (%)", "เครื่องมือการประเมิน", "คะแนน", "คะแนนถ่วงน้ำหนัก", "ผลเทียบค่าเป้าหมาย"],
        [
            [
                t.tool.code,
                float(t.tool.weight),
                t.tool.name,
                _score(t.score),
                "-" if t.weighted is None else t.weighted,
                t.passed.label if t.passed else "-",
            ]
            for t in report.tools
        ],
        ["center", "number", "cell", "number", "number", "center"],
    )
    total = a.total
    top = b.row
    b.put([["คะแนนรวม (ผลรวมคะแนนถ่วงน้ำหนัก)"]], "label", span=4)
    b.row = top
    if total.value is not None:
        passed = report.total_passed.label if report.total_passed else "-"
        b.put([[total.value, passed]], "number", col=5)
    else:
        b.put(
            [["ยังไม่สิ้นสุด", f"อยู่ระหว่าง {format_number(total.low)}–{format_number(total.high)}"]],
            "center",
            col=5,
        )
    rating = a.rating
    reason = rating.reason_th if rating else (a.rating_problem.th if a.rating_problem else "")
    for label, value in (
        ("ระดับผลการประเมิน", rating.level if rating else "ยังบอกไม่ได้"),
        ("เหตุผล", reason),
    ):
        top = b.row
        b.put([[label]], "label", span=2)
        b.row = top
        b.put([[value]], "cell", col=3, span=4)

    b.band("๒. ผลการประเมินรายตัวชี้วัด")
    b.table(
        ["ข้อ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"],
        [
            [i.number, i.instrument, i.name, _score(i.score), i.passed.label if i.passed else "-"]
            for i in report.indicators
        ],
        ["center", "center", "cell", "number", "center"],
        spans=[1, 1, 1, 1, 2],
    )
    ex = report.extremes
    if ex is not None:
        name = {i.number: i.name for i in report.indicators}
        high = ", ".join(f"ตัวชี้วัดที่ {n} {name[n]}" for n in ex.highest)
        low = ", ".join(f"ตัวชี้วัดที่ {n} {name[n]}" for n in ex.lowest)
        count = len(ex.below_target)
        below = ", ".join(str(n) for n in ex.below_target)
        b.line(f"คะแนนสูงสุด: {high} ({format_number(ex.highest_score)} คะแนน)")
        b.line(f"คะแนนต่ำสุด: {low} ({format_number(ex.lowest_score)} คะแนน)")
        b.line(
            f"ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {format_number(fw.target, 0)} คะแนน: {count} ตัวชี้วัด"
            + (f" (ข้อ {below})" if count else "")
        )
    else:
        b.line("ไม่มีคะแนนรายตัวชี้วัด")

    b.band("๓. วิเคราะห์รายเครื่องมือ")
    b.table(
        ["เครื่องมือ", "คะแนน", "ตัวชี้วัดที่ได้คะแนนต่ำสุด", "คะแนน", "แนวทางการยกระดับ"],
        [
            [
                t.tool.short,
                _score(t.score),
                ", ".join(f"ตัวชี้วัดที่ {n} {fw.indicator(n).name}" for n in t.weakest) or "ไม่มีคะแนนรายตัวชี้วัด",
                _score(t.weakest_score) if t.weakest else "-",
                t.recommendation.advice if t.recommendation else "-",
            ]
            for t in report.tools
        ],
        ["center", "number", "cell", "number", "cell"],
        spans=[1, 1, 1, 1, 2],
    )

    b.band("๔. วิเคราะห์รายตัวชี้วัดและข้อคำถาม")
    if not report.question_level:
        b.line(
            "ไม่มีคะแนนรายข้อคำถามในแบบฟอร์ม จึงวิเคราะห์ระดับตัวชี้วัด: ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุและแนวทางดังนี้",
            "note",
        )
        weak = [i for i in report.indicators if i.score is not None and i.passed and not i.passed.passed]
        b.table(
            ["ข้อ", "คะแนน", "สาเหตุ", "แนวทางการยกระดับ"],
            [
                [i.number, i.score, f"{i.name}: {i.recommendation.cause}", i.recommendation.advice]
                for i in weak
            ],
            ["center", "number", "cell", "cell"],
            spans=[1, 1, 1, 3],
        )
        if not weak:
            b.line("ทุกตัวชี้วัดผ่านค่าเป้าหมาย")
    else:
        # The lowest question of each indicator is named in the table after this one.
        b.table(
            ["ตัวชี้วัด", "รหัส", "ข้อคำถาม", "คะแนน"],
            [[i.number, q.code, q.label, q.score] for i in report.indicators for q in i.questions],
            ["center", "center", "cell", "number"],
            spans=[1, 1, 3, 1],
        )
        analysis_rows = []
        for i in report.indicators:
            if not i.questions:
                continue
            if i.instrument == "OIT":
                missing = [q.code for q in i.questions if q.score < 100]
                cause = f"ข้อที่ยังไม่ผ่าน: {', '.join(missing)}" if missing else "เปิดเผยข้อมูลครบทุกข้อ"
                advice = i.recommendation.advice if missing else "รักษามาตรฐานและปรับข้อมูลให้เป็นปัจจุบัน"
                low = ", ".join(missing) or "-"
            else:
                low = ", ".join(q.code for q in i.lowest)
                cause, advice = i.recommendation.cause, i.recommendation.advice
            analysis_rows.append([i.number, low, f"{i.name}: {cause}", advice])
        b.table(
            ["ข้อ", "ข้อต่ำสุด", "ตัวชี้วัดและสาเหตุ", "แนวทางการยกระดับ"],
            analysis_rows,
            ["center", "center", "cell", "cell"],
            spans=[1, 1, 1, 3],
        )

    number = 5
    if report.themes:
        b.band(f"{to_thai_digits(str(number))}. สรุปตามประเด็นการพัฒนา ๗ ประเด็น")
        number += 1
        b.table(
            ["ประเด็น", "ชื่อประเด็น", "คะแนนเฉลี่ย", "ข้อที่ได้คะแนนต่ำสุด", "ข้อที่มีคะแนน"],
            [
                [
                    t.number,
                    t.name,
                    _score(t.mean),
                    f"{t.lowest.code} ({format_number(t.lowest.score)})" if t.lowest else "-",
                    f"{t.scored}/{t.total} ข้อ",
                ]
                for t in report.themes
            ],
            ["center", "cell", "number", "center", "center"],
            spans=[1, 2, 1, 1, 1],
        )

    b.band(f"{to_thai_digits(str(number))}. ข้อสังเกตจากการตรวจสอบข้อมูล")
    number += 1
    if report.warnings:
        b.table(
            ["ที่", "ตำแหน่ง", "ข้อสังเกต"],
            [[n, CellAddress(w.where), w.th] for n, w in enumerate(report.warnings, start=1)],
            ["center", "center", "warning"],
            spans=[1, 1, 4],
        )
    else:
        b.line("ไม่พบข้อสังเกต ตัวเลขทุกค่าสอดคล้องกัน")

    b.band(f"{to_thai_digits(str(number))}. แนวโน้มผลการประเมิน")
    first = b.table(
        ["ปีงบฯ", "คะแนนรวม", "เปลี่ยนแปลงจากปีก่อน"],
        [[p.fiscal_year, _score(p.total), _change(p)] for p in report.trend],
        ["center", "number", "cell"],
        spans=[1, 1, 4],
    )
    b.end_grid()
    b.row += 1

    chart = None
    scored_years = [p for p in report.trend if p.total is not None]
    if len(scored_years) >= 2:
        # The chart reads numbers from beside the print area: the table may show Thai digits,
        # which are text to a chart. Years are text, so Excel takes them as categories.
        last = first + len(report.trend)
        b.row = first
        b.put(
            [["ปี", "คะแนนรวม"]] + [[b.show(str(p.fiscal_year)), p.total] for p in report.trend],
            "cell",
            col=len(b.widths) + 2,
            sized=False,
            shown=False,
        )
        b.row = last + 2
        helper = get_column_letter(len(b.widths) + 2), get_column_letter(len(b.widths) + 3)
        chart = Chart(
            title="คะแนนรวม ITA รายปี",
            categories=f"{helper[0]}{first + 1}:{helper[0]}{last}",
            values=f"{helper[1]}{first + 1}:{helper[1]}{last}",
            series_name="คะแนนรวม",
            anchor=f"A{b.row}",
            y_title="คะแนน",
            x_title="ปีงบประมาณ",
        )
        b.row += CHART_ROWS
    else:
        b.line("มีคะแนนรวมปีเดียว จึงยังแสดงแนวโน้มไม่ได้ (กรอกปีก่อน ๆ ในชีตประวัติ)", "note")
    b.line(f"จัดทำด้วย ita-xl {__version__} จากข้อมูลในชีตหน่วยงาน คะแนน ประวัติ และเกณฑ์", "note")
    return b.spec(ANALYSIS, chart=chart)


def _change(point: TrendPoint) -> str:
    """The change from the previous year with a total, in words."""
    if point.change is None:
        return "-"
    if round(point.change, 2) == 0:
        return "เท่าเดิม"
    word = "เพิ่มขึ้น" if point.change > 0 else "ลดลง"
    return f"{word} {format_number(abs(point.change))} คะแนน"


def measures_sheet(report: Report) -> SheetSpec:
    """The measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) for the next fiscal year."""
    b = _Builder([24, 30, 40, 46, 18, 20, 30], report.inputs.thai_digits)
    b.line(
        f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nประจำปีงบประมาณ พ.ศ. {report.measures_year}",
        "title",
    )
    b.line(_place(report), "subtitle")
    b.line(
        f"จากผลการประเมิน ITA ปีงบประมาณ พ.ศ. {report.framework.fiscal_year} ระยะเวลาดำเนินการ {report.period}",
        "subtitle",
        gap=1,
    )
    header = [
        "ประเด็น",
        "มาตรการ / โครงการ / กิจกรรม",
        "ผลการวิเคราะห์",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
        "ผู้รับผิดชอบ",
        "การกำกับติดตาม",
    ]
    rows = [
        [
            m.theme,
            f"{n}. {m.measure}",
            m.analysis,
            "\n".join(f"{k}. {step}" for k, step in enumerate(m.steps, start=1)),
            m.period,
            m.owner,
            m.monitoring,
        ]
        for n, m in enumerate(report.measures, start=1)
    ]
    header_row = b.table(header, rows, ["cell"] * 7)
    if not rows:
        b.line("ไม่มีรายการที่ต้องยกระดับจากคะแนนที่กรอก", "note")
    b.line(f"จัดทำด้วย ita-xl {__version__}", "note")
    return b.spec(MEASURES, print_title_rows=f"{header_row}:{header_row}", landscape=True)
