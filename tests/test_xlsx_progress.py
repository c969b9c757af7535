"""The follow-up in files, as a member of staff does it: generate the report, add the tracking
sheet, type the results (here with openpyxl, as Excel saves them), edit a measure on the measures
sheet, refresh, and write the progress report as a sheet and as Word — for the measures of
FY2568 (seed 003, the analysis of FY2567: published under o28 of ITA 2568) and of FY2569 (seed
004, the analysis of FY2568: o26 of ITA 2569). Items: /work/shared/ITA_REFERENCE.md, "The
measures item and its report item move every year: FY2567 o34/o35, FY2568 o27/o28, FY2569
o25/o26".

The drop-down is Excel's list validation: ``<dataValidation type="list">`` with the options in
``formula1`` as one quoted, comma-separated string (ECMA-376 Part 1, 18.3.1.32; Microsoft,
"Apply data validation to cells": "type your list values separated by commas").
"""

from __future__ import annotations

import dataclasses
import datetime
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from ita_xl.cli import main
from ita_xl.core.figures import to_thai_digits
from ita_xl.core.progress import PROGRESS, PROGRESS_MEMO
from ita_xl.core.sheets import MEASURES
from ita_xl.core.tracking import TRACKING, col
from ita_xl.core.wording import PROGRESS_ROUNDS, PROGRESS_STATUSES, say
from ita_xl.xlsx.template import sample_workbook

DONE, DOING, NOT_STARTED = PROGRESS_STATUSES


def _generated(tmp_path, seed: str):
    filled = tmp_path / f"filled_{seed}.xlsx"
    sample_workbook(seed).save(filled)
    out = tmp_path / f"ITA_{seed}.xlsx"
    assert main(["generate", str(filled), "-o", str(out)]) in (0, 1)
    return out


def _rows(ws):
    """(sheet row, id) of each measure row of the tracking sheet, read by its header."""
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "รหัส")
    found, r = [], header + 1
    while any(ws.cell(r, c).value for c in range(1, 15)):
        found.append((r, ws.cell(r, 1).value))
        r += 1
    return found


def _measure_rows(ws):
    header = next(r for r in range(1, 20) if ws.cell(r, 8).value == "รหัส")
    r, rows = header + 1, []
    while ws.cell(r, 8).value:
        rows.append(r)
        r += 1
    return rows


def _type(path, values):
    """Type into the tracking sheet as a user does (by id), and save."""
    wb = load_workbook(path)
    ws = wb[TRACKING]
    for row, key in _rows(ws):
        for name, value in values.get(key, {}).items():
            ws[f"{col(name)}{row}"] = value
    wb.save(path)


