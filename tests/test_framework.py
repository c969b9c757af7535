"""The fiscal-year rules files: every shipped file loads, and every kind of break is named."""

from __future__ import annotations

import os
from decimal import Decimal
from importlib import resources

import pytest

from ita_xl.core import framework
from ita_xl.core.errors import FrameworkError
from ita_xl.core.framework import available_years, load_file, load_framework

SHIPPED = list(range(2562, 2570))


def shipped_text(year: int) -> str:
    return resources.files("ita_xl.frameworks").joinpath(f"fy{year}.toml").read_text(encoding="utf-8")


def test_every_year_from_2562_to_2569_ships():
    assert available_years() == SHIPPED


@pytest.mark.parametrize("year", SHIPPED)
def test_shipped_file_loads_with_ten_indicators_and_weights_of_100(year):
    fw = load_framework(year)
    assert fw.fiscal_year == year
    assert fw.target == Decimal(85)
    assert [i.number for i in fw.indicators] == list(range(1, 11))
    assert sum(t.weight for t in fw.tools) == 100
    assert {i.instrument for i in fw.indicators} == {"IIT", "EIT", "OIT"}


@pytest.mark.parametrize(
    ("year", "tools", "scale"),
    [
        (2562, {"IIT": 30, "EIT": 30, "OIT": 40}, "AA–F"),
        (2563, {"IIT": 30, "EIT": 30, "OIT": 40}, "AA–F"),
        (2564, {"IIT": 30, "EIT": 30, "OIT": 40}, "AA–F"),
        (2565, {"IIT": 30, "EIT": 30, "OIT": 40}, "AA–F"),
        (2566, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}, "ผ่านดีเยี่ยม–ต้องปรับปรุงโดยด่วน"),
        (2567, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}, "ผ่านดีเยี่ยม–ต้องปรับปรุงโดยด่วน"),
        (2568, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}, "ผ่านดีเยี่ยม–ต้องปรับปรุงโดยด่วน"),
        (2569, {"IIT": 30, "EIT1": 15, "EIT2": 15, "OIT": 40}, "ผ่านดีเยี่ยม–ต้องปรับปรุงโดยด่วน"),
    ],
)
def test_weights_and_scale_per_year(year, tools, scale):
    fw = load_framework(year)
    assert {t.code: t.weight for t in fw.tools} == tools
    assert fw.scale == scale
    assert fw.uses_tool_conditions is (year >= 2566)  # ITA_REFERENCE.md, "Rating scales"


@pytest.mark.parametrize(
    ("year", "iit", "eit", "oit", "subs"),
    [
        (2562, 30, 15, 0, {}),
        (2563, 30, 15, 43, {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5, "10.1": 8, "10.2": 2}),
        (2564, 30, 15, 43, {"9.1": 9, "9.2": 8, "9.3": 7, "9.4": 4, "9.5": 5, "10.1": 8, "10.2": 2}),
        (2565, 0, 0, 0, {}),
        (2566, 0, 0, 0, {}),
        (2567, 15, 9, 35, {"9.1": 6, "9.2": 7, "9.3": 4, "9.4": 4, "9.5": 4, "10.1": 8, "10.2": 2}),
        (2568, 15, 9, 28, {"9.1": 4, "9.2": 7, "9.3": 2, "9.4": 3, "9.5": 4, "10.1": 6, "10.2": 2}),
        # ITA_REFERENCE.md, "OIT FY2569": 9.1 o1-o4, 9.2 o5-o10, 9.3 o11-o12, 9.4 o13-o15,
        # 9.5 o16-o19, 10.1 o20-o24, 10.2 o25-o26
        (2569, 15, 9, 26, {"9.1": 4, "9.2": 6, "9.3": 2, "9.4": 3, "9.5": 4, "10.1": 5, "10.2": 2}),
    ],
)
def test_question_catalogues(year, iit, eit, oit, subs):
    fw = load_framework(year)
    by_prefix = {p: [q for q in fw.questions if q.code[0] == p] for p in "ieo"}
    assert (len(by_prefix["i"]), len(by_prefix["e"]), len(by_prefix["o"])) == (iit, eit, oit)
    assert {s.code: sum(q.subindicator == s.code for q in fw.questions) for s in fw.subindicators} == subs
    if year >= 2567:
        assert all(q.title for q in fw.questions)
        assert [q.code for q in fw.questions_of(1)] == ["i1", "i2", "i3"]
        assert [q.code for q in fw.questions_of(8)] == ["e7", "e8", "e9"]


