"""Row heights for wrapped Thai text, because nothing downstream autofits.

openpyxl writes no row heights and LibreOffice does not autofit an xlsx on load, so a
generator that wraps Thai prose must set each row's height itself, or lines overlap.

Widths are in Excel column-width units (the width of "0" in the default font). Thai
combining marks (vowels above and below, tone marks) take no width. The per-character
width and the line height are measured for TH SarabunPSK, which draws narrower than
Calibri at the same point size; they err on the tall side, as clipped text is worse than
a little white space.
"""

from __future__ import annotations

import functools
import math
import unicodedata

#: Column-width units one Thai or Latin character takes at 16 pt TH SarabunPSK.
CHAR_WIDTH_16PT = 1.3
#: Points one line takes at 16 pt TH SarabunPSK (the font has tall ascenders for marks).
LINE_HEIGHT_16PT = 24.0


@functools.cache
def _is_mark(ch: str) -> bool:
    """A combining mark (Thai vowels above and below, tone marks): no width of its own."""
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) == "Mn"


def display_length(text: str) -> int:
    """Characters that take horizontal space (combining marks do not)."""
    return len(text) - sum(map(_is_mark, text))


def line_count(text: object, width: float, font_size: float = 16) -> int:
    """Lines ``text`` wraps to in a column ``width`` units wide (explicit newlines kept)."""
    if text is None or text == "":
        return 1
    per_line = max(1.0, (width - 1) / (CHAR_WIDTH_16PT * font_size / 16))
    return sum(max(1, math.ceil(display_length(part) / per_line)) for part in str(text).split("\n"))


def row_height(lines: int, font_size: float = 16) -> float:
    """Row height in points for ``lines`` lines of text."""
    return round(max(1, lines) * LINE_HEIGHT_16PT * font_size / 16 + 4, 1)


#: Spare lines for a cell of several lines that LibreOffice must also print whole: it draws TH
#: SarabunPSK's stand-in (TLWG Laksaman) larger than Excel draws the real font, so a row sized
#: for Excel lost the last line of its longest cells there (the measures' steps and monitoring:
#: 23 cells of the six samples). Measured: one spare line was enough for the last words of every
#: cell to be in the PDF's text (tests/test_render_lo.py), but LibreOffice also puts a half-cut
#: line's text there, and the demo's page (columns as wide as Excel makes them, with Carlito)
#: still showed the monitoring cell's last line cut in half; one spare line in three left every
#: row of it whole (render viewed). Excel's own wrapping is not checked here: only Excel shows
#: how much white space the spare lines leave.
SPARE_LINES_PER = 3


def fit_height(
    texts_and_widths: list[tuple[object, float]], font_size: float = 16, spare: bool = False
) -> float:
    """Height of a row whose cells hold these (text, column width) pairs; with ``spare``, a row
    of several lines gets ``SPARE_LINES_PER`` spare lines, so a larger rendering still fits."""
    lines = max((line_count(text, width, font_size) for text, width in texts_and_widths), default=1)
    if spare and lines > 1:
        lines += math.ceil(lines / SPARE_LINES_PER)
    return row_height(lines, font_size)
