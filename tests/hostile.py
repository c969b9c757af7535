"""Workbooks and files a careless or hostile user could hand ita-xl, built from the samples.

Shared by the generator's tests and the fuzz tests. Content openpyxl cannot create
(pictures without Pillow, text boxes) is added by editing the zip, in the XML Excel writes.
"""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ita_xl.build import workbooks as build
from ita_xl.core.layout import SCORES, UNIT
from ita_xl.core.samples import SAMPLE_FILES

SAMPLES = build.WORKBOOKS / "samples"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def sample_path(seed: str = "004") -> Path:
    return SAMPLES / SAMPLE_FILES[seed]


def _anchor(body: str, n: int) -> str:
    return (
        f"<xdr:twoCellAnchor><xdr:from><xdr:col>{4 + n}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1"
        "</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>"
        f"{5 + n}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff>"
        f"</xdr:to>{body}<xdr:clientData/></xdr:twoCellAnchor>"
    )


PICTURE = (
    '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr>'
    '<xdr:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
    '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>'
)
TEXT_BOX = (
    '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="TextBox 1"/>'
    '<xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    "</xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>หมายเหตุของฉัน</a:t></a:r></a:p></xdr:txBody></xdr:sp>"
)


def with_content(source: Path, target: Path, kind: str) -> Path:
    """A copy of ``source`` with one kind of user content on its unit sheet."""
    wb = load_workbook(source)
    ws = wb[UNIT]
    if kind == "comment":
        ws["D2"].comment = Comment("ตรวจแล้ว", "ผู้ตรวจ")
    elif kind == "validation":
        rule = DataValidation(type="list", formula1='"ใช่,ไม่ใช่"')
        rule.add("D5")
        ws.add_data_validation(rule)
    elif kind == "conditional":
        ws.conditional_formatting.add(
            "D6:D9",
            CellIsRule(operator="lessThan", formula=["85"], fill=PatternFill("solid", fgColor="FFC7CE")),
        )
    elif kind in ("chart", "picture", "text box"):
        chart = BarChart()
        chart.add_data(Reference(wb[SCORES], min_col=4, min_row=20, max_row=25))
        ws.add_chart(chart, "E2")
    wb.save(target)
    if kind in ("picture", "text box"):
        _add_to_drawing(target, PICTURE if kind == "picture" else TEXT_BOX)
    return target


def _add_to_drawing(path: Path, body: str) -> None:
    """Rewrite the first drawing in Excel's own prefixes, with ``body`` in a second anchor."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/drawings/drawing1.xml"].decode()
    inner = xml[xml.index(">", xml.index("<wsDr")) + 1 : xml.rindex("</wsDr>")]
    for tag in (
        "oneCellAnchor",
        "from",
        "col",
        "colOff",
        "row",
        "rowOff",
        "ext",
        "graphicFrame",
        "nvGraphicFramePr",
        "cNvPr",
        "cNvGraphicFramePr",
        "xfrm",
        "clientData",
    ):
        inner = inner.replace(f"<{tag} ", f"<xdr:{tag} ").replace(f"<{tag}>", f"<xdr:{tag}>")
        inner = inner.replace(f"</{tag}>", f"</xdr:{tag}>").replace(f"<{tag}/>", f"<xdr:{tag}/>")
    parts["xl/drawings/drawing1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"{inner}{_anchor(body, 3)}</xdr:wsDr>"
    ).encode()
    rels = parts["xl/drawings/_rels/drawing1.xml.rels"].decode()
    parts["xl/drawings/_rels/drawing1.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/image" Target="../media/image1.png"/></Relationships>',
    ).encode()
    parts["xl/media/image1.png"] = PNG
    types = parts["[Content_Types].xml"].decode()
    if 'Extension="png"' not in types:
        types = types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1)
    parts["[Content_Types].xml"] = types.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def drawing_tags(path: Path) -> str:
    """All drawing XML of a file, to look for what survived."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/drawings/d"))


