"""The batching of the live-workbook renderer, checked by replaying its plan cell by cell.

``paint`` and ``height_plan`` trade exactness where nobody can see it (an empty cell's bold,
a text's number format) for fewer Excel round trips. These tests apply the plan to a model
of the sheet (then the copy of each repeated heading row, as ``render`` does) and check that every cell a reader sees looks as the sheet description says.
"""

from __future__ import annotations

import pytest
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from ita_xl.core.analysis import build_report
from ita_xl.core.framework import load_framework
from ita_xl.core.samples import SAMPLES
from ita_xl.core.scoring import assess
from ita_xl.core.sheets import STYLES, Block, SheetSpec, analysis_sheet, measures_sheet
from ita_xl.live.render import PROPERTIES, _cover, fill_matrix, height_plan, paint


def report_for(seed: str, thai: bool = True):
    from dataclasses import replace

    unit = replace(SAMPLES[seed], thai_digits=thai)
    framework = load_framework(unit.fiscal_year)
    assessment = assess(framework, questions=unit.questions, indicators=unit.indicators, tools=unit.tools)
    return build_report(unit, framework, assessment, [])


def replay(spec: SheetSpec, *, remote: bool = False) -> dict[str, dict[tuple[int, int], object]]:
    """Each property of each cell in the print area after the plan (defaults first); ``remote``:
    the fills from ``fill_matrix`` (one ``set_colors``) instead of ``paint``'s rectangles."""
    cells = {
        name: {(r, c): default for r in range(1, spec.last_row + 1) for c in range(1, spec.last_col + 1)}
        for name, default in PROPERTIES.items()
    }
    plan = [(a, name, value) for a, name, value in paint(spec) if not (remote and name == "fill")]
    if remote and (fills := fill_matrix(spec)) is not None:
        min_col, min_row, _, _ = range_boundaries(fills[0])
        for r, row in enumerate(fills[1], start=min_row):
            for c, color in enumerate(row, start=min_col):
                if color is not ...:  # xlwings' Range.set_colors: ... keeps the cell's fill
                    plan.append((f"{get_column_letter(c)}{r}", "fill", color.removeprefix("#")))
    for address, name, value in plan:
        min_col, min_row, max_col, max_row = range_boundaries(address)
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                assert (r, c) in cells[name], f"{address} reaches outside the print area"
                cells[name][(r, c)] = value
    for row, heading in spec.repeated_rows:  # render copies a heading row whole onto its copy
        for name in cells:
            for c in range(1, spec.last_col + 1):
                cells[name][(row, c)] = cells[name][(heading, c)]
    return cells


def shown(spec: SheetSpec):
    """(row, col, value, style, first) for each cell of each block; first: not hidden by a merge."""
    for block in spec.blocks:
        if block.style == "marker":
            continue
        for r, values in enumerate(block.values):
            for c, value in enumerate(values):
                yield block.row + r, block.col + c, value, block.style, True
                for extra in range(1, block.span if len(values) == 1 else 1):
                    yield block.row + r, block.col + c + extra, None, block.style, False


SPECS = [
    pytest.param(
        lambda seed=seed, thai=thai: analysis_sheet(report_for(seed, thai)),
        id=f"analysis-{seed}-{'thai' if thai else 'arabic'}",
    )
    for seed in ("000", "001", "002", "003", "004")
    for thai in (True, False)
] + [pytest.param(lambda: measures_sheet(report_for("003")), id="measures-003")]


