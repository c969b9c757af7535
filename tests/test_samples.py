"""ita_xl/core/samples.py: each sample is what its seed report prints, errors included.

The expected figures are ITA_REFERENCE.md's (seeds and "Known errors in the seeds"), and,
where the seeds are present (shared/seeds), every figure a sample types is looked up in
its seed's own text (Thai digits read as Arabic), so a mistyped figure fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ita_xl.core.inputs import UnitInputs
from ita_xl.core.samples import SAMPLE_FILES, SAMPLES

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path("/work/shared/seeds")
THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def number(value) -> float:
    return float(str(value).translate(THAI))


# ITA_REFERENCE.md: seed, unit, fiscal year, figures as printed (known errors kept).
REFERENCE = [
    ("000", "องค์การบริหารส่วนตำบลแก้ง", 2563, [76.43], "B", 6),
    ("001", "องค์การบริหารส่วนตำบลขามป้อม", 2567, [97.80, 95.70], "A", None),
    ("002", "องค์การบริหารส่วนตำบลศรีสะเกษ", 2562, [83.31], "B", None),
    ("003", "องค์การบริหารส่วนตำบลคลองนกกระทุง", 2567, [98.23], "ผ่านดี", None),
    ("004", "เทศบาลตำบลเขาย้อย", 2568, [98.50, 88.50], "ผ่านดีเยี่ยม", None),
]


def test_one_sample_per_seed_and_the_fy2569_example():
    assert set(SAMPLES) == {"000", "001", "002", "003", "004", "2569"}
    assert set(SAMPLE_FILES) == set(SAMPLES)
    assert all(isinstance(unit, UnitInputs) for unit in SAMPLES.values())


@pytest.mark.parametrize(("seed", "name", "year", "totals", "rating", "below"), REFERENCE)
def test_printed_figures_are_the_seeds(seed, name, year, totals, rating, below):
    unit = SAMPLES[seed]
    assert unit.name == name
    assert unit.fiscal_year == year
    assert [number(p.value) for p in unit.printed_totals] == totals
    assert unit.printed_rating is not None and unit.printed_rating.value == rating
    printed_below = unit.printed_below_target
    assert (printed_below.value if printed_below else None) == below
    assert all(p.source for p in unit.printed_totals), "each printed figure says where it is printed"


@pytest.mark.parametrize(("seed", "year"), [(s, y) for s, _, y, *_ in REFERENCE] + [("2569", 2569)])
def test_file_name_carries_the_samples_fiscal_year(seed, year):
    assert SAMPLE_FILES[seed].startswith(f"ITA_{year}_") and SAMPLE_FILES[seed].endswith(".xlsx")
    assert SAMPLES[seed].fiscal_year == year


def test_seed_000_keeps_the_printed_oit_weight_of_30():
    """ITA_REFERENCE.md: seed 000 prints OIT's weight as 30% (weights then sum to 90): a printed
    figure to check, never the rules (issue 14: the sample must generate)."""
    printed = {code: p.value for code, p in SAMPLES["000"].printed_weights.items()}
    assert printed == {"IIT": 30, "EIT": 30, "OIT": 30}
    assert SAMPLES["000"].weights is None  # the year's rules apply


def test_seed_001_tool_scores():
    assert dict(SAMPLES["001"].tools) == {"IIT": 99.73, "EIT1": 99.74, "EIT2": 93.44, "OIT": 97.50}


def test_seed_003_keeps_i7_as_printed():
    """ITA_REFERENCE.md: i7 printed 96.50 where 96.55 is needed; the sample types 96.50."""
    assert SAMPLES["003"].questions["i7"] == 96.50
    # The seed prints both o1 and o22 as 100 (lines ~173 and ~224; issue 14 finding 9).
    assert SAMPLES["003"].questions["o1"] == 100 and SAMPLES["003"].questions["o22"] == 100


def test_seed_004_is_typed_as_thai_digit_text():
    indicators = SAMPLES["004"].indicators
    assert all(isinstance(v, str) and re.fullmatch(r"[๐-๙]+\.[๐-๙]{2}", v) for v in indicators.values())
    assert [number(indicators[n]) for n in range(1, 11)] == [
        97.61, 97.91, 99.20, 97.42, 98.51, 97.20, 96.64, 96.81, 100.0, 100.0
    ]  # fmt: skip
    assert set(SAMPLES["004"].questions) >= {f"o{n}" for n in range(1, 29)}  # FY2568: 28 OIT items


def test_fy2569_is_a_fictional_unit_said_to_be_so():
    unit = SAMPLES["2569"]
    assert "สมมติ" in unit.name
    assert set(k for k in unit.questions if k.startswith("o")) == {f"o{n}" for n in range(1, 27)}  # 26 items


def _figures(unit: UnitInputs) -> list[float]:
    values = [*unit.indicators.values(), *unit.tools.values(), *(p.value for p in unit.printed_totals)]
    values += [v for k, v in unit.questions.items() if k[0] in "ie"]
    return [number(v) for v in values if v is not None]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_every_typed_figure_is_printed_in_the_seed(seed):
    files = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not files:
        pytest.skip("the seed reports (shared/seeds) are not on this machine")
    text = files[0].read_text(encoding="utf-8").translate(THAI)
    printed = {float(m) for m in re.findall(r"\d+\.\d\d", text)}
    # a whole score may be printed without decimals (seed 004 prints e9 as "96")
    printed |= {float(m) for m in re.findall(r"(?<![\d.])\d{2}(?![\d.])", text)}
    missing = sorted({v for v in _figures(SAMPLES[seed]) if v != 100 and v not in printed})
    assert missing == []
    assert str(SAMPLES[seed].fiscal_year) in text
