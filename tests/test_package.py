"""Reading cell values without loading the workbook (ita_xl.xlsx.package), against openpyxl's own reading.

The reference is ``openpyxl.load_workbook`` (the library every other path of ita-xl reads
with): for each kind of cell ECMA-376 Part 1 §18.3.1.4 allows (t = n, s, str, b, e,
inlineStr; a date by its number format §18.8.30; formulas §18.3.1.40, shared formulas), the
fast scan must give the value openpyxl gives, and the workbook digest must agree.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.xlsx.package import Book
from ita_xl.xlsx.workbook import workbook_digest
from tests.hostile import sample_path


def loaded_cells(path: Path) -> dict[str, list[tuple[int, int, object]]]:
    wb = load_workbook(path)
    return {
        ws.title: sorted((r, c, cell.value) for (r, c), cell in ws._cells.items() if cell.value is not None)
        for ws in wb.worksheets
    }


def scanned_cells(path: Path) -> dict[str, list[tuple[int, int, object]]]:
    with Book(path) as book:
        return {name: sorted(book.cells(name)) for name in book.sheetnames if book.is_worksheet(name)}


@pytest.mark.parametrize("seed", sorted(SAMPLE_FILES))
def test_every_sample_reads_as_openpyxl_reads_it(seed):
    path = sample_path(seed)
    assert scanned_cells(path) == loaded_cells(path)
    with Book(path) as book:
        assert book.digest() == workbook_digest(load_workbook(path))


def every_kind(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = 98.5
    ws["A2"] = 7
    ws["A3"] = 'ข้อความ & <tag> "quoted"'
    ws["A4"] = True
    ws["A5"] = datetime.datetime(2025, 10, 1, 8, 30)
    ws["A6"] = "=SUM(A1:A2)"
    ws["A7"] = "#DIV/0!"
    ws["A8"] = "  "
    ws["XFD1048576"] = "far"
    ws["B1"].number_format = "0.00"  # a styled blank: no value
    wb.save(path)
    return path


def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path):
    path = every_kind(tmp_path / "kinds.xlsx")
    assert len(scanned_cells(path)["Sheet"]) == 9
    assert scanned_cells(path) == loaded_cells(path)


def _rewrite_sheet(path: Path, edit) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = edit(parts["xl/worksheets/sheet1.xml"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


SHEET_DATA = (
    # Excel's own shapes: a shared formula (§18.3.1.40 t="shared"),
    # an error, a boolean, an inline rich string, a number with an exponent, attributes in
    # another order, a cached formula result (t="str").
    b'<sheetData><row r="1"><c r="A1" t="n"><v>1.5E2</v></c><c r="B1"><f>A1*2</f><v>300</v></c></row>'
    b'<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>4</v></c></row>'
    b'<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>'
    b'<row r="4"><c t="e" r="A4"><v>#N/A</v></c><c r="B4" t="b"><v>0</v></c>'
    + '<c r="C4" t="inlineStr"><is><r><t>ตัว</t></r><r><rPr><b/></rPr><t xml:space="preserve">หนา &amp; </t></r></is></c>'.encode()
    + b'<c r="D4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E4" s="0" t="n"><v></v></c></row></sheetData>'
)


def test_excels_own_cell_shapes_read_as_openpyxl_reads_them(tmp_path):
    path = tmp_path / "excel.xlsx"
    Workbook().save(path)
    _rewrite_sheet(path, lambda xml: xml.replace(b"<sheetData></sheetData>", SHEET_DATA))
    assert len(scanned_cells(path)["Sheet"]) == 10  # E4 has an empty <v>: no value
    assert scanned_cells(path) == loaded_cells(path)
    assert dict(((r, c), v) for r, c, v in scanned_cells(path)["Sheet"])[(3, 2)] == "=A3*2"


def test_a_prefixed_sheet_is_read_by_openpyxls_parser(tmp_path):
    """A writer may bind SpreadsheetML to a prefix (x:worksheet): the fast scan steps aside."""
    path = every_kind(tmp_path / "prefixed.xlsx")

    def prefix(xml: bytes) -> bytes:
        import re

        xml = xml.replace(b'xmlns="http://schemas', b'xmlns:x="http://schemas', 1)
        return re.sub(rb"<(/?)(?=[a-zA-Z])", rb"<\1x:", xml.split(b"?>", 1)[-1])

    _rewrite_sheet(path, prefix)
    assert scanned_cells(path) == loaded_cells(path)


def test_only_the_rectangle_is_in_the_grid_and_the_rest_is_named(tmp_path):
    path = every_kind(tmp_path / "kinds.xlsx")
    with Book(path) as book:
        grid = book.grid("Sheet")
        assert len(grid) == 8 and max(len(row) for row in grid) == 1
        assert book.beyond("Sheet") == [(1048576, 16384)]
