"""The generated sheets are put into a copy of the user's package part by part (ita_xl.xlsx.insert).

Checked the way XlsxWriter's own tests compare files (part by part, uncompressed XML), against
ECMA-376's rules for the parts the insertion writes: Part 2 (OPC) §9.3 relationships, §10.1.2
[Content_Types].xml Overrides; Part 1 §18.2.19 <sheet> (sheetId unique, r:id a worksheet
relationship), §18.2.5 definedName localSheetId (0-based position in <sheets>), §18.2.6
built-in names _xlnm.Print_Area / _xlnm.Print_Titles, §18.8 styles (cellXfs indices).
"""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from ita_xl.cli import main
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import ANALYSIS, MEASURES
from ita_xl.xlsx.package import Book
from ita_xl.xlsx.workbook import BOOK_PROPERTY, check_workbook
from tests.hostile import PICTURE, sample_path, with_content, with_parts

#: Parts the insertion must change; every other part of the input is copied byte for byte.
CHANGED = {
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "docProps/custom.xml",
    "docProps/app.xml",  # the sheet titles, where the file lists them (Excel does; openpyxl does not)
}
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def generate(source: Path, output: Path | None = None) -> Path:
    argv = ["generate", str(source)] + (["-o", str(output)] if output else ["--in-place"])
    assert main(argv) in (0, 1)
    return output or source


def rels_of(package: dict[str, bytes], part: str) -> list[ElementTree.Element]:
    folder, name = posixpath.split(part)
    xml = package.get(posixpath.join(folder, "_rels", f"{name}.rels"))
    return [] if xml is None else list(ElementTree.fromstring(xml).iter(f"{REL}Relationship"))


def target(part: str, rel: ElementTree.Element) -> str:
    t = rel.get("Target")
    return t[1:] if t.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(part), t))


def overrides(package: dict[str, bytes]) -> dict[str, str]:
    root = ElementTree.fromstring(package["[Content_Types].xml"])
    return {e.get("PartName")[1:]: e.get("ContentType") for e in root if e.tag.endswith("Override")}


def styles_children(xml: bytes, container: str) -> list[bytes]:
    body = re.search(rb"<" + container.encode() + rb"\b[^>]*>(.*?)</" + container.encode() + rb">", xml, re.S)
    return (
        [ElementTree.tostring(e) for e in ElementTree.fromstring(b"<r>" + body.group(1) + b"</r>")]
        if body
        else []
    )


@pytest.mark.parametrize("seed", sorted(SAMPLE_FILES))
def test_every_part_of_the_input_is_kept_byte_for_byte(tmp_path, seed):
    source = sample_path(seed)
    output = generate(source, tmp_path / "out.xlsx")
    before, after = parts(source), parts(output)
    for name, data in before.items():
        if name not in CHANGED:
            assert after[name] == data, name
    assert after["docProps/app.xml"] == before["docProps/app.xml"]  # openpyxl's lists no titles
    # The styles part only grows: the user's fonts, fills, borders and cell formats keep their indices.
    for container in ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"):
        mine = styles_children(before["xl/styles.xml"], container)
        assert styles_children(after["xl/styles.xml"], container)[: len(mine)] == mine, container
    # The user's sheets keep their <sheet> elements, in order, first.
    sheets = re.findall(rb"<sheet\b[^>]*/>", after["xl/workbook.xml"])
    assert sheets[: len(re.findall(rb"<sheet\b[^>]*/>", before["xl/workbook.xml"]))] == re.findall(
        rb"<sheet\b[^>]*/>", before["xl/workbook.xml"]
    )


@pytest.mark.parametrize("seed", sorted(SAMPLE_FILES))
def test_the_package_follows_the_opc_and_spreadsheetml_rules(tmp_path, seed):
    output = generate(sample_path(seed), tmp_path / "out.xlsx")
    package = parts(output)
    workbook = ElementTree.fromstring(package["xl/workbook.xml"])
    sheets = list(workbook.iter(f"{MAIN}sheet"))
    ids = [s.get("sheetId") for s in sheets]
    assert len(set(ids)) == len(ids)  # §18.2.19: sheetId unique
    rels = {r.get("Id"): r for r in rels_of(package, "xl/workbook.xml")}
    types = overrides(package)
    for sheet in sheets:
        rel = rels[sheet.get(R_ID)]  # r:id names a workbook relationship of type worksheet
        assert rel.get("Type").endswith("/relationships/worksheet")
        part = target("xl/workbook.xml", rel)
        assert part in package
        assert types[part] == "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    # Every internal relationship points at a part that exists and has a content type (§10.1.2).
    for name in [n for n in package if n.endswith(".rels")]:
        folder, file = posixpath.split(name)
        source = posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])
        for rel in rels_of(package, source):
            if rel.get("TargetMode") != "External":
                part = target(source, rel)
                assert part in package, (name, part)
    # Print names point at their own sheet by position (§18.2.5 localSheetId).
    names = [s.get("name") for s in sheets]
    for defined in workbook.iter(f"{MAIN}definedName"):
        if defined.get("name", "").startswith("_xlnm.Print"):
            sheet = names[int(defined.get("localSheetId"))]
            assert defined.text.startswith(f"'{sheet}'!"), (sheet, defined.text)


