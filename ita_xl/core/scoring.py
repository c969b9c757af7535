"""Pure ITA scoring: averages, question → indicator → tool, weighted total, rating, pass/fail.

No Excel, no I/O. Every rule that depends on the fiscal year comes from a ``Framework``.
Arithmetic runs in ``Decimal`` on each float's shortest repr, so a mean or a total never
falls outside the range of its inputs through binary rounding, and 2-decimal figures add
up the way a person adds them on paper.

Missing data is never a silent 0: an unscored tool makes the total "not final" and the
rating is refused until the missing scores are given.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, TypeVar

from ita_xl.core.errors import ItaError
from ita_xl.core.figures import format_number, parse_number, plain_number, round2, to_decimal
from ita_xl.core.framework import Band, Framework, Rule
from ita_xl.core.wording import join_list, say

K = TypeVar("K", bound=Hashable)
HUNDRED = Decimal(100)

PASS_TH, FAIL_TH = "ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์"


# --------------------------------------------------------------------------- scores


def check_score(value: object, where: str = "") -> float:
    """Return ``value`` as a float if it is a score in 0-100, else raise ``ItaError``.

    Args:
        value: A number (Thai-digit text is read too).
        where: What the value is, for the message (e.g. "i3" or "ตัวชี้วัดที่ 4").
    """
    if value.__class__ is float and 0 <= value <= 100:
        return value  # the common case, decided without parsing (NaN fails the comparison)
    label_th = f"{where} " if where else ""
    label_en = f"{where} " if where else ""
    try:
        number = parse_number(value)
    except ItaError as exc:
        raise ItaError(f"{label_th}{exc.th}", f"{label_en}{exc.en}") from exc
    if number is None:
        raise ItaError(f"{label_th}ไม่มีคะแนน", f"{label_en}has no score")
    if not 0 <= number <= 100:
        raise ItaError(
            f"{label_th}คะแนน {number:g} อยู่นอกช่วง 0–100",
            f"{label_en}score {number:g} is outside 0-100",
        )
    return number


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def average(values: Iterable[object], *, skip_text: bool = False) -> float | None:
    """Mean of the scores in ``values``, skipping blanks.

    Args:
        values: Numbers, None or blank text for empty cells. Text in Thai or Arabic digits
            counts as a number.
        skip_text: Skip text that is not a number (column headers in a selected range)
            instead of rejecting it.

    Returns:
        The mean, or None when there is no score at all.

    Raises:
        ItaError: A value is outside 0-100, or is text that is not a number and
            ``skip_text`` is false.
    """
    scores: list[Decimal] = []
    for value in values:
        if _is_blank(value):
            continue
        if skip_text and isinstance(value, str):
            try:
                parse_number(value)
            except ItaError:
                continue
        scores.append(to_decimal(check_score(value)))
    if not scores:
        return None
    return float(sum(scores, Decimal(0)) / len(scores))


# --------------------------------------------------------------------------- pipeline


def indicator_scores(question_scores: Mapping[str, object], framework: Framework) -> dict[int, float | None]:
    """Indicator scores from question scores, as the NACC computes them.

    IIT and EIT indicators are the mean of their questions. An OIT indicator with
    sub-indicators is the mean of its sub-indicators, each the mean of its items. Blank
    questions are skipped; an indicator with no score at all is None.

    Only indicators that have questions in this year's catalogue appear in the result.

    Raises:
        ItaError: An unknown question code, or a score outside 0-100.
    """
    known = {q.code for q in framework.questions}
    for code in question_scores:
        if code not in known:
            raise ItaError(
                f"ไม่มีข้อคำถาม {code} ในปีงบประมาณ {framework.fiscal_year}",
                f"no question {code} in fiscal year {framework.fiscal_year}",
            )
    result: dict[int, float | None] = {}
    for indicator in framework.indicators:
        questions = framework.questions_of(indicator.number)
        if not questions:
            continue
        subs = framework.subindicators_of(indicator.number)
        if subs:
            parts = [
                _mean_of_questions([q.code for q in questions if q.subindicator == s.code], question_scores)
                for s in subs
            ]
            result[indicator.number] = average(parts)
        else:
            result[indicator.number] = _mean_of_questions([q.code for q in questions], question_scores)
    return result


def _mean_of_questions(codes: Sequence[str], scores: Mapping[str, object]) -> float | None:
    values = []
    for code in codes:
        value = scores.get(code)
        if not _is_blank(value):
            values.append(check_score(value, code))
    return average(values)


@dataclass(frozen=True)
class ToolScores:
    """Tool scores, with the tools whose score stands in for a shared instrument.

    From FY2566 the EIT instrument is scored as two tools (part 1 and part 2) over the
    same indicators 6-8. Indicator scores alone cannot separate the parts, so both parts
    get the EIT indicators' mean and are listed in ``stand_ins``. With equal part weights
    this gives the same total; a rating that depends on the parts is then provisional.
    """

    values: Mapping[str, float | None]
    stand_ins: frozenset[str] = field(default_factory=frozenset)

    def __getitem__(self, code: str) -> float | None:
        return self.values.get(code)

    def missing(self) -> tuple[str, ...]:
        return tuple(code for code, value in self.values.items() if value is None)


def complete_average(values: Sequence[object], labels: Sequence[str] = ()) -> float | None:
    """Mean of ``values`` only when every one is present; None as soon as one is blank.

    A tool is the mean of all its indicators: averaging the ones that happen to be filled
    would change the weighting without saying so, so a tool with a missing indicator is
    not scored.
    """
    if any(_is_blank(v) for v in values):
        return None
    names = list(labels) or [""] * len(values)
    return average(check_score(v, name) for v, name in zip(values, names, strict=True))


def tool_scores(indicator_scores: Mapping[int, object], framework: Framework) -> ToolScores:
    """Tool scores from indicator scores: the mean of each tool's indicators (all of them)."""
    values: dict[str, float | None] = {}
    stand_ins = set()
    for tool in framework.tools:
        indicators = framework.indicators_of(tool.instrument)
        values[tool.code] = complete_average(
            [indicator_scores.get(i.number) for i in indicators], [f"ตัวชี้วัดที่ {i.number}" for i in indicators]
        )
        if values[tool.code] is not None and len(framework.tools_of(tool.instrument)) > 1:
            stand_ins.add(tool.code)
    return ToolScores(values, frozenset(stand_ins))


