"""The measures each seed unit published, typed on its sample's choices sheet (ปรับมาตรการ) as the
unit's clerk would, reach the generated measures table as typed.

Outside reference: the seeds' own text (../shared/seeds). The measures are read from it here,
apart from the samples: seeds 001 and 003 print a measures table (ประเด็น | มาตรการ | ขั้นตอน |
ผู้รับผิดชอบ | ระยะเวลา), 002 one table per tool (ผลการประเมิน/ข้อเสนอแนะ | ขั้นตอน |
ผู้รับผิดชอบ | การกำกับติดตาม), 004 one table per measure (มาตรการ | ผลการวิเคราะห์ | ขั้นตอน |
ระยะเวลา | ผู้รับผิดชอบ); 000 prints no table but numbered lists under "การพัฒนาหรือแก้ไข"
(ตัวชี้วัดที่ ๕, ๙-๑๐, and its section ๕ "แนวทางการนำผลการวิเคราะห์ … ไปสู่การปฏิบัติ":
the MOU, the monthly follow-up …) and a paragraph for indicators 4, 8 and 7. Each measure the
seed prints must be in the generated measures sheet (the xlsx read back with openpyxl) and in the
Word document, in one row, with its steps and the divisions the seed names. The seeds are PDF
conversions, whose line breaks became spaces (and a row continued over a page is one cell in
the sample): the printed text is typed through the seed's table of corrections
(``ita_xl.core.samples.CORRECTIONS``: line-wrap spaces, OCR slips, a phrase cut at a page break)
and through nothing else, then compared with its white space as one space, so a change from the
print that the table does not list fails, as does a correction whose printed text the seed no
longer prints.
"""

from __future__ import annotations

import re
from functools import cache

import docx
import pytest
from openpyxl import load_workbook

from ita_xl.build.workbooks import WORKBOOKS
from ita_xl.core.checks import CHECKS
from ita_xl.core.figures import from_thai_digits, to_thai_digits
from ita_xl.core.framework import load_framework
from ita_xl.core.layout import CHOICE_COLUMNS, CHOICES, SKIP, USE
from ita_xl.core.samples import (
    AS_STEPS,
    CORRECTIONS,
    CUT,
    LEAD_IN,
    LINE_WRAP,
    OCR_SLIP,
    REPEATED,
    SAMPLE_FILES,
    SAMPLES,
    typed,
)
from ita_xl.core.sheets import MEASURES
from ita_xl.core.wording import HEADERS, say
from ita_xl.docx import write_docx
from ita_xl.xlsx.template import sample_workbook
from ita_xl.xlsx.workbook import check_workbook, generate_workbook
from tests.test_resulttext import needs_seeds, seed_text

SEEDS = ["000", "001", "002", "003", "004"]

_TAG = re.compile(r"<[^>]+>")
#: A number the seed gives an item of a list: "๑.", "๒)", "3." at the start or after a space.
_NUMBER = re.compile(r"(?:(?<=\s)|^)[0-9๐-๙]+\s*[.)]\s*")
_DIVISION_DASH = re.compile(r"(?:^|\s)-\s*")
#: A "-" the seed puts before an item of a list (001's measure column): "-จัดทำ…", not "ติดต่อ - สอบถาม".
_DASH_ITEM = re.compile(r"(?:^|(?<=\s))-(?=\S)")


def _cell(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).replace("&amp;", "&").split())


def _bare(text: str) -> str:
    """Text without white space (the seeds' PDF line breaks) for comparing."""
    return "".join(str(text or "").split())


def _one_space(text: str) -> str:
    """Text with each run of white space (a line of a cell, a PDF line break) as one space."""
    return " ".join(str(text or "").split())


def _items(cell: str) -> list[str]:
    """A cell's numbered items, without their numbers (text before the first number is one)."""
    parts = [p.strip() for p in _NUMBER.split(cell)]
    return [p for p in parts if p]


