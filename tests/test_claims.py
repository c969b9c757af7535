"""Every data-dependent sentence of the report holds of its inputs (issue 14, finding 3).

Each such sentence is recorded as a claim (``ita_xl.core.claims``). ``CONDITIONS`` says, per
claim id and from the report's own figures (not from what the claim recorded), when the claim
may be made; the property test generates reports from random inputs (random subsets of blank
scores, random scores) and checks every claim of every report. A claim id without a
condition here fails the test: a new kind of sentence needs its rule written down.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ita_xl.core.analysis import build_report
from ita_xl.core.claims import Claim
from ita_xl.core.closing import default_texts, unedited
from ita_xl.core.figures import round2
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import HistoryYear, Printed, UnitInputs
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import analysis_sheet


def _scores(report):
    return {i.number: i.score for i in report.indicators}


def _all_scored(report) -> bool:
    return all(s is not None for s in _scores(report).values())


def _target(report) -> Decimal:
    return round2(report.framework.target)


def _below(report) -> set[int]:
    return {n for n, s in _scores(report).items() if s is not None and round2(s) < _target(report)}


def _extreme(report, pick) -> set[int]:
    scored = {n: round2(s) for n, s in _scores(report).items() if s is not None}
    best = pick(scored.values())
    return {n for n, s in scored.items() if s == best}


def _questions(report, claim) -> tuple[list, list]:
    """The indicator's questions: (scores of the scored ones, codes of the blank ones), from the inputs."""
    fw = report.framework
    typed = {c: v for c, v in report.inputs.questions.items() if v is not None}
    codes = [q.code for q in fw.questions_of(claim.inputs["indicator"])]
    return [float(typed[c]) for c in codes if c in typed], [c for c in codes if c not in typed]


def _passes(report, claim, score) -> bool:
    return report.framework.item_passes(claim.inputs["indicator"], score)


def _tool_scores(report, claim) -> list:
    return [i.score for i in report.indicators if i.instrument == claim.inputs["instrument"]]


def _tool_members(report, claim) -> dict:
    return {i.number: i.score for i in report.indicators if i.instrument == claim.inputs["instrument"]}


def _tool_lowest(report, claim) -> bool:
    scores = {i.number: round2(i.score) for i in report.indicators if i.instrument == claim.inputs["instrument"]
              if i.score is not None}  # fmt: skip
    complete = len(scores) == len(_tool_scores(report, claim))
    return complete and set(claim.inputs["items"]) == {
        n for n, s in scores.items() if s == min(scores.values())
    }


def _theme_lowest(report, claim) -> bool:
    """Every item of the theme typed, and the claim names every item at the lowest score (a tie
    named whole, as the paragraph names it: Thai review 9, b5)."""
    typed = {c: v for c, v in report.inputs.questions.items() if v is not None}
    [theme] = [t for t in report.framework.themes if t.number == claim.inputs["theme"]]
    if any(code not in typed for code in theme.questions):
        return False
    low = min(float(typed[code]) for code in theme.questions)
    return set(claim.inputs["items"]) == {code for code in theme.questions if float(typed[code]) == low}


def _published_level(report) -> str | None:
    printed = report.inputs.printed_rating
    names = {lv.name for lv in report.framework.levels}
    return str(printed.value).strip() if printed and str(printed.value).strip() in names else None


def _typed_questions(report) -> dict[str, float]:
    from ita_xl.core.figures import parse_number

    return {
        c: float(parse_number(v)) for c, v in report.inputs.questions.items() if parse_number(v) is not None
    }


def _instrument(report, claim) -> tuple[dict[int, object], dict[str, bool], list[str]]:
    """An instrument's indicator scores, its typed items (code -> passes) and its blank items."""
    fw, name = report.framework, claim.inputs["instrument"]
    numbers = [i.number for i in fw.indicators if i.instrument == name]
    scores = {i.number: i.score for i in report.indicators if i.number in numbers}
    typed = _typed_questions(report)
    codes = [(q.code, q.indicator) for n in numbers for q in fw.questions_of(n)]
    passes = {c: fw.item_passes(n, typed[c]) for c, n in codes if c in typed}
    return scores, passes, [c for c, _ in codes if c not in typed]


def _tool_state(report, claim) -> float | None:
    """The tool's own score (None when not typed or only stood in for)."""
    code = claim.inputs["tool"]
    return None if code in report.assessment.tools.stand_ins else report.assessment.tools[code]


def _instrument_extreme(report, claim, pick) -> bool:
    scores = _instrument(report, claim)[0]
    if None in scores.values():
        return False
    rounded = {n: round2(s) for n, s in scores.items()}
    best = pick(rounded.values())
    return set(claim.inputs["items"]) == {n for n, s in rounded.items() if s == best}


def _instrument_low(report, claim) -> Decimal:
    return min(round2(s) for s in _instrument(report, claim)[0].values())


def _theme_typed(report, claim) -> tuple[dict[str, float], int]:
    [theme] = [t for t in report.framework.themes if t.number == claim.inputs["theme"]]
    typed = _typed_questions(report)
    return {c: typed[c] for c in theme.questions if c in typed}, len(theme.questions)


def _theme_failing(report, claim) -> set[str] | None:
    """The theme's items that do not pass, when every item of it is scored (else None)."""
    typed, total = _theme_typed(report, claim)
    if len(typed) < total or not typed:
        return None
    indicator = {q.code: q.indicator for q in report.framework.questions}
    return {c for c, v in typed.items() if not report.framework.item_passes(indicator[c], v)}


def _theme_passed(report, claim) -> bool:
    """Every item scored and passed, not all at full marks, and the claim names the lowest."""
    if _theme_failing(report, claim) != set():
        return False
    typed = _theme_typed(report, claim)[0]
    low = min(typed.values())
    return low < 100 and set(claim.inputs["items"]) == {c for c, v in typed.items() if v == low}


def _instrument_failing(report, claim) -> bool:
    return not all(_instrument(report, claim)[1].values())


def _partial(report, number: int) -> bool:
    """Every question of the indicator typed, but their mean (the NACC's rule) is not the
    indicator's score within the rounding of its printed parts (±0.01 each): the questions are
    only part of the indicator (seed 003: e7-e9 average 99.67, indicator 8 is 90.17)."""
    from ita_xl.core.scoring import indicator_scores

    fw, typed = report.framework, _typed_questions(report)
    codes = [q.code for q in fw.questions_of(number)]
    score = _scores(report)[number]
    if score is None or not codes or any(c not in typed for c in codes):
        return False
    mean = indicator_scores({c: typed[c] for c in codes}, fw)[number]
    return abs(round2(score) - round2(mean)) > Decimal("0.01") * len(codes)


def _instrument_partial(report, claim) -> bool:
    return any(_partial(report, n) for n in _instrument(report, claim)[0])


def _instrument_high(report, claim) -> Decimal:
    return max(round2(s) for s in _instrument(report, claim)[0].values())


def _partial_row(report, claim) -> bool:
    """questions.partial: the indicator's questions are partial; the standing it names holds
    (below the target, else the unit's lowest of every indicator, else its instrument's lowest),
    the range is of its typed questions, and "the lower score comes from the other part" only
    when the indicator is below every typed question (Thai review 9, b1: 90.17 against
    99.50-100; the indicator averages both EIT parts' answers to e1..e9, ITA_REFERENCE.md)."""
    number, fw = claim.inputs["indicator"], report.framework
    scored, _ = _questions(report, claim)
    if not _partial(report, number):
        return False
    score = round2(_scores(report)[number])
    every = list(_scores(report).values())
    peers = [i.score for i in report.indicators if i.instrument == fw.indicator(number).instrument]

    def lowest_of(group) -> bool:
        return None not in group and len(group) > 1 and score == min(round2(v) for v in group)

    standing = (
        "below" if score < _target(report)
        else "unit_lowest" if lowest_of(every)
        else "lowest" if lowest_of(peers)
        else ""
    )  # fmt: skip
    lower = score < round2(min(scored))
    # (Thai review 10, 3) not below them: "none of them is below the target" only when so
    none_below = not lower and all(_passes(report, claim, s) for s in scored)
    return (
        claim.inputs["standing"] == standing
        and claim.inputs["lower"] == lower
        and tuple(claim.inputs["range"]) == (min(scored), max(scored))
        and ("อีกส่วนหนึ่ง" in claim.text) == lower
        and ("ไม่มีข้อใดต่ำกว่าค่าเป้าหมาย" in claim.text) == none_below
        and _partial_kept_holds(report, claim, score, standing)
    )