def test_openpyxl_reads_back_what_was_described(tmp_path):
    source = sample_path("004")
    output = generate(source, tmp_path / "out.xlsx")
    outcome = check_workbook(load_workbook(source))
    wb = load_workbook(output)
    for spec in outcome.specs:
        ws = wb[spec.name]
        for r, row in enumerate(spec.value_grid(), start=1):
            for c, value in enumerate(row, start=1):
                if value not in (None, ""):
                    assert ws.cell(r, c).value == value, (spec.name, r, c)
        if spec.print_title_rows:
            assert ws.print_title_rows.replace("$", "") == spec.print_title_rows.replace("$", "")
    analysis = wb[ANALYSIS]
    assert analysis["A1"].font.name == "TH SarabunPSK"  # the remapped style, not the user's default
    assert wb[MEASURES]["A1"].font.b


def test_the_recorded_digest_is_the_files_own(tmp_path):
    output = generate(sample_path("2569"), tmp_path / "out.xlsx")
    props = {p.name: p.value for p in load_workbook(output).custom_doc_props}
    with Book(output) as book:
        assert props[BOOK_PROPERTY] == book.digest()


def test_rerun_replaces_its_sheets_without_leftover_parts_or_styles(tmp_path):
    source = tmp_path / "in.xlsx"
    shutil.copy(sample_path("2569"), source)
    generate(source)
    first = parts(source)
    generate(source)
    second = parts(source)
    assert sorted(first) == sorted(second)  # the same parts: the old ones were replaced, none left behind
    assert second["xl/styles.xml"] == first["xl/styles.xml"]  # its formats are found again, none added
    assert len(load_workbook(source).sheetnames) == len(re.findall(rb"<sheet\b", first["xl/workbook.xml"]))


def test_the_trend_chart_comes_with_its_drawing(tmp_path):
    """The FY2569 sample has a history, so its analysis sheet has a chart: sheet -> drawing -> chart."""
    output = generate(sample_path("2569"), tmp_path / "out.xlsx")
    package = parts(output)
    workbook = ElementTree.fromstring(package["xl/workbook.xml"])
    rels = {r.get("Id"): r for r in rels_of(package, "xl/workbook.xml")}
    sheet = next(s for s in workbook.iter(f"{MAIN}sheet") if s.get("name") == ANALYSIS)
    part = target("xl/workbook.xml", rels[sheet.get(R_ID)])
    (drawing_rel,) = [r for r in rels_of(package, part) if r.get("Type").endswith("/drawing")]
    drawing = target(part, drawing_rel)
    (chart_rel,) = [r for r in rels_of(package, drawing) if r.get("Type").endswith("/chart")]
    chart = target(drawing, chart_rel)
    types = overrides(package)
    assert types[drawing] == "application/vnd.openxmlformats-officedocument.drawing+xml"
    assert types[chart] == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    assert f"'{ANALYSIS}'!".encode() in package[chart]  # the series read the analysis sheet's trend table
    assert load_workbook(output)[ANALYSIS]._charts


@pytest.mark.parametrize("kind", ["pivot table", "vml control"])
def test_what_openpyxl_cannot_write_is_kept_by_the_copy_and_in_place(tmp_path, kind):
    source = with_parts(sample_path(), tmp_path / "in.xlsx", kind)
    before = parts(source)
    output = generate(source, tmp_path / "out.xlsx")
    generate(source)  # in place
    for path in (output, source):
        after = parts(path)
        for name, data in before.items():
            if name not in CHANGED:
                assert after[name] == data, (path.name, name)


@pytest.mark.parametrize(("kind", "word"), [("picture", "xdr:pic"), ("text box", "TextBox")])
def test_pictures_and_text_boxes_are_kept_byte_for_byte(tmp_path, kind, word):
    source = with_content(sample_path(), tmp_path / "in.xlsx", kind)
    before = parts(source)
    generate(source)  # in place: nothing to refuse any more
    after = parts(source)
    drawings = [n for n in before if n.startswith(("xl/drawings/", "xl/media/"))]
    assert drawings and all(after[n] == before[n] for n in drawings)
    assert word in after["xl/drawings/drawing1.xml"].decode()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="opt-in: needs LibreOffice (soffice)")
def test_libreoffice_opens_the_output(tmp_path):
    output = generate(
        with_parts(sample_path("2569"), tmp_path / "in.xlsx", "vml control"), tmp_path / "out.xlsx"
    )
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(output),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "out.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000  # soffice exits 0 even when it wrote nothing
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
        assert "ITA" in text


