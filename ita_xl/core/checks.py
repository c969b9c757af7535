"""The checks sheet (ตรวจสอบ): what validation found and each printed figure against its
recomputation, with the cell it was typed in. A working sheet beside the report, never part
of it: no print area, no page setup, and the report itself holds no cell address.
"""

from __future__ import annotations

import re
from typing import Any

from ita_xl.core.analysis import Report
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, format_number, from_thai_digits, parse_number
from ita_xl.core.framework import assumed_note, available_years, items_confirmed, load_framework
from ita_xl.core.layout import CHOICE_COLUMNS, CHOICES, CRITERIA, SCORES, SKIP, Layout
from ita_xl.core.sheets import SheetSpec, _Builder, published_under
from ita_xl.core.wording import THAI_MONTHS, join_list, say

CHECKS = "ตรวจสอบ"
_WIDTHS = (8, 18, 16, 70)
AGREE, DISAGREE, NOT_COMPUTED = "ตรงกัน", "ไม่ตรงกัน", "คำนวณไม่ได้"


def checks_sheet(report: Report) -> SheetSpec:
    """The findings (each with its cell) and the printed figures against the recomputation."""
    b = _Builder(_WIDTHS, thai=False)  # cell addresses and figures as Excel shows them
    b.line(f"ผลการตรวจสอบข้อมูล: {report.inputs.name}", "title")
    b.line(
        "ชีตนี้ใช้ตรวจทานข้อมูลก่อนเสนอรายงาน ไม่ใช่ส่วนหนึ่งของรายงาน และไม่ได้ตั้งค่าการพิมพ์",
        "note",
        gap=1,
    )
    b.line("ข้อสังเกตจากการตรวจสอบ", "strong")
    if report.warnings:
        b.table(
            ["ที่", "เซลล์", "ระดับ", "ข้อสังเกต"],
            [[n, f.where or "-", f.label, f.th] for n, f in enumerate(report.warnings, start=1)],
            ["center", "center", "center", "warning"],
        )
    else:
        b.line("ไม่พบข้อสังเกต", gap=1)
    _notes(b, report)
    if report.framework.assumed:  # the rules the report was computed with, and where to correct them
        b.line(assumed_note(report.framework), "warning", gap=1)
    if report.measures_year not in available_years():  # the measures sheet names no OIT item
        b.line(say("measures.item_unknown", year=report.measures_year), "warning", gap=1)
    elif not items_confirmed(report.measures_year) and published_under(report.measures_year):
        # (thai7, review 7 viii) items by title only; (review 8, 9) only where the table cites one
        status = next(
            (
                p.status_th
                for p in load_framework(report.measures_year).provenance
                if p.section == "oit_questions"
            ),
            "",
        )
        b.line(say("checks.items_likely", year=report.measures_year, status=status), "warning", gap=1)
    b.line("ตัวเลขที่พิมพ์ในเอกสารเทียบกับค่าที่คำนวณได้", "strong")
    rows = recomputation_rows(report)
    b.table(["ที่", "เซลล์", "ผล", "รายการ"], rows, ["center", "center", "center", "cell"])
    if not rows:
        b.line("ไม่ได้กรอกตัวเลขที่พิมพ์ในเอกสาร")
    _switched_off(b, report)
    _periods(b, report)
    return b.spec(CHECKS, printed=False)


def _notes(b: _Builder, report: Report) -> None:
    """Reminders that are not problems (severity NOTE), apart from the findings above."""
    if not report.notes:
        return
    b.line(say("checks.notes"), "strong")
    rows = [[n, f.where or "-", f.label, f.th] for n, f in enumerate(report.notes, start=1)]
    b.table(["ที่", "เซลล์", "ระดับ", "หมายเหตุ"], rows, ["center", "center", "center", "cell"])


def _switched_off(b: _Builder, report: Report) -> None:
    """The suggested measures the user left out on the choices sheet (not in the report)."""
    if not report.switched_off:
        return
    b.line(f"มาตรการที่เสนอแต่ไม่ใช้ (เลือก “{SKIP}” ในชีต{CHOICES}) จึงไม่อยู่ในตารางมาตรการ", "strong")
    rows = [
        [n, where, "ไม่ใช้", f"{row.key} {row.measure} ({row.theme})"]
        for n, (where, row) in enumerate(report.switched_off, start=1)
    ]
    b.table(["ที่", "เซลล์", "ผล", "มาตรการ"], rows, ["center", "center", "center", "cell"])


def _periods(b: _Builder, report: Report) -> None:
    """The periods the unit typed that fall outside the measures' fiscal year or span more
    than twelve months; printed as typed in the report, listed here to check."""
    rows = period_rows(report)
    if rows:
        b.line(say("checks.periods", year=report.measures_year), "strong")
        b.table(["ที่", "เซลล์", "ผล", "ระยะเวลาดำเนินการ"], rows, ["center", "center", "center", "cell"])


#: A month as staff type it: a day (optional), the Thai month, พ.ศ. (optional) and a
#: Buddhist-era year of four digits (digits already Arabic).
_DATE = r"(?:\d{1,2}\s*)?(" + "|".join(THAI_MONTHS) + r")\s*(?:พ\.\s*ศ\.\s*)?(25\d\d)"
_RANGE = re.compile(rf"^(?:ระหว่าง\s*)?(?:เดือน\s*)?{_DATE}\s*(?:–|-|—|ถึง)\s*(?:เดือน\s*)?{_DATE}$")
_ONE_MONTH = re.compile(rf"^(?:เดือน\s*)?{_DATE}$")
_FISCAL_YEAR = re.compile(r"^(?:ตลอด)?\s*ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(25\d\d)$")


