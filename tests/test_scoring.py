"""The pure scoring core, table-driven per fiscal year."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, round2
from ita_xl.core.framework import available_years, load_framework
from ita_xl.core.scoring import (
    RatingScale,
    ToolScores,
    assess,
    average,
    extremes,
    hundredths,
    indicator_scores,
    pass_fail,
    rate,
    tool_scores,
    weighted_part,
    weighted_total,
    weighted_total_of,
)
from tests.conftest import SEED_000, SEED_001_TOOLS, SEED_004

YEARS = available_years()
AA_F_YEARS = [y for y in YEARS if not load_framework(y).uses_tool_conditions]
PASS_YEARS = [y for y in YEARS if load_framework(y).uses_tool_conditions]
score = st.floats(min_value=0, max_value=100, allow_nan=False, allow_infinity=False)


# --------------------------------------------------------------------------- seeds


def test_seed_000_gives_76_42_rating_b_and_accepts_the_printed_76_43():
    result = assess(load_framework(2563), indicators=SEED_000)
    assert {k: round2(v) for k, v in result.tools.values.items()} == {
        "IIT": Decimal("84.80"),
        "EIT": Decimal("78.53"),
        "OIT": Decimal("68.56"),
    }
    assert round2(result.total.value) == Decimal("76.42")
    assert result.rating.level == "B"
    assert agrees(76.43, result.total.value)
    assert not agrees(76.44, result.total.value)


def test_seed_000_with_the_printed_oit_weight_of_30_is_refused():
    with pytest.raises(ItaError, match="sum to 90"):
        weighted_total_of([84.804, 78.53, 68.56], [30, 30, 30])


def test_seed_004_gives_98_50_excellent_pass():
    result = assess(load_framework(2568), indicators=SEED_004)
    assert round2(result.total.value) == Decimal("98.50")
    assert result.rating.level == "ผ่านดีเยี่ยม"
    # The EIT parts were not given separately: the level is right but says so.
    assert result.rating.provisional
    assert result.tools.stand_ins == {"EIT1", "EIT2"}
    assert not agrees(88.50, result.total.value)  # the memo's figure


def test_seed_004_with_both_eit_parts_typed_is_final():
    result = assess(load_framework(2568), indicators=SEED_004, tools={"EIT1": 96.5, "EIT2": 97.27})
    assert not result.rating.provisional
    assert result.rating.level == "ผ่านดีเยี่ยม"
    assert result.tools.stand_ins == frozenset()


def test_seed_001_tools_give_a_good_pass_and_neither_printed_total():
    fw = load_framework(2567)
    total = weighted_total(SEED_001_TOOLS, fw)
    assert round2(total.value) == Decimal("97.90")
    assert not agrees(97.80, total.value) and not agrees(95.70, total.value)
    rating = rate(total.value, fw, SEED_001_TOOLS)
    assert rating.level == "ผ่านดี"  # not "A": that is the other scale
    # in words, as the report says it (review_code7 C4: was "EIT ส่วนที่ 2 = 93.44 < 95")
    assert "EIT ส่วนที่ 2 ได้ 93.44 คะแนน ต่ำกว่า 95 คะแนน" in rating.reason_th


def test_seed_003_questions_recompute_indicator_3_only_with_i7_at_96_55():
    fw = load_framework(2567)
    printed = {"i7": 96.50, "i8": 100, "i9": 100}
    assert not agrees(98.85, indicator_scores(printed, fw)[3])
    assert agrees(98.85, indicator_scores({**printed, "i7": 96.55}, fw)[3])


# --------------------------------------------------------------------------- averages


@pytest.mark.parametrize(
    ("values", "kwargs", "expected"),
    [
        ([90, 100], {}, 95.0),
        ([90, None, "", "  ", 100], {}, 95.0),
        (["๙๐", "100"], {}, 95.0),
        (["ตัวชี้วัด", 90, "คะแนน", 100], {"skip_text": True}, 95.0),
        ([None, ""], {}, None),
        ([], {}, None),
        ([97.61, 98.21, 97.01], {}, 97.61),
    ],
)
def test_average_skips_blanks(values, kwargs, expected):
    result = average(values, **kwargs)
    assert (result if result is None else round(result, 10)) == expected


@pytest.mark.parametrize(
    ("values", "word"), [([90, 100.5], "100.5"), ([-1], "-1"), (["ตัวชี้วัด"], "ตัวชี้วัด"), ([True], "True")]
)
def test_average_rejects_out_of_range_and_text(values, word):
    with pytest.raises(ItaError) as caught:
        average(values)
    assert word in caught.value.th


@given(st.lists(st.one_of(score, st.none()), max_size=30))
def test_average_lies_within_its_inputs(values):
    result = average(values)
    present = [v for v in values if v is not None]
    if not present:
        assert result is None
    else:
        assert min(present) <= result <= max(present)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=10))
def test_average_rejects_any_value_outside_0_100(values):
    assume(any(not 0 <= v <= 100 for v in values))
    with pytest.raises(ItaError):
        average(values)


@given(st.text(min_size=1).filter(lambda s: s.strip() and not any(c.isdigit() for c in s)))
def test_average_rejects_text_that_is_not_a_number(text):
    with pytest.raises(ItaError):
        average([50, text])


# --------------------------------------------------------------------------- pipeline


def test_oit_indicator_is_the_mean_of_its_subindicators():
    fw = load_framework(2568)
    # 9.1 = o1-o4, 9.2 = o5-o11, 9.3 = o12-o13, 9.4 = o14-o16, 9.5 = o17-o20
    items = {f"o{n}": 100 for n in range(1, 21)}
    items["o12"] = 0  # 9.3 = 50; a flat item mean would give 95
    assert indicator_scores(items, fw)[9] == 90.0


def test_unknown_question_code_is_refused():
    with pytest.raises(ItaError, match="o29"):
        indicator_scores({"o29": 100}, load_framework(2568))


def test_tool_with_a_missing_indicator_is_not_scored():
    scores = dict(SEED_004)
    scores[3] = None
    tools = tool_scores(scores, load_framework(2568))
    assert tools["IIT"] is None
    assert tools["OIT"] == 100.0


@pytest.mark.parametrize(
    ("year", "tools", "missing", "low", "high"),
    [
        (2568, {"IIT": 90, "EIT1": 90, "EIT2": 90}, ("OIT",), 54.0, 94.0),
        (2563, {"IIT": 80, "OIT": 70}, ("EIT",), 52.0, 82.0),
    ],
)
def test_an_unscored_tool_makes_the_total_not_final_never_zero(year, tools, missing, low, high):
    fw = load_framework(year)
    total = weighted_total(tools, fw)
    assert total.value is None and not total.final
    assert total.missing == missing
    assert (total.low, total.high) == (low, high)
    result = assess(fw, tools=tools)
    assert result.rating is None
    assert "ยังไม่สิ้นสุด" in result.rating_problem.th


@pytest.mark.parametrize(
    ("weights", "word"),
    [([30, 30, 30], "90"), ([0.3, 0.3, 0.4], "0.3"), ([30, 30, -40], "3"), ([30, 30], "2 weights")],
)
def test_weights_that_do_not_sum_to_100_are_refused(weights, word):
    with pytest.raises(ItaError) as caught:
        weighted_total_of([80, 80, 80], weights)
    assert word in caught.value.en


@pytest.mark.parametrize("year", YEARS)
@given(data=st.data())
def test_total_lies_between_the_lowest_and_highest_tool(year, data):
    fw = load_framework(year)
    tools = {t.code: data.draw(score, label=t.code) for t in fw.tools}
    total = weighted_total(tools, fw)
    assert min(tools.values()) <= total.value <= max(tools.values())


# --------------------------------------------------------------------------- ratings

# (total, tool scores or None, level) on the FY2567+ scale.
PASS_EDGES = [
    (100, None, None),  # needs tool scores
    (95.00, {"IIT": 95, "EIT1": 95, "EIT2": 95, "OIT": 95}, "ผ่านดีเยี่ยม"),
    (95.00, {"IIT": 99, "EIT1": 94.99, "EIT2": 99, "OIT": 99}, "ผ่านดี"),
    (95.00, {"IIT": 99, "EIT1": 84.99, "EIT2": 99, "OIT": 99}, "ผ่าน"),
    (94.99, {"IIT": 95, "EIT1": 95, "EIT2": 95, "OIT": 95}, "ผ่านดี"),
    (85.00, {"IIT": 85, "EIT1": 85, "EIT2": 85, "OIT": 85}, "ผ่านดี"),
    (85.00, {"IIT": 90, "EIT1": 84.99, "EIT2": 90, "OIT": 80}, "ผ่าน"),
    (85.00, {"IIT": 90, "EIT1": 90, "EIT2": 90, "OIT": 84.99}, "ผ่าน"),
    (84.99, None, "ต้องปรับปรุง"),
    (84.994, None, "ต้องปรับปรุง"),
    (84.995, {"IIT": 85, "EIT1": 85, "EIT2": 85, "OIT": 85}, "ผ่านดี"),  # rounds to 85.00
    (70.00, None, "ต้องปรับปรุง"),
    (69.99, None, "ต้องปรับปรุงโดยด่วน"),
    (0, None, "ต้องปรับปรุงโดยด่วน"),
]
AA_F_EDGES = [
    (100, "AA"),
    (95.00, "AA"),
    (94.99, "A"),
    (85.00, "A"),
    (84.99, "B"),
    (75.00, "B"),
    (74.99, "C"),
    (65.00, "C"),
    (64.99, "D"),
    (55.00, "D"),
    (54.99, "E"),
    (50.00, "E"),
    (49.99, "F"),
    (0, "F"),
]


#: The scale of each year, typed from ITA_REFERENCE.md ("Rating scales"), not read from the
#: framework files: AA–F for FY2562–2565; the five levels from the FY2566 assessment on (the
#: NACC changed the Rating Score in 2023; Thai PBS's FY2566 95.81 was published as ผ่านดี).
SCALE_OF_YEAR = {
    2562: "AA-F",
    2563: "AA-F",
    2564: "AA-F",
    2565: "AA-F",
    2566: "five",
    2567: "five",
    2568: "five",
    2569: "five",
}


def test_every_year_has_an_expected_scale():
    assert sorted(SCALE_OF_YEAR) == YEARS


def _all(score: float) -> dict[str, float]:
    return {"IIT": score, "EIT1": score, "EIT2": score, "OIT": score}


#: Every band edge of the five-level scale with a tool at each tool edge.
FIVE_LEVEL_EDGES = [
    *PASS_EDGES,
    (95.00, {**_all(99), "OIT": 95.00}, "ผ่านดีเยี่ยม"),
    (95.00, {**_all(99), "OIT": 94.99}, "ผ่านดี"),
    (95.00, {**_all(99), "IIT": 85.00}, "ผ่านดี"),
    (95.00, {**_all(99), "IIT": 84.99}, "ผ่าน"),
    (94.99, _all(95), "ผ่านดี"),
    (94.99, {**_all(95), "EIT2": 85.00}, "ผ่านดี"),
    (94.99, {**_all(95), "EIT2": 84.99}, "ผ่าน"),
    (84.99, _all(95), "ต้องปรับปรุง"),
    (69.99, _all(95), "ต้องปรับปรุงโดยด่วน"),
    # Thai PBS: FY2566 95.81 was published as ผ่านดี (tools invented, one below 95)
    (95.81, {"IIT": 97.00, "EIT1": 96.00, "EIT2": 92.00, "OIT": 96.50}, "ผ่านดี"),
]


@pytest.mark.parametrize("year", [y for y, scale in SCALE_OF_YEAR.items() if scale == "five"])
@pytest.mark.parametrize(("total", "tools", "level"), FIVE_LEVEL_EDGES)
def test_five_level_band_edges(year, total, tools, level):
    fw = load_framework(year)
    if level is None:
        with pytest.raises(ItaError, match="tool scores"):
            rate(total, fw, tools)
    else:
        assert rate(total, fw, tools).level == level


@pytest.mark.parametrize("year", [y for y, scale in SCALE_OF_YEAR.items() if scale == "AA-F"])
@pytest.mark.parametrize(("total", "level"), AA_F_EDGES)
def test_aa_to_f_band_edges(year, total, level):
    fw = load_framework(year)
    assert rate(total, fw).level == level
    # tool scores do not matter on AA–F
    codes = [t.code for t in fw.tools]
    assert rate(total, fw, dict.fromkeys(codes, 84.99)).level == level


def test_fy2566_is_no_longer_rated_a():
    """The issue's case: ``ita-xl score --year 2566 IIT=96 EIT1=96 EIT2=96 OIT=90`` → ผ่านดี (93.60)."""
    result = assess(load_framework(2566), tools={"IIT": 96, "EIT1": 96, "EIT2": 96, "OIT": 90})
    assert round2(result.total.value) == Decimal("93.60")
    assert result.rating.level == "ผ่านดี"


