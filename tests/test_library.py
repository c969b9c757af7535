"""The recommendation library: shipped texts, and a user's additions and replacements."""

from __future__ import annotations

import pytest

from ita_xl.core import library
from ita_xl.core.errors import FrameworkError
from ita_xl.core.framework import load_framework


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv(library.ENV_VAR, raising=False)
    library._load.cache_clear()
    yield
    library._load.cache_clear()


def test_every_indicator_has_an_entry_and_steps():
    lib = library.load_library()
    assert sorted(lib.indicators) == list(range(1, 11))
    assert all(r.steps and r.measure and r.cause and r.advice for r in lib.indicators.values())


@pytest.mark.parametrize(
    ("code", "indicator", "year", "measure"),
    [
        ("i10", 4, 2568, "มาตรการกำหนดแนวทางการขอยืมทรัพย์สินของทางราชการไปใช้"),
        (
            "i10",
            4,
            2563,
            "มาตรการกำหนดแนวทางการขอยืมและการใช้ทรัพย์สินของทางราชการ",
        ),  # other numbering: indicator entry
        ("i11", 4, 2568, "มาตรการกำหนดแนวทางการขอยืมและการใช้ทรัพย์สินของทางราชการ"),  # no question entry
        ("i10", 4, 2569, "มาตรการกำหนดแนวทางการขอยืมทรัพย์สินของทางราชการไปใช้"),  # i10 is the same item
        ("i10", 4, 2566, "มาตรการกำหนดแนวทางการขอยืมและการใช้ทรัพย์สินของทางราชการ"),  # no crosswalk column
    ],
)
def test_question_entries_apply_where_the_crosswalk_says_the_item_is_the_same(code, indicator, year, measure):
    fw = load_framework(year)
    assert library.load_library().for_question(code, indicator, fw).measure == measure


def test_a_user_file_adds_and_replaces_entries(tmp_path, monkeypatch):
    (tmp_path / "ours.toml").write_text(
        """
[questions.i11]
cause = "สาเหตุของเรา"
advice = "แนวทางของเรา"
measure = "มาตรการของเรา"
steps = ["ขั้นที่หนึ่ง"]
owner = "คลัง"

[indicators.4]
cause = "c"
advice = "a"
measure = "มาตรการตัวชี้วัดที่ 4 ของเรา"
steps = ["s"]
owner = "ช่าง"
""",
        encoding="utf-8",
    )
    monkeypatch.setenv(library.ENV_VAR, str(tmp_path))
    lib = library.load_library()
    assert lib.for_question("i11", 4, load_framework(2568)).measure == "มาตรการของเรา"
    assert lib.indicators[4].owner == "ช่าง"
    assert lib.indicators[5].measure  # the shipped entries stay


def test_a_broken_user_file_names_the_field(tmp_path, monkeypatch):
    (tmp_path / "bad.toml").write_text(
        '[indicators.4]\ncause = "c"\nadvice = "a"\nmeasure = "m"\nowner = "x"\n', encoding="utf-8"
    )
    monkeypatch.setenv(library.ENV_VAR, str(tmp_path))
    with pytest.raises(FrameworkError, match=r"bad.toml: indicators.4.steps is missing"):
        library.load_library()


# every title reads as a measure (issue 14: the measures table lists a unit's มาตรการ/โครงการ)

#: The forms the seeds' measure titles take: a noun phrase naming the unit's own measure,
#: project or activity. Seed 003 ("มาตรการ/โครงการ/หรือกิจกรรม"): "มาตรการป้องกันการเรียกรับสินบนจาก
#: การปฏิบัติหน้าที่", "มาตรการส่งเสริมการใช้ทรัพย์สินของราชการที่ถูกต้อง"; seed 004: "การป้องกันและแก้ไข
#: ปัญหาการทุจริตของเจ้าหน้าที่ในหน่วยงาน"; seed 001: "การปรับปรุงระบบการทำงานเพื่อเพิ่มประสิทธิภาพการ
#: ปฏิบัติงานที่โปร่งใส".
MEASURE_FORMS = ("มาตรการ", "โครงการ", "กิจกรรม", "การ")
#: Words of a finding or a recommendation, not of a measure's name: seed 004's analysis "พบว่า
#: เจ้าหน้าที่ในหน่วยงานบางรายมีการขอยืม…", "ได้คะแนนต่ำสุด", its advice "หน่วยงานควรระบุขั้นตอน…".
FINDING_WORDS = ("บางราย", "ยังไม่", "พบว่า", "ได้คะแนน", "ต่ำสุด", "ควร")


def reads_as_a_measure(title: str) -> bool:
    """The rule: the title begins with one of the seeds' forms (a bare verb such as "กำหนด…" or
    "สร้าง…" reads as advice) and holds no word of a finding or a recommendation."""
    return title.startswith(MEASURE_FORMS) and not any(word in title for word in FINDING_WORDS)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("มาตรการป้องกันการเรียกรับสินบนจากการปฏิบัติหน้าที่", True),  # seed 003
        ("มาตรการส่งเสริมการใช้ทรัพย์สินของราชการที่ถูกต้อง", True),  # seed 003
        ("มาตรการเสริมสร้างประสิทธิภาพการสื่อสาร", True),  # seed 003
        ("การป้องกันและแก้ไขปัญหาการทุจริตของเจ้าหน้าที่ในหน่วยงาน", True),  # seed 004
        ("การปรับปรุงระบบการทำงานเพื่อเพิ่มประสิทธิภาพการปฏิบัติงานที่โปร่งใส", True),  # seed 001
        ("กำหนดแนวทางในการขอยืมทรัพย์สินของทางราชการไปใช้", False),  # seed 004's title: advice
        ("สร้างการรับรู้ข้อมูลข่าวสารของหน่วยงานให้ประชาชนรับทราบอย่างครบถ้วน", False),  # seed 004's title
        ("เจ้าหน้าที่ในหน่วยงานบางรายมีการขอยืมทรัพย์สินของทางราชการไปใช้ปฏิบัติงานอย่างไม่ถูกต้อง", False),
        ("การขอยืมทรัพย์สินยังไม่เป็นไปตามขั้นตอน", False),  # a finding, though it begins with การ
        ("หน่วยงานควรระบุขั้นตอนและแนวทางในการขอยืมทรัพย์สินของทางราชการ", False),  # seed 004's advice
    ],
)
def test_the_rule_tells_the_seeds_measures_from_their_findings_and_advice(title, expected):
    assert reads_as_a_measure(title) is expected


def test_every_library_title_reads_as_a_measure():
    """Before: "กำหนดแนวทางในการขอยืม…" (indicator 4, i10), "สร้างการรับรู้ข้อมูลข่าวสาร…" (indicator 7,
    e4, e5) read as advice."""
    lib = library.load_library()
    entries = [*lib.indicators.values(), *lib.questions.values()]
    assert [e.key for e in entries if not reads_as_a_measure(e.measure)] == []


def test_rewritten_titles_keep_their_ids():
    """The tracking sheet and the choices sheet follow a measure by its id (M-…): rewording a title
    keeps the id of every entry, as before the rewording."""
    lib = library.load_library()
    ids = {f"ind{n}": e.key for n, e in lib.indicators.items()} | {c: e.key for c, e in lib.questions.items()}
    assert ids == {
        **{f"ind{n}": f"ind{n}" for n in range(1, 11)},
        **{c: c for c in ("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i10", "i12")},
        "i15": "ind5",  # the same measure as indicator 5's
        **{f"e{n}": f"e{n}" for n in range(1, 10)},
    }