class Printed:
    """One measure as the seed prints it: its text (items of one cell), steps and divisions;
    ``within``: a paragraph of advice (000) whose words the measure is taken from; ``theme``:
    the ประเด็น where the seed's table has a column for it (001, 003)."""

    def __init__(
        self, measure: list[str], steps: list[str], divisions: list[str], within: str = "", theme: str = ""
    ):
        self.measure, self.steps, self.divisions, self.within = measure, steps, divisions, within
        self.theme = theme

    def texts(self) -> list[str]:
        return [*self.measure, *self.steps, self.within, self.theme]

    def __repr__(self) -> str:
        return f"Printed({(self.measure or self.steps)[0][:40]!r})"


def _rows_after(seed: str, header: str) -> list[list[str]]:
    """The row printed under each copy of a table's header line, cell by cell."""
    lines = seed_text(seed).splitlines()
    return [
        [_cell(c) for c in lines[n + 1].split("\t")]
        for n, line in enumerate(lines)
        if line.startswith(header)
    ]


def _seed_000() -> list[Printed]:
    lines = [line.strip() for line in seed_text("000").splitlines() if line.strip()]

    def numbered(after: str, until: str) -> list[str]:
        start = next(n for n, line in enumerate(lines) if line.startswith(after))
        end = next(n for n, line in enumerate(lines) if n > start and line.startswith(until))
        return [_NUMBER.sub("", line, count=1) for line in lines[start + 1 : end] if _NUMBER.match(line)]

    division = ["สำนักปลัด"]  # the seed names none: its only division (the memo's office)
    measures = [
        Printed(["แนวทางการนำผลการวิเคราะห์"], numbered("การพัฒนาหรือแก้ไข", "ตัวชี้วัดที่ ๔"), division),
        Printed(["แนวทางการนำผลการวิเคราะห์"], numbered("พ.ศ.๒๕๖๓ ไปสู่การปฏิบัติ", "๖. ข้อเสนอแนะ"), division),
        Printed(["ตัวชี้วัดที่ ๙-๑๐"], numbered("การพัฒนาหรือแก้ไขตัวชี้วัดที่ ๙-๑๐", "๕. แนวทาง"), division),
    ]
    paragraphs = [line.removeprefix("การพัฒนาหรือแก้ไข") for line in lines if line.startswith("การพัฒนาหรือแก้ไข ")]
    assert len(paragraphs) == 3  # indicators 4, 8 and 7
    # a paragraph of advice: the steps, the measure in its words
    return measures + [Printed([], [p.strip()], division, within=p.strip()) for p in paragraphs]


def _seed_001() -> list[Printed]:
    lines = seed_text("001").splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("ประเด็น\tมาตรการ โครงการ"))
    rows: list[list[str]] = []
    for line in lines[start + 1 :]:
        if line.startswith("ส่วนที่ ๓"):
            break
        cells = [_cell(c) for c in line.split("\t")]
        if cells[0]:
            rows.append(cells)
        elif rows and len(cells) > 2:  # the row continued over a page break
            rows[-1][1] += " " + cells[1]
            rows[-1][2] += " " + cells[2]
    return [
        Printed(_dash_items(measure), _items(steps), [d.strip() for d in owner.split("/")], theme=theme)
        for theme, measure, steps, owner, _period in rows
    ]


def _dash_items(cell: str) -> list[str]:
    """A cell's items marked "-", without their marks (text before the first one is one)."""
    return [p.strip() for p in _DASH_ITEM.split(cell) if p.strip()]


def _seed_002() -> list[Printed]:
    rows = _rows_after("002", "ผลการประเมิน/ข้อเสนอแนะ")
    return [
        Printed(_items(measure), _items(steps), [d for d in _DIVISION_DASH.split(owner) if d])
        for measure, steps, owner, _monitoring in rows
    ]


def _seed_003() -> list[Printed]:
    rows = _rows_after("003", "ประเด็นที่ต้องยกระดับ")
    listed = SAMPLES["003"].departments  # the seed's column lists them with spaces between
    return [
        Printed([measure], _items(steps), [d for d in listed if d in owner.split(" ")], theme=theme)
        for theme, measure, steps, _period, owner in rows
    ]


def _seed_004() -> list[Printed]:
    rows = _rows_after("004", "มาตรการ / โครงการ / กิจกรรม")
    return [
        Printed(_items(measure), _items(steps), [owner.replace("สำนัก ปลัด", "สำนักปลัด")])
        for measure, _analysis, steps, _period, owner in rows
    ]


