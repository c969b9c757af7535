"""ita_xl/core/pipeline.py: ``plan`` on grids built in memory, and the sheet digests.

The grids are the checked-in sample workbooks' values, read once (never written) and then
changed in memory the way a person changes a book: a sheet deleted, a sheet of their own
named like ours, a generated sheet edited by hand. Excel stores a number typed into a cell
as a number (in a General-format cell "98.50" becomes 98.5 and "50%" becomes 0.5), while a
reader may hand back the text it showed, so the digest must treat 98.5 and "98.50" alike.
"""

from __future__ import annotations

import copy
from functools import cache

import pytest
from openpyxl import load_workbook

from ita_xl.build import workbooks as build
from ita_xl.core import pipeline
from ita_xl.core.document import GENERATED_SHEETS
from ita_xl.core.layout import CHOICES, CRITERIA, HISTORY, PASTE, SCORES, UNIT
from ita_xl.core.pipeline import (
    DIGEST_CELL,
    DIGEST_PREFIX,
    ERROR,
    compared_value,
    grid_digest,
    plan,
    sheet_edited,
)
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import ANALYSIS, MARKER, MEASURES

INPUT_SHEETS = [UNIT, SCORES, HISTORY, CRITERIA]


@cache
def _sample_grids(seed: str) -> dict[str, list[list]]:
    wb = load_workbook(build.WORKBOOKS / "samples" / SAMPLE_FILES[seed], read_only=True)
    try:
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def book(seed: str = "004") -> dict[str, list[list]]:
    return copy.deepcopy(_sample_grids(seed))


def run(sheets: dict[str, list[list]], markers: dict[str, object] | None = None):
    markers = markers or {}
    return plan(sheets.__getitem__, list(sheets), lambda name: markers.get(name))


def generated(seed: str = "004") -> dict[str, list[list]]:
    """The sample's book with our two sheets as a first run wrote them."""
    sheets = book(seed)
    outcome = run(sheets)
    assert outcome.ok
    for spec in outcome.specs:
        sheets[spec.name] = spec.value_grid()
    return sheets


OURS = dict.fromkeys(GENERATED_SHEETS, MARKER)


def test_the_sample_books_have_the_four_input_sheets_and_the_paste_sheet():
    """And the optional choice of measures (ปรับมาตรการ) after them, then the paste sheet."""
    assert list(_sample_grids("004")) == [*INPUT_SHEETS, CHOICES, PASTE]


@pytest.mark.parametrize("seed", ["001", "003", "004", "2569"])
def test_a_valid_book_plans_every_sheet_with_a_digest(seed):
    outcome = run(book(seed))
    assert outcome.ok and outcome.errors == [] and outcome.edited == ()
    assert [spec.name for spec in outcome.specs] == list(GENERATED_SHEETS)
    for spec in outcome.specs:
        grid = spec.value_grid()
        r, c = DIGEST_CELL
        assert grid[0][25] == MARKER  # Z1
        assert grid[r - 1][c - 1].startswith(DIGEST_PREFIX)
        assert not sheet_edited(grid)


@pytest.mark.parametrize("missing", INPUT_SHEETS)
def test_a_missing_sheet_is_an_error_naming_it(missing):
    sheets = book()
    del sheets[missing]
    outcome = run(sheets)
    assert not outcome.ok and outcome.report is None and outcome.specs == ()
    assert any(missing in f.th and f.severity == ERROR for f in outcome.errors)


@pytest.mark.parametrize("name", GENERATED_SHEETS)
def test_a_users_own_sheet_with_our_name_is_refused(name):
    """Never overwrite what the user made (GUIDE.md): a sheet without our marker stops the run."""
    sheets = book()
    sheets[name] = [["บันทึกของฉัน"], [None, 98.5]]
    outcome = run(sheets, markers={})
    assert not outcome.ok and outcome.report is None and outcome.specs == ()
    refusal = [f for f in outcome.errors if f.sheet == name]
    assert len(refusal) == 1 and refusal[0].cell == "A1"
    assert f"มีชีตชื่อ “{name}” อยู่แล้วและไม่ได้สร้างโดย ita-xl" in refusal[0].th


def test_a_users_sheet_named_analysis_is_refused_even_with_another_marker():
    sheets = book()
    sheets[ANALYSIS] = [["x"]]
    outcome = run(sheets, markers={ANALYSIS: "ita-xl:generated:0"})
    assert [f.sheet for f in outcome.errors] == [ANALYSIS]


