"""The report's sentences that depend on the data, each made only when its data is complete.

Pure. Every sentence here is made through a ``ClaimLog`` (``ita_xl.core.claims``), so that a
test can check each claim against the figures it speaks of. Rules:

- The result: a typed published total and level are the official result. Without a
  published level, a level is stated only when the rules decide it from typed figures;
  when they need a figure that is missing (both EIT parts for ผ่านดีเยี่ยม), the sentence
  names that figure instead. A recomputation never replaces a published figure (the
  disagreement is a check in ``ita_xl.core.validation``).
- The highest and the lowest indicator, the count below the target and "every indicator
  passes" need every indicator's score; otherwise the sentence says what is missing.
- A question at or above the target gets "maintain the standard" wording, never a cause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ita_xl.core.claims import ClaimLog
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import format_number, parse_number, plain_number, round2
from ita_xl.core.framework import Framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.scoring import Assessment, Rating, level_above, level_words, rate
from ita_xl.core.wording import glue, join_list, listed, say

if TYPE_CHECKING:
    from ita_xl.core.analysis import IndicatorAnalysis, ThemeLine, ToolAnalysis


@dataclass(frozen=True)
class Outcome:
    """The total and the level as the report states them, and why."""

    #: The published total when one was typed, else the recomputed final total, else None.
    total: float | None
    published_total: bool
    #: The published level when a level of the year's scale was typed, else the level the
    #: rules decide from typed figures, else None.
    level: str | None
    reason: str


def published_total(inputs: UnitInputs) -> float | None:
    """The typed published total: one value (printed once, or printed alike everywhere)."""
    values = {parse_number(p.value) for p in inputs.printed_totals} - {None}
    return values.pop() if len(values) == 1 else None


def published_level(inputs: UnitInputs, framework: Framework) -> str | None:
    """The typed published level, when it is a level of the year's scale."""
    if inputs.printed_rating is None or inputs.printed_rating.value is None:
        return None
    level = str(inputs.printed_rating.value).strip()
    return level if level in {lv.name for lv in framework.levels} else None


def outcome(inputs: UnitInputs, framework: Framework, assessment: Assessment, log: ClaimLog) -> Outcome:
    """The official result: published figures first, then what the typed figures decide."""
    typed_total = published_total(inputs)
    computed = assessment.total.value
    total = typed_total if typed_total is not None else computed
    level = published_level(inputs, framework)
    rating = assessment.rating
    facts = {"published_level": level, "published_total": typed_total, "computed_total": computed}
    if level is not None:
        reason = _published_reason(framework, assessment, level, typed_total, log, facts)
        if reason is None and typed_total is not None:
            reason = log.say(
                "level.published_total", facts, total=format_number(typed_total), level=level_words(level)
            )
        elif reason is None:
            reason = log.say("level.published", facts, level=level_words(level))
        return Outcome(total, typed_total is not None, level, reason)
    if typed_total is not None:  # the official total, rated with the typed tool scores
        rating = _rate_typed(typed_total, framework, assessment)
    if rating is not None and not rating.provisional:
        facts |= {"rating": rating.level, "tools": dict(assessment.tools.values)}
        reason = _rating_reason(framework, assessment, log, facts, rating)
        return Outcome(total, typed_total is not None, rating.level, reason)
    return Outcome(
        total, typed_total is not None, None, _undecided(framework, assessment, total, log, facts, rating)
    )


def _rate_typed(total: float, framework: Framework, assessment: Assessment) -> Rating | None:
    """The level the rules give the published total with the typed tool scores; None when
    they need a tool score that was not typed (or the total is off the 0-100 scale)."""
    try:
        return rate(total, framework, assessment.tools)
    except ItaError:
        return None