def _partial_kept_holds(report, claim, score: Decimal, standing: str) -> bool:
    """(Thai review 10, 3) "แต่ยังได้ … คะแนนขึ้นไป" beside a lowest indicator only where its bar
    (the unit's threshold and the top level's tool bar, as _partial_advice_holds) is met."""
    bar = claim.inputs.get("bar")
    if bar is None:
        return "แต่ยังได้" not in claim.text
    need = max(round2(report.limit), _top_tool_bar(report) or Decimal(0))
    return round2(bar) == need and score >= need and standing in ("lowest", "unit_lowest")


def _theme_partial(report, claim) -> set[str]:
    """The theme's items whose indicator's questions are only part of it (``_partial``)."""
    [theme] = [t for t in report.framework.themes if t.number == claim.inputs["theme"]]
    indicator = {q.code: q.indicator for q in report.framework.questions}
    return {code for code in theme.questions if _partial(report, indicator[code])}


def _theme_partial_lower(report, claim) -> set[int]:
    """The partial indicators (``_partial``) with items in the theme whose score is below every
    item of the theme, all typed: the lowest of them (every one of a tie)."""
    typed, total = _theme_typed(report, claim)
    if len(typed) < total or not typed:
        return set()
    indicator = {q.code: q.indicator for q in report.framework.questions}
    numbers = {indicator[c] for c in _theme_partial(report, claim)}
    low = min(round2(v) for v in typed.values())
    below = {n: round2(_scores(report)[n]) for n in numbers if round2(_scores(report)[n]) < low}
    return {n for n, s in below.items() if s == min(below.values())}


def _themes_with_partial(report) -> set[int]:
    """The themes with an item typed and an item whose indicator's questions are partial."""
    found = set()
    for theme in report.framework.themes:
        claim = Claim("", "", {"theme": theme.number})
        if _theme_typed(report, claim)[0] and _theme_partial(report, claim):
            found.add(theme.number)
    return found


#: The score the year's top level asks of every tool (ITA_REFERENCE.md "Rating scales": FY2566
#: on, ผ่านดีเยี่ยม needs every tool at 95 or more); earlier years rate by the total alone.
def _top_tool_bar(report) -> Decimal | None:
    return Decimal(95) if report.framework.fiscal_year >= 2566 else None


def _partial_advice_holds(report, claim) -> bool:
    """The advice on a partial indicator follows its own score: "maintain the standard" only
    when every named indicator passes the unit's threshold and the top level's tool bar."""
    bars = [round2(report.limit), *([_top_tool_bar(report)] if _top_tool_bar(report) else [])]
    past = all(round2(_scores(report)[n]) >= bar for n in claim.inputs["indicators"] for bar in bars)
    return ("รักษามาตรฐาน" in claim.text) == past


def _all_equal(report, claim) -> bool:
    scores = _tool_scores(report, claim)
    return None not in scores and len(scores) > 1 and len({round2(s) for s in scores}) == 1


NARRATIVE_CONDITIONS = {
    "narrative.tool_no_score": lambda r, c: _tool_state(r, c) is None,
    "narrative.tool_passed": lambda r, c: (
        _tool_state(r, c) is not None and round2(_tool_state(r, c)) >= _target(r)
    ),
    "narrative.tool_below": lambda r, c: (
        _tool_state(r, c) is not None and round2(_tool_state(r, c)) < _target(r)
    ),
    "narrative.parts_passed": lambda r, c: all(
        code not in r.assessment.tools.stand_ins and round2(r.assessment.tools[code]) >= _target(r)
        for code in c.inputs["tools"]
    ),
    "narrative.parts_below": lambda r, c: all(
        code not in r.assessment.tools.stand_ins and round2(r.assessment.tools[code]) < _target(r)
        for code in c.inputs["tools"]
    ),
    "narrative.parts_unknown": lambda r, c: set(c.inputs["stand_ins"]) <= r.assessment.tools.stand_ins,
    "narrative.no_indicators": lambda r, c: set(_instrument(r, c)[0].values()) == {None},
    "narrative.some_indicators": lambda r, c: (
        None in _instrument(r, c)[0].values() and set(_instrument(r, c)[0].values()) != {None}
    ),
    "narrative.indicators_equal": lambda r, c: (
        None not in _instrument(r, c)[0].values()
        and len({round2(s) for s in _instrument(r, c)[0].values()}) == 1
    ),
    "narrative.indicators_equal_items_pass": lambda r, c: (
        CONDITIONS["narrative.indicators_equal"](r, c) and CONDITIONS["narrative.items_all_pass"](r, c)
    ),
    # a strength only at or above the target (seed 000: 82.32 and 75.00 are no strength)
    "narrative.highest": lambda r, c: (
        _instrument_extreme(r, c, max)
        and not _instrument_failing(r, c)
        and _instrument_high(r, c) >= _target(r)
    ),
    "narrative.highest_plain": lambda r, c: (
        _instrument_extreme(r, c, max) and _instrument_failing(r, c) and _instrument_high(r, c) >= _target(r)
    ),
    "narrative.highest_below": lambda r, c: (
        _instrument_extreme(r, c, max) and _instrument_high(r, c) < _target(r)
    ),
    # an instrument with an item not passed is never told to keep its standard (issue 14)
    "narrative.lowest_passed": lambda r, c: (
        _instrument_extreme(r, c, min)
        and _instrument_low(r, c) >= _target(r)
        and not _instrument_failing(r, c)
    ),
    "narrative.lowest_plain": lambda r, c: (
        _instrument_extreme(r, c, min) and _instrument_low(r, c) >= _target(r) and _instrument_failing(r, c)
    ),
    "narrative.lowest_below": lambda r, c: (
        _instrument_extreme(r, c, min) and _instrument_low(r, c) < _target(r)
    ),
    "narrative.items_failing": lambda r, c: (
        not _instrument(r, c)[2]
        and not _instrument_partial(r, c)
        and set(c.inputs["failing"]) == {k for k, ok in _instrument(r, c)[1].items() if not ok} != set()
    ),
    "narrative.items_failing_known": lambda r, c: (
        (bool(_instrument(r, c)[2]) or _instrument_partial(r, c))
        and set(c.inputs["failing"]) == {k for k, ok in _instrument(r, c)[1].items() if not ok} != set()
    ),
    "narrative.items_pass_known": lambda r, c: (
        bool(_instrument(r, c)[2])
        and not _instrument_partial(r, c)
        and bool(_instrument(r, c)[1])
        and all(_instrument(r, c)[1].values())
    ),
    # "every item passes" needs every item typed and each indicator's items giving its score
    "narrative.items_all_pass": lambda r, c: (
        not _instrument(r, c)[2]
        and not _instrument_partial(r, c)
        and bool(_instrument(r, c)[1])
        and all(_instrument(r, c)[1].values())
    ),
    # said once, over section ๔'s table (Thai review 9, b4)
    "questions.partial_note": lambda r, c: (
        set(c.inputs["partial"]) == {n for n in _instrument(r, c)[0] if _partial(r, n)} != set()
    ),
    "narrative.themes_none": lambda r, c: (
        not any(code in _typed_questions(r) for t in r.framework.themes for code in t.questions)
    ),
    "narrative.theme_none": lambda r, c: not _theme_typed(r, c)[0],
    "narrative.theme_partial": lambda r, c: 0 < len(_theme_typed(r, c)[0]) < _theme_typed(r, c)[1],
    "narrative.theme_full": lambda r, c: (
        len(_theme_typed(r, c)[0]) == _theme_typed(r, c)[1]
        and min(_theme_typed(r, c)[0].values()) >= 100
        and not _theme_partial(r, c)
    ),
    "narrative.theme_passed": lambda r, c: _theme_passed(r, c) and not _theme_partial(r, c),
    # (Thai review 10, 4) its lowest items named, as theme_passed, but not "ผ่านเกณฑ์ทุกข้อ"
    "narrative.theme_part_scores": lambda r, c: (
        _theme_passed(r, c)
        and set(c.inputs["partial"]) == _theme_partial(r, c) != set()
        and not _theme_partial_lower(r, c)
        and "ผ่านเกณฑ์ทุกข้อ" not in c.text
    ),
    # (Thai review 9, b1) the indicator below every item of the ประเด็น, its advice by its score
    "narrative.theme_partial_low": lambda r, c: (
        _theme_failing(r, c) == set()
        and set(c.inputs["partial"]) == _theme_partial(r, c) != set()
        and set(c.inputs["indicators"]) == _theme_partial_lower(r, c) != set()
        and _partial_advice_holds(r, c)
        and "รักษามาตรฐาน" not in c.text
    ),
    # (Thai review 10, 2) the standard kept, with its reason: the indicator at the bar or above
    "narrative.theme_partial_kept": lambda r, c: (
        _theme_failing(r, c) == set()
        and set(c.inputs["partial"]) == _theme_partial(r, c) != set()
        and set(c.inputs["indicators"]) == _theme_partial_lower(r, c) != set()
        and _partial_advice_holds(r, c)
        and "รักษามาตรฐาน" in c.text
        and round2(c.inputs["bar"]) == max(round2(r.limit), _top_tool_bar(r) or Decimal(0))
    ),
    "narrative.theme_failing": lambda r, c: set(c.inputs["items"]) == (_theme_failing(r, c) or {None}),
}


