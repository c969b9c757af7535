"""ita_xl/core/inputs.py: a unit's typed figures, kept exactly as typed."""

from __future__ import annotations

import dataclasses

import pytest

from ita_xl.core.inputs import HistoryYear, Printed, UnitInputs


@pytest.mark.parametrize(
    "value",
    [
        "๙๘.๕๐",  # Thai digits, as pasted from a seed's PDF (seed 004)
        "98.50",  # number-like text: validation must see it was text
        98.5,
        98,
        None,  # a blank cell
        "เก้าสิบ",  # not a number at all: kept, for validation to report
    ],
)
def test_values_are_kept_as_typed(value):
    unit = UnitInputs(fiscal_year=2568, indicators={1: value}, tools={"IIT": value}, questions={"i1": value})
    assert unit.indicators[1] is value and unit.tools["IIT"] is value and unit.questions["i1"] is value
    assert Printed(value).value is value


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: UnitInputs(fiscal_year=2568), "fiscal_year"),
        (lambda: Printed(98.50), "value"),
        (lambda: HistoryYear(2567), "total"),
    ],
)
def test_inputs_are_frozen(make, field):
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(make(), field, 0)


def test_defaults_are_blank_and_not_shared_between_units():
    a, b = UnitInputs(fiscal_year=2569), UnitInputs(fiscal_year=2569)
    for name in ("tools", "indicators", "questions", "previous_questions", "question_titles"):
        assert getattr(a, name) == {}
        assert getattr(a, name) is not getattr(b, name), name
    assert a.printed_totals == () and a.history == () and a.departments == ()
    assert a.printed_rating is None and a.printed_below_target is None
    assert a.weights is None  # the year's own weights unless the document states others
    assert a.thai_digits is True  # Thai reports print Thai digits (ITA_REFERENCE.md)
    assert (
        HistoryYear(2567).indicators == {}
        and HistoryYear(2567).indicators is not HistoryYear(2566).indicators
    )


def test_two_printed_totals_are_both_kept():
    """Seed 004: the report prints 98.50 and the memo 88.50; both are kept, in order."""
    unit = UnitInputs(
        fiscal_year=2568, printed_totals=(Printed(98.50, "รายงานการวิเคราะห์"), Printed(88.50, "บันทึกข้อความ"))
    )
    assert [p.value for p in unit.printed_totals] == [98.50, 88.50]
    assert [p.source for p in unit.printed_totals] == ["รายงานการวิเคราะห์", "บันทึกข้อความ"]
    assert Printed(1).source == ""


def test_equal_inputs_compare_equal():
    assert UnitInputs(2568, name="เทศบาลตำบลเขาย้อย") == UnitInputs(2568, name="เทศบาลตำบลเขาย้อย")
    assert UnitInputs(2568) != UnitInputs(2567)
