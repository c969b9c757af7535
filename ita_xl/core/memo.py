"""The memo page (บันทึกข้อความ) that sends the analysis and the measures to the head of unit.

Laid out as the seeds' memos are (seeds 000 and 004): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน,
the body, the preparer's signature, then the checker's opinion and the head of unit's
approval, each with a name and position from the unit sheet. What the unit did not type is
left as a dotted blank to fill in by hand: no date, number or name is ever made up.

The body states the total and the level only where the data supports them: a typed
published figure is the official one; otherwise the recomputation, and a level only when it
does not rest on stand-in tool scores.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ita_xl.core.analysis import THAI_MONTHS, Report
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, format_number, parse_number, round2
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.sheets import SheetSpec, _Builder

MEMO = "บันทึกข้อความ"
#: A blank to fill in by hand.
BLANK = "…………………………………………"
_WIDTHS = (22, 40, 18, 44)


def thai_date(value: datetime.date | str | None) -> str:
    """``7 มกราคม 2564`` for a date (Buddhist era); text as typed; a blank when there is none."""
    if value is None or value == "":
        return BLANK
    if isinstance(value, datetime.date):
        return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + 543}"
    return str(value)


def stated_total(report: Report) -> Decimal | None:
    """The total the memo may state: the typed published figure (the official one); of two
    that disagree, the one the recomputation confirms; otherwise the recomputation."""
    printed = sorted({_number(p.value) for p in report.inputs.printed_totals} - {None})
    computed = report.assessment.total.value
    if len(printed) == 1:
        return printed[0]
    if printed:
        confirmed = [p for p in printed if computed is not None and agrees(p, computed)]
        return confirmed[0] if len(confirmed) == 1 else None
    return None if computed is None else round2(computed)


def stated_level(report: Report) -> str | None:
    """The level the memo may state: a typed published level of the year's scale, otherwise
    the computed level unless it rests on stand-in scores or is missing."""
    printed = report.inputs.printed_rating
    names = {level.name for level in report.framework.levels}
    if printed is not None and str(printed.value).strip() in names:
        return str(printed.value).strip()
    rating = report.assessment.rating
    if rating is None or rating.provisional:
        return None
    return rating.level


def _number(value: object) -> Decimal | None:
    try:
        number = parse_number(value)
    except ItaError:
        return None
    return None if number is None else round2(number)


def body(report: Report) -> list[str]:
    """The memo's paragraphs: what was assessed, the result as far as it is known, the request."""
    fw, unit = report.framework, report.inputs
    office = unit.memo.office or unit.name
    paragraphs = [
        "ตามที่ สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้ดำเนินการ"
        "ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency "
        f"Assessment: ITA) ประจำปีงบประมาณ พ.ศ. {fw.fiscal_year} นั้น"
    ]
    total, level = stated_total(report), stated_level(report)
    result = ""
    if total is not None:
        result = f"{unit.name} มีผลคะแนนในภาพรวม {format_number(total)} คะแนน"
        if level is not None:
            space = " " if level.isascii() else ""  # ระดับ B, ระดับผ่านดี
            result += f" ผลการประเมินอยู่ในระดับ{space}{level}"
        result += " "
    paragraphs.append(
        f"บัดนี้ {result}{office} ได้วิเคราะห์ผลการประเมินและจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
        f"ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {report.measures_year} แล้ว รายละเอียดตามเอกสารแนบ"
    )
    paragraphs.append("จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดอนุมัติให้เผยแพร่บนเว็บไซต์ของหน่วยงาน")
    return paragraphs


def subject(report: Report) -> str:
    return (
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
        f"ประจำปีงบประมาณ พ.ศ. {report.framework.fiscal_year} และมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
        f"ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {report.measures_year}"
    )


def _signature(b: _Builder, name: str, position: str) -> None:
    """A signature: the line to sign on, the name in brackets and the position (blanks if untyped)."""
    for text in (f"(ลงชื่อ) {BLANK}", f"({name or BLANK})", position or f"ตำแหน่ง {BLANK}"):
        b.put([[text]], "center", col=3, span=2)


def memo_sheet(report: Report) -> SheetSpec:
    """The memo page, printed first: one A4 portrait page."""
    unit, memo = report.inputs, report.inputs.memo
    b = _Builder(_WIDTHS, unit.thai_digits)
    head(b, memo.office or unit.name, memo.number, thai_date(memo.date), subject(report), memo.head_position)
    for paragraph in body(report):
        b.line(paragraph, gap=1)  # a blank row between paragraphs, as the seeds' memos have
    signatures(b, unit)
    return b.spec(MEMO)


def head(b: _Builder, office: str, number: str, date: str, topic: str, to: str) -> None:
    """The memo's title and head: ส่วนราชการ, ที่ and วันที่, เรื่อง, เรียน (blanks where untyped)."""
    b.line(MEMO, "title", gap=1)
    _field(b, "ส่วนราชการ", office or BLANK)
    top = b.row
    _field(b, "ที่", number or BLANK, span=1)
    b.row = top
    b.put([["วันที่"]], "strong", col=3)
    b.row = top
    b.put([[date or BLANK]], "cell", col=4)
    _field(b, "เรื่อง", topic)
    _field(b, "เรียน", to or BLANK)
    b.row += 1


def signatures(b: _Builder, unit: UnitInputs) -> None:
    """The preparer's signature, the checker's opinion and the head of unit's approval."""
    memo = unit.memo
    _signature(b, unit.preparer, unit.position)
    b.row += 1
    checker_title = memo.checker_position or "ผู้ตรวจสอบ"
    b.line(f"ความเห็นของ{checker_title} {BLANK}{BLANK}")
    _signature(b, memo.checker, memo.checker_position)
    b.row += 1
    head_title = memo.head_position or "หัวหน้าหน่วยงาน"
    b.line(f"ความเห็นของ{head_title}")
    b.line("☐ อนุมัติ        ☐ ไม่อนุมัติ", "center")
    _signature(b, memo.head, memo.head_position)


def _field(b: _Builder, label: str, value: str, span: int = 3) -> None:
    """A labelled line of the memo's head: the label in bold, the value beside it."""
    top = b.row
    b.put([[label]], "strong")
    b.row = top
    b.put([[value]], "cell", col=2, span=span)