def _totals(report) -> list[tuple[int, Decimal]]:
    """The years with a total, from the typed history and this year's official total."""
    return [(p.fiscal_year, round2(p.total)) for p in report.trend if p.total is not None]


def _latest(report, claim, compare) -> bool:
    """This year's total and the nearest earlier one, as the claim names them, compare so."""
    totals = _totals(report)
    if len(totals) < 2 or totals[-1][0] != report.framework.fiscal_year:
        return False
    (before, previous), (_, total) = totals[-2], totals[-1]
    named = (claim.inputs["previous_year"], round2(claim.inputs["previous"]), round2(claim.inputs["total"]))
    return named == (before, previous, total) and compare(total, previous)


def _steady(report, claim, compare) -> bool:
    """Three totals or more, each one above (or below) the one before, from the first given."""
    values = [t for _, t in _totals(report)]
    return len(values) >= 3 and all(compare(b, a) for a, b in pairwise(values))


TREND_CONDITIONS = {
    "trend.line_up": lambda r, c: _latest(r, c, lambda t, p: t > p),
    "trend.line_down": lambda r, c: _latest(r, c, lambda t, p: t < p),
    "trend.line_same": lambda r, c: _latest(r, c, lambda t, p: t == p),
    "trend.steady_up": lambda r, c: _steady(r, c, lambda b, a: b > a),
    "trend.steady_down": lambda r, c: _steady(r, c, lambda b, a: b < a),
}


def _no_items(report) -> bool:
    return not _typed_questions(report)


def _scored_indicators(report) -> list[int]:
    return [n for n, s in _scores(report).items() if s is not None]


def _weakest_tool(report, claim, below: bool, one: bool = False) -> bool:
    """Every tool has its own score, the scores differ, the claim names the lowest (``one``:
    one of them), which is below the target (or not)."""
    tools, codes = report.assessment.tools, [t.code for t in report.framework.tools]
    inputs = claim if isinstance(claim, dict) else claim.inputs
    if tools.stand_ins or any(tools[code] is None for code in codes):
        return False
    scores = {code: round2(tools[code]) for code in codes}
    low = min(scores.values())
    lowest = {code for code, s in scores.items() if s == low}
    named = set(inputs["tools"]) <= lowest if one else set(inputs["tools"]) == lowest
    return named and len(set(scores.values())) > 1 and (low < _target(report)) == below


def _items_of(report, instrument: str) -> list[str]:
    fw = report.framework
    return [q.code for q in fw.questions if fw.indicator(q.indicator).instrument == instrument]


def _not_passed(report, codes) -> set[str]:
    """The typed items among ``codes`` that do not pass (OIT: below 100; others: the target)."""
    fw, typed = report.framework, _typed_questions(report)
    return {c for c in codes if c in typed and not fw.item_passes(fw.question(c).indicator, typed[c])}


def _eservice_items(report) -> list[str]:
    """The items on online service, by title (the EIT question e9, the OIT E-Service item)."""
    return [q.code for q in report.framework.questions if "E-Service" in q.title or "ออนไลน์" in q.title]


def _eservice_below_mean(report, claim) -> bool:
    """Every typed E-Service item passes, and the named one (not OIT) is below the mean of its
    instrument's typed questions."""
    fw, typed, code = report.framework, _typed_questions(report), claim.inputs["item"]
    if (
        _not_passed(report, _eservice_items(report))
        or code not in typed
        or code not in _eservice_items(report)
    ):
        return False
    instrument = fw.indicator(fw.question(code).indicator).instrument
    peers = [typed[c] for c in _items_of(report, instrument) if c in typed]
    return instrument != "OIT" and typed[code] < sum(peers) / len(peers)


#: ข้อจำกัด and ข้อเสนอแนะ made from the figures (ita_xl.core.closing)
CLOSING_CONDITIONS = {
    "limits.no_indicators": lambda r, c: _no_items(r) and not _scored_indicators(r),
    "limits.some_indicators": lambda r, c: (
        _no_items(r) and 0 < len(_scored_indicators(r)) < len(r.framework.indicators)
    ),
    "limits.no_questions": lambda r, c: _no_items(r) and _all_scored(r),
    "recommend.tool_below": lambda r, c: _weakest_tool(r, c, below=True),
    "recommend.tool_lowest": lambda r, c: _weakest_tool(r, c, below=False),
    # "the items not passed" only when every OIT item is typed (review_code7 A4)
    "recommend.oit_failing": lambda r, c: (
        set(_items_of(r, "OIT")) <= set(_typed_questions(r))
        and set(c.inputs["items"]) == _not_passed(r, _items_of(r, "OIT")) != set()
    ),
    "recommend.oit_failing_known": lambda r, c: (
        not set(_items_of(r, "OIT")) <= set(_typed_questions(r))
        and set(c.inputs["items"]) == _not_passed(r, _items_of(r, "OIT")) != set()
        and "ในบรรดาข้อที่มีคะแนน" in c.text
    ),
    "recommend.oit_maintain": lambda r, c: (
        set(_items_of(r, "OIT")) <= set(_typed_questions(r)) and not _not_passed(r, _items_of(r, "OIT"))
    ),
    "recommend.eservice": lambda r, c: set(c.inputs["items"]) == _not_passed(r, _eservice_items(r)) != set(),
    "recommend.eservice_mean": lambda r, c: _eservice_below_mean(r, c),
}


def _instrument_mean(report, claim) -> Decimal | None:
    """The mean of the instrument's indicator scores (the seeds print EIT's indicators 6-8, not
    its parts), taken here from the indicators, not from the tool score: what the note says
    stood in for each part."""
    scores = [i.score for i in report.indicators if i.instrument == claim.inputs["instrument"]]
    # summed as decimals: a float sum puts an exact half a hair below it (91.31, 72.835 and
    # 54.48 average 72.875 exactly, which prints 72.88; the float sum gave 72.87)
    scores = [Decimal(str(s)) for s in scores if s is not None]
    return round2(sum(scores) / len(scores)) if scores else None


def _limit(report) -> Decimal:
    """The threshold the measures were chosen by: the unit's, else the target."""
    return round2(report.framework.target if report.limit is None else report.limit)


def _standing(report, score, *, full_marks: bool = False) -> str:
    """Where a score stands, as the report prints it (two decimals; ITA_REFERENCE.md: a score
    passes the target at 85 or more; an OIT item is published or not, 100 or 0)."""
    printed = round2(score)
    if full_marks:
        return "passed" if printed >= 100 else "below_target"
    if printed < _target(report):
        return "below_target"
    return "below_limit" if printed < _limit(report) else "passed"


def _is_oit(report, indicator: int) -> bool:
    return report.framework.indicator(indicator).instrument in report.framework.full_marks_instruments


def _item_standing(report, code: str) -> str | None:
    typed = _typed_questions(report)
    if code not in typed:
        return None
    return _standing(
        report, typed[code], full_marks=_is_oit(report, report.framework.question(code).indicator)
    )


def _indicator_standing(report, number: int) -> str | None:
    score = _scores(report)[number]
    return None if score is None else _standing(report, score)


def _named(report, claim) -> str | None:
    """The standing of the item (or indicator) a measure claim names."""
    if "item" in claim.inputs:
        return _item_standing(report, claim.inputs["item"])
    return _indicator_standing(report, claim.inputs["indicator"])