def test_a_legacy_form_control_is_named_as_what_openpyxl_drops(tmp_path):
    """Checked against the library: openpyxl's save really loses the VML part of the control."""
    from ita_xl.xlsx.keep import CONTROL, dropped_content

    source = with_parts(sample_path(), tmp_path / "in.xlsx", "vml control")
    assert dropped_content(source) == [CONTROL]
    resaved = tmp_path / "resaved.xlsx"
    load_workbook(source).save(resaved)
    assert "xl/drawings/vmlDrawing1.vml" not in parts(resaved)
    assert dropped_content(sample_path()) == []  # the sample has no such content


def test_a_pivot_table_is_kept_by_openpyxl_too(tmp_path):
    """openpyxl 3.1 reads and writes pivot tables back (openpyxl.pivot), so they are not refused."""
    from ita_xl.xlsx.keep import dropped_content

    source = with_parts(sample_path(), tmp_path / "in.xlsx", "pivot table")
    assert dropped_content(source) == []
    resaved = tmp_path / "resaved.xlsx"
    load_workbook(source).save(resaved)
    assert any(n.startswith("xl/pivotTables/") for n in parts(resaved))


@pytest.mark.parametrize("kind", ["vml control"])
def test_the_openpyxl_fallback_refuses_in_place_for_a_form_control(tmp_path, capsys, monkeypatch, kind):
    from ita_xl.xlsx import workbook
    from ita_xl.xlsx.insert import Unsupported

    def unsupported(*args, **kwargs):
        raise Unsupported("test")

    monkeypatch.setattr(workbook, "insert_sheets", unsupported)
    source = with_parts(sample_path(), tmp_path / "in.xlsx", kind)
    before = source.read_bytes()
    assert main(["generate", str(source), "--in-place"]) == 2
    err = capsys.readouterr().err
    assert "form controls" in err and "-o" in err and len(err.strip().splitlines()) == 1
    assert source.read_bytes() == before


def test_an_excel_shaped_workbook_validates_as_its_sample_and_keeps_every_part(tmp_path):
    """XlsxWriter writes Excel's own XML (its tests compare with files Excel saved): shared
    strings, Excel's styles and namespaces, and the content a user adds in Excel."""
    from ita_xl.xlsx.workbook import check_book, open_book
    from tests.hostile import excel_shaped

    source = excel_shaped(sample_path("004"), tmp_path / "excel.xlsx")
    with open_book(source) as book:
        lines = [f.line() for f in check_book(book).findings]
    assert lines == [f.line() for f in check_workbook(load_workbook(sample_path("004"))).findings]
    before = parts(source)
    output = generate(source, tmp_path / "out.xlsx")
    generate(source)  # in place
    for path in (output, source):
        after = parts(path)
        assert all(after[name] == data for name, data in before.items() if name not in CHANGED), path.name
        with warnings.catch_warnings():  # openpyxl says it would drop the sparkline: reading only here
            warnings.simplefilter("ignore")
            wb = load_workbook(path)
        assert ANALYSIS in wb.sheetnames
        app = after["docProps/app.xml"].decode()  # §22.2.2.24 TitlesOfParts: the sheets first, then names
        titles = re.findall(r"<vt:lpstr>([^<]*)</vt:lpstr>", app.partition("<TitlesOfParts>")[2])
        assert titles[: len(wb.sheetnames)] == wb.sheetnames
        assert f"<vt:i4>{len(wb.sheetnames)}</vt:i4>" in app
        props = {p.name: p.value for p in wb.custom_doc_props}
        assert props["ผู้จัดทำ"] == "งานแผน"  # the user's own property is kept beside ita-xl's
        with Book(path) as book:
            assert props[BOOK_PROPERTY] == book.digest()


def test_an_output_saved_again_unchanged_is_still_replaced_and_an_edited_one_is_not(tmp_path, capsys):
    """The parts digest only shortens the check: an output re-saved by another program with the
    same values is still ita-xl's (by the values' digest); one with an edited cell is not."""
    source = tmp_path / "in.xlsx"
    shutil.copy(sample_path("004"), source)
    output = generate(source, tmp_path / "out.xlsx")
    wb = load_workbook(output)
    wb.save(output)  # other bytes, the same values
    assert main(["generate", str(source), "-o", str(output)]) == 1
    wb = load_workbook(output)
    wb[ANALYSIS]["A3"] = "แก้ไขแล้ว"
    wb.save(output)
    before = output.read_bytes()
    assert main(["generate", str(source), "-o", str(output)]) == 2
    assert "edited" in capsys.readouterr().err
    assert output.read_bytes() == before