def with_given_tools(derived: ToolScores, given: Mapping[str, object], framework: Framework) -> ToolScores:
    """Tool scores typed by the user replace the ones derived from indicators."""
    codes = [t.code for t in framework.tools]
    values = dict(derived.values)
    stand_ins = set(derived.stand_ins)
    for code, value in given.items():
        if code not in codes:
            raise ItaError(
                f"ไม่มีเครื่องมือ {code} ในปีงบประมาณ {framework.fiscal_year} (มี {', '.join(codes)})",
                f"no tool {code} in fiscal year {framework.fiscal_year} (tools: {', '.join(codes)})",
            )
        if not _is_blank(value):
            values[code] = check_score(value, code)
            stand_ins.discard(code)
    return ToolScores(values, frozenset(stand_ins))


# --------------------------------------------------------------------------- total


@dataclass(frozen=True)
class Total:
    """A weighted total. ``value`` is None unless every tool was scored.

    When some tools are missing the total is not final; ``low`` and ``high`` bound what it
    can still become (missing tools at 0 and at 100).
    """

    value: float | None
    missing: tuple[str, ...]
    low: float
    high: float

    @property
    def final(self) -> bool:
        return not self.missing


def check_weights(weights: Sequence[object]) -> list[Decimal]:
    """Weights in percent, each positive, summing to 100 (to two decimals).

    Raises:
        ItaError: A weight is not a positive number, or the weights do not sum to 100.
            Weights written as fractions (0.3 for 30%) are named as such.
    """
    result = []
    for n, weight in enumerate(weights, start=1):
        number = parse_number(weight)
        if number is None or number <= 0:
            raise ItaError(
                f"น้ำหนักลำดับที่ {n} ต้องเป็นตัวเลขมากกว่า 0",
                f"weight {n} must be a number above 0, got {weight!r}",
            )
        result.append(to_decimal(number))
    total = sum(result, Decimal(0))
    if round2(total) != HUNDRED:
        hint_th = hint_en = ""
        if round2(total) == 1:
            hint_th, hint_en = " (ใส่เป็นร้อยละ เช่น 30 ไม่ใช่ 0.3)", " (give percent, e.g. 30 not 0.3)"
        raise ItaError(
            f"น้ำหนักรวมกันได้ {total.normalize():f} ไม่ใช่ 100{hint_th}",
            f"weights sum to {total.normalize():f}, not 100{hint_en}",
        )
    return result


