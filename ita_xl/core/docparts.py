"""Parts of the analysis report that explain rather than compute: the framework of the year.

Pure data: ``framework_part`` gives the rows of the year's tools, weights and rating table
from the framework (the rules the report was computed with); ``write_framework`` lays them
out with the sheet builder of ``ita_xl.core.sheets``. The limitations (ข้อจำกัด) and
recommendations (ข้อเสนอแนะ) are ``ita_xl.core.closing``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ita_xl.core.figures import format_number
from ita_xl.core.framework import Band, Framework, Rule
from ita_xl.core.statements import level_words
from ita_xl.core.wording import HEADERS, TEXT, join_list, say


@dataclass(frozen=True)
class FrameworkPart:
    """The year's tools and weights, and its rating table, as rows of text and numbers."""

    title: str
    tools_header: tuple[str, ...]
    tools: tuple[tuple[Any, ...], ...]
    bands_header: tuple[str, ...]
    bands: tuple[tuple[str, str, str], ...]


def framework_part(fw: Framework) -> FrameworkPart:
    """The framework of ``fw``'s year: each tool with its indicators and weight, each level
    with its range of totals and its condition on the tools."""
    tools = tuple(
        (tool.code, tool.name, _indicators_of(fw, tool.instrument), float(tool.weight)) for tool in fw.tools
    )
    bands = tuple(
        (_range(band), _condition(fw, band, rule), rule.level) for band in fw.bands for rule in band.rules
    )
    return FrameworkPart(
        title=say("framework.title", year=fw.fiscal_year),
        tools_header=HEADERS["framework_tools"],
        tools=tools,
        bands_header=HEADERS["framework_bands"],
        bands=bands,
    )


def _indicators_of(fw: Framework, instrument: str) -> str:
    return join_list(
        [say("indicators.indicator", number=i.number, name=i.name) for i in fw.indicators_of(instrument)]
    )


def _range(band: Band) -> str:
    return f"{format_number(band.minimum)}–{format_number(band.maximum)}"


def _condition(fw: Framework, band: Band, rule: Rule, *, named: bool = True) -> str:
    """A rule's condition in words. A band's last rule applies when no rule before it does:
    when some tool scores below the lowest threshold of those rules."""
    tools = join_list([t.short for t in fw.tools])
    if rule.all_tools_at_least is not None:
        key = "framework.all_tools" if named else "framework.all_tools_unnamed"
        return say(key, tools=tools, score=format_number(rule.all_tools_at_least))
    thresholds = [r.all_tools_at_least for r in band.rules if r.all_tools_at_least is not None]
    if not thresholds:
        return say("framework.no_condition")
    return say("framework.any_tool_below", score=format_number(min(thresholds)))


# --------------------------------------------------------------------------- layout


def framework_lines(fw: Framework) -> list[str]:
    """The framework part as the seeds write it (seed 004 "การประเมิน…"): a sentence per tool
    (its name, weight, what it measures and which indicators), then the year's rating scale, a
    line per level with its range of totals and its condition on the tools."""
    part = framework_part(fw)
    lines = [*provenance_lines(fw), say("framework.intro", year=fw.fiscal_year, count=len(fw.tools))]
    for n, tool in enumerate(fw.tools, start=1):
        numbers = [i.number for i in fw.indicators_of(tool.instrument)]  # named in the indicators table
        about = say(f"framework.about.{tool.instrument}")
        lines.append(
            say("framework.tool", n=n, name=_unbracketed(tool.name), short=tool.short,
                weight=format_number(tool.weight, 0), about=about, numbers=_numbers(numbers))
        )  # fmt: skip
    levels = list(dict.fromkeys(level for _, _, level in part.bands))
    lines.append(say("framework.scale", year=fw.fiscal_year, count=len(levels), levels=join_list(levels)))
    lines.extend(_level_lines(fw))
    return lines


