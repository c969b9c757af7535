"""The progress report (core): the OIT item from the framework data, counts in words with
``ไม่มี`` for none, the round chosen, and nothing stated that the tracking sheet does not hold.

Reference for the items: /work/shared/ITA_REFERENCE.md, "The measures item and its report item
move every year: FY2567 o34/o35, FY2568 o27/o28, FY2569 o25/o26", and the FY2569 list: "o26
รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน". The measures of an analysis of
FY N are carried out in FY N+1 and reported in the ITA of FY N+1; "FY2570 may change again;
nothing about it is known yet" — so no item is named for it.
"""

from __future__ import annotations

import datetime
import re

import pytest

from ita_xl.core.progress import (
    PROGRESS,
    PROGRESS_MEMO,
    build_progress,
    progress_memo,
    progress_sheet,
    progress_sheets,
    report_item,
    round_of,
    summary,
)
from ita_xl.core.sheets import MARKER
from ita_xl.core.tracking import MeasureLine, MeasuresSheet, TrackedRow, col
from ita_xl.core.wording import PROGRESS_ROUNDS, PROGRESS_STATUSES, say

DONE, DOING, NOT_STARTED = PROGRESS_STATUSES
SIX, TWELVE = PROGRESS_ROUNDS


@pytest.mark.parametrize(
    ("year", "code"),
    [(2567, "o35"), (2568, "o28"), (2569, "o26"), (2570, None)],
)
def test_the_item_is_the_years_measures_report_item(year, code):
    item = report_item(year)
    assert (item[0] if item else None) == code
    if item:
        assert item[1] == "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def test_round_names_come_from_the_catalogue():
    assert (round_of(6), round_of("12"), round_of(SIX)) == (SIX, TWELVE, SIX)
    with pytest.raises(ValueError):
        round_of(3)


def _line(n: int) -> MeasureLine:
    return MeasureLine(f"M-i{n}", "ประเด็น", f"{n}. มาตรการที่ {n}", "", "", "")


def _progress(*typed: dict, year: int = 2569, round_name: str = SIX):
    rows = [TrackedRow(_line(n), t, "", 5 + n) for n, t in enumerate(typed, start=1)]
    sheet = MeasuresSheet(year, "เทศบาลตำบลตัวอย่าง", tuple(r.line for r in rows), thai=False)
    return build_progress(sheet, rows, round_name)


def _texts(spec) -> list[str]:
    return [str(v) for row in spec.value_grid() for v in row if v is not None]


def test_counts_in_words_say_none_for_zero_never_a_zero_count():
    report = _progress(
        {"status": DONE, "round": SIX}, {"status": DONE, "round": SIX}, {"status": DOING, "round": SIX}
    )
    text = summary(report)
    assert "ดำเนินการแล้ว 2 มาตรการ" in text
    assert "อยู่ระหว่างดำเนินการ 1 มาตรการ" in text
    assert say("progress.count_none", status=NOT_STARTED) in text
    for spec in (progress_memo(report), progress_sheet(report)):
        joined = " ".join(_texts(spec))
        assert "0 มาตรการ" not in joined and "๐ มาตรการ" not in joined


def test_nothing_typed_is_said_and_nothing_is_counted_or_charted():
    report = _progress({}, {})
    assert summary(report) == say("progress.nothing_typed")
    sheet = progress_sheet(report)
    assert sheet.chart is None
    assert not any(s in summary(report) for s in PROGRESS_STATUSES)


def test_a_measure_without_a_status_is_not_counted_as_not_started():
    report = _progress({"status": DONE, "round": SIX}, {})
    assert report.count(NOT_STARTED) == 0 and report.unknown == 1
    assert say("progress.no_status", count=1) in summary(report)


def test_the_round_chosen_picks_the_rows_of_that_round():
    report = _progress(
        {"status": DOING, "round": SIX},
        {"status": DONE, "round": TWELVE, "result": "เสร็จ", "date": datetime.date(2026, 9, 1)},
    )
    assert [r.status for r in report.rows] == [DOING, ""]
    assert report.rows[1].missing == say("progress.not_in_round")
    later = _progress({"status": DOING, "round": SIX}, {"status": DONE, "round": TWELVE}, round_name=TWELVE)
    assert [r.status for r in later.rows] == ["", DONE]