def weighted_total_of(
    scores: Sequence[object], weights: Sequence[object], labels: Sequence[str] = ()
) -> Total:
    """Σ score × weight / 100 for parallel sequences of scores and percent weights.

    Args:
        scores: Tool scores; a blank is a tool that was not scored.
        weights: Percent weights that sum to 100.
        labels: Names of the scores for messages (default: their positions).
    """
    if len(scores) != len(weights):
        raise ItaError(
            f"จำนวนคะแนน ({len(scores)}) ไม่เท่ากับจำนวนน้ำหนัก ({len(weights)})",
            f"{len(scores)} scores but {len(weights)} weights",
        )
    names = list(labels) or [str(n) for n in range(1, len(scores) + 1)]
    return total_of_checked(scores, check_weights(weights), names)


def total_of_checked(scores: Sequence[object], checked: Sequence[Decimal], names: Sequence[str]) -> Total:
    """``weighted_total_of`` with weights already checked (``check_weights``): once for many rows."""
    known = Decimal(0)
    missing_weight = Decimal(0)
    missing = []
    for score, weight, name in zip(scores, checked, names, strict=True):
        if _is_blank(score):
            missing.append(name)
            missing_weight += weight
        else:
            known += _part(score, weight, name)
    low = float(known / HUNDRED)
    high = float((known + missing_weight * HUNDRED) / HUNDRED)
    return Total(None if missing else low, tuple(missing), low, high)


def _part(score: object, weight: Decimal, name: str) -> Decimal:
    """Score × weight, in hundredths of a point: the total is the sum of these over 100."""
    return to_decimal(check_score(score, name)) * weight


def weighted_part(score: object, weight: object) -> float | None:
    """One tool's share of the total: score × weight / 100 (None for an unscored tool).

    The weighted total is the sum of these shares; the analysis prints them so that a
    reader can add them up.
    """
    if _is_blank(score):
        return None
    return float(_part(score, to_decimal(parse_number(weight)), "คะแนน") / HUNDRED)


def weighted_total(scores: ToolScores | Mapping[str, object], framework: Framework) -> Total:
    """The ITA total of a fiscal year from its tool scores and weights."""
    values = scores.values if isinstance(scores, ToolScores) else scores
    return weighted_total_of(
        [values.get(t.code) for t in framework.tools],
        [t.weight for t in framework.tools],
        [t.code for t in framework.tools],
    )


# --------------------------------------------------------------------------- rating


@dataclass(frozen=True)
class Rating:
    """A rating level with the reason, in Thai and English.

    ``provisional`` is true when the level rests on stand-in tool scores (EIT parts taken
    from the EIT indicators' mean) and changes over the part scores that mean allows
    (``_parts_decide``); typing both parts makes it final.
    """

    level: str
    level_en: str
    total: Decimal
    reason_th: str
    reason_en: str
    provisional: bool = False
    #: The reason as the wording catalogue's key and its values (``reason_th`` is it filled in):
    #: the report records it as a claim (``ita_xl.core.statements``).
    reason: tuple[str, tuple[tuple[str, object], ...]] = ("", ())


