"""What a unit types into its workbook, as plain data (no Excel).

The template filler writes a ``UnitInputs`` into a workbook; the sheet generator reads a
workbook back into one. Values are kept as typed: a score may be a number or text in Thai
digits, so that validation can see what the person entered.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Value = float | int | str | None


@dataclass(frozen=True)
class Printed:
    """A figure quoted in an earlier document, kept to check it against the recomputation."""

    value: Value
    source: str = ""


@dataclass(frozen=True)
class HistoryYear:
    fiscal_year: int
    total: Value = None
    rating: str | None = None
    indicators: Mapping[int, Value] = field(default_factory=dict)


@dataclass(frozen=True)
class UnitInputs:
    """One unit's typed figures for one fiscal year."""

    fiscal_year: int
    name: str = ""
    unit_type: str = ""
    district: str = ""
    province: str = ""
    thai_digits: bool = True
    preparer: str = ""
    position: str = ""
    departments: Sequence[str] = ()
    tools: Mapping[str, Value] = field(default_factory=dict)
    indicators: Mapping[int, Value] = field(default_factory=dict)
    questions: Mapping[str, Value] = field(default_factory=dict)
    printed_totals: Sequence[Printed] = ()
    printed_rating: Printed | None = None
    printed_below_target: Printed | None = None
    history: Sequence[HistoryYear] = ()
    #: Criteria as the unit's document states them, where they differ from the year's rules.
    weights: Mapping[str, Value] | None = None
    #: Last year's score of the same item, by this year's code (item-level trend).
    previous_questions: Mapping[str, Value] = field(default_factory=dict)
    #: Question titles as the workbook shows them (a unit may correct an assumed title).
    question_titles: Mapping[str, str] = field(default_factory=dict)
    #: Tool weights as an earlier document prints them: figures to check, never the rules.
    printed_weights: Mapping[str, Printed] = field(default_factory=dict)
    #: The memo (บันทึกข้อความ): its office, number and date, and who checks and approves.
    memo: MemoInputs = field(default_factory=lambda: MemoInputs())
    #: The report's limitations and recommendations as the unit edited them (blank: defaults).
    limitations: Sequence[str] = ()
    recommendations: Sequence[str] = ()
    #: The rows of the choices sheet (ปรับมาตรการ) that hold something, in sheet order.
    measure_choices: Sequence[MeasureChoice] = ()


@dataclass(frozen=True)
class MeasureChoice:
    """One row of the choices sheet: a suggested measure (by id) switched off or given other
    divisions, or (no id) a measure the unit adds itself."""

    row: int
    key: str = ""
    use: bool = True
    owner: str = ""
    theme: str = ""
    measure: str = ""
    steps: str = ""
    period: str = ""
    #: The unit's own analysis and monitoring of a measure it adds (blank: ita-xl's wording).
    analysis: str = ""
    monitoring: str = ""


@dataclass(frozen=True)
class Signer:
    """One who signs the memo after the preparer: a name and a position, each blank if untyped,
    and the role the opinion is asked of where it differs from the position (one acting for a
    ปลัด signs as "รองปลัด… รักษาราชการแทน ปลัด…" under "ความเห็นของปลัด…", seed 000)."""

    name: str = ""
    position: str = ""
    role: str = ""

    @property
    def title(self) -> str:
        """Whose opinion the block asks for: the role, else the position."""
        return self.role or self.position


@dataclass(frozen=True)
class MemoInputs:
    """What the memo page needs beyond the unit's name: typed on the unit sheet, blank if not.

    The approval chain is ``opinions`` (in order) then the head of unit (``head``,
    ``head_position``), who approves. A file made before the chain's table holds one checker
    (``checker``, ``checker_position``) instead of ``opinions``.
    """

    office: str = ""
    number: str = ""
    #: A date typed as a date, or text as typed; None leaves a blank to fill in by hand.
    date: datetime.date | str | None = None
    checker: str = ""
    checker_position: str = ""
    head: str = ""
    head_position: str = ""
    #: The head of unit's role where one acts for them (the memo's เรียน and last opinion).
    head_role: str = ""
    #: Those who give an opinion before the head of unit, in order (the chain's typed rows).
    opinions: Sequence[Signer] = ()
