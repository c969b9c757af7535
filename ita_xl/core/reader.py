"""Read a unit's workbook (a filled template) into plain data, with where each value came from.

The reader sees a workbook only through ``grid(sheet) -> rows of cell values`` (from A1), so
the openpyxl adapter (a file) and the xlwings adapter (a live book, one read per sheet)
share it. It reads input cells only, never formula results: every figure is recomputed by
the core. Values are kept as typed; problems become findings with their ``sheet!cell``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ita_xl.core.cells import column_letter, split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import parse_number
from ita_xl.core.framework import Framework, available_years, load_framework
from ita_xl.core.inputs import HistoryYear, MemoInputs, Printed, UnitInputs
from ita_xl.core.layout import CRITERIA, HISTORY, NO, NO_TITLE, SCORES, UNIT, UNIT_FIELDS, YES, Layout

Grid = Sequence[Sequence[Any]]
INPUT_SHEETS = (UNIT, SCORES, HISTORY, CRITERIA)
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One problem found in the inputs: its severity, a Thai and an English message, where."""

    severity: str
    th: str
    en: str
    sheet: str = ""
    cell: str = ""

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.sheet else ""

    def line(self) -> str:
        label = "ข้อผิดพลาด" if self.severity == ERROR else "ข้อสังเกต"
        place = f" [{self.where}]" if self.where else ""
        return f"{label}{place}: {self.th}"


@dataclass(frozen=True)
class Criteria:
    """The criteria sheet as typed: raw cells, validated later against the framework."""

    target: Any
    weights: dict[str, Any]
    bands: list[list[Any]]


@dataclass
class ReadResult:
    inputs: UnitInputs | None
    framework: Framework | None
    layout: Layout | None
    criteria: Criteria | None
    findings: list[Finding] = field(default_factory=list)
    #: Where each input came from, e.g. ("indicator", 4) -> "คะแนน!D25".
    cells: dict[tuple[str, Any], str] = field(default_factory=dict)


def _value(grid: Grid, address: str) -> Any:
    row, column = split_address(address)
    r, c = row - 1, column - 1
    if r < len(grid) and c < len(grid[r]):
        value = grid[r][c]
        if isinstance(value, str) and not value.strip():
            return None
        return value
    return None


