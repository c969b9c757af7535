from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, format_number, parse_number, round2, to_thai_digits


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (76.425, "76.43"),  # half up on the decimal a person sees, not the binary float
        (76.4242, "76.42"),
        (98.504, "98.50"),
        (84.995, "85.00"),
        (0.005, "0.01"),
        (100, "100.00"),
        (Decimal("2.675"), "2.68"),  # float 2.675 is 2.67499..., the repr is 2.675
        (2.675, "2.68"),
    ],
)
def test_round2_is_half_up(value, expected):
    assert str(round2(value)) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "thai", "expected"),
    [
        (98.504, 2, False, "98.50"),
        (98.504, 2, True, "๙๘.๕๐"),
        (76.425, 2, True, "๗๖.๔๓"),
        (85, 0, True, "๘๕"),
        (7.5, 1, False, "7.5"),
    ],
)
def test_format_number(value, decimals, thai, expected):
    assert format_number(value, decimals, thai=thai) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๙๘.๕๐", 98.5),
        ("98.50", 98.5),
        (" 76.43 คะแนน", 76.43),
        ("1,234.5", 1234.5),
        ("๑๐๐", 100.0),
        ("85%", 85.0),
        ("๘๕ คะแนน", 85.0),
        (85, 85.0),
        (Decimal("85.5"), 85.5),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_number_reads_what_staff_type(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "bad", ["abc", "คะแนน", "%", "98.5.1", "๙๘,๕๐x", True, float("nan"), float("inf"), [1]]
)
def test_parse_number_rejects_non_numbers(bad):
    with pytest.raises(ItaError):
        parse_number(bad)


@pytest.mark.parametrize("typed", ["98,50", "9,5", "1,00", "๙๘,๕๐", "98,5 คะแนน", "1,2345"])
def test_a_decimal_comma_is_refused_with_a_hint_never_read_as_thousands(typed):
    """A score is at most 100: "98,50" is 98.50 typed with a European comma, not 9850."""
    with pytest.raises(ItaError) as caught:
        parse_number(typed)
    assert "ใช้จุดทศนิยม เช่น 98.50" in caught.value.th


@pytest.mark.parametrize(
    ("printed", "computed", "ok"),
    [
        (76.43, 76.4242, True),  # seed 000: printed 76.43, recomputes to 76.42
        (76.44, 76.4242, False),
        (98.50, 98.504, True),  # seed 004 report
        (88.50, 98.504, False),  # seed 004 memo
        (97.80, 97.896, False),  # seed 001: neither printed total recomputes
        (95.70, 97.896, False),
        (96.55, 96.55, True),
    ],
)
def test_agrees_within_one_hundredth(printed, computed, ok):
    assert agrees(printed, computed) is ok


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_thai_digits_round_trip(value):
    assert parse_number(format_number(value, thai=True)) == float(value)


def test_to_thai_digits_leaves_other_characters():
    assert to_thai_digits("o12 = 100.00%") == "o๑๒ = ๑๐๐.๐๐%"


@pytest.mark.parametrize("huge", [1e28, 1e308, -1e300])
def test_round2_of_a_huge_value_is_an_error_not_a_crash(huge):
    """Found by fuzzing: decimal.InvalidOperation from quantize beyond 28 digits."""
    with pytest.raises(ItaError, match="too large"):
        round2(huge)
