"""Number handling shared by every layer: rounding, Thai digits, reading typed figures.

Published ITA figures have two decimals, rounded half up. Floats are converted through
their shortest ``repr`` so that a score typed as 76.425 rounds to 76.43 as a person
expects, not to 76.42 as binary floating point would.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from numbers import Real

from ita_xl.core.errors import ItaError

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)
_FROM_THAI = str.maketrans(THAI_DIGITS, "0123456789")

#: Tolerance for comparing a printed figure with its recomputation. Totals are computed
#: from unrounded tool scores, so a recomputation from printed figures may differ by 0.01.
PRINT_TOLERANCE = Decimal("0.01")

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
#: A comma only as a thousands separator (1,234.5); "98,50", "9,5" and "1,00" are decimal
#: commas, refused rather than read as 9850, 95 or 100.
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?\D*$")


def to_decimal(value: Real | Decimal | str) -> Decimal:
    """Convert a number to ``Decimal`` through its shortest repr (76.425 stays 76.425)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not a score")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return Decimal(repr(value))
    return Decimal(str(value))


def round2(value: Real | Decimal, places: int = 2) -> Decimal:
    """Round half up to ``places`` decimals, as the NACC prints figures.

    Args:
        value: The number to round.
        places: Decimals to keep (2 for ITA figures).

    Returns:
        The rounded value as a ``Decimal`` (so ``str()`` shows the trailing zeros).
    """
    quantum = Decimal(1).scaleb(-places)
    try:
        return to_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # beyond Decimal's precision: no figure is that large
        raise ItaError(f"ค่า {value:g} ใหญ่เกินกว่าจะเป็นคะแนน", f"{value:g} is too large for a figure") from exc


def format_number(value: Real | Decimal, decimals: int = 2, *, thai: bool = False) -> str:
    """Format a figure with ``decimals`` places, half up, optionally in Thai digits.

    >>> format_number(98.504)
    '98.50'
    >>> format_number(98.504, thai=True)
    '๙๘.๕๐'
    """
    if decimals < 0:
        raise ValueError("decimals must be 0 or more")
    text = f"{round2(value, decimals):.{decimals}f}"
    return to_thai_digits(text) if thai else text


def plain_number(value: Real | Decimal) -> str:
    """A threshold as people write it: ``95``, ``85.50`` (whole numbers without decimals)."""
    return format_number(value, 0) if round2(value) == round2(value, 0) else format_number(value)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits 0-9 with Thai digits ๐-๙; other characters stay."""
    return text.translate(_TO_THAI)


def from_thai_digits(text: str) -> str:
    """Replace Thai digits ๐-๙ with Arabic digits 0-9; other characters stay."""
    return text.translate(_FROM_THAI)


def parse_number(value: object) -> float | None:
    """Read a figure as staff type it: a number, or text in Arabic or Thai digits.

    Blank cells and blank text give ``None``. Thousands separators, spaces, a trailing
    "คะแนน" and a trailing "%" are tolerated; a decimal comma ("98,50") is refused with a
    hint, never read as 9850. Anything else raises ``ItaError``.

    >>> parse_number("๙๘.๕๐")
    98.5
    >>> parse_number(" 76.43 คะแนน")
    76.43
    >>> parse_number("") is None
    True
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ItaError(f"ค่า {value} ไม่ใช่ตัวเลข", f"{value} is not a number")
    if isinstance(value, Real):
        number = float(value)
        if not math.isfinite(number):
            raise ItaError("ค่าไม่ใช่ตัวเลขที่ใช้ได้", f"{value!r} is not a finite number")
        return number
    if isinstance(value, Decimal):
        return float(value)
    if not isinstance(value, str):
        raise ItaError(f"ค่า {value!r} ไม่ใช่ตัวเลข", f"{value!r} is not a number")
    text = from_thai_digits(value).strip().replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        if not _THOUSANDS.match(text):
            raise ItaError(
                f"อ่าน “{value}” เป็นตัวเลขไม่ได้: ใช้จุดทศนิยม เช่น 98.50 ไม่ใช่จุลภาค",
                f"cannot read {value!r}: use a decimal point, e.g. 98.50, not a comma",
            )
        text = text.replace(",", "")
    for suffix in ("คะแนน", "%"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    if not _NUMBER.fullmatch(text):
        raise ItaError(f"อ่าน “{value}” เป็นตัวเลขไม่ได้", f"cannot read {value!r} as a number")
    try:
        return float(Decimal(text))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid text
        raise ItaError(f"อ่าน “{value}” เป็นตัวเลขไม่ได้", f"cannot read {value!r}") from exc


def agrees(printed: Real | Decimal, computed: Real | Decimal, tolerance: Decimal = PRINT_TOLERANCE) -> bool:
    """Whether a printed 2-decimal figure agrees with its recomputation within ±0.01.

    The recomputation is first rounded to 2 decimals, as it would be printed. ``tolerance``
    widens the rule for a mean of several printed parts (each may be 0.01 off).

    >>> agrees(76.43, 76.4242)
    True
    >>> agrees(88.50, 98.504)
    False
    """
    return abs(round2(printed) - round2(computed)) <= tolerance