def _level_lines(fw: Framework) -> list[str]:
    """A line per level, in the order of the scale (ITA_REFERENCE.md "Rating scales": one row per
    level, 85.00–100 for ผ่านดี). A level in adjacent bands under the same condition takes one
    range of totals; a level with other conditions too has them joined by "หรือ"."""
    found: dict[str, list[list[Any]]] = {}  # level: [band index, low, high, condition] runs
    for index, band in enumerate(fw.bands):
        for rule in band.rules:
            condition = _condition(fw, band, rule, named=False)  # the tools are named just above
            runs = found.setdefault(rule.level, [])
            if runs and runs[-1][0] == index - 1 and runs[-1][3] == condition:
                last = runs[-1]
                last[:3] = [index, min(last[1], band.minimum), max(last[2], band.maximum)]
            else:
                runs.append([index, band.minimum, band.maximum, condition])
    no_condition = say("framework.no_condition")
    lines = []
    for level, runs in found.items():
        criteria = [
            say("framework.range" if condition == no_condition else "framework.range_if",
                low=format_number(low), high=format_number(high), condition=condition)
            for _, low, high, condition in runs
        ]  # fmt: skip
        lines.append(
            say("framework.level", level=level_words(level), criteria=say("framework.or").join(criteria))
        )
    return lines


def provenance_lines(fw: Framework) -> list[str]:
    """Where the year's assumed rules come from, a sentence per source, from the year's
    provenance (``fyNNNN.toml``): carried over from an earlier year ("ตามเกณฑ์ของปีงบประมาณ …
    ซึ่งใช้อ้างอิงจนกว่าสำนักงาน ป.ป.ช. จะประกาศเกณฑ์ของปี …"), or not yet confirmed."""
    by_year: dict[int | None, list[str]] = {}
    for item in fw.assumed:
        by_year.setdefault(item.from_year, []).append(_section_words(item.section, item.section_th))
    lines = []
    for from_year, sections in by_year.items():
        named = join_list(sections)
        if from_year is None:
            lines.append(say("framework.unconfirmed", sections=named, year=fw.fiscal_year))
        else:
            lines.append(
                say("framework.carried_over", sections=named, from_year=from_year, year=fw.fiscal_year)
            )
    return lines


def _section_words(section: str, fallback: str) -> str:
    """A provenance section as the report names it in a sentence (the catalogue's
    ``framework.section.*``), else its own Thai name."""
    key = f"framework.section.{section}"
    return say(key) if key in TEXT else fallback


def _unbracketed(name: str) -> str:
    """A tool's name without its own brackets, for a sentence that brackets its short name:
    "… ส่วนที่ 1 ผู้รับบริการตอบเอง (EIT ส่วนที่ 1)", not "… (ผู้รับบริการตอบเอง) (EIT ส่วนที่ 1)"
    (seed 003 writes "ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public)")."""
    head, bracket, tail = name.rpartition(" (")
    return f"{head} {tail[:-1]}" if bracket and tail.endswith(")") else name


def _numbers(numbers: list[int]) -> str:
    """Indicator numbers: "9 และ 10", "1 ถึง 5"."""
    if len(numbers) <= 2:
        return join_list([str(n) for n in numbers])
    return say("framework.numbers", first=numbers[0], last=numbers[-1])


def write_framework(b: Any, fw: Framework) -> None:
    """The framework section, inside the analysis sheet's grid (``b``: its ``_Builder``).

    Sentences, not tables, a row each, each two lines high (the sheet's usual row height):
    one merged run and no row height of their own, which keeps the live book's round trips
    within their bound (tests/test_xl.py). Rules the year's provenance marks as assumed are
    said to be so once, where they come from (``provenance_lines``); the checks sheet
    (``ita_xl.core.checks``) says what to check them against.
    """
    part = framework_part(fw)
    b.band(part.title)
    b.put([[line] for line in framework_lines(fw)], "cell", span=len(b.widths))
