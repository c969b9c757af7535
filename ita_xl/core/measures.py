"""Which measures the unit takes next year, and why: the measures table of the report.

Pure: no Excel. ``select_measures`` takes a ``MeasuresInput`` (the analysed indicators,
tools and themes of ``ita_xl.core.analysis``) and returns the rows the table prints. Chosen:

1. the items below the threshold (questions, then indicators without them), one row each;
2. when nothing is below it, the weakest item of each theme to maintain the standard, as
   seed 004 does; a theme whose items all score 100 keeps its row, as the seeds do;
3. the lowest item of each tool no row speaks of yet, even when it passes ("to maintain the
   standard": seeds 001, 004), by question where question scores were typed;
4. when only tool scores were typed, the indicators of the weakest tool, saying that the
   measure rests on the tool score;
5. an OIT row when OIT is below full marks and no row speaks of it (seed 002);
6. an E-Service row when the E-Service question (e9) is below the threshold or below its
   tool's mean, or the OIT E-Service item is not passed (seed 004).

Printed in the seeds' order (``_order``): by ประเด็น where the item has one (seeds 001 and
003 table their measures ประเด็นที่ 1 to 7), otherwise by tool in the framework's order
(seed 000 discusses IIT, then EIT, then OIT); within either, weakest first, then the
framework's order of the items, so a rerun prints the same order.

Each row says why it is there (``analysis``): a cause only for an item below the threshold,
its own item, score and standing (the lowest of its ประเด็น or tool) for one that passes. An
OIT item not published gets steps to write and publish that item (``_publishing``: the
library's entry for its stable key, else steps made from its title), never another item's.
Who is responsible follows the kind of measure (the library's ``[responsibility]``, with the
seeds it comes from): every division for an IIT or EIT measure (the unit's own phrase for all
when its list of divisions holds one, e.g. ``ทุกสำนัก/กอง``), the division that holds the
information for an OIT item. A measure that answers several items is one row naming them
all, with every responsible division. Thai text comes from ``ita_xl.core.wording``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ita_xl.core.claims import ClaimLog
from ita_xl.core.figures import format_number, from_thai_digits, round2
from ita_xl.core.framework import Framework, item_of_year, items_confirmed
from ita_xl.core.library import Library, Recommendation
from ita_xl.core.statements import partial_fact, partial_items, partial_lower
from ita_xl.core.wording import join_list, say

if TYPE_CHECKING:  # the analysis builds the input; at run time it imports this module
    from ita_xl.core.analysis import IndicatorAnalysis, Scored, ThemeLine, ToolAnalysis


@dataclass(frozen=True)
class MeasureRow:
    theme: str
    measure: str
    #: Why the row is there: the item's score and cause, or "to maintain the standard".
    analysis: str
    steps: tuple[str, ...]
    period: str
    #: One division, several joined ("ก และ ข"), or every division.
    owner: str
    monitoring: str
    source: str  # the item that asked for it, e.g. "i10" or "ตัวชี้วัดที่ 4"
    #: The measure's stable id ("M-i10", "M-ind4"): the same measure gets the same id in every
    #: generation and every year, so a tracking sheet and the user's choices can follow it.
    key: str = ""


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
    #: Where each row's ผลการวิเคราะห์ is recorded as a claim (``ita_xl.core.claims``), so that
    #: tests/test_claims.py checks it against the figures, as it does the analysis.
    log: ClaimLog = field(default_factory=ClaimLog)


def _named(item: Scored) -> str:
    """An item as the report names it elsewhere: a question by its title in quotes, its code in
    brackets (the catalogue's item.named, as narrative.item_name; Thai review 9/10, R7-9: the
    analysis opened on a bare code before the title); an indicator by its label as it is."""
    if item.code[:1].isalpha() and item.code[1:].isdigit():
        return say("item.named", title=item.label, code=item.code)
    return item.text


def select_measures(given: MeasuresInput) -> tuple[MeasureRow, ...]:
    """The measures table: below-target items, else the weakest of each theme; the lowest of
    each tool no row speaks of; OIT and E-Service rows; in the seeds' order (``_order``)."""
    rows = _Rows(given.period, monitoring(given.measures_year), given.departments,
                 rules=given.library.responsibility)  # fmt: skip
    _below_threshold(given, rows)
    if not rows.rows and given.question_level and given.themes:
        _weakest_of_each_theme(given, rows)
    _eservice(given, rows)
    _weakest_of_each_tool(given, rows)
    if not rows.rows:
        _indicators_of_the_weakest_tool(given, rows)
    _oit_kept(given, rows)
    return tuple(sorted(rows.rows, key=lambda row: rows.order[row.measure]))