def _standing_words(report, claim) -> bool:
    """The text says "(แม้จะ|ซึ่ง)ผ่านค่าเป้าหมายแล้ว" only of an item past the target (and the unit's
    threshold), "ต่ำกว่าค่าเป้าหมาย" only of one below the target."""
    standing = _named(report, claim)
    if standing == "passed":
        return "ผ่านค่าเป้าหมายแล้ว" in claim.text and "ต่ำกว่าค่าเป้าหมาย" not in claim.text
    return standing == "below_target" and "ซึ่งต่ำกว่าค่าเป้าหมาย" in claim.text and "ผ่านค่าเป้า" not in claim.text


def _lowest_item_of(report, claim, *, every: bool) -> bool:
    """The named item is the lowest of its instrument's typed questions; ``every``: and every
    question of the instrument is typed (else some are blank)."""
    codes, typed = _items_of(report, claim.inputs["instrument"]), _typed_questions(report)
    scores = {c: typed[c] for c in codes if c in typed}
    complete = len(scores) == len(codes)
    return complete == every and typed.get(claim.inputs["item"]) == min(scores.values())


def _lowest_indicator_of(report, claim) -> bool:
    """Every indicator of the instrument scored, and the named one has the lowest printed score."""
    scores = [i.score for i in report.indicators if i.instrument == claim.inputs["instrument"]]
    number = claim.inputs["indicator"]
    return None not in scores and round2(_scores(report)[number]) == min(round2(s) for s in scores)


def _theme_lowest_item(report, claim, *, complete: bool) -> bool:
    typed, total = _theme_typed(report, claim)
    return (len(typed) == total) == complete and typed.get(claim.inputs["item"]) == min(typed.values())


def _from_tool(report, claim) -> bool:
    """No indicator score typed; the tool's standing as named: below the target or the unit's
    threshold by its own score, or, past both, the weakest tool by the closing's rule."""
    if any(s is not None for s in _scores(report).values()):
        return False
    code, standing = claim.inputs["tool"], claim.inputs["standing"]
    score = report.assessment.tools[code]
    if code in report.assessment.tools.stand_ins or score is None:
        return False
    if standing == "lowest":
        return _standing(report, score) == "passed" and _weakest_tool(
            report, {"tools": [code]}, below=False, one=True
        )
    return _standing(report, score) == standing


def _eservice_weak(report, claim, standing: str) -> bool:
    code = claim.inputs["item"]
    return (
        code in _eservice_items(report)
        and not _is_oit(report, claim.inputs["indicator"])
        and (_item_standing(report, code) == standing)
    )


def _indicator_items_no_cause(report, claim) -> bool:
    """Below the target, some of its questions typed, none of them below the target or the
    unit's threshold: no question names a cause."""
    number = claim.inputs["indicator"]
    codes = [q.code for q in report.framework.questions_of(number)]
    typed = [c for c in codes if c in _typed_questions(report)]
    return (
        _indicator_standing(report, number) == "below_target"
        and bool(typed)
        and all(_item_standing(report, c) == "passed" for c in typed)
    )


#: The measures' ผลการวิเคราะห์ (ita_xl.core.measures), against the target and the unit's threshold
MEASURE_CONDITIONS = {
    "measure.below": lambda r, c: (
        not _is_oit(r, c.inputs["indicator"]) and _item_standing(r, c.inputs["item"]) == "below_target"
    ),
    "measure.below_limit": lambda r, c: _named(r, c) == "below_limit",
    "measure.oit_not_passed": lambda r, c: (
        _is_oit(r, r.framework.question(c.inputs["item"]).indicator)
        and _item_standing(r, c.inputs["item"]) == "below_target"
    ),
    "measure.indicator_below_no_cause": lambda r, c: (
        _indicator_standing(r, c.inputs["indicator"]) == "below_target"
        and not any(q.code in _typed_questions(r) for q in r.framework.questions_of(c.inputs["indicator"]))
    ),
    "measure.indicator_below_items": _indicator_items_no_cause,
    # (Thai review 9, b1) a ประเด็น with items that are only part of their indicator has no
    # known lowest item: the lowest of the items with a score, said so
    "measure.maintain_theme": lambda r, c: (
        _theme_lowest_item(r, c, complete=True)
        and not _theme_partial(r, c)
        and _typed_questions(r)[c.inputs["item"]] < 100
        and _standing_words(r, c)
    ),
    "measure.maintain_scored": lambda r, c: (
        (
            _theme_lowest_item(r, c, complete=False)
            or (bool(_theme_partial(r, c)) and _theme_lowest_item(r, c, complete=True))
        )
        and _standing_words(r, c)
    ),
    "measure.full_theme": lambda r, c: (
        len(_theme_typed(r, c)[0]) == _theme_typed(r, c)[1] and min(_theme_typed(r, c)[0].values()) >= 100
    ),
    "measure.maintain_indicator": lambda r, c: (
        _is_oit(r, c.inputs["indicator"])
        and round2(_scores(r)[c.inputs["indicator"]]) < 100
        and _indicator_standing(r, c.inputs["indicator"]) == "passed"
    ),
    "measure.lowest_of_tool": lambda r, c: (
        (
            _lowest_item_of(r, c, every=True) and not _instrument_partial(r, c)
            if "item" in c.inputs
            else _lowest_indicator_of(r, c)
        )
        and _standing_words(r, c)
    ),
    "measure.lowest_of_tool_scored": lambda r, c: (
        (
            _lowest_item_of(r, c, every=False)
            or (_instrument_partial(r, c) and _lowest_item_of(r, c, every=True))
        )
        and _standing_words(r, c)
    ),
    "measure.from_tool": _from_tool,
    "measure.eservice_below": lambda r, c: _eservice_weak(r, c, "below_target"),
    "measure.eservice_below_limit": lambda r, c: _eservice_weak(r, c, "below_limit"),
    "measure.eservice_mean": lambda r, c: (
        _eservice_below_mean(r, c)
        and all(_item_standing(r, code) in (None, "passed") for code in _eservice_items(r))
    ),
    # a measure the unit added (ปรับมาตรการ), described by the indicator or ประเด็น it names
    "choices.own_indicator_passed": lambda r, c: (
        _scores(r)[c.inputs["indicator"]] == c.inputs["score"]
        and _indicator_standing(r, c.inputs["indicator"]) != "below_target"
    ),
    "choices.own_indicator_below": lambda r, c: (
        _scores(r)[c.inputs["indicator"]] == c.inputs["score"]
        and _indicator_standing(r, c.inputs["indicator"]) == "below_target"
    ),
    "choices.own_theme_mean": lambda r, c: (
        _theme_mean(r, c) == round2(c.inputs["mean"]) and not _theme_partial(r, c)
    ),
    # (Thai review 9, b1) a mean of partial items is not the ประเด็น's score: said to be partial
    "choices.own_theme_partial": lambda r, c: (
        _theme_mean(r, c) == round2(c.inputs["mean"])
        and set(c.inputs["partial"]) == _theme_partial(r, c) != set()
        and not _theme_partial_lower(r, c)
    ),
}


def _theme_mean(report, claim) -> Decimal | None:
    """The mean of a ประเด็น's items, every one typed (none otherwise)."""
    typed, total = _theme_typed(report, claim)
    return round2(sum(typed.values()) / total) if total and len(typed) == total else None