def test_a_row_without_a_round_counts_in_the_chosen_round_with_a_warning():
    report = _progress({"status": DONE, "result": "ทำแล้ว", "date": "1/3/2569"})
    assert report.rows[0].status == DONE
    [finding] = report.findings
    assert finding.cell == "M6" and finding.th.startswith("ติดตามมาตรการ!M6: ")


def test_removed_measures_are_left_out_of_the_report():
    rows = [
        TrackedRow(_line(1), {"status": DONE, "round": SIX}, "", 6),
        TrackedRow(_line(2), {"status": DOING, "round": SIX}, say("tracking.removed"), 7),
        TrackedRow(_line(3), {"status": DOING, "round": SIX}, say("tracking.removed") + " หมายเหตุ", 8),
    ]
    report = build_progress(MeasuresSheet(2569, "x", (), False), rows, SIX)
    assert [r.measure for r in report.rows] == [_line(1).measure]


def test_only_measure_rows_count_not_the_staffs_notes():
    """A measure's row has ita-xl's id, or is in the table with a measure's text (a measure staff
    added there); text in the id column alone, or any row below the table (after a blank row,
    no id), is the staff's note: the tracking sheet keeps such rows as they are
    (tests/test_tracking.py), and the report does not count them."""
    note = MeasureLine("หมายเหตุ: ข้อมูล ณ วันที่ 31 มี.ค. 2569", "", "", "", "", "")
    own = MeasureLine("", "", "โครงการของหน่วยงานเอง", "", "", "")
    below = MeasureLine("", "", "ที่มา: รายงานการประชุมครั้งที่ 3/2569", "", "", "")
    rows = [
        TrackedRow(_line(1), {"status": DONE, "round": SIX}, "", 6),
        TrackedRow(own, {"status": DOING, "round": SIX}, "", 7),
        TrackedRow(note, {}, "", 8),  # directly under the table, in the id column
        TrackedRow(below, {}, "", 10),  # one blank row under the table
    ]
    report = build_progress(MeasuresSheet(2569, "x", (), False), rows, SIX)
    assert [r.measure for r in report.rows] == [_line(1).measure, own.measure]
    assert (report.count(DONE), report.count(DOING), report.unknown) == (1, 1, 0)


