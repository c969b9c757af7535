"""Read a unit's workbook (a filled template) into plain data, with where each value came from.

The reader sees a workbook only through ``grid(sheet) -> rows of cell values`` (from A1), so
the openpyxl adapter (a file) and the xlwings adapter (a live book, one read per sheet)
share it. It reads input cells only, never formula results: every figure is recomputed by
the core. Values are kept as typed; problems become findings with their ``sheet!cell``.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ita_xl.core.cells import column_letter, split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import from_thai_digits, parse_number
from ita_xl.core.framework import Framework, available_years, load_framework
from ita_xl.core.inputs import HistoryYear, MeasureChoice, MemoInputs, Printed, Signer, UnitInputs
from ita_xl.core.layout import (
    CHOICE_COLUMNS,
    CHOICES,
    CRITERIA,
    HISTORY,
    NO,
    NO_TITLE,
    PASTE,
    SCORES,
    SKIP,
    UNIT,
    UNIT_FIELDS,
    USE,
    YES,
    Layout,
)
from ita_xl.core.scoring import check_score

Grid = Sequence[Sequence[Any]]
INPUT_SHEETS = (UNIT, SCORES, HISTORY, CRITERIA)
#: The template's sheets: the four read (required), the optional choice of measures and the
#: sheet a result text is pasted into (read only by the import, ``ita_xl.core.importing``).
TEMPLATE_SHEETS = (*INPUT_SHEETS, CHOICES, PASTE)
#: A finding's severity: an error stops the run; a warning is something to read and makes
#: ``ita-xl`` exit 1; a note is a reminder shown beside them that changes no exit code.
ERROR, WARNING, NOTE = "error", "warning", "note"
#: Each severity as the checks sheet and ``ita-xl validate`` name it.
SEVERITY_LABELS = {ERROR: "ข้อผิดพลาด", WARNING: "ข้อสังเกต", NOTE: "หมายเหตุ"}


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

    @property
    def label(self) -> str:
        """The severity in Thai: ข้อผิดพลาด, ข้อสังเกต or หมายเหตุ."""
        return SEVERITY_LABELS.get(self.severity, SEVERITY_LABELS[WARNING])

    def line(self) -> str:
        place = f" [{self.where}]" if self.where else ""
        return f"{self.label}{place}: {self.th}"


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


THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
_TITLE_YEAR = re.compile(r"พ\.ศ\.\s*(\d{4})")


def thai_date(value: datetime.date) -> str:
    """A date as staff write it: 5 มีนาคม 2568."""
    return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + 543}"


def not_a_number(value: Any) -> ItaError | None:
    """Why a typed cell value cannot be a score, in words a clerk can act on (None: it may be)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        shown = thai_date(value) if isinstance(value, datetime.date) else value.strftime("%H:%M")
        return ItaError(
            f"ช่องนี้เป็นวันที่/เวลา ({shown}) ไม่ใช่คะแนน: จัดรูปแบบเซลล์เป็นตัวเลขแล้วพิมพ์คะแนน เช่น 98.50",
            f"this cell holds a date/time ({value.isoformat()}), not a score: format it as a number",
        )
    if isinstance(value, bool):
        return ItaError(f"ช่องนี้เป็นค่าตรรกะ {'TRUE' if value else 'FALSE'} ไม่ใช่คะแนน", f"{value} is not a score")
    if isinstance(value, str) and value.strip().startswith("="):
        return ItaError(
            f"ช่องนี้ต้องเป็นตัวเลข ไม่ใช่สูตร ({value.strip()[:30]}): พิมพ์คะแนนตามเอกสาร เช่น 98.50",
            f"this input cell must hold a number, not a formula ({value.strip()[:30]})",
        )
    if isinstance(value, str) and value.strip().startswith("#"):
        return ItaError(
            f"ช่องนี้มีค่าผิดพลาด {value.strip()[:12]} ไม่ใช่คะแนน", f"this cell holds the error {value.strip()[:12]}"
        )
    return None


