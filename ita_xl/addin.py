"""Install and remove the ribbon add-in on a staff PC (Windows desktop Excel).

``install`` builds ``ita_xl.xlam`` from the installed xlwings (so the add-in's VBA and the
Python package are the same version) with this Python in its config, writes it to Excel's
start-up folder (XLSTART), and imports the ``=ITA_…()`` wrappers into it through COM.
Installing twice replaces ita-xl's own add-in; ``remove`` deletes it and leaves nothing.

The COM work sits behind ``Excel``, a small interface, so the logic is tested on any OS
with a fake that records the calls; ``ComExcel`` is the real one (Windows, pywin32).
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Protocol

from ita_xl.errors import ItaError
from ita_xl.files import write_atomically

ADDIN_FILE = "ita_xl.xlam"
UDF_MODULE_NAME = "xlwings_udfs"
_OUR_RIBBON = b'id="itaTab"'

TRUST_HELP_TH = (
    "Excel ไม่อนุญาตให้โปรแกรมเข้าถึงโครงการ VBA จึงยังนำเข้าฟังก์ชัน =ITA_…() ไม่ได้ "
    "วิธีเปิด: ไฟล์ > ตัวเลือก > ศูนย์ความเชื่อถือ > การตั้งค่าศูนย์ความเชื่อถือ > การตั้งค่าแมโคร > "
    "ทำเครื่องหมาย “เชื่อถือการเข้าถึงโมเดลวัตถุโครงการ VBA” แล้วสั่ง ita-xl addin install อีกครั้ง"
)
TRUST_HELP_EN = (
    "Excel does not allow access to the VBA project, so the =ITA_…() functions were not imported. "
    "Turn it on: File > Options > Trust Center > Trust Center Settings > Macro Settings > "
    "tick 'Trust access to the VBA project object model', then run ita-xl addin install again."
)


class VbaAccessDenied(Exception):
    """Excel refused access to the add-in's VBA project (the Trust Center setting is off)."""


class Excel(Protocol):
    def import_module(self, addin: Path, module_file: Path, module_name: str) -> None:
        """Replace ``module_name`` in ``addin``'s VBA project with ``module_file`` and save."""


def xlstart_folder() -> Path:
    """Excel's per-user start-up folder: add-ins there open with Excel."""
    appdata = os.environ.get("APPDATA")
    if not appdata:
        raise ItaError("ไม่พบโฟลเดอร์ APPDATA ของผู้ใช้", "APPDATA is not set")
    return Path(appdata) / "Microsoft" / "Excel" / "XLSTART"


def require_windows() -> None:
    if sys.platform != "win32":
        raise ItaError(
            "ติดตั้ง add-in ได้เฉพาะบน Windows ที่มี Excel (บนเครื่องอื่นใช้ ita-xl generate แทน)",
            "the add-in installs on Windows desktop Excel only; elsewhere use ita-xl generate",
        )


def is_ours(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return _OUR_RIBBON in z.read("customUI/customUI.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def install(xlstart: Path, excel: Excel, python: str = sys.executable) -> list[str]:
    """Install (or reinstall) the add-in; returns what was done, in Thai.

    Raises:
        ItaError: A file of the same name that ita-xl did not make is in the way, or Excel
            refused access to the VBA project (the message says how to allow it; the add-in
            itself is installed and its button works).
    """
    from ita_xl.build.addin import build
    from ita_xl.build.vba import generate

    target = xlstart / ADDIN_FILE
    if target.exists() and not is_ours(target):
        raise ItaError(
            f"มีไฟล์ {target} ที่ไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ",
            f"{target} exists and is not ita-xl's: not replacing it",
        )
    xlstart.mkdir(parents=True, exist_ok=True)
    data = build(interpreter=python)
    write_atomically(target, lambda path: Path(path).write_bytes(data))
    done = [f"คัดลอก add-in ไปที่ {target}", f"ตั้งค่า Interpreter_Win = {python}"]
    with tempfile.TemporaryDirectory() as folder:
        module_file = Path(folder) / f"{UDF_MODULE_NAME}.bas"
        module_file.write_bytes(generate())
        try:
            excel.import_module(target, module_file, UDF_MODULE_NAME)
        except VbaAccessDenied as exc:
            raise ItaError(TRUST_HELP_TH, TRUST_HELP_EN) from exc
    done.append("นำเข้าฟังก์ชัน =ITA_…() แล้ว: เปิด Excel ใหม่เพื่อใช้แท็บ ITA")
    return done


def remove(xlstart: Path) -> list[str]:
    """Delete ita-xl's add-in; nothing else was installed."""
    target = xlstart / ADDIN_FILE
    if not target.exists():
        return [f"ไม่มี add-in ที่ {target} อยู่แล้ว"]
    if not is_ours(target):
        raise ItaError(f"{target} ไม่ได้สร้างโดย ita-xl: ไม่ลบ", f"{target} is not ita-xl's: not removing it")
    try:
        target.unlink()
    except PermissionError as exc:
        raise ItaError("ปิด Excel ก่อนแล้วลองใหม่", "close Excel and try again") from exc
    return [f"ลบ {target} แล้ว"]


class ComExcel:
    """The real Excel, through pywin32 (Windows only; not exercised by the tests here)."""

    def import_module(self, addin: Path, module_file: Path, module_name: str) -> None:
        import pywintypes
        import win32com.client

        app = win32com.client.DispatchEx("Excel.Application")
        app.DisplayAlerts = False
        try:
            book = app.Workbooks.Open(str(addin))
            try:
                try:
                    components = book.VBProject.VBComponents
                except pywintypes.com_error as exc:
                    raise VbaAccessDenied from exc
                for component in list(components):
                    if component.Name == module_name:
                        components.Remove(component)
                components.Import(str(module_file))
                book.Save()
            finally:
                book.Close(SaveChanges=False)
        finally:
            app.Quit()