def test_a_file_written_by_openpyxl_earlier_is_rewritten_part_by_part(tmp_path):
    """A workbook whose generated sheets an earlier ita-xl wrote with openpyxl (named styles
    ``ita-xl …`` already registered): the rerun reuses those styles by name, adds no second copy."""
    from ita_xl.xlsx.workbook import generate_workbook

    source = tmp_path / "in.xlsx"
    wb = load_workbook(sample_path("2569"))
    assert generate_workbook(wb).ok
    wb.save(source)
    first = parts(source)["xl/styles.xml"]
    generate(source)  # in place, part by part
    styles = parts(source)["xl/styles.xml"]
    names = re.findall(rb'<cellStyle\b[^>]*\bname="([^"]*)"', styles)
    assert len(names) == len(set(names)) and names == re.findall(rb'<cellStyle\b[^>]*\bname="([^"]*)"', first)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_workbook(source)[ANALYSIS]["A1"].font.name == "TH SarabunPSK"


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        ("embedded object", "embedded (OLE) objects"),
        ("activex control", "form controls"),
        ("query table", "data connections or queries"),
        ("connections", "data connections or queries"),
        ("custom xml", "custom XML data"),
        ("data model", "a data model (Power Pivot)"),
        ("picture in cell", "pictures in cells"),
    ],
)
def test_other_parts_openpyxl_drops_are_named_and_kept_part_by_part(
    tmp_path, capsys, monkeypatch, kind, word
):
    from ita_xl.xlsx import workbook
    from ita_xl.xlsx.insert import Unsupported
    from ita_xl.xlsx.keep import dropped_content
    from tests.hostile import RELATED_PARTS, with_related_part

    source = with_related_part(sample_path(), tmp_path / "in.xlsx", kind)
    part = RELATED_PARTS[kind][1]
    resaved = tmp_path / "resaved.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load_workbook(source).save(resaved)
    assert part not in parts(resaved)  # openpyxl really drops it (checked, not assumed)
    assert [k.en for k in dropped_content(source)] == [word] or word in " ".join(
        k.en for k in dropped_content(source)
    )
    before = source.read_bytes()
    generate(source)  # part by part: in place is safe, the part is kept
    assert parts(source)[part] == parts_of_bytes(before)[part]

    def unsupported(*args, **kwargs):
        raise Unsupported("test")

    monkeypatch.setattr(workbook, "insert_sheets", unsupported)
    capsys.readouterr()
    kept = source.read_bytes()
    assert main(["generate", str(source), "--in-place", "--force"]) == 2  # openpyxl's save would lose it
    err = capsys.readouterr().err
    assert word in err and len(err.strip().splitlines()) == 1
    assert source.read_bytes() == kept


