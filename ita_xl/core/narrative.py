"""The analysis in prose: a paragraph per instrument (IIT, EIT, OIT) and per ประเด็น.

The seeds write such a paragraph for each tool ("ได้มีการดำเนินการตามตัวชี้วัดที่ ๒ การใช้
งบประมาณ โดยมีคะแนนสูงสุด ควรรักษามาตรฐานไว้ และควรพัฒนาและปรับปรุง…ตัวชี้วัดที่ ๔", seed 003)
and for each of the seven ประเด็น ("จากผลคะแนนประเด็นที่ ๑ … ควรดำเนินการพัฒนาอย่างต่อเนื่อง
และรักษามาตรฐานเอาไว้", seed 001). Here each sentence is made through a ``ClaimLog`` and only
when the figures it speaks of are typed: the highest or lowest is named only when every score
it is chosen from is there, "every item passes" only when every item is scored; otherwise the
sentence says what is missing. Words, not symbols; the wording is in ``ita_xl.core.wording``.
Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ita_xl.core.claims import ClaimLog
from ita_xl.core.figures import format_number, plain_number, round2
from ita_xl.core.framework import Framework
from ita_xl.core.statements import partial_advice, partial_bar, partial_lower, tied_lowest
from ita_xl.core.wording import join_list, listed, say

if TYPE_CHECKING:
    from ita_xl.core.analysis import IndicatorAnalysis, ThemeLine, ToolAnalysis


def _target(framework: Framework) -> str:
    return plain_number(framework.target)


def instrument_paragraphs(
    framework: Framework,
    tools: tuple[ToolAnalysis, ...],
    indicators: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
) -> tuple[str, ...]:
    """One paragraph per instrument, in the order of the year's tools."""
    paragraphs = []
    for instrument in dict.fromkeys(t.tool.instrument for t in tools):
        parts = [t for t in tools if t.tool.instrument == instrument]
        members = tuple(i for i in indicators if i.instrument == instrument)
        if len(parts) > 1 and all(t.stand_in for t in parts):  # one score for both parts, not each
            facts = {"instrument": instrument, "stand_ins": [t.tool.code for t in parts]}
            tools_named = join_list([t.tool.short for t in parts])
            sentences = [log.say("narrative.parts_unknown", facts, instrument=instrument, tools=tools_named)]
        else:
            sentences = _part_scores(framework, parts, log) or [
                _tool_score(framework, t, log, split=len(parts) > 1) for t in parts
            ]
        items = _item_sentences(framework, instrument, members, log)
        fixing = bool(items) and items[0][0]
        # An item not passed comes first and the tool is never told to keep its standard.
        lines = [items[0][1]] if fixing else []
        passing = bool(items) and items[0][1] == say("narrative.items_all_pass")
        lines += _indicator_sentences(framework, instrument, members, log, fixing=fixing, items_pass=passing)
        # "every item passes" already said with the indicators: said once
        said = bool(log.claims) and log.claims[-1].id == "narrative.indicators_equal_items_pass"
        lines += [] if fixing or not items or said else [items[0][1]]
        paragraphs.append(" ".join(s for s in [*sentences, *lines] if s))
    return tuple(paragraphs)


def _part_scores(framework: Framework, parts: list[ToolAnalysis], log: ClaimLog) -> list[str]:
    """Both parts of one instrument in one sentence when both are scored and on the same side
    of the target ("EIT ส่วนที่ ๑ ได้ … และ EIT ส่วนที่ ๒ ได้ … ผ่านค่าเป้าหมาย … ทั้งสองส่วน")."""
    if len(parts) != 2 or any(t.score is None or t.stand_in for t in parts):
        return []
    passed = {round2(t.score) >= round2(framework.target) for t in parts}
    if len(passed) != 1:
        return []
    scores = join_list(
        [say("level.tool_score", tool=t.tool.short, score=format_number(t.score)) for t in parts]
    )
    facts = {"tools": [t.tool.code for t in parts], "scores": [t.score for t in parts]}
    key = "narrative.parts_passed" if passed == {True} else "narrative.parts_below"
    return [log.say(key, facts, scores=scores, target=_target(framework))]