# Parts Excel writes that openpyxl has no model for, built here from ECMA-376 Part 1's part
# names, content types and relationship types (§12.3.10 PivotTable, §12.3.12 Pivot Cache
# Definition; §18.3.1.51 legacyDrawing, VML drawing part §15.2.20 and Part 4 §19.4.2.x
# x:ClientData ObjectType for a legacy form control: a button made by Excel 2007, which has
# no xl/ctrlProps part).
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PIVOT_CACHE = (
    f'<pivotCacheDefinition xmlns="{MAIN_NS}" refreshOnLoad="1" recordCount="0">'
    '<cacheSource type="worksheet"><worksheetSource ref="A6:C10" sheet="เกณฑ์"/></cacheSource>'
    '<cacheFields count="1"><cacheField name="เครื่องมือ" numFmtId="0"><sharedItems/></cacheField>'
    "</cacheFields></pivotCacheDefinition>"
)
PIVOT_TABLE = (
    f'<pivotTableDefinition xmlns="{MAIN_NS}" name="PivotTable1" cacheId="7" dataCaption="Values" '
    'updatedVersion="6" minRefreshableVersion="3" createdVersion="6" outline="1" outlineData="1">'
    '<location ref="H2:H3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/>'
    '<pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>'
)
VML_BUTTON = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" '
    'data="1"/></o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" '
    'path="m,l,21600r21600,l21600,xe"/><v:shape id="_x0000_s1025" type="#_x0000_t201" '
    'style="position:absolute;margin-left:300pt;margin-top:10pt;width:80pt;height:24pt;z-index:1">'
    '<v:textbox><div style="text-align:center"><font face="Tahoma" size="160">ส่งรายงาน</font></div>'
    '</v:textbox><x:ClientData ObjectType="Button"><x:Anchor>6, 0, 1, 0, 7, 0, 2, 0</x:Anchor>'
    "<x:PrintObject>False</x:PrintObject><x:AutoFill>False</x:AutoFill><x:FmlaMacro>[0]!Send</x:FmlaMacro>"
    "</x:ClientData></v:shape></xml>"
)