@pytest.mark.parametrize("remote", [False, True], ids=["rectangles", "set_colors"])
@pytest.mark.parametrize("make", SPECS)
def test_every_visible_cell_gets_its_style(make, remote):
    spec = make()
    after = replay(spec, remote=remote)
    painted = set()
    for row, col, value, style, first in shown(spec):
        if row > spec.last_row or col > spec.last_col:
            continue  # a chart's data beside the print area: values only
        props = STYLES[style]
        painted.add((row, col))
        if first:  # a merged range shows its first cell's fill
            assert after["fill"][(row, col)] == props.get("fill"), (row, col, style)
        if value is None or value == "":
            continue
        for name, default in PROPERTIES.items():
            if name in ("fill", "number_format"):
                continue
            assert after[name][(row, col)] == props.get(name, default), (row, col, style, name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert after["number_format"][(row, col)] == props.get("number_format"), (row, col)
    unwritten = [cell for cell, fill in after["fill"].items() if cell not in painted and fill is not None]
    assert not unwritten, "cells outside every block stay unfilled"


def test_numbers_keep_two_decimals_and_whole_numbers_stay_whole():
    spec = analysis_sheet(report_for("004", thai=False))
    after = replay(spec)
    formats = {
        type(value): after["number_format"][(row, col)]
        for row, col, value, _, first in shown(spec)
        if first and isinstance(value, int | float) and row <= spec.last_row and col <= spec.last_col
    }
    assert formats == {int: None, float: "0.00"}


@pytest.mark.parametrize(
    "targets, forbidden, expected",
    [
        # one column with a gap nobody sees: one range
        ({(1, 1), (2, 1), (4, 1)}, set(), 1),
        # a cell that must differ splits the column
        ({(1, 1), (3, 1)}, {(2, 1)}, 2),
        # a block of columns becomes one range
        ({(r, c) for r in range(1, 6) for c in range(2, 5)}, set(), 1),
        # a checkerboard cannot be joined at all
        ({(1, 1), (2, 2)}, {(1, 2), (2, 1)}, 2),
    ],
)
def test_cover_joins_what_it_may_and_never_touches_what_must_differ(targets, forbidden, expected):
    rects = _cover(targets, lambda cell: cell not in forbidden, 6, 6)
    covered = {(r, c) for r1, c1, r2, c2 in rects for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
    assert targets <= covered
    assert not covered & forbidden
    assert len(rects) == expected


@pytest.mark.parametrize(
    "heights, base, runs",
    [
        ({1: 28, 2: 28, 3: 52}, 28, [(3, 3, 52)]),
        # the commonest height is not always the best base: 52 leaves one run, 28 two
        (
            {1: 52, 2: 28, 3: 52, 4: 28, 5: 52, 6: 76, 7: 76, 8: 76, 9: 76},
            52,
            [(2, 2, 28), (4, 4, 28), (6, 9, 76)],
        ),
        # a later setting may overwrite an earlier one: 52 over rows 2-4, then 76 on row 3
        ({1: 28, 2: 52, 3: 76, 4: 52, 5: 28}, 28, [(2, 4, 52), (3, 3, 76)]),
    ],
)
def test_height_plan(heights, base, runs):
    assert height_plan(heights) == (base, runs)


@pytest.mark.parametrize("make", SPECS)
def test_height_plan_gives_every_row_its_height(make):
    spec = make()
    base, runs = height_plan(spec.heights)
    rows = dict.fromkeys(range(1, spec.last_row + 1), base)
    for first, last, height in runs:
        rows.update(dict.fromkeys(range(first, last + 1), height))
    assert rows == {r: spec.heights[r] for r in rows}


def test_a_block_style_outside_the_defaults_is_painted():
    spec = SheetSpec(
        "x",
        (10, 10),
        (Block(1, 1, (("a", "b"),), "header"), Block(2, 1, ((1.5, "t"),), "number")),
        {1: 28, 2: 28},
    )
    plan = paint(spec)
    assert ("A1:B1", "bold", True) in plan
    assert ("A1:B1", "fill", "DDEBF7") in plan
    assert any(name == "number_format" and value == "0.00" for _, name, value in plan)


def test_desktop_excel_gets_the_scale_and_a_manual_break_above_each_page():
    """Through COM: PageSetup.Zoom the fixed scale (a number: "If this property is False, the
    FitToPagesWide and FitToPagesTall properties control how the worksheet is scaled"), and
    ``Rows(n).PageBreak = xlPageBreakManual`` (-4135) above the first row of each page (Microsoft,
    Range.PageBreak and XlPageBreak)."""
    from types import SimpleNamespace

    from ita_xl.live.render import _desktop_page_setup

    spec = analysis_sheet(report_for("003"))
    assert spec.scale and spec.row_breaks
    rows: dict[int, SimpleNamespace] = {}
    setup = SimpleNamespace()
    api = SimpleNamespace(PageSetup=setup, Rows=lambda n: rows.setdefault(n, SimpleNamespace()))
    _desktop_page_setup(SimpleNamespace(api=api), spec)
    assert setup.Zoom == spec.scale and setup.FitToPagesWide == 1
    assert {n: r.PageBreak for n, r in rows.items()} == dict.fromkeys(spec.row_breaks, -4135)


@pytest.mark.parametrize("make", SPECS)
def test_the_fill_matrix_is_one_range_with_a_colour_only_where_a_cell_shows_one(make):
    """xlwings' ``Range.set_colors``: "a two-dimensional matrix exactly matching the range's
    shape", a ``#RRGGBB`` string a colour, ``...`` "leaves that cell's existing fill unchanged"."""
    spec = make()
    address, matrix = fill_matrix(spec)
    min_col, min_row, max_col, max_row = range_boundaries(address)
    assert len(matrix) == max_row - min_row + 1 and {len(row) for row in matrix} == {max_col - min_col + 1}
    coloured = {
        (r, c): color
        for r, row in enumerate(matrix, start=min_row)
        for c, color in enumerate(row, start=min_col)
        if color is not ...
    }
    expected = {
        (row, col): "#" + STYLES[style]["fill"]
        for row, col, _, style, first in shown(spec)
        if first and "fill" in STYLES[style] and row not in spec.copied_rows and row <= spec.last_row
    }
    assert coloured == expected


def test_no_fill_no_matrix():
    spec = SheetSpec("x", (10,), (Block(1, 1, (("a",),), "cell"),), {1: 28})
    assert fill_matrix(spec) is None