@pytest.mark.parametrize(
    ("year", "words"),
    [
        (2568, "ข้อ o28 "),
        # FY2569's list is "likely" (ITA_REFERENCE.md, "OIT FY2569"): by title (thai7, review 7 viii)
        (2569, "ในหัวข้อรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ],
)
def test_the_report_names_its_item_and_the_memo_asks_to_publish_under_it(year, words):
    report = _progress({"status": DONE, "round": SIX}, year=year)
    sheet, memo = progress_sheet(report), progress_memo(report)
    assert sheet.name == PROGRESS and memo.name == PROGRESS_MEMO
    assert any(words in t for t in _texts(sheet))
    assert any(words in t for t in _texts(memo))
    if year == 2569:
        assert not any("o26" in t for t in _texts(sheet) + _texts(memo))


def test_a_year_without_rules_names_no_item():
    """The report is a published document: silent where no item is known, as the seeds' are
    (Thai review; until then it printed progress.item_unknown). The finding beside it says why."""
    report = _progress({"status": DONE, "round": SIX}, year=2570)
    texts = _texts(progress_sheet(report)) + _texts(progress_memo(report))
    assert not any("ยังไม่มีเกณฑ์" in t or "ระบุข้อ" in t for t in texts)
    assert not any("เผยแพร่เป็นหลักฐานตามข้อ" in t for t in texts)
    assert [f.th for f in report.findings] == [say("progress.item_unknown", year=2570)]
    assert not _progress({"status": DONE, "round": SIX}, year=2569).findings


def test_the_table_numbers_each_measure_once():
    """Thai review: "๑ | ๑. มาตรการเผยแพร่ข้อมูล…": the number column numbers the rows, the
    title cell holds the measure without the measures sheet's number."""
    report = _progress({"status": DONE, "round": SIX}, {"status": DOING, "round": SIX})
    grid = progress_sheet(report).value_grid()
    rows = [row for row in grid if row and row[0] in (1, 2)]
    assert [(row[0], row[1]) for row in rows] == [(1, "มาตรการที่ 1"), (2, "มาตรการที่ 2")]


def test_the_chart_reads_the_counts_table():
    report = _progress({"status": DONE, "round": SIX}, {"status": DOING, "round": SIX})
    spec = progress_sheet(report)
    grid = spec.value_grid()
    chart = spec.chart
    assert chart is not None and chart.kind == "bar"
    first = int(chart.categories.split(":")[0][1:])
    labels = [grid[first - 1 + n][0] for n in range(3)]
    values = [grid[first - 1 + n][2] for n in range(3)]
    assert labels == list(PROGRESS_STATUSES)
    assert values == [1, 1, say("progress.none")]


def test_the_follow_up_sheets_are_listed_with_the_generated_ones():
    from ita_xl.core.document import FOLLOW_UP_SHEETS, GENERATED_SHEETS

    # The tracking sheet is named as issue 16 names it; the report's two sheets after it.
    assert FOLLOW_UP_SHEETS == ("ติดตามมาตรการ", "บันทึกรายงานผลมาตรการ", "รายงานผลมาตรการ")
    assert not set(FOLLOW_UP_SHEETS) & set(GENERATED_SHEETS)
    assert all(len(name) <= 31 for name in FOLLOW_UP_SHEETS)  # Excel's limit on a sheet name


@pytest.mark.parametrize(
    "typed",
    [
        "ด\u0e4d\u0e32เนินการแล้ว",  # ำ typed as ํ + า: looks the same
        "ดำเนินการ\u00a0แล้ว",  # a non-breaking space pasted from a web page
        "ดำเนินการแล้ว\u200b",  # a zero-width space
    ],
)
def test_the_report_reads_a_status_as_ita_progress_does(typed):
    """Found by review: =ITA_PROGRESS() counted such a status as done while the report left the
    measure out and warned; one reading of a status (functions.read_status) serves both."""
    from ita_xl.core.functions import ita_progress
    from ita_xl.core.tracking import MeasureLine, MeasuresSheet, TrackedRow, check_rows

    line = MeasureLine("M-i1", "ประเด็น", "มาตรการ", "", "", "")
    typed_row = {"status": typed, "round": PROGRESS_ROUNDS[0], "result": "อบรมแล้ว", "date": "15/3/2569"}
    rows = [TrackedRow(line, typed_row, row=6)]
    assert ita_progress([[typed]]) == 1.0
    assert check_rows(rows, 2569) == []
    report = build_progress(MeasuresSheet(2569, "", (line,)), rows, PROGRESS_ROUNDS[0])
    assert report.count(PROGRESS_STATUSES[0]) == 1


def test_the_report_holds_no_instructions_for_staff_and_no_cell_addresses():
    """Issue 14: the report is the deliverable. A measure without a status for the round is
    stated in formal words (a count of measures not reported); what staff should do about it is
    a finding at its status cell, never a line of the report ("ให้ติดตาม…" was one)."""
    report = _progress({"status": DONE, "round": SIX}, {}, {"status": DOING, "round": TWELVE})
    assert report.unknown == 2
    texts = [t for spec in progress_sheets(report) for t in _texts(spec) if t != MARKER]
    joined = "\n".join(texts)
    for instruction in ("ให้ติดตาม", "ให้ระบุ", "ให้กรอก", "ชีต", "กรอก"):
        assert instruction not in joined
    assert not re.search(r"(?<![A-Za-z])[A-Z]{1,3}[0-9]+(?![0-9])", joined), "a cell address"
    assert say("progress.next_unreported", count=2) in texts
    assert say("progress.no_status", count=2) in summary(report)
    status = col("status")
    assert {f.cell for f in report.findings} == {f"{status}7", f"{status}8"}
    assert all("ให้ระบุสถานะ" in f.th and f.th.startswith(f"ติดตามมาตรการ!{status}") for f in report.findings)


def test_nothing_to_report_names_no_sheet_of_the_tool():
    report = build_progress(MeasuresSheet(2569, "x", (), False), [], SIX)
    assert summary(report) == say("progress.no_measures") and "ชีต" not in summary(report)


# Thai review (review_thai_findings.md, finding 16): the summary said "ดำเนินการแล้ว ไม่มี
# อยู่ระหว่างดำเนินการ ๑ มาตรการ…"; a row read "ไม่มีข้อมูลของรอบนี้" where the summary called the same
# thing "ไม่มีรายงานสถานะ"; the chart (and Word's table of it) left the unreported row out.


def test_no_measure_done_is_said_in_words_not_as_a_count_of_none():
    report = _progress({"status": DOING, "round": SIX}, {"status": NOT_STARTED, "round": SIX})
    text = summary(report)
    assert say("progress.none_done") == "ยังไม่มีมาตรการที่ดำเนินการแล้วเสร็จ"
    assert "ยังไม่มีมาตรการที่ดำเนินการแล้วเสร็จ" in text
    assert f"{DONE} ไม่มี" not in text


def test_a_measure_without_a_status_reads_the_same_in_its_row_and_in_the_summary():
    report = _progress({"status": DOING, "round": SIX}, {"status": DONE, "round": TWELVE}, {})
    term = say("progress.unknown_status")
    assert term in summary(report)
    rows = [row for row in progress_sheet(report).value_grid() if row and row[0] in (1, 2, 3)]
    assert [row[2] for row in rows] == [DOING, term, term]
    assert not any("ไม่มีข้อมูลของรอบนี้" in t for t in _texts(progress_sheet(report)))


@pytest.mark.parametrize(
    "typed",
    [
        ({"status": DOING, "round": SIX}, {}, {"status": DONE, "round": TWELVE}, {}),
        ({"status": DONE, "round": SIX}, {"status": NOT_STARTED, "round": SIX}),
        ({"status": DOING, "round": SIX}, {"status": DOING, "round": SIX}, {}),
    ],
)
def test_the_charts_counts_add_up_to_the_number_of_measures(typed):
    """The chart plots (and Word tables, docx.plan.chart_items) the cells of its range: every
    measure is counted once, the unreported ones too ("ไม่มี" is text: a chart plots it as 0)."""
    from openpyxl.utils import range_boundaries

    from ita_xl.docx.plan import chart_items

    report = _progress(*typed)
    sheet = progress_sheet(report)
    grid = sheet.value_grid()
    min_col, min_row, _, max_row = range_boundaries(sheet.chart.values)
    counts = [grid[r - 1][min_col - 1] for r in range(min_row, max_row + 1)]
    assert sum(c for c in counts if isinstance(c, int)) == len(typed)
    *_, table = chart_items(sheet)
    words = [row[1].text for row in table.rows[1:]]
    assert sum(int(w) for w in words if w.isdigit()) == len(typed)


# the Thai review of the generated reports, round 7 (/work/team/review_thai_findings7.md), helper thai7


def test_review7_8_11_13_blank_cells_in_words_and_sentences_without_labels():
    """The reviewer's sequence: `ita-xl progress --round 6` on the FY2569 sample, statuses blank,
    then filled, one measure with "งบประมาณไม่เพียงพอ". Before: "-" in columns D–G
    (รายงานผลมาตรการ!D14:G17), "๒. มาตรการ…: งบประมาณไม่เพียงพอ", "… (อยู่ระหว่างดำเนินการ): ดำเนินการต่อ…"
    and "…จึงยังไม่ได้กำหนดแนวทางการดำเนินการต่อไป". The seeds' tables write a cell that does not
    apply in words (seed 004: "ไม่มีประเด็นข้อคำถามที่มีผลการประเมินต่ำ"), never "-"."""
    report = _progress(
        {"status": DOING, "round": SIX, "problems": "งบประมาณไม่เพียงพอ"},
        {"status": NOT_STARTED, "round": SIX},
        {},
    )
    texts = _texts(progress_sheet(report))
    assert "-" not in texts
    # (review 8, item 6: a word in every blank cell read as noise) the blank cells are left blank
    # and the measure in progress without a result is named once under the table instead
    assert "ไม่ได้ระบุ" not in texts
    assert "มาตรการที่ 1 ยังไม่ได้ระบุผลการดำเนินการ" in texts
    joined = "\n".join(texts)
    assert ": " not in joined and "): " not in joined
    assert "จึงยังไม่ได้กำหนด" not in joined
    assert f"{_line(1).measure} พบปัญหาอุปสรรค คือ งบประมาณไม่เพียงพอ" in texts
    assert f"{_line(1).measure} ซึ่งอยู่ระหว่างดำเนินการ จะดำเนินการต่อให้แล้วเสร็จภายในปีงบประมาณ พ.ศ. 2569" in texts


# the Thai review of round 8 (/work/team/review_thai_findings8.md, item 6), helper progress8


def _review8_rows() -> list[dict]:
    """The statuses and cells the reviewer typed for seed 004 (prog_004.docx, table T3, rows
    R1–R8), as they read back from the report: what a unit types after six months."""
    return [
        {"status": DONE, "round": SIX, "result": "ประเมินความเสี่ยงแล้ว ๓ ภารกิจ",
         "date": datetime.date(2026, 3, 15), "evidence": "รายงานการประเมินความเสี่ยง"},
        {"status": DOING, "round": SIX, "result": "เผยแพร่แผนจัดซื้อจัดจ้างแล้ว", "problems": "บุคลากรไม่เพียงพอ"},
        {"status": NOT_STARTED, "round": SIX, "problems": "งบประมาณไม่เพียงพอ"},
        {"status": DONE, "round": SIX, "result": "จัดทำคู่มือการยืมทรัพย์สินแล้ว", "evidence": "คู่มือ"},
        {"status": DOING, "round": SIX},
        {"status": DONE, "round": SIX, "result": "จัดอบรมจริยธรรม"},
        {},
        {"status": DOING, "round": SIX, "result": "ประชาสัมพันธ์ E-Service ทางเฟซบุ๊ก"},
    ]  # fmt: skip


def test_review8_6_a_cell_that_does_not_apply_or_was_not_typed_is_blank_and_said_once():
    """Before: "ไม่ได้ระบุ" in 24 of the 32 cells of result, indicator, date and evidence, the date
    of measure ๓ (ยังไม่ดำเนินการ: no date applies) among them. Now every such cell is blank, what
    was typed is shown as typed, and one sentence under the table names the measures whose status
    calls for what was not typed: done without indicator, date or evidence (๑, ๔, ๖), in
    progress without a result (๕). Measure ๓ (not started) and ๗ (no status) are not named."""
    report = _progress(*_review8_rows())
    grid = progress_sheet(report).value_grid()
    texts = _texts(progress_sheet(report))
    assert "ไม่ได้ระบุ" not in texts
    table = [row for row in grid if row and row[0] in range(1, 9) and len(row) >= 7]
    assert [row[0] for row in table] == list(range(1, 9))
    cells = [[str(v) if v is not None else None for v in row[3:7]] for row in table]
    assert cells[2] == [None, None, None, None]  # not started: nothing applies, nothing typed
    assert cells[6] == [None, None, None, None]  # no status
    assert cells[0] == ["ประเมินความเสี่ยงแล้ว ๓ ภารกิจ", None, "15 มีนาคม 2569", "รายงานการประเมินความเสี่ยง"]
    assert cells[3] == ["จัดทำคู่มือการยืมทรัพย์สินแล้ว", None, None, "คู่มือ"]
    assert sum(c is None for row in cells for c in row) == 24  # the reviewer's 24 cells, now blank
    # a sentence a measure, saying what it has not given (Thai review 10, 5: "ยังไม่ได้รายงานผล"
    # named measure 1, which reported its result)
    below = [t for t in texts if "ยังไม่ได้ระบุ" in t]
    assert below == [
        "มาตรการที่ 1 ยังไม่ได้ระบุตัวชี้วัดความสำเร็จ / ผลลัพธ์ "
        "มาตรการที่ 4 ยังไม่ได้ระบุตัวชี้วัดความสำเร็จ / ผลลัพธ์ และวันที่ดำเนินการ "
        "มาตรการที่ 5 ยังไม่ได้ระบุผลการดำเนินการ "
        "มาตรการที่ 6 ยังไม่ได้ระบุตัวชี้วัดความสำเร็จ / ผลลัพธ์ วันที่ดำเนินการ และหลักฐาน"
    ]
    assert "ยังไม่ได้รายงานผล" not in "\n".join(texts)


def test_review8_6_nothing_missing_says_nothing_under_the_table():
    report = _progress(
        {"status": NOT_STARTED, "round": SIX},
        {"status": DOING, "round": SIX, "result": "จัดประชุมแล้ว ๑ ครั้ง"},
        {"status": DONE, "round": SIX, "result": "ทำแล้ว", "outcome": "ร้อยละ ๑๐๐",
         "date": "15/3/2569", "evidence": "https://example.go.th/o26.pdf"},
    )  # fmt: skip
    texts = _texts(progress_sheet(report))
    assert not [t for t in texts if "ยังไม่ได้ระบุ" in t or "ยังไม่ได้รายงานผล" in t]