def _published_reason(
    framework: Framework, assessment: Assessment, level: str, typed_total, log: ClaimLog, facts: dict
) -> str | None:
    """Why the published level, in words, from the year's scale and the figures present (Thai
    review 8, 5): the official total's band and, on a scale with conditions on the tools (FY2566+),
    the tools known to meet or to miss them. A stand-in EIT part (the indicators' mean) is not
    known, nor a blank tool: they are said to be not given. None when the figures do not lead to
    the published level (a disagreement, reported as a check by ``ita_xl.core.validation``)."""
    total = typed_total if typed_total is not None else assessment.total.value
    if total is None:
        return None
    score = round2(total)
    band = next((b for b in framework.bands if b.contains(score)), None)
    levels = [] if band is None else [r.level for r in band.rules]
    if band is None or level not in levels:
        return None
    tools = assessment.tools
    known = {t.code: round2(tools[t.code]) for t in framework.tools
             if tools[t.code] is not None and t.code not in tools.stand_ins}  # fmt: skip
    facts = facts | {"total": score, "known": known, "stand_ins": sorted(tools.stand_ins)}
    index = levels.index(level)
    if index:  # a better level of the band was not reached: a tool below its condition
        return _short_of(framework, band.rules[index - 1], level, known, log, facts)
    return _reached(framework, band, band.rules[0], level, known, log, facts)


def _not_given(framework: Framework, known: dict, stand_ins, key: str) -> str:
    """The tools without a typed score, with the catalogue's ``key``: parts that stand in for
    each other by their instrument's mean by the instrument ("EIT", with ``key``_parts),
    others by name; "" when every tool is typed."""
    names: list[str] = []
    for t in framework.tools:
        group = framework.tools_of(t.instrument)
        if t.code in known:
            continue
        if len(group) > 1 and all(g.code in stand_ins for g in group):
            names += [] if t.instrument in names else [t.instrument]
        else:
            names.append(t.short)
    if not names:
        return ""
    parts = len(names) == 1 and names[0] not in {t.short for t in framework.tools}
    return say(key + ("_parts" if parts else ""), tools=join_list(names))


def _short_of(
    framework: Framework, missed, level: str, known: dict, log: ClaimLog, facts: dict
) -> str | None:
    """A published level below the first of its band: the tools known below the missed level's
    condition, or, none known, that some tool is (the published level says so) with the tools
    not given named; None when every tool is typed and meets it (the figures disagree)."""
    need = missed.all_tools_at_least
    below = {code: v for code, v in known.items() if v < round2(need)}
    facts = facts | {"need": need, "missed": missed.level, "below": list(below)}
    if below:
        named = join_list([say("level.tool_score", tool=framework.tool(c).short, score=format_number(v))
                           for c, v in below.items()])  # fmt: skip
        because = say(
            "level.passed_over", below=named, need=plain_number(need), missed=level_words(missed.level)
        )
        return log.say("level.published_because", facts, level=level_words(level), because=because)
    not_given = _not_given(framework, known, facts["stand_ins"], "level.not_given")
    if not not_given:
        return None
    return log.say(
        "level.published_short_of", facts, missed=level_words(missed.level), level=level_words(level),
        need=plain_number(need), not_given=not_given,
    )  # fmt: skip


def _reached(
    framework: Framework, band, rule, level: str, known: dict, log: ClaimLog, facts: dict
) -> str | None:
    """The first level of the total's band: the band (or, when the level spans the band above,
    that the total is below it) and the tools known to meet its condition, the others named
    as not given; None when a typed tool is below the condition (the figures disagree)."""
    need = rule.all_tools_at_least
    if need is not None and any(v < round2(need) for v in known.values()):
        return None
    above = level_above(framework, band, rule) if need is not None else None
    if above is not None:
        because = say(
            "level.below_band", next=plain_number(above.minimum), better=level_words(above.rules[0].level)
        )
        facts = facts | {"below_band": above.minimum}
    else:
        because = say("level.in_band", low=plain_number(band.minimum), high=plain_number(band.maximum))
        facts = facts | {"band": (band.minimum, band.maximum)}
    if need is not None:
        facts = facts | {"need": need}
        not_given = _not_given(framework, known, facts["stand_ins"], "level.not_given_rest")
        if known and not not_given:
            because += say("level.and_all_tools", need=plain_number(need))
        elif known:
            names = join_list([framework.tool(c).short for c in known])
            because += say("level.and_tools", tools=names, need=plain_number(need)) + not_given
        else:
            because += not_given
    return log.say("level.published_because", facts, level=level_words(level), because=because)


