"""The trend in words: this year's total against the nearest earlier year's, and whether the
totals have risen or fallen every year since the first one given.

Said only where the figures are there: two years or more with a total, this year's among
them; otherwise nothing (the trend table says which totals are missing). Each sentence is a
recorded claim (``ita_xl.core.claims``), its condition in tests/test_claims.py. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from ita_xl.core.claims import ClaimLog
from ita_xl.core.figures import format_number, round2

if TYPE_CHECKING:
    from ita_xl.core.analysis import TrendPoint


def trend_line(trend: Sequence[TrendPoint], year: int, log: ClaimLog) -> str:
    """``คะแนนรวมปี 2569 เพิ่มขึ้นจากปี 2568 1.00 คะแนน เป็น 94.10 คะแนน …``, or "" without two totals."""
    totals = [(p.fiscal_year, p.total) for p in trend if p.total is not None]
    if len(totals) < 2 or totals[-1][0] != year:
        return ""
    (before, previous), (_, total) = totals[-2], totals[-1]
    change = round2(total) - round2(previous)
    key = "trend.line_same" if change == 0 else "trend.line_up" if change > 0 else "trend.line_down"
    facts = {"year": year, "total": total, "previous_year": before, "previous": previous}
    text = log.say(
        key,
        facts,
        year=year,
        total=format_number(total),
        previous_year=before,
        previous=format_number(previous),
        change=format_number(abs(change)),
    )
    steps = [round2(b) - round2(a) for (_, a), (_, b) in pairwise(totals)]
    if len(steps) >= 2 and (all(s > 0 for s in steps) or all(s < 0 for s in steps)):
        (first, start) = totals[0]
        key = "trend.steady_up" if steps[0] > 0 else "trend.steady_down"
        text += " " + log.say(key, {"years": [y for y, _ in totals]}, first=first, start=format_number(start))
    return text