def test_rating_reason_names_the_tool_that_holds_it_back():
    rating = rate(96.35, load_framework(2568), {"IIT": 99.73, "EIT1": 99.74, "EIT2": 83.10, "OIT": 97.5})
    assert rating.level == "ผ่าน"
    assert rating.reason_en == "ผ่าน, not ผ่านดี, because EIT part 2 = 83.10 < 85"
    assert rating.reason_th == "EIT ส่วนที่ 2 ได้ 83.10 คะแนน ต่ำกว่า 85 คะแนน จึงไม่ถึงระดับผ่านดี"  # words, no symbols


def test_rating_reason_of_passdee_below_95_reads_as_the_printed_scale():
    """Thai review 8 N3. ITA_REFERENCE.md "Rating scales" (FY2566 on): ผ่านดี is a total of
    85.00–100 with every tool at 85 or more, ผ่านดีเยี่ยม 95.00–100 with every tool at 95 or more.
    A total of 94.10 is ผ่านดี because it is below 95, not because it is "in 85–94.99" (a
    range the scale does not print). Above 95 with a tool below 95, the tool is named."""
    tools = {"IIT": 95.62, "EIT1": 95.77, "EIT2": 91.45, "OIT": 93.33}  # the FY2569 sample
    rating = rate(94.10, load_framework(2569), tools)
    assert rating.level == "ผ่านดี"
    assert rating.reason_th == ("คะแนนรวมต่ำกว่า 95 คะแนน จึงไม่ถึงระดับผ่านดีเยี่ยม และทุกเครื่องมือได้คะแนน 85 คะแนนขึ้นไป")
    assert rating.reason_en == "total 94.10 is below 95 and every tool is at least 85"
    top = rate(97, load_framework(2569), {"IIT": 96, "EIT1": 96, "EIT2": 96, "OIT": 98})
    assert top.reason_th == "คะแนนรวมอยู่ในช่วง 95 ถึง 100 คะแนน และทุกเครื่องมือได้คะแนน 95 คะแนนขึ้นไป"