PRINTED = {"000": _seed_000, "001": _seed_001, "002": _seed_002, "003": _seed_003, "004": _seed_004}
#: How many measures each seed prints (000: two lists, the section ๕ repeating the ๕'s, and three
#: paragraphs; the others, their tables' rows).
COUNTS = {"000": 6, "001": 7, "002": 3, "003": 7, "004": 5}


@cache
def _generated(seed: str):
    wb = sample_workbook(seed)
    outcome = generate_workbook(wb)
    assert outcome.ok, [f.th for f in outcome.errors]
    return wb, outcome


def _table(rows: list[list[str]], header: list[str]) -> list[dict[str, str]]:
    """The measures table's rows by column name, from the first header row on."""
    [at] = [n for n, row in enumerate(rows) if row[: len(header)] == header][:1]
    return [dict(zip(header, row, strict=False)) for row in rows[at + 1 :] if any(row[: len(header)])]


def _xlsx_rows(seed: str, tmp_path) -> list[dict[str, str]]:
    wb, _ = _generated(seed)
    wb.save(tmp_path / "report.xlsx")
    ws = load_workbook(tmp_path / "report.xlsx")[MEASURES]
    rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    header = ["ประเด็น", "มาตรการ / โครงการ / กิจกรรม", "ผลการวิเคราะห์", "ขั้นตอนหรือวิธีการปฏิบัติ"]
    header += ["ระยะเวลาดำเนินการ", "ผู้รับผิดชอบ"]
    return _table(rows, header)


def _docx_rows(seed: str, tmp_path) -> list[dict[str, str]]:
    outcome = check_workbook(sample_workbook(seed))
    write_docx(outcome.specs, tmp_path / "report.docx")
    document = docx.Document(str(tmp_path / "report.docx"))
    [table] = [t for t in document.tables if t.rows[0].cells[1].text == "มาตรการ / โครงการ / กิจกรรม"]
    rows = [[c.text for c in row.cells] for row in table.rows]
    return _table(rows, rows[0])


def _typed(seed: str, printed: list[str]) -> list[str]:
    """Printed texts as the clerk types them: the seed's corrections and nothing else, each
    line break a correction makes starting another text (another step)."""
    return [line for text in printed for line in typed(seed, _one_space(text)).split("\n")]


def _assert_printed_in(seed: str, rows: list[dict[str, str]]) -> None:
    printed = PRINTED[seed]()
    assert len(printed) == COUNTS[seed]
    for measure in printed:
        column = "มาตรการ / โครงการ / กิจกรรม"
        found = [r for r in rows if all(m in _one_space(r[column]) for m in _typed(seed, measure.measure))]
        steps = _typed(seed, measure.steps)
        found = [r for r in found if all(s in _one_space(r["ขั้นตอนหรือวิธีการปฏิบัติ"]) for s in steps)]
        assert found, f"seed {seed}: {measure} is not in the measures table"
        if measure.within:  # the measure is the paragraph's own words (its number left off)
            advice = _one_space(typed(seed, _one_space(measure.within)))
            assert any(_one_space(_NUMBER.sub("", r[column], count=1)) in advice for r in found)
        if measure.theme:  # as typed (003 numbers its ประเด็น "ประเด็นที่ ๑ …")
            assert any(typed(seed, _one_space(measure.theme)) in _one_space(r["ประเด็น"]) for r in found)
        for division in measure.divisions:
            assert any(_bare(division) in _bare(r["ผู้รับผิดชอบ"]) for r in found), (seed, measure, division)


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_every_measure_the_seed_prints_is_in_the_generated_workbook(seed, tmp_path):
    """Before: 001's seven measures came out as three suggested rows; none of 000's or 004's
    steps (the MOU, the monthly follow-up …) were in the table."""
    _assert_printed_in(seed, _xlsx_rows(seed, tmp_path))


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_every_measure_the_seed_prints_is_in_the_word_document(seed, tmp_path):
    _assert_printed_in(seed, _docx_rows(seed, tmp_path))


