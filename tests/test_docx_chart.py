"""The Word chart (ita_xl/docx/chart.py): the .docx read back with python-docx and its chart
part's XML read from the zip, against the Office Open XML standard and the workbook.

Outside references:

* ECMA-376 Part 1 (ISO/IEC 29500-1): §21.2 DrawingML Charts. The chart part's content type
  ``application/vnd.openxmlformats-officedocument.drawingml.chart+xml`` and relationship type
  ``.../officeDocument/2006/relationships/chart`` (§21.2.1, §15.2.3 Chart Part); the inline
  drawing (§20.4.2.8 inline) whose ``a:graphicData`` uri is ``.../drawingml/2006/chart`` and
  holds ``c:chart r:id`` (§21.2.2.27); cached series data (§21.2.2.200 strRef/strCache,
  §21.2.2.123 numRef/numCache); 12,700 EMU a point (§20.1.2.1, 914,400 EMU an inch).
* The schema's element order (the xsd:sequence of each complex type in §21.2.2): a part whose
  children are out of order is reported corrupt by Word. The order is taken from openpyxl's
  chart writer (each class's ``__elements__``, and ``attribute_mapping`` for a series), whose
  charts open in Excel; it is not our code.
* The workbook: the same report generated as .xlsx by the openpyxl adapter; its chart part's
  ``c:f`` ranges are read from the zip and those cells from the workbook, so the Word chart's
  cached figures are compared with the workbook's own trend figures, and its title, axis
  titles, kind and limits with the workbook's chart.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from lxml import etree
from openpyxl.chart import series as openpyxl_series
from openpyxl.chart.axis import NumericAxis, Scaling, TextAxis
from openpyxl.chart.bar_chart import BarChart
from openpyxl.chart.chartspace import ChartContainer, ChartSpace, ExternalData
from openpyxl.chart.data_source import AxDataSource, NumData, NumDataSource, NumRef, StrData, StrRef
from openpyxl.chart.line_chart import LineChart
from openpyxl.chart.marker import Marker
from openpyxl.chart.text import RichText
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.utils.cell import range_boundaries

from ita_xl.core.framework import load_framework
from ita_xl.core.samples import SAMPLES
from ita_xl.core.sheets import ANALYSIS, FONT
from ita_xl.core.wording import say
from ita_xl.docx import write_docx
from ita_xl.docx.pdf import write_pdf
from ita_xl.xlsx.render import render
from ita_xl.xlsx.template import build_template, fill, sample_workbook
from ita_xl.xlsx.workbook import check_workbook, generate_workbook
from tests.test_docx import WRITER
from tests.test_progress import DOING, DONE, SIX, _progress

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"c": C, "a": A}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
EMU_PER_POINT = 12700
TEXT_WIDTH_EMU = round(16 / 2.54 * 914400)  # A4 portrait less 3 cm and 2 cm margins


def _unit(seed: str, **changes):
    unit = replace(SAMPLES[seed], **changes)
    wb = build_template(load_framework(unit.fiscal_year))
    fill(wb, unit)
    return wb


def _docx(tmp_path: Path, wb) -> Path:
    outcome = check_workbook(wb)
    assert outcome.ok
    return write_docx(outcome.specs, tmp_path / "report.docx")


def _chart_parts(path: Path) -> dict[str, bytes]:
    """The chart parts, their relationships and their embedded workbooks, by name in the zip."""
    with zipfile.ZipFile(path) as z:
        return {
            name: z.read(name)
            for name in z.namelist()
            if name.startswith(("word/charts/", "word/embeddings/"))
        }


@pytest.fixture(scope="module")
def trend(tmp_path_factory):
    """The FY2569 sample (three earlier totals typed in the history sheet): its .docx and the
    .xlsx the openpyxl adapter generates from the same workbook."""
    folder = tmp_path_factory.mktemp("chart")
    path = _docx(folder, sample_workbook("2569"))
    wb = sample_workbook("2569")
    assert generate_workbook(wb).ok
    book = folder / "report.xlsx"
    wb.save(book)
    return path, book


# --------------------------------------------------------------------------- the part


def test_the_chart_is_a_part_with_its_content_type_and_relationship(trend):
    path, _ = trend
    with zipfile.ZipFile(path) as z:
        types = etree.fromstring(z.read("[Content_Types].xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    assert overrides["/word/charts/chart1.xml"] == CHART_TYPE
    [rel] = [r for r in rels if r.get("Type") == CHART_REL]
    assert rel.get("Target") == "charts/chart1.xml"
    document = docx.Document(str(path))
    part = document.part.related_parts[rel.get("Id")]
    assert part.content_type == CHART_TYPE and str(part.partname) == "/word/charts/chart1.xml"
    [drawing] = document.element.body.iter(qn("w:drawing"))
    inline = drawing.find(qn("wp:inline"))
    # CT_Inline's sequence (§20.4.2.8): extent, effectExtent, docPr, cNvGraphicFramePr, graphic.
    assert [etree.QName(child).localname for child in inline] == [
        "extent",
        "effectExtent",
        "docPr",
        "cNvGraphicFramePr",
        "graphic",
    ]
    data = inline.find(f"{{{A}}}graphic/{{{A}}}graphicData")
    assert data.get("uri") == CHART_URI
    assert data.find(f"{{{C}}}chart").get(f"{{{R}}}id") == rel.get("Id")
    # A docPr id is unique in the document (§20.4.2.5): the only drawing, the only such id.
    assert inline.find(qn("wp:docPr")).get("id") == "1"


def _ranges(xml: bytes) -> tuple[str, str]:
    root = etree.fromstring(xml)
    return root.findtext(".//c:cat//c:f", namespaces=NS), root.findtext(".//c:val//c:f", namespaces=NS)


def _cells(book: Path, reference: str) -> list:
    sheet, _, cells = reference.rpartition("!")
    ws = openpyxl.load_workbook(book)[sheet.strip("'")]
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return [ws.cell(r, c).value for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)]


def test_the_cached_figures_are_the_workbooks_trend(trend):
    """Word and LibreOffice draw a chart from its caches: they hold
    the cells the workbook's chart reads (years as the sheet shows them, Thai digits; totals as
    numbers), which are the history sheet's typed totals and this year's."""
    path, book = trend
    xml = _chart_parts(path)["word/charts/chart1.xml"]
    with zipfile.ZipFile(book) as z:
        [excel] = [z.read(n) for n in z.namelist() if n.startswith("xl/charts/chart")]
    categories, values = _ranges(excel)  # the cells the workbook's chart reads
    root = etree.fromstring(xml)
    cached = [p.findtext("c:v", namespaces=NS) for p in root.iterfind(".//c:cat//c:pt", NS)]
    numbers = [float(p.findtext("c:v", namespaces=NS)) for p in root.iterfind(".//c:numCache/c:pt", NS)]
    assert cached == _cells(book, categories) == ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙"]
    assert numbers == _cells(book, values)
    typed = [h.total for h in SAMPLES["2569"].history]
    assert numbers[:3] == typed == [89.47, 91.26, 93.1]
    assert root.find(".//c:cat//c:ptCount", NS).get("val") == "4"
    assert root.find(".//c:numCache/c:ptCount", NS).get("val") == "4"
    assert root.findtext(".//c:numCache/c:formatCode", namespaces=NS).endswith("0.00")


def test_edit_data_opens_a_workbook_of_the_charts_figures(trend):
    """The chart's data workbook (§21.2.2.63 externalData, an embedded package part related from
    the chart part): what Word opens for "Edit Data". Its cells at the series' references are
    the cached figures, the numbers in the sheet's format."""
    path, _ = trend
    with zipfile.ZipFile(path) as z:
        types = {
            o.get("PartName"): o.get("ContentType") for o in etree.fromstring(z.read("[Content_Types].xml"))
        }
        defaults = {
            o.get("Extension"): o.get("ContentType") for o in etree.fromstring(z.read("[Content_Types].xml"))
        }
        rels = etree.fromstring(z.read("word/charts/_rels/chart1.xml.rels"))
        xml = z.read("word/charts/chart1.xml")
    name = "/word/embeddings/Microsoft_Excel_Worksheet1.xlsx"
    assert (
        types.get(name, defaults.get("xlsx"))
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    [rel] = rels
    assert rel.get("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
    assert rel.get("Target") == "../embeddings/Microsoft_Excel_Worksheet1.xlsx"
    root = etree.fromstring(xml)
    external = root.find("c:externalData", NS)
    assert external.get(f"{{{R}}}id") == rel.get("Id") and external.find("c:autoUpdate", NS).get("val") == "0"
    book = path.parent / "data.xlsx"
    book.write_bytes(_chart_parts(path)["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])
    categories, values = _ranges(xml)
    cached = [p.findtext("c:v", namespaces=NS) for p in root.iterfind(".//c:cat//c:pt", NS)]
    assert _cells(book, categories) == cached
    name = root.find(".//c:ser/c:tx/c:strRef", NS)  # the series name, B1
    assert _cells(book, name.findtext("c:f", namespaces=NS)) == [name.findtext(".//c:v", namespaces=NS)]
    assert _cells(book, values) == [
        float(p.findtext("c:v", namespaces=NS)) for p in root.iterfind(".//c:numCache/c:pt", NS)
    ]
    ws = openpyxl.load_workbook(book)[ANALYSIS]
    assert (ws["A1"].value, ws["B1"].value) == ("ปีงบประมาณ", "คะแนนรวม")
    assert ws["B2"].number_format == root.findtext(".//c:numCache/c:formatCode", namespaces=NS)


def _title(element) -> str:
    return "".join(element.find("c:title", NS).itertext()) if element.find("c:title", NS) is not None else ""


def _same_chart(xml: bytes, excel: bytes) -> None:
    """Title, axis titles, kind, bar direction and axis limits as the workbook's chart has them."""
    ours, theirs = etree.fromstring(xml), etree.fromstring(excel)
    for root in (ours, theirs):
        assert root.find("c:chart/c:legend", NS) is None
    assert _title(ours.find("c:chart", NS)) == _title(theirs.find("c:chart", NS))
    for axis in ("c:catAx", "c:valAx"):
        assert _title(ours.find(f".//{axis}", NS)) == _title(theirs.find(f".//{axis}", NS)) != ""
    plot = [child.tag for child in ours.find(".//c:plotArea", NS)]
    assert [t for t in plot if t.endswith("Chart")] == [
        t for t in (c.tag for c in theirs.find(".//c:plotArea", NS)) if t.endswith("Chart")
    ]
    mine, excels = ours.find(".//c:barDir", NS), theirs.find(".//c:barDir", NS)
    assert (mine is None) == (excels is None) and (mine is None or mine.get("val") == excels.get("val"))
    for limit in ("c:scaling/c:min", "c:scaling/c:max", "c:majorUnit"):
        mine, excels = ours.find(f".//c:valAx/{limit}", NS), theirs.find(f".//c:valAx/{limit}", NS)
        assert (mine is None) == (excels is None), limit
        assert mine is None or float(mine.get("val")) == float(excels.get("val")), limit


def test_it_is_the_workbooks_line_chart_over_0_to_100(trend):
    path, book = trend
    xml = _chart_parts(path)["word/charts/chart1.xml"]
    with zipfile.ZipFile(book) as z:
        [excel] = [z.read(n) for n in z.namelist() if n.startswith("xl/charts/chart")]
    _same_chart(xml, excel)
    root = etree.fromstring(xml)
    assert _title(root.find("c:chart", NS)) == "คะแนนรวม ITA รายปี"
    assert root.find(".//c:lineChart", NS) is not None
    assert root.find(".//c:valAx/c:scaling/c:min", NS).get("val") == "0"
    assert root.find(".//c:valAx/c:scaling/c:max", NS).get("val") == "100"
    assert root.find(".//c:ser/c:marker/c:symbol", NS).get("val") == "circle"


def _progress_specs():
    from ita_xl.core.progress import progress_sheets

    report = _progress(
        {"status": DONE, "round": SIX}, {"status": DONE, "round": SIX}, {"status": DOING, "round": SIX}, {}
    )
    return progress_sheets(report)


def test_the_progress_reports_counts_are_the_workbooks_column_chart(tmp_path):
    """The progress report's bar chart: columns from 0 in whole steps, no maximum, as the
    workbook's; a status with none (``ไม่มี`` in its cell) is a zero column, as Excel plots text."""
    specs = _progress_specs()
    [sheet] = [spec for spec in specs if spec.chart is not None]
    xml = _chart_parts(write_docx(specs, tmp_path / "progress.docx"))["word/charts/chart1.xml"]
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    render(wb, sheet)
    wb.save(tmp_path / "progress.xlsx")
    with zipfile.ZipFile(tmp_path / "progress.xlsx") as z:
        [excel] = [z.read(n) for n in z.namelist() if n.startswith("xl/charts/chart")]
    _same_chart(xml, excel)
    root = etree.fromstring(xml)
    assert root.find(".//c:barChart/c:barDir", NS).get("val") == "col"
    counts = _cells(tmp_path / "progress.xlsx", _ranges(excel)[1])
    assert counts == [2, 1, say("progress.none"), 1]
    cached = [float(p.findtext("c:v", namespaces=NS)) for p in root.iterfind(".//c:numCache/c:pt", NS)]
    assert cached == [2, 1, 0, 1]
    labels = [p.findtext("c:v", namespaces=NS) for p in root.iterfind(".//c:cat//c:pt", NS)]
    assert labels == _cells(tmp_path / "progress.xlsx", _ranges(excel)[0])


# --------------------------------------------------------------------------- place and size


def test_the_chart_sits_in_the_trend_section_after_its_sentence(trend):
    """Issue 14: the trend (its table, its sentence, the chart) before ข้อจำกัด."""
    path, _ = trend
    document = docx.Document(str(path))
    elements = list(document.element.body.iterchildren(qn("w:p"), qn("w:tbl")))
    texts = [
        docx.text.paragraph.Paragraph(e, document).text if e.tag == qn("w:p") else "(table)" for e in elements
    ]
    [chart] = [n for n, e in enumerate(elements) if next(e.iter(qn("w:drawing")), None) is not None]
    heading = texts.index(say("section.trend", n="๖"))
    limits = texts.index(say("section.limitations", n="๗"))
    assert heading < chart < limits
    assert texts[heading + 1] == "(table)"  # the totals by year
    assert texts[chart - 1].startswith("คะแนนรวมปี ๒๕๖๙")  # the trend sentence right before it
    before = elements[chart - 1]
    assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None  # it stays with the chart


@pytest.mark.parametrize(
    ("seed", "changes"),
    [("004", {}), ("2569", {"history": (), "previous_questions": {}}), ("2569", {"history": ()})],
)
def test_no_chart_without_earlier_totals(tmp_path, seed, changes):
    """Without two years with a total there is no trend chart (the workbook has none either)."""
    path = _docx(tmp_path, _unit(seed, **changes))
    assert _chart_parts(path) == {}
    document = docx.Document(str(path))
    assert next(document.element.body.iter(qn("w:drawing")), None) is None
    assert not [r for r in document.part.rels.values() if r.reltype == CHART_REL]


def test_the_size_is_the_charts_at_most_the_text_width(trend, tmp_path):
    """Points to EMU (12,700 a point): the trend chart (as wide as the sheet's grid, wider than
    the page) takes the text width and its own height; the progress chart (12 cm) its own size."""
    path, _ = trend
    outcome = check_workbook(sample_workbook("2569"))
    [chart] = [spec.chart for spec in outcome.specs if spec.name == ANALYSIS]
    document = docx.Document(str(path))
    extent = next(document.element.body.iter(qn("wp:extent")))
    [section] = [s for s in document.sections if s.orientation == 0][1:2]  # the analysis's
    text_width = section.page_width - section.left_margin - section.right_margin
    assert abs(text_width - TEXT_WIDTH_EMU) < 1000  # 16 cm, to the twip
    assert chart.width * EMU_PER_POINT > text_width
    assert int(extent.get("cx")) == text_width
    assert int(extent.get("cy")) == round(chart.height * EMU_PER_POINT)
    specs = _progress_specs()
    [bar] = [spec.chart for spec in specs if spec.chart is not None]
    extent = next(
        docx.Document(str(write_docx(specs, tmp_path / "p.docx"))).element.body.iter(qn("wp:extent"))
    )
    assert (int(extent.get("cx")), int(extent.get("cy"))) == (
        round(bar.width * EMU_PER_POINT),
        round(bar.height * EMU_PER_POINT),
    )


# --------------------------------------------------------------------------- text


def test_every_text_of_the_chart_is_in_the_thai_font_for_latin_and_complex_script(trend):
    """Word draws Thai with the complex-script font (``a:cs``, ECMA-376 §21.1.2.3.1), Latin
    (``ITA``, the axis numbers) with ``a:latin``: both TH SarabunPSK wherever a run's or a
    paragraph's properties are set."""
    path, _ = trend
    xml = _chart_parts(path)["word/charts/chart1.xml"]
    root = etree.fromstring(xml)
    props = [e for tag in ("defRPr", "rPr", "endParaRPr") for e in root.iter(f"{{{A}}}{tag}")]
    assert props and root.find("c:txPr", NS) is not None  # the chart's default text too
    for element in props:
        assert element.find("a:latin", NS).get("typeface") == FONT
        assert element.find("a:cs", NS).get("typeface") == FONT


def test_categories_follow_the_units_digits_and_values_stay_numbers(tmp_path):
    path = _docx(tmp_path, _unit("2569", thai_digits=False))
    root = etree.fromstring(_chart_parts(path)["word/charts/chart1.xml"])
    assert [p.findtext("c:v", namespaces=NS) for p in root.iterfind(".//c:cat//c:pt", NS)] == [
        "2566",
        "2567",
        "2568",
        "2569",
    ]
    for point in root.iterfind(".//c:numCache/c:pt", NS):
        assert re.fullmatch(r"\d+(\.\d+)?", point.findtext("c:v", namespaces=NS))


# --------------------------------------------------------------------------- schema order

#: Each chart element's children in the schema's order, from openpyxl's writer (see above).
SEQUENCES = {
    "chartSpace": ChartSpace.__elements__,
    "chart": ChartContainer.__elements__,
    "lineChart": LineChart.__elements__,
    "barChart": BarChart.__elements__,
    "catAx": TextAxis.__elements__,
    "valAx": NumericAxis.__elements__,
    "scaling": Scaling.__elements__,
    "title": Title.__elements__,
    "marker": Marker.__elements__,
    "externalData": ExternalData.__elements__,
    "strRef": StrRef.__elements__,
    "numRef": NumRef.__elements__,
    "strCache": StrData.__elements__,
    "numCache": NumData.__elements__,
    "cat": AxDataSource.__elements__,
    "val": NumDataSource.__elements__,
    "rich": RichText.__elements__,
    "txPr": RichText.__elements__,
    "p": Paragraph.__elements__,
    "pPr": ParagraphProperties.__elements__,
    "r": RegularTextRun.__elements__,
    "defRPr": CharacterProperties.__elements__,
    "rPr": CharacterProperties.__elements__,
    "endParaRPr": CharacterProperties.__elements__,
}


def _local(tag: str) -> str:
    return etree.QName(tag).localname


def _check_order(element, kind: str) -> None:
    name = _local(element.tag)
    if name == "ser":
        sequence = openpyxl_series.attribute_mapping[kind]
    elif name == "plotArea":  # layout, the chart groups, then the axes (CT_PlotArea)
        groups = ("lineChart", "barChart")
        sequence = ("layout", *groups, "catAx", "valAx", "dTable", "spPr")
    else:
        sequence = SEQUENCES.get(name)
    if sequence is not None:
        children = [_local(child.tag) for child in element]
        assert set(children) <= set(sequence), (name, children)
        assert children == sorted(children, key=sequence.index), (name, children)
    for child in element:
        _check_order(child, kind)


@pytest.mark.parametrize("which", ["line", "bar"])
def test_every_element_is_in_the_schemas_order(trend, tmp_path, which):
    if which == "line":
        xml = _chart_parts(trend[0])["word/charts/chart1.xml"]
    else:
        xml = _chart_parts(write_docx(_progress_specs(), tmp_path / "p.docx"))["word/charts/chart1.xml"]
    root = etree.fromstring(xml)
    checked = {_local(e.tag) for e in root.iter()} & (set(SEQUENCES) | {"ser", "plotArea"})
    wanted = {
        "chartSpace",
        "chart",
        "plotArea",
        "ser",
        "catAx",
        "valAx",
        "strCache",
        "numCache",
        "externalData",
    }
    assert wanted <= checked
    _check_order(root, which)


def test_a_wrong_order_is_caught():
    """The order check fails where the schema's order is broken (the test can fail)."""
    root = etree.fromstring(
        f'<c:valAx xmlns:c="{C}"><c:axId val="1"/><c:delete val="0"/><c:scaling/></c:valAx>'.encode()
    )
    with pytest.raises(AssertionError):
        _check_order(root, "line")


# --------------------------------------------------------------------------- LibreOffice (opt-in)


def _ppm_pixels(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of a binary PPM (P6, maxval 255), as pdftoppm writes it."""
    fields = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert fields
    return int(fields[1]), int(fields[2]), data[fields.end() :]


@pytest.mark.skipif(
    not WRITER or not all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm")),
    reason="needs LibreOffice Writer (libreoffice-writer-nogui) and poppler-utils",
)
def test_libreoffice_draws_the_chart_on_the_trends_page(tmp_path):
    """LibreOffice draws the chart from its caches: the page with the trend sentence has the
    chart's title and axis title, and below the title it drew the line in colour (the page's
    text is black and its table fills pale; a coloured pixel is the series)."""
    pdf = write_pdf(check_workbook(sample_workbook("2569")).specs, tmp_path / "report.pdf")
    pages = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page = next(n for n, text in enumerate(pages.split("\f"), start=1) if "คะแนนรวม ITA รายปี" in text)
    text = pages.split("\f")[page - 1]
    assert "คะแนนรวมปี ๒๕๖๙" in text and "งบประมาณ" in text  # pdftotext splits ปี งบประมาณ
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    [top] = [float(m[1]) for m in re.finditer(r'yMax="([\d.]+)"[^>]*>ITA<', bbox)]
    resolution = 72  # one pixel a point
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    width, height, pixels = _ppm_pixels(ppm)
    assert _coloured(pixels, width, range(round(top), min(height, round(top + 250)))) > 50  # the plot
    assert _coloured(pixels, width, range(0, max(0, round(top) - 200))) == 0  # the table above it


def _coloured(pixels: bytes, width: int, rows: range) -> int:
    """How many pixels of ``rows`` are saturated (max minus min channel above 80): not black,
    grey, white or the tables' pale fill (DDEBF7: 26)."""
    count = 0
    for y in rows:
        for x in range(width):
            red, green, blue = pixels[3 * (y * width + x) : 3 * (y * width + x) + 3]
            count += max(red, green, blue) - min(red, green, blue) > 80
    return count


def test_a_chart_read_back_by_python_docx_survives_a_save(trend, tmp_path):
    """python-docx reads the chart part back as a part of the package and writes it again
    unchanged: a clerk's script that opens and saves the report keeps the chart."""
    path, _ = trend
    again = tmp_path / "again.docx"
    docx.Document(str(path)).save(str(again))
    assert _chart_parts(again) == _chart_parts(path)
