"""Check a unit's inputs before anything is written: thresholds sound, figures that agree.

Errors stop generation (a broken threshold, an unreadable score). Warnings are written into
the analysis sheet: figures that disagree with their recomputation by more than ±0.01, a
printed rating of the wrong scale, a total that is not final. Notes are reminders (the
report's closing lists left as the template wrote them). Each finding names its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ita_xl.core.closing import notes as closing_notes
from ita_xl.core.errors import FrameworkError, ItaError
from ita_xl.core.figures import PRINT_TOLERANCE, agrees, parse_number
from ita_xl.core.figures import format_number as fmt
from ita_xl.core.framework import Framework, with_criteria
from ita_xl.core.layout import CRITERIA, SCORES, UNIT, Layout
from ita_xl.core.reader import ERROR, WARNING, Finding, ReadResult
from ita_xl.core.scoring import Assessment, assess, average, extremes, indicator_scores
from ita_xl.core.wording import say


def effective_framework(result: ReadResult) -> tuple[Framework | None, list[Finding]]:
    """The year's rules with the criteria sheet applied, or the error that prevents it."""
    layout, criteria, framework = result.layout, result.criteria, result.framework
    if framework is None or criteria is None or layout is None:
        return framework, []
    try:
        applied = with_criteria(
            framework,
            weights=criteria.weights,
            bands=criteria.bands,
            target=criteria.target,
            source=CRITERIA,
            cells=criteria_cells(layout),
            titles=result.inputs.question_titles if result.inputs else None,
        )
    except FrameworkError as exc:
        return None, [Finding(ERROR, exc.th, exc.en, CRITERIA, exc.cell or layout.bands_range())]
    return applied, []


def criteria_cells(layout: Layout) -> dict[str, str]:
    """Where each criteria value is typed on the criteria sheet, by ``with_criteria``'s fields."""
    cells = {"target": layout.target_cell, "tools.weight": layout.weights_range()}
    cells.update({f"tools.{code}.weight": f"C{row}" for code, row in layout.weight_rows.items()})
    first = layout.bands_header_row + 1
    for n in range(layout.band_rule_count):
        for column, part in zip("ABCD", ("min", "max", "level", "all_tools_at_least"), strict=True):
            cells[f"rating.bands[{n}].{part}"] = f"{column}{first + n}"
    cells["rating.bands"] = layout.bands_range()
    return cells


def validate(result: ReadResult) -> tuple[list[Finding], Framework | None, Assessment | None]:
    """All findings for a read workbook, and the framework and assessment when there are no errors."""
    findings = list(result.findings)
    inputs = result.inputs
    if inputs is None or any(f.severity == ERROR and f.sheet == "" for f in findings):
        return findings, None, None
    framework, problems = effective_framework(result)
    findings += problems
    if not (inputs.tools or inputs.indicators or inputs.questions):
        findings.append(
            Finding(
                ERROR,
                "ยังไม่ได้กรอกคะแนน: กรอกคะแนนเครื่องมือ ตัวชี้วัด หรือข้อคำถามในชีตคะแนน",
                "no scores typed",
                SCORES,
                f"D{min(result.layout.tool_rows.values())}",
            )
        )
    if any(f.severity == ERROR and f.sheet != CRITERIA for f in findings):
        return findings, framework, None
    # With broken criteria, the figures are still checked against the year's own rules.
    rules = framework or result.framework
    try:
        assessment = assess(
            rules, questions=inputs.questions, indicators=inputs.indicators, tools=inputs.tools
        )
    except ItaError as exc:  # pragma: no cover - the reader already checked every score
        findings.append(Finding(ERROR, exc.th, exc.en))
        return findings, framework, None
    findings += _agreement(result, rules, assessment)
    if framework is None:
        return findings, None, None
    if not inputs.departments:
        findings.append(
            Finding(
                WARNING,
                "ยังไม่ได้กรอกส่วนราชการ: ช่องผู้รับผิดชอบในตารางมาตรการจะว่าง",
                "no departments: the measures' responsible column will be empty",
                UNIT,
                result.layout.department_cells[0],
            )
        )
    findings += closing_notes(inputs, result.layout)  # lists left as the template wrote them
    return findings, framework, assessment