def parts_of_bytes(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_input_is_closed_before_the_output_replaces_it(tmp_path, monkeypatch):
    """Windows refuses to replace a file the process still has open: --in-place must close it first."""
    from ita_xl.xlsx import package as package_module
    from ita_xl.xlsx import workbook

    opened = []
    real_init, real_write = package_module.Book.__init__, workbook.write_atomically

    def init(self, path):
        real_init(self, path)
        opened.append(self)

    def write(target, fill):
        assert opened and all(book.wb._archive.fp is None for book in opened)  # every reader closed
        return real_write(target, fill)

    monkeypatch.setattr(package_module.Book, "__init__", init)
    monkeypatch.setattr(workbook, "write_atomically", write)
    source = tmp_path / "in.xlsx"
    shutil.copy(sample_path("004"), source)
    generate(source)
    generate(source)  # the rerun reads the file as its own output too


def test_a_package_the_insertion_cannot_read_falls_back_to_openpyxl(tmp_path):
    """A styles part bound to a prefix (x:styleSheet, valid XML that Excel reads) is not edited
    as text: the whole workbook is saved by openpyxl instead, and the report is still written."""
    source = tmp_path / "in.xlsx"
    shutil.copy(sample_path("004"), source)
    package = parts(source)
    styles = package["xl/styles.xml"].decode()
    styles = styles.replace('xmlns="http://schemas', 'xmlns:x="http://schemas', 1)
    package["xl/styles.xml"] = re.sub(r"<(/?)(?=[a-zA-Z])", r"<\1x:", styles.split("?>", 1)[-1]).encode()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package.items():
            archive.writestr(name, data)
    output = generate(source, tmp_path / "out.xlsx")
    assert ANALYSIS in load_workbook(output).sheetnames
    assert parts(output)["xl/styles.xml"] != package["xl/styles.xml"]  # openpyxl wrote its own


# --------------------------------------------------------------------------- Excel-shaped reruns
# Files as Excel writes them (XlsxWriter follows Excel's XML; its tests compare with files Excel
# saved), each with the one thing a user's real file has that the rule is about.

WORKBOOK_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def excel_book(target: Path, seed: str = "2569", edit=None) -> Path:
    """``seed``'s sample written by XlsxWriter; ``edit(book, sheets)`` adds the user's own content."""
    import xlsxwriter

    wb = load_workbook(sample_path(seed))
    book = xlsxwriter.Workbook(str(target))
    sheets = {}
    for ws in wb.worksheets:
        sheets[ws.title] = sheet = book.add_worksheet(ws.title)
        for (r, c), cell in ws._cells.items():
            if isinstance(cell.value, str) and cell.value.startswith("="):
                sheet.write_formula(r - 1, c - 1, cell.value)
            elif cell.value is not None:
                sheet.write(r - 1, c - 1, cell.value)
    for name, ref in wb.defined_names.items():
        book.define_name(name, f"={ref.attr_text}")
    if edit is not None:
        edit(book, sheets)
    book.close()
    return target


def rewrite(path: Path, change) -> None:
    """Edit a package's parts in place (``change(parts)``), as another program saving it would."""
    package = parts(path)
    change(package)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package.items():
            archive.writestr(name, data)


def defined_names(package: dict[str, bytes]) -> list[tuple[str, str | None, str]]:
    root = ElementTree.fromstring(package["xl/workbook.xml"])
    return [(d.get("name"), d.get("localSheetId"), d.text) for d in root.iter(f"{MAIN}definedName")]


def test_a_rerun_leaves_one_print_area_per_sheet_and_the_users_own(tmp_path):
    """§18.2.6: _xlnm.Print_Area / _xlnm.Print_Titles are a sheet's print area and titles, one
    of each per sheet (the sheet is the name's scope, §18.2.5 localSheetId). Two of one name in one
    scope "should not happen" and stop other readers (EPPlus issue #37, a file LibreOffice wrote
    with duplicate print areas: JanKallman/EPPlus#625). The user's print area on their own sheet stays."""
    from ita_xl.core.layout import UNIT

    source = excel_book(tmp_path / "in.xlsx", edit=lambda book, sheets: sheets[UNIT].print_area("A1:D20"))
    generate(source)
    first = defined_names(parts(source))
    generate(source)  # the rerun replaces its sheets
    names = defined_names(parts(source))
    scoped = [(name, local) for name, local, _ in names if name.startswith("_xlnm.")]
    assert len(scoped) == len(set(scoped))
    assert sorted(names) == sorted(first)
    assert ("_xlnm.Print_Area", "0", f"'{UNIT}'!$A$1:$D$20") in names
    assert {local for _, local in scoped} > {"0"}  # the generated sheets have theirs too


def test_new_number_formats_never_take_an_id_the_users_formats_hold(tmp_path):
    """§18.8.30 numFmt: ids 0-163 are built in, a workbook's own formats are numbered from 164 and
    a numFmtId names exactly one format. The user's two custom formats (164, 165, as Excel numbers
    them) keep their ids and codes; the generated sheets' formats come after them."""
    from ita_xl.core.layout import UNIT

    def formats(book, sheets):
        sheets[UNIT].write("F2", 12.5, book.add_format({"num_format": '0.0" คะแนน"'}))
        sheets[UNIT].write("F3", 46096, book.add_format({"num_format": "[$-th-TH]d mmmm yyyy"}))

    source = excel_book(tmp_path / "in.xlsx", edit=formats)
    pattern = rb'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"'
    mine = dict(re.findall(pattern, parts(source)["xl/styles.xml"]))
    assert sorted(mine) == [b"164", b"165"]
    output = generate(source, tmp_path / "out.xlsx")
    found = re.findall(pattern, parts(output)["xl/styles.xml"])
    ids = [number for number, _ in found]
    assert len(ids) == len(set(ids)) and dict(found).items() >= mine.items()
    wb = load_workbook(output)
    assert wb[UNIT]["F2"].number_format == '0.0" คะแนน"'
    assert wb[UNIT]["F3"].number_format == "[$-th-TH]d mmmm yyyy"
    assert len(found) > len(mine)  # the generated sheets' own formats were added, after the user's


def test_a_conditional_formats_number_format_is_not_taken_for_a_cells(tmp_path):
    """§18.8.17 dxf: a conditional format carries its own numFmt inside <dxf>; a cell format's
    numFmtId names a built-in format or one of <numFmts> (§18.8.31). The user's red-if-below-85
    rule shows scores as [$-D00041E]0.00 (as Excel writes it, id 164 in the dxf only): the
    generated cells with the same code get a format of their own in <numFmts>."""
    from ita_xl.core.layout import UNIT

    def rule(book, sheets):
        red = book.add_format({"num_format": "[$-D00041E]0.00", "bg_color": "#FFC7CE"})
        sheets[UNIT].conditional_format(
            "D6:D9", {"type": "cell", "criteria": "<", "value": 85, "format": red}
        )

    source = excel_book(tmp_path / "in.xlsx", edit=rule)
    assert b"<numFmts" not in parts(source)["xl/styles.xml"]  # the code is in the dxf only
    styles = parts(generate(source, tmp_path / "out.xlsx"))["xl/styles.xml"].decode()
    listed = re.findall(r'<numFmt numFmtId="(\d+)"', re.search(r"<numFmts\b.*?</numFmts>", styles, re.S)[0])
    cell_formats = re.search(r"<cellXfs\b.*?</cellXfs>", styles, re.S)[0]
    for number in re.findall(r'\snumFmtId="(\d+)"', cell_formats):
        assert int(number) < 164 or number in listed, number
    assert "[$-D00041E]0.00" in re.search(r"<numFmts\b.*?</numFmts>", styles, re.S)[0]


def test_a_workbook_whose_sheet_ids_have_gaps_gets_unused_ids(tmp_path):
    """§18.2.19 sheet@sheetId: unique in the workbook. Excel never renumbers: after the user
    deletes a sheet its id stays unused (1, 3, 4 …), so a count of the sheets is not a free id."""

    def gap(package):
        ids = iter(
            [1, *range(3, 100)]
        )  # the second sheet was deleted in Excel: 2 is gone, the rest keep theirs
        package["xl/workbook.xml"] = re.sub(
            rb'sheetId="\d+"', lambda _: f'sheetId="{next(ids)}"'.encode(), package["xl/workbook.xml"]
        )

    source = excel_book(tmp_path / "in.xlsx")
    rewrite(source, gap)
    before = re.findall(rb'sheetId="(\d+)"', parts(source)["xl/workbook.xml"])
    assert b"2" not in before
    output = generate(source, tmp_path / "out.xlsx")
    after = re.findall(rb'sheetId="(\d+)"', parts(output)["xl/workbook.xml"])
    assert after[: len(before)] == before and len(after) > len(before)
    assert len(after) == len(set(after))
    assert ANALYSIS in load_workbook(output).sheetnames


CALC_CHAIN = "xl/calcChain.xml"
CALC_CHAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"


def _with_calc_chain(package: dict[str, bytes], cells: list[tuple[str, int]]) -> None:
    """A calculation chain as Excel saves one (§18.6.1 calcChain, §18.6.2 c: r, i = sheetId)."""
    body = "".join(f'<c r="{ref}" i="{sheet}"/>' for ref, sheet in cells)
    package[CALC_CHAIN] = f'<calcChain xmlns="{MAIN[1:-1]}">{body}</calcChain>'.encode()
    package["xl/_rels/workbook.xml.rels"] = package["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    )
    package["[Content_Types].xml"] = package["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/{CALC_CHAIN}" ContentType="{CALC_CHAIN_TYPE}"/></Types>'.encode()
    )


def test_the_calculation_chain_goes_when_generated_sheets_are_replaced(tmp_path):
    """§18.6: the calculation chain lists formula cells by sheet; Excel rebuilds it when it is
    absent, and repairs a file whose chain names a cell that holds no formula. Adding sheets
    keeps the user's chain as it is; replacing generated sheets (which Excel saved into the
    chain) removes it with its relationship and its Override (Part 2 §10.1.2.2.3)."""
    source = excel_book(tmp_path / "in.xlsx")
    rewrite(source, lambda package: _with_calc_chain(package, [("C4", 2)]))
    output = generate(source, tmp_path / "out.xlsx")
    assert parts(output)[CALC_CHAIN] == parts(source)[CALC_CHAIN]  # only sheets added: kept
    ids = dict(
        (s.get("name"), s.get("sheetId"))
        for s in ElementTree.fromstring(parts(output)["xl/workbook.xml"]).iter(f"{MAIN}sheet")
    )
    rewrite(output, lambda package: package.pop(CALC_CHAIN))  # Excel saves the output again
    rewrite(output, lambda package: _with_calc_chain_only(package, [("C4", 2), ("C9", int(ids[ANALYSIS]))]))
    generate(output)  # the rerun replaces the analysis sheet
    package = parts(output)
    assert CALC_CHAIN not in package
    assert not [r for r in rels_of(package, "xl/workbook.xml") if r.get("Type").endswith("/calcChain")]
    assert f"/{CALC_CHAIN}" not in package["[Content_Types].xml"].decode()


def _with_calc_chain_only(package: dict[str, bytes], cells: list[tuple[str, int]]) -> None:
    body = "".join(f'<c r="{ref}" i="{sheet}"/>' for ref, sheet in cells)
    package[CALC_CHAIN] = f'<calcChain xmlns="{MAIN[1:-1]}">{body}</calcChain>'.encode()


def _every_part_is_related_and_typed(package: dict[str, bytes]) -> None:
    """Part 2 §9.3: every internal relationship targets a part; §10.1.2.2.3: an Override names a part."""
    for name in [n for n in package if n.endswith(".rels")]:
        folder, file = posixpath.split(name)
        source = posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])
        for rel in rels_of(package, source):
            if rel.get("TargetMode") != "External":
                assert target(source, rel) in package, (name, rel.get("Target"))
    assert set(overrides(package)) <= set(package), set(overrides(package)) - set(package)
    named = re.findall(rb'<Override\b[^>]*\sPartName="([^"]*)"', package["[Content_Types].xml"])
    assert len(named) == len({n.lower() for n in named})  # one Override per part (names match without case)