@needs_seeds
@pytest.mark.parametrize(
    ("seed", "header", "column", "cell"),
    [
        # 004: มาตรการ | ผลการวิเคราะห์ตัวชี้วัดตามหลักเกณฑ์การประเมิน ITA | ขั้นตอน | ระยะเวลา | ผู้รับผิดชอบ
        ("004", "มาตรการ / โครงการ / กิจกรรม", "ผลการวิเคราะห์", 1),
        # 002: ผลการประเมิน/ข้อเสนอแนะ | ขั้นตอน | ผู้รับผิดชอบ | การติดตามผล (after a "- ")
        ("002", "ผลการประเมิน/ข้อเสนอแนะ", "การกำกับติดตาม", 3),
    ],
)
def test_the_seeds_own_analysis_and_monitoring_are_in_the_generated_table(
    seed, header, column, cell, tmp_path
):
    """Seed 004 prints its own analysis of each measure ("จากการวิเคราะห์ตัวชี้วัด การใช้ทรัพย์สินของ
    ทางราชการ พบว่าเจ้าหน้าที่ในหน่วยงานบางราย…"), 002 its own monitoring. Before, the table printed
    ita-xl's "หน่วยงานกำหนดเพิ่มเติม…" and the year's monitoring for every row of the unit's own."""
    printed = [
        typed(seed, " ".join(row[cell].split()).removeprefix("- ")) for row in _rows_after(seed, header)
    ]
    wb, _ = _generated(seed)
    wb.save(tmp_path / "report.xlsx")
    ws = load_workbook(tmp_path / "report.xlsx")[MEASURES]
    rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    names = list(HEADERS["measures"])
    table = _table(rows, names)
    shown = [_one_space(r[column]) for r in table]
    assert printed and all(_one_space(text) in shown for text in printed), (seed, printed)


def _own(seed: str):
    return [c for c in SAMPLES[seed].measure_choices if not c.key]


@pytest.mark.parametrize("seed", SEEDS)
def test_what_the_unit_typed_is_printed_unchanged(seed):
    """The unit's own rows: theme, measure, each step, the period (or the year's when blank) and
    every division typed, as typed; nothing the user typed is changed or dropped."""
    _, outcome = _generated(seed)
    report = outcome.report
    own = _own(seed)
    assert own
    for choice in own:
        [row] = [
            m for m in report.measures if m.source == f"{CHOICES}!{CHOICE_COLUMNS['measure']}{choice.row}"
        ]
        assert (row.theme, row.measure) == (choice.theme, choice.measure)
        assert list(row.steps) == [s for s in choice.steps.splitlines() if s.strip()]
        assert row.period == (choice.period or report.period)
        named = [d for d in (*SAMPLES[seed].departments, say("measure.all_divisions")) if d in choice.owner]
        assert named
        assert named == [
            d for d in (*SAMPLES[seed].departments, say("measure.all_divisions")) if d in row.owner
        ]
    # the unit's rows follow the suggested rows the unit kept, in the order typed
    assert [m.measure for m in report.measures[-len(own) :]] == [c.measure for c in own]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_checked_in_sample_holds_the_rows_and_the_reader_accepts_them(seed):
    """The sample as shipped (workbooks/samples) holds the choices at their cells, and reading
    it back gives the same choices with no finding on the choices sheet."""
    wb = load_workbook(WORKBOOKS / "samples" / SAMPLE_FILES[seed])
    ws = wb[CHOICES]
    for choice in SAMPLES[seed].measure_choices:
        cells = {k: ws[f"{col}{choice.row}"].value or "" for k, col in CHOICE_COLUMNS.items()}
        assert cells["use"] == (USE if choice.use else SKIP)
        typed = (choice.key, choice.theme, choice.measure, choice.steps, choice.owner, choice.period)
        assert tuple(cells[k] for k in ("key", "theme", "measure", "steps", "owner", "period")) == typed
    outcome = check_workbook(wb)
    assert outcome.ok
    assert tuple(outcome.report.inputs.measure_choices) == tuple(SAMPLES[seed].measure_choices)
    assert not [f for f in outcome.findings if f.sheet == CHOICES], [f.th for f in outcome.findings]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_switched_off_rows_are_listed_on_the_checks_sheet(seed, tmp_path):
    wb, outcome = _generated(seed)
    wb.save(tmp_path / "report.xlsx")
    rows = [list(r) for r in load_workbook(tmp_path / "report.xlsx")[CHECKS].iter_rows(values_only=True)]
    off = [c for c in SAMPLES[seed].measure_choices if not c.use]
    assert off
    for choice in off:
        where = f"{CHOICES}!{CHOICE_COLUMNS['use']}{choice.row}"
        [row] = [r for r in rows if r[1] == where]
        assert row[2] == SKIP and str(row[3]).startswith(f"{choice.key} ")
    # and none of them is in the measures table
    assert not {c.key for c in off} & {m.key for m in outcome.report.measures}


