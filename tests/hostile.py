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