@pytest.mark.parametrize(("seed", "year", "item"), [("003", 2568, "o28"), ("004", 2569, "o26")])
def test_a_users_year_of_follow_up(tmp_path, seed, year, item, capsys):
    ita = _generated(tmp_path, seed)
    tracking = tmp_path / "ติดตาม.xlsx"
    assert main(["progress", str(ita), "-o", str(tracking)]) == 0

    wb = load_workbook(tracking)
    ws = wb[TRACKING]
    keys = [key for _, key in _rows(ws)]
    measures = load_workbook(ita)[MEASURES]
    assert keys == [measures.cell(r, 8).value for r in _measure_rows(measures)]
    [status_list, round_list] = ws.data_validations.dataValidation
    assert status_list.type == "list" and status_list.formula1 == '"' + ",".join(PROGRESS_STATUSES) + '"'
    assert round_list.formula1 == '"' + ",".join(PROGRESS_ROUNDS) + '"'
    assert f"{col('status')}{_rows(ws)[0][0]}" in str(status_list.sqref)

    typed = {
        keys[0]: {"status": DONE, "result": "จัดอบรม 2 ครั้ง", "date": datetime.datetime(year - 543, 3, 15)},
        keys[1]: {"status": DOING, "problems": "งบประมาณจำกัด", "round": PROGRESS_ROUNDS[0]},
        keys[-1]: {"status": NOT_STARTED, "evidence": "https://example.go.th/ita/o.pdf"},
    }
    _type(tracking, typed)

    # The unit edits its measures: rewords the first, deletes the last.
    wb = load_workbook(ita)
    ms = wb[MEASURES]
    first, *_, last = _measure_rows(ms)
    ms.cell(first, 2).value = "1. มาตรการที่แก้ถ้อยคำแล้ว"
    ms.delete_rows(last)
    wb.save(ita)

    assert main(["progress", str(ita), "-o", str(tracking)]) == 0
    ws = load_workbook(tracking)[TRACKING]
    rows = dict((key, r) for r, key in _rows(ws))
    assert list(rows) == keys  # the removed measure is kept, at the end
    for key, values in typed.items():
        for name, value in values.items():
            assert ws[f"{col(name)}{rows[key]}"].value == value, (key, name)
    assert ws[f"C{rows[keys[0]]}"].value == "1. มาตรการที่แก้ถ้อยคำแล้ว"
    assert ws[f"{col('note')}{rows[keys[-1]]}"].value == say("tracking.removed")

    capsys.readouterr()
    assert main(["progress", str(tracking), "--in-place", "--round", "6"]) == 1  # one row has no round
    printed = capsys.readouterr().out
    assert f"{TRACKING}!{col('round')}{rows[keys[0]]}" in printed
    wb = load_workbook(tracking)
    assert wb.sheetnames[:3] == [TRACKING, PROGRESS_MEMO, PROGRESS]
    report = [str(c.value) for row in wb[PROGRESS].iter_rows() for c in row if c.value is not None]
    # The unit writes numbers in Thai digits, the item's code included, as the measures sheet does.
    code = to_thai_digits(item)
    assert any(f"ข้อ {code} " in text for text in report)
    assert any("ดำเนินการแล้ว ๑ มาตรการ" in text for text in report)
    assert wb[PROGRESS]._charts  # the counts chart

    docx = tmp_path / "รายงาน.docx"
    assert main(["progress", str(tracking), "-o", str(docx), "--round", "6"]) == 1
    with zipfile.ZipFile(docx) as archive:
        document = archive.read("word/document.xml").decode()
    assert f"ข้อ {code} " in document and "จัดอบรม 2 ครั้ง" in document

    # The typed values are still there after the report was written, and a report sheet edited
    # by hand is not overwritten.
    wb = load_workbook(tracking)
    assert wb[TRACKING][f"{col('result')}{rows[keys[0]]}"].value == "จัดอบรม 2 ครั้ง"
    wb[PROGRESS]["A2"] = "แก้เอง"
    wb.save(tracking)
    before = tracking.read_bytes()
    assert main(["progress", str(tracking), "--in-place", "--round", "12"]) == 2
    assert tracking.read_bytes() == before


def test_tracking_in_the_same_workbook_survives_regeneration(tmp_path):
    ita = _generated(tmp_path, "004")
    assert main(["progress", str(ita), "--in-place"]) == 0
    _type(ita, {"M-i3": {"status": DONE, "result": "ทำแล้ว", "date": "15/3/2569"}})
    assert main(["generate", str(ita), "--in-place"]) in (0, 1)
    wb = load_workbook(ita)
    rows = dict((key, r) for r, key in _rows(wb[TRACKING]))
    assert wb[TRACKING][f"{col('status')}{rows['M-i3']}"].value == DONE
    assert wb.sheetnames.index(TRACKING) == wb.sheetnames.index(MEASURES) + 1
    # A refresh in the same workbook keeps it too.
    assert main(["progress", str(ita), "--in-place"]) == 0
    ws = load_workbook(ita)[TRACKING]
    assert ws[f"{col('date')}{rows['M-i3']}"].value == "15/3/2569"


def test_a_users_own_sheet_named_like_ours_is_never_overwritten(tmp_path):
    ita = _generated(tmp_path, "004")
    wb = load_workbook(ita)
    wb.create_sheet(TRACKING)["A1"] = "ของฉันเอง"
    wb.save(ita)
    before = ita.read_bytes()
    assert main(["progress", str(ita), "--in-place"]) == 2
    assert ita.read_bytes() == before