def read(grid: Callable[[str], Grid], sheetnames: Sequence[str]) -> ReadResult:
    """Read the inputs of a filled template; structural problems are error findings."""
    missing = [name for name in INPUT_SHEETS if name not in sheetnames]
    if missing:
        finding = Finding(
            ERROR,
            f"ไม่พบชีต {', '.join(missing)}: ไฟล์นี้ไม่ใช่แม่แบบของ ita-xl (สร้างแม่แบบด้วย ita-xl template)",
            f"missing sheets {', '.join(missing)}: not an ita-xl template",
        )
        return ReadResult(None, None, None, None, [finding])
    reader = _Reader(*(grid(name) for name in INPUT_SHEETS))
    framework = reader.framework()
    if framework is None or not reader.matches_template(framework):
        return ReadResult(None, framework, reader.layout, None, reader.findings)
    result = reader.result(framework)
    if CHOICES in sheetnames:  # optional: a workbook made before the sheet existed has none
        choices = measure_choices(grid(CHOICES), reader.layout, result.findings)
        result.inputs = dataclasses.replace(result.inputs, measure_choices=choices)
    return result


def read_unit(grid: Callable[[str], Grid], sheetnames: Sequence[str]) -> UnitInputs | None:
    """The unit sheet alone, read as ``read`` reads it (``_Reader.unit_fields`` and
    ``_document_fields``): the unit's name, the preparer, the memo's fields and its approval
    chain, for a memo of a book that holds no scores (the progress report's tracking workbook,
    ``ita_xl.core.progress``). None without a unit sheet, or without a year that has rules."""
    if UNIT not in sheetnames:
        return None
    reader = _Reader(grid(UNIT), (), (), ())
    framework = reader.framework()
    if framework is None:
        return None
    unit = reader.unit_fields()
    document = _document_fields(reader.unit, (), reader.layout, reader.raw_fields, reader.score)
    return UnitInputs(fiscal_year=framework.fiscal_year, **unit, **document)


def measure_choices(grid: Grid, layout: Layout, findings: list[Finding]) -> tuple[MeasureChoice, ...]:
    """The rows of the choices sheet that hold something; a ใช้ cell that is neither ใช้ nor
    ไม่ใช้, or an added row without its measure, is an error at its cell."""
    found = []
    for row in layout.choice_rows:
        cell = {key: f"{column}{row}" for key, column in CHOICE_COLUMNS.items()}
        text = {key: _Reader.text(grid, address) for key, address in cell.items()}
        if not any(text.values()):
            continue
        key = from_thai_digits(text["key"]).replace(" ", "")
        if text["use"] not in ("", USE, SKIP):
            findings.append(Finding(
                ERROR, f"ช่องใช้ต้องเป็น “{USE}” หรือ “{SKIP}” (พบ “{text['use']}”)",
                f"the use cell must be {USE} or {SKIP}, not {text['use']!r}", CHOICES, cell["use"],
            ))  # fmt: skip
            continue
        if not key and not text["measure"] and text["use"] != SKIP:
            findings.append(Finding(
                ERROR, "แถวนี้ไม่มีรหัสมาตรการและไม่มีชื่อมาตรการ: ใส่รหัสจากชีตมาตรการ หรือกรอกมาตรการที่เพิ่มเอง",
                "this row has neither a measure id nor a measure", CHOICES, cell["measure"],
            ))  # fmt: skip
            continue
        fields = {k: text[k] for k in CHOICE_COLUMNS if k not in ("key", "use")}
        found.append(MeasureChoice(row, key, text["use"] != SKIP, **fields))
    return tuple(found)


