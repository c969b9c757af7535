"""Column widths as Excel draws them (``ita_xl.core.page.width_pixels``, which ``ita_xl.xlsx.carry``
uses), against ECMA-376 Part 1
§18.3.1.13 (col): pixels = Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW), and its
worked example for Calibri 11 (maximum digit width 7 pixels): 8.43 characters are stored as
width 9.140625 (Truncate([8.43 * 7 + 5] / 7 * 256) / 256) and drawn 64 pixels wide (8.43 * 7 + 5).
The refresh of the tracking sheet keeps a width staff set, and only one that Excel draws
differently from ita-xl's: these cases are what "differently" means.
"""

from __future__ import annotations

import pytest

from ita_xl.xlsx.carry import width_pixels


@pytest.mark.parametrize(
    ("width", "pixels"),
    [
        (9.140625, 64),  # the standard's own example: 8.43 characters
        (10, 70),  # ita-xl's รหัส column as openpyxl stores it (9.29 characters in Excel)
        (45.7109375, 320),  # 45 characters typed in Excel's Column Width box: 45 * 7 + 5
        (0, 0),
    ],
)
def test_widths_in_pixels_as_excel_draws_them(width, pixels):
    assert width_pixels(width) == pixels


def test_widths_excel_draws_alike_are_the_same_and_a_pixel_apart_are_not():
    assert width_pixels(10) == width_pixels(10.05)  # stored with other decimals, drawn alike
    assert width_pixels(10) != width_pixels(10 + 1 / 7)  # one pixel wider: staff widened it