def read(grid: Callable[[str], Grid], sheetnames: Sequence[str]) -> ReadResult:
    """Read the inputs of a filled template; structural problems are error findings."""
    missing = [name for name in INPUT_SHEETS if name not in sheetnames]
    if missing:
        return ReadResult(
            None,
            None,
            None,
            None,
            [
                Finding(
                    ERROR,
                    f"ไม่พบชีต {', '.join(missing)}: ไฟล์นี้ไม่ใช่แม่แบบของ ita-xl (สร้างแม่แบบด้วย ita-xl template)",
                    f"missing sheets {', '.join(missing)}: not an ita-xl template",
                )
            ],
        )
    unit, scores, history, criteria = (grid(name) for name in INPUT_SHEETS)
    findings: list[Finding] = []

    year_cell = UNIT_FIELDS["fiscal_year"]
    raw_year = _value(unit, f"B{year_cell}")
    try:
        year_number = parse_number(raw_year)
    except ItaError:
        year_number = None
    if year_number is None or year_number != int(year_number):
        findings.append(
            Finding(
                ERROR,
                f"ปีงบประมาณ “{raw_year or ''}” ไม่ถูกต้อง: กรอกเป็น พ.ศ. เช่น 2568",
                f"bad fiscal year {raw_year!r}",
                UNIT,
                f"B{year_cell}",
            )
        )
        return ReadResult(None, None, None, None, findings)
    year = int(year_number)
    if year not in available_years():
        years = ", ".join(map(str, available_years()))
        findings.append(
            Finding(
                ERROR,
                f"ไม่มีเกณฑ์ของปีงบประมาณ {year} (มีปี {years})",
                f"no framework for {year}",
                UNIT,
                f"B{year_cell}",
            )
        )
        return ReadResult(None, None, None, None, findings)
    framework = load_framework(year)
    layout = Layout(framework)
    codes = [_value(scores, f"A{row}") for row in layout.tool_rows.values()]
    if codes != [t.code for t in framework.tools] or any(
        _value(scores, f"A{row}") != code for code, row in layout.question_rows.items()
    ):
        findings.append(
            Finding(
                ERROR,
                f"ชีต {SCORES} ไม่ตรงกับแม่แบบของปี {year}: ปีงบประมาณถูกเปลี่ยนหรือแถวถูกแทรก/ลบ "
                f"ให้สร้างแม่แบบของปี {year} ด้วย ita-xl template --year {year} แล้วกรอกใหม่",
                f"the {SCORES} sheet does not match the FY{year} template",
                UNIT,
                f"B{year_cell}",
            )
        )
        return ReadResult(None, framework, layout, None, findings)

    cells: dict[tuple[str, Any], str] = {}

    def score(sheet: str, grid_: Grid, address: str, key: tuple[str, Any]) -> Any:
        value = _value(grid_, address)
        cells[key] = f"{sheet}!{address}"
        if value is None:
            return None
        try:
            number = parse_number(value)
        except ItaError as exc:
            findings.append(Finding(ERROR, exc.th, exc.en, sheet, address))
            return None
        if number is not None and not 0 <= number <= 100:
            findings.append(
                Finding(
                    ERROR,
                    f"คะแนน {number:g} อยู่นอกช่วง 0–100",
                    f"score {number:g} is outside 0-100",
                    sheet,
                    address,
                )
            )
            return None
        return value

    def text(grid_: Grid, address: str) -> str:
        value = _value(grid_, address)
        return "" if value is None else str(value).strip()

    fields = {key: text(unit, layout.unit_cell(key)) for key in layout.unit_fields}
    thai = fields["thai_digits"] != NO
    if fields["thai_digits"] not in ("", YES, NO):
        findings.append(
            Finding(
                WARNING,
                f"ช่องใช้เลขไทยควรเป็น “{YES}” หรือ “{NO}” จึงใช้เลขไทย",
                "Thai-digit preference unclear; using Thai digits",
                UNIT,
                layout.unit_cell("thai_digits"),
            )
        )
    departments = [d for d in (text(unit, a) for a in layout.department_cells) if d]

    tools = {code: score(SCORES, scores, f"D{row}", ("tool", code)) for code, row in layout.tool_rows.items()}
    indicators = {
        n: score(SCORES, scores, f"D{row}", ("indicator", n)) for n, row in layout.indicator_rows.items()
    }
    questions = {
        code: score(SCORES, scores, f"E{row}", ("question", code))
        for code, row in layout.question_rows.items()
    }
    titles = {code: text(scores, f"C{row}") for code, row in layout.question_rows.items()}
    previous = {}
    if layout.previous is not None:
        previous = {
            code: score(SCORES, scores, f"{layout.PREVIOUS_SCORE}{row}", ("previous_question", code))
            for code, row in layout.question_rows.items()
        }

    printed_totals = []
    for n, row in enumerate(layout.printed_total_rows):
        value = score(SCORES, scores, f"C{row}", ("printed_total", n))
        if value is not None:
            printed_totals.append(Printed(value, text(scores, f"D{row}")))
    rating_value = text(scores, f"C{layout.printed_rating_row}")
    cells[("printed_rating", 0)] = f"{SCORES}!C{layout.printed_rating_row}"
    printed_rating = (
        Printed(rating_value, text(scores, f"D{layout.printed_rating_row}")) if rating_value else None
    )
    below_raw = _value(scores, f"C{layout.printed_below_row}")
    cells[("printed_below", 0)] = f"{SCORES}!C{layout.printed_below_row}"
    printed_below = None
    if below_raw is not None:
        try:
            printed_below = Printed(parse_number(below_raw), text(scores, f"D{layout.printed_below_row}"))
        except ItaError as exc:
            findings.append(Finding(ERROR, exc.th, exc.en, SCORES, f"C{layout.printed_below_row}"))

    earlier = []
    for row in layout.history_rows:
        raw = _value(history, f"A{row}")
        total = score(HISTORY, history, f"B{row}", ("history_total", row))
        values = {
            i.number: score(HISTORY, history, f"{column_letter(n)}{row}", ("history", (row, i.number)))
            for n, i in enumerate(framework.indicators, start=4)
        }
        if total is None and all(v is None for v in values.values()):
            continue
        try:
            hist_year = parse_number(raw)
        except ItaError:
            hist_year = None
        if hist_year is None:
            findings.append(
                Finding(ERROR, "ไม่มีปีงบประมาณของแถวนี้", "history row has no year", HISTORY, f"A{row}")
            )
            continue
        earlier.append(HistoryYear(int(hist_year), total, text(history, f"C{row}") or None, values))

    weights = {code: _value(criteria, f"C{row}") for code, row in layout.weight_rows.items()}
    first = layout.bands_header_row + 1
    bands = [
        [_value(criteria, f"{col}{row}") for col in "ABCD"]
        for row in range(first, first + layout.band_rule_count)
    ]
    raw_criteria = Criteria(_value(criteria, layout.target_cell), weights, bands)

    if not fields["name"]:
        findings.append(
            Finding(ERROR, "ยังไม่ได้กรอกชื่อหน่วยงาน", "the unit's name is empty", UNIT, layout.unit_cell("name"))
        )
    inputs = UnitInputs(
        fiscal_year=year,
        name=fields["name"],
        unit_type=fields["type"],
        district=fields["district"],
        province=fields["province"],
        thai_digits=thai,
        preparer=fields["preparer"],
        position=fields["position"],
        departments=tuple(departments),
        tools={k: v for k, v in tools.items() if v is not None},
        indicators={k: v for k, v in indicators.items() if v is not None},
        questions={k: v for k, v in questions.items() if v is not None},
        printed_totals=tuple(printed_totals),
        printed_rating=printed_rating,
        printed_below_target=printed_below,
        history=tuple(earlier),
        weights=weights,
        question_titles={k: v for k, v in titles.items() if v and v != NO_TITLE},
        previous_questions={k: v for k, v in previous.items() if v is not None},
        **_document_fields(unit, criteria, layout, fields, score),
    )
    return ReadResult(inputs, framework, layout, raw_criteria, findings, cells)