def test_an_unedited_generated_sheet_is_not_reported():
    outcome = run(generated(), OURS)
    assert outcome.ok and outcome.edited == ()


def _first_text_cell(grid: list[list]) -> tuple[int, int]:
    """The first cell holding text that is neither the marker nor the digest."""
    return next(
        (r, c)
        for r, row in enumerate(grid)
        for c, value in enumerate(row)
        if isinstance(value, str)
        and value.strip()
        and (r, c) not in {(0, 25), (DIGEST_CELL[0] - 1, DIGEST_CELL[1] - 1)}
    )


def _type_over(grid: list[list]) -> None:
    r, c = _first_text_cell(grid)
    grid[r][c] = grid[r][c] + " (แก้ไขด้วยมือ)"


def _add_below(grid: list[list]) -> None:
    grid.append([None, None, "หมายเหตุเพิ่ม"])


def _clear(grid: list[list]) -> None:
    r, c = _first_text_cell(grid)
    grid[r][c] = None


@pytest.mark.parametrize("name", GENERATED_SHEETS)
@pytest.mark.parametrize("edit", [_type_over, _add_below, _clear])
def test_an_edited_generated_sheet_is_detected_by_its_digest(name, edit):
    sheets = generated()
    edit(sheets[name])
    outcome = run(sheets, OURS)
    assert outcome.edited == (name,)
    assert outcome.ok  # an edit is reported, it does not stop the plan (the adapter keeps the user's copy)


def test_a_changed_number_is_an_edit():
    sheets = generated()
    grid = sheets[ANALYSIS]
    r, c = next((r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if isinstance(v, float))
    grid[r][c] = grid[r][c] + 0.01
    assert run(sheets, OURS).edited == (ANALYSIS,)


def test_a_sheet_without_its_digest_counts_as_edited():
    """No digest: the run cannot tell, so it treats the sheet as the user's."""
    sheets = generated()
    r, c = DIGEST_CELL
    sheets[MEASURES][r - 1][c - 1] = None
    assert run(sheets, OURS).edited == (MEASURES,)
    assert sheet_edited([]) and sheet_edited([[None]])


# --------------------------------------------------------------------------- digests


@pytest.mark.parametrize(
    ("as_written", "as_stored"),
    [
        (98.5, "98.50"),  # number typed as text: Excel stores the number
        (98.5, " 98.5 "),
        (100, 100.0),  # a whole number read back as a float
        (100, "100"),
        (0.5, "50%"),  # a percentage typed as text: Excel stores 0.5
        ("ผ่านดีเยี่ยม", " ผ่านดีเยี่ยม "),  # surrounding spaces are not an edit
        (None, ""),  # an empty string is a blank cell
        (None, "   "),
    ],
)
def test_the_digest_is_stable_under_excels_storage(as_written, as_stored):
    assert compared_value(as_written) == compared_value(as_stored)
    assert grid_digest([["หัวข้อ", as_written]]) == grid_digest([["หัวข้อ", as_stored]])


def test_a_generated_sheet_with_numbers_stored_as_text_is_not_edited():
    sheets = generated()
    grid = sheets[ANALYSIS]
    changed = 0
    for row in grid:
        for c, value in enumerate(row):
            if isinstance(value, float) and not isinstance(value, bool):
                row[c] = f"{value:.2f}" if round(value, 2) == value else repr(value)
                changed += 1
    assert changed > 0
    assert run(sheets, OURS).edited == ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ([["98.50"]], [["98.51"]]),
        ([[1, 2]], [[2, 1]]),  # a value moved to another cell
        ([["ผ่าน"]], [["ผ่านดี"]]),
        ([[True]], [[1]]),  # a logical value is not the number 1
        ([[None, "x"]], [["x"]]),
    ],
)
def test_the_digest_tells_different_sheets_apart(a, b):
    assert grid_digest(a) != grid_digest(b)


def test_the_digest_leaves_out_its_own_cell_and_trailing_blanks():
    assert grid_digest([["a", None]], skip=(1, 2)) == grid_digest([["a"]])
    assert grid_digest([["a", "ita-xl:digest:x"]], skip=(1, 2)) == grid_digest([["a"], [None, None]])


def test_the_read_rectangle_is_far_outside_the_template():
    assert pipeline.READ_ROWS >= 1000 and pipeline.READ_COLUMNS >= 26  # column Z holds the marker
