"""Page layout of the printed sheets (ita_xl/core/page.py), against Excel's documented rules.

* A column's width in pixels: Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW),
  MDW the maximum digit width of the Normal font, 7 pixels for Calibri 11 at 96 dpi; the
  standard's own example: 8 characters of Calibri 11 are a ``width`` of 8.7109375, 61 pixels
  (ECMA-376 Part 1 §18.3.1.13 col).
* A manual row break is a ``brk`` whose zero-based ``id`` is the row above which the page
  breaks (§18.3.1.3 brk, in §18.3.1.74 rowBreaks); a page prints its rows at the pageSetup
  ``scale`` (§18.3.1.63; Excel's PageSetup.Zoom, 10 to 400 percent).
"""

from __future__ import annotations

import itertools

import pytest

from ita_xl.core import page
from ita_xl.core.page import Flow, lay_out


def test_column_width_in_points_follows_the_standards_example():
    assert page.column_points(8.7109375) == 61 * 0.75  # 8 digits of 7 px + 5 px padding


def test_the_scale_fits_the_columns_one_page_wide_and_no_larger_scale_would():
    widths = (11, 14, 50, 14, 18, 34)  # the analysis sheet
    printable = page.A4_POINTS[0] - 2 * page.SIDE_MARGIN_INCHES * 72
    sheet = sum(page.column_points(w) for w in widths)
    scale = page.print_scale(widths)
    assert sheet * scale / 100 <= printable * page.WIDTH_SLACK < sheet * (scale + 1) / 100
    assert page.print_scale((5,)) == 100  # a narrow sheet is never enlarged
    # Figures from outside the code: the columns are 77 + 98 + 350 + 98 + 126 + 238 = 987 pixels
    # by §18.3.1.13's formula worked by hand (740.25 pt), A4 less two 0.4-inch margins is
    # 537.68 pt, and LibreOffice, measured, prints the sheet one page wide at 68 percent and not
    # at 69 (page.WIDTH_SLACK's note; tests/test_render_lo.py prints it).
    assert sheet == 987 * 0.75 and printable == pytest.approx(537.68, abs=0.01)
    assert scale == 68


def test_a_page_holds_the_printable_height_at_the_scale():
    # A4 is 297 mm = 841.89 pt; 0.75 inch margins above and below leave 733.89 pt at 100 %.
    assert page.page_height(100) == pytest.approx(841.89 - 108, abs=0.01)
    assert page.page_height(50) == pytest.approx(2 * (841.89 - 108), abs=0.01)
    assert page.page_height(100, landscape=True) == pytest.approx(595.28 - 108, abs=0.01)


def test_rows_are_drawn_in_whole_pixels():
    assert page.drawn_height(28) == 28.5  # 37.33 px -> 38 px
    assert page.drawn_height(24.75) == 24.75


def _pages(rows, starts):
    bounds = [0, *starts, len(rows)]
    return [rows[a:b] for a, b in itertools.pairwise(bounds)]


@pytest.mark.parametrize(
    ("heights", "flow", "pages"),
    [
        # fits: one page
        ([30] * 3, Flow(), [[(1, False), (2, False), (3, False)]]),
        # row 3 does not fit: it starts page two
        ([45] * 4, Flow(), [[(1, False), (2, False)], [(3, False), (4, False)]]),
        # row 2 is a heading: it never ends a page, it moves with row 3
        (
            [45] * 4,
            Flow(keep_with_next=frozenset({2})),
            [[(1, False)], [(2, False), (3, False)], [(4, False)]],
        ),
        # a chain of headings (section heading, table heading) moves together
        (
            [30, 30, 30, 30],
            Flow(keep_with_next=frozenset({2, 3})),
            [[(1, False)], [(2, False), (3, False), (4, False)]],
        ),
        # a break inside a table (heading row 1, rows 2-5): the heading repeats on the new page
        (
            [30] * 5,
            Flow(keep_with_next=frozenset({1}), tables=((1, 1, 5),)),
            [[(1, False), (2, False), (3, False)], [(1, True), (4, False), (5, False)]],
        ),
        # a range kept together moves whole to the next page
        (
            [30] * 5,
            Flow(together=((3, 4),)),
            [[(1, False), (2, False)], [(3, False), (4, False), (5, False)]],
        ),
        # a row taller than a page gets a page of its own and nothing is lost
        ([30, 200, 30], Flow(), [[(1, False)], [(2, False)], [(3, False)]]),
        # a page that opens with a heading (row 2) whose next row does not fit after it: the
        # break goes before row 3, never back above the page's first row (Flow.cut's guard;
        # without it the page would start at row 2 again and again, and lay_out never end)
        (
            [60, 30, 90, 30],
            Flow(keep_with_next=frozenset({2})),
            [[(1, False)], [(2, False)], [(3, False)], [(4, False)]],
        ),
    ],
)
def test_lay_out(heights, flow, pages):
    rows, starts = lay_out(heights, 100, flow)
    assert _pages(rows, starts) == pages


def test_a_heading_at_the_top_of_a_page_is_not_moved_again():
    # the heading opens the page already: the break stays before the row that does not fit
    rows, starts = lay_out([60, 30, 30, 60], 100, Flow(keep_with_next=frozenset({2})))
    assert _pages(rows, starts) == [[(1, False)], [(2, False), (3, False)], [(4, False)]]