_THEME = re.compile(r"(?:ประเด็นที่\s*|^)([0-9๐-๙]+)\)?\s")
_INDICATOR = re.compile(r"ตัวชี้วัดที่\s*([0-9๐-๙]+)")


def _covered(seed: str) -> tuple[set[int], set[int]]:
    """The ประเด็น and indicators the seed's own rows are typed for."""
    themes, indicators = set(), set()
    for choice in _own(seed):
        numbers = [int(from_thai_digits(n)) for n in _INDICATOR.findall(choice.theme)]
        if numbers:
            indicators.update(numbers)
        else:
            [number] = _THEME.findall(choice.theme)
            themes.add(int(from_thai_digits(number)))
    return themes, indicators


def _items_of(row, framework) -> list[tuple[int | None, int]]:
    """(ประเด็น, indicator) of each item a suggested row was made for."""
    theme_of = {code: t.number for t in framework.themes for code in t.questions}
    codes = []
    for source in row.source.split(", "):
        number = _INDICATOR.match(source)
        if number:
            codes += [q.code for q in framework.questions_of(int(from_thai_digits(number.group(1))))]
        else:
            codes.append(source)
    return [(theme_of.get(code), framework.question(code).indicator) for code in codes]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_rows_switched_off_are_those_the_seeds_own_rows_cover(seed):
    """A suggested row is switched off when each item it was made for lies in a ประเด็น (001,
    003) or an indicator (000, 002, 004) the seed's own measures are for; every suggestion the
    seed lacks is kept (000: indicator 6; 004: ประเด็น 1, 5 and 6's items of indicators 1-3)."""
    _, outcome = _generated(seed)
    report = outcome.report
    framework = load_framework(SAMPLES[seed].fiscal_year)
    themes, indicators = _covered(seed)

    def covered(row) -> bool:
        return all(t in themes or i in indicators for t, i in _items_of(row, framework))

    off = [row for _, row in report.switched_off]
    kept = [m for m in report.measures if not m.key.startswith("M-U")]
    assert off and all(covered(row) for row in off), [r.key for r in off if not covered(r)]
    assert not [m.key for m in kept if covered(m)]
    assert {"000": ["M-ind6"], "004": ["M-i3", "M-i6", "M-ind3"]}.get(seed, []) == [m.key for m in kept]


def test_the_division_phrase_for_all_is_typed_as_the_seed_prints_it():
    """Seed 004's measures 1 and 3 name "ทุกสำนัก/กอง"; the choices sheet accepts it as typed."""
    everyone = say("measure.all_divisions")
    _, outcome = _generated("004")
    rows = [m for m in outcome.report.measures if m.key.startswith("M-U") and m.owner == everyone]
    assert len(rows) == 2


def without_choices(wb):
    """A sample workbook with its choices sheet cleared, as before the seeds' own measures were
    typed on it: for tests on the suggested rows, or that type their own choices."""
    from ita_xl.xlsx.template import layout_for, template_year

    ws = wb[CHOICES]
    for row in layout_for(wb, template_year(wb)).choice_rows:
        for column in CHOICE_COLUMNS.values():
            ws[f"{column}{row}"].value = None
    return wb