def read_period(text: str) -> tuple[int, int] | None:
    """The first and last month of a typed period, each counted as year × 12 + month index
    (Buddhist era; October of 2568 is 2568 × 12 + 9), or None when the text is not one of
    the forms read: "ตุลาคม ๒๕๖๘ – กันยายน ๒๕๖๙" (a day before a month, "พ.ศ.", "-" or "ถึง"
    allowed), one month "มกราคม ๒๕๖๘", a fiscal year "ตลอดปีงบประมาณ พ.ศ. ๒๕๖๘". Anything
    else (a month without its year, a year alone, words) is not read: no guess."""
    typed = " ".join(from_thai_digits(str(text or "")).split())
    if found := _RANGE.match(typed):
        first, year1, last, year2 = found.groups()
        return _month(first, year1), _month(last, year2)
    if found := _ONE_MONTH.match(typed):
        month = _month(*found.groups())
        return month, month
    if found := _FISCAL_YEAR.match(typed):
        return _fiscal_months(int(found.group(1)))
    return None


def _month(name: str, year: str) -> int:
    return int(year) * 12 + THAI_MONTHS.index(name)


def _fiscal_months(year: int) -> tuple[int, int]:
    """The first and last month of fiscal year ``year``: ตุลาคม ``year`` - 1 to กันยายน ``year``."""
    return _month(THAI_MONTHS[9], str(year - 1)), _month(THAI_MONTHS[8], str(year))


def period_problems(text: str, fiscal_year: int) -> list[str]:
    """What is wrong with a typed period for measures of ``fiscal_year`` (FY N: 1 ตุลาคม N-1 to
    30 กันยายน N, ITA_REFERENCE.md), in words; empty when it fits or cannot be read."""
    read = read_period(text)
    if read is None:
        return []
    first, last = read
    if last < first:
        return [say("period.reversed")]
    problems = []
    start, end = _fiscal_months(fiscal_year)
    if first < start or last > end:
        problems.append(say("period.outside", year=fiscal_year, before=fiscal_year - 1))
    if last - first + 1 > 12:
        problems.append(say("period.long", months=last - first + 1))
    return problems


def period_rows(report: Report) -> list[list[Any]]:
    """Each typed period of a row in use that ``period_problems`` finds wrong, at its cell."""
    rows = []
    for choice in report.inputs.measure_choices:
        problems = period_problems(choice.period, report.measures_year) if choice.use else []
        if problems:
            where = f"{CHOICES}!{CHOICE_COLUMNS['period']}{choice.row}"
            text = say("period.finding", typed=choice.period.strip(), problems=" และ".join(problems))
            rows.append([len(rows) + 1, where, "ควรตรวจทาน", text])
    return rows


def recomputation_rows(report: Report) -> list[list[Any]]:
    """Each printed total, rating and weight: where it is typed, whether it agrees, in words."""
    layout = Layout(report.framework)
    computed = report.assessment.total.value
    rows: list[tuple[str, str, str]] = []
    for printed, row in zip(report.inputs.printed_totals, layout.printed_total_rows, strict=False):
        value = _number(printed.value)
        text = f"คะแนนรวมที่พิมพ์ {_show(value, printed.value)}"
        if computed is None or value is None:
            rows.append((f"{SCORES}!C{row}", NOT_COMPUTED, text + " คะแนนรวมยังคำนวณไม่ได้"))
            continue
        result = AGREE if agrees(value, computed) else DISAGREE
        rows.append((f"{SCORES}!C{row}", result, f"{text} คำนวณได้ {format_number(computed)}"))
    rows += _rating_rows(report, layout)
    for code, printed in report.inputs.printed_weights.items():
        rule = report.framework.tool(code).weight
        value = _number(printed.value)
        result = AGREE if value is not None and agrees(value, float(rule)) else DISAGREE
        text = f"น้ำหนัก {code} ที่พิมพ์ {_show(value, printed.value)} เกณฑ์ของปีคือ {format_number(rule, 0)}"
        rows.append((f"{CRITERIA}!{layout.PRINTED_WEIGHT}{layout.weight_rows[code]}", result, text))
    return [[n, *row] for n, row in enumerate(rows, start=1)]


def _rating_rows(report: Report, layout: Layout) -> list[tuple[str, str, str]]:
    printed = report.inputs.printed_rating
    if printed is None:
        return []
    where = f"{SCORES}!C{layout.printed_rating_row}"
    rating = report.assessment.rating
    if rating is None:
        return [(where, NOT_COMPUTED, f"ระดับที่พิมพ์ {printed.value} ระดับยังคำนวณไม่ได้")]
    result = AGREE if str(printed.value).strip() == rating.level else DISAGREE
    note = _provisional(report) if rating.provisional else ""
    return [(where, result, f"ระดับที่พิมพ์ {printed.value} คำนวณได้ {rating.level}{note}")]


def _provisional(report: Report) -> str:
    """(Thai review 8, 9) Why a computed level is only a preliminary result (ผลเบื้องต้น): the
    parts it rests on were not typed and their instrument's indicators' mean stands in."""
    fw, stand_ins = report.framework, sorted(report.assessment.tools.stand_ins)
    if not stand_ins:
        return say("checks.level_preliminary")
    parts = join_list([fw.tool(code).short for code in stand_ins])
    return say("checks.level_preliminary_parts", instrument=fw.tool(stand_ins[0]).instrument, parts=parts)


def _number(value: object) -> float | None:
    try:
        return parse_number(value)
    except ItaError:
        return None


def _show(number: float | None, raw: object) -> str:
    return str(raw) if number is None else format_number(number)
