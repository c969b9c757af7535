"""The analysis and the measures as data: what the two generated sheets say, computed once.

Pure: no Excel. ``build_report`` takes a unit's inputs, the year's rules (criteria applied)
and the validation findings, and returns a ``Report`` that ``ita_xl.core.sheets`` lays out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ita_xl.core.errors import FrameworkError
from ita_xl.core.figures import format_number, parse_number
from ita_xl.core.framework import Framework, Tool, counterparts, load_framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.library import Library, Recommendation, load_library
from ita_xl.core.reader import WARNING, Finding
from ita_xl.core.scoring import Assessment, Extremes, PassResult, extremes, pass_fail, weighted_part

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip


def fiscal_period(fiscal_year: int) -> str:
    """The months of a Buddhist-era fiscal year: 1 October of the year before to 30 September."""
    return f"{THAI_MONTHS[9]} {fiscal_year - 1} – {THAI_MONTHS[8]} {fiscal_year}"


@dataclass(frozen=True)
class Scored:
    """A scored item (indicator or question) with its label."""

    code: str
    label: str
    score: float | None
    indicator: int

    @property
    def text(self) -> str:
        return f"{self.code} {self.label}".strip()


@dataclass(frozen=True)
class IndicatorAnalysis:
    number: int
    instrument: str
    name: str
    score: float | None
    passed: PassResult | None
    questions: tuple[Scored, ...]
    lowest: tuple[Scored, ...]
    recommendation: Recommendation


@dataclass(frozen=True)
class ToolAnalysis:
    tool: Tool
    score: float | None
    #: The tool's share of the total (score × weight / 100).
    weighted: float | None
    passed: PassResult | None
    stand_in: bool
    weakest: tuple[int, ...]
    weakest_score: float | None
    recommendation: Recommendation | None


class TrendPoint(NamedTuple):
    fiscal_year: int
    total: float | None
    #: Against the nearest earlier year with a total (None for the first, or without one).
    change: float | None


@dataclass(frozen=True)
class ItemChange:
    """One item against the same item last year, matched through the crosswalk."""

    code: str
    #: Last year's code(s) of the same item; empty for an item new this year.
    previous_codes: tuple[str, ...]
    previous_year: int
    previous: float | None
    score: float | None

    @property
    def change(self) -> float | None:
        return None if self.previous is None or self.score is None else self.score - self.previous


@dataclass(frozen=True)
class ThemeLine:
    number: int
    name: str
    mean: float | None
    scored: int
    total: int
    lowest: Scored | None


@dataclass(frozen=True)
class MeasureRow:
    theme: str
    measure: str
    analysis: str
    steps: tuple[str, ...]
    period: str
    owner: str
    monitoring: str
    source: str  # the item that asked for it, e.g. "i10" or "ตัวชี้วัดที่ 4"


@dataclass(frozen=True)
class Report:
    inputs: UnitInputs
    framework: Framework
    assessment: Assessment
    indicators: tuple[IndicatorAnalysis, ...]
    tools: tuple[ToolAnalysis, ...]
    extremes: Extremes[int] | None
    themes: tuple[ThemeLine, ...]
    trend: tuple[TrendPoint, ...]
    #: The total against the target; None while the total is not final.
    total_passed: PassResult | None
    warnings: tuple[Finding, ...]
    measures: tuple[MeasureRow, ...]
    question_level: bool
    measures_year: int
    period: str
    #: Items against the same items last year (when last year's item scores were typed).
    item_trend: tuple[ItemChange, ...] = ()

    @property
    def weak_indicators(self) -> tuple[IndicatorAnalysis, ...]:
        """Indicators with a score below the target (the year's, or the workbook's)."""
        return tuple(i for i in self.indicators if i.passed is not None and not i.passed.passed)


def build_report(
    inputs: UnitInputs,
    framework: Framework,
    assessment: Assessment,
    findings: list[Finding],
    *,
    threshold: float | None = None,
    library: Library | None = None,
) -> Report:
    """Everything the analysis and measures sheets show.

    Args:
        inputs: The unit's typed figures.
        framework: The year's rules with the workbook's criteria applied.
        assessment: The core's computation of those figures.
        findings: Validation findings; the warnings are carried into the analysis.
        threshold: Items below this get measures first (the target when not given).
        library: Recommendation texts (the shipped library and the user's additions).
    """
    library = library or load_library()
    limit = float(framework.target) if threshold is None else float(threshold)
    questions = {code: parse_number(v) for code, v in inputs.questions.items()}
    question_level = any(v is not None for v in questions.values())

    indicator_rows = []
    for indicator in framework.indicators:
        score = assessment.indicators.get(indicator.number)
        scored = tuple(
            Scored(q.code, q.title, questions.get(q.code), indicator.number)
            for q in framework.questions_of(indicator.number)
            if questions.get(q.code) is not None
        )
        lowest: tuple[Scored, ...] = ()
        if scored:
            low = min(s.score for s in scored)
            lowest = tuple(s for s in scored if s.score == low)
        recommendation = library.indicators[indicator.number]
        if lowest and indicator.instrument not in framework.full_marks_instruments:
            recommendation = library.for_question(lowest[0].code, indicator.number, framework)
        indicator_rows.append(
            IndicatorAnalysis(
                indicator.number,
                indicator.instrument,
                indicator.name,
                score,
                None if score is None else pass_fail(score, framework.target),
                scored,
                lowest,
                recommendation,
            )
        )

    tool_rows = []
    for tool in framework.tools:
        score = assessment.tools[tool.code]
        members = {
            i.number: i.score
            for i in indicator_rows
            if i.instrument == tool.instrument and i.score is not None
        }
        weakest: tuple[int, ...] = ()
        weakest_score = None
        if members:
            found = extremes(members, framework.target)
            weakest, weakest_score = found.lowest, float(found.lowest_score)
        tool_rows.append(
            ToolAnalysis(
                tool,
                score,
                weighted_part(score, tool.weight),
                None if score is None else pass_fail(score, framework.target),
                tool.code in assessment.tools.stand_ins,
                weakest,
                weakest_score,
                library.indicators[weakest[0]] if weakest else None,
            )
        )

    present = {i.number: i.score for i in indicator_rows if i.score is not None}
    summary = extremes(present, framework.target) if present else None

    themes = []
    for theme in framework.themes:
        scored = [
            Scored(code, framework.question(code).title, questions[code], framework.question(code).indicator)
            for code in theme.questions
            if questions.get(code) is not None
        ]
        mean = sum(s.score for s in scored) / len(scored) if scored else None
        lowest_item = min(scored, key=lambda s: s.score) if scored else None
        themes.append(
            ThemeLine(theme.number, theme.name, mean, len(scored), len(theme.questions), lowest_item)
        )

    totals = [(h.fiscal_year, parse_number(h.total)) for h in inputs.history]
    totals.append((framework.fiscal_year, assessment.total.value))
    trend, previous = [], None
    for year, total in sorted(totals):
        change = None if total is None or previous is None else total - previous
        trend.append(TrendPoint(year, total, change))
        previous = total if total is not None else previous

    next_year = framework.fiscal_year + 1
    item_trend = _item_trend(inputs, framework, questions)
    measures = _measures(
        inputs, framework, indicator_rows, tool_rows, themes, limit, library, question_level, next_year
    )
    return Report(
        inputs=inputs,
        framework=framework,
        assessment=assessment,
        indicators=tuple(indicator_rows),
        tools=tuple(tool_rows),
        extremes=summary,
        themes=tuple(themes),
        trend=tuple(trend),
        total_passed=(
            None if assessment.total.value is None else pass_fail(assessment.total.value, framework.target)
        ),
        warnings=tuple(f for f in findings if f.severity == WARNING),
        measures=tuple(measures),
        question_level=question_level,
        measures_year=next_year,
        period=fiscal_period(next_year),
        item_trend=item_trend,
    )


def _item_trend(inputs: UnitInputs, framework: Framework, questions: dict) -> tuple[ItemChange, ...]:
    """Each scored item against last year's same item, when last year's item scores were typed."""
    previous = {code: parse_number(v) for code, v in inputs.previous_questions.items()}
    if not any(v is not None for v in previous.values()):
        return ()
    earlier_year = framework.fiscal_year - 1
    try:
        earlier = load_framework(earlier_year)
    except FrameworkError:
        return ()
    rows = []
    for question in framework.questions:
        codes = counterparts(question.code, framework, earlier)
        if previous.get(question.code) is None and (codes or questions.get(question.code) is None):
            continue
        rows.append(
            ItemChange(
                question.code, codes, earlier_year, previous.get(question.code), questions.get(question.code)
            )
        )
    return tuple(rows)


def _owner(hint: str, departments: tuple[str, ...] | list[str]) -> str:
    for department in departments:
        if hint and hint in department:
            return department
    return departments[0] if departments else ""


def _measures(
    inputs, framework, indicator_rows, tool_rows, themes, limit, library, question_level, next_year
):
    theme_of = {code: t for t in framework.themes for code in t.questions}
    period = fiscal_period(next_year)
    progress = framework.measures_report_item
    monitoring = (
        f"รายงานความก้าวหน้าต่อผู้บริหารรอบ 6 เดือน (เมษายน {next_year}) และรายงานผลเมื่อสิ้นปีงบประมาณ "
        "เผยแพร่บนเว็บไซต์ของหน่วยงาน"
    )
    if progress:
        monitoring += (
            f" (รายงานผลเป็นหลักฐานตามข้อ {progress} ของเกณฑ์ปี {framework.fiscal_year}"
            f" เลขข้อของปี {next_year} อาจเปลี่ยน)"
        )
    rows: list[MeasureRow] = []
    seen: set[str] = set()

    def theme_label(item: Scored) -> str:
        theme = theme_of.get(item.code)
        if theme:
            return f"ประเด็นที่ {theme.number} {theme.name}"
        indicator = framework.indicator(item.indicator)
        return f"ตัวชี้วัดที่ {indicator.number} {indicator.name}"

    def add(theme: str, recommendation: Recommendation, analysis: str, source: str) -> None:
        if recommendation.measure in seen:
            for n, row in enumerate(rows):  # the same measure answers several items: say so once
                if row.measure == recommendation.measure and source not in row.source:
                    rows[n] = MeasureRow(
                        row.theme, row.measure, f"{row.analysis}\n{analysis}", row.steps, row.period,
                        row.owner, row.monitoring, f"{row.source}, {source}",
                    )  # fmt: skip
            return
        seen.add(recommendation.measure)
        rows.append(
            MeasureRow(
                theme,
                recommendation.measure,
                analysis,
                recommendation.steps,
                period,
                _owner(recommendation.owner, inputs.departments),
                monitoring,
                source,
            )
        )

    def question_analysis(item: Scored, recommendation: Recommendation, why: str) -> str:
        score = format_number(item.score)
        return f"{item.code} {item.label} ได้ {score} คะแนน ({why}) สาเหตุ: {recommendation.cause}"

    # 1. questions (or indicators) below the threshold, weakest first
    below: list[Scored] = []
    if question_level:
        below = sorted(
            (
                q
                for i in indicator_rows
                for q in i.questions
                if not framework.item_passes(i.number, q.score, limit)
            ),
            key=lambda q: (q.score, q.code),
        )
    covered = {q.indicator for q in below}
    for item in below:
        indicator = framework.indicator(item.indicator)
        if indicator.instrument in framework.full_marks_instruments:
            recommendation = library.indicators[indicator.number]
            analysis = f"{item.code} {item.label}: ยังไม่ผ่านการประเมิน ({format_number(item.score)} คะแนน)"
        else:
            recommendation = library.for_question(item.code, item.indicator, framework)
            analysis = question_analysis(item, recommendation, f"ต่ำกว่า {format_number(limit)}")
        add(theme_label(item), recommendation, analysis, item.code)
    for indicator in sorted(
        indicator_rows, key=lambda i: (i.score if i.score is not None else 101, i.number)
    ):
        if indicator.score is None or indicator.score >= limit or indicator.number in covered:
            continue
        recommendation = library.indicators[indicator.number]
        analysis = (
            f"ตัวชี้วัดที่ {indicator.number} {indicator.name} ได้ {format_number(indicator.score)} คะแนน "
            f"ต่ำกว่าค่าเป้าหมาย สาเหตุ: {recommendation.cause}"
        )
        add(
            f"ตัวชี้วัดที่ {indicator.number} {indicator.name}",
            recommendation,
            analysis,
            f"ตัวชี้วัดที่ {indicator.number}",
        )
    if rows:
        return rows

    # 2. everything passes: still raise the weakest item of each theme (or tool), as seed 004 does
    if question_level and themes:
        for theme in themes:
            item = theme.lowest
            if item is None or item.score >= 100:
                continue
            indicator = framework.indicator(item.indicator)
            recommendation = (
                library.indicators[indicator.number]
                if indicator.instrument in framework.full_marks_instruments
                else library.for_question(item.code, item.indicator, framework)
            )
            why = f"ต่ำสุดในประเด็นที่ {theme.number} แม้ผ่านค่าเป้าหมาย"
            add(
                f"ประเด็นที่ {theme.number} {theme.name}",
                recommendation,
                question_analysis(item, recommendation, why),
                item.code,
            )
        return rows
    for tool in tool_rows:
        if not tool.weakest or tool.weakest_score is None or tool.weakest_score >= 100:
            continue
        number = tool.weakest[0]
        indicator = framework.indicator(number)
        recommendation = library.indicators[number]
        analysis = (
            f"ตัวชี้วัดที่ {number} {indicator.name} ได้ {format_number(tool.weakest_score)} คะแนน "
            f"ต่ำสุดของ {tool.tool.short} แม้ผ่านค่าเป้าหมาย สาเหตุ: {recommendation.cause}"
        )
        add(f"ตัวชี้วัดที่ {number} {indicator.name}", recommendation, analysis, f"ตัวชี้วัดที่ {number}")
    if rows:
        return rows

    # 3. only tool scores were typed: the indicators of the weakest tool
    scored_tools = [t for t in tool_rows if t.score is not None and t.score < 100]
    if scored_tools:
        weakest = min(scored_tools, key=lambda t: t.score)
        for indicator in framework.indicators_of(weakest.tool.instrument):
            recommendation = library.indicators[indicator.number]
            analysis = (
                f"{weakest.tool.short} ได้ {format_number(weakest.score)} คะแนน ต่ำสุดในบรรดาเครื่องมือ "
                f"(ไม่มีคะแนนรายตัวชี้วัด) สาเหตุที่พบบ่อย: {recommendation.cause}"
            )
            label = f"ตัวชี้วัดที่ {indicator.number} {indicator.name}"
            add(label, recommendation, analysis, weakest.tool.code)
    return rows
