"""The recommendation and measure texts, as data users can extend.

``recommendations.toml`` ships with the package. A file of the same shape in a folder named
by the ``ITA_XL_LIBRARY`` environment variable adds entries or replaces shipped ones (same
question code or indicator number). Question entries are keyed by the stable item keys of
``ita_xl/frameworks/crosswalk.toml`` (for IIT and EIT the FY2567 codes, i1-i15 and e1-e9): an
entry applies in a year whose crosswalk maps that year's code to the key; years without a
crosswalk column (the old numbering) use the indicator entries.

Two tables say who is responsible by default (the user changes any row on the choices sheet):
``[responsibility]`` by the kind of measure (``perception``: an IIT or EIT item or indicator;
``publishing_item``: one OIT item; ``publishing_indicator``: an OIT indicator without item
scores), each ``"all"`` (every division of the unit) or ``"owner"`` (the division the entry
names); ``[publishing]`` names, by the crosswalk's stable key, the division that holds the
information an OIT item publishes (``default`` for the rest).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ita_xl.core.errors import FrameworkError
from ita_xl.core.framework import Framework

ENV_VAR = "ITA_XL_LIBRARY"
_FIELDS = {"cause", "advice", "measure", "steps", "owner"}
#: The kinds of measure ``[responsibility]`` gives a rule, and the rules it may give.
KINDS = ("perception", "publishing_item", "publishing_indicator")
RULES = ("all", "owner")


@dataclass(frozen=True)
class Recommendation:
    cause: str
    advice: str
    measure: str
    steps: tuple[str, ...]
    owner: str
    #: The entry's key in the library ("i10", "ind2"): the stable id of the measure it yields.
    key: str = ""


@dataclass(frozen=True)
class Library:
    questions: dict[str, Recommendation]
    indicators: dict[int, Recommendation]
    #: Who is responsible by default, by kind of measure (``KINDS``): "all" or "owner".
    responsibility: dict[str, str] = field(default_factory=dict)
    #: A word of the division that publishes each OIT item, by stable key ("default" for the rest).
    publishing: dict[str, str] = field(default_factory=dict)

    def for_question(self, code: str, indicator: int, framework: Framework) -> Recommendation:
        """The entry of the question's stable key in ``framework``'s year, else its indicator's."""
        for key in framework.keys_of(code):
            if key in self.questions:
                return self.questions[key]
        return self.indicators[indicator]


def _entries(data: dict, section: str, name: str) -> dict:
    result = {}
    for key, entry in data.get(section, {}).items():
        unknown = set(entry) - _FIELDS
        missing = _FIELDS - set(entry)
        if unknown or missing:
            field = sorted(unknown or missing)[0]
            raise FrameworkError(
                f"คลังข้อความ {name}: {section}.{key}.{field} {'ไม่รู้จัก' if unknown else 'ขาดหายไป'}",
                f"{name}: {section}.{key}.{field} is {'unknown' if unknown else 'missing'}",
            )
        steps = entry["steps"]
        if (
            not isinstance(steps, list)
            or not steps
            or not all(isinstance(s, str) and s.strip() for s in steps)
        ):
            raise FrameworkError(
                f"คลังข้อความ {name}: {section}.{key}.steps ต้องเป็นรายการข้อความ",
                f"{name}: {section}.{key}.steps must be a list of text",
            )
        number = int(key) if section == "indicators" else key
        result[number] = Recommendation(
            entry["cause"], entry["advice"], entry["measure"], tuple(steps), entry["owner"],
            f"ind{number}" if section == "indicators" else key,
        )  # fmt: skip
    return result


def _rules(data: dict, name: str) -> tuple[dict[str, str], dict[str, str]]:
    """The ``[responsibility]`` and ``[publishing]`` tables, checked."""
    responsibility = data.get("responsibility", {})
    for kind, rule in responsibility.items():
        if kind not in KINDS or rule not in RULES:
            raise FrameworkError(
                f"คลังข้อความ {name}: responsibility.{kind} ต้องเป็นหนึ่งใน {KINDS} และมีค่า {RULES}",
                f"{name}: responsibility.{kind} = {rule!r}: kinds {KINDS}, rules {RULES}",
            )
    publishing = data.get("publishing", {})
    for key, hint in publishing.items():
        if not isinstance(hint, str) or not hint.strip():
            raise FrameworkError(
                f"คลังข้อความ {name}: publishing.{key} ต้องเป็นชื่อหรือคำในชื่อสำนัก/กอง",
                f"{name}: publishing.{key} must be (a word of) a division's name",
            )
    return dict(responsibility), dict(publishing)


def _share_measure_keys(indicators: dict, questions: dict) -> None:
    """Entries that yield the same measure give it one id: the first entry's (indicators by number,
    then questions), so a measure keeps its id whichever item asked for it."""
    first: dict[str, str] = {}
    for table in (dict(sorted(indicators.items())), questions):
        for entry in table.values():
            first.setdefault(entry.measure, entry.key)
    for table in (indicators, questions):
        for name, entry in table.items():
            table[name] = dataclasses.replace(entry, key=first[entry.measure])


@functools.cache
def _load(extra: str) -> Library:
    sources = [
        (
            "recommendations.toml",
            resources.files("ita_xl.library").joinpath("recommendations.toml").read_text("utf-8"),
        )
    ]
    for folder in filter(None, extra.split(os.pathsep)):
        for path in sorted(Path(folder).glob("*.toml")):
            sources.append((path.name, path.read_text("utf-8")))
    questions: dict[str, Recommendation] = {}
    indicators: dict[int, Recommendation] = {}
    responsibility: dict[str, str] = {}
    publishing: dict[str, str] = {}
    for name, text in sources:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise FrameworkError(
                f"คลังข้อความ {name} อ่านไม่ได้: {exc}", f"{name}: not valid TOML: {exc}"
            ) from exc
        questions.update(_entries(data, "questions", name))
        indicators.update(_entries(data, "indicators", name))
        rules, owners = _rules(data, name)
        responsibility.update(rules)
        publishing.update(owners)
    _share_measure_keys(indicators, questions)
    missing = [n for n in range(1, 11) if n not in indicators]
    if missing:
        raise FrameworkError(f"คลังข้อความขาดตัวชี้วัด {missing}", f"library lacks indicators {missing}")
    return Library(questions, indicators, responsibility, publishing)


def load_library() -> Library:
    """The shipped library with the user's additions from ``ITA_XL_LIBRARY``."""
    return _load(os.environ.get(ENV_VAR, ""))
