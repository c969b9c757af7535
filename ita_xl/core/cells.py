"""Excel's A1 addresses without a workbook library: column letters and their numbers.

Excel's columns run A..XFD (1..16,384); rows 1..1,048,576 (Microsoft, "Excel specifications
and limits").
"""

from __future__ import annotations

import re

MAX_COLUMN = 16_384
MAX_ROW = 1_048_576

#: Where every generated sheet carries ita-xl's marker (``sheets.MARKER``), and beside it the
#: digest of what ita-xl wrote there (``pipeline.DIGEST_CELL``, 1-based row and column): one
#: definition for the modules that write them and those that must not read them as data.
MARKER_CELL = "Z1"
DIGEST_CELL = (1, 27)  # AA1
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]+)$")


def column_letter(number: int) -> str:
    """1 -> "A", 27 -> "AA", 16384 -> "XFD"."""
    if not 1 <= number <= MAX_COLUMN:
        raise ValueError(f"column {number} is outside 1..{MAX_COLUMN}")
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """ "A" -> 1, "aa" -> 27, "XFD" -> 16384."""
    number = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise ValueError(f"not a column: {letters!r}")
        number = number * 26 + ord(ch) - 64
    if not 1 <= number <= MAX_COLUMN:
        raise ValueError(f"column {letters!r} is outside A..XFD")
    return number


def split_address(address: str) -> tuple[int, int]:
    """ "B12" (or "$B$12") -> (row 12, column 2), 1-based."""
    match = _ADDRESS.match(address.strip())
    if not match:
        raise ValueError(f"not a cell address: {address!r}")
    row = int(match.group(2))
    if not 1 <= row <= MAX_ROW:
        raise ValueError(f"row {row} is outside 1..{MAX_ROW}")
    return row, column_number(match.group(1))
