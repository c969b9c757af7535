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

_PARTS = (
    (re.compile(r"^xl/threadedComments/"), THREADED),
    (re.compile(r"^xl/ctrlProps/"), CONTROL),
    (re.compile(r"^xl/(slicers|slicerCaches|timelines|timelineCaches)/"), SLICER),
)
_DRAWING = re.compile(r"^xl/drawings/drawing\d+\.xml$")
_SHEET = re.compile(r"^xl/worksheets/sheet\d+\.xml$")


def dropped_content(path: str | Path) -> list[Kind]:
    """The kinds of content in ``path`` that saving it with openpyxl would lose (in order)."""
    found: list[Kind] = []

    def add(kind: Kind) -> None:
        if kind not in found:
            found.append(kind)

    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            for pattern, kind in _PARTS:
                if pattern.match(name):
                    add(kind)
            if _DRAWING.match(name):
                xml = archive.read(name)
                pictures = b"<xdr:pic>" in xml or b"<xdr:pic " in xml
                if pictures and importlib.util.find_spec("PIL") is None:
                    add(PICTURE)
                if any(tag in xml for tag in (b"<xdr:sp>", b"<xdr:sp ", b"<xdr:grpSp", b"<xdr:cxnSp")):
                    add(SHAPE)
            elif _SHEET.match(name):
                xml = archive.read(name)
                if b"sparklineGroups" in xml:
                    add(SPARKLINE)
                if b"<x14:dataValidations" in xml or b"<x14:conditionalFormattings" in xml:
                    add(EXTENDED)
    return found