CONDITIONS = {
    **NARRATIVE_CONDITIONS,
    **MEASURE_CONDITIONS,
    **TREND_CONDITIONS,
    **CLOSING_CONDITIONS,
    "indicators.none": lambda r, c: all(s is None for s in _scores(r).values()),
    "indicators.none_causes": lambda r, c: all(s is None for s in _scores(r).values()),
    "indicators.incomplete": lambda r, c: (
        not _all_scored(r) and any(s is not None for s in _scores(r).values())
    ),
    "indicators.known_below": lambda r, c: set(c.inputs["below"]) == _below(r) and bool(_below(r)),
    "indicators.highest": lambda r, c: _all_scored(r) and set(c.inputs["items"]) == _extreme(r, max),
    "indicators.lowest": lambda r, c: _all_scored(r) and set(c.inputs["items"]) == _extreme(r, min),
    "indicators.below_count": lambda r, c: _all_scored(r) and set(c.inputs["below"]) == _below(r) != set(),
    "indicators.none_below": lambda r, c: _all_scored(r) and not _below(r),
    "indicators.all_pass": lambda r, c: _all_scored(r) and not _below(r),
    "oit.all_disclosed": lambda r, c: (
        not _questions(r, c)[1]
        and all(_passes(r, c, s) for s in _questions(r, c)[0])
        and not _partial(r, c.inputs["indicator"])
    ),
    "oit.incomplete": lambda r, c: (
        bool(_questions(r, c)[1]) and all(_passes(r, c, s) for s in _questions(r, c)[0])
    ),
    "oit.not_passed": lambda r, c: any(not _passes(r, c, s) for s in _questions(r, c)[0]),
    "questions.cause": lambda r, c: any(not _passes(r, c, s) for s in _questions(r, c)[0]),
    "questions.none_no_cause": lambda r, c: (
        not _typed_questions(r) and set(c.inputs["indicators"]) == _below(r) != set()
    ),
    "questions.maintain": lambda r, c: (
        not _questions(r, c)[1]
        and all(_passes(r, c, s) for s in _questions(r, c)[0])
        and not _partial(r, c.inputs["indicator"])
    ),
    "questions.partial": _partial_row,
    "questions.incomplete": lambda r, c: (
        bool(_questions(r, c)[1]) and all(_passes(r, c, s) for s in _questions(r, c)[0])
    ),
    # a lowest only where the scores differ (seeds 003, 004: OIT 100 and 100 has no lowest)
    "tools.lowest": lambda r, c: _tool_lowest(r, c) and not _all_equal(r, c),
    "tools.lowest_shared": lambda r, c: _tool_lowest(r, c) and not _all_equal(r, c),
    "tools.all_equal": _all_equal,
    # (Thai review 8 N7) the one scored indicator of a tool of several
    "tools.only_scored": lambda r, c: (
        [n for n, s in _tool_members(r, c).items() if s is not None] == [c.inputs["item"]]
        and len(_tool_members(r, c)) > 1
    ),
    "tools.incomplete": lambda r, c: _tool_scores(r, c).count(None) not in (0, len(_tool_scores(r, c))),
    "tools.no_indicators": lambda r, c: set(_tool_scores(r, c)) == {None},
    "themes.lowest": lambda r, c: _theme_lowest(r, c) and not _theme_partial(r, c),
    # (Thai review 9, b1) the lowest of items some of which are only part of their indicator
    "themes.lowest_partial": lambda r, c: (
        _theme_lowest(r, c) and bool(_theme_partial(r, c)) and not _theme_partial_lower(r, c)
    ),
    "themes.partial_lowest": lambda r, c: set(c.inputs["indicators"]) == _theme_partial_lower(r, c) != set(),
    # (Thai review 10, L1) a tie, by codes: every item at the lowest score, none below them
    "themes.lowest_tied": lambda r, c: (
        _theme_lowest(r, c) and len(c.inputs["items"]) > 1 and not _theme_partial_lower(r, c)
    ),
    # (Thai review 10, b4) once over §๕'s table: the ประเด็น with partial items, some typed
    "themes.partial_note": lambda r, c: set(c.inputs["themes"]) == _themes_with_partial(r) != set(),
    "themes.scored_partial": lambda r, c: (
        bool(_theme_typed(r, c)[0]) and set(c.inputs["partial"]) == _theme_partial(r, c) != set()
    ),
    "themes.all_equal": lambda r, c: (
        len(_theme_typed(r, c)[0]) == _theme_typed(r, c)[1]
        and {round2(v) for v in _theme_typed(r, c)[0].values()} == {round2(c.inputs["score"])}
    ),
    "total.parts_published": lambda r, c: (
        bool(r.assessment.tools.stand_ins) and r.outcome.published_total and r.outcome.total is not None
    ),
    "total.parts_mean": lambda r, c: (
        bool(r.assessment.tools.stand_ins)
        and not r.outcome.published_total
        and r.outcome.total is not None
        and all(r.assessment.tools[code] == c.inputs["mean"] for code in r.assessment.tools.stand_ins)
        and _instrument_mean(r, c) == round2(c.inputs["mean"])
    ),
    "level.published": lambda r, c: _published_level(r) == r.outcome.level is not None,
    "level.published_total": lambda r, c: _published_level(r) == r.outcome.level is not None,
    "level.published_because": lambda r, c: _published_fact(r, c),
    # ITA_REFERENCE.md's FY2566- table: a published ผ่านดี over a total of 95 or more missed
    # ผ่านดีเยี่ยม (every tool 95), a published ผ่าน over 85 or more missed ผ่านดี (every tool 85);
    # the tools typed all meet it, so one not typed is below (a hypothesis draw: FY2566, 85.00
    # and ผ่าน published, nothing else typed, is the second case)
    "level.published_short_of": lambda r, c: (
        _published_level(r) == r.outcome.level in SHORT_OF
        and c.inputs["missed"] == SHORT_OF[r.outcome.level][0]
        and _tool_condition(r)
        and _official_total(r) >= SHORT_OF[r.outcome.level][1]
        and all(v >= SHORT_OF[r.outcome.level][1] for v in _typed_tools(r).values())
        and len(_typed_tools(r)) < len(r.framework.tools)
    ),
    "level.in_band": lambda r, c: _unpublished_level(r, c) and not _tool_condition(r) and _band_text(r, c),
    "level.in_band_all_tools": lambda r, c: (
        _unpublished_level(r, c)
        and _tool_condition(r)
        and r.outcome.level in ("ผ่านดีเยี่ยม", "ผ่านดี")
        and _band_text(r, c)
    ),
    "level.passed_over": lambda r, c: _unpublished_level(r, c) and _passed_over(r, c),
    # (review 8 N3) ผ่านดี below 95: the total is below ผ่านดีเยี่ยม's 95, every tool at 85 or more
    "level.below_band_all_tools": lambda r, c: (
        _unpublished_level(r, c)
        and _tool_condition(r)
        and r.outcome.level == "ผ่านดี"
        and _official_total(r) < 95
    ),
    "level.needs_parts": lambda r, c: (
        r.outcome.level is None and bool(r.assessment.tools.stand_ins) and len(_reference_levels(r) or ()) > 1
    ),
    "level.needs_tools": lambda r, c: r.outcome.level is None and r.assessment.total.value is None,
    "level.needs_tools_total": lambda r, c: (
        r.outcome.level is None
        and _reference_levels(r) is None
        and set(c.inputs["missing"])
        == {t.code for t in r.framework.tools if r.assessment.tools[t.code] is None}
        != set()
    ),
    "level.off_scale": lambda r, c: not 0 <= _official_total(r) <= 100,
}


# The rating table of ITA_REFERENCE.md ("Rating scales"), written here from the reference, not
# from the frameworks: FY2562-2565 letters by the total alone; FY2566 on, the total's band and
# a condition on every tool (IIT, EIT parts 1 and 2, OIT).
LETTERS = [(95, "AA"), (85, "A"), (75, "B"), (65, "C"), (55, "D"), (50, "E"), (0, "F")]


def _reference_level(year: int, total: Decimal, tools: list) -> str | None:
    """The level of a total with the tools' scores (None: a tool the table needs is blank)."""
    if year <= 2565:
        return next(name for low, name in LETTERS if total >= low)
    if total < 70:
        return "ต้องปรับปรุงโดยด่วน"
    if total < 85:
        return "ต้องปรับปรุง"
    known = [round2(t) for t in tools if t is not None]
    if known and min(known) < 85:  # "any tool < 85": decided whatever the blank tools are
        return "ผ่าน"
    if None in tools:
        return None
    low = min(known)
    if total >= 95 and low >= 95:
        return "ผ่านดีเยี่ยม"
    return "ผ่านดี" if low >= 85 else "ผ่าน"


def _official_total(report) -> Decimal:
    from ita_xl.core.figures import parse_number

    typed = {parse_number(p.value) for p in report.inputs.printed_totals} - {None}
    if len(typed) == 1:
        return round2(typed.pop())
    return round2(report.assessment.total.value)


def _reference_levels(report) -> set[str] | None:
    """The levels the table gives the official total over every split of stand-in EIT parts
    (two parts of equal weight whose mean m is known: P1 + P2 = 2m, each 0-100; the evenest
    and the most uneven split bound the lowest tool); None when a tool it needs is blank."""
    fw, tools = report.framework, report.assessment.tools
    if report.assessment.total.value is None and report.outcome.total is None:
        return None
    total, year = _official_total(report), fw.fiscal_year
    even = [tools[t.code] for t in fw.tools]
    uneven = list(even)
    stand = [n for n, t in enumerate(fw.tools) if t.code in tools.stand_ins]
    if stand:
        mean = float(even[stand[0]])
        uneven[stand[0]], uneven[stand[1]] = max(0.0, 2 * mean - 100), min(100.0, 2 * mean)
    levels = {_reference_level(year, total, even), _reference_level(year, total, uneven)}
    return None if None in levels else levels