def _tool_score(framework: Framework, tool: ToolAnalysis, log: ClaimLog, *, split: bool) -> str:
    facts = {"tool": tool.tool.code, "score": None if tool.stand_in else tool.score}
    name = tool.tool.short if split else f"{tool.tool.short} ({tool.tool.name})"
    if tool.score is None or tool.stand_in:
        return log.say("narrative.tool_no_score", facts, tool=name)
    passed = round2(tool.score) >= round2(framework.target)
    key = "narrative.tool_passed" if passed else "narrative.tool_below"
    return log.say(key, facts, tool=name, score=format_number(tool.score), target=_target(framework))


def _indicator_sentences(
    framework: Framework,
    instrument: str,
    members: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
    *,
    fixing: bool,
    items_pass: bool = False,
) -> list[str]:
    """The strongest and the weakest indicator of the instrument, when all of them are scored;
    ``fixing``: an item of the instrument did not pass, so neither is called a standard to keep."""
    scores = {i.number: i.score for i in members}
    facts = {"instrument": instrument, "scores": scores}
    scored = {n: round2(s) for n, s in scores.items() if s is not None}
    if not scored:
        return [log.say("narrative.no_indicators", facts)]
    label = {i.number: say("indicators.indicator", number=i.number, name=i.name) for i in members}
    if len(scored) < len(scores):
        missing = join_list([label[n] for n in scores if n not in scored])
        return [log.say("narrative.some_indicators", facts, missing=missing)]
    if len(scored) == 1:
        return []
    high, low = max(scored.values()), min(scored.values())
    if high == low:
        key = "narrative.indicators_equal_items_pass" if items_pass else "narrative.indicators_equal"
        return [log.say(key, facts, score=format_number(high))]
    highest = [n for n, s in scored.items() if s == high]
    lowest = [n for n, s in scored.items() if s == low]
    key = "narrative.highest_plain" if fixing else "narrative.highest"
    if high < round2(framework.target):  # the highest of the tool, but no strength
        key = "narrative.highest_below"
    sentences = [
        log.say(key, facts | {"items": highest}, items=listed([label[n] for n in highest]),
                score=format_number(high)),
    ]  # fmt: skip
    key = "narrative.lowest_below"
    if low >= round2(framework.target):
        key = "narrative.lowest_plain" if fixing else "narrative.lowest_passed"
    sentences.append(
        log.say(key, facts | {"items": lowest}, items=listed([label[n] for n in lowest]),
                score=format_number(low))
    )  # fmt: skip
    return sentences


def _item_sentences(
    framework: Framework, instrument: str, members: tuple[IndicatorAnalysis, ...], log: ClaimLog
) -> list[tuple[bool, str]]:
    """Which items (questions) of the instrument do not pass, when any item is scored: at most
    one sentence, with whether it names items to fix."""
    codes = [q.code for i in members for q in framework.questions_of(i.number)]
    scored = {q.code: (q.score, i.number) for i in members for q in i.questions}
    if not codes or not scored:
        return []
    failing = [c for c in codes if c in scored and not framework.item_passes(scored[c][1], scored[c][0])]
    blank = [c for c in codes if c not in scored]
    partial = [i for i in members if i.partial]  # questions that are only part of the indicator
    facts = {
        "instrument": instrument,
        "failing": failing,
        "blank": blank,
        "partial": [i.number for i in partial],
    }
    if failing:
        key = "narrative.items_failing" if not (blank or partial) else "narrative.items_failing_known"
        names = listed([item_name(framework, c) for c in failing])
        return [(True, log.say(key, facts, count=len(failing), items=names))]
    if partial:  # said once, over section ๔'s table (statements.partial_note: Thai review 9, b4)
        return []
    if blank:
        return [(False, log.say("narrative.items_pass_known", facts, scored=len(scored), total=len(codes)))]
    return [(False, log.say("narrative.items_all_pass", facts))]


