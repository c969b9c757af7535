"""The analysis report's closing sections: ข้อจำกัด (limitations) and ข้อเสนอแนะ (recommendations).

Each list comes from the unit sheet. A list the unit edited is the unit's own and is printed
as typed, nothing added or changed. A list left as the template wrote it (or blank, or as an
earlier template wrote it) gets the defaults: the statements of ``ita_xl/library/document.toml``,
true of every ITA assessment (limits of the NACC's method), then sentences made from the
unit's own figures, each recorded as a claim (``ita_xl.core.claims``) and made only when its
condition holds (tests/test_claims.py): the limits of the scores the unit has, the weakest
tool by name, the OIT items not passed (or every item passed), the E-Service items not
passed. A fact about the unit that no figure shows (its staff moved, its website was
rebuilt) is never a default: the unit types it, and the checks sheet reminds it to
(``notes``). Pure.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ita_xl.core.claims import ClaimLog
from ita_xl.core.figures import format_number, round2, to_thai_digits
from ita_xl.core.framework import Framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.layout import UNIT, Layout
from ita_xl.core.measures import eservice, weakest_tools
from ita_xl.core.reader import NOTE, Finding
from ita_xl.core.scoring import Assessment
from ita_xl.core.wording import join_list, listed, say

LISTS = ("limitations", "recommendations")


@cache
def _document() -> dict[str, Any]:
    text = resources.files("ita_xl.library").joinpath("document.toml").read_text("utf-8")
    return tomllib.loads(text)


def default_texts() -> dict[str, tuple[str, ...]]:
    """The shipped default limitations and recommendations (``ita_xl/library/document.toml``):
    what the template writes into the unit sheet's lists."""
    return {key: tuple(_document()[key]) for key in LISTS}


def retired_texts() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The lists earlier templates wrote, by list."""
    retired = _document().get("retired", {})
    return {key: tuple(tuple(items) for items in retired.get(key, ())) for key in LISTS}


def unedited(items: Sequence[str], key: str) -> bool:
    """Whether a list as read from the unit sheet is as a template wrote it: blank, today's
    defaults or an earlier template's."""
    items = tuple(items)
    return not items or items == default_texts()[key] or items in retired_texts()[key]


@dataclass(frozen=True)
class Closing:
    """The two lists as the report prints them."""

    limitations: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()


def closing(
    inputs: UnitInputs,
    framework: Framework,
    assessment: Assessment,
    questions: Mapping[str, float | None],
    log: ClaimLog,
    *,
    causes: bool = True,
) -> Closing:
    """The unit's own lists, verbatim; a list left unedited: the defaults, then what the
    figures support (``questions``: the typed item scores, parsed). ``causes``: whether the
    report states a cause; without one, the default limitation on causes is left out."""
    defaults = default_texts()
    own = {key: tuple(getattr(inputs, key)) for key in LISTS}
    limitations = own["limitations"]
    if unedited(limitations, "limitations"):
        skip = None if causes else _document().get("causes_limitation")
        kept = tuple(t for n, t in enumerate(defaults["limitations"]) if n != skip)
        limitations = (*kept, *_data_limits(framework, assessment, questions, log))
    recommendations = own["recommendations"]
    if unedited(recommendations, "recommendations"):
        made = (
            *_weakest_tool(framework, assessment, log),
            *_oit(framework, questions, log),
            *_eservice(framework, questions, log),
        )
        recommendations = (*made, *defaults["recommendations"])
    return Closing(limitations, recommendations)


def _data_limits(
    framework: Framework, assessment: Assessment, questions: Mapping[str, float | None], log: ClaimLog
) -> list[str]:
    """What the analysis could not do for want of item or indicator scores."""
    if any(v is not None for v in questions.values()):
        return []
    scored = [i.number for i in framework.indicators if assessment.indicators.get(i.number) is not None]
    facts = {"scored": scored}
    if not scored:
        return [log.say("limits.no_indicators", facts)]
    if len(scored) < len(framework.indicators):  # how many: said once, in the indicators section
        return [log.say("limits.some_indicators", facts)]
    return [log.say("limits.no_questions", facts)]