#: A published level below the first of its row's levels: the level it missed and what that
#: level asks of the total and of every tool (ITA_REFERENCE.md, "FY2566 onward").
SHORT_OF = {"ผ่านดี": ("ผ่านดีเยี่ยม", 95), "ผ่าน": ("ผ่านดี", 85)}


def _tool_condition(report) -> bool:
    """Whether the table's row for the official total has a condition on the tools."""
    return report.framework.fiscal_year >= 2566 and _official_total(report) >= 85


def _unpublished_level(report, claim) -> bool:
    """No published level of the year's scale; the table gives one level, the one stated."""
    return _published_level(report) is None and _reference_levels(report) == {report.outcome.level}


def _band_text(report, claim) -> bool:
    """The band the sentence names holds the official total."""
    import re

    low, high = (Decimal(x) for x in re.findall(r"อยู่ในช่วง ([\d.]+) ถึง ([\d.]+)", _plain(claim.text))[0])
    return low <= _official_total(report) <= high


#: The condition on every tool of a level, ITA_REFERENCE.md "Rating scales" (FY2566 on).
NEED = {"ผ่านดีเยี่ยม": 95, "ผ่านดี": 85}


def _typed_tools(report) -> dict[str, Decimal]:
    """The tools with a typed score of their own (not blank, not an EIT part's stand-in)."""
    tools = report.assessment.tools
    return {t.code: round2(tools[t.code]) for t in report.framework.tools
            if tools[t.code] is not None and t.code not in tools.stand_ins}  # fmt: skip


def _published_fact(report, claim) -> bool:
    """A published level's reason (Thai review 8, 5): the level is the published one, and each
    figure the reason names holds of the official total and the typed tools by the reference
    table: the band holds the total; "below 95" only for ผ่านดี under 95; the tools said to
    meet the level's condition, or to miss the better level's, do."""
    level, inputs = report.outcome.level, claim.inputs
    if _published_level(report) != level or level is None or inputs["known"] != _typed_tools(report):
        return False
    total, typed = _official_total(report), _typed_tools(report)
    if "band" in inputs and not (
        inputs["band"][0] <= total <= inputs["band"][1] and _band_text(report, claim)
    ):
        return False
    if "below_band" in inputs and not (level == "ผ่านดี" and _tool_condition(report) and total < 95):
        return False
    if inputs.get("below"):  # a better level missed: its condition (95 for ผ่านดีเยี่ยม, 85 for ผ่านดี)
        need = NEED[inputs["missed"]]
        return set(inputs["below"]) == {code for code, v in typed.items() if v < need}
    if _tool_condition(report) and level in NEED:
        return all(v >= NEED[level] for v in typed.values())
    return not _tool_condition(report) or level not in NEED


def _passed_over(report, claim) -> bool:
    """The tools the sentence names are those below the higher level's condition (95 for
    ผ่านดีเยี่ยม, 85 for ผ่านดี), a stand-in EIT part by its instrument."""
    fw, tools = report.framework, report.assessment.tools
    need = 95 if report.outcome.level == "ผ่านดี" else 85
    named = {t.instrument if t.code in tools.stand_ins else t.short
             for t in fw.tools if tools[t.code] is not None and round2(tools[t.code]) < need}  # fmt: skip
    return _tool_condition(report) and named == set(claim.inputs["below"]) != set()