def _order(
    given: MeasuresInput, item: Scored | None = None, indicator: int = 0, score: float | None = None
) -> tuple:
    """Where a row prints (seeds 001, 003: by ประเด็น; seed 000: by tool): the ประเด็น of a
    question that has one, else the tool of the indicator in the framework's order; then the
    weakest first; then the item's place in the framework (a tie prints the same every run)."""
    framework = given.framework
    if item is not None:
        indicator, score = item.indicator, item.score
        for theme in framework.themes:
            if item.code in theme.questions:
                return (0, theme.number, score, _place(given, item.code))
    instruments = list(dict.fromkeys(tool.instrument for tool in framework.tools))
    place = instruments.index(framework.indicator(indicator).instrument)
    return (1, place, 101.0 if score is None else score, indicator)


def monitoring(next_year: int) -> str:
    """How the measures of ``next_year`` are followed up (every row says the same), with the OIT
    item of ``next_year``'s ITA their report is published under, where that year is known."""
    monitoring = say("measure.monitoring", year=next_year)
    progress = item_of_year(next_year, "measures_report")
    if progress and not items_confirmed(next_year):  # (thai7, review 7 viii) no likely number
        monitoring += say("measure.monitoring_year", year=next_year)
    elif progress:
        monitoring += say("measure.monitoring_item", item=progress[0], year=next_year)
    return monitoring


#: Stands for every division of the unit in a row's list of owners.
ALL = "*"


def divisions(departments: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """The divisions, and the phrase for all of them (seed 004's ``ทุกสำนัก/กอง``: an entry
    beginning ``measure.all_prefix``) where the unit's list holds one, else empty."""
    every = say("measure.all_prefix")
    phrase = next((d for d in departments if d.startswith(every)), "")
    return tuple(d for d in departments if not d.startswith(every)), phrase


def _owner(hint: str, departments: Sequence[str], rule: str = "owner") -> str:
    """The division the hint names (the first when none does); ``ALL`` for the rule "all"."""
    names, _ = divisions(departments)
    if rule == "all":
        return ALL
    for department in names:
        if hint and hint in department:
            return department
    return names[0] if names else ""


def owner_text(owners: Sequence[str], departments: Sequence[str]) -> str:
    """The responsible column: the unit's phrase for all (or every division by name, as seeds 002
    and 003 print them) when the owners are all of them, else the owners as ``join_list`` lists them."""
    names, phrase = divisions(departments)
    everyone = phrase or join_list(list(names))
    if ALL in owners or (len(names) > 1 and set(names) <= set(owners)):
        return everyone
    ordered = [n for n in names if n in owners] + [n for n in owners if n not in names]
    return join_list(list(dict.fromkeys(o for o in ordered if o)))


def measure_key(recommendation: Recommendation) -> str:
    """The stable id of the measure a library entry yields, as printed on the measures sheet."""
    return f"M-{recommendation.key}" if recommendation.key else ""


@dataclass
class _Rows:
    """The table as it is built: one row per measure, however many items ask for it."""

    period: str
    monitoring: str
    departments: Sequence[str]
    rows: list[MeasureRow] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    #: The instruments (IIT, EIT, OIT) some row speaks of.
    instruments: set[str] = field(default_factory=set)
    #: Where each measure prints (``_order``): the place of the first item that asked for it.
    order: dict[str, tuple] = field(default_factory=dict)
    #: Who is responsible by kind of measure (the library's ``[responsibility]``).
    rules: dict[str, str] = field(default_factory=dict)
    #: The divisions (or ``ALL``) of each measure, from every item that asked for it.
    owners: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self, theme: str, recommendation: Recommendation, analysis: str, source: str, *, instrument: str = "",
        kind: str = "perception", order: tuple = (),
    ) -> None:  # fmt: skip
        self.instruments.add(instrument)
        self.order.setdefault(recommendation.measure, order)
        owners = self.owners.setdefault(recommendation.measure, [])
        owners.append(_owner(recommendation.owner, self.departments, self.rules.get(kind, "owner")))
        owner = owner_text(owners, self.departments)
        if recommendation.measure in self.seen:
            for n, row in enumerate(self.rows):  # the same measure answers several items: say so once
                if row.measure == recommendation.measure and source not in row.source:
                    self.rows[n] = MeasureRow(
                        row.theme, row.measure, f"{row.analysis}\n{analysis}", row.steps, row.period,
                        owner, row.monitoring, f"{row.source}, {source}", row.key,
                    )  # fmt: skip
            return
        self.seen.add(recommendation.measure)
        self.rows.append(
            MeasureRow(
                theme, recommendation.measure, analysis, recommendation.steps, self.period, owner,
                self.monitoring, source, measure_key(recommendation),
            )
        )  # fmt: skip


