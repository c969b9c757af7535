"""Where everything is in a year's template: sheet names, fixed rows, and ``Layout``.

Data the core owns: the template builder (``ita_xl.xlsx.template``) writes there, the
sample filler writes there, and the reader (``ita_xl.core.reader``) and the generators read
from there, so no address is written twice. Pure: no workbook library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ita_xl.core.framework import Framework, available_years, load_framework

UNIT, SCORES, HISTORY, CRITERIA = "หน่วยงาน", "คะแนน", "ประวัติ", "เกณฑ์"
TEMPLATE_VERSION = "1"
UNIT_TYPES = (
    "องค์การบริหารส่วนตำบล",
    "เทศบาลตำบล",
    "เทศบาลเมือง",
    "เทศบาลนคร",
    "องค์การบริหารส่วนจังหวัด",
    "เมืองพัทยา",
    "กรุงเทพมหานคร",
    "ส่วนราชการ",
    "หน่วยงานอื่น",
)
YES, NO = "ใช่", "ไม่ใช่"
#: Said of an item that has no counterpart last year (crosswalk).
NEW_ITEM = "ไม่มีในปีก่อน"
#: Shown where the year's data has no title for a question (not read back as a title).
NO_TITLE = "(ไม่มีชื่อข้อคำถามในข้อมูลของปีนี้)"
DEPARTMENT_ROWS = 20
HISTORY_YEARS = 5
SPARE_BAND_ROWS = 3
PRINTED_TOTALS = 2
#: Rows of the unit sheet's fields (values in column B); fixed for every year.
UNIT_FIELDS = {
    "name": 4,
    "type": 5,
    "district": 6,
    "province": 7,
    "fiscal_year": 8,
    "thai_digits": 9,
    "preparer": 10,
    "position": 11,
    # Appended below the departments (rows 14-33), so earlier files keep their rows and
    # read these as blank.
    "memo_office": 36,
    "memo_number": 37,
    "memo_date": 38,
    "checker": 39,
    "checker_position": 40,
    "head": 41,
    "head_position": 42,
}
#: The memo block's heading row on the unit sheet.
MEMO_HEADING_ROW = 35
#: The editable lists of the report (one item a row, column B), each under a heading row.
TEXT_LIST_ROWS = 8
LIMITATIONS_HEADING_ROW = 44
RECOMMENDATIONS_HEADING_ROW = LIMITATIONS_HEADING_ROW + TEXT_LIST_ROWS + 2
#: The memo's approval chain, below the lists (issue 14): a heading row, a header row, then one
#: row per signer in the order the memo is sent up (name in B, position in C): up to
#: ``OPINION_ROWS`` who give an opinion (ผู้ตรวจสอบ, หัวหน้าสำนักปลัด, ปลัด, …) and, last, the head
#: of unit who approves. A file made before this table reads the checker and head fields above.
APPROVERS_HEADING_ROW = RECOMMENDATIONS_HEADING_ROW + TEXT_LIST_ROWS + 2
OPINION_ROWS = 5
#: The unit sheet's memo fields that earlier files hold and the reader still reads, but the
#: template no longer shows: the approval chain's table took their place.
LEGACY_MEMO_FIELDS = ("checker", "checker_position", "head", "head_position")

#: The optional sheet where the user adjusts the suggested measures before generating: one
#: row per choice; a row with a measure id (รหัส, as the measures sheet prints it) switches that
#: row off or changes its divisions, a row without one adds the unit's own measure. A workbook
#: made before this sheet existed has none and gets every suggested row.
CHOICES = "ปรับมาตรการ"
CHOICE_HEADER_ROW = 4
CHOICE_ROWS = 40
#: Columns of the choices sheet, by field.
CHOICE_COLUMNS = {
    "key": "A",
    "use": "B",
    "owner": "C",
    "theme": "D",
    "measure": "E",
    "steps": "F",
    "period": "G",
    "analysis": "H",
    "monitoring": "I",
}
#: The values of the choices sheet's column ใช้ (blank: ใช้).
USE, SKIP = "ใช้", "ไม่ใช้"


def ref(sheet: str, cell: str) -> str:
    """An absolute reference to ``cell`` on ``sheet`` for a formula."""
    return f"'{sheet}'!{absolute(cell)}"


def absolute(cell: str) -> str:
    parts = []
    for piece in cell.split(":"):
        letters = "".join(ch for ch in piece if ch.isalpha())
        digits = piece[len(letters) :]
        parts.append(f"${letters}${digits}")
    return ":".join(parts)


@dataclass(frozen=True)
class Layout:
    """Every address in one year's template, derived from its framework."""

    framework: Framework

    # -- unit sheet (fixed rows)
    unit_fields: Mapping[str, int] = field(default_factory=lambda: dict(UNIT_FIELDS))
    departments_first_row: int = 14

    # -- scores sheet: summary and printed figures
    total_row: int = 4
    rating_row: int = 5
    reason_row: int = 6
    pass_row: int = 7
    printed_header_row: int = 9

    def unit_cell(self, key: str) -> str:
        return f"B{self.unit_fields[key]}"

    @property
    def department_cells(self) -> list[str]:
        return [f"B{self.departments_first_row + n}" for n in range(DEPARTMENT_ROWS)]

    @property
    def limitation_cells(self) -> list[str]:
        return [f"B{LIMITATIONS_HEADING_ROW + 1 + n}" for n in range(TEXT_LIST_ROWS)]

    @property
    def choice_rows(self) -> list[int]:
        return [CHOICE_HEADER_ROW + 1 + n for n in range(CHOICE_ROWS)]

    @property
    def opinion_rows(self) -> list[int]:
        """The approval chain's rows of those who give an opinion, in order."""
        return [APPROVERS_HEADING_ROW + 2 + n for n in range(OPINION_ROWS)]

    @property
    def head_row(self) -> int:
        """The approval chain's last row: the head of unit, who approves."""
        return APPROVERS_HEADING_ROW + 2 + OPINION_ROWS

    @property
    def recommendation_cells(self) -> list[str]:
        return [f"B{RECOMMENDATIONS_HEADING_ROW + 1 + n}" for n in range(TEXT_LIST_ROWS)]

    @property
    def printed_total_rows(self) -> list[int]:
        return [self.printed_header_row + 1 + n for n in range(PRINTED_TOTALS)]

    @property
    def printed_rating_row(self) -> int:
        return self.printed_header_row + 1 + PRINTED_TOTALS

    @property
    def printed_below_row(self) -> int:
        return self.printed_rating_row + 1

    # -- scores sheet: tools, indicators, sub-indicators, questions

    @property
    def tools_header_row(self) -> int:
        return self.printed_below_row + 2

    @cached_property
    def tool_rows(self) -> dict[str, int]:
        first = self.tools_header_row + 1
        return {t.code: first + n for n, t in enumerate(self.framework.tools)}

    @property
    def indicators_header_row(self) -> int:
        return max(self.tool_rows.values()) + 2

    @cached_property
    def indicator_rows(self) -> dict[int, int]:
        first = self.indicators_header_row + 1
        return {i.number: first + n for n, i in enumerate(self.framework.indicators)}

    @property
    def extremes_rows(self) -> tuple[int, int, int]:
        last = max(self.indicator_rows.values())
        return last + 1, last + 2, last + 3

    @property
    def subindicators_header_row(self) -> int | None:
        return self.extremes_rows[-1] + 2 if self.framework.subindicators else None

    @cached_property
    def subindicator_rows(self) -> dict[str, int]:
        if self.subindicators_header_row is None:
            return {}
        first = self.subindicators_header_row + 1
        return {s.code: first + n for n, s in enumerate(self.framework.subindicators)}

    @property
    def questions_header_row(self) -> int | None:
        if not self.framework.questions:
            return None
        before = max(self.subindicator_rows.values()) if self.subindicator_rows else self.extremes_rows[-1]
        return before + 2

    @cached_property
    def question_rows(self) -> dict[str, int]:
        if self.questions_header_row is None:
            return {}
        first = self.questions_header_row + 1
        return {q.code: first + n for n, q in enumerate(self.framework.questions)}

    # columns of the tool and indicator tables
    TYPED, COMPUTED, USED, PASS, NOTE = "D", "E", "F", "G", "H"
    QUESTION_SCORE = "E"
    #: The same item's score last year (input) and its code(s) then, from the crosswalk.
    PREVIOUS_SCORE, PREVIOUS_CODE = "F", "G"

    @cached_property
    def previous(self) -> Framework | None:
        """Last fiscal year's rules, when both years have item keys (item-level trend)."""
        year = self.framework.fiscal_year - 1
        if not self.framework.item_keys or year not in available_years():
            return None
        earlier = load_framework(year)
        return earlier if earlier.item_keys else None

    def used_tool_range(self) -> str:
        rows = list(self.tool_rows.values())
        return f"{self.USED}{rows[0]}:{self.USED}{rows[-1]}"

    def used_indicator_range(self) -> str:
        rows = list(self.indicator_rows.values())
        return f"{self.USED}{rows[0]}:{self.USED}{rows[-1]}"

    # -- criteria sheet
    target_cell: str = "B4"
    weights_header_row: int = 6
    #: Beside each weight: the weight an earlier document printed, a figure to check only.
    PRINTED_WEIGHT = "E"

    @cached_property
    def weight_rows(self) -> dict[str, int]:
        first = self.weights_header_row + 1
        return {t.code: first + n for n, t in enumerate(self.framework.tools)}

    def weights_range(self) -> str:
        rows = list(self.weight_rows.values())
        return f"C{rows[0]}:C{rows[-1]}"

    @property
    def bands_header_row(self) -> int:
        return max(self.weight_rows.values()) + 3

    @property
    def band_rule_count(self) -> int:
        return sum(len(b.rules) for b in self.framework.bands) + SPARE_BAND_ROWS

    def bands_range(self) -> str:
        first = self.bands_header_row + 1
        return f"A{first}:D{first + self.band_rule_count - 1}"

    # -- history sheet
    history_header_row: int = 3

    @property
    def history_rows(self) -> list[int]:
        return [self.history_header_row + 1 + n for n in range(HISTORY_YEARS)]

    @property
    def history_current_row(self) -> int:
        return self.history_rows[-1] + 1


# -- the paste sheet: the user pastes a copied result text from PASTE_CELL down, within
# columns A..PASTE_COLUMNS, may type the result's year in PASTE_YEAR_CELL (blank: the year
# the text names); the import writes what it did in PASTE_REPORT_COLUMN.
PASTE = "วางผลการประเมิน"
PASTE_YEAR_CELL = "F3"
PASTE_CELL = "A5"
PASTE_COLUMNS = 10
PASTE_REPORT_COLUMN = "L"