def parts_note(framework: Framework, assessment: Assessment, result: Outcome, log: ClaimLog) -> str:
    """Under the totals table when a tool shared by one instrument (the EIT parts) has no score
    of its own: that the parts were not given, and which figure the total is."""
    stand_ins = sorted(assessment.tools.stand_ins)
    if not stand_ins or result.total is None:
        return ""
    tools = join_list([framework.tool(code).short for code in stand_ins])
    facts = {"stand_ins": stand_ins, "published_total": result.published_total}
    if result.published_total:
        return log.say("total.parts_published", facts, tools=tools)
    instrument = framework.tool(stand_ins[0]).instrument
    mean = assessment.tools[stand_ins[0]]
    return log.say(
        "total.parts_mean",
        facts | {"mean": mean, "instrument": instrument},
        tools=tools,
        instrument=instrument,
        score=format_number(mean),
    )


def _undecided(
    framework: Framework, assessment: Assessment, total, log: ClaimLog, facts: dict, rating: Rating | None
) -> str:
    """Which figure decides the level, when the typed figures do not: the EIT parts (the level
    changes over the values their mean allows), else the tools without a score."""
    stand_ins = sorted(assessment.tools.stand_ins)
    if rating is not None and rating.provisional and stand_ins:
        names = join_list([framework.tool(code).short for code in stand_ins])
        return log.say("level.needs_parts", facts | {"stand_ins": stand_ins}, total=_fmt(total), tools=names)
    missing = tuple(t.code for t in framework.tools if assessment.tools[t.code] is None)
    names = join_list([framework.tool(code).short for code in missing])
    if not missing:  # every tool typed, and still no level: the total is off the scale
        return log.say("level.off_scale", facts, total=_fmt(total))
    if total is not None:
        return log.say(
            "level.needs_tools_total", facts | {"missing": missing}, total=_fmt(total), tools=names
        )
    return log.say("level.needs_tools", facts | {"missing": missing}, tools=names)


def _fmt(value: float | None) -> str:
    return "" if value is None else format_number(value)


def _rating_reason(
    framework: Framework, assessment: Assessment, log: ClaimLog, facts: dict, rating: Rating | None = None
) -> str:
    """Why the typed figures give the level (``rating``: of the published total, else the
    assessment's): the one reason rule (``scoring.rate``), recorded as a claim."""
    key, values = (rating or assessment.rating).reason
    values = dict(values)
    if "tools_below" in values:
        facts = facts | {"below": list(values["tools_below"])}
    return log.say(key, facts, **values)


def indicator_summary(
    framework: Framework, indicators: tuple[IndicatorAnalysis, ...], log: ClaimLog
) -> tuple[str, ...]:
    """Highest, lowest and the count below the target: only when every indicator is scored."""
    scores = {i.number: i.score for i in indicators}
    scored = {n: s for n, s in scores.items() if s is not None}
    target = plain_number(framework.target)
    label = {i.number: say("indicators.indicator", number=i.number, name=i.name) for i in indicators}
    below = [n for n, s in scored.items() if round2(s) < round2(framework.target)]
    facts = {"scores": scores, "target": framework.target}
    if not scored:
        return (log.say("indicators.none", facts),)
    if len(scored) < len(scores):
        lines = [log.say("indicators.incomplete", facts, scored=len(scored), total=len(scores))]
        if below:
            items = join_list([label[n] for n in below])
            lines.append(
                log.say("indicators.known_below", facts | {"below": below}, target=target, items=items)
            )
        return tuple(lines)
    high, low = max(round2(s) for s in scored.values()), min(round2(s) for s in scored.values())
    highest = [n for n, s in scored.items() if round2(s) == high]
    lowest = [n for n, s in scored.items() if round2(s) == low]
    names = {n: listed([label[k] for k in group]) for n, group in (("high", highest), ("low", lowest))}
    lines = [
        log.say(
            "indicators.highest", facts | {"items": highest}, items=names["high"], score=format_number(high)
        ),
        log.say("indicators.lowest", facts | {"items": lowest}, items=names["low"], score=format_number(low)),
    ]
    if below:
        lines.append(
            log.say("indicators.below_count", facts | {"below": below}, target=target,
                    count=len(below), items=join_list([label[n] for n in below]))
        )  # fmt: skip
    else:
        lines.append(log.say("indicators.none_below", facts | {"below": below}, target=target))
    return tuple(lines)