def _document_fields(
    unit: Grid, criteria: Grid, layout: Layout, fields: dict[str, str], score: Callable[..., Any]
) -> dict[str, Any]:
    """The memo, the editable lists and the printed weights; rows a file made before them
    lacks read as blank."""
    raw_date = _value(unit, layout.unit_cell("memo_date"))
    if isinstance(raw_date, datetime.datetime):
        raw_date = raw_date.date()
    elif raw_date is not None and not isinstance(raw_date, datetime.date):
        raw_date = str(raw_date).strip()
    memo = MemoInputs(
        office=fields["memo_office"],
        number=fields["memo_number"],
        date=raw_date,
        checker=fields["checker"],
        checker_position=fields["checker_position"],
        head=fields["head"],
        head_position=fields["head_position"],
    )
    printed_weights = {}
    for code, row in layout.weight_rows.items():
        address = f"{layout.PRINTED_WEIGHT}{row}"
        value = score(CRITERIA, criteria, address, ("printed_weight", code))
        if value is not None:
            printed_weights[code] = Printed(value, "")
    return {
        "memo": memo,
        "limitations": _text_list(unit, layout.limitation_cells),
        "recommendations": _text_list(unit, layout.recommendation_cells),
        "printed_weights": printed_weights,
    }


def _text_list(grid: Grid, addresses: Sequence[str]) -> tuple[str, ...]:
    values = (_value(grid, address) for address in addresses)
    return tuple(str(v).strip() for v in values if v is not None and str(v).strip())
