"""The memo page (บันทึกข้อความ) that sends the analysis and the measures to the head of unit.

Laid out as the seeds' memos are (seeds 000 and 004): ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน,
the body, the preparer's signature, then the approval chain as the unit sheet lists it: one
opinion block per signer typed (หัวหน้าสำนักปลัด, ปลัด, รองนายก, …; seed 004 has four), two
side by side, and last the head of unit's approval (อนุมัติ / ไม่อนุมัติ). What the unit did
not type is left as a dotted blank to fill in by hand: no date, number, name or position is
ever made up. All its words are in the wording catalogue (``memo.*``).

One A4 portrait page: the sheet is printed fit to one page (``SheetSpec.one_page``); Word
cannot shrink a page, so there the memo is set at a tighter exact line pitch (``ita_xl.docx.render``)
and the chain goes two blocks a row. The seeds' longest chain (four opinions and the approval)
fits; a chain of five opinions may run onto a second page in Word (Excel still fits it).

The body states the total and the level that section ๑ states (``Report.outcome``): a typed
published figure is the official one; otherwise the recomputation, and a level only when it
does not rest on stand-in tool scores.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ita_xl.core.analysis import THAI_MONTHS, Report
from ita_xl.core.figures import format_number, round2
from ita_xl.core.inputs import Signer, UnitInputs
from ita_xl.core.sheets import SheetSpec, _Builder
from ita_xl.core.wording import glue, say

MEMO = say("memo.title")
#: A blank to fill in by hand.
BLANK = say("memo.blank")
#: The head's label column holds "ส่วนราชการ" on one line in Word too (a sixth of the width).
_WIDTHS = (28, 40, 14, 56)


def thai_date(value: datetime.date | str | None) -> str:
    """``7 มกราคม 2564`` for a date (Buddhist era); text as typed; a blank when there is none."""
    if value is None or value == "":
        return BLANK
    if isinstance(value, datetime.date):
        return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + 543}"
    return str(value)


def stated_total(report: Report) -> Decimal | None:
    """The total the memo states: section ๑'s (``Report.outcome``, one source for both, Thai
    review 8, 20): the typed published figure (the official one), else the final recomputation
    (seed 001 prints 97.80 and 95.70, neither official: section ๑ and the memo state 97.90)."""
    result = report.outcome
    return None if result is None or result.total is None else round2(result.total)


def stated_level(report: Report) -> str | None:
    """The level the memo states: section ๑'s, a typed published level of the year's scale,
    otherwise the level the rules decide from typed figures (never from stand-in scores)."""
    return None if report.outcome is None else report.outcome.level


def body(report: Report) -> list[str]:
    """The memo's paragraphs: what was assessed, the result as far as it is known (one sentence
    with the work done, the unit named once), the request."""
    fw, unit = report.framework, report.inputs
    office = unit.memo.office or unit.name
    total, level = stated_total(report), stated_level(report)
    if total is None:
        done = say("memo.done", actor=office + glue(office), measures_year=report.measures_year)
    else:
        result = say("memo.result_total", unit=unit.name, space=glue(unit.name), total=format_number(total))
        if level is not None:
            space = " " if level.isascii() else ""  # ระดับ B, ระดับผ่านดี
            result += say("memo.result_level", space=space, level=level)
        actor = "" if office == unit.name else office + glue(office)
        done = say("memo.done_result", result=result, actor=actor, measures_year=report.measures_year)
    return [say("memo.intro", year=fw.fiscal_year), done, say("memo.request")]


def subject(report: Report) -> str:
    return say("memo.subject", year=report.framework.fiscal_year, measures_year=report.measures_year)


def _signature(b: _Builder, name: str, position: str, col: int = 3, span: int = 2) -> None:
    """A signature: the line to sign on, the name in brackets and the position (blanks if untyped)."""
    lines = (say("memo.sign"), say("memo.name", name=name or BLANK),
             position or say("memo.position", blank=BLANK))  # fmt: skip
    for text in lines:
        b.put([[text]], "center", col=col, span=span)


def memo_sheet(report: Report) -> SheetSpec:
    """The memo page, printed first: one A4 portrait page."""
    unit, memo = report.inputs, report.inputs.memo
    b = _Builder(_WIDTHS, unit.thai_digits)
    head(b, office(unit), memo.number, thai_date(memo.date), subject(report), addressee(unit))
    for paragraph in body(report):
        b.line(paragraph, gap=1)  # a blank row between paragraphs, as the seeds' memos have
    signatures(b, unit)
    return b.spec(MEMO, one_page=True)


def head(b: _Builder, office: str, number: str, date: str, topic: str, to: str) -> None:
    """The memo's title and head: ส่วนราชการ, ที่ and วันที่, เรื่อง, เรียน (blanks where untyped)."""
    b.line(MEMO, "title", gap=1)
    _field(b, say("memo.office"), office or BLANK)
    top = b.row
    _field(b, say("memo.number"), number or BLANK, span=1)
    b.row = top
    b.put([[say("memo.date")]], "strong", col=3)
    b.row = top
    b.put([[date or BLANK]], "cell", col=4)
    _field(b, say("memo.topic"), topic)
    _field(b, say("memo.to"), to or BLANK)
    b.row += 1


def chain(unit: UnitInputs) -> tuple[list[Signer], Signer]:
    """Who gives an opinion, in order, and the head of unit who approves: the unit sheet's
    chain as typed; a file made before the chain's table gives its one checker. With no one
    typed, the seeds' chain of two opinions (seeds 000 and 004: หัวหน้าสำนักปลัด, then ปลัด)
    as dotted blanks, so the clerk fills in, not adds, a level (thai7, review 7 v)."""
    memo = unit.memo
    if not memo.opinions and not (memo.checker or memo.checker_position):
        return [Signer(), Signer()], Signer(memo.head, memo.head_position, memo.head_role)
    opinions = list(memo.opinions) or [Signer(memo.checker, memo.checker_position)]
    return opinions, Signer(memo.head, memo.head_position, memo.head_role)


def addressee(unit: UnitInputs) -> str:
    """เรียน: the head of unit's role or position (the seeds' memos go to the นายก who approves)."""
    return unit.memo.head_role or unit.memo.head_position


def office(unit: UnitInputs) -> str:
    """ส่วนราชการ: the division the unit sheet names for the memo (seed 004 "งานวิเคราะห์นโยบายและแผน
    สำนักปลัดเทศบาล"), else the unit's name; both memos read it here."""
    return unit.memo.office or unit.name


def signatures(b: _Builder, unit: UnitInputs) -> None:
    """The preparer's signature, one opinion block per signer of the chain, two side by side,
    and the head of unit's approval across the page."""
    _signature(b, unit.preparer, unit.position, col=1, span=len(_WIDTHS))
    b.row += 1
    opinions, approver = chain(unit)
    for n in range(0, len(opinions), 2):
        top = b.row
        for signer, col in zip(opinions[n : n + 2], (1, 3), strict=False):
            b.row = top
            b.put([[say("memo.opinion", position=signer.title or BLANK)]], "cell", col=col, span=2)
            _signature(b, signer.name, signer.position, col=col)
    b.row += 1
    b.line(say("memo.approval", position=approver.title or BLANK), "center")
    b.line(say("memo.approve"), "center")
    _signature(b, approver.name, approver.position, col=1, span=len(_WIDTHS))


def _field(b: _Builder, label: str, value: str, span: int = 3) -> None:
    """A labelled line of the memo's head: the label in bold, the value beside it."""
    top = b.row
    b.put([[label]], "strong")
    b.row = top
    b.put([[value]], "cell", col=2, span=span)
