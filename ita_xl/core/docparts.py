"""Parts of the analysis report that explain rather than compute: the framework of the year,
and the unit's limitations (ข้อจำกัด) and recommendations (ข้อเสนอแนะ).

Pure data: ``framework_part`` gives the rows of the year's tools, weights and rating table
from the framework (the rules the report was computed with), ``limitations`` and
``recommendations`` the lists the unit edited on its unit sheet, or the defaults of
``ita_xl/library/document.toml`` where a list is blank. ``write_framework`` and
``write_text_lists`` lay them out with the sheet builder of ``ita_xl.core.sheets``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ita_xl.core.figures import format_number, to_thai_digits
from ita_xl.core.framework import Band, Framework, Rule
from ita_xl.core.wording import join_list, say

#: The sections whose provenance the framework part reports.
_RULE_SECTIONS = ("weights", "bands")


@dataclass(frozen=True)
class FrameworkPart:
    """The year's tools and weights, and its rating table, as rows of text and numbers."""

    title: str
    tools_header: tuple[str, ...]
    tools: tuple[tuple[Any, ...], ...]
    bands_header: tuple[str, ...]
    bands: tuple[tuple[str, str, str], ...]
    #: Said when the weights or the rating table are assumed, not found in an NACC document.
    note: str


def framework_part(fw: Framework) -> FrameworkPart:
    """The framework of ``fw``'s year: each tool with its indicators and weight, each level
    with its range of totals and its condition on the tools."""
    tools = tuple(
        (tool.code, tool.name, _indicators_of(fw, tool.instrument), float(tool.weight)) for tool in fw.tools
    )
    bands = tuple(
        (_range(band), _condition(fw, band, rule), rule.level) for band in fw.bands for rule in band.rules
    )
    assumed = any(p.section in _RULE_SECTIONS for p in fw.assumed)
    return FrameworkPart(
        title=f"กรอบการประเมินและเกณฑ์ระดับผลการประเมิน ประจำปีงบประมาณ พ.ศ. {fw.fiscal_year}",
        tools_header=("รหัส", "เครื่องมือการประเมิน", "ตัวชี้วัด", "น้ำหนัก (ร้อยละ)"),
        tools=tools,
        bands_header=("คะแนนรวม", "เงื่อนไข", "ระดับผลการประเมิน"),
        bands=bands,
        note=_assumed(fw) if assumed else "",
    )


def _assumed(fw: Framework) -> str:
    """What of the year's rules is assumed and what to check it against; no instruction about
    the workbook (the checks sheet says where to correct it)."""
    return say("framework.assumed", year=fw.fiscal_year, parts=join_list([p.section_th for p in fw.assumed]))


def joined(items: list[str]) -> str:
    """``ก``, ``ก และข``, ``ก ข และค``: a Thai list, as the catalogue's ``join_list`` writes it."""
    return join_list(items)


def _indicators_of(fw: Framework, instrument: str) -> str:
    return joined([f"ตัวชี้วัดที่ {i.number} {i.name}" for i in fw.indicators_of(instrument)])


def _range(band: Band) -> str:
    return f"{format_number(band.minimum)}–{format_number(band.maximum)}"


def _condition(fw: Framework, band: Band, rule: Rule) -> str:
    """A rule's condition in words. A band's last rule applies when no rule before it does:
    when some tool scores below the lowest threshold of those rules."""
    tools = joined([t.short for t in fw.tools])
    if rule.all_tools_at_least is not None:
        return f"ทุกเครื่องมือ ({tools}) ได้ {format_number(rule.all_tools_at_least)} คะแนนขึ้นไป"
    thresholds = [r.all_tools_at_least for r in band.rules if r.all_tools_at_least is not None]
    if not thresholds:
        return "ไม่มีเงื่อนไข"
    return f"มีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า {format_number(min(thresholds))} คะแนน"


@cache
def default_texts() -> dict[str, tuple[str, ...]]:
    """The shipped default limitations and recommendations (``ita_xl/library/document.toml``)."""
    text = resources.files("ita_xl.library").joinpath("document.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {key: tuple(data[key]) for key in ("limitations", "recommendations")}


def limitations(inputs: Any) -> tuple[str, ...]:
    """The unit's limitations as edited on the unit sheet, or the defaults where none are typed."""
    return tuple(inputs.limitations) or default_texts()["limitations"]


def recommendations(inputs: Any) -> tuple[str, ...]:
    """The unit's recommendations as edited on the unit sheet, or the defaults where none are typed."""
    return tuple(inputs.recommendations) or default_texts()["recommendations"]


# --------------------------------------------------------------------------- layout


def framework_lines(fw: Framework) -> list[str]:
    """The framework part as sentences: one per tool, then one per rule of the rating table."""
    part = framework_part(fw)
    # each tool by its name and the short name the report uses ("EIT ส่วนที่ 1"), not its code
    lines = [
        f"{n}) {name} ({tool.short}) น้ำหนักร้อยละ {format_number(weight, 0)}: {indicators}"
        for n, ((_, name, indicators, weight), tool) in enumerate(
            zip(part.tools, fw.tools, strict=True), start=1
        )
    ]
    lines.append("ระดับผลการประเมินของปีนี้:")
    for total, condition, level in part.bands:
        when = "" if condition == "ไม่มีเงื่อนไข" else f" และ{condition}"
        lines.append(f"- คะแนนรวม {total}{when}: {level}")
    return lines


def write_framework(b: Any, fw: Framework) -> None:
    """The framework section, inside the analysis sheet's grid (``b``: its ``_Builder``).

    Sentences, not tables: one merged run and few row heights, which keeps the live book's
    round trips within their bound (tests/test_xl.py).
    """
    part = framework_part(fw)
    b.band(part.title)
    b.put([[line] for line in framework_lines(fw)], "cell", span=len(b.widths))
    if part.note:
        b.line(part.note, "note")


def write_text_lists(b: Any, inputs: Any, number: int) -> int:
    """The limitations and the recommendations as numbered sections from ``number``; returns
    the next section number."""
    for title, items in (("ข้อจำกัด", limitations(inputs)), ("ข้อเสนอแนะ", recommendations(inputs))):
        b.band(f"{to_thai_digits(str(number))}. {title}")
        for n, text in enumerate(items, start=1):
            b.line(f"{n}. {text}")
        number += 1
    return number