def test_rating_refuses_to_guess_with_an_unknown_tool():
    with pytest.raises(ItaError, match="EIT part 2"):
        rate(96, load_framework(2568), {"IIT": 99, "EIT1": 99, "OIT": 99})


def test_rating_decides_when_a_known_tool_already_settles_it():
    rating = rate(90, load_framework(2568), {"IIT": 99, "EIT1": 80, "OIT": 99})
    assert rating.level == "ผ่าน"


@pytest.mark.parametrize("total", [-0.01, 100.01, "abc"])
def test_rating_rejects_a_total_outside_0_100(total):
    with pytest.raises(ItaError):
        rate(total, load_framework(2563))


@pytest.mark.parametrize("year", YEARS)
@given(data=st.data())
def test_rating_is_monotone_in_the_total_for_fixed_tool_scores(year, data):
    fw = load_framework(year)
    tools = {t.code: data.draw(score, label=t.code) for t in fw.tools}
    low, high = sorted([data.draw(score, label="t1"), data.draw(score, label="t2")])
    assert fw.level_rank(rate(high, fw, tools).level) <= fw.level_rank(rate(low, fw, tools).level)


def test_stand_in_parts_make_only_conditional_ratings_provisional():
    fw = load_framework(2568)
    stand_in = ToolScores({"IIT": 60, "EIT1": 60, "EIT2": 60, "OIT": 60}, frozenset({"EIT1", "EIT2"}))
    assert not rate(60, fw, stand_in).provisional  # no tool condition in that band