def all_pass(framework: Framework, indicators: tuple[IndicatorAnalysis, ...], log: ClaimLog) -> str:
    """ "Every indicator passes" when every indicator is scored and passes; else what is known."""
    scores = {i.number: i.score for i in indicators}
    facts = {"scores": scores, "target": framework.target}
    if all(s is not None for s in scores.values()) and scores:
        if all(round2(s) >= round2(framework.target) for s in scores.values()):
            return log.say("indicators.all_pass", facts)
        return ""
    scored = sum(s is not None for s in scores.values())
    if not scored:
        return log.say("indicators.none_causes", facts)
    return log.say("indicators.incomplete", facts, scored=scored, total=len(scores))


def question_row(
    framework: Framework,
    indicator: IndicatorAnalysis,
    log: ClaimLog,
    peers: tuple[IndicatorAnalysis, ...] = (),
    limit: float | None = None,
) -> list:
    """An indicator's weak questions with cause and advice, or "maintain the standard"; for
    questions that are only part of the indicator (``IndicatorAnalysis.partial``), what is
    known of it (``partial_fact``) and the advice its own score asks for (``partial_advice``,
    ``limit``: the unit's threshold, the target when not given)."""
    i = indicator
    codes = [q.code for q in framework.questions_of(i.number)]
    blank = [c for c in codes if c not in {q.code for q in i.questions}]
    facts = {"indicator": i.number, "questions": {q.code: q.score for q in i.questions}, "blank": blank}
    if i.partial and not any(not framework.item_passes(i.number, q.score) for q in i.questions):
        # no weak question among the typed ones: the row's fact is the indicator's own score
        # against them, and its advice follows that score (Thai review 9, b1 and b4)
        fact = partial_fact(framework, i, peers, log, numbered=False, bar=partial_bar(framework, limit))
        return [i.number, say("cell.partial_none"), fact, partial_advice(framework, i, limit)]
    if i.instrument in framework.full_marks_instruments:
        missing = [q.code for q in i.questions if not framework.item_passes(i.number, q.score)]
        if missing:
            named = listed([say("item.named", title=framework.question(c).title, code=c) for c in missing])
            cause = log.say("oit.not_passed", facts | {"missing": missing}, name=i.name, items=named)
            # (thai7, review 7 N10) the items' own remedy, as their measures' steps (measure.publish_step*)
            titles = join_list([framework.question(c).title for c in missing])
            return [i.number, join_list(missing), cause, say("oit.publish_advice", titles=titles)]
        if blank:
            cause = log.say("oit.incomplete", facts, name=i.name, items=join_list(blank))
            return [i.number, say("cell.none_of_scored"), cause, i.recommendation.advice]
        cause = log.say("oit.all_disclosed", facts, name=i.name)
        return [i.number, say("cell.none"), cause, say("oit.maintain_advice")]
    weak = [q for q in i.questions if not framework.item_passes(i.number, q.score)]
    if weak:
        cause = log.say("questions.cause", facts | {"weak": [q.code for q in weak]}, name=i.name,
                        cause=i.recommendation.cause)  # fmt: skip
        return [i.number, join_list([q.code for q in weak]), cause, i.recommendation.advice]
    if blank:
        text = log.say("questions.incomplete", facts, name=i.name, scored=len(i.questions), total=len(codes))
        return [i.number, say("cell.none_of_scored"), text, say("questions.maintain_advice")]
    text = log.say("questions.maintain", facts, name=i.name)
    return [i.number, say("cell.none"), text, say("questions.maintain_advice")]


# --- questions that are only part of their indicator (``IndicatorAnalysis.partial``, the one
# rule, ``analysis.questions_partial``): seed 003 types one EIT part's e1-e9 (99.50-100) while
# its indicators 6-8 average both parts' answers (ITA_REFERENCE.md: both parts ask e1..e9), so
# indicator 8 (90.17) is below every typed question and its weakness is in the other part (the
# seed's EIT Survey advice names E6-E8). The report says once, over section ๔'s table, that the
# questions are partial (``partial_note``); each row, ประเด็น and measure then gives its own fact.


def partial_note(framework: Framework, indicators: tuple[IndicatorAnalysis, ...], log: ClaimLog) -> str:
    """Over section ๔'s table: which indicators' typed questions are only part of them, a
    sentence per instrument, said once (Thai review 9, b4: it was said six times); "" if none."""
    lines = []
    for instrument in dict.fromkeys(i.instrument for i in indicators if i.partial):
        numbers = [i.number for i in indicators if i.partial and i.instrument == instrument]
        facts = {"instrument": instrument, "partial": numbers}
        lines.append(
            log.say("questions.partial_note", facts, numbers=join_list([str(n) for n in numbers]),
                    instrument=instrument)
        )  # fmt: skip
    return " ".join(lines)