def _threshold(value: Decimal) -> str:
    return f"{value.normalize():f}"


def hundredths(value: float) -> int:
    """A score rounded half up to 2 decimals, in whole hundredths: ``round2`` as an integer.

    The one rounding of a value (0-100, already checked). On the float itself when
    ``value × 100`` is clearly off a tie (a float's error here is below 1e-11, so the side
    of the tie is certain); at a tie (76.425) through ``round2``, which rounds the number a
    person typed.
    """
    scaled = value * 100
    whole = int(scaled)  # 0 <= scaled: truncation is the floor
    fraction = scaled - whole
    if -1e-6 < fraction - 0.5 < 1e-6:
        return int(round2(value).scaleb(2))
    return whole + 1 if fraction > 0.5 else whole


def _decimal(hundredths: int) -> Decimal:
    """Whole hundredths as the 2-decimal ``Decimal`` a person reads (8310 → 83.10)."""
    return Decimal(hundredths).scaleb(-2)


class RatingScale:
    """A year's rating bands in whole hundredths, worked out once to rate many totals.

    ``level`` gives the level alone (what ``=ITA_RATING()`` shows for each of thousands of
    units); ``rate`` builds the reason too.
    """

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.bands = tuple(
            (
                math.ceil(band.minimum * 100),
                math.floor(band.maximum * 100),
                band,
                tuple(
                    (None if r.all_tools_at_least is None else math.ceil(r.all_tools_at_least * 100), r)
                    for r in band.rules
                ),
            )
            for band in framework.bands
        )

    def level(self, total: object, tools: Sequence[object] | None = None) -> str:
        """The level of ``total``; ``tools`` are the tool scores in the framework's tool order."""
        if total.__class__ is not float or not 0 <= total <= 100:  # type: ignore[operator]
            total = check_score(total, "คะแนนรวม")
        score = hundredths(total)  # type: ignore[arg-type]
        for low, high, band, rules in self.bands:
            if low <= score <= high:
                need, rule = rules[0]  # a band without conditions decides alone
                return rule.level if need is None else self._decide(score, band, rules, tools)[1].level
        raise AssertionError(f"no band holds {score}")  # pragma: no cover - validated bands cover 0-100

    def choose(self, total: int, tools: Sequence[object] | None) -> tuple[Band, Rule, list[int | None]]:
        """The total's band, the first of its rules whose condition holds, and the tool scores.

        ``tools`` are the raw tool scores in framework order, read (and rounded, once) only
        when a rule needs them; the returned scores are then in hundredths, else empty.
        """
        for low, high, band, rules in self.bands:
            if low <= total <= high:
                return self._decide(total, band, rules, tools)
        raise AssertionError(f"no band holds {total}")  # pragma: no cover - validated bands cover 0-100

    def _decide(
        self,
        total: int,
        band: Band,
        rules: tuple[tuple[int | None, Rule], ...],
        tools: Sequence[object] | None,
    ) -> tuple[Band, Rule, list[int | None]]:
        scores: list[int | None] = []
        lowest = -1
        for need, rule in rules:
            if need is None:
                return band, rule, scores
            if lowest < 0:
                scores = self._tools(total, tools)
                known = [s for s in scores if s is not None] if None in scores else scores
                lowest = min(known, default=10_001)
            if lowest < need:
                continue
            if len(known) < len(scores):
                unknown = [t for t, s in zip(self.framework.tools, scores, strict=True) if s is None]
                raise ItaError(
                    "ยังบอกระดับไม่ได้ เพราะไม่มีคะแนน " + ", ".join(t.short for t in unknown),
                    "cannot rate yet: no score for " + ", ".join(t.short_en for t in unknown),
                )
            return band, rule, scores
        raise AssertionError("a validated band always ends with an unconditional rule")  # pragma: no cover

    def _tools(self, total: int, values: Sequence[object] | None) -> list[int | None]:
        """Tool scores in framework order as hundredths; None for a blank (a tool not scored)."""
        tools = self.framework.tools
        if values is None:
            raise ItaError(
                f"คะแนนรวม {_decimal(total)} ต้องใช้คะแนนรายเครื่องมือ ({', '.join(t.short for t in tools)}) "
                "จึงจะบอกระดับได้",
                f"a total of {_decimal(total)} needs the tool scores "
                f"({', '.join(t.short_en for t in tools)}) to be rated",
            )
        return [
            hundredths(value)
            if value.__class__ is float and 0 <= value <= 100
            else None
            if _is_blank(value)
            else hundredths(check_score(value, tool.code))
            for tool, value in zip(tools, values, strict=True)
        ]