# --------------------------------------------------------------------------- target


@pytest.mark.parametrize(
    ("value", "target", "passed", "gap"),
    [
        (85, 85, True, "0.00"),
        (84.99, 85, False, "-0.01"),
        (84.995, 85, True, "0.00"),
        (62.12, 85, False, "-22.88"),
        (100, 85, True, "15.00"),
        (90, 95, False, "-5.00"),
    ],
)
def test_pass_fail_with_gap(value, target, passed, gap):
    result = pass_fail(value, target)
    assert result.passed is passed
    assert result.gap == Decimal(gap)
    assert result.label == ("ผ่านเกณฑ์" if passed else "ไม่ผ่านเกณฑ์")


def test_extremes_of_seed_000():
    result = extremes(SEED_000, load_framework(2563).target)
    assert result.highest == (1,) and result.highest_score == Decimal("94.54")
    assert result.lowest == (9,) and result.lowest_score == Decimal("62.12")
    # The seed says 6 indicators are below 85; there are 7.
    assert result.below_target == (4, 5, 6, 7, 8, 9, 10)


def test_extremes_keep_ties_and_skip_blanks():
    result = extremes({"a": 100, "b": 100.0, "c": None, "d": 90})
    assert result.highest == ("a", "b")
    assert result.lowest == ("d",)
    with pytest.raises(ItaError):
        extremes({"a": None})