def _report(unit: UnitInputs, threshold: float | None = None):
    fw = load_framework(unit.fiscal_year)
    found = assess(fw, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return build_report(unit, fw, found, [], threshold=threshold)


def _sheet_text(report) -> list[str]:
    return [str(v) for row in analysis_sheet(report).value_grid() for v in row if isinstance(v, str)]


def _check(report) -> None:
    cells = _sheet_text(report)
    for claim in report.claims:
        assert claim.id in CONDITIONS, f"no condition for claim {claim.id}"
        assert CONDITIONS[claim.id](report, claim), (claim.id, claim.text, claim.inputs)
    _check_closing(report)
    for phrase in ("ทุกตัวชี้วัดผ่านค่าเป้าหมาย", "ได้คะแนนสูงสุด ได้แก่", "ได้คะแนนต่ำสุด ได้แก่",
                   "ได้คะแนนสูงสุด คือ", "ได้คะแนนต่ำสุด คือ", "ทุกข้อของตัวชี้วัด"):  # fmt: skip
        for cell in cells:
            if phrase in cell:  # only ever written by a claim (Thai digits aside)
                assert any(_plain(c.text) in _plain(cell) for c in report.claims), cell


def _check_closing(report) -> None:
    """Each item of ข้อจำกัด and ข้อเสนอแนะ is the unit's own (typed), a default true of every
    assessment (library/document.toml), or a claim whose condition was checked above."""
    made = {c.text for c in report.claims}
    for key in ("limitations", "recommendations"):
        own = tuple(getattr(report.inputs, key))
        printed = getattr(report.closing, key)
        if own and not unedited(own, key):
            assert printed == own  # the unit's list, as typed
            continue
        assert printed and all(t in made or t in default_texts()[key] for t in printed), printed
        expected = set(default_texts()[key])
        if key == "limitations" and not _causes_named(report):  # (thai7, review 7 N6)
            expected -= {t for t in expected if "สาเหตุที่ระบุในรายงานฉบับนี้" in t}
            assert not any("สาเหตุที่ระบุในรายงานฉบับนี้" in t for t in printed)
        assert expected <= set(printed)


def _causes_named(report) -> bool:
    """Whether the report names a cause: a questions.cause claim, or a measure's "สาเหตุ:"."""
    return any(c.id == "questions.cause" for c in report.claims) or any(
        "สาเหตุ:" in m.analysis for m in report.measures
    )


def _plain(text: str) -> str:
    from ita_xl.core.figures import from_thai_digits

    return from_thai_digits(text)


score = st.one_of(st.none(), st.decimals(50, 100, places=2).map(float))


@st.composite
def unit_inputs(draw):
    year = draw(st.sampled_from([2562, 2566, 2567, 2568, 2569]))
    fw = load_framework(year)
    mode = draw(st.sampled_from(["indicators", "questions", "tools", "both", "partial"]))
    indicators, questions, tools = {}, {}, {}
    if mode == "partial":  # every question typed, some indicators lower than their questions' mean:
        # the questions are only part of the indicator (seed 003's EIT), review_code7 B1
        from ita_xl.core.scoring import indicator_scores

        oit = set(_oit_codes(fw))  # published (100) or not (0), mostly published, as the seeds'
        items = st.decimals(draw(st.sampled_from([80, 85])), 100, places=2).map(float)  # 85: all pass
        published = st.sampled_from([100.0, 100.0, 100.0, 0.0])
        questions = {q.code: draw(published if q.code in oit else items) for q in fw.questions}
        given = indicator_scores(questions, fw)
        # or higher (seed 004: indicator 6 at 97.20, e1-e3 average 96.57), Thai review 9 b1
        indicators = {
            n: max(0.0, min(100.0, float(round2(v)) - draw(st.sampled_from([0, 0, 5, 12, 20, -3]))))
            for n, v in given.items()
            if v is not None
        }
    elif mode == "indicators":
        indicators = {i.number: draw(score) for i in fw.indicators}
    elif mode == "questions":
        questions = {q.code: draw(score) for q in fw.questions}
        if draw(st.booleans()):
            questions = {c: (100.0 if v is not None else None) for c, v in questions.items()}
    elif mode == "both":  # indicators and questions typed: the questions may be only part of them
        questions = {q.code: draw(score) for q in fw.questions}
        indicators = {i.number: draw(score) for i in fw.indicators}
        if draw(st.booleans()):  # or the indicators the questions give
            from ita_xl.core.scoring import indicator_scores

            given = indicator_scores({c: v for c, v in questions.items() if v is not None}, fw)
            indicators = {n: (None if v is None else float(round2(v))) for n, v in given.items()}
    else:
        tools = {t.code: draw(score) for t in fw.tools}
    # the published level: of the year's scale, or off it (a letter of another year's scale,
    # a typo), or none; the published total: none, typed once, or printed twice alike
    rating = draw(
        st.one_of(st.none(), st.sampled_from([lv.name for lv in fw.levels]), st.sampled_from(OFF_SCALE))
    )
    totals = draw(
        st.one_of(st.just(()), st.lists(st.decimals(50, 100, places=2).map(float), min_size=1, max_size=1))
    )
    earlier = draw(st.lists(score, max_size=3))  # the history sheet: up to three earlier totals
    history = tuple(HistoryYear(year - len(earlier) + n, total) for n, total in enumerate(earlier))
    return UnitInputs(
        history=history,
        fiscal_year=year,
        name="อบต.ทดสอบ",
        departments=("สำนักปลัด", "กองคลัง"),
        indicators=indicators,
        questions=questions,
        tools=tools,
        printed_rating=None if rating is None else Printed(rating),
        printed_totals=tuple(Printed(t) for t in totals * draw(st.sampled_from([1, 2]))),
    )


#: Published levels no year's scale has, or another year's (FY2562's letters on an FY2567 form).
OFF_SCALE = ("A", "AA", "ผ่านดีมาก", "ผ่าน ดี", "B")

#: The unit's own threshold (``--threshold``), or none (the target).
thresholds = st.one_of(
    st.none(), st.sampled_from([60.0, 80.0, 85.0, 90.0, 95.0]), st.decimals(50, 100, places=1).map(float)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_inputs(), thresholds)
def test_every_claim_holds_of_the_report_inputs(unit, threshold):
    _check(_report(unit, threshold))


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004", "2569"])
def test_every_claim_of_each_sample_holds(seed):
    if seed not in SAMPLES:
        pytest.skip(f"no sample {seed}")
    _check(_report(SAMPLES[seed]))


# ข้อจำกัด and ข้อเสนอแนะ (issue 14: "never state what the data does not support")


@st.composite
def complete_unit(draw):
    """A unit with every score of one level typed (tools, indicators or items), often all at
    or above the target, OIT items published or not: the ground of the closing claims (the
    weakest tool, every OIT item passed, E-Service below its tool's mean), which random
    blanks rarely reach."""
    year = draw(st.sampled_from([2562, 2563, 2566, 2567, 2568, 2569]))
    fw = load_framework(year)
    low = draw(st.sampled_from([60, 85]))  # 85: every score passes the target
    typed = st.decimals(low, 100, places=2).map(float)
    published = st.sampled_from([100.0, 100.0, 100.0, 0.0]) if low < 85 else st.just(100.0)
    mode = draw(st.sampled_from(["indicators", "questions", "tools"]))
    indicators, questions, tools = {}, {}, {}
    if mode == "indicators":
        indicators = {i.number: draw(typed) for i in fw.indicators}
    elif mode == "questions":
        oit = set(_oit_codes(fw))
        questions = {q.code: draw(published if q.code in oit else typed) for q in fw.questions}
    else:
        tools = {t.code: draw(typed) for t in fw.tools}
    return UnitInputs(
        fiscal_year=year, name="อบต.ทดสอบ", departments=("สำนักปลัด",),
        indicators=indicators, questions=questions, tools=tools,
    )  # fmt: skip


def _oit_codes(fw) -> list[str]:
    return [q.code for q in fw.questions if fw.indicator(q.indicator).instrument == "OIT"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_unit(), thresholds)
def test_every_closing_claim_holds_of_complete_inputs(unit, threshold):
    _check(_report(unit, threshold))


#: Each sentence made from the figures, and inputs that make it (the samples, as the seeds print them).
CLOSING_CASES = [
    ("limits.no_questions", SAMPLES["000"]),  # ten indicator scores, no item
    ("limits.some_indicators", SAMPLES["002"]),  # ศรีสะเกษ: three of ten indicators
    # ขามป้อม's tool scores only; its own ข้อจำกัด (SEED_LIMITATIONS) set aside: the default list
    ("limits.no_indicators", replace(SAMPLES["001"], indicators={}, limitations=())),
    ("recommend.tool_below", SAMPLES["000"]),  # แก้ง: OIT 68.56, the lowest, below 85
    ("recommend.tool_lowest", SAMPLES["001"]),  # ขามป้อม: EIT part 2 93.44, every tool passed
    ("recommend.oit_maintain", SAMPLES["004"]),  # เขาย้อย: every OIT item published
    ("recommend.oit_failing", SAMPLES["2569"]),  # o9 and o22 not published
    # review_code7 A4: o1-o5 blank, the count is of the items with a score
    (
        "recommend.oit_failing_known",
        replace(
            SAMPLES["2569"],
            questions={
                c: v for c, v in SAMPLES["2569"].questions.items() if c not in ("o1", "o2", "o3", "o4", "o5")
            },
        ),
    ),
    ("recommend.eservice_mean", SAMPLES["004"]),  # e9 passes, below EIT's mean (the seed's measure)
    ("recommend.eservice", replace(SAMPLES["004"], questions={**SAMPLES["004"].questions, "o10": 0})),
]


@pytest.mark.parametrize(("claim_id", "unit"), CLOSING_CASES, ids=[c[0] for c in CLOSING_CASES])
def test_each_closing_sentence_is_made_when_its_condition_holds(claim_id, unit):
    report = _report(unit)
    _check(report)
    [claim] = [c for c in report.claims if c.id == claim_id]
    key = "limitations" if claim_id.startswith("limits.") else "recommendations"
    assert claim.text in getattr(report.closing, key)
    assert claim.text in _sheet_text(report) or any(claim.text in _plain(t) for t in _sheet_text(report))


def test_every_closing_claim_has_a_case():
    assert {c for c in CLOSING_CONDITIONS} == {case[0] for case in CLOSING_CASES}


# finding 3, on the seeds


def test_finding_3_no_all_pass_claim_without_indicator_scores():
    """ขามป้อม without its indicator scores (0 of 10); no "ทุกตัวชี้วัดผ่านค่าเป้าหมาย"."""
    text = "\n".join(_sheet_text(_report(replace(SAMPLES["001"], indicators={}))))
    assert "ทุกตัวชี้วัดผ่านค่าเป้าหมาย" not in text
    assert "ไม่มีคะแนนรายตัวชี้วัด จึงไม่สามารถระบุ" in text


def test_a_tool_only_unit_gets_no_heading_over_an_empty_table():
    """ขามป้อม with its tool scores only: the section says what is missing instead of opening
    "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุ…ดังนี้" over a table with no row (issue 14)."""
    from ita_xl.core.wording import HEADERS

    text = "\n".join(_sheet_text(_report(replace(SAMPLES["001"], indicators={}))))
    assert "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุ" not in text
    assert HEADERS["indicator_causes"][3] not in text.split("\n")  # no table header either
    assert "ไม่มีคะแนนรายตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย สาเหตุ และแนวทางการยกระดับ" in text
    # every indicator typed and passed: a sentence, not a heading over nothing
    text = "\n".join(_sheet_text(_report(SAMPLES["001"])))
    assert "ไม่มีคะแนนรายข้อคำถาม จึงวิเคราะห์ในระดับตัวชี้วัด ทุกตัวชี้วัดผ่านค่าเป้าหมาย" in text
    assert "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุ" not in text
    # some below the target: the heading stands over their rows; without question scores no
    # cause is named in them, so the heading speaks of none (wording, issue 14)
    text = "\n".join(_sheet_text(_report(SAMPLES["000"])))
    assert "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายและแนวทางการยกระดับ มีดังนี้" in text
    assert "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุ" not in text


def test_a_note_says_the_eit_parts_were_not_given_only_when_they_were_not():
    """คลองนกกระทุง (seed 003) prints EIT's indicators 6-8 (98.42, 98.08, 90.17) and the published
    total 98.23, not the two EIT parts: the part rows are blank, and a note says which figure
    the total is. With the parts typed (ขามป้อม) or one EIT tool (แก้ง, FY2563): no note."""
    text = "\n".join(_sheet_text(_report(SAMPLES["003"])))
    assert (
        "หมายเหตุ: ไม่ได้ระบุคะแนน EIT ส่วนที่ ๑ และ EIT ส่วนที่ ๒ แยกกัน คะแนนรวมข้างต้นเป็นคะแนนรวมตามผลการประเมินที่ประกาศ"
    ) in text
    unpublished = replace(SAMPLES["003"], printed_totals=(), printed_rating=None)
    text = "\n".join(_sheet_text(_report(unpublished)))
    assert "คะแนนรวมข้างต้นจึงคำนวณโดยใช้คะแนนเฉลี่ยของตัวชี้วัด EIT (๙๕.๕๖ คะแนน) แทนคะแนนของแต่ละส่วน" in text
    for seed in ("000", "001"):
        assert "ไม่ได้ระบุคะแนน EIT" not in "\n".join(_sheet_text(_report(SAMPLES[seed])))


def test_finding_3_no_highest_or_count_from_three_of_ten_indicators():
    """ศรีสะเกษ: 3 of 10 indicators; no highest, lowest or count below the target."""
    text = "\n".join(_sheet_text(_report(SAMPLES["002"])))
    assert "สูงสุด ได้แก่" not in text and "คะแนนสูงสุด:" not in text
    assert "๒ ตัวชี้วัด" not in text
    assert "มีคะแนนรายตัวชี้วัด ๓ จาก ๑๐ ตัวชี้วัด จึงไม่สามารถระบุ" in text


def test_finding_3_no_complete_disclosure_claim_with_blank_items():
    """คลองนกกระทุง with o1 and o22 (indicator 9) blank; indicator 9 is not said to disclose everything."""
    blank = {c: v for c, v in SAMPLES["003"].questions.items() if c not in ("o1", "o22")}
    rows = {row[0]: row for row in _report(replace(SAMPLES["003"], questions=blank)).question_rows}
    # (thai7, review 7 N9) reworded: not "ตัวชี้วัดการเปิดเผยข้อมูลเปิดเผยข้อมูลครบทุกข้อ"
    assert rows[9][2] == "ไม่มีคะแนนของข้อ o1 และ o22 จึงไม่สามารถระบุได้ว่าทุกข้อของตัวชี้วัดการเปิดเผยข้อมูลผ่านการประเมิน"
    assert rows[10][2] == "ทุกข้อของตัวชี้วัดการป้องกันการทุจริตผ่านการประเมิน"  # o23-o36 all typed, all passed
    full = replace(SAMPLES["003"], questions={**SAMPLES["003"].questions, "o1": 100, "o22": 100})
    rows = {row[0]: row for row in _report(full).question_rows}
    assert rows[9][2] == "ทุกข้อของตัวชี้วัดการเปิดเผยข้อมูลผ่านการประเมิน"


@st.composite
def unit_with_history(draw):
    """A unit whose total is final (every tool typed) and up to four earlier totals, some blank:
    the trend sentences' ground."""
    year = draw(st.sampled_from([2566, 2567, 2568, 2569]))
    fw = load_framework(year)
    typed = st.decimals(80, 100, places=2).map(float)
    tools = {t.code: draw(typed) for t in fw.tools}
    earlier = draw(st.lists(st.one_of(st.none(), typed), min_size=1, max_size=4))
    history = tuple(HistoryYear(year - len(earlier) + n, total) for n, total in enumerate(earlier))
    return UnitInputs(
        fiscal_year=year, name="อบต.ทดสอบ", departments=("สำนักปลัด",), tools=tools, history=history
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(unit_with_history())
def test_every_trend_claim_holds_of_the_years_typed(unit):
    report = _report(unit)
    _check(report)
    if sum(p.total is not None for p in report.trend) >= 2:  # two totals: the sentence is there
        assert report.trend_line and report.trend_line in _plain(" ".join(_sheet_text(report)))


# the Thai review of round 9 (/work/team/review_thai_findings9.md, b1), helper partial


def test_review9_b1_a_mean_of_partial_items_is_never_stated_as_the_themes_score():
    """Seed 003's own measures are headed by ประเด็น. Where a ประเด็น holds EIT items that are only
    part of their indicator, its row gives the indicator below them (indicator 8, ๙๐.๑๗: the
    seed's weak E๖–E๘), or, with none below them, says the mean is of partial items."""
    report = _report(SAMPLES["003"])
    _check(report)
    rows = {m.theme.split()[1]: m.analysis for m in report.measures if m.theme.startswith("ประเด็นที่")}
    assert rows["๒"] == (
        "ตัวชี้วัดที่ 8 การปรับปรุงการทำงาน ได้ 90.17 คะแนน ซึ่งต่ำที่สุดของหน่วยงาน ขณะที่ข้อ e7–e9 ที่มีคะแนน"
        "ได้ 99.50–100.00 คะแนน คะแนนที่ต่ำกว่าจึงมาจาก EIT อีกส่วนหนึ่ง"
    )
    # indicator 7 typed above e4-e6 (99.50): partial, but not below them
    unit = replace(SAMPLES["003"], indicators={**SAMPLES["003"].indicators, 7: 100.0})
    report = _report(unit)
    _check(report)
    [claim] = [c for c in report.claims if c.id == "choices.own_theme_partial"]
    assert claim.text == (
        "ประเด็นที่ 3 ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ มีคะแนนเฉลี่ยของข้อที่มีคะแนน "
        "99.83 คะแนน โดย 3 ใน 9 ข้อเป็นคะแนนของ EIT เพียงส่วนหนึ่ง"
    )
    assert "choices.own_theme_mean" not in [c.id for c in report.claims if c.inputs.get("theme") in (2, 3)]


def test_review9_b1_the_advice_on_a_partial_indicator_follows_its_own_score():
    """Section ๔'s row of a partial indicator: "keep the standard" only past the unit's threshold
    and the 95 that ผ่านดีเยี่ยม asks of every tool (ITA_REFERENCE.md, FY2566 on). Seed 003:
    indicator 8 at 90.17 gets its remedy; 6 and 7 (98.42, 98.08) keep the standard, unless the
    unit's threshold is 99."""
    maintain = "รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง"
    rows = {r[0]: r for r in _report(SAMPLES["003"]).question_rows}
    assert [rows[n][3] == maintain for n in (6, 7, 8)] == [True, True, False]
    rows = {r[0]: r for r in _report(SAMPLES["003"], threshold=99.0).question_rows}
    assert [rows[n][3] == maintain for n in (6, 7, 8)] == [False, False, False]


def test_review9_b1_b4_the_sheet_counts_partial_items_and_says_the_caveat_once():
    """The analysis sheet of seed 003: the themes table counts the EIT items as partial and names
    indicator 8 (๙๐.๑๗) as ประเด็นที่ ๒'s lowest, not e๓ (๙๗.๕๐); "จึงวิเคราะห์รายข้อได้บางส่วน"
    once, over section ๔'s table (it was in P35, T6 R6–R8, P41 and P42)."""
    cells = _sheet_text(_report(SAMPLES["003"]))
    assert "๑๐ จาก ๑๐ ข้อ (๖ ข้อเป็นคะแนนของ EIT เพียงส่วนหนึ่ง)" in cells
    assert "ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้ ๙๐.๑๗ คะแนน" in cells
    assert sum(c.count("จึงวิเคราะห์รายข้อ") for c in cells) == 1
    # seed 004: no indicator below ประเด็นที่ ๒'s items; e1 is its lowest item, said plainly
    # (Thai review 10, 4: "ซึ่งต่ำที่สุดในข้อที่มีคะแนน" beside "๑๐ จาก ๑๐ ข้อ" contradicted it)
    lowest = _report(SAMPLES["004"]).theme_lowest[1]
    assert lowest.endswith("(e1) ได้ 94.29 คะแนน") and "ในข้อที่มีคะแนน" not in lowest, lowest
    note = cells.index("คะแนนรายข้อคำถามที่มีของตัวชี้วัดที่ ๖ ๗ และ ๘ เป็นของ EIT เพียงส่วนหนึ่ง จึงวิเคราะห์รายข้อได้บางส่วน")
    assert cells.index("ไม่มีในข้อที่มีคะแนน") > note  # over the table it speaks of


def test_review9_b1_a_suggested_measure_never_calls_a_partial_item_the_themes_lowest():
    """Seed 003's suggested measures (the unit's choices set aside): e3 (97.50) is the lowest of
    ประเด็นที่ 2's typed items, but indicator 8 (90.17) shows the other EIT part lower still;
    before, the row said "e3 … ต่ำที่สุดในประเด็นที่ 2"."""
    report = _report(replace(SAMPLES["003"], measure_choices=()))
    _check(report)
    rows = {m.source: m.analysis for m in report.measures}
    assert "ต่ำที่สุดในข้อที่มีคะแนนของประเด็นที่ 2 " in rows["e3"]
    assert "ต่ำที่สุดในข้อที่มีคะแนนของประเด็นที่ 3 " in rows["e4"]
    assert "ต่ำที่สุดในประเด็นที่ 1 " in rows["i1"]  # IIT's i1-i3 give indicator 1