def partial_codes(indicator: IndicatorAnalysis) -> str:
    """The typed questions of an indicator: "e7–e9" for a run of three or more, else "e7 และ e8"."""
    codes = [q.code for q in indicator.questions]
    return say("questions.code_run", first=codes[0], last=codes[-1]) if len(codes) > 2 else join_list(codes)


def _partial_range(indicator: IndicatorAnalysis) -> str:
    low, high = (f(q.score for q in indicator.questions) for f in (min, max))
    if round2(low) == round2(high):
        return format_number(low)
    return say("questions.score_range", low=format_number(low), high=format_number(high))


def partial_fact(
    framework: Framework,
    i: IndicatorAnalysis,
    peers: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
    *,
    numbered: bool,
    bar: float | None = None,
) -> str:
    """What is known of an indicator whose typed questions are only part of it: its score and
    standing (below the target, the unit's lowest, or its instrument's lowest), the typed
    questions' range, and, only when the indicator is below every one of them, that the lower
    score comes from the instrument's other part. ``numbered``: the indicator with its number
    (a measure's row), else by name only (section 4's row has the number in its own column).
    ``bar``: the score past which its advice keeps the standard (``partial_bar``); a lowest
    indicator at or past it says so, beside that advice (Thai review 10, 3: 004's row ๗)."""
    standing = _partial_standing(framework, i, peers)
    low = min(q.score for q in i.questions)
    lower = round2(i.score) < round2(low)
    name = (
        say("indicators.indicator", number=i.number, name=i.name)
        if numbered
        else say("questions.indicator_named", name=i.name)
    )
    facts = {
        "indicator": i.number, "score": i.score, "standing": standing, "lower": lower,
        "range": (low, max(q.score for q in i.questions)),
    }  # fmt: skip
    # the clause on the typed questions ends its thought (Thai review 10, 3): the lower score is
    # the other part's, or (the indicator not below them) none of them is below the target
    failing = [q.code for q in i.questions if not framework.item_passes(i.number, q.score)]
    facts["failing"] = failing
    tail = "source" if lower else "none_below" if not failing else "typed"
    source = say(f"questions.partial_{tail}", instrument=i.instrument, codes=partial_codes(i),
                 range=_partial_range(i))  # fmt: skip
    space = " " if numbered else glue(name)
    said = say(f"questions.partial_{standing}", instrument=i.instrument) if standing else ""
    kept = bar is not None and standing in ("lowest", "unit_lowest") and framework.passes(i.score, bar)
    facts["bar"] = bar if kept else None
    if kept:
        said += say("questions.partial_kept", bar=plain_number(bar))
    return log.say(
        "questions.partial", facts, indicator=name, glue=space, score=format_number(i.score),
        standing=said, source=source,
    )  # fmt: skip


def _partial_standing(
    framework: Framework, i: IndicatorAnalysis, peers: tuple[IndicatorAnalysis, ...]
) -> str:
    """Where a partial indicator stands: "below" the target, the unit's "unit_lowest" (every
    indicator scored), its instrument's "lowest", or "" (none of these)."""
    if round2(i.score) < round2(framework.target):
        return "below"
    for group in (peers, tuple(p for p in peers if p.instrument == i.instrument)):
        scores = [p.score for p in group]
        if len(scores) > 1 and None not in scores and round2(i.score) == min(round2(v) for v in scores):
            return "unit_lowest" if group is peers else "lowest"
    return ""


def partial_advice(framework: Framework, i: IndicatorAnalysis, limit: float | None = None) -> str:
    """The advice for an indicator whose typed questions are only part of it, chosen by the
    indicator's own score (Thai review 9, b1): its remedy (the library's) when it is below the
    unit's threshold (the target unless given) or below what the year's top level asks of every
    tool (FY2566 on: 95, ITA_REFERENCE.md "Rating scales"); "maintain the standard" only past both."""
    if framework.passes(i.score, partial_bar(framework, limit)):
        return say("questions.maintain_advice")
    return i.recommendation.advice


