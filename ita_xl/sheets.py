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
from ita_xl.analysis import Report
from ita_xl.numbers import format_number, to_thai_digits
from ita_xl.textfit import fit_height

ANALYSIS, MEASURES = "วิเคราะห์ผล", "มาตรการ"
FONT = "TH SarabunPSK"
MARKER_CELL = "Z1"
MARKER = "ita-xl:generated:1"

_BASE = {"font": FONT, "size": 16}
STYLES: dict[str, dict[str, Any]] = {
    "title": {**_BASE, "size": 18, "bold": True, "align": "center", "wrap": True},
    "subtitle": {**_BASE, "align": "center", "wrap": True},
    "section": {**_BASE, "bold": True, "color": "1F4E79", "wrap": True},
    "header": {
        **_BASE,
        "bold": True,
        "color": "FFFFFF",
        "fill": "1F4E79",
        "align": "center",
        "wrap": True,
    },
    "cell": {**_BASE, "wrap": True, "valign": "top"},
    "center": {**_BASE, "align": "center", "valign": "top", "wrap": True},
    "number": {**_BASE, "align": "right", "valign": "top", "number_format": "0.00", "wrap": True},
    "text": {**_BASE, "wrap": True, "valign": "top"},
    "label": {**_BASE, "bold": True, "valign": "top", "wrap": True, "fill": "DDEBF7"},
    "warning": {**_BASE, "wrap": True, "valign": "top", "fill": "FFF2CC"},
    "note": {**_BASE, "size": 14, "italic": True, "color": "595959", "wrap": True},
    "marker": {**_BASE, "size": 8, "color": "FFFFFF"},
}


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
        """All values as one rectangle from A1 (None where nothing is written)."""
        grid: list[list[Any]] = [[None] * self.last_col for _ in range(self.last_row)]
        for block in self.blocks:
            if block.style == "marker":
                continue
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

    def show(self, value: Any) -> Any:
        """Thai digits where the unit asks for them; numbers stay numbers otherwise."""
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value, 0, thai=True) if self.thai else value
        if isinstance(value, float):
            return format_number(value, thai=True) if self.thai else value
        return to_thai_digits(str(value)) if self.thai else str(value)

    def width(self, col: int, span: int = 1) -> float:
        return sum(self.widths[col - 1 : col - 1 + span])

    def put(
        self, values: Sequence[Sequence[Any]], style: str, *, col: int = 1, span: int = 1, gap: int = 0
    ) -> int:
        """Write rows at the current row; returns the first row used."""
        shown = tuple(tuple(self.show(v) for v in row) for row in values)
        first = self.row
        self.blocks.append(Block(first, col, shown, style, span))
        size = STYLES[style]["size"]
        for r, row in enumerate(shown):
            pairs = [(v, self.width(col + c, span if len(row) == 1 else 1)) for c, v in enumerate(row)]
            needed = fit_height(pairs, size)
            self.heights[first + r] = max(self.heights.get(first + r, 0), needed)
        self.row = first + len(shown) + gap
        return first

    def line(self, text: str, style: str = "text", gap: int = 0) -> int:
        return self.put([[text]], style, span=len(self.widths), gap=gap)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        styles: Sequence[str],
        gap: int = 1,
        spans: Sequence[int] | None = None,
    ) -> int:
        """A header row and rows; column ``c`` takes ``styles[c]`` and spans ``spans[c]`` columns."""
        spans = list(spans or [1] * len(header))
        starts = [1 + sum(spans[:c]) for c in range(len(spans))]
        top = self.row
        if all(span == 1 for span in spans):
            self.put([list(header)], "header")
        else:
            for text, col, span in zip(header, starts, spans, strict=True):
                self.row = top
                self.put([[text]], "header", col=col, span=span)
        body = top + 1
        for c, (style, col, span) in enumerate(zip(styles, starts, spans, strict=True)):
            if rows:
                self.row = body
                self.put([[r[c]] for r in rows], style, col=col, span=span)
        last = body + len(rows) - 1
        self.box(top, last, sum(spans))
        self.row = last + 1 + gap
        return top

    def box(self, first_row: int, last_row: int, columns: int) -> None:
        self.boxes.append(f"A{first_row}:{get_column_letter(columns)}{last_row}")

    def spec(self, name: str, **kwargs: Any) -> SheetSpec:
        marker = Block(1, 26, ((MARKER,),), "marker")
        widths = self.widths
        return SheetSpec(
            name, widths, (*self.blocks, marker), dict(self.heights), tuple(self.boxes), **kwargs
        )


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
    """The analysis (รายงานการวิเคราะห์ผลการประเมิน)."""
    fw, a = report.framework, report.assessment
    b = _Builder([9, 14, 52, 14, 18, 34], report.inputs.thai_digits)
    b.line(
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\n"
        f"ในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {fw.fiscal_year}",
        "title",
    )
    b.line(_place(report), "subtitle", gap=1)

    b.line("๑. กรอบการประเมิน", "section")
    b.table(
        ["รหัส", "น้ำหนัก (%)", "เครื่องมือการประเมิน"],
        [[t.code, float(t.weight), t.name] for t in fw.tools],
        ["center", "number", "cell"],
        spans=[1, 1, 4],
    )

    b.line("๒. ผลการประเมินรายตัวชี้วัด", "section")
    b.table(
        ["ข้อ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"],
        [
            [i.number, i.instrument, i.name, _score(i.score), i.passed.label if i.passed else "-"]
            for i in report.indicators
        ],
        ["center", "center", "cell", "number", "center"],
    )

    b.line("๓. คะแนนรวมและระดับผลการประเมิน", "section")
    total = a.total
    total_text: Any = (
        total.value
        if total.value is not None
        else (f"ยังไม่สิ้นสุด (อยู่ระหว่าง {format_number(total.low)}–{format_number(total.high)})")
    )
    rating = a.rating
    level = rating.level if rating else "ยังบอกไม่ได้"
    reason = rating.reason_th if rating else (a.rating_problem.th if a.rating_problem else "")
    tool_text = ", ".join(
        f"{t.tool.short} {format_number(t.score) if t.score is not None else 'ไม่มีคะแนน'}"
        for t in report.tools
    )
    rows = [
        ["คะแนนรวม", total_text],
        ["ระดับผลการประเมิน", level],
        ["เหตุผล", reason],
        ["คะแนนรายเครื่องมือ", tool_text],
    ]
    first = b.row
    for label, value in rows:
        top = b.row
        b.put([[label]], "label", span=2)
        b.row = top
        b.put([[value]], "number" if isinstance(value, float) else "cell", col=3, span=4)
    b.box(first, b.row - 1, 6)
    b.row += 1

    b.line("๔. ภาพรวมรายตัวชี้วัด", "section")
    ex = report.extremes
    if ex is not None:
        name = {i.number: i.name for i in report.indicators}
        high = ", ".join(f"ตัวชี้วัดที่ {n} {name[n]}" for n in ex.highest)
        low = ", ".join(f"ตัวชี้วัดที่ {n} {name[n]}" for n in ex.lowest)
        b.line(f"คะแนนสูงสุด: {high} ({format_number(ex.highest_score)} คะแนน)")
        b.line(f"คะแนนต่ำสุด: {low} ({format_number(ex.lowest_score)} คะแนน)")
        count = len(ex.below_target)
        below = ", ".join(str(n) for n in ex.below_target)
        b.line(
            f"ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {format_number(fw.target, 0)} คะแนน: {count} ตัวชี้วัด"
            + (f" (ข้อ {below})" if count else ""),
            gap=1,
        )
    else:
        b.line("ไม่มีคะแนนรายตัวชี้วัด", gap=1)

    b.line("๕. วิเคราะห์รายเครื่องมือ", "section")
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

    b.line("๖. วิเคราะห์รายตัวชี้วัดและข้อคำถาม", "section")
    if not report.question_level:
        b.line(
            "ไม่มีคะแนนรายข้อคำถามในแบบฟอร์ม จึงวิเคราะห์ระดับตัวชี้วัด: ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุและแนวทางดังนี้",
            "note",
        )
        weak = [i for i in report.indicators if i.score is not None and i.passed and not i.passed.passed]
        b.table(
            ["ข้อ", "คะแนน", "ตัวชี้วัด", "สาเหตุ", "แนวทางการยกระดับ"],
            [[i.number, i.score, i.name, i.recommendation.cause, i.recommendation.advice] for i in weak],
            ["center", "number", "cell", "cell", "cell"],
            spans=[1, 1, 1, 2, 1],
        )
    else:
        rows = []
        for i in report.indicators:
            lowest = {q.code for q in i.lowest}
            for q in i.questions:
                mark = "ต่ำสุดของตัวชี้วัด" if q.code in lowest and len(i.questions) > 1 else ""
                if i.instrument == "OIT" and q.score < 100:
                    mark = "ยังไม่ผ่าน"
                elif i.instrument == "OIT":
                    mark = ""
                rows.append([i.number, q.code, q.label, q.score, mark])
        b.table(
            ["ตัวชี้วัด", "รหัส", "ข้อคำถาม", "คะแนน", "หมายเหตุ"],
            rows,
            ["center", "center", "cell", "number", "center"],
            spans=[1, 1, 1, 1, 2],
        )
        b.line("ข้อที่ได้คะแนนต่ำสุดของแต่ละตัวชี้วัด: สาเหตุและแนวทางการยกระดับ", "label")
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
            analysis_rows.append([i.number, low, i.name, cause, advice])
        b.table(
            ["ข้อ", "ข้อต่ำสุด", "ตัวชี้วัด", "สาเหตุ", "แนวทางการยกระดับ"],
            analysis_rows,
            ["center", "center", "cell", "cell", "cell"],
            spans=[1, 1, 1, 2, 1],
        )

    if report.themes:
        b.line("๗. สรุปตามประเด็นการพัฒนา ๗ ประเด็น", "section")
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

    b.line("๘. แนวโน้มผลการประเมิน", "section")
    first = b.table(
        ["ปีงบประมาณ", "คะแนนรวม"],
        [[year, _score(total)] for year, total in report.trend],
        ["center", "number"],
        gap=0,
    )
    chart = None
    scored_years = [t for t in report.trend if t[1] is not None]
    if len(scored_years) >= 2:
        last = first + len(report.trend)
        chart = Chart(
            title="คะแนนรวม ITA รายปี",
            categories=f"A{first + 1}:A{last}",
            values=f"B{first + 1}:B{last}",
            series_name="คะแนนรวม",
            anchor=f"C{first}",
            y_title="คะแนน",
            x_title="ปีงบประมาณ",
        )
        b.row = max(b.row, first + 16)
    else:
        b.line("มีคะแนนรวมปีเดียว จึงยังแสดงแนวโน้มไม่ได้ (กรอกปีก่อน ๆ ในชีตประวัติ)", "note")
    b.row += 1

    b.line("๙. ข้อสังเกตจากการตรวจสอบข้อมูล", "section")
    if report.warnings:
        b.table(
            ["ที่", "ตำแหน่ง", "ข้อสังเกต"],
            [[n, w.where, w.th] for n, w in enumerate(report.warnings, start=1)],
            ["center", "center", "warning"],
            spans=[1, 1, 4],
        )
    else:
        b.line("ไม่พบข้อสังเกต ตัวเลขทุกค่าสอดคล้องกัน", gap=1)
    b.line(f"จัดทำด้วย ita-xl {__version__} จากข้อมูลในชีตหน่วยงาน คะแนน ประวัติ และเกณฑ์", "note")
    return b.spec(ANALYSIS, chart=chart)


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
