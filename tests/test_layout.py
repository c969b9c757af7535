"""ita_xl/core/layout.py: every address of every year's template.

Limits are Excel's ("Excel specifications and limits", Microsoft Support: 1,048,576 rows
by 16,384 columns, the last column XFD); the order of tools, indicators and questions is
the framework's (ITA_REFERENCE.md: ten indicators, i1-i15 / e1-e9 / o-items by year).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from ita_xl.core.framework import available_years, load_framework
from ita_xl.core.layout import CRITERIA, HISTORY, SCORES, UNIT, Layout, absolute, ref
from ita_xl.core.pipeline import READ_COLUMNS, READ_ROWS

EXCEL_ROWS, EXCEL_COLUMNS = 1_048_576, 16_384
YEARS = available_years()


def column_number(letters: str) -> int:
    """A1-style letters to a column number (A=1, Z=26, AA=27, XFD=16384)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n


def parse(address: str) -> tuple[int, int]:
    match = re.fullmatch(r"([A-Z]{1,3})([1-9][0-9]*)", address)
    assert match, address
    return int(match[2]), column_number(match[1])


def cells_of(area: str) -> list[str]:
    """Every cell of ``A1`` or ``A1:D3``."""
    first, _, last = area.partition(":")
    (r1, c1), (r2, c2) = parse(first), parse(last or first)
    assert r1 <= r2 and c1 <= c2, area
    return [f"{_letters(c)}{r}" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def inputs(layout: Layout) -> list[tuple[str, str, str]]:
    """(sheet, cell, what) of every cell a person types into."""
    out = [(UNIT, layout.unit_cell(key), key) for key in layout.unit_fields]
    out += [(UNIT, cell, "department") for cell in layout.department_cells]
    out += [(SCORES, f"C{row}", "printed total") for row in layout.printed_total_rows]
    out += [(SCORES, f"C{layout.printed_rating_row}", "printed rating")]
    out += [(SCORES, f"C{layout.printed_below_row}", "printed below")]
    out += [(SCORES, f"{layout.TYPED}{row}", f"tool {code}") for code, row in layout.tool_rows.items()]
    out += [(SCORES, f"{layout.TYPED}{row}", f"indicator {n}") for n, row in layout.indicator_rows.items()]
    out += [(SCORES, f"{layout.QUESTION_SCORE}{row}", code) for code, row in layout.question_rows.items()]
    if layout.previous is not None:
        out += [
            (SCORES, f"{layout.PREVIOUS_SCORE}{row}", f"last year {c}")
            for c, row in layout.question_rows.items()
        ]
    out += [(CRITERIA, layout.target_cell, "target")]
    out += [(CRITERIA, cell, "weight") for cell in cells_of(layout.weights_range())]
    out += [(CRITERIA, cell, "band") for cell in cells_of(layout.bands_range())]
    width = 3 + len(layout.framework.indicators)
    for row in layout.history_rows:
        out += [(HISTORY, f"{_letters(c)}{row}", "history") for c in range(1, width + 1)]
    return out


@pytest.fixture(params=YEARS, ids=str)
def layout(request) -> Layout:
    return Layout(load_framework(request.param))


@pytest.mark.parametrize(
    ("letters", "number"), [("A", 1), ("Z", 26), ("AA", 27), ("AZ", 52), ("XFD", EXCEL_COLUMNS)]
)
def test_column_letters_as_excel_numbers_them(letters, number):
    assert column_number(letters) == number and _letters(number) == letters


def test_every_fiscal_year_has_a_layout():
    assert list(range(2562, 2570)) == YEARS  # ITA_REFERENCE.md: ten indicators every year since 2562


def test_every_address_is_inside_excels_limits_and_the_read_rectangle(layout):
    for sheet, cell, what in inputs(layout):
        row, column = parse(cell)
        assert 1 <= row <= EXCEL_ROWS and 1 <= column <= EXCEL_COLUMNS, (sheet, cell, what)
        assert row <= READ_ROWS and column <= READ_COLUMNS, (sheet, cell, what)  # else never read


def test_no_two_inputs_share_a_cell(layout):
    counts = Counter((sheet, cell) for sheet, cell, _ in inputs(layout))
    assert [key for key, n in counts.items() if n > 1] == []


def test_inputs_never_sit_on_a_header_or_a_computed_summary_row(layout):
    scores_rows = {parse(cell)[0] for sheet, cell, _ in inputs(layout) if sheet == SCORES}
    fixed = {
        layout.total_row, layout.rating_row, layout.reason_row, layout.pass_row, layout.printed_header_row,
        layout.tools_header_row, layout.indicators_header_row, *layout.extremes_rows,
    }  # fmt: skip
    for header in (layout.subindicators_header_row, layout.questions_header_row):
        if header is not None:
            fixed.add(header)
    assert scores_rows.isdisjoint(fixed)
    assert {parse(c)[0] for s, c, _ in inputs(layout) if s == HISTORY}.isdisjoint({layout.history_header_row})
    assert layout.history_current_row not in layout.history_rows


def _consecutive_in_order(rows: dict, order: list) -> bool:
    values = [rows[key] for key in order]
    return list(rows) == order and values == list(range(values[0], values[0] + len(values)))


def test_tools_indicators_questions_in_framework_order(layout):
    framework = layout.framework
    assert _consecutive_in_order(layout.tool_rows, [t.code for t in framework.tools])
    assert _consecutive_in_order(layout.indicator_rows, list(range(1, 11)))
    assert _consecutive_in_order(layout.weight_rows, [t.code for t in framework.tools])
    if framework.subindicators:
        assert _consecutive_in_order(layout.subindicator_rows, [s.code for s in framework.subindicators])
    if framework.questions:
        assert _consecutive_in_order(layout.question_rows, [q.code for q in framework.questions])
    # the blocks follow each other down the sheet: tools, indicators, sub-indicators, questions
    blocks = [layout.tool_rows, layout.indicator_rows, layout.subindicator_rows, layout.question_rows]
    spans = [(min(b.values()), max(b.values())) for b in blocks if b]
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("year", "tools", "questions"),
    [
        # ITA_REFERENCE.md: tools by year; IIT i1-i15 and EIT e1-e9 in 2567/2568, OIT 35/28/26 items
        (2563, ["IIT", "EIT", "OIT"], None),
        (2566, ["IIT", "EIT1", "EIT2", "OIT"], []),
        (2567, ["IIT", "EIT1", "EIT2", "OIT"], [*(f"i{n}" for n in range(1, 16)), *(f"e{n}" for n in range(1, 10)), *(f"o{n}" for n in range(1, 36))]),
        (2568, ["IIT", "EIT1", "EIT2", "OIT"], [*(f"i{n}" for n in range(1, 16)), *(f"e{n}" for n in range(1, 10)), *(f"o{n}" for n in range(1, 29))]),
        (2569, ["IIT", "EIT1", "EIT2", "OIT"], [*(f"i{n}" for n in range(1, 16)), *(f"e{n}" for n in range(1, 10)), *(f"o{n}" for n in range(1, 27))]),
    ],
)  # fmt: skip
def test_rows_follow_the_reference_catalogues(year, tools, questions):
    layout = Layout(load_framework(year))
    assert list(layout.tool_rows) == tools
    if questions is not None:
        assert list(layout.question_rows) == questions
    # the OIT sub-indicators 9.1 ... 10.2 (ITA_REFERENCE.md) where the year has them
    if layout.subindicator_rows:
        assert list(layout.subindicator_rows) == ["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"]


def test_fixed_unit_rows_are_the_same_every_year():
    unit_cells = {
        year: [Layout(load_framework(year)).unit_cell(k) for k in ("name", "fiscal_year")] for year in YEARS
    }
    assert set(map(tuple, unit_cells.values())) == {("B4", "B8")}


@pytest.mark.parametrize(
    ("sheet", "cell", "expected"),
    [
        (SCORES, "D16", "'คะแนน'!$D$16"),
        (CRITERIA, "C7:C10", "'เกณฑ์'!$C$7:$C$10"),
        (UNIT, "XFD1048576", "'หน่วยงาน'!$XFD$1048576"),
    ],
)
def test_absolute_references_are_excels_form(sheet, cell, expected):
    """Excel quotes a sheet name that is not a plain word and marks absolute parts with $."""
    assert ref(sheet, cell) == expected
    assert absolute(cell) == expected.split("!")[1]


def test_the_used_ranges_span_the_rows(layout):
    tool_rows, indicator_rows = list(layout.tool_rows.values()), list(layout.indicator_rows.values())
    assert layout.used_tool_range() == f"F{tool_rows[0]}:F{tool_rows[-1]}"
    assert layout.used_indicator_range() == f"F{indicator_rows[0]}:F{indicator_rows[-1]}"