@needs_seeds
def test_the_units_own_rows_are_analysed_from_the_figures_they_name(tmp_path):
    """Thai review 8, 1: every row the unit typed read "หน่วยงานกำหนดเพิ่มเติมจากมาตรการที่เสนอตาม
    ผลการประเมิน", false where the unit had switched every suggested row off (001, 003). A row
    headed by an indicator now states that indicator's score, as seed 002 states it ("ด้าน IIT …
    การใช้ทรัพย์สินของราชการ มีค่าต่ำสุด เท่ากับ ๗๘.๖๘"); by a ประเด็น, the ประเด็น's mean where
    every item of it is scored (003); otherwise only that the unit set the measure itself (001:
    no question scores)."""
    assert "การใช้ทรัพย์สินของราชการ มีค่าต่ำสุด เท่ากับ ๗๘.๖๘" in " ".join(seed_text("002").split())
    names = list(HEADERS["measures"])

    def table(seed: str) -> list[dict[str, str]]:
        wb, _ = _generated(seed)
        wb.save(tmp_path / f"{seed}.xlsx")
        ws = load_workbook(tmp_path / f"{seed}.xlsx")[MEASURES]
        return _table(
            [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)], names
        )

    [row] = [r for r in table("002") if r["ประเด็น"].startswith("ตัวชี้วัดที่ ๔")]
    assert row["ผลการวิเคราะห์"] == "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ ได้ ๗๘.๖๘ คะแนน ต่ำกว่าค่าเป้าหมาย"
    themes = [r["ผลการวิเคราะห์"] for r in table("003")]
    # (Thai review 9, b1) ประเด็นที่ ๒ and ๓ hold EIT items that are only part of indicators 8
    # and 7, which score below every one of them: those rows give the indicator's own score
    plain = [themes[0], *themes[3:]]
    assert len(themes) == 7 and all(t.startswith("ประเด็นที่ ") and "ได้คะแนนเฉลี่ย" in t for t in plain)
    assert themes[1].startswith("ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้ ๙๐.๑๗ คะแนน ซึ่งต่ำที่สุดของหน่วยงาน")
    assert themes[2].startswith("ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร ได้ ๙๘.๐๘ คะแนน")
    assert "ได้คะแนนเฉลี่ย" not in themes[1] + themes[2]
    assert {r["ผลการวิเคราะห์"] for r in table("001")} == {say("choices.own_reason")}
    for seed in SEEDS:
        assert not any("เพิ่มเติมจากมาตรการที่เสนอ" in r["ผลการวิเคราะห์"] for r in table(seed))


#: The seed's column beside its measures that the sample types too: (table header, cell).
OWN_COLUMNS = {"004": ("มาตรการ / โครงการ / กิจกรรม", 1), "002": ("ผลการประเมิน/ข้อเสนอแนะ", 3)}


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_each_correction_is_printed_in_its_seeds_measures(seed):
    """Thai review 8, 2: the samples printed the seeds' PDF line-wrap spaces and OCR slips as
    prose (003 "สินบนจาก การปฏิบัติหน้าที่", "ที่มีขอบ", "ประพฤตินิชอบ"; 001 "ส่งพนักงานสนเข้าอบรม",
    "ทัวกัน"; 004 "ในหน่วยงาน หน่วยงาน"; 002 "มียช่องทาง"; 000 "ปัดประกาศ"). Each is now typed as
    meant through one table; every entry's printed text is in the seed's measures as printed,
    and each changes what the clerk types."""
    texts = [_one_space(t) for measure in PRINTED[seed]() for t in measure.texts() if t]
    if seed in OWN_COLUMNS:  # the seed's own analysis (004) or monitoring (002) of each measure
        header, cell = OWN_COLUMNS[seed]
        texts += [_one_space(row[cell]) for row in _rows_after(seed, header)]
    texts += [_one_space(t) for t in _printed_limitations(seed)]  # its ข้อจำกัด (SEED_LIMITATIONS)
    mine = [c for c in CORRECTIONS if c.seed == seed]
    assert mine
    for correction in mine:
        assert correction.why in {LINE_WRAP, OCR_SLIP, CUT, REPEATED, AS_STEPS, LEAD_IN}
        assert correction.printed != correction.typed
        assert any(correction.printed in t for t in texts), correction
    typed_texts = " ".join(_typed(seed, texts))
    for slip in ("สินบนจาก การ", "ที่มีขอบ", "ประพฤตินิชอบ", "การ จัดหา พัสดุ", "พนักงานสน", "ทัวกัน",
                 "ความรู้เกี่ยวกับการ ", "หน่วยงาน หน่วยงาน", "ช่อง ทาง", "มียช่อง", "ปัดประกาศ"):  # fmt: skip
        assert slip not in typed_texts + " "