def item_name(framework: Framework, code: str) -> str:
    """An item by its title from the year's rules, its code in brackets: “โครงสร้าง” (o1)."""
    return say("item.named", title=framework.question(code).title, code=code)


def theme_paragraphs(
    framework: Framework,
    themes: tuple[ThemeLine, ...],
    questions: Mapping[str, float | None],
    log: ClaimLog,
    indicators: tuple[IndicatorAnalysis, ...] = (),
    limit: float | None = None,
) -> tuple[str, ...]:
    """One paragraph per ประเด็น, worded by its situation: every item at full marks, every item
    passed, some items not passed (named by title), or items without a score. A ประเด็น with
    items whose scores are only part of their indicator's (``ThemeLine.partial``) is never said
    to pass every item: it counts them, and names the indicator below all its items with the
    advice that indicator's score asks for (``statements.partial_advice``, ``limit``)."""
    partial = frozenset(q.code for i in indicators if i.partial for q in i.questions)
    if themes and not any(questions.get(c) is not None for t in framework.themes for c in t.questions):
        # no item of any ประเด็น scored: said once, not seven times
        return (log.say("narrative.themes_none", {"themes": [t.number for t in themes]}, count=len(themes)),)
    paragraphs: list[str] = []
    # a ประเด็น with an indicator below its items takes that indicator's advice; the others,
    # partial or not, are advised by their items' mean (Thai review 10, 4)
    advices = _advice_by_score(framework, questions, frozenset(t.number for t in themes
                                                                if partial_lower(t, indicators)))  # fmt: skip
    for theme in themes:
        spec = next(t for t in framework.themes if t.number == theme.number)
        typed = {c: questions[c] for c in spec.questions if questions.get(c) is not None}
        facts = {"theme": theme.number, "typed": typed, "total": len(spec.questions)}
        name = say("measure.theme_label", number=theme.number, name=theme.name)
        if not typed:
            paragraphs.append(log.say("narrative.theme_none", facts, theme=name))
            continue
        mean = format_number(sum(typed.values()) / len(typed))
        if len(typed) < len(spec.questions):
            paragraphs.append(
                log.say("narrative.theme_partial", facts, theme=name, mean=mean,
                        scored=len(typed), total=len(spec.questions))
            )  # fmt: skip
            continue
        advice = advices.get(theme.number, "")
        part = [c for c in spec.questions if c in partial]
        words = {"theme": name, "mean": mean}
        if part and not _failing(framework, typed):
            paragraphs.append(_theme_part_scores(framework, theme, indicators, log, facts | {"partial": part},
                                                 limit=limit, advice=advice, **words))  # fmt: skip
            continue
        paragraphs.append(
            _theme_complete(framework, typed, facts | {"partial": part}, log, advice=advice, **words)
        )
    return tuple(paragraphs)


#: How many closing sentences a passed ประเด็น takes in turn (``narrative.theme_advice.N``):
#: the odd ones keep the standard, the even ones raise the score.
THEME_ADVICE = 4


def _advice_by_score(
    framework: Framework, questions: Mapping[str, float | None], skip: frozenset[int]
) -> dict[int, str]:
    """The closing advice of each ประเด็น whose items are all scored and all pass (not all at
    100, not in ``skip``: an indicator below its items advises it), chosen by its mean (thai7,
    review 7 iv: it was chosen by position): the higher half keeps the standard (``theme_advice``
    1 and 3 in turn), the lower half raises the score (2 and 4 in turn, in the order of the
    ประเด็น: two in a row never close alike); a tie shares the higher half."""
    indicator = {q.code: q.indicator for q in framework.questions}
    means = {}
    for spec in framework.themes:
        typed = [questions.get(c) for c in spec.questions]
        if not typed or None in typed or spec.number in skip:
            continue
        if min(typed) >= 100 or any(
            not framework.item_passes(indicator[c], questions[c]) for c in spec.questions
        ):
            continue
        means[spec.number] = round2(sum(typed) / len(typed))
    ranked = sorted(means, key=lambda n: (-means[n], n))
    keep = (len(ranked) + 1) // 2
    high = {n for place, n in enumerate(ranked) if place < keep or means[n] == means[ranked[keep - 1]]}
    advices, turns = {}, [0, 0]
    for number in sorted(means):
        group = 0 if number in high else 1
        advices[number] = say(f"narrative.theme_advice.{2 * (turns[group] % 2) + group + 1}")
        turns[group] += 1
    return advices


