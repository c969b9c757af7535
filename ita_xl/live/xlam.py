"""Build ``workbooks/ita_xl.xlam`` from the ribbon add-in that ``xlwings quickstart --addin --ribbon`` ships.

Only zip parts are rewritten; the VBA project (``xl/vbaProject.bin``) is copied byte for
byte, so no macro code is ever saved by a tool that could change it:

* ``customUI/customUI.xml``: an "ITA" tab with Thai buttons (generate, import; the follow-up's
  tracking sheet and its six- and twelve-month reports). The add-in's only ribbon
  callback, ``RibbonMyAddin.RunMain``, runs ``import <add-in name>; <add-in name>.main()``,
  so an add-in named ``ita_xl.xlam`` calls ``ita_xl.main()`` (the generate button). The
  other buttons' callbacks (``ita_ribbon.RunImport``, ``RunTrack``, ``RunProgress6``,
  ``RunProgress12``) are in a module ``ita-xl addin install`` imports
  (``ita_xl.live.vba.RIBBON_MODULE``): before that, those buttons have no macro.
* the config sheet: the shipped ``_myaddin.conf`` is renamed ``myaddin.conf`` (the name the
  compiled VBA looks for; the underscore disables it), with ``UDF Modules`` set to
  ``ita_xl.udfs`` and ``Interpreter_Win`` left for ``ita-xl addin install`` to fill in.

The build step ``python -m ita_xl.build.addin`` writes it to ``workbooks/``; ``ita-xl addin
install`` builds it again with the user's interpreter.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import xlwings

SOURCE = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
CONFIG_SHEET = "myaddin.conf"
UDF_MODULES = "ita_xl.udfs"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

CUSTOM_UI = """<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui">
    <ribbon>
        <tabs>
            <tab id="itaTab" label="ITA">
                <group id="itaGroup" label="ITA คุณธรรมและความโปร่งใส">
                    <button id="itaGenerate" label="สร้างชีตวิเคราะห์และมาตรการ" size="large"
                        screentip="สร้างชีตวิเคราะห์ผลและมาตรการ"
                        supertip="ตรวจคะแนนในแม่แบบ แล้วเขียนชีต วิเคราะห์ผล และ มาตรการ ลงในไฟล์ที่เปิดอยู่"
                        onAction="RibbonMyAddin.RunMain" imageMso="MacroPlay" />
                    <button id="itaImport" label="นำเข้าผล" size="large"
                        screentip="นำเข้าผลการประเมินจากชีตวางผลการประเมิน"
                        supertip="กรอกคะแนนจากข้อความผลการประเมินที่วางในชีต วางผลการประเมิน เฉพาะช่องที่ยังว่าง"
                        onAction="ita_ribbon.RunImport" imageMso="ImportTextFile" />
                </group>
                <group id="itaFollowUp" label="ติดตามมาตรการ">
                    <button id="itaTrack" label="ติดตามมาตรการ" size="large"
                        screentip="สร้างหรือปรับปรุงชีตติดตามมาตรการ"
                        supertip="สร้างชีต ติดตามมาตรการ จากชีต มาตรการ หรือปรับปรุงชีตเดิม โดยข้อมูลที่กรอกไว้ยังอยู่ครบ"
                        onAction="ita_ribbon.RunTrack" imageMso="MacroPlay" />
                    <button id="itaProgress6" label="รายงานรอบ ๖ เดือน" size="large"
                        screentip="รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน"
                        supertip="เขียนชีตบันทึกและรายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน จากชีต ติดตามมาตรการ"
                        onAction="ita_ribbon.RunProgress6" imageMso="MacroPlay" />
                    <button id="itaProgress12" label="รายงานรอบ ๑๒ เดือน" size="large"
                        screentip="รายงานผลการดำเนินการตามมาตรการ รอบ ๑๒ เดือน"
                        supertip="เขียนชีตบันทึกและรายงานผลการดำเนินการตามมาตรการ รอบ ๑๒ เดือน จากชีต ติดตามมาตรการ"
                        onAction="ita_ribbon.RunProgress12" imageMso="MacroPlay" />
                </group>
            </tab>
        </tabs>
    </ribbon>
</customUI>
"""


def _config_cell(xml: str, row: int, value: str) -> str:
    """Put an inline string in column B of ``row`` of the config sheet."""
    cell = f'<c r="B{row}" s="1" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    pattern = re.compile(rf'(<row r="{row}"[^>]*>)(.*?)(</row>)')
    match = pattern.search(xml)
    if match is None:
        raise ValueError(f"the config sheet has no row {row}")
    cells = re.sub(rf'<c r="B{row}"[^>]*?(/>|>.*?</c>)', "", match.group(2))
    opening = re.sub(r'spans="\d+:\d+"', 'spans="1:2"', match.group(1))
    return xml[: match.start()] + opening + cells + cell + match.group(3) + xml[match.end() :]


def _config_rows(shared_strings: str) -> dict[str, int]:
    """Rows of the config keys in column A, by key (from the sheet's shared strings)."""
    return {text: n for n, text in enumerate(re.findall(r"<t>(.*?)</t>", shared_strings))}


def build(source: Path = SOURCE, interpreter: str | None = None) -> bytes:
    """The add-in's bytes: the source's parts, three of them rewritten.

    Args:
        source: xlwings' quickstart ribbon add-in.
        interpreter: The Python for ``Interpreter_Win`` (the installer passes its own);
            left empty in the checked-in add-in.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        strings = _config_rows(src.read("xl/sharedStrings.xml").decode("utf-8"))
        sheet = src.read("xl/worksheets/sheet1.xml").decode("utf-8")
        index_to_row = {
            int(v): int(r) for r, v in re.findall(r'<c r="A(\d+)" s="\d+" t="s"><v>(\d+)</v>', sheet)
        }
        row_of = {text: index_to_row[index] for text, index in strings.items() if index in index_to_row}
        sheet = _config_cell(sheet, row_of["UDF Modules"], UDF_MODULES)
        if interpreter:
            sheet = _config_cell(sheet, row_of["Interpreter_Win"], interpreter)
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "customUI/customUI.xml":
                data = CUSTOM_UI.encode("utf-8")
            elif item.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode("utf-8")
            elif item.filename in ("xl/workbook.xml", "docProps/app.xml"):
                data = data.replace(b"_myaddin.conf", CONFIG_SHEET.encode())
            # A fresh ZipInfo for each entry: reusing the source's corrupts reads of it.
            info = zipfile.ZipInfo(item.filename, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
    return out.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}