def _theme_label(item: Scored, framework: Framework, theme_of: dict) -> str:
    theme = theme_of.get(item.code)
    if theme:
        return say("measure.theme_label", number=theme.number, name=theme.name)
    indicator = framework.indicator(item.indicator)
    return say("indicators.indicator", number=indicator.number, name=indicator.name)


def _recommendation(given: MeasuresInput, item: Scored) -> Recommendation:
    framework = given.framework
    if framework.indicator(item.indicator).instrument in framework.full_marks_instruments:
        return _publishing(given, item.code)
    return given.library.for_question(item.code, item.indicator, framework)


def _kind(given: MeasuresInput, instrument: str, item: bool) -> str:
    """The kind of measure the library's ``[responsibility]`` gives a rule."""
    if instrument not in given.framework.full_marks_instruments:
        return "perception"
    return "publishing_item" if item else "publishing_indicator"


def _publishing(given: MeasuresInput, code: str) -> Recommendation:
    """The measure for one OIT item not published: the library's entry for the item's stable key
    where there is one, else to write and publish that item, in steps made from its own title
    (Thai review: o22's row got o21's, o23's and o25's steps from the indicator's entry), by
    the division ``[publishing]`` names for it. Its id follows the stable key across years.
    The E-Service system item shares the survey's E-Service measure, whose steps are its own."""
    library, framework = given.library, given.framework
    keys = framework.keys_of(code)
    for key in keys:
        if key in library.questions:
            return library.questions[key]
    title = framework.question(code).title
    survey = _survey_eservice(framework)
    if is_eservice(title) and survey:  # the E-Service system: the E-Service measure (seed 004), one row
        return library.for_question(survey[0].code, survey[0].indicator, framework)
    hint = next((library.publishing[k] for k in keys if k in library.publishing), "")
    return Recommendation(
        cause="",
        advice="",
        measure=say("measure.publish", title=title),
        steps=tuple(say(f"measure.publish_step{n}", title=title) for n in range(1, 5)),
        owner=hint or library.publishing.get("default", ""),
        key=keys[0] if keys else code,
    )


def _standing(given: MeasuresInput, indicator: int, score: float, *, item: bool = True) -> str:
    """Where a score stands, by the one pass rule (``Framework.passes``, on the printed two
    decimals): ``below_target``; ``below_limit`` (past the target, below the threshold the unit
    set); or ``passed``. An item of a full-marks instrument (OIT) passes at 100 only."""
    framework = given.framework
    if item:
        passes = lambda threshold=None: framework.item_passes(indicator, score, threshold)  # noqa: E731
    else:
        passes = lambda threshold=None: framework.passes(score, threshold)  # noqa: E731
    if not passes():
        return "below_target"
    return "passed" if passes(given.limit) else "below_limit"


