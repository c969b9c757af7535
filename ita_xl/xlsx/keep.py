"""What a workbook holds that openpyxl cannot write back, found in the file's own parts.

openpyxl (3.1) keeps cell values, styles, merged cells, defined names, comments, charts,
data validation and conditional formatting written in the main schema. It drops, on
saving: pictures (unless Pillow is installed), shapes and text boxes, threaded comments,
form controls, slicers and timelines, sparklines and the Excel 2010 extensions of data
validation and conditional formatting (lists from other sheets, data bars with extended
options), which Excel stores in a worksheet's ``extLst``. ``dropped_content`` names those a
file holds, so ita-xl can refuse to write the file in place and warn when the copy lacks
them, instead of losing them silently.
"""

from __future__ import annotations

import importlib.util
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree


@dataclass(frozen=True)
class Kind:
    th: str
    en: str


PICTURE = Kind("รูปภาพ (เช่น โลโก้)", "pictures (e.g. a logo)")
SHAPE = Kind("กล่องข้อความหรือรูปร่าง", "text boxes or shapes")
THREADED = Kind("ข้อคิดเห็นแบบสนทนา", "threaded comments")
CONTROL = Kind("ตัวควบคุมฟอร์ม", "form controls")
SLICER = Kind("ตัวแบ่งส่วนข้อมูล (slicer/timeline)", "slicers or timelines")
SPARKLINE = Kind("แผนภูมิขนาดเล็กในเซลล์ (sparkline)", "sparklines")
EXTENDED = Kind(
    "การตรวจสอบข้อมูลหรือการจัดรูปแบบตามเงื่อนไขแบบขยาย",
    "extended data validation or conditional formatting",
)
EMBEDDED = Kind("วัตถุที่ฝังไว้ (OLE)", "embedded (OLE) objects")
CONNECTION = Kind("การเชื่อมต่อข้อมูลภายนอกหรือคิวรี", "data connections or queries")
CUSTOM_XML = Kind("ข้อมูล XML ที่กำหนดเอง (customXml)", "custom XML data")
DATA_MODEL = Kind("โมเดลข้อมูล (Power Pivot)", "a data model (Power Pivot)")
CELL_PICTURE = Kind("รูปภาพในเซลล์", "pictures in cells")

_PARTS = (
    (re.compile(r"^xl/threadedComments/"), THREADED),
    (re.compile(r"^xl/(ctrlProps|activeX)/"), CONTROL),
    (re.compile(r"^xl/(slicers|slicerCaches|timelines|timelineCaches)/"), SLICER),
    (re.compile(r"^xl/embeddings/"), EMBEDDED),
    (re.compile(r"^xl/(queryTables/|connections\.xml$)"), CONNECTION),
    (re.compile(r"^customXml/"), CUSTOM_XML),
    (re.compile(r"^xl/model/"), DATA_MODEL),
    (re.compile(r"^xl/richData/"), CELL_PICTURE),
)
_DRAWING = re.compile(r"^xl/drawings/drawing\d+\.xml$")
#: A legacy (VML) drawing: comments' notes, and form controls, which files from Excel 2007
#: keep only here, without an ``xl/ctrlProps`` part. Each shape's ``x:ClientData``
#: ``ObjectType`` (ECMA-376 Part 4, §19.4.2.x; "Note" is a comment) says what it is.
_VML = re.compile(r"\.vml$", re.I)
_OBJECT_TYPE = re.compile(rb'ObjectType\s*=\s*"(\w+)"')
_SHEET = re.compile(r"^xl/worksheets/sheet\d+\.xml$")
_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_SHAPES = {f"{_XDR}sp", f"{_XDR}grpSp", f"{_XDR}cxnSp"}


def _drawing_kinds(xml: bytes) -> list[Kind]:
    """Pictures and shapes in a drawing part, whatever prefix the namespace has."""
    try:
        tags = {element.tag for element in ElementTree.fromstring(xml).iter()}
    except ElementTree.ParseError:
        return [SHAPE]  # a drawing openpyxl cannot read is dropped whole
    kinds = []
    if f"{_XDR}pic" in tags and importlib.util.find_spec("PIL") is None:
        kinds.append(PICTURE)
    if tags & _SHAPES:
        kinds.append(SHAPE)
    return kinds


def dropped_content(path: str | Path) -> list[Kind]:
    """The kinds of content in ``path`` that saving it with openpyxl would lose (in order)."""
    found: list[Kind] = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            kinds = [kind for pattern, kind in _PARTS if pattern.match(name)]
            if _VML.search(name) and any(t != b"Note" for t in _OBJECT_TYPE.findall(archive.read(name))):
                kinds.append(CONTROL)
            if _DRAWING.match(name):
                kinds += _drawing_kinds(archive.read(name))
            elif _SHEET.match(name):
                xml = archive.read(name)
                if b"sparklineGroups" in xml:
                    kinds.append(SPARKLINE)
                if b"dataValidations" in xml.partition(b"extLst")[2] or b"conditionalFormattings" in xml:
                    kinds.append(EXTENDED)
            found += [kind for kind in kinds if kind not in found]
    return found