def _in_order(framework: Framework, tool_scores: Mapping[str, object] | None) -> list[object] | None:
    return None if tool_scores is None else [tool_scores.get(t.code) for t in framework.tools]


def rate(
    total: object,
    framework: Framework,
    tool_scores: ToolScores | Mapping[str, object] | None = None,
) -> Rating:
    """The rating level of a total on a fiscal year's scale, and why.

    The total and the tool scores are rounded to 2 decimals, as published, before the
    bands and conditions are applied.

    Args:
        total: The weighted total, 0-100.
        framework: The fiscal year's rules.
        tool_scores: Needed when the year's scale has conditions on every tool (FY2566+)
            and the total is in a band that uses them. Blank tools are "not scored".

    Raises:
        ItaError: The total is outside 0-100, or the band needs tool scores that were not
            given. The rating is never guessed.
    """
    score = hundredths(check_score(total, "คะแนนรวม"))
    stand_ins: Collection[str] = ()
    if isinstance(tool_scores, ToolScores):
        stand_ins = tool_scores.stand_ins
        tool_scores = tool_scores.values
    scale = RatingScale(framework)
    band, rule, scores = scale.choose(score, _in_order(framework, tool_scores))
    undecided = bool(scores and stand_ins) and _parts_decide(scale, score, tool_scores or {}, stand_ins)
    return _rating(framework, rule, score, band, scores, stand_ins, undecided)


def _parts_decide(
    scale: RatingScale, total: int, values: Mapping[str, object], stand_ins: Collection[str]
) -> bool:
    """Whether the level changes over the part scores the stand-in allows: the parts of an
    instrument (EIT parts 1 and 2) whose mean m stood in for each may be any P1, P2 in 0-100
    with P1 + P2 = 2m (equal weights: the total stays). The level rests on the lowest tool, so
    it is enough to rate the most uneven split, max(0, 2m - 100) and its complement, against
    the even one. Parts of unequal weight change the total too: then the level is not decided."""
    framework = scale.framework
    uneven = dict(values)
    for instrument in {framework.tool(code).instrument for code in stand_ins}:
        parts = [t for t in framework.tools_of(instrument) if t.code in stand_ins]
        if len(parts) != 2 or parts[0].weight != parts[1].weight:
            return True
        mean = float(values[parts[0].code])  # type: ignore[arg-type]
        low = max(0.0, 2 * mean - 100)
        uneven[parts[0].code], uneven[parts[1].code] = low, 2 * mean - low
    total_score = float(_decimal(total))
    even = scale.level(total_score, _in_order(framework, values))
    return scale.level(total_score, _in_order(framework, uneven)) != even


def level_words(level: str) -> str:
    """A level after "ระดับ": Thai names join it ("ระดับผ่านดี"), letters take a space ("ระดับ B")."""
    return f" {level}" if level.isascii() else level


