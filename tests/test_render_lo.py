"""Opt-in: LibreOffice headless renders what Excel would show (skipped without ``soffice``).

Run with ``python -m tox -e render`` or plain pytest on a machine with
``libreoffice-calc-nogui fonts-thai-tlwg poppler-utils`` (see /work/shared/EXCEL_TESTING_NOTES.md
in the team notes). Checks:

* Thai digits by number format: Excel's locale prefix ``[$-D00041E]`` (numeral system 0D =
  Thai digits, LCID 041E = Thai) on numeric cells shows them in Thai digits, and the cells
  stay numbers (openpyxl reads back floats; ``=SUM`` over them computes).
* The template after the rename of its defined names: its formulas no longer meet a name
  equal to a function (KB 945828); without the add-in LibreOffice shows ``#NAME?`` for the
  ``ITA_…`` calls (unknown function), not ``Err:509`` (the name clash it showed before,
  saved to xlsx as ``#VALUE!``: checked against the template of commit 1f6c8fb),
  and the plain-Excel formulas (the weights' ``=SUM``) compute.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ita_xl.build import workbooks as build
from ita_xl.core.framework import latest_year, load_framework
from ita_xl.core.layout import CRITERIA, SCORES, Layout
from ita_xl.core.sheets import THAI_DIGITS

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None, reason="needs LibreOffice"
)


def convert(path: Path, to: str, out: Path) -> Path:
    profile = out / "profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = out / f"{path.stem}.{to.split(':')[0]}"
    assert result.exists(), "soffice exits 0 even when it failed"
    return result


def test_thai_digits_by_number_format(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row, (value, fmt) in enumerate([(98.5, "0.00"), (7, "General"), (76.425, "0.00")], start=1):
        ws.cell(row, 1, value).number_format = THAI_DIGITS + fmt
    ws["A4"] = "=SUM(A1:A2)"
    ws["A4"].number_format = THAI_DIGITS + "0.00"
    wb.save(tmp_path / "digits.xlsx")
    back = load_workbook(tmp_path / "digits.xlsx")["Sheet"]
    assert back["A1"].value == 98.5 and back["A1"].number_format == THAI_DIGITS + "0.00"
    text = subprocess.run(
        ["pdftotext", str(convert(tmp_path / "digits.xlsx", "pdf", tmp_path)), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert text[:4] == ["๙๘.๕๐", "๗", "๗๖.๔๓", "๑๐๕.๕๐"]


def test_the_analysis_prints_its_chart_and_page_numbers(tmp_path):
    """Issue 14, print layout: the print area ended above the trend chart, so it was not printed."""
    from ita_xl.core.sheets import ANALYSIS
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import generate_workbook

    wb = sample_workbook("2569")
    assert generate_workbook(wb).ok
    for name in [n for n in wb.sheetnames if n != ANALYSIS]:
        del wb[name]
    wb.save(tmp_path / "analysis.xlsx")
    pdf = convert(tmp_path / "analysis.xlsx", "pdf", tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f")
    assert "คะแนนรวม ITA รายปี" in text  # the chart's title
    assert [f"หน้า {n} จาก {pages}" in text for n in range(1, pages + 1)] == [True] * pages


def test_template_names_no_longer_clash(tmp_path):
    layout = Layout(load_framework(latest_year()))
    out = convert(build.WORKBOOKS / build.TEMPLATE_NAME, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    values = load_workbook(out, data_only=True)
    rating = values[SCORES][f"C{layout.rating_row}"].value
    assert rating == "#NAME?"  # the add-in is not loaded in LibreOffice; Err:509 before the rename
    assert values[CRITERIA][f"C{max(layout.weight_rows.values()) + 1}"].value == 100