@pytest.mark.parametrize("seed", SEEDS)
def test_no_row_of_the_sample_numbers_a_lead_in_or_a_bare_heading_as_a_step(seed):
    """Thai review 8, 3: 001 row ๗ numbered the lead-in "องค์การบริหารส่วนตำบลขามป้อม จึง
    กำหนดมาตรการ…ดำเนินการดังนี้" and the headings "การปฏิบัติหน้าที่", "การใช้งบประมาณ" … as
    steps; 001 row ๖ kept the seed's "-" before its measure ("๖. -ประชาสัมพันธ์…"); 000 rows
    ๓–๕ had no step and the advice "หน่วยงานควร…" as the measure."""
    for choice in _own(seed):
        steps = [s for s in choice.steps.splitlines() if s.strip()]
        assert steps, choice.measure
        assert not any(s.rstrip().endswith("ดังนี้") for s in steps), steps
        assert not {"การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การแก้ไขปัญหาการทุจริต"} & set(steps), steps
        for text in (choice.measure, *steps):
            assert not text.startswith(("-", "หน่วยงานควร")), text
            assert "หน่วยงานควร" not in text, text


@needs_seeds
def test_seed_000s_indicator_8_is_named_as_the_seed_heads_it():
    """Thai review 8, 4: 000 row ๔ reads "การปรับปรุงการทำงาน" where section ๒ (the FY2563
    rules) says "การปรับปรุงระบบการทำงาน". The seed prints both: "ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน"
    heads its analysis (and its table of scores), "การปรับปรุงระบบการทำงาน" its table of the
    framework. The row's ประเด็น is the seed's heading, typed as printed, not a slip; the rules
    keep the FY2563 name."""
    text = _one_space(seed_text("000"))
    assert "ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน โดยรวมได้คะแนน" in text
    assert "ตัวชี้วัดที่ ๘ การปรับปรุงระบบการทำงาน" in text
    assert load_framework(2563).indicator(8).name == "การปรับปรุงระบบการทำงาน"
    for choice in _own("000"):  # every ประเด็น typed is a heading the seed prints
        heading = choice.theme.split(" และ")[0]
        assert heading in text, heading


#: An item of a printed list: "๑. ", "๑.๒ " at the start of a line.
_LIST_ITEM = re.compile(r"^[๐-๙0-9]+(?:\.[๐-๙0-9]+)?\.?\s+")


def _printed_limitations(seed: str) -> list[str]:
    """The items of the list under the seed's heading on its ข้อจำกัด ("ข้อจำกัดของหน่วยงาน…"),
    as printed (white space as one space), their numbers left off; none where it prints none."""
    lines = [line.strip() for line in seed_text(seed).splitlines()]
    start = next((n for n, line in enumerate(lines) if "ข้อจำกัดของหน่วยงาน" in line), None)
    items: list[str] = []
    for line in lines[start + 1 :] if start is not None else []:
        if not line:
            continue
        if not _LIST_ITEM.match(line):
            break
        items.append(_one_space(_LIST_ITEM.sub("", line)))
    return items


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS)
def test_the_samples_type_the_limitations_their_seeds_print_and_the_report_prints_them(seed, tmp_path):
    """Thai review 9, 8: 003's report printed only ita-xl's generic ข้อจำกัด while the seed prints
    its own three (๑.๑ ด้านบุคลากร, ๑.๒ OIT staff moved, ๑.๓ the website's menu); 001 prints three by
    tool. Each sample types its seed's list (through CORRECTIONS), the report prints it verbatim in
    place of the defaults, in the xlsx and the docx; a seed without a list keeps the defaults."""
    printed = _printed_limitations(seed)
    unit = SAMPLES[seed]
    assert list(unit.limitations) == [typed(seed, t) for t in printed]
    if not printed:
        return
    outcome = check_workbook(sample_workbook(seed))
    report = outcome.report
    assert list(report.closing.limitations) == list(unit.limitations)
    words = _one_space(
        " ".join(str(v) for spec in outcome.specs for row in spec.value_grid() for v in row if v)
    )
    write_docx(outcome.specs, tmp_path / "report.docx")
    paragraphs = _one_space(" ".join(p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs))
    for text in unit.limitations:
        assert _one_space(to_thai_digits(text)) in words, text[:40]
        assert _one_space(to_thai_digits(text)) in paragraphs, text[:40]
