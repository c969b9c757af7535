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
        ("i10", 4, 2568, "กำหนดแนวทางในการขอยืมทรัพย์สินของทางราชการไปใช้"),
        ("i10", 4, 2563, "กำหนดแนวทางในการขอยืมและใช้ทรัพย์สินของทางราชการ"),  # other numbering: indicator entry
        ("i11", 4, 2568, "กำหนดแนวทางในการขอยืมและใช้ทรัพย์สินของทางราชการ"),  # no question entry
        ("i10", 4, 2569, "กำหนดแนวทางในการขอยืมทรัพย์สินของทางราชการไปใช้"),  # i10 is the same item
        ("i10", 4, 2566, "กำหนดแนวทางในการขอยืมและใช้ทรัพย์สินของทางราชการ"),  # no crosswalk column
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