def _reason(
    framework: Framework,
    rule: Rule,
    score: int,
    band: Band,
    scores: list[int | None],
    stand_ins: Collection[str],
) -> tuple[str, dict[str, object], str]:
    """Why the total got ``rule``'s level: the wording catalogue's key and its values (in words,
    no symbols: the report and =ITA_RATING_REASON() say it alike), and the English. A part
    stood in for by its instrument's mean is named by the instrument (the mean is not its score)."""
    passed_over = band.rules[: band.rules.index(rule)]
    low, high = plain_number(band.minimum), plain_number(band.maximum)
    if passed_over:
        missed = passed_over[-1]
        need = missed.all_tools_at_least
        below = {
            (t.instrument if t.code in stand_ins else t.short): (t, _decimal(s))
            for t, s in zip(framework.tools, scores, strict=True)
            if s is not None and s < math.ceil(need * 100)
        }
        values = {
            "level": level_words(rule.level), "missed": level_words(missed.level), "need": plain_number(need),
            "below": join_list([say("level.tool_score", tool=name, score=format_number(v))
                                for name, (_, v) in below.items()]),
            "tools_below": tuple(below),
            "missed_rule": missed,  # the better level missed and its condition, for the advice on it
        }  # fmt: skip
        en = ", ".join(f"{t.short_en} = {v} < {_threshold(need)}" for t, v in below.values())
        return "level.passed_over", values, f"{rule.level}, not {missed.level}, because {en}"
    total = _decimal(score)
    span = f"{format_number(band.minimum)}–{format_number(band.maximum)}"
    if rule.all_tools_at_least is None:
        values = {"total": format_number(total), "low": low, "high": high}
        return "level.in_band", values, f"total {total} is in {span}"
    need = plain_number(rule.all_tools_at_least)
    better = level_above(framework, band, rule)
    if better is not None:  # (review 8 N3) the level spans the band above too: the total fell short of it
        values = {"total": format_number(total), "next": plain_number(better.minimum),
                  "better": level_words(better.rules[0].level), "need": need,
                  "missed_rule": better.rules[0]}  # fmt: skip
        en = f"total {total} is below {_threshold(better.minimum)} and every tool is at least {need}"
        return "level.below_band_all_tools", values, en
    values = {"total": format_number(total), "low": low, "high": high, "need": need}
    return "level.in_band_all_tools", values, f"total {total} is in {span} and every tool is at least {need}"


def level_above(framework: Framework, band: Band, rule: Rule) -> Band | None:
    """The band just above ``band`` when ``rule``'s level also holds there but that band's first
    level is another (FY2566+: ผ่านดี spans 85.00-100 under one condition, ผ่านดีเยี่ยม only
    from 95.00): a total in ``band`` is said to be below it, as the printed scale reads, not to
    be in a range the scale does not print. None otherwise."""
    above = [b for b in framework.bands if b.minimum > band.maximum]
    if not above:
        return None
    nearest = min(above, key=lambda b: b.minimum)
    levels = [r.level for r in nearest.rules]
    return nearest if rule.level in levels and levels[0] != rule.level else None


def _rating(framework, rule, score, band, scores, stand_ins, undecided) -> Rating:
    level = framework.level(rule.level)
    key, values, reason_en = _reason(framework, rule, score, band, scores, stand_ins)
    reason_th = say(key, **values)
    if undecided:
        parts = [framework.tool(code) for code in sorted(stand_ins)]
        reason_th += say("level.provisional_note", tools=join_list([t.short for t in parts]))
        reason_en += (
            f" (provisional: {' and '.join(t.short_en for t in parts)} taken from the "
            "indicators' mean because the parts were not given)"
        )
    reason = (key, tuple(values.items()))
    return Rating(level.name, level.name_en, _decimal(score), reason_th, reason_en, undecided, reason)


# --------------------------------------------------------------------------- target


@dataclass(frozen=True)
class PassResult:
    """A score against the target (ค่าเป้าหมาย): passed, and by how much (gap = score − target)."""

    passed: bool
    score: Decimal
    target: Decimal
    gap: Decimal

    @property
    def label(self) -> str:
        return PASS_TH if self.passed else FAIL_TH

    @property
    def label_en(self) -> str:
        return "passed" if self.passed else "not passed"