def _numbers(given: MeasuresInput) -> dict[str, str]:
    """The target and the unit's threshold as a sentence prints them."""
    return {"target": format_number(given.framework.target, 0), "limit": format_number(given.limit, 0)}


def _below_threshold(given: MeasuresInput, rows: _Rows) -> None:
    """Step 1: questions (or indicators) below the threshold."""
    framework, limit = given.framework, given.limit
    theme_of = {code: t for t in framework.themes for code in t.questions}
    below: list[Scored] = []
    if given.question_level:
        below = sorted(
            (
                q
                for i in given.indicators
                for q in i.questions
                if _standing(given, i.number, q.score) != "passed"
            ),
            key=lambda q: (q.score, q.code),
        )
    for item in below:
        instrument = framework.indicator(item.indicator).instrument
        recommendation = _recommendation(given, item)
        score, facts = (
            format_number(item.score),
            {"item": item.code, "indicator": item.indicator, "limit": limit},
        )
        if instrument in framework.full_marks_instruments:
            analysis = given.log.say("measure.oit_not_passed", facts, item=_named(item), score=score)
        elif _standing(given, item.indicator, item.score) == "below_target":
            analysis = given.log.say("measure.below", facts, item=_named(item), score=score,
                                     cause=recommendation.cause, **_numbers(given))  # fmt: skip
        else:  # past the target, below the unit's threshold: no cause of failure
            analysis = given.log.say(
                "measure.below_limit", facts, item=_named(item), score=score, **_numbers(given)
            )
        label = _theme_label(item, framework, theme_of)
        rows.add(label, recommendation, analysis, item.code, instrument=instrument,
                 kind=_kind(given, instrument, item=True),
                 order=_order(given, item))  # fmt: skip
    _indicators_below(given, rows, {q.indicator for q in below})


def _indicator_below(given: MeasuresInput, indicator: IndicatorAnalysis, label: str) -> str:
    """Why an indicator below the target or the unit's threshold has a row. A cause rests on
    question scores: it is never named here, since a question below the threshold would have
    had its own row (partial questions, blank ones or none: seed 003's indicator 8)."""
    score = format_number(indicator.score)
    facts = {"indicator": indicator.number, "limit": given.limit}
    if _standing(given, indicator.number, indicator.score, item=False) == "below_limit":
        return given.log.say("measure.below_limit", facts, item=label, score=score, **_numbers(given))
    key = "measure.indicator_below_items" if indicator.questions else "measure.indicator_below_no_cause"
    return given.log.say(key, facts, item=label, score=score)


def _indicators_below(given: MeasuresInput, rows: _Rows, covered: set[int]) -> None:
    """Step 1, for indicators without question scores below the threshold."""
    for indicator in sorted(
        given.indicators, key=lambda i: (i.score if i.score is not None else 101, i.number)
    ):
        if indicator.score is None or indicator.number in covered:
            continue
        if _standing(given, indicator.number, indicator.score, item=False) == "passed":
            continue
        recommendation = given.library.indicators[indicator.number]
        label = say("indicators.indicator", number=indicator.number, name=indicator.name)
        analysis = _indicator_below(given, indicator, label)
        kind = _kind(given, indicator.instrument, item=False)
        order = _order(given, indicator=indicator.number, score=indicator.score)
        rows.add(label, recommendation, analysis, _source(indicator.number), instrument=indicator.instrument,
                 kind=kind, order=order)  # fmt: skip


def _source(number: int) -> str:
    """A row's source when an indicator asked for it."""
    return say("measure.source_indicator", number=number)


def _passing(given: MeasuresInput, indicator: int, score: float, *, item: bool = True) -> str:
    """The standing of an item that passes the unit's threshold, in words: past the target, or,
    where the threshold is below the target, still below it."""
    standing = _standing(given, indicator, score, item=item)
    return say(f"measure.standing.{standing}", **_numbers(given))


