"""Row heights for wrapped Thai text (``ita_xl.core.textfit``), worked out by hand.

The rules, from the module's docstring and constants:

* a character takes one unit of display length unless it is a combining mark (Unicode
  category Mn: Thai vowels above and below, tone marks); SARA AM (ำ, U+0E33) and the
  leading vowels (เ แ โ ใ ไ) are letters (Lo) and do take width;
* a column ``w`` wide holds ``(w - 1) / (1.3 · size / 16)`` characters a line (at least one),
  so at 16 pt a column 14 wide holds (14 - 1) / 1.3 = 10 and a column 27 wide holds 20;
  each newline-separated part wraps on its own and takes at least one line;
* a row of ``n`` lines is ``max(1, n) · 24 · size / 16 + 4`` points, rounded to 0.1.

Unicode categories: ก U+0E01 Lo, ิ U+0E34 Mn, ี U+0E35 Mn, ุ U+0E38 Mn, ็ U+0E47 Mn,
่ U+0E48 Mn, ้ U+0E49 Mn, ำ U+0E33 Lo, เ U+0E40 Lo; U+0301 (combining acute) Mn.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ita_xl.core.textfit import display_length, fit_height, line_count, row_height


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("", 0),
        ("ITA", 3),
        ("98.50", 5),
        ("กิน", 2),  # ก ิ น: the vowel above takes no width
        ("ที่", 1),  # ท ี ่: a vowel and a tone mark over one consonant
        ("น้ำ", 2),  # น ้ ำ: the tone mark is a mark, SARA AM is a letter
        ("เด็ก", 3),  # เ ด ็ ก: the leading vowel takes width, MAITAIKHU does not
        ("คุณธรรม", 6),  # ค ุ ณ ธ ร ร ม: the vowel below takes no width
        ("องค์การบริหารส่วนตำบล", 18),  # 21 code points; ์ ิ ่ are marks
        ("e\u0301", 1),  # a decomposed é: the same rule for any script
    ],
)
def test_display_length(text, length):
    assert display_length(text) == length


@pytest.mark.parametrize(
    ("text", "width", "size", "lines"),
    [
        (None, 14, 16, 1),
        ("", 14, 16, 1),
        ("0123456789", 14, 16, 1),  # 10 characters, 10 a line
        ("01234567890", 14, 16, 2),  # 11
        ("ที่" * 10, 14, 16, 1),  # 30 code points, 10 wide
        ("ที่" * 11, 14, 16, 2),
        ("ก" * 20, 27, 16, 1),  # 20 a line
        ("ก" * 21, 27, 16, 2),
        ("ก" * 41, 27, 16, 3),
        ("กิน\nกิน", 14, 16, 2),  # a newline starts a line
        ("a\n\nb", 14, 16, 3),  # an empty part still takes a line
        ("0123456789\n01234567890", 14, 16, 3),  # each part wraps on its own: 1 + 2
        ("abc", 1.5, 16, 3),  # narrower than a character: one character a line
        ("0123456789", 14, 32, 2),  # at 32 pt: (14 - 1) / 2.6 = 5 a line
        ("01234", 14, 32, 1),
        ("0123456789", 14, 8, 1),  # at 8 pt: (14 - 1) / 0.65 = 20 a line
        (98.5, 14, 16, 1),  # a number is measured as its text
        (12345678901, 14, 16, 2),
    ],
)
def test_line_count(text, width, size, lines):
    assert line_count(text, width, size) == lines


@pytest.mark.parametrize(
    ("lines", "size", "points"),
    [
        (1, 16, 28.0),  # 24 + 4
        (2, 16, 52.0),
        (3, 16, 76.0),
        (0, 16, 28.0),  # at least one line
        (1, 8, 16.0),  # 12 + 4
        (1, 11, 20.5),  # 16.5 + 4
        (1, 14, 25.0),  # 21 + 4
        (2, 18, 58.0),  # 2 · 27 + 4
        (1, 20, 34.0),  # 30 + 4
    ],
)
def test_row_height(lines, size, points):
    assert row_height(lines, size) == points


@pytest.mark.parametrize(
    ("pairs", "size", "points"),
    [
        ([], 16, 28.0),  # an empty row is one line high
        ([("กิน", 14)], 16, 28.0),
        ([(None, 14)], 16, 28.0),
        ([("0123456789ab", 14), ("x", 50)], 16, 52.0),  # the tallest cell sets the row: 2 lines
        ([("a\nb\nc", 50), ("01234567890", 14)], 16, 76.0),  # 3 lines against 2
        ([("abc", 50)], 18, 31.0),  # one line at 18 pt: 27 + 4
        ([("0123456789", 14)], 32, 100.0),  # two lines at 32 pt: 2 · 48 + 4
    ],
)
def test_fit_height(pairs, size, points):
    assert fit_height(pairs, size) == points


@given(st.text(alphabet="กขคมนรลวสอ", max_size=60), st.lists(st.sampled_from("่้๊๋ิีึืุู็์"), max_size=60))
def test_marks_never_add_width(letters, marks):
    """Putting marks over the letters changes neither the length nor the lines."""
    marked = "".join(ch + (marks[n] if n < len(marks) else "") for n, ch in enumerate(letters))
    assert display_length(marked) == len(letters)
    assert line_count(marked, 14) == line_count(letters, 14)


@pytest.mark.parametrize(
    ("lines", "spared"),
    [(1, 1), (2, 3), (3, 4), (4, 6), (9, 12)],  # one spare line in three, none for a single line
)
def test_a_row_of_several_lines_gets_spare_lines_for_a_larger_rendering(lines, spared):
    text = "\n".join(["ก"] * lines)
    assert fit_height([(text, 40)]) == row_height(lines)
    assert fit_height([(text, 40)], spare=True) == row_height(spared)