def pass_fail(score: object, target: object) -> PassResult:
    """Whether a score reaches the target (the framework's ``target``), on 2-decimal figures."""
    rounded = round2(check_score(score))
    goal = round2(check_score(target, "ค่าเป้าหมาย"))
    return PassResult(rounded >= goal, rounded, goal, rounded - goal)


@dataclass(frozen=True)
class Extremes(Generic[K]):
    """Highest and lowest scores (all tied keys) and the keys below the target."""

    highest: tuple[K, ...]
    highest_score: Decimal
    lowest: tuple[K, ...]
    lowest_score: Decimal
    below_target: tuple[K, ...]


def extremes(scores: Mapping[K, object], target: object | None = None) -> Extremes[K]:
    """Highest, lowest (ties kept, on 2-decimal figures) and below-target keys; blanks skipped.

    ``target`` is the framework's (or the workbook's); without one nothing is below target.

    Raises:
        ItaError: No scores at all, or a score outside 0-100.
    """
    goal = None if target is None else round2(check_score(target, "ค่าเป้าหมาย"))
    rounded = {
        key: round2(check_score(value, str(key))) for key, value in scores.items() if not _is_blank(value)
    }
    if not rounded:
        raise ItaError("ไม่มีคะแนนให้เปรียบเทียบ", "no scores to compare")
    high, low = max(rounded.values()), min(rounded.values())
    return Extremes(
        highest=tuple(k for k, v in rounded.items() if v == high),
        highest_score=high,
        lowest=tuple(k for k, v in rounded.items() if v == low),
        lowest_score=low,
        below_target=() if goal is None else tuple(k for k, v in rounded.items() if v < goal),
    )


# --------------------------------------------------------------------------- one unit


@dataclass(frozen=True)
class Assessment:
    """One unit's figures for one year, computed as far as the inputs allow."""

    framework: Framework
    indicators: Mapping[int, float | None]
    tools: ToolScores
    total: Total
    rating: Rating | None
    rating_problem: ItaError | None


def assess(
    framework: Framework,
    *,
    questions: Mapping[str, object] | None = None,
    indicators: Mapping[int, object] | None = None,
    tools: Mapping[str, object] | None = None,
) -> Assessment:
    """Compute indicator scores, tool scores, the total and the rating for one unit.

    Each level may be given directly: given indicator scores replace those computed from
    questions, given tool scores replace those computed from indicators.
    """
    computed: dict[int, float | None] = dict(indicator_scores(questions or {}, framework))
    numbers = {i.number for i in framework.indicators}
    for number, value in (indicators or {}).items():
        if number not in numbers:
            raise ItaError(
                f"ไม่มีตัวชี้วัดที่ {number} (มี 1–{len(numbers)})",
                f"no indicator {number} (there are 1-{len(numbers)})",
            )
        if not _is_blank(value):
            computed[number] = check_score(value, f"ตัวชี้วัดที่ {number}")
    scores = with_given_tools(tool_scores(computed, framework), tools or {}, framework)
    total = weighted_total(scores, framework)
    rating: Rating | None = None
    problem: ItaError | None = None
    if total.value is None:
        problem = ItaError(
            "คะแนนรวมยังไม่สิ้นสุด เพราะไม่มีคะแนน "
            + ", ".join(framework.tool(c).short for c in total.missing)
            + f" (อยู่ระหว่าง {format_number(total.low)}–{format_number(total.high)})",
            "the total is not final: no score for "
            + ", ".join(framework.tool(c).short_en for c in total.missing)
            + f" (between {format_number(total.low)} and {format_number(total.high)})",
        )
    else:
        try:
            rating = rate(total.value, framework, scores)
        except ItaError as exc:
            problem = exc
    return Assessment(framework, computed, scores, total, rating, problem)
