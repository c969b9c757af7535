"""The sheet descriptions' own wording (their content is checked through the generator)."""

from __future__ import annotations

import pytest

from ita_xl.core.analysis import TrendPoint
from ita_xl.core.sheets import _change


@pytest.mark.parametrize(
    ("point", "text"),
    [
        (TrendPoint(2566, 90.0, None), "-"),
        (TrendPoint(2567, 92.5, 2.5), "เพิ่มขึ้น 2.50 คะแนน"),
        (TrendPoint(2568, 88.0, -4.5), "ลดลง 4.50 คะแนน"),
        (TrendPoint(2568, 88.0, 0.001), "เท่าเดิม"),
    ],
)
def test_change_from_the_previous_year_in_words(point, text):
    assert _change(point) == text
