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

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ita_xl.build import workbooks as build
from ita_xl.core.framework import latest_year, load_framework
from ita_xl.core.layout import CRITERIA, SCORES, Layout
from ita_xl.core.samples import SAMPLES
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


def sheet_pdf_text(sample: str, sheet: str, out: Path) -> str:
    """The PDF text (pdftotext, pages split by form feeds) of one generated sheet of a sample,
    printed alone by LibreOffice."""
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import generate_workbook

    wb = sample_workbook(sample)
    assert generate_workbook(wb).ok
    for name in [n for n in wb.sheetnames if n != sheet]:
        del wb[name]
    wb.save(out / f"{sheet}.xlsx")
    pdf = convert(out / f"{sheet}.xlsx", "pdf", out)
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


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

    text = sheet_pdf_text("2569", ANALYSIS, tmp_path)
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


# --------------------------------------------------------------------------- printed pages


def _skeleton(text: str) -> str:
    """Thai consonants and Latin letters only: PDF text extraction reorders and splits Thai
    vowels and tone marks (คำ comes back as คํา), spaces and line ends; the consonants keep
    their order. pypdf gives a mark it cannot map as a Latin capital between Thai letters
    ("ยิ่งขึ้น" at a cell's end comes back "ยิ่งขึGน", seed 003's typed step; pdftotext reads it
    right): such a letter is dropped."""
    letters = re.sub(r"[^ก-ฮA-Za-z]", "", text)
    return re.sub(r"(?<=[ก-ฮ])[A-Z](?=[ก-ฮ])", "", letters)


def _pdf_pages(path: Path, tmp_path: Path) -> list[str]:
    from pypdf import PdfReader

    pdf = convert(path, "pdf", tmp_path)
    footer = re.compile(r"^\s*หน้า\s+\S+\s+จาก\s+\S+\s*$")  # the sheet's footer (page.FOOTER)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    return ["\n".join(line for line in text.splitlines() if not footer.match(line)) for text in pages]


def _only(seed: str, name: str, tmp_path: Path):
    """The sample's generated sheet ``name`` alone in a workbook, and its description."""
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import generate_workbook

    wb = sample_workbook(seed)
    outcome = generate_workbook(wb)
    assert outcome.ok
    for other in [n for n in wb.sheetnames if n != name]:
        del wb[other]
    wb.save(tmp_path / f"{seed}.xlsx")
    return next(s for s in outcome.specs if s.name == name), tmp_path / f"{seed}.xlsx"


def _physical_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines top to bottom (``pdftotext -layout``), the footer left out."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [[line for line in page.splitlines() if _skeleton(line) != "หนจก"] for page in text.split("\f")]


@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_a_table_continued_on_a_new_page_opens_it_with_its_heading(seed, tmp_path):
    """Issue 14, print layout: the analysis holds several tables; LibreOffice prints it on the
    pages ita-xl laid out (one page wide at the set scale, a page at each manual break and
    nowhere else), and each page that continues a table starts with the table's heading row:
    the first letters on the page, top to bottom, are the heading's (as a multiset: a heading
    cell that wraps puts its second line beside the next cell's first)."""
    from ita_xl.core.sheets import ANALYSIS

    calibri = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True).stdout
    if "Carlito" not in calibri and "Calibri" not in calibri:  # column widths come from the Normal font
        pytest.skip("needs Calibri or Carlito: apt-get install -y fonts-crosextra-carlito")
    spec, path = _only(seed, ANALYSIS, tmp_path)
    pages = _physical_lines(convert(path, "pdf", tmp_path))[: len(spec.row_breaks) + 1]
    assert len(_pdf_pages(path, tmp_path)) == len(spec.row_breaks) + 1
    assert spec.repeated_rows, "every sample has a table that runs over a page"
    for row, heading in spec.repeated_rows:
        page = spec.row_breaks.index(row) + 1
        cells = [b.values[0][0] for b in spec.blocks if b.row == heading and b.style != "marker"]
        words = _skeleton("".join(map(str, cells)))
        top = _skeleton("".join(pages[page]))[: len(words)]
        assert sorted(top) == sorted(words), f"page {page + 1} opens with {top}, not the heading {words}"


@pytest.mark.parametrize("seed", sorted(SAMPLES))
def test_no_measures_cell_loses_its_last_line(seed, tmp_path):
    """Issue 14, print layout: LibreOffice draws the Thai font larger than Excel, and cut the last
    line of the longest cells (steps, monitoring) off rows sized for Excel; each cell's last words
    (its last six letters: a line's letters come back in order, a line break may reorder lines)
    are printed now, as often as cells end with them. Excel's own wrapping is not checked here."""
    from ita_xl.core.sheets import MEASURES

    spec, path = _only(seed, MEASURES, tmp_path)
    text = _skeleton("".join(_pdf_pages(path, tmp_path)))
    ends = [
        _skeleton(str(v))[-6:]
        for b in spec.blocks
        if b.style != "marker"
        for row in b.values
        for v in row
        if isinstance(v, str) and len(_skeleton(v)) > 24
    ]
    for end in set(ends):
        assert text.count(end) >= ends.count(end), f"a cell ending {end} lost its last line"