def partial_bar(framework: Framework, limit: float | None = None) -> float:
    """The score a partial indicator must reach for "maintain the standard": the higher of the
    unit's threshold (the target unless given) and what the year's top level asks of every tool
    (FY2566 on: 95, ITA_REFERENCE.md "Rating scales"); the paragraphs say it as the reason."""
    tops = [
        r.all_tools_at_least for b in framework.bands for r in b.rules if r.all_tools_at_least is not None
    ]
    return max([limit if limit is not None else framework.target, *tops])


def partial_lower(
    theme: ThemeLine, indicators: tuple[IndicatorAnalysis, ...]
) -> tuple[IndicatorAnalysis, ...]:
    """The theme's partial indicators below every item of the theme (each item typed), the
    lowest of them (every one of a tie): the theme's weakest result, which its typed items
    do not show (seed 003, theme 2: indicator 8 at 90.17, its items 97.50 and up)."""
    if not theme.partial or theme.scored < theme.total or theme.lowest is None:
        return ()
    low = round2(theme.lowest.score)
    below = [i for i in indicators if i.number in theme.partial and round2(i.score) < low]
    least = min((round2(i.score) for i in below), default=None)
    return tuple(i for i in below if round2(i.score) == least)


def partial_items(
    framework: Framework, theme: ThemeLine, indicators: tuple[IndicatorAnalysis, ...]
) -> list[str]:
    """The theme's items whose indicator is partial."""
    codes = {q.code for i in indicators if i.number in theme.partial for q in i.questions}
    spec = next(t for t in framework.themes if t.number == theme.number)
    return [c for c in spec.questions if c in codes]


def themes_partial_note(framework: Framework, themes: tuple[ThemeLine, ...], log: ClaimLog) -> str:
    """Over section ๕'s table, once: the ประเด็น whose mean and lowest item rest on items that
    are only part of their indicator (Thai review 10, b4: it was in each paragraph); "" if none."""
    partial = [t for t in themes if t.partial and t.scored]
    if not partial:
        return ""
    numbers = tuple(dict.fromkeys(n for t in partial for n in t.partial))
    instrument = _instruments(framework, numbers)
    facts = {"themes": [t.number for t in partial], "indicators": list(numbers)}
    themes_named = join_list([str(t.number) for t in partial])
    return log.say("themes.partial_note", facts, themes=themes_named, instrument=instrument)


def _instruments(framework: Framework, numbers) -> str:
    """The instruments of the indicators ``numbers``, each once, in the order met ("EIT")."""
    return join_list(list(dict.fromkeys(framework.indicator(n).instrument for n in numbers)))


def theme_counts(
    framework: Framework,
    themes: tuple[ThemeLine, ...],
    indicators: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
) -> tuple[str, ...]:
    """The themes table's count of items with a score; for a theme with partial items, how
    many of them are only part of their indicator (Thai review 9, b1: "๑๐ จาก ๑๐ ข้อ")."""
    cells = []
    for t in themes:
        part = partial_items(framework, t, indicators) if t.scored else []
        if not t.scored:
            cells.append(say("themes.none_scored"))
        elif part:
            instrument = _instruments(framework, t.partial)
            facts = {"theme": t.number, "partial": part}
            cells.append(log.say("themes.scored_partial", facts, scored=t.scored, total=t.total,
                                 count=len(part), instrument=instrument))  # fmt: skip
        else:
            cells.append(say("themes.scored", scored=t.scored, total=t.total))
    return tuple(cells)


def tied_lowest(scores: Mapping[str, float]) -> list[str]:
    """The codes at the lowest score, in the order given: every item of a tie, so that a table
    and a paragraph name the same items (Thai review 9, b5: i1 and i2 both at 98.62)."""
    low = min(scores.values(), default=None)
    return [code for code, score in scores.items() if score == low]


def no_cause_line(framework: Framework, indicators: tuple[IndicatorAnalysis, ...], log: ClaimLog) -> str:
    """Over the table of indicators below the target when no question is scored: a cause rests
    on question scores, so it says once that none can be named (empty otherwise)."""
    weak = [i for i in indicators if i.passed is not None and not i.passed.passed]
    if not weak or any(i.questions for i in indicators):
        return ""
    return log.say("questions.none_no_cause", {"indicators": [i.number for i in weak]})