def _weakest_of_each_theme(given: MeasuresInput, rows: _Rows) -> None:
    """Step 2, with item scores: the weakest item of each theme, even when it passes."""
    framework = given.framework
    for theme in given.themes:
        item = theme.lowest
        if item is None:
            continue
        instrument = framework.indicator(item.indicator).instrument
        score = format_number(item.score)
        facts = {"item": item.code, "theme": theme.number, "limit": given.limit}
        standing = _passing(given, item.indicator, item.score)
        # the lowest of the theme is not known: of its scored items (some blank, or some only part
        # of their indicator's: seed 003's e3 is not the lowest of ประเด็นที่ 2, Thai review 9 b1)
        if theme.scored < theme.total or theme.partial:
            analysis = given.log.say("measure.maintain_scored", facts, item=_named(item), score=score,
                                     theme=theme.number, standing=standing)  # fmt: skip
        elif item.score >= 100:
            analysis = given.log.say("measure.full_theme", facts, theme=theme.number)
        else:
            analysis = given.log.say("measure.maintain_theme", facts, item=_named(item), score=score,
                                     theme=theme.number, standing=standing)  # fmt: skip
        label = say("measure.theme_label", number=theme.number, name=theme.name)
        kind = _kind(given, instrument, item=True)
        rows.add(label, _recommendation(given, item), analysis, item.code, instrument=instrument, kind=kind,
                 order=_order(given, item))  # fmt: skip


def _tool_name(given: MeasuresInput, tool: ToolAnalysis) -> str:
    """A tool by name; a part of a split instrument by the instrument (its indicators are shared)."""
    split = len(given.framework.tools_of(tool.tool.instrument)) > 1
    return tool.tool.instrument if split else tool.tool.short


def _weakest_of_each_tool(given: MeasuresInput, rows: _Rows) -> None:
    """Step 3: the lowest item of each tool, even when it passes (seeds 001 and 004 keep a
    measure "to maintain the standard"): its lowest question where question scores were typed
    and no row names it yet, else its weakest indicator where no row speaks of the tool. An
    item at 100 leaves nothing to raise. The lowest of the tool when every question of it is
    typed; else the lowest of its typed questions, said so."""
    named = {code for row in rows.rows for code in row.source.split(", ")}
    for tool in given.tools:
        instrument = tool.tool.instrument
        weakest = [i for i in given.indicators if i.number in tool.weakest and i.partial]
        if weakest and not {q.code for q in weakest[0].questions} & named:
            # its lowest indicator, whose questions are only part of it and no row answers
            # (seed 003, indicator 8: e7-e9 at 99.50-100, the indicator at 90.17)
            _weakest_indicator_of(given, rows, tool)
        peers = [q for i in given.indicators if i.instrument == instrument for q in i.questions]
        if not (given.question_level and peers):
            if instrument not in rows.instruments:
                _weakest_indicator_of(given, rows, tool)
            continue
        item = min(peers, key=lambda q: (q.score, _place(given, q.code)))
        if item.score >= 100 or item.code in named:
            continue
        every = len(peers) == sum(
            len(given.framework.questions_of(n)) for n in _numbers_of(given, instrument)
        ) and not any(i.partial for i in given.indicators if i.instrument == instrument)
        analysis = given.log.say(
            "measure.lowest_of_tool" if every else "measure.lowest_of_tool_scored",
            {"item": item.code, "instrument": instrument, "limit": given.limit},
            item=_named(item), score=format_number(item.score), tool=_tool_name(given, tool),
            standing=_passing(given, item.indicator, item.score),
        )  # fmt: skip
        label = _theme_label(
            item, given.framework, {c: t for t in given.framework.themes for c in t.questions}
        )
        kind = _kind(given, instrument, item=True)
        rows.add(label, _recommendation(given, item), analysis, item.code, instrument=instrument, kind=kind,
                 order=_order(given, item))  # fmt: skip
        named.add(item.code)