def _agreement(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """Every typed or printed figure against its recomputation, in ``AGREEMENT_CHECKS`` order."""
    return [finding for check in AGREEMENT_CHECKS for finding in check(result, framework, assessment)]


def _where(result: ReadResult, key: tuple[str, Any]) -> tuple[str, str]:
    """The sheet and cell a figure was typed in, e.g. ("คะแนน", "D25")."""
    sheet, _, cell = result.cells[key].partition("!")
    return sheet, cell


def check_indicators(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """Indicators typed against the mean of their typed questions."""
    found = []
    from_questions = indicator_scores(result.inputs.questions, framework)
    for number, typed in result.inputs.indicators.items():
        computed = from_questions.get(number)
        if computed is None:
            continue
        value = parse_number(typed)
        if not agrees(value, computed):
            codes = [q.code for q in framework.questions_of(number)]
            # (thai7, review 7 N1) beyond the rounding of its printed questions: they are only part of
            # the indicator (analysis.questions_partial); the report says only that, the figures are here
            within = agrees(value, computed, PRINT_TOLERANCE * len(codes))
            part = "" if within else say("checks.partial_items")
            listed = ", ".join(codes)
            found.append(
                Finding(
                    WARNING,
                    f"ตัวชี้วัดที่ {number} กรอกไว้ {fmt(value)} แต่ค่าเฉลี่ยข้อคำถาม ({listed}) "
                    f"ได้ {fmt(computed)}{part}",
                    f"indicator {number} is {fmt(value)} but its questions average {fmt(computed)}",
                    *_where(result, ("indicator", number)),
                )
            )
    return found


def check_tools(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """Tools typed against the mean of their indicators (a split instrument: its parts' mean)."""
    found = []
    indicator_values = dict(assessment.indicators)
    for instrument in dict.fromkeys(t.instrument for t in framework.tools):
        parts = framework.tools_of(instrument)
        numbers = [i.number for i in framework.indicators_of(instrument)]
        if any(indicator_values.get(n) is None for n in numbers):
            continue
        typed = [result.inputs.tools[t.code] for t in parts if t.code in result.inputs.tools]
        if len(typed) != len(parts):
            continue
        # scoring.average: the NACC's mean in decimal arithmetic, as the assessment computes it
        mean_indicators = average(indicator_values[n] for n in numbers)
        mean_typed = average(typed)
        if not agrees(mean_typed, mean_indicators, tolerance=PRINT_TOLERANCE * len(parts)):
            # several parts: their mean, not a value typed in each (Thai review 8, 9: "EIT ส่วนที่ 1
            # และ EIT ส่วนที่ 2 กรอกไว้ 96.59" read as both typed as 96.59)
            typed_words = (
                f"{parts[0].short} กรอกไว้"
                if len(parts) == 1
                else f"ค่าเฉลี่ยของ {' และ '.join(t.short for t in parts)} ที่กรอกไว้"
            )
            found.append(
                Finding(
                    WARNING,
                    f"{typed_words} {fmt(mean_typed)} แต่ค่าเฉลี่ยตัวชี้วัดได้ {fmt(mean_indicators)}",
                    f"{instrument}: typed {fmt(mean_typed)}, indicators give {fmt(mean_indicators)}",
                    *_where(result, ("tool", parts[0].code)),
                )
            )
    return found


def check_total_is_final(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """A total that is not final (a tool without a score) is said to be a range, never 0."""
    total = assessment.total
    if total.value is not None:
        return []
    missing = ", ".join(framework.tool(c).short for c in total.missing)
    return [
        Finding(
            WARNING,
            f"คะแนนรวมยังไม่สิ้นสุด เพราะไม่มีคะแนน {missing} "
            f"(อยู่ระหว่าง {fmt(total.low)}–{fmt(total.high)}): ไม่ถือเป็น 0",
            f"the total is not final: no score for {missing}",
            *_where(result, ("tool", total.missing[0])),
        )
    ]


def check_printed_totals(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """Each total printed in the report against the recomputed total (when it is final)."""
    total = assessment.total
    if total.value is None:
        return []
    found = []
    for n, printed in enumerate(result.inputs.printed_totals):
        value = parse_number(printed.value)
        if not agrees(value, total.value):
            source = f" “{printed.source}”" if printed.source else ""
            found.append(
                Finding(
                    WARNING,
                    f"คะแนนรวม {fmt(value)} ที่พิมพ์ในเอกสาร{source} ไม่ตรงกับที่คำนวณได้ {fmt(total.value)}",
                    f"printed total {fmt(value)} disagrees with the recomputed {fmt(total.value)}",
                    *_where(result, ("printed_total", n)),
                )
            )
    return found


def check_printed_rating(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """The printed level: one of the year's scale, and the computed one."""
    if result.inputs.printed_rating is None:
        return []
    printed = str(result.inputs.printed_rating.value).strip()
    names = [lv.name for lv in framework.levels]
    rating = assessment.rating
    if printed not in names:
        return [
            Finding(
                WARNING,
                f"ระดับตามเอกสาร “{printed}” ไม่ใช่ระดับตามเกณฑ์ปี {framework.fiscal_year} "
                f"({' / '.join(names)}): อาจใช้เกณฑ์ของปีอื่นปนกัน",
                f"printed level {printed!r} is not on the FY{framework.fiscal_year} scale",
                *_where(result, ("printed_rating", 0)),
            )
        ]
    if rating is not None and printed != rating.level:
        note = " (ระดับที่คำนวณได้เป็นผลเบื้องต้น)" if rating.provisional else ""
        return [
            Finding(
                WARNING,
                f"ระดับตามเอกสาร “{printed}” ไม่ตรงกับที่คำนวณได้ “{rating.level}”{note}",
                f"printed level {printed} disagrees with the computed {rating.level}",
                *_where(result, ("printed_rating", 0)),
            )
        ]
    return []


def check_printed_below_target(
    result: ReadResult, framework: Framework, assessment: Assessment
) -> list[Finding]:
    """The printed number of indicators below the target against the count of the scored ones."""
    if result.inputs.printed_below_target is None:
        return []
    scores = {n: v for n, v in assessment.indicators.items() if v is not None}
    if not scores:
        return []
    count = len(extremes(scores, framework.target).below_target)
    printed_count = parse_number(result.inputs.printed_below_target.value)
    if printed_count == count:
        return []
    return [
        Finding(
            WARNING,
            f"เอกสารระบุว่ามีตัวชี้วัดต่ำกว่าค่าเป้าหมาย {printed_count:g} ตัว แต่นับได้ {count} ตัว",
            f"printed {printed_count:g} indicators below target, counted {count}",
            *_where(result, ("printed_below", 0)),
        )
    ]


def check_printed_weights(result: ReadResult, framework: Framework, assessment: Assessment) -> list[Finding]:
    """Each tool weight an earlier document printed against the weight the total uses."""
    found = []
    for code, printed in result.inputs.printed_weights.items():
        value = parse_number(printed.value)
        rule = framework.tool(code).weight
        if value is not None and not agrees(value, float(rule)):
            found.append(
                Finding(
                    WARNING,
                    f"น้ำหนัก {framework.tool(code).short} ที่พิมพ์ในเอกสาร ร้อยละ {fmt(value, 0)} "
                    f"ไม่ตรงกับเกณฑ์ที่ใช้คำนวณ ร้อยละ {fmt(rule, 0)}",
                    f"printed {code} weight {fmt(value, 0)} differs from the rules' {fmt(rule, 0)}",
                    *_where(result, ("printed_weight", code)),
                )
            )
    return found


Check = Callable[[ReadResult, Framework, Assessment], list[Finding]]

#: The agreement checks, one per kind of figure, in the order their findings are listed.
AGREEMENT_CHECKS: tuple[Check, ...] = (
    check_indicators,
    check_tools,
    check_total_is_final,
    check_printed_totals,
    check_printed_rating,
    check_printed_below_target,
    check_printed_weights,
)
