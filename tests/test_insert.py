"""The generated sheets are put into a copy of the user's package part by part (ita_xl.xlsx.insert).

Checked the way XlsxWriter's own tests compare files (part by part, uncompressed XML), against
ECMA-376's rules for the parts the insertion writes: Part 2 (OPC) §9.3 relationships, §10.1.2
[Content_Types].xml Overrides; Part 1 §18.2.19 <sheet> (sheetId unique, r:id a worksheet
relationship), §18.2.5 definedName localSheetId (0-based position in <sheets>), §18.2.6
built-in names _xlnm.Print_Area / _xlnm.Print_Titles, §18.8 styles (cellXfs indices).
"""

from __future__ import annotations

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
from tests.hostile import sample_path, with_content, with_parts

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