class _Reader:
    """One pass over the four input sheets; every problem becomes a finding at its cell."""

    def __init__(self, unit: Grid, scores: Grid, history: Grid, criteria: Grid) -> None:
        self.unit, self.scores, self.history, self.criteria = unit, scores, history, criteria
        self.findings: list[Finding] = []
        self.cells: dict[tuple[str, Any], str] = {}
        self.layout: Layout | None = None
        self.raw_fields: dict[str, str] = {}  # the unit sheet's fields as typed (unit_fields)

    def error(self, th: str, en: str, sheet: str, address: str) -> None:
        self.findings.append(Finding(ERROR, th, en, sheet, address))

    # -- the year and the template

    def framework(self) -> Framework | None:
        """The rules of the year typed on the unit sheet, or None (with a finding)."""
        address = f"B{UNIT_FIELDS['fiscal_year']}"
        raw = _value(self.unit, address)
        try:
            number = parse_number(raw)
        except ItaError:
            number = None
        if number is None or number != int(number):
            th = f"ปีงบประมาณ “{raw or ''}” ไม่ถูกต้อง: กรอกเป็น พ.ศ. เช่น 2568"
            self.error(th, f"bad fiscal year {raw!r}", UNIT, address)
            return None
        year = int(number)
        if year not in available_years():
            years = ", ".join(map(str, available_years()))
            self.error(f"ไม่มีเกณฑ์ของปีงบประมาณ {year} (มีปี {years})", f"no framework for {year}", UNIT, address)
            return None
        framework = load_framework(year)
        self.layout = Layout(framework)
        return framework

    def matches_template(self, framework: Framework) -> bool:
        """Whether the scores sheet is this year's template (title year, tool and question rows)."""
        year, layout, scores = framework.fiscal_year, self.layout, self.scores
        address = f"B{UNIT_FIELDS['fiscal_year']}"
        title = _TITLE_YEAR.search(from_thai_digits(str(_value(scores, "A1") or "")))
        if title is not None and int(title.group(1)) != year:
            built = title.group(1)
            self.error(
                f"ชีต {SCORES} ไม่ตรงกับแม่แบบของปี {year}: แม่แบบนี้สร้างสำหรับปี {built} "
                f"(ดู {SCORES}!A1) แก้ปีกลับเป็น {built} หรือสร้างแม่แบบด้วย ita-xl template --year {year}",
                f"fiscal year {year} does not match the template, built for {built}",
                UNIT,
                address,
            )
            return False
        codes = [_value(scores, f"A{row}") for row in layout.tool_rows.values()]
        if codes != [t.code for t in framework.tools] or any(
            _value(scores, f"A{row}") != code for code, row in layout.question_rows.items()
        ):
            self.error(
                f"ชีต {SCORES} ไม่ตรงกับแม่แบบของปี {year}: ปีงบประมาณถูกเปลี่ยนหรือแถวถูกแทรก/ลบ "
                f"ให้สร้างแม่แบบของปี {year} ด้วย ita-xl template --year {year} แล้วกรอกใหม่",
                f"the {SCORES} sheet does not match the FY{year} template",
                UNIT,
                address,
            )
            return False
        return True

    # -- cells

    def score(self, sheet: str, grid: Grid, address: str, key: tuple[str, Any]) -> Any:
        """A score cell as typed (None if blank or bad; a bad one is a finding)."""
        value = _value(grid, address)
        self.cells[key] = f"{sheet}!{address}"
        if value is None:
            return None
        problem = not_a_number(value)
        if problem is None:
            try:
                check_score(value)  # the one 0-100 rule (ita_xl.core.scoring)
            except ItaError as exc:
                problem = exc
        if problem is not None:
            self.error(problem.th, problem.en, sheet, address)
            return None
        return value

    @staticmethod
    def text(grid: Grid, address: str) -> str:
        value = _value(grid, address)
        return "" if value is None else str(value).strip()

    # -- the sheets

    def unit_fields(self) -> dict[str, Any]:
        layout = self.layout
        fields = {key: self.text(self.unit, layout.unit_cell(key)) for key in layout.unit_fields}
        self.raw_fields = fields
        if fields["thai_digits"] not in ("", YES, NO):
            self.findings.append(
                Finding(
                    WARNING,
                    f"ช่องใช้เลขไทยควรเป็น “{YES}” หรือ “{NO}” จึงใช้เลขไทย",
                    "Thai-digit preference unclear; using Thai digits",
                    UNIT,
                    layout.unit_cell("thai_digits"),
                )
            )
        departments = [d for d in (self.text(self.unit, a) for a in layout.department_cells) if d]
        return {
            "name": fields["name"],
            "unit_type": fields["type"],
            "district": fields["district"],
            "province": fields["province"],
            "thai_digits": fields["thai_digits"] != NO,
            "preparer": fields["preparer"],
            "position": fields["position"],
            "departments": tuple(departments),
        }

    def score_fields(self) -> dict[str, Any]:
        layout, scores = self.layout, self.scores

        def typed(column: str, rows: dict, kind: str) -> dict:
            found = {
                key: self.score(SCORES, scores, f"{column}{row}", (kind, key)) for key, row in rows.items()
            }
            return {k: v for k, v in found.items() if v is not None}

        titles = {code: self.text(scores, f"C{row}") for code, row in layout.question_rows.items()}
        previous = {}
        if layout.previous is not None:
            previous = typed(layout.PREVIOUS_SCORE, layout.question_rows, "previous_question")
        return {
            "tools": typed("D", layout.tool_rows, "tool"),
            "indicators": typed("D", layout.indicator_rows, "indicator"),
            "questions": typed("E", layout.question_rows, "question"),
            "question_titles": {k: v for k, v in titles.items() if v and v != NO_TITLE},
            "previous_questions": previous,
        }

    def printed_fields(self) -> dict[str, Any]:
        layout, scores = self.layout, self.scores
        printed_totals = []
        for n, row in enumerate(layout.printed_total_rows):
            value = self.score(SCORES, scores, f"C{row}", ("printed_total", n))
            if value is not None:
                printed_totals.append(Printed(value, self.text(scores, f"D{row}")))
        rating_row, below_row = layout.printed_rating_row, layout.printed_below_row
        rating_value = self.text(scores, f"C{rating_row}")
        self.cells[("printed_rating", 0)] = f"{SCORES}!C{rating_row}"
        rating = Printed(rating_value, self.text(scores, f"D{rating_row}")) if rating_value else None
        below_raw = _value(scores, f"C{below_row}")
        self.cells[("printed_below", 0)] = f"{SCORES}!C{below_row}"
        below = None
        if below_raw is not None:
            try:
                below = Printed(parse_number(below_raw), self.text(scores, f"D{below_row}"))
            except ItaError as exc:
                self.error(exc.th, exc.en, SCORES, f"C{below_row}")
        return {
            "printed_totals": tuple(printed_totals),
            "printed_rating": rating,
            "printed_below_target": below,
        }

    def history_rows(self, framework: Framework) -> tuple[HistoryYear, ...]:
        earlier: list[HistoryYear] = []
        history = self.history
        for row in self.layout.history_rows:
            raw = _value(history, f"A{row}")
            total = self.score(HISTORY, history, f"B{row}", ("history_total", row))
            values = {
                i.number: self.score(
                    HISTORY, history, f"{column_letter(n)}{row}", ("history", (row, i.number))
                )
                for n, i in enumerate(framework.indicators, start=4)
            }
            if total is None and all(v is None for v in values.values()):
                continue
            try:
                hist_year = parse_number(raw)
            except ItaError:
                hist_year = None
            if hist_year is None:
                self.error("ไม่มีปีงบประมาณของแถวนี้", "history row has no year", HISTORY, f"A{row}")
                continue
            problem = _history_year_problem(
                hist_year, framework.fiscal_year, [h.fiscal_year for h in earlier]
            )
            if problem is not None:
                self.error(problem.th, problem.en, HISTORY, f"A{row}")
                continue
            earlier.append(HistoryYear(int(hist_year), total, self.text(history, f"C{row}") or None, values))
        return tuple(earlier)

    def raw_criteria(self) -> Criteria:
        layout, criteria = self.layout, self.criteria
        weights = {code: _value(criteria, f"C{row}") for code, row in layout.weight_rows.items()}
        first = layout.bands_header_row + 1
        bands = [
            [_value(criteria, f"{col}{row}") for col in "ABCD"]
            for row in range(first, first + layout.band_rule_count)
        ]
        return Criteria(_value(criteria, layout.target_cell), weights, bands)

    def result(self, framework: Framework) -> ReadResult:
        unit = self.unit_fields()
        scores = self.score_fields()
        printed = self.printed_fields()
        history = self.history_rows(framework)
        criteria = self.raw_criteria()
        if not unit["name"]:
            name_cell = self.layout.unit_cell("name")
            self.error("ยังไม่ได้กรอกชื่อหน่วยงาน", "the unit's name is empty", UNIT, name_cell)
        inputs = UnitInputs(
            fiscal_year=framework.fiscal_year,
            **unit,
            **scores,
            **printed,
            history=history,
            weights=criteria.weights,
            **_document_fields(self.unit, self.criteria, self.layout, self.raw_fields, self.score),
        )
        return ReadResult(inputs, framework, self.layout, criteria, self.findings, self.cells)


