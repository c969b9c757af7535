"""Paired timing: a subject against an independent floor, measured in the same run.

Each pair times the floor and the subject back to back, alternating which goes first, so
that a slow moment of the machine (another process, a CPU frequency change) hits both. The
figure is the median of the pairs' ratios (subject / floor), printed with the spread of the
ratios (min–max and the interquartile range). Nothing here asserts a time: machines differ,
and a speed target is checked by reading the printed figure, never by a timed test.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Paired:
    """The ratios of ``pairs`` paired runs and the median absolute times."""

    ratios: tuple[float, ...]
    floor_seconds: float
    subject_seconds: float

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def spread(self) -> str:
        low, high = min(self.ratios), max(self.ratios)
        q1, _, q3 = statistics.quantiles(self.ratios, n=4, method="inclusive")
        return f"min–max {low:.2f}–{high:.2f}, IQR {q1:.2f}–{q3:.2f}"


def _seconds(function: Callable[[], object]) -> float:
    """One run, with the garbage collector off as ``timeit`` does (collected between runs)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    finally:
        gc.enable()


def paired(floor: Callable[[], object], subject: Callable[[], object], pairs: int = 9) -> Paired:
    """Time ``pairs`` interleaved runs of ``floor`` and ``subject`` (one warm-up each first)."""
    if pairs < 7:
        raise ValueError("the figures are medians of at least 7 paired runs")
    floor()
    subject()
    floors, subjects = [], []
    for n in range(pairs):
        if n % 2:
            subjects.append(_seconds(subject))
            floors.append(_seconds(floor))
        else:
            floors.append(_seconds(floor))
            subjects.append(_seconds(subject))
    ratios = tuple(s / f for s, f in zip(subjects, floors, strict=True))
    return Paired(ratios, statistics.median(floors), statistics.median(subjects))


def line(name: str, result: Paired, target: float) -> str:
    """One printed row: the median ratio, its spread, the absolute medians and the verdict."""
    verdict = "meets" if result.median <= target else f"MISSES by {result.median / target:.2f}x"
    return (
        f"  {name:<44} {result.median:6.2f}x  ({result.spread})  "
        f"subject {result.subject_seconds * 1000:8.1f} ms, floor {result.floor_seconds * 1000:8.1f} ms  "
        f"target <= {target}x: {verdict}"
    )