def _edit_parts(path: Path, edit) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    edit(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def _append(parts: dict, name: str, before: str, text: str) -> None:
    xml = parts[name].decode()
    at = xml.rindex(before)
    parts[name] = (xml[:at] + text + xml[at:]).encode()


def _unit_sheet_part(parts: dict) -> str:
    """The unit sheet's part (the first sheet of the samples)."""
    return "xl/worksheets/sheet1.xml"


def with_parts(source: Path, target: Path, kind: str) -> Path:
    """A copy of ``source`` with a pivot table or a legacy (VML) form control on its unit sheet."""
    target.write_bytes(source.read_bytes())

    def edit(parts: dict) -> None:
        sheet = _unit_sheet_part(parts)
        sheet_rels = "xl/worksheets/_rels/sheet1.xml.rels"
        parts.setdefault(
            sheet_rels,
            f'<Relationships xmlns="{REL[:-44]}package/2006/relationships"></Relationships>'.encode(),
        )
        types = "[Content_Types].xml"
        if kind == "pivot table":
            parts["xl/pivotCache/pivotCacheDefinition1.xml"] = PIVOT_CACHE.encode()
            parts["xl/pivotTables/pivotTable1.xml"] = PIVOT_TABLE.encode()
            parts["xl/pivotTables/_rels/pivotTable1.xml.rels"] = (
                f'<Relationships xmlns="{REL[:-44]}package/2006/relationships"><Relationship Id="rId1" '
                f'Type="{REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>'
            ).encode()
            _append(
                parts,
                "xl/_rels/workbook.xml.rels",
                "</Relationships>",
                f'<Relationship Id="rIdPivot" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>',
            )
            _append(
                parts,
                "xl/workbook.xml",
                "</workbook>",
                f'<pivotCaches><pivotCache xmlns:r="{REL}" cacheId="7" r:id="rIdPivot"/></pivotCaches>',
            )
            _append(
                parts,
                sheet_rels,
                "</Relationships>",
                f'<Relationship Id="rIdPT" Type="{REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>',
            )
            _append(
                parts,
                types,
                "</Types>",
                '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
                '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>',
            )
        else:
            parts["xl/drawings/vmlDrawing1.vml"] = VML_BUTTON.encode()
            _append(
                parts,
                sheet_rels,
                "</Relationships>",
                f'<Relationship Id="rIdVml" Type="{REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>',
            )
            _append(parts, sheet, "</worksheet>", f'<legacyDrawing xmlns:r="{REL}" r:id="rIdVml"/>')
            _append(
                parts,
                types,
                "</Types>",
                '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
            )

    _edit_parts(target, edit)
    return target


def excel_shaped(source: Path, target: Path) -> Path:
    """``source``'s values written by XlsxWriter, whose files follow Excel's own XML (shared strings,
    the r namespace on the root, Excel's styles), with what a user adds in Excel on the unit sheet:
    a form button (VML), a comment, a text box, a picture, conditional formatting (dxfs), a
    sparkline, a table and a chart."""
    import datetime

    import xlsxwriter

    wb = load_workbook(source)
    book = xlsxwriter.Workbook(str(target))
    dates = book.add_format({"num_format": "d/m/yyyy"})
    for ws in wb.worksheets:
        sheet = book.add_worksheet(ws.title)
        for (r, c), cell in ws._cells.items():
            value = cell.value
            if isinstance(value, str) and value.startswith("="):
                sheet.write_formula(r - 1, c - 1, value)
            elif isinstance(value, datetime.datetime):
                sheet.write_datetime(r - 1, c - 1, value, dates)
            elif value is not None:
                sheet.write(r - 1, c - 1, value)
    for name, ref in wb.defined_names.items():
        book.define_name(name, f"={ref.attr_text}")
    unit = book.get_worksheet_by_name(UNIT)
    unit.insert_button("H2", {"macro": "Send", "caption": "ส่งรายงาน"})
    unit.write_comment("D2", "ตรวจแล้ว")
    unit.insert_textbox("H8", "หมายเหตุของฉัน")
    unit.insert_image("J2", "logo.png", {"image_data": io.BytesIO(PNG)})
    red = book.add_format({"bg_color": "#FFC7CE"})
    unit.conditional_format("D6:D9", {"type": "cell", "criteria": "<", "value": 85, "format": red})
    unit.add_sparkline("L2", {"range": f"'{UNIT}'!D6:D9"})
    unit.add_table("N2:O4", {"columns": [{"header": "ก"}, {"header": "ข"}]})
    chart = book.add_chart({"type": "bar"})
    chart.add_series({"values": f"='{UNIT}'!$D$6:$D$9"})
    unit.insert_chart("H20", chart)
    book.set_custom_property("ผู้จัดทำ", "งานแผน")  # a document property the user set (File > Info)
    book.close()
    return target


#: Other parts Excel writes that openpyxl has no model for: (related from, part, content type,
#: relationship type, content), from ECMA-376 Part 1 §15.2.10 embedded object, §15.2.9
#: ActiveX control, §12.3.15 query table, §12.3.4 connections, Part 2 custom XML data (§15.2.4),
#: and Office's own parts for the data model and pictures in cells ([MS-XLSX] 2.1).
RELATED_PARTS = {
    "embedded object": (
        "xl/worksheets/sheet1.xml",
        "xl/embeddings/oleObject1.bin",
        "application/vnd.openxmlformats-officedocument.oleObject",
        f"{REL}/oleObject",
        b"\xd0\xcf\x11\xe0 an OLE compound file",
    ),
    "activex control": (
        "xl/worksheets/sheet1.xml",
        "xl/activeX/activeX1.xml",
        "application/vnd.ms-office.activeX+xml",
        f"{REL}/control",
        b'<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        b'ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistPropertyBag"/>',
    ),
    "query table": (
        "xl/worksheets/sheet1.xml",
        "xl/queryTables/queryTable1.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml",
        f"{REL}/queryTable",
        f'<queryTable xmlns="{MAIN_NS}" name="q" connectionId="1"/>'.encode(),
    ),
    "connections": (
        "xl/workbook.xml",
        "xl/connections.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml",
        f"{REL}/connections",
        f'<connections xmlns="{MAIN_NS}"><connection id="1" name="c" type="1" refreshedVersion="6">'
        '<dbPr connection="x" command="y"/></connection></connections>'.encode(),
    ),
    "custom xml": ("", "customXml/item1.xml", None, f"{REL}/customXml", b'<root xmlns="urn:example"/>'),
    "data model": (
        "xl/workbook.xml",
        "xl/model/item.data",
        "application/vnd.openxmlformats-officedocument.model+data",
        f"{REL}/powerPivotData",
        b"data",
    ),
    "picture in cell": (
        "xl/workbook.xml",
        "xl/richData/rdrichvalue.xml",
        "application/vnd.ms-excel.rdrichvalue+xml",
        "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue",
        b'<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="0"/>',
    ),
}


def with_related_part(source: Path, target: Path, kind: str) -> Path:
    """A copy of ``source`` with one of ``RELATED_PARTS``, related from its part and typed."""
    import posixpath

    target.write_bytes(source.read_bytes())
    owner, part, content_type, rel_type, data = RELATED_PARTS[kind]

    def edit(parts: dict) -> None:
        parts[part] = data
        folder, name = posixpath.split(owner)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        empty = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        parts.setdefault(rels, empty.encode())
        _append(
            parts, rels, "</Relationships>", f'<Relationship Id="rIdX" Type="{rel_type}" Target="/{part}"/>'
        )
        if content_type:
            _append(
                parts,
                "[Content_Types].xml",
                "</Types>",
                f'<Override PartName="/{part}" ContentType="{content_type}"/>',
            )

    _edit_parts(target, edit)
    return target
