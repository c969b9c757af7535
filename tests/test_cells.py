"""A1 addresses (``ita_xl.core.cells``) against Excel's own limits.

Microsoft, "Excel specifications and limits" (Excel 2007 and later): worksheet size
1,048,576 rows by 16,384 columns; the last column is XFD. Letters are bijective base 26
(A = 1 … Z = 26, AA = 27), so the expectations below are worked out by hand:
AZ = 1·26 + 26 = 52, BA = 2·26 + 1 = 53, ZZ = 26·26 + 26 = 702, AAA = 676 + 26 + 1 = 703,
XFD = 24·676 + 6·26 + 4 = 16,384.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_xl.core.cells import MAX_COLUMN, MAX_ROW, column_letter, column_number, split_address

COLUMNS = [
    (1, "A"),
    (26, "Z"),
    (27, "AA"),
    (52, "AZ"),
    (53, "BA"),
    (702, "ZZ"),
    (703, "AAA"),
    (16_384, "XFD"),
]


def test_limits_are_excels():
    assert (MAX_COLUMN, MAX_ROW) == (16_384, 1_048_576)


@pytest.mark.parametrize(("number", "letters"), COLUMNS)
def test_column_letter(number, letters):
    assert column_letter(number) == letters


@pytest.mark.parametrize(("number", "letters"), COLUMNS)
def test_column_number(number, letters):
    assert column_number(letters) == number
    assert column_number(letters.lower()) == number


@pytest.mark.parametrize("number", [0, -1, 16_385, 1_000_000])
def test_column_letter_outside_excel(number):
    with pytest.raises(ValueError, match=re.escape("outside 1..16384")):
        column_letter(number)


@pytest.mark.parametrize(
    ("letters", "message"),
    [
        ("XFE", "outside A..XFD"),  # 16,385: one past Excel's last column
        ("ZZZ", "outside A..XFD"),  # 18,278
        ("AAAA", "outside A..XFD"),
        ("", "outside A..XFD"),
        ("A1", "not a column"),
        ("1", "not a column"),
        ("A-", "not a column"),
        (" A", "not a column"),
        ("Ä", "not a column"),
        ("ก", "not a column"),
    ],
)
def test_column_number_rejects(letters, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        column_number(letters)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("A1", (1, 1)),
        ("B12", (12, 2)),
        ("b12", (12, 2)),
        ("$B$12", (12, 2)),
        ("$B12", (12, 2)),
        ("B$12", (12, 2)),
        (" C3 ", (3, 3)),
        ("AZ7", (7, 52)),
        ("XFD1048576", (1_048_576, 16_384)),  # Excel's last cell
    ],
)
def test_split_address(address, expected):
    assert split_address(address) == expected


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("A0", "row 0 is outside 1..1048576"),
        ("A1048577", "row 1048577 is outside 1..1048576"),
        ("XFE1", "outside A..XFD"),
        ("AAAA1", "not a cell address"),
        ("A", "not a cell address"),
        ("1", "not a cell address"),
        ("1A", "not a cell address"),
        ("", "not a cell address"),
        ("A1:B2", "not a cell address"),
        ("R1C1", "not a cell address"),
        ("A-1", "not a cell address"),
        ("A1.5", "not a cell address"),
        ("$$A1", "not a cell address"),
    ],
)
def test_split_address_rejects(address, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        split_address(address)


def test_split_address_rejects_thai_digits():
    """Excel's A1 form has ASCII digits only; a Thai-digit address is not one."""
    with pytest.raises(ValueError):
        split_address("A๑")


@given(st.integers(min_value=1, max_value=MAX_COLUMN))
def test_number_letter_round_trip(number):
    assert column_number(column_letter(number)) == number


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3))
def test_letters_round_trip_or_are_past_xfd(letters):
    try:
        number = column_number(letters)
    except ValueError:
        assert len(letters) == 3 and letters > "XFD"
    else:
        assert column_letter(number) == letters


@given(st.integers(min_value=1, max_value=MAX_ROW), st.integers(min_value=1, max_value=MAX_COLUMN))
def test_address_round_trip(row, column):
    assert split_address(f"{column_letter(column)}{row}") == (row, column)
    assert split_address(f"${column_letter(column)}${row}") == (row, column)