def _logo_pasted_on_the_analysis(tmp_path) -> tuple[Path, str]:
    """A user's sequence: the unit's logo on their unit sheet, generate, then the same logo pasted
    onto the generated analysis sheet (``_paste_picture``); returns the file and the image part."""
    from ita_xl.core.layout import UNIT
    from tests.hostile import PNG

    def logo(book, sheets):
        sheets[UNIT].insert_image("J2", "logo.png", {"image_data": io.BytesIO(PNG)})

    source = excel_book(tmp_path / "in.xlsx", edit=logo)
    generate(source)
    (media,) = [n for n in parts(source) if n.startswith("xl/media/")]
    rewrite(source, lambda package: _paste_picture(package, media))
    return source, media


def test_a_picture_the_user_put_on_a_generated_sheet_keeps_the_shared_image(tmp_path):
    """Excel stores a picture inserted twice once: the user's logo on their unit sheet and the same
    logo pasted onto the analysis sheet point at one xl/media part. The rerun drops the analysis
    sheet's own drawing, never the image the unit sheet still shows."""
    source, media = _logo_pasted_on_the_analysis(tmp_path)
    image = parts(source)[media]
    assert main(["generate", str(source), "--in-place", "--force"]) in (0, 1)
    package = parts(source)
    assert package[media] == image
    _every_part_is_related_and_typed(package)