def _history_year_problem(value: float, year: int, seen: Sequence[int]) -> ItaError | None:
    """Why an earlier year's number cannot be one (Christian-era, later than this year, twice)."""
    if value != int(value) or value <= 0:
        return ItaError(f"ปี {value:g} ไม่ใช่ปีงบประมาณ: กรอกเป็น พ.ศ. เช่น {year - 1}", f"{value:g} is not a year")
    if 2000 <= value <= 2100:
        return ItaError(
            f"ปี ค.ศ.? ITA ใช้ปี พ.ศ. เช่น 2568 (ค.ศ. {int(value)} = พ.ศ. {int(value) + 543})",
            f"{int(value)} looks Christian-era: ITA uses Buddhist-era years",
        )
    if value >= year:
        return ItaError(
            f"ปี {int(value)} ไม่ได้อยู่ก่อนปีที่ประเมิน ({year}): ชีตประวัติเก็บเฉพาะปีก่อนหน้า",
            f"{int(value)} is not earlier than the assessed year {year}",
        )
    if value < 2500:
        return ItaError(f"ปี {int(value)} ไม่ใช่ปี พ.ศ. ที่มีการประเมิน ITA", f"{int(value)} is not an ITA year")
    if int(value) in seen:
        return ItaError(f"ปี {int(value)} ซ้ำกับแถวก่อนหน้า", f"{int(value)} appears twice")
    return None


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
    head = _signer(unit, layout.head_row)
    memo = MemoInputs(
        office=fields["memo_office"],
        number=fields["memo_number"],
        date=raw_date,
        checker=fields["checker"],
        checker_position=fields["checker_position"],
        head=head.name if head != Signer() else fields["head"],
        head_position=head.position if head != Signer() else fields["head_position"],
        head_role=head.role,
        opinions=tuple(s for s in (_signer(unit, row) for row in layout.opinion_rows) if s != Signer()),
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


def _signer(grid: Grid, row: int) -> Signer:
    """A row of the approval chain's table: the name in B, the position in C and the role in D
    (blank if untyped)."""
    values = (_value(grid, f"{col}{row}") for col in "BCD")
    return Signer(*(str(v).strip() if v is not None else "" for v in values))


def _text_list(grid: Grid, addresses: Sequence[str]) -> tuple[str, ...]:
    values = (_value(grid, address) for address in addresses)
    return tuple(str(v).strip() for v in values if v is not None and str(v).strip())