def test_next_years_analysis_in_the_same_book_does_not_rewrite_this_years_tracking(tmp_path):
    ita = _generated(tmp_path, "004")
    assert main(["progress", str(ita), "--in-place"]) == 0
    wb = load_workbook(ita)
    wb[MEASURES]["A1"] = wb[MEASURES]["A1"].value.replace("๒๕๖๙", "๒๕๗๐")
    wb.save(ita)
    assert main(["progress", str(ita), "--in-place"]) == 2


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="needs LibreOffice"
)
def test_typed_dates_show_as_buddhist_era_dates_in_libreoffice(tmp_path):
    """The date column's formats ``[$-107041E]`` / ``[$-D07041E]`` (calendar 07, Thai Buddhist;
    numeral system 0D, Thai digits: Excel's ``[$-NNCCLLLL]``) as LibreOffice renders them."""
    from openpyxl import Workbook

    from ita_xl.core.tracking import MeasureLine, MeasuresSheet, TrackedRow, tracking_sheet
    from ita_xl.xlsx.render import render

    line = MeasureLine("M-i3", "ก", "๑. มาตรการ", "", "", "")
    rows = [TrackedRow(line, {"date": datetime.datetime(2026, 3, 15)}), TrackedRow(line, {"date": 46097})]
    wb = Workbook()
    wb.remove(wb.active)
    # Two sheets: a date cell alone keeps the plain date style; a serial number takes the Thai twin.
    for n, row in enumerate(rows):
        spec = tracking_sheet(MeasuresSheet(2569, "x", (line,)), [row], thai=True)
        render(wb, dataclasses.replace(spec, name=f"s{n}"))
    book = tmp_path / "dates.xlsx"
    wb.save(book)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "dates.pdf"), "-"], capture_output=True, text=True
    ).stdout
    # LibreOffice draws the Thai font larger than Excel (EXCEL_TESTING_NOTES.md) and wraps the
    # date inside its column: pdftotext's line breaks are layout, not part of the format.
    text = " ".join(text.split())
    assert "15 มี.ค. 2569" in text  # 15 March 2026, Buddhist era
    assert "๑๖ มี.ค. ๒๕๖๙" in text  # serial 46097 = 16 March 2026, in Thai digits


def _tracked(tmp_path):
    """A user's first steps: generate, create the tracking sheet; returns (report, tracking file)."""
    source = _generated(tmp_path, "004")
    track = tmp_path / "track.xlsx"
    assert main(["progress", str(source), "-o", str(track)]) in (0, 1)
    return source, track


def _header_row(ws) -> int:
    return next(r for r in range(1, 20) if ws.cell(r, 1).value == "รหัส")


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("AP8", "ติดตามมาตรการ!AP8"),  # beyond the 40 columns the reader looks at
        ("C2500", "ติดตามมาตรการ!C2500"),  # below the 2,000 rows it reads
        ("AD1", "ติดตามมาตรการ!AD1"),  # row 1 beside the marker (Z1) and digest (AA1), not them
    ],
)
def test_a_refresh_refuses_a_value_it_would_not_see(tmp_path, capsys, cell, words):
    """Found by review: such values were deleted with exit 0. Now nothing changes, exit 2."""
    source, track = _tracked(tmp_path)
    wb = load_workbook(track)
    wb[TRACKING][cell] = "บันทึกของเจ้าหน้าที่"
    wb.save(track)
    before = track.read_bytes()
    assert main(["progress", str(source), "-o", str(track)]) == 2
    assert words in capsys.readouterr().err
    assert track.read_bytes() == before


@pytest.mark.parametrize("kind", ["hyperlink", "comment"])
def test_a_refresh_refuses_a_hyperlink_or_comment_it_would_drop(tmp_path, capsys, kind):
    """Staff put evidence as a link (the หลักฐาน column): a refresh writes values only, so it
    stops and names the cell instead of dropping the link."""
    from openpyxl.comments import Comment

    source, track = _tracked(tmp_path)
    wb = load_workbook(track)
    ws = wb[TRACKING]
    cell = ws[f"{col('evidence')}{_header_row(ws) + 1}"]
    cell.value = "รายงานการประชุม"
    if kind == "hyperlink":
        cell.hyperlink = "https://example.go.th/evidence.pdf"
    else:
        cell.comment = Comment("ตรวจแล้ว", "staff")
    wb.save(track)
    before = track.read_bytes()
    assert main(["progress", str(source), "-o", str(track)]) == 2
    assert f"{TRACKING}!{cell.coordinate}" in capsys.readouterr().err
    assert track.read_bytes() == before