def _analysis_drawing(package: dict[str, bytes]) -> str:
    """The drawing part beside the analysis sheet (its trend chart's)."""
    rels = {r.get("Id"): r for r in rels_of(package, "xl/workbook.xml")}
    sheet = next(
        s
        for s in ElementTree.fromstring(package["xl/workbook.xml"]).iter(f"{MAIN}sheet")
        if s.get("name") == ANALYSIS
    )
    part = target("xl/workbook.xml", rels[sheet.get(R_ID)])
    (drawing,) = [target(part, r) for r in rels_of(package, part) if r.get("Type").endswith("/drawing")]
    return drawing


DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"


def _paste_picture(package: dict[str, bytes], media: str) -> None:
    """What Excel writes when a user pastes the picture ``media`` onto the analysis sheet, beside
    its chart: an image relationship in the drawing's .rels and a ``<xdr:pic>`` anchor (§20.5.2.25)."""
    drawing = _analysis_drawing(package)
    folder, name = posixpath.split(drawing)
    drawing_rels = posixpath.join(folder, "_rels", f"{name}.rels")
    package[drawing_rels] = package[drawing_rels].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdLogo" Type="{R_ID[1:-3]}/image" '
        f'Target="../media/{posixpath.basename(media)}"/></Relationships>'.encode(),
    )
    anchor = (
        "<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>"
        "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>{PICTURE}<xdr:clientData/></xdr:twoCellAnchor>"
    )
    xml = package[drawing].decode()
    # openpyxl writes the drawing with a default namespace (<wsDr xmlns=…>), Excel with xdr:
    declare = {
        "xdr": DRAWING_NS,
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "r": R_ID[1:-3],
    }
    root = re.search(r"<(\w+:)?wsDr\b", xml)
    missing = "".join(f' xmlns:{p}="{ns}"' for p, ns in declare.items() if f'xmlns:{p}="' not in xml)
    xml = xml[: root.end()] + missing + xml[root.end() :]
    closing = list(re.finditer(r"</(\w+:)?wsDr>", xml))[-1]
    package[drawing] = (xml[: closing.start()] + anchor + xml[closing.start() :]).encode()
    assert b"<xdr:pic>" in package[drawing]


def test_a_picture_pasted_on_a_generated_sheet_counts_as_an_edit(tmp_path, capsys):
    """A unit pastes its seal or a signature image onto the generated analysis sheet: the values'
    digest cannot see it, so without --force the rerun writes nothing (exit 2) and names the
    sheet, as for a comment or a link (README, "When a file exists")."""
    source, _ = _logo_pasted_on_the_analysis(tmp_path)
    before = source.read_bytes()
    capsys.readouterr()
    assert main(["generate", str(source), "--in-place"]) == 2
    assert ANALYSIS in capsys.readouterr().err
    assert source.read_bytes() == before


def test_a_rerun_without_the_chart_leaves_no_override_for_the_parts_it_removed(tmp_path):
    """Part 2 §10.1.2.2.3: an Override names a part of the package. The FY2569 sample has a
    history, so the analysis sheet has a trend chart; the user clears the history, and the rerun
    writes the sheet without one: the old drawing and chart go, and so do their Overrides."""
    from ita_xl.core.layout import HISTORY

    source = excel_book(tmp_path / "in.xlsx")
    generate(source)
    assert any(n.startswith("xl/charts/") for n in parts(source))

    def clear_history(package):
        wb = load_workbook(io.BytesIO(_zip(package)))
        for row in wb[HISTORY].iter_rows(min_row=4, max_row=8, min_col=2):
            for cell in row:
                cell.value = None
        return wb

    wb = clear_history(parts(source))
    history = tmp_path / "cleared.xlsx"
    wb.save(history)
    generate(history)
    package = parts(history)
    charts = [n for n in package if n.startswith("xl/charts/")]
    _every_part_is_related_and_typed(package)
    assert not [p for p, t in overrides(package).items() if t.endswith("chart+xml") and p not in charts]