def _numbers_of(given: MeasuresInput, instrument: str) -> list[int]:
    return [i.number for i in given.framework.indicators_of(instrument)]


def _place(given: MeasuresInput, code: str) -> int:
    return [q.code for q in given.framework.questions].index(code)


def _weakest_indicator_of(given: MeasuresInput, rows: _Rows, tool: ToolAnalysis) -> None:
    """Step 3 without question scores: the tool's weakest indicator (every indicator of it
    scored, ``ToolAnalysis.weakest``), unless it scored 100; one below the threshold says so."""
    if not tool.weakest or tool.weakest_score is None or tool.weakest_score >= 100:
        return
    number = tool.weakest[0]
    indicator = given.framework.indicator(number)
    label = say("indicators.indicator", number=number, name=indicator.name)
    [found] = [i for i in given.indicators if i.number == number]
    if _standing(given, number, tool.weakest_score, item=False) != "passed":
        analysis = _indicator_below(given, found, label)
    else:
        analysis = given.log.say(
            "measure.lowest_of_tool",
            {"indicator": number, "instrument": tool.tool.instrument, "limit": given.limit},
            item=label, score=format_number(tool.weakest_score), tool=_tool_name(given, tool),
            standing=_passing(given, number, tool.weakest_score, item=False),
        )  # fmt: skip
    kind = _kind(given, tool.tool.instrument, item=False)
    rows.add(label, given.library.indicators[number], analysis, _source(number),
             instrument=tool.tool.instrument, kind=kind,
             order=_order(given, indicator=number, score=tool.weakest_score))  # fmt: skip


def weakest_tools(framework: Framework, scores: Mapping[str, float | None], stand_ins: Set[str]) -> list:
    """The tool(s) with the lowest score, when every tool has its own score (none stood in
    for) and the scores differ as printed (two decimals); else none. The one weakest-tool
    rule: the recommendations (``ita_xl.core.closing``) and the measures use it."""
    if stand_ins or any(scores.get(t.code) is None for t in framework.tools):
        return []
    rounded = {t.code: round2(scores[t.code]) for t in framework.tools}
    if len(set(rounded.values())) == 1:
        return []
    low = min(rounded.values())
    return [t for t in framework.tools if rounded[t.code] == low]


def _indicators_of_the_weakest_tool(given: MeasuresInput, rows: _Rows) -> None:
    """Step 4: only tool scores were typed: every indicator of the weakest tool (``weakest_tools``),
    or, when no tool is the weakest by that rule, of the lowest tool below the threshold, said so."""
    scores = {t.tool.code: t.score for t in given.tools}
    stand_ins = {t.tool.code for t in given.tools if t.stand_in}
    lowest = weakest_tools(given.framework, scores, stand_ins)
    weakest = next((t for t in given.tools if lowest and t.tool == lowest[0]), None)
    if weakest is None:
        below = [t for t in given.tools if t.score is not None and not t.stand_in
                 and _standing(given, 0, t.score, item=False) != "passed"]  # fmt: skip
        weakest = min(below, key=lambda t: t.score, default=None)
    if weakest is None or weakest.score >= 100:
        return
    standing = _standing(given, 0, weakest.score, item=False)
    key = "lowest" if standing == "passed" else standing
    facts = {"tool": weakest.tool.code, "standing": key, "limit": given.limit}
    for indicator in given.framework.indicators_of(weakest.tool.instrument):
        analysis = given.log.say(
            "measure.from_tool", facts, tool=weakest.tool.short, score=format_number(weakest.score),
            standing=say(f"measure.tool.{key}", **_numbers(given)), number=indicator.number,
            name=indicator.name,
        )  # fmt: skip
        label = say("indicators.indicator", number=indicator.number, name=indicator.name)
        kind = _kind(given, weakest.tool.instrument, item=False)
        rows.add(
            label, given.library.indicators[indicator.number], analysis, weakest.tool.code,
            instrument=weakest.tool.instrument, kind=kind,
            order=_order(given, indicator=indicator.number, score=weakest.score),
        )  # fmt: skip