def _theme_complete(
    framework: Framework, typed: dict, facts: dict, log: ClaimLog, *, advice: str, **words: str
) -> str:
    """Every item of the theme is scored: all at full marks, the items not passed, or (all
    passed) its lowest items with ``advice``."""
    low = min(typed.values())
    failing = _failing(framework, typed)
    if failing:
        names = listed([say("item.scored", item=item_name(framework, c), score=format_number(typed[c]))
                        for c in failing])  # fmt: skip
        return log.say("narrative.theme_failing", facts | {"items": failing}, **words, items=names)
    if low >= 100:
        return log.say("narrative.theme_full", facts, **words)
    lowest = tied_lowest(typed)  # every item of a tie, as the table names them
    names = listed([item_name(framework, c) for c in lowest])
    return log.say("narrative.theme_passed", facts | {"items": lowest}, **words, items=names,
                   score=format_number(low), advice=advice)  # fmt: skip


def _failing(framework: Framework, typed: Mapping[str, float]) -> list[str]:
    """The typed items that do not pass."""
    indicator = {q.code: q.indicator for q in framework.questions}
    return [c for c, s in typed.items() if not framework.item_passes(indicator[c], s)]


def _theme_part_scores(
    framework: Framework,
    line: ThemeLine,
    indicators: tuple[IndicatorAnalysis, ...],
    log: ClaimLog,
    facts: dict,
    *,
    limit: float | None,
    advice: str,
    **words: str,
) -> str:
    """A ประเด็น whose items pass but some are only part of their indicator (Thai review 9, b1:
    seed 003's ประเด็นที่ 2 read "ได้คะแนนเฉลี่ย ๙๙.๕๕" with indicator 8 at ๙๐.๑๗): the indicator
    below every item of it, with its advice by its score and, when that is to keep the standard,
    why (Thai review 10, 2); else its lowest items with ``advice``, as any ประเด็น (review 10, 4).
    That its items are partial is said once, over the table (``statements.themes_partial_note``)."""
    part = facts["partial"]
    number_of = {q.code: q.indicator for q in framework.questions}
    instrument = join_list(list(dict.fromkeys(framework.indicator(number_of[c]).instrument for c in part)))
    lower = partial_lower(line, indicators)
    if not lower:
        typed = facts["typed"]
        lowest = tied_lowest(typed)  # every item of a tie, as the table names them
        names = listed([item_name(framework, c) for c in lowest])
        return log.say("narrative.theme_part_scores", facts | {"items": lowest}, **words, items=names,
                       score=format_number(typed[lowest[0]]),
                       advice=advice or say("narrative.theme_advice.1"))  # fmt: skip
    names = join_list([say("indicators.indicator", number=i.number, name=i.name) for i in lower])
    advice = join_list(list(dict.fromkeys(partial_advice(framework, i, limit) for i in lower)))
    bar = partial_bar(framework, limit)
    kept = all(framework.passes(i.score, bar) for i in lower)
    facts = facts | {"indicators": [i.number for i in lower], "limit": limit, "bar": bar}
    return log.say("narrative.theme_partial_kept" if kept else "narrative.theme_partial_low", facts,
                   **words, indicators=names, score=format_number(lower[0].score), advice=advice,
                   instrument=instrument, bar=plain_number(bar))  # fmt: skip