def tool_lowest(
    framework: Framework,
    tools: tuple[ToolAnalysis, ...],
    indicators: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
) -> tuple[str, ...]:
    """Each tool's lowest indicators (every indicator of it scored), or why they cannot be named."""
    lines = []
    for tool in tools:
        members = {i.number: i.score for i in indicators if i.instrument == tool.tool.instrument}
        facts = {"tool": tool.tool.code, "instrument": tool.tool.instrument, "scores": members}
        scores = {round2(v) for v in members.values() if v is not None}
        if tool.weakest and None not in members.values() and len(members) > 1 and len(scores) == 1:
            # every indicator at one score: none is the lowest (seeds 003, 004: OIT 100 and 100)
            lines.append(log.say("tools.all_equal", facts, score=format_number(scores.pop())))
        elif tool.weakest and len(framework.tools_of(tool.tool.instrument)) > 1:
            # The indicators of a shared instrument are scored for both parts together: none
            # is a part's lowest (it may be below the part's own score); the paragraph under
            # the table names the instrument's lowest once.
            names = join_list([say("indicators.indicator", number=n, name=framework.indicator(n).name)
                               for n in tool.weakest])  # fmt: skip
            lines.append(log.say("tools.lowest_shared", facts | {"items": tool.weakest}, items=names))
        elif tool.weakest:
            names = join_list([say("indicators.indicator", number=n, name=framework.indicator(n).name)
                               for n in tool.weakest])  # fmt: skip
            lines.append(log.say("tools.lowest", facts | {"items": tool.weakest}, items=names))
        elif len(scored := [n for n, v in members.items() if v is not None]) == 1 < len(members):
            # (Thai review 8 N7) seed 002: IIT has only indicator 4 scored; none is its lowest
            name = say("indicators.indicator", number=scored[0], name=framework.indicator(scored[0]).name)
            lines.append(log.say("tools.only_scored", facts | {"item": scored[0]}, item=name,
                                 instrument=tool.tool.instrument))  # fmt: skip
        elif scored:
            lines.append(log.say("tools.incomplete", facts))
        else:
            lines.append(log.say("tools.no_indicators", facts))
    return tuple(lines)


def theme_lowest(
    themes: tuple[ThemeLine, ...], log: ClaimLog, indicators: tuple[IndicatorAnalysis, ...] = ()
) -> tuple[str, ...]:
    """Each theme's lowest items (every one of a tie), named only when every item of the theme
    is scored; a partial indicator below all of them instead, by its own score
    (``partial_lower``); otherwise in words why not: no item scored, or some items without one."""
    lines = []
    for theme in themes:
        if theme.lowest is not None and theme.scored == theme.total and theme.mean is not None:
            lower = partial_lower(theme, indicators)
            if lower:
                facts = {
                    "theme": theme.number,
                    "indicators": [i.number for i in lower],
                    "score": lower[0].score,
                }
                names = join_list([say("indicators.indicator", number=i.number, name=i.name) for i in lower])
                lines.append(log.say("themes.partial_lowest", facts, indicators=names,
                                     score=format_number(lower[0].score)))  # fmt: skip
                continue
            if abs(theme.mean - theme.lowest.score) < 1e-6:  # the mean is the lowest: all alike
                facts = {"theme": theme.number, "score": theme.lowest.score}
                lines.append(log.say("themes.all_equal", facts, score=format_number(theme.lowest.score)))
                continue
            items = theme.lowest_items or (theme.lowest,)
            facts = {"theme": theme.number, "items": [s.code for s in items], "score": theme.lowest.score}
            score = format_number(theme.lowest.score)
            if len(items) > 1:  # a tie by codes: titles in full overran the column (Thai review 10, L1)
                codes = join_list([s.code for s in items])
                lines.append(log.say("themes.lowest_tied", facts, codes=codes, score=score))
                continue
            # one item by title, code in brackets, as the ประเด็น paragraphs name it (seed 003 names
            # the lowest item by code and question: "i๑๐ ในหน่วยงานของท่านมีเจ้าหน้าที่ที่ขอยืม…")
            named = say("item.named", title=theme.lowest.label, code=theme.lowest.code)
            key = "themes.lowest_partial" if theme.partial else "themes.lowest"  # of the typed items
            lines.append(log.say(key, facts, item=named, score=score))
        else:
            lines.append(say("cell.not_named" if theme.scored else "score.none"))
    return tuple(lines)