def _oit_kept(given: MeasuresInput, rows: _Rows) -> None:
    """Step 5: OIT below full marks gets a row even when it passes and no row speaks of it."""
    framework = given.framework
    for indicator in sorted(
        given.indicators, key=lambda i: (i.score if i.score is not None else 101, i.number)
    ):
        instrument = indicator.instrument
        if instrument not in framework.full_marks_instruments or instrument in rows.instruments:
            continue
        if indicator.score is None or indicator.score >= 100:
            continue
        label = say("indicators.indicator", number=indicator.number, name=indicator.name)
        if _standing(given, indicator.number, indicator.score, item=False) != "passed":
            analysis = _indicator_below(given, indicator, label)
        else:
            facts = {"indicator": indicator.number, "limit": given.limit}
            analysis = given.log.say(
                "measure.maintain_indicator", facts, item=label, score=format_number(indicator.score)
            )
        rows.add(label, given.library.indicators[indicator.number], analysis, _source(indicator.number),
                 instrument=instrument, kind=_kind(given, instrument, item=False),
                 order=_order(given, indicator=indicator.number, score=indicator.score))  # fmt: skip


def is_eservice(title: str) -> bool:
    """Whether an item is about online service (E-Service), by its title."""
    return "E-Service" in title or "ออนไลน์" in title


def _survey_eservice(framework: Framework) -> list:
    """The E-Service questions of the surveys (EIT e9), not the OIT item."""
    full = framework.full_marks_instruments
    return [q for q in framework.questions
            if is_eservice(q.title) and framework.indicator(q.indicator).instrument not in full]  # fmt: skip


@dataclass(frozen=True)
class EService:
    """The one E-Service rule (seed 004's measure; the recommendations and the measures use it)."""

    #: The typed E-Service items (the survey question, the OIT item) that do not pass.
    failing: tuple[str, ...] = ()
    #: Else a survey E-Service question below the mean of its instrument's typed questions, and that mean.
    below_mean: str = ""
    mean: float | None = None


def eservice(framework: Framework, typed: Mapping[str, float], threshold: float | None = None) -> EService:
    """Which E-Service items are weak, from the typed item scores (``typed``: code -> score):
    those not passing the target, or the ``threshold`` the unit set (``Framework.item_passes``),
    else an E-Service survey question below the mean of its instrument's typed questions."""
    items = [q for q in framework.questions if is_eservice(q.title) and q.code in typed]
    failing = tuple(
        q.code for q in items
        if not (framework.item_passes(q.indicator, typed[q.code])
                and framework.item_passes(q.indicator, typed[q.code], threshold))
    )  # fmt: skip
    if failing:
        return EService(failing)
    for q in items:
        instrument = framework.indicator(q.indicator).instrument
        if instrument in framework.full_marks_instruments:
            continue
        peers = [
            typed[p.code]
            for p in framework.questions
            if p.code in typed and framework.indicator(p.indicator).instrument == instrument
        ]
        mean = sum(peers) / len(peers)
        if typed[q.code] < mean:
            return EService(below_mean=q.code, mean=mean)
    return EService()


def _eservice(given: MeasuresInput, rows: _Rows) -> None:
    """Step 6: the E-Service measure when its question or its OIT item is weak (``eservice``;
    chosen before step 3, so that e9 keeps this reason when it is also its tool's lowest)."""
    framework = given.framework
    scored = {q.code: q for i in given.indicators for q in i.questions}
    found = eservice(framework, {c: q.score for c, q in scored.items()}, given.limit)
    code = found.failing[0] if found.failing else found.below_mean
    if not code:
        return
    survey = _survey_eservice(framework)
    chosen = survey[0] if survey else framework.question(code)
    recommendation = given.library.for_question(chosen.code, chosen.indicator, framework)
    if any("E-Service" in r.measure for r in rows.rows) and recommendation.measure not in rows.seen:
        return  # another E-Service measure is already in the table
    item = scored[code]
    label = _theme_label(item, framework, {c: t for t in framework.themes for c in t.questions})
    rows.add(
        label,
        recommendation,
        _eservice_reason(given, item, found),
        item.code,
        instrument=framework.indicator(item.indicator).instrument,
        order=_order(given, item),
    )


