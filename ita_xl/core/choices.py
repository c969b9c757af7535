"""The user's choice of measures: the suggested rows as the choices sheet (ปรับมาตรการ) adjusts them.

``choose`` takes the rows ``ita_xl.core.measures`` suggests and the typed choices
(``ita_xl.core.inputs.MeasureChoice``, read by ``ita_xl.core.reader``) and returns the table
the report prints: rows switched off are left out (and listed, for the checks sheet), rows
given other divisions, an analysis or a monitoring of the unit's own carry them, and the unit's
own measures follow the suggested ones. An id
that names no suggested row, a division not in the unit's list, an id given twice and an added
row without a division are findings at their cell; nothing typed is changed or dropped
silently. Pure.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ita_xl.core.inputs import MeasureChoice
from ita_xl.core.layout import CHOICE_COLUMNS, CHOICES, DEPARTMENT_ROWS, UNIT, Layout
from ita_xl.core.measures import MeasureRow
from ita_xl.core.reader import WARNING, Finding
from ita_xl.core.wording import join_list, say

#: Divisions typed in one cell are separated by a comma, a line break or the word "และ".
_SEPARATORS = re.compile(r"\s*(?:,|，|\n|\s+และ\s*)\s*")
#: A step typed with its own number ("1. ...", "๒) ..."): the sheet numbers the steps itself.
_STEP_NUMBER = re.compile(r"^\s*[0-9๐-๙]+\s*[.)]\s*")


@dataclass(frozen=True)
class Chosen:
    """The measures table after the user's choices, and what the checks sheet reports of them."""

    rows: tuple[MeasureRow, ...]
    #: Suggested rows the user switched off, each with the cell that did it.
    switched_off: tuple[tuple[str, MeasureRow], ...] = ()
    findings: tuple[Finding, ...] = ()


def choose(
    suggested: Sequence[MeasureRow],
    choices: Sequence[MeasureChoice],
    departments: Sequence[str],
    *,
    period: str,
    monitoring: str,
    describe: Callable[[str], str] | None = None,
) -> Chosen:
    """The suggested rows with the user's choices applied, then the unit's own rows;
    ``describe``: the analysis of an own row from the ประเด็น typed, where it names figures."""
    findings: list[Finding] = []
    by_key = {row.key.casefold(): row for row in suggested if row.key}  # "m-i3" is M-i3
    taken: dict[str, MeasureChoice] = {}
    own: list[MeasureRow] = []
    for choice in choices:
        owner = _owner(choice, departments, findings)
        if not choice.key:
            if choice.use:
                analysis = choice.analysis or (describe(choice.theme) if describe else "")
                own.append(
                    _own_row(
                        dataclasses.replace(choice, analysis=analysis), owner, period, monitoring, findings
                    )
                )
            continue
        choice = dataclasses.replace(choice, key=by_key[choice.key.casefold()].key) if (
            choice.key.casefold() in by_key) else choice  # fmt: skip
        if choice.key.casefold() not in by_key:
            findings.append(_finding(choice, "key", "choices.unknown_key", code=choice.key))
        elif choice.key in taken:
            first = _where(taken[choice.key], "key")
            findings.append(_finding(choice, "key", "choices.twice", code=choice.key, first=first))
        else:
            taken[choice.key] = dataclasses.replace(choice, owner=owner)
    rows, off = [], []
    for row in suggested:
        choice = taken.get(row.key)
        if choice is None:
            rows.append(row)
        elif not choice.use:
            off.append((_where(choice, "use"), row))
        else:
            rows.append(_adjusted(row, choice))
    return Chosen(tuple(rows + own), tuple(off), tuple(findings))


def _adjusted(row: MeasureRow, choice: MeasureChoice) -> MeasureRow:
    """A suggested row with what the unit typed for it: its divisions, and its own analysis and
    monitoring in place of ita-xl's (blank cells keep ita-xl's)."""
    return dataclasses.replace(
        row,
        owner=choice.owner or row.owner,
        analysis=choice.analysis or row.analysis,
        monitoring=choice.monitoring or row.monitoring,
    )


def _where(choice: MeasureChoice, field: str) -> str:
    return f"{CHOICES}!{CHOICE_COLUMNS[field]}{choice.row}"


def _finding(choice: MeasureChoice, field: str, wording: str, **values: object) -> Finding:
    return Finding(
        WARNING,
        say(wording, **values),
        f"{wording} {values}",
        CHOICES,
        f"{CHOICE_COLUMNS[field]}{choice.row}",
    )


def _owner(choice: MeasureChoice, departments: Sequence[str], findings: list[Finding]) -> str:
    """The divisions typed, joined "ก และ ข"; each one not in the unit's list is a finding
    (it is kept as typed: the list may simply be incomplete)."""
    everyone = say("measure.all_divisions")
    names = _names(choice.owner.strip(), [*departments, everyone])
    unknown = [n for n in names if n not in departments and n != everyone]
    if unknown:
        first = Layout.departments_first_row  # the dataclass field's default: the same in every year
        listed = f"{UNIT}!B{first}:B{first + DEPARTMENT_ROWS - 1}"
        findings.append(
            _finding(choice, "owner", "choices.unknown_division", names=join_list(unknown), listed=listed)
        )
    return join_list(list(dict.fromkeys(names)))


def _names(typed: str, known: Sequence[str]) -> list[str]:
    """The names in a cell, split at the separators, except where a name in ``known`` itself
    holds one ("กองการศึกษา ศาสนา และวัฒนธรรม", seed 002): the longest listed name wins."""
    parts = _SEPARATORS.split(typed) if typed else []
    seps = _SEPARATORS.findall(typed) if typed else []
    names, start = [], 0
    while start < len(parts):
        longer = range(len(parts), start + 1, -1)
        end = next((e for e in longer if _rejoin(parts, seps, start, e) in known), start + 1)
        names.append(_rejoin(parts, seps, start, end))
        start = end
    return [n for n in names if n]


def _rejoin(parts: Sequence[str], seps: Sequence[str], start: int, end: int) -> str:
    return "".join(parts[n] + (seps[n] if n < end - 1 else "") for n in range(start, end))


def _own_row(
    choice: MeasureChoice, owner: str, period: str, monitoring: str, findings: list[Finding]
) -> MeasureRow:
    """A measure the unit adds itself, as typed; a blank period is the year's."""
    if not owner:
        findings.append(_finding(choice, "owner", "choices.no_owner", measure=choice.measure))
    steps = tuple(_STEP_NUMBER.sub("", s).strip() for s in choice.steps.splitlines() if s.strip())
    return MeasureRow(
        theme=choice.theme or say("choices.own_theme"),
        measure=choice.measure,
        analysis=choice.analysis or say("choices.own_reason"),
        steps=steps,
        period=choice.period or period,
        owner=owner,
        monitoring=choice.monitoring or monitoring,
        source=f"{CHOICES}!{CHOICE_COLUMNS['measure']}{choice.row}",
        key=own_key(choice.measure),
    )


def own_key(measure: str) -> str:
    """The id of a measure the unit added itself: from its words, not its row, so deleting or
    moving a row of the choices sheet does not hand one measure's tracked results to another
    (a measure reworded is a new measure; the tracking sheet keeps the old one, marked)."""
    words = " ".join(measure.split())
    return "M-U" + hashlib.sha256(words.encode("utf-8")).hexdigest()[:6].upper()
