"""Which measures the unit takes next year, and why: the measures table of the report.

Pure: no Excel. ``select_measures`` takes a ``MeasuresInput`` (the analysed indicators,
tools and themes of ``ita_xl.core.analysis``) and returns the rows in the order they print:

1. the items below the threshold, weakest first (questions, then indicators without them);
2. when everything passes, the weakest item of each theme (or the weakest indicator of each
   tool), as seed 004 does;
3. when only tool scores were typed, the indicators of the weakest tool.

A measure that answers several items is one row naming them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ita_xl.core.figures import format_number
from ita_xl.core.framework import Framework
from ita_xl.core.library import Library, Recommendation

if TYPE_CHECKING:  # the analysis builds the input; at run time it imports this module
    from ita_xl.core.analysis import IndicatorAnalysis, Scored, ThemeLine, ToolAnalysis


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
class MeasuresInput:
    """What the measures are chosen from: the analysed year and the year they are for."""

    framework: Framework
    indicators: tuple[IndicatorAnalysis, ...]
    tools: tuple[ToolAnalysis, ...]
    themes: tuple[ThemeLine, ...]
    #: Items below this get measures first.
    limit: float
    library: Library
    #: Whether question (item) scores were typed.
    question_level: bool
    #: The fiscal year the measures are for (the analysed year + 1) and its months.
    measures_year: int
    period: str
    #: The unit's departments; each measure goes to the one its recommendation names.
    departments: Sequence[str] = ()


def select_measures(given: MeasuresInput) -> tuple[MeasureRow, ...]:
    """The measures table: below-target items first, else the weakest of each theme or tool."""
    rows = _Rows(given.period, _monitoring(given.framework, given.measures_year), given.departments)
    _below_threshold(given, rows)
    if rows.rows:
        return tuple(rows.rows)
    if given.question_level and given.themes:
        _weakest_of_each_theme(given, rows)
        return tuple(rows.rows)
    _weakest_of_each_tool(given, rows)
    if not rows.rows:
        _indicators_of_the_weakest_tool(given, rows)
    return tuple(rows.rows)


def _monitoring(framework: Framework, next_year: int) -> str:
    monitoring = (
        f"รายงานความก้าวหน้าต่อผู้บริหารรอบ 6 เดือน (เมษายน {next_year}) และรายงานผลเมื่อสิ้นปีงบประมาณ "
        "เผยแพร่บนเว็บไซต์ของหน่วยงาน"
    )
    progress = framework.measures_report_item
    if progress:
        monitoring += (
            f" (รายงานผลเป็นหลักฐานตามข้อ {progress} ของเกณฑ์ปี {framework.fiscal_year}"
            f" เลขข้อของปี {next_year} อาจเปลี่ยน)"
        )
    return monitoring


def _owner(hint: str, departments: Sequence[str]) -> str:
    for department in departments:
        if hint and hint in department:
            return department
    return departments[0] if departments else ""


@dataclass
class _Rows:
    """The table as it is built: one row per measure, however many items ask for it."""

    period: str
    monitoring: str
    departments: Sequence[str]
    rows: list[MeasureRow] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def add(self, theme: str, recommendation: Recommendation, analysis: str, source: str) -> None:
        if recommendation.measure in self.seen:
            for n, row in enumerate(self.rows):  # the same measure answers several items: say so once
                if row.measure == recommendation.measure and source not in row.source:
                    self.rows[n] = MeasureRow(
                        row.theme, row.measure, f"{row.analysis}\n{analysis}", row.steps, row.period,
                        row.owner, row.monitoring, f"{row.source}, {source}",
                    )  # fmt: skip
            return
        self.seen.add(recommendation.measure)
        self.rows.append(
            MeasureRow(
                theme,
                recommendation.measure,
                analysis,
                recommendation.steps,
                self.period,
                _owner(recommendation.owner, self.departments),
                self.monitoring,
                source,
            )
        )


def _theme_label(item: Scored, framework: Framework, theme_of: dict) -> str:
    theme = theme_of.get(item.code)
    if theme:
        return f"ประเด็นที่ {theme.number} {theme.name}"
    indicator = framework.indicator(item.indicator)
    return f"ตัวชี้วัดที่ {indicator.number} {indicator.name}"


def _question_analysis(item: Scored, recommendation: Recommendation, why: str) -> str:
    score = format_number(item.score)
    return f"{item.code} {item.label} ได้ {score} คะแนน ({why}) สาเหตุ: {recommendation.cause}"


def _below_threshold(given: MeasuresInput, rows: _Rows) -> None:
    """Step 1: questions (or indicators) below the threshold, weakest first."""
    framework, library, limit = given.framework, given.library, given.limit
    theme_of = {code: t for t in framework.themes for code in t.questions}
    below: list[Scored] = []
    if given.question_level:
        below = sorted(
            (
                q
                for i in given.indicators
                for q in i.questions
                if not framework.item_passes(i.number, q.score, limit)
            ),
            key=lambda q: (q.score, q.code),
        )
    for item in below:
        indicator = framework.indicator(item.indicator)
        if indicator.instrument in framework.full_marks_instruments:
            recommendation = library.indicators[indicator.number]
            analysis = f"{item.code} {item.label}: ยังไม่ผ่านการประเมิน ({format_number(item.score)} คะแนน)"
        else:
            recommendation = library.for_question(item.code, item.indicator, framework)
            analysis = _question_analysis(item, recommendation, f"ต่ำกว่า {format_number(limit)}")
        rows.add(_theme_label(item, framework, theme_of), recommendation, analysis, item.code)
    covered = {q.indicator for q in below}
    for indicator in sorted(
        given.indicators, key=lambda i: (i.score if i.score is not None else 101, i.number)
    ):
        if indicator.score is None or indicator.score >= limit or indicator.number in covered:
            continue
        recommendation = library.indicators[indicator.number]
        analysis = (
            f"ตัวชี้วัดที่ {indicator.number} {indicator.name} ได้ {format_number(indicator.score)} คะแนน "
            f"ต่ำกว่าค่าเป้าหมาย สาเหตุ: {recommendation.cause}"
        )
        label = f"ตัวชี้วัดที่ {indicator.number} {indicator.name}"
        rows.add(label, recommendation, analysis, f"ตัวชี้วัดที่ {indicator.number}")


def _weakest_of_each_theme(given: MeasuresInput, rows: _Rows) -> None:
    """Step 2, with item scores: the weakest item of each theme, even when it passes."""
    framework, library = given.framework, given.library
    for theme in given.themes:
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
        analysis = _question_analysis(item, recommendation, why)
        rows.add(f"ประเด็นที่ {theme.number} {theme.name}", recommendation, analysis, item.code)


def _weakest_of_each_tool(given: MeasuresInput, rows: _Rows) -> None:
    """Step 2, without item scores: the weakest indicator of each tool, even when it passes."""
    for tool in given.tools:
        if not tool.weakest or tool.weakest_score is None or tool.weakest_score >= 100:
            continue
        number = tool.weakest[0]
        indicator = given.framework.indicator(number)
        recommendation = given.library.indicators[number]
        analysis = (
            f"ตัวชี้วัดที่ {number} {indicator.name} ได้ {format_number(tool.weakest_score)} คะแนน "
            f"ต่ำสุดของ {tool.tool.short} แม้ผ่านค่าเป้าหมาย สาเหตุ: {recommendation.cause}"
        )
        rows.add(f"ตัวชี้วัดที่ {number} {indicator.name}", recommendation, analysis, f"ตัวชี้วัดที่ {number}")


def _indicators_of_the_weakest_tool(given: MeasuresInput, rows: _Rows) -> None:
    """Step 3: only tool scores were typed: every indicator of the weakest tool."""
    scored_tools = [t for t in given.tools if t.score is not None and t.score < 100]
    if not scored_tools:
        return
    weakest = min(scored_tools, key=lambda t: t.score)
    for indicator in given.framework.indicators_of(weakest.tool.instrument):
        recommendation = given.library.indicators[indicator.number]
        analysis = (
            f"{weakest.tool.short} ได้ {format_number(weakest.score)} คะแนน ต่ำสุดในบรรดาเครื่องมือ "
            f"(ไม่มีคะแนนรายตัวชี้วัด) สาเหตุที่พบบ่อย: {recommendation.cause}"
        )
        label = f"ตัวชี้วัดที่ {indicator.number} {indicator.name}"
        rows.add(label, recommendation, analysis, weakest.tool.code)