def _eservice_reason(given: MeasuresInput, item: Scored, found: EService) -> str:
    """Why the E-Service item is weak: below the target or the unit's threshold (OIT: not
    passed), or below the mean of its tool's typed questions."""
    framework, score = given.framework, format_number(item.score)
    facts = {"item": item.code, "indicator": item.indicator, "limit": given.limit}
    if found.below_mean:
        return given.log.say("measure.eservice_mean", facts | {"mean": found.mean}, item=_named(item),
                             score=score, mean=format_number(found.mean))  # fmt: skip
    if framework.indicator(item.indicator).instrument in framework.full_marks_instruments:
        return given.log.say("measure.oit_not_passed", facts, item=_named(item), score=score)
    if _standing(given, item.indicator, item.score) == "below_target":
        return given.log.say(
            "measure.eservice_below", facts, item=_named(item), score=score, **_numbers(given)
        )
    return given.log.say(
        "measure.eservice_below_limit", facts, item=_named(item), score=score, **_numbers(given)
    )


#: An indicator a unit's own measure names in its ประเด็น ("ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"),
#: as the catalogue writes an indicator (``measure.source_indicator``).
_INDICATOR_NAMED = re.compile(
    re.escape(say("measure.source_indicator", number="@").split("@")[0].strip()) + r"\s*([0-9๐-๙]+)"
)


def own_analysis(given: MeasuresInput, theme: str) -> str:
    """The analysis of a measure the unit added, from the ประเด็น it typed: the score of each
    indicator it names, or the mean of the ประเด็น it names when every item of it is scored
    (seeds 000, 002 and 004 head their rows by indicator, 003 by ประเด็น); empty where the
    figures say nothing (a ประเด็น without question scores, seed 001).
    """
    by_number = {i.number: i for i in given.indicators}
    numbers = [int(from_thai_digits(n)) for n in _INDICATOR_NAMED.findall(theme)]
    said = []
    for number in dict.fromkeys(n for n in numbers if n in by_number):
        i = by_number[number]
        if i.score is not None:
            standing = "passed" if given.framework.passes(i.score) else "below"
            facts = {"indicator": number, "score": i.score}
            shown = {"number": number, "name": i.name, "score": format_number(i.score)}
            said.append(given.log.say(f"choices.own_indicator_{standing}", facts, **shown))
    if numbers:
        return join_list(said)
    bare = "".join(theme.split())
    for t in given.themes:
        if t.mean is not None and t.scored == t.total and "".join(t.name.split()) in bare:
            if t.partial:  # the mean is not the ประเด็น's result (Thai review 9, b1)
                return _own_theme_partial(given, t)
            facts = {"theme": t.number, "mean": t.mean}
            shown = {"number": t.number, "name": t.name, "mean": format_number(t.mean)}
            return given.log.say("choices.own_theme_mean", facts, **shown)
    return ""


def _own_theme_partial(given: MeasuresInput, t: ThemeLine) -> str:
    """A ประเด็น whose items are partly only part of their indicator: the indicator below every
    item of it, by its own score (seed 003's ประเด็นที่ 2: indicator 8 at 90.17, the unit's
    lowest, its items e7-e9 at 99.50-100), else the mean said to be of partial items."""
    lower = partial_lower(t, given.indicators)
    if lower:
        return " ".join(
            partial_fact(given.framework, i, given.indicators, given.log, numbered=True) for i in lower
        )
    part = partial_items(given.framework, t, given.indicators)
    instrument = join_list(list(dict.fromkeys(given.framework.indicator(n).instrument for n in t.partial)))
    facts = {"theme": t.number, "mean": t.mean, "partial": part}
    return given.log.say(
        "choices.own_theme_partial", facts, number=t.number, name=t.name, mean=format_number(t.mean),
        count=len(part), total=t.total, instrument=instrument,
    )  # fmt: skip