def _weakest_tool(framework: Framework, assessment: Assessment, log: ClaimLog) -> list[str]:
    """The tool(s) with the lowest score, by name (``weakest_tools``: every tool has its own
    score and they differ): below the target, raise it first; else keep the standard and raise
    the lowest."""
    tools = assessment.tools
    lowest = weakest_tools(framework, tools.values, tools.stand_ins)
    if not lowest:
        return []
    low = round2(tools[lowest[0].code])
    key = "recommend.tool_below" if not framework.passes(low) else "recommend.tool_lowest"
    return [
        log.say(key, {"tools": [t.code for t in lowest], "score": float(low)},
                tools=join_list([t.short for t in lowest]), score=format_number(low),
                target=format_number(framework.target, 0))
    ]  # fmt: skip


def _typed_items(
    framework: Framework, questions: Mapping[str, float | None], instrument: str
) -> tuple[dict[str, float], list[str]]:
    """An instrument's typed item scores, and all its item codes."""
    codes = [q.code for q in framework.questions if framework.indicator(q.indicator).instrument == instrument]
    return {c: questions[c] for c in codes if questions.get(c) is not None}, codes


def _oit(framework: Framework, questions: Mapping[str, float | None], log: ClaimLog) -> list[str]:
    """The OIT items not passed, by code (among the items with a score, when some are blank, as
    the narrative says); or, every item typed and passed, keep the standard."""
    typed, codes = _typed_items(framework, questions, "OIT")
    failing = [c for c, v in typed.items() if not framework.item_passes(framework.question(c).indicator, v)]
    if failing:
        key = "recommend.oit_failing" if len(typed) == len(codes) else "recommend.oit_failing_known"
        items = listed([_named(framework, c) for c in failing])  # (thai7, review 7, 9) by title
        return [log.say(key, {"items": failing}, count=len(failing), items=items)]
    if codes and len(typed) == len(codes):
        return [log.say("recommend.oit_maintain", {"items": codes})]
    return []


def _eservice(framework: Framework, questions: Mapping[str, float | None], log: ClaimLog) -> list[str]:
    """The E-Service items (the EIT question and the OIT item on online service) not passed;
    or, all passed, an E-Service question below the mean of its instrument's typed questions:
    the one E-Service rule (``ita_xl.core.measures.eservice``; seed 004's e9), at the target.
    Items by title (review 7, finding 9)."""
    found = eservice(framework, {c: v for c, v in questions.items() if v is not None})
    if found.failing:
        items = listed([_named(framework, c) for c in found.failing])
        return [log.say("recommend.eservice", {"items": list(found.failing)}, items=items)]
    if found.below_mean:
        code, score = found.below_mean, questions[found.below_mean]
        instrument = framework.indicator(framework.question(code).indicator).instrument
        facts = {"item": code, "score": score, "mean": found.mean}
        shown = {"score": format_number(score), "mean": format_number(found.mean)}
        item = _named(framework, code)
        return [log.say("recommend.eservice_mean", facts, item=item, instrument=instrument, **shown)]
    return []


def _named(framework: Framework, code: str) -> str:
    """An item by its title, the code in brackets (review 7, finding 9: "ได้แก่ o๙ และ o๒๒")."""
    return say("item.named", title=framework.question(code).title, code=code)


# --------------------------------------------------------------------------- checks sheet


def notes(inputs: UnitInputs, layout: Layout) -> list[Finding]:
    """A reminder on the checks sheet for each list left as the template wrote it: review it
    and add the unit's own. A note, not a warning: nothing is wrong, and the exit code and
    the alerts count warnings only."""
    lists = {"limitations": layout.limitation_cells, "recommendations": layout.recommendation_cells}
    return [
        Finding(NOTE, say(f"closing.note.{key}"), f"the {key} are the template's", UNIT, cells[0])
        for key, cells in lists.items()
        if unedited(getattr(inputs, key), key)
    ]


# --------------------------------------------------------------------------- layout


def write_text_lists(b: Any, lists: Closing, number: int) -> int:
    """The limitations and the recommendations as numbered sections from ``number``; returns
    the next section number."""
    for key, items in (
        ("section.limitations", lists.limitations),
        ("section.recommendations", lists.recommendations),
    ):
        b.band(say(key, n=to_thai_digits(str(number))))
        for n, text in enumerate(items, start=1):
            b.line(f"{n}. {text}")
        number += 1
    return number