@pytest.mark.parametrize(
    ("year", "code", "words"),
    [
        (2567, "i15", "ร้องเรียน"),
        (2567, "o34", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        (2567, "o35", "รายงานผล"),
        (2568, "o27", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"),
        (2568, "o10", "E-Service"),
        (2568, "e9", "ออนไลน์"),
    ],
)
def test_question_titles_from_the_seeds(year, code, words):
    assert words in load_framework(year).question(code).title


@pytest.mark.parametrize("year", [2567, 2568])
def test_seven_themes_cover_distinct_questions(year):
    fw = load_framework(year)
    assert [t.number for t in fw.themes] == list(range(1, 8))
    members = [code for theme in fw.themes for code in theme.questions]
    assert len(members) == len(set(members))
    assert fw.themes[3].questions == ("i10", "i11", "i12")


def test_unknown_year_lists_the_years_that_exist():
    with pytest.raises(FrameworkError) as caught:
        load_framework(2599)
    assert "2599" in caught.value.en
    assert "2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569" in caught.value.en
    assert "2568" in caught.value.th


def test_a_user_adds_a_year_by_adding_a_file(tmp_path, monkeypatch):
    (tmp_path / "fy2569.toml").write_text(
        shipped_text(2568).replace("fiscal_year = 2568", "fiscal_year = 2569"), encoding="utf-8"
    )
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    assert available_years()[-1] == 2569
    assert load_framework(2569).fiscal_year == 2569
    assert framework.latest_year() == 2569


def test_a_user_file_replaces_the_shipped_one(tmp_path, monkeypatch):
    text = shipped_text(2565).replace(
        'weight = 30\nname = "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
        'weight = 25\nname = "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก',
    )
    text = text.replace("weight = 40", "weight = 45")
    (tmp_path / "fy2565.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    fw = load_framework(2565)
    assert fw.source == str(tmp_path / "fy2565.toml")
    assert {t.code: t.weight for t in fw.tools} == {"IIT": 30, "EIT": 25, "OIT": 45}


def test_frameworks_are_read_once_per_process(monkeypatch):
    scans, reads = [], []
    scan, read = framework._scan_files, framework.load_file
    monkeypatch.setattr(framework, "_scan_files", lambda folders: scans.append(1) or scan(folders))
    monkeypatch.setattr(framework, "load_file", lambda location: reads.append(location) or read(location))
    first = load_framework(2568)
    for _ in range(5):
        assert load_framework(2568) is first
        framework.latest_year()
    assert (len(scans), len(reads)) == (1, 1)


def test_an_edited_or_added_user_file_is_read_again_without_a_restart(tmp_path, monkeypatch):
    """A user edits the rules while Excel runs: the next call sees them (no clear_cache)."""
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    path = tmp_path / "fy2565.toml"
    path.write_text(shipped_text(2565), encoding="utf-8")
    assert load_framework(2565).target == 85
    path.write_text(shipped_text(2565).replace("target = 85.00", "target = 80.00"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert load_framework(2565).target == 80
    assert 2570 not in available_years()
    (tmp_path / "fy2570.toml").write_text(
        shipped_text(2569).replace("fiscal_year = 2569", "fiscal_year = 2570"), encoding="utf-8"
    )
    os.utime(tmp_path, ns=(tmp_path.stat().st_atime_ns, tmp_path.stat().st_mtime_ns + 1_000_000_000))
    assert available_years()[-1] == 2570


# Each broken-file case: (what, text to find, replacement, words the English message must hold).
# The message must name the file, the field and the bad value.
BROKEN = [
    ("weights sum to 90, the seed-000 typo", "weight = 40", "weight = 30", ["tools.weight", "sum to 90"]),
    ("a weight of zero", "weight = 40", "weight = 0", ["tools[3].weight", "0"]),
    (
        "a gap between bands",
        "min = 85.00, max = 94.99",
        "min = 85.00, max = 94.98",
        ["rating.bands.min", "95.00", "gap", "94.99"],
    ),
    (
        "overlapping bands",
        "min = 70.00, max = 84.99",
        "min = 70.00, max = 85.00",
        ["rating.bands.min", "85.00", "overlap"],
    ),
    (
        "bands stop short of 100",
        "min = 95.00, max = 100.00",
        "min = 95.00, max = 99.99",
        ["rating.bands.max", "99.99", "100"],
    ),
    (
        "bands start above 0",
        "min = 0.00, max = 69.99",
        "min = 0.01, max = 69.99",
        ["rating.bands.min", "0.01", "start at 0"],
    ),
    (
        "a band edge with three decimals",
        "min = 70.00, max = 84.99",
        "min = 70.00, max = 84.995",
        ["rating.bands[2].max", "84.995", "two decimals"],
    ),
    (
        "a band edge above 100",
        "min = 95.00, max = 100.00",
        "min = 95.00, max = 100.01",
        ["rating.bands[0].max", "100.01", "0-100"],
    ),
    (
        "a fallback rule with a condition",
        '{ level = "ผ่าน" },\n  ] },\n  { min = 85.00',
        '{ level = "ผ่าน", all_tools_at_least = 1.00 },\n  ] },\n  { min = 85.00',
        ["rating.bands[0].rules[2]", "ผ่าน", "no condition"],
    ),
    (
        "a level that is not declared",
        '{ level = "ต้องปรับปรุง" }',
        '{ level = "ปรับปรุง" }',
        ["rating.bands[2].rules[0].level", "ปรับปรุง", "not one of rating.levels"],
    ),
    (
        "an indicator with no tool",
        'number = 9, instrument = "OIT"',
        'number = 9, instrument = "XIT"',
        ["indicators[8].instrument", "XIT", "no tool"],
    ),
    ("indicators not numbered 1..10", "{ number = 10,", "{ number = 11,", ["indicators.number", "11"]),
    (
        "a question with no indicator",
        '{ code = "i2", indicator = 1,',
        '{ code = "i2",',
        ["questions[1].indicator", "i2", "no indicator"],
    ),
    (
        "a question in an unknown indicator",
        '{ code = "i2", indicator = 1,',
        '{ code = "i2", indicator = 12,',
        ["questions[1].indicator", "12"],
    ),
    ("a duplicate question code", '{ code = "i2",', '{ code = "i1",', ["questions.code", "i1", "twice"]),
    ("a duplicate tool code", 'code = "EIT2"', 'code = "EIT1"', ["tools.code", "EIT1", "twice"]),
    ("a misspelt field", "weight = 30", "wieght = 30", ["tools[0].wieght", "unknown field"]),
    ("a weight given as text", "weight = 30", 'weight = "30"', ["tools[0].weight", "'30'", "number"]),
    (
        "an OIT item in the wrong sub-indicator",
        'code = "o1", indicator = 9, subindicator = "9.1"',
        'code = "o1", indicator = 9, subindicator = "10.1"',
        ["questions", "10.1", "o1"],
    ),
    (
        "a theme naming a question that does not exist",
        "subindicators = [",
        'themes = [{ number = 4, name = "x", questions = ["i10", "i99"] }]\nsubindicators = [',
        ["themes[0].questions", "i99"],
    ),
    (
        "the year disagrees with the file name",
        "fiscal_year = 2568",
        "fiscal_year = 2567",
        ["fiscal_year", "2567", "file name says 2568"],
    ),
    ("a newer schema", "schema = 1", "schema = 2", ["schema", "2"]),
    ("not TOML at all", "schema = 1", "schema = = 1", ["not valid TOML"]),
    ("a target above 100", "target = 85.00", "target = 185.00", ["target", "185.00", "0-100"]),
    (
        "a section without provenance",
        'weights = { status = "confirmed"',
        'weightz = { status = "confirmed"',
        ["provenance.weightz", "unknown field"],
    ),
    (
        "a provenance status that is not one of the three",
        'target = { status = "confirmed"',
        'target = { status = "sure"',
        ["provenance.target.status", "sure", "confirmed, likely, assumed"],
    ),
    (
        "question list without provenance",
        'iit_questions = { status = "confirmed", source = "seed 004 (FY2568 report), OCR corrected" }\n',
        "",
        ["provenance.iit_questions", "missing"],
    ),
]


@pytest.mark.parametrize(("what", "old", "new", "words"), BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_file_fails_naming_file_field_and_value(tmp_path, what, old, new, words):
    text = shipped_text(2568)
    assert old in text, f"the case {what!r} no longer matches the shipped file"
    path = tmp_path / "fy2568.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        load_file(path)
    error = caught.value
    assert error.en.startswith("fy2568.toml")
    assert "fy2568.toml" in error.th
    for word in words:
        assert word in error.en, f"{word!r} not in {error.en!r}"


def test_broken_user_file_fails_when_its_year_is_asked_for(tmp_path, monkeypatch):
    (tmp_path / "fy2568.toml").write_text(
        shipped_text(2568).replace("weight = 40", "weight = 30"), encoding="utf-8"
    )
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    with pytest.raises(FrameworkError, match="sum to 90"):
        load_framework(2568)
    assert load_framework(2567).fiscal_year == 2567


def test_frameworks_are_frozen():
    fw = load_framework(2568)
    with pytest.raises(AttributeError):
        fw.target = Decimal(80)  # type: ignore[misc]
    assert isinstance(fw.tools, tuple)


def test_bands_are_ordered_best_first_and_cover_every_two_decimal_total():
    for year in SHIPPED:
        fw = load_framework(year)
        for hundredths in range(0, 10001):
            fw.band_for(Decimal(hundredths) / 100)
        assert fw.bands[0].maximum == 100


# --------------------------------------------------------------------------- FY2569, crosswalk

#: ITA_REFERENCE.md, "OIT FY2569" (a unit's ITA 2569 pages), typed here, not read from the file.
FY2569_OIT = {
    "o1": "โครงสร้าง หน้าที่และอำนาจ",
    "o3": "ข้อมูลการติดต่อและช่องทางการสอบถาม",
    "o10": "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
    "o11": "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "o15": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "o20": "การขับเคลื่อนนโยบาย No Gift Policy และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สิน",
    "o25": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "o26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}


@pytest.mark.parametrize(("code", "title"), FY2569_OIT.items())
def test_fy2569_oit_titles(code, title):
    assert load_framework(2569).question(code).title == title


def test_fy2569_carries_fy2568_iit_and_eit_questions():
    new, old = load_framework(2569), load_framework(2568)
    assert [(q.code, q.title) for q in new.questions if q.code[0] in "ie"] == [
        (q.code, q.title) for q in old.questions if q.code[0] in "ie"
    ]
    assert [q.code for q in new.questions if q.code[0] == "o"] == [f"o{n}" for n in range(1, 27)]
    assert [q.code for q in new.questions_of(10)] == [f"o{n}" for n in range(20, 27)]


@pytest.mark.parametrize(
    ("year", "measures", "report"), [(2567, "o34", "o35"), (2568, "o27", "o28"), (2569, "o25", "o26")]
)
def test_measures_items_come_from_the_crosswalk(year, measures, report):
    """ITA_REFERENCE.md: "FY2567 o34/o35, FY2568 o27/o28, FY2569 o25/o26"."""
    fw = load_framework(year)
    assert (fw.measures_item, fw.measures_report_item) == (measures, report)


#: The 7 ประเด็น as ITA_REFERENCE.md prints them (FY2567 from seeds 001/003; FY2568 inferred),
#: OIT part only; each year's list must come out of the one definition by stable keys.
REFERENCE_THEMES_OIT = {
    2567: [
        range(7, 11),
        [11, 12, 13, 25],
        range(1, 7),
        [],
        range(14, 18),
        range(18, 22),
        [22, 23, 24, *range(26, 36)],
    ],
    2568: [
        range(5, 9),
        [9, 10, 11, 20],
        range(1, 5),
        [],
        [12, 13],
        range(14, 17),
        [17, 18, 19, *range(21, 29)],
    ],
}


@pytest.mark.parametrize("year", sorted(REFERENCE_THEMES_OIT))
def test_themes_from_stable_keys_match_the_reference(year):
    fw = load_framework(year)
    assert [t.number for t in fw.themes] == list(range(1, 8))
    got = [sorted(int(c[1:]) for c in t.questions if c[0] == "o") for t in fw.themes]
    assert got == [sorted(r) for r in REFERENCE_THEMES_OIT[year]]
    assert fw.themes[3].questions == ("i10", "i11", "i12")


@pytest.mark.parametrize(
    ("year", "code", "earlier"),
    [
        (2569, "o11", ("o12",)),  # the example: o12 (๒๕๖๘) → o11 (๒๕๖๙)
        (2569, "o20", ("o21", "o22")),  # merged
        (2569, "o25", ("o27",)),
        (2568, "o27", ("o34",)),
        (2568, "o1", ("o1", "o3")),
        (2569, "i7", ("i7",)),
    ],
)
def test_counterparts_across_years(year, code, earlier):
    assert framework.counterparts(code, load_framework(year), load_framework(year - 1)) == earlier


def test_an_item_that_left_has_no_counterpart():
    # FY2568 o11 ข้อมูลสถิติการให้บริการ is gone in FY2569
    assert not any(
        framework.counterparts(q.code, load_framework(2569), load_framework(2568)) == ("o11",)
        for q in load_framework(2569).questions
    )
    assert framework.counterparts("o1", load_framework(2567), load_framework(2566)) == ()


def test_a_crosswalk_naming_a_missing_code_fails(tmp_path, monkeypatch):
    (tmp_path / "crosswalk.toml").write_text(
        'schema = 1\nitems = [{ key = "measures", fy2569 = "o99" }]\n', encoding="utf-8"
    )
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    with pytest.raises(FrameworkError, match="o99"):
        load_framework(2569)


@pytest.mark.parametrize("year", SHIPPED)
def test_every_year_says_where_each_part_comes_from(year):
    fw = load_framework(year)
    sections = {p.section for p in fw.provenance}
    assert {"weights", "bands", "target"} <= sections
    assert all(p.source for p in fw.provenance)


def test_fy2569_says_what_is_assumed():
    """ITA_REFERENCE.md: FY2569 IIT/EIT questions and weights not found, "assume FY2568's and say so"."""
    fw = load_framework(2569)
    assumed = {p.section for p in fw.assumed}
    assert {"weights", "iit_questions", "eit_questions"} <= assumed
    assert fw.status == "assumed"
    assert {p.section: p.status for p in fw.provenance}["oit_questions"] == "likely"


def test_a_crosswalk_with_an_unknown_status_fails(tmp_path, monkeypatch):
    (tmp_path / "crosswalk.toml").write_text('schema = 1\nstatus = "sure"\n', encoding="utf-8")
    monkeypatch.setenv(framework.ENV_VAR, str(tmp_path))
    with pytest.raises(FrameworkError, match="sure"):
        load_framework(2569)