@pytest.mark.parametrize(
    ("score", "weight", "part"),
    [(99.73, 30, 29.919), (93.44, "15", 14.016), ("๑๐๐", 40, 40.0), (None, 30, None), ("", 30, None)],
)
def test_weighted_part(score, weight, part):
    assert weighted_part(score, weight) == part


def test_weighted_parts_add_up_to_the_total():
    fw = load_framework(2567)
    total = weighted_total(SEED_001_TOOLS, fw)
    parts = [weighted_part(SEED_001_TOOLS[t.code], t.weight) for t in fw.tools]
    assert agrees(sum(parts), total.value)


# --------------------------------------------------------------------------- one rounding, level alone


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (76.425, 7643),  # a tie as typed: half up, as the NACC prints (the float is below the tie)
        (1.005, 101),
        (84.995, 8500),
        (0.005, 1),
        (76.4249, 7642),
        (87.3545, 8735),
        (0.0, 0),
        (100.0, 10000),
        (99.994999, 9999),
        (85, 8500),
    ],
)
def test_hundredths_is_round2_in_hundredths(value, expected):
    assert hundredths(value) == expected == int(round2(value) * 100)


@given(score)
def test_hundredths_agrees_with_round2_on_any_score(value):
    assert hundredths(value) == int(round2(value) * 100)


@given(st.integers(0, 1_000_000))
def test_hundredths_agrees_with_round2_on_four_decimal_figures(ten_thousandths):
    value = ten_thousandths / 10_000
    assert hundredths(value) == int(round2(value) * 100)


tool_cell = st.one_of(score, st.none(), st.just(""), st.just("๙๕.๕๐"), st.just("abc"), st.just(101.0))


@pytest.mark.parametrize("year", YEARS)
@given(data=st.data())
def test_level_alone_is_the_level_of_the_full_rating(year, data):
    """``RatingScale.level`` (=ITA_RATING) gives ``rate``'s level, or the same error."""
    fw = load_framework(year)
    total = data.draw(st.one_of(score, st.just(95.0), st.just(84.995), st.just(-1.0), st.just("๘๕")))
    tools = data.draw(st.none() | st.lists(tool_cell, min_size=len(fw.tools), max_size=len(fw.tools)))
    given_tools = None if tools is None else dict(zip([t.code for t in fw.tools], tools, strict=True))
    try:
        expected = rate(total, fw, given_tools).level
    except ItaError as exc:
        with pytest.raises(ItaError) as raised:
            RatingScale(fw).level(total, tools)
        assert (raised.value.th, raised.value.en) == (exc.th, exc.en)
    else:
        assert RatingScale(fw).level(total, tools) == expected


@pytest.mark.parametrize(
    "module", ["ita_xl.core.scoring", "ita_xl.core.functions", "ita_xl.core.framework", "ita_xl.core.textfit"]
)
def test_the_rules_import_no_spreadsheet_or_table_library(module):
    """The worksheet functions' modules stay pure: checked in a fresh interpreter."""
    code = f"import sys, {module}; print(sorted({{m.split('.')[0] for m in sys.modules}} & {{'openpyxl', 'xlwings', 'pandas', 'numpy'}}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
