"""The analysis and the measures as data: what the two generated sheets say, computed once.

Pure: no Excel. ``build_report`` takes a unit's inputs, the year's rules (criteria applied)
and the validation findings, and returns a ``Report`` that ``ita_xl.core.sheets`` lays out.
One builder per part of the report (indicators, tools, themes, trend, item trend); the
measures table is chosen by ``ita_xl.core.measures`` from the analysed parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from ita_xl.core.choices import Chosen, choose
from ita_xl.core.claims import Claim, ClaimLog
from ita_xl.core.closing import Closing, closing
from ita_xl.core.errors import FrameworkError
from ita_xl.core.figures import PRINT_TOLERANCE, agrees, parse_number
from ita_xl.core.framework import Framework, Tool, counterparts, load_framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.library import Library, Recommendation, load_library
from ita_xl.core.measures import MeasureRow, MeasuresInput, monitoring, own_analysis, select_measures
from ita_xl.core.narrative import instrument_paragraphs, theme_paragraphs
from ita_xl.core.reader import NOTE, WARNING, Finding
from ita_xl.core.scoring import (
    Assessment,
    Extremes,
    PassResult,
    extremes,
    indicator_scores,
    pass_fail,
    weighted_part,
)
from ita_xl.core.statements import (
    Outcome,
    all_pass,
    indicator_summary,
    no_cause_line,
    outcome,
    partial_note,
    parts_note,
    published_total,
    question_row,
    theme_counts,
    theme_lowest,
    themes_partial_note,
    tied_lowest,
    tool_lowest,
)
from ita_xl.core.trend import trend_line
from ita_xl.core.wording import THAI_MONTHS


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
    #: Every question is typed but their mean disagrees with the indicator's score: they are
    #: only part of what the indicator measures (seed 003 prints one EIT part's questions).
    partial: bool = False


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
    #: Every item at the lowest score (``statements.tied_lowest``): a table and a paragraph
    #: name the same items (Thai review 9, b5: i1 and i2 at 98.62).
    lowest_items: tuple[Scored, ...] = ()
    #: The indicators whose questions in this theme are only part of them
    #: (``IndicatorAnalysis.partial``): the mean of the theme's items is not its result.
    partial: tuple[int, ...] = ()


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
    #: The total and the level as the report states them (published figures first).
    outcome: Outcome | None = None
    #: Under the totals table: the EIT parts were not given, and what the total is (or "").
    parts_note: str = ""
    #: Sentences on the indicators (highest, lowest, below the target), each a recorded claim.
    indicator_lines: tuple[str, ...] = ()
    #: "Every indicator passes", or what is missing to say so ("" when some fail).
    all_pass_line: str = ""
    #: Per indicator with question scores: number, weak questions, cause, advice.
    question_rows: tuple[tuple, ...] = ()
    #: Per indicator below the target (without question scores): the cause column.
    no_cause_line: str = ""
    #: Per tool, its lowest indicators, or why they cannot be named.
    tool_lowest: tuple[str, ...] = ()
    #: Per theme, its lowest item, or in words why it cannot be named (not every item scored).
    theme_lowest: tuple[str, ...] = ()
    #: Per theme, how many items have a score, and how many of them are only part of their
    #: indicator's (``statements.theme_counts``).
    theme_counts: tuple[str, ...] = ()
    #: Over section ๔'s table, once: which indicators' typed questions are only part of them.
    partial_note: str = ""
    #: Over section ๕'s table, once: which ประเด็น rest on such items (Thai review 10, b4).
    themes_partial_note: str = ""
    #: Every data-dependent statement of the report with the figures it rests on.
    claims: tuple[Claim, ...] = ()
    #: The threshold the measures were chosen by (the target unless the unit set one).
    limit: float | None = None
    #: The trend in words (``ita_xl.core.trend``): "" without two years' totals.
    trend_line: str = ""
    #: Items against the same items last year (when last year's item scores were typed).
    item_trend: tuple[ItemChange, ...] = ()
    #: The analysis in prose: a paragraph per instrument (IIT, EIT, OIT) and per ประเด็น.
    instrument_paragraphs: tuple[str, ...] = ()
    theme_paragraphs: tuple[str, ...] = ()
    #: Suggested measures the user switched off on the choices sheet, each with its cell.
    switched_off: tuple[tuple[str, MeasureRow], ...] = ()
    #: ข้อจำกัด and ข้อเสนอแนะ as printed: the unit's own lists, or the defaults and what the
    #: figures support (``ita_xl.core.closing``).
    closing: Closing = field(default_factory=Closing)
    #: Reminders for the checks sheet that are not problems (severity ``NOTE``).
    notes: tuple[Finding, ...] = ()

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
    indicators = _indicators(framework, assessment, questions, library)
    tools = _tools(framework, assessment, indicators, library)
    themes = _themes(framework, questions, indicators)
    next_year = framework.fiscal_year + 1
    log = ClaimLog()  # the measures' claims, then the analysis's
    chosen = _measures(
        MeasuresInput(
            framework=framework, indicators=indicators, tools=tools, themes=themes, limit=limit,
            library=library, question_level=question_level, measures_year=next_year,
            period=fiscal_period(next_year), departments=inputs.departments, log=log,
        ),
        inputs,
    )  # fmt: skip
    warnings = [*(f for f in findings if f.severity == WARNING), *chosen.findings]
    trend = _trend(inputs, framework, assessment)
    return Report(
        inputs=inputs,
        framework=framework,
        assessment=assessment,
        indicators=indicators,
        tools=tools,
        extremes=_summary(framework, indicators),
        themes=themes,
        trend=trend,
        total_passed=_total_passed(framework, assessment),
        warnings=tuple(warnings),
        notes=tuple(f for f in findings if f.severity == NOTE),
        measures=chosen.rows,
        switched_off=chosen.switched_off,
        question_level=question_level,
        measures_year=next_year,
        period=fiscal_period(next_year),
        item_trend=_item_trend(inputs, framework, questions),
        limit=limit,
        **_statements(inputs, framework, assessment, indicators, tools, themes, questions, trend, log, limit),
    )


#: The claims that name a cause of a low score (the analysis's section ๔, the measures' reason).
CAUSE_CLAIMS = frozenset({"questions.cause", "measure.below"})


def causes_stated(log: ClaimLog) -> bool:
    """Whether the report, as said so far, names a cause: the default limitation about causes
    is printed only then (review 7, N6). Read from the claims made, not re-derived from the
    scores, so it follows every rule that decides whether a cause is given (a partial
    indicator, a unit's threshold past the target: no cause)."""
    return any(c.id in CAUSE_CLAIMS for c in log.claims)


def _measures(given: MeasuresInput, inputs: UnitInputs) -> Chosen:
    """The suggested measures with the user's choices (the choices sheet) applied."""
    return choose(
        select_measures(given),
        inputs.measure_choices,
        inputs.departments,
        period=given.period,
        monitoring=monitoring(given.measures_year),
        describe=lambda theme: own_analysis(given, theme),
    )


def _statements(
    inputs: UnitInputs,
    framework: Framework,
    assessment: Assessment,
    indicators,
    tools,
    themes,
    questions,
    trend,
    log: ClaimLog,
    limit: float | None = None,
) -> dict:
    """The report's data-dependent sentences, each recorded as a claim in ``log`` (``limit``:
    the unit's threshold, which the advice on partial indicators follows)."""
    result = outcome(inputs, framework, assessment, log)
    said = {
        "instrument_paragraphs": instrument_paragraphs(framework, tools, indicators, log),
        "theme_paragraphs": theme_paragraphs(framework, themes, questions, log, indicators, limit),
        "tool_lowest": tool_lowest(framework, tools, indicators, log),
        "theme_lowest": theme_lowest(themes, log, indicators),
        "theme_counts": theme_counts(framework, themes, indicators, log),
        "partial_note": partial_note(framework, indicators, log),
        "themes_partial_note": themes_partial_note(framework, themes, log),
        "outcome": result,
        "parts_note": parts_note(framework, assessment, result, log),
        "indicator_lines": indicator_summary(framework, indicators, log),
        "all_pass_line": all_pass(framework, indicators, log),
        "question_rows": tuple(
            tuple(question_row(framework, i, log, indicators, limit)) for i in indicators if i.questions
        ),
        "trend_line": trend_line(trend, framework.fiscal_year, log),
        "no_cause_line": no_cause_line(framework, indicators, log),
    }
    # after every other sentence: the closing's limitation about causes follows what was said
    said["closing"] = closing(inputs, framework, assessment, questions, log, causes=causes_stated(log))
    return said | {"claims": tuple(log.claims)}


def _lowest(scored: tuple[Scored, ...]) -> tuple[Scored, ...]:
    """The items sharing the lowest score (none when nothing is scored)."""
    if not scored:
        return ()
    low = min(s.score for s in scored)
    return tuple(s for s in scored if s.score == low)


def _indicators(
    framework: Framework, assessment: Assessment, questions: dict[str, float | None], library: Library
) -> tuple[IndicatorAnalysis, ...]:
    """Each indicator: its score against the target, its scored questions and the lowest of them."""
    rows = []
    for indicator in framework.indicators:
        score = assessment.indicators.get(indicator.number)
        scored = tuple(
            Scored(q.code, q.title, questions.get(q.code), indicator.number)
            for q in framework.questions_of(indicator.number)
            if questions.get(q.code) is not None
        )
        lowest = _lowest(scored)
        partial = questions_partial(framework, indicator.number, score, questions)
        recommendation = library.indicators[indicator.number]
        if lowest and not partial and indicator.instrument not in framework.full_marks_instruments:
            recommendation = library.for_question(lowest[0].code, indicator.number, framework)
        rows.append(
            IndicatorAnalysis(
                indicator.number,
                indicator.instrument,
                indicator.name,
                score,
                None if score is None else pass_fail(score, framework.target),
                scored,
                lowest,
                recommendation,
                partial,
            )
        )
    return tuple(rows)


def questions_partial(
    framework: Framework, number: int, score: float | None, questions: dict[str, float | None]
) -> bool:
    """Whether every question of the indicator is typed but they do not give its score: their
    mean (the NACC's rule, ``scoring.indicator_scores``) differs from the indicator's score by
    more than the rounding of its printed parts (±0.01 each). Such questions are only part of
    the indicator, e.g. one EIT part's where the indicator is both parts' (seed 003: e7-e9
    average 99.67, indicator 8 is 90.17); no claim about "every question" rests on them."""
    codes = [q.code for q in framework.questions_of(number)]
    if score is None or not codes or any(questions.get(c) is None for c in codes):
        return False
    computed = indicator_scores({c: questions[c] for c in codes}, framework).get(number)
    return computed is not None and not agrees(score, computed, tolerance=PRINT_TOLERANCE * len(codes))


def _tools(
    framework: Framework,
    assessment: Assessment,
    indicators: tuple[IndicatorAnalysis, ...],
    library: Library,
) -> tuple[ToolAnalysis, ...]:
    """Each tool: its score and share of the total, and its weakest indicator."""
    rows = []
    for tool in framework.tools:
        score = assessment.tools[tool.code]
        members = {i.number: i.score for i in indicators if i.instrument == tool.instrument}
        weakest: tuple[int, ...] = ()
        weakest_score = None
        # The lowest of a tool needs every indicator of it. The indicators of a split
        # instrument (EIT parts 1 and 2) are the instrument's, shared by both parts.
        if members and None not in members.values():
            found = extremes(members, framework.target)
            weakest, weakest_score = found.lowest, float(found.lowest_score)
        rows.append(
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
    return tuple(rows)


def _summary(framework: Framework, indicators: tuple[IndicatorAnalysis, ...]) -> Extremes[int] | None:
    """The highest and lowest indicators and those below the target (None without scores)."""
    present = {i.number: i.score for i in indicators if i.score is not None}
    return extremes(present, framework.target) if present else None


def _themes(
    framework: Framework, questions: dict[str, float | None], indicators: tuple[IndicatorAnalysis, ...] = ()
) -> tuple[ThemeLine, ...]:
    """Each theme (ประเด็น): the mean of its scored items, its lowest items, and the indicators
    whose questions in it are only part of them (the one rule: ``IndicatorAnalysis.partial``)."""
    partial = {q.code: i.number for i in indicators if i.partial for q in i.questions}
    lines = []
    for theme in framework.themes:
        scored = [
            Scored(code, framework.question(code).title, questions[code], framework.question(code).indicator)
            for code in theme.questions
            if questions.get(code) is not None
        ]
        mean = sum(s.score for s in scored) / len(scored) if scored else None
        lowest_item = min(scored, key=lambda s: s.score) if scored else None
        count = len(theme.questions)
        low = set(tied_lowest({s.code: s.score for s in scored}))
        numbers = tuple(dict.fromkeys(partial[c] for c in theme.questions if c in partial))
        lines.append(
            ThemeLine(
                theme.number, theme.name, mean, len(scored), count, lowest_item,
                tuple(s for s in scored if s.code in low), numbers,
            )
        )  # fmt: skip
    return tuple(lines)


def _total_passed(framework: Framework, assessment: Assessment) -> PassResult | None:
    """The total against the target; None while the total is not final."""
    total = assessment.total.value
    return None if total is None else pass_fail(total, framework.target)


def _trend(inputs: UnitInputs, framework: Framework, assessment: Assessment) -> tuple[TrendPoint, ...]:
    """The totals of the earlier years and this one, each against the nearest earlier total."""
    totals = [(h.fiscal_year, parse_number(h.total)) for h in inputs.history]
    published = published_total(inputs)  # the official total of the year, when typed
    totals.append((framework.fiscal_year, assessment.total.value if published is None else published))
    trend, previous = [], None
    for year, total in sorted(totals):
        change = None if total is None or previous is None else total - previous
        trend.append(TrendPoint(year, total, change))
        previous = total if total is not None else previous
    return tuple(trend)


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
