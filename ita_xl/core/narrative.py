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
from ita_xl.core.figures import format_number, round2
from ita_xl.core.framework import Framework
from ita_xl.core.wording import join_list, say

if TYPE_CHECKING:
    from ita_xl.core.analysis import IndicatorAnalysis, ThemeLine, ToolAnalysis


def _target(framework: Framework) -> str:
    target = framework.target
    return format_number(target, 0) if round2(target) == round2(target, 0) else format_number(target)


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
            sentences = [_tool_score(framework, t, log, split=len(parts) > 1) for t in parts]
        sentences += _indicator_sentences(framework, instrument, members, log)
        sentences += _item_sentences(framework, instrument, members, log)
        paragraphs.append(" ".join(s for s in sentences if s))
    return tuple(paragraphs)


def _tool_score(framework: Framework, tool: ToolAnalysis, log: ClaimLog, *, split: bool) -> str:
    facts = {"tool": tool.tool.code, "score": None if tool.stand_in else tool.score}
    name = tool.tool.short if split else f"{tool.tool.short} ({tool.tool.name})"
    if tool.score is None or tool.stand_in:
        return log.say("narrative.tool_no_score", facts, tool=name)
    passed = round2(tool.score) >= round2(framework.target)
    key = "narrative.tool_passed" if passed else "narrative.tool_below"
    return log.say(key, facts, tool=name, score=format_number(tool.score), target=_target(framework))


def _indicator_sentences(
    framework: Framework, instrument: str, members: tuple[IndicatorAnalysis, ...], log: ClaimLog
) -> list[str]:
    """The strongest and the weakest indicator of the instrument, when all of them are scored."""
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
        return [log.say("narrative.indicators_equal", facts, score=format_number(high))]
    highest = [n for n, s in scored.items() if s == high]
    lowest = [n for n, s in scored.items() if s == low]
    sentences = [
        log.say("narrative.highest", facts | {"items": highest},
                items=join_list([label[n] for n in highest]), score=format_number(high)),
    ]  # fmt: skip
    key = "narrative.lowest_passed" if low >= round2(framework.target) else "narrative.lowest_below"
    sentences.append(
        log.say(key, facts | {"items": lowest}, items=join_list([label[n] for n in lowest]),
                score=format_number(low))
    )  # fmt: skip
    return sentences


def _item_sentences(
    framework: Framework, instrument: str, members: tuple[IndicatorAnalysis, ...], log: ClaimLog
) -> list[str]:
    """Which items (questions) of the instrument do not pass, when any item is scored."""
    codes = [q.code for i in members for q in framework.questions_of(i.number)]
    scored = {q.code: (q.score, i.number) for i in members for q in i.questions}
    if not codes or not scored:
        return []
    failing = [c for c in codes if c in scored and not framework.item_passes(scored[c][1], scored[c][0])]
    blank = [c for c in codes if c not in scored]
    facts = {"instrument": instrument, "failing": failing, "blank": blank}
    if failing:
        key = "narrative.items_failing" if not blank else "narrative.items_failing_known"
        return [log.say(key, facts, count=len(failing), items=join_list(failing))]
    if blank:
        return [log.say("narrative.items_pass_known", facts, scored=len(scored), total=len(codes))]
    return [log.say("narrative.items_all_pass", facts)]


def theme_paragraphs(
    framework: Framework, themes: tuple[ThemeLine, ...], questions: Mapping[str, float | None], log: ClaimLog
) -> tuple[str, ...]:
    """One paragraph per ประเด็น: its mean, its weakest items and what to do."""
    paragraphs = []
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
        sentences = [log.say("narrative.theme_mean", facts, theme=name, mean=mean)]
        sentences.append(_theme_lowest(framework, spec, typed, facts, log))
        paragraphs.append(" ".join(sentences))
    return tuple(paragraphs)


def _theme_lowest(framework: Framework, spec, typed: dict, facts: dict, log: ClaimLog) -> str:
    """Every item of the theme is scored: all at full marks, or its lowest items and whether
    they pass."""
    low = min(typed.values())
    if low >= 100:
        return log.say("narrative.theme_full", facts)
    lowest = [c for c, s in typed.items() if s == low]
    indicator = {q.code: q.indicator for q in framework.questions}
    passed = all(framework.item_passes(indicator[c], typed[c]) for c in lowest)
    key = "narrative.theme_lowest_passed" if passed else "narrative.theme_lowest_below"
    return log.say(key, facts | {"items": lowest}, items=join_list(lowest), score=format_number(low))