def _zip(package: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in package.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_rerun_keeps_one_of_each_custom_property(tmp_path):
    """ECMA-376 Part 1 §22.3: "User defined properties are uniquely identified through the name
    attribute of the property element" (pids from 2, §22.3.2.2). A rerun sets ita-xl's properties
    again instead of adding a second of each, and keeps the user's."""

    source = excel_book(
        tmp_path / "in.xlsx", edit=lambda book, _: book.set_custom_property("ผู้จัดทำ", "งานแผน")
    )
    generate(source)
    generate(source)
    xml = parts(source)["docProps/custom.xml"].decode()
    names = re.findall(r'<property\b[^>]*\sname="([^"]*)"', xml)
    pids = re.findall(r'<property\b[^>]*\spid="(\d+)"', xml)
    assert len(names) == len(set(names)) and len(pids) == len(set(pids)) and min(map(int, pids)) >= 2
    assert "ผู้จัดทำ" in names and BOOK_PROPERTY in names
    props = {p.name: p.value for p in load_workbook(source).custom_doc_props}
    with Book(source) as book:
        assert props[BOOK_PROPERTY] == book.digest()


@pytest.mark.parametrize(
    ("suffix", "typed_as", "output_suffix", "expected"),
    [
        (
            ".xltx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
            ".xlsx",
            WORKBOOK_MAIN,
        ),
        (
            ".xltm",
            "application/vnd.ms-excel.template.macroEnabled.main+xml",
            ".xlsm",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ),
    ],
)
def test_a_template_file_gives_a_workbook_excel_opens(tmp_path, suffix, typed_as, output_suffix, expected):
    """§12.3.23: a workbook part is ``…spreadsheetml.sheet.main+xml`` and a template's
    ``…spreadsheetml.template.main+xml``; Excel refuses an .xlsx whose workbook part is typed as a
    template ("the file format or file extension is not valid"). Macro-enabled files have their own
    pair (IANA's note on ``…spreadsheetml.template``: "vnd.ms-excel.template.macroEnabled.12 has
    already been registered for those which contain Microsoft macros"; the Open XML SDK's
    SpreadsheetDocumentType MacroEnabledTemplate/MacroEnabledWorkbook): ``ms-excel.template.
    macroEnabled.main+xml`` becomes ``ms-excel.sheet.macroEnabled.main+xml``.
    Generating from the unit's .xltx (.xltm) writes an .xlsx (.xlsm) typed as a workbook; every
    other part is kept."""
    source = excel_book(tmp_path / "unit.xlsx")
    template = tmp_path / f"unit{suffix}"
    rewrite(
        source,
        lambda package: package.__setitem__(
            "[Content_Types].xml",
            package["[Content_Types].xml"].replace(WORKBOOK_MAIN.encode(), typed_as.encode()),
        ),
    )
    source.rename(template)
    output = generate(template, tmp_path / f"out{output_suffix}")
    assert overrides(parts(output))["xl/workbook.xml"] == expected
    assert ANALYSIS in load_workbook(output).sheetnames


def test_a_part_kept_for_another_owner_keeps_its_own_related_parts():
    """Part 2 §9.3 (relationships): a part's targets are reached through its own .rels. A pivot
    table on a generated sheet points at a pivot cache the workbook also lists (§18.10); the
    cache points at its records. Dropping the old sheet drops the pivot table, keeps the cache
    (the workbook needs it) and so must keep the records and the cache's .rels too."""
    from ita_xl.xlsx.insert import Package, _drop_old

    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def rels(*targets: tuple[str, str]) -> bytes:
        body = "".join(
            f'<Relationship Id="rId{n}" Type="{rel}/{kind}" Target="{target}"/>'
            for n, (kind, target) in enumerate(targets, 1)
        )
        return f'<Relationships xmlns="{REL[1:-1]}">{body}</Relationships>'.encode()

    package = Package(
        {
            "xl/workbook.xml": b"<workbook/>",
            "xl/_rels/workbook.xml.rels": rels(
                ("worksheet", "worksheets/sheet1.xml"), ("pivotCacheDefinition", "pivotCache/def1.xml")
            ),
            "xl/worksheets/sheet1.xml": b"<worksheet/>",
            "xl/worksheets/_rels/sheet1.xml.rels": rels(("pivotTable", "../pivotTables/table1.xml")),
            "xl/pivotTables/table1.xml": b"<pivotTableDefinition/>",
            "xl/pivotTables/_rels/table1.xml.rels": rels(("pivotCacheDefinition", "../pivotCache/def1.xml")),
            "xl/pivotCache/def1.xml": b"<pivotCacheDefinition/>",
            "xl/pivotCache/_rels/def1.xml.rels": rels(("pivotCacheRecords", "records1.xml")),
            "xl/pivotCache/records1.xml": b"<pivotCacheRecords/>",
        }
    )
    gone = _drop_old(package, "xl/worksheets/sheet1.xml")
    assert gone == ["xl/pivotTables/table1.xml"]
    assert {
        "xl/pivotCache/def1.xml",
        "xl/pivotCache/_rels/def1.xml.rels",
        "xl/pivotCache/records1.xml",
    } <= set(package.parts)
    assert "xl/pivotTables/_rels/table1.xml.rels" not in package.parts
