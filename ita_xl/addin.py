"""Install and remove the ribbon add-in on a staff PC (Windows desktop Excel).

``install`` builds ``ita_xl.xlam`` from the installed xlwings (so the add-in's VBA and the
Python package are the same version) with this Python in its config, writes it to Excel's
start-up folder (XLSTART), and imports the ``=ITA_…()`` wrappers into it through COM.
Installing twice replaces ita-xl's own add-in; ``remove`` deletes it and leaves nothing.

The COM work sits behind ``Excel``, a small interface, so the logic is tested on any OS
with a fake that records the calls; ``ComExcel`` is the real one (Windows, pywin32).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import Any, Protocol

from ita_xl.core.errors import ItaError
from ita_xl.xlsx.save import write_atomically

ADDIN_FILE = "ita_xl.xlam"
UDF_MODULE_NAME = "xlwings_udfs"
_OUR_RIBBON = b'id="itaTab"'

TRUST_HELP_TH = (
    "Excel ไม่อนุญาตให้โปรแกรมเข้าถึงโครงการ VBA จึงยังนำเข้าฟังก์ชัน =ITA_…() และปุ่มนำเข้าผลไม่ได้ "
    "วิธีเปิด: ไฟล์ > ตัวเลือก > ศูนย์ความเชื่อถือ > การตั้งค่าศูนย์ความเชื่อถือ > การตั้งค่าแมโคร > "
    "ทำเครื่องหมาย “เชื่อถือการเข้าถึงโมเดลวัตถุโครงการ VBA” แล้วสั่ง ita-xl addin install อีกครั้ง"
)
TRUST_HELP_EN = (
    "Excel does not allow access to the VBA project, so the =ITA_…() functions and the import button "
    "were not imported. "
    "Turn it on: File > Options > Trust Center > Trust Center Settings > Macro Settings > "
    "tick 'Trust access to the VBA project object model', then run ita-xl addin install again."
)


CATEGORY = "ITA"
CLOSE_EXCEL_TH = "กรุณาปิด Excel ก่อนติดตั้ง"
CLOSE_EXCEL_EN = "close Excel before installing (the add-in file is in use)"
#: What install changed, so that remove restores it: beside XLSTART, where Excel opens nothing.
MANIFEST = "ita-xl-install.json"


class VbaAccessDenied(Exception):
    """Excel refused access to the add-in's VBA project (the Trust Center setting is off)."""


@dataclass(frozen=True)
class ComCall:
    """One call on Excel's object model, as ``ComExcel`` makes it and ``--dry-run`` prints it."""

    target: str  # "Workbooks", "Workbook", "VBComponents", "Application"
    method: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs.items()]
        return f"COM {self.target}.{self.method}({', '.join(parts)})"


class Excel(Protocol):
    def run(self, calls: list[ComCall]) -> None:
        """Make the calls on the add-in workbook, in order (opening, importing, saving)."""


def com_calls(
    addin: Path,
    module_file: Path,
    module_name: str,
    functions: list[dict],
    modules: Sequence[tuple[str, Path]] = (),
) -> list[ComCall]:
    """The COM work of an install: import the wrappers, register each function's help, save.

    The help is what xlwings' own "Import Functions" registers (xlwings/udfs.py,
    ``import_udfs``: ``Application.MacroOptions`` with Description, Category and, from
    Excel 2010, ArgumentDescriptions; Microsoft's reference: Application.MacroOptions,
    https://learn.microsoft.com/office/vba/api/excel.application.macrooptions), in category
    "ITA", from the same docstrings and ``@xw.arg`` docs. ``modules`` are further VBA
    modules to import the same way (name, file): the ribbon's own callbacks.
    """
    calls = [ComCall("Workbooks", "Open", (str(addin),))]
    for name, file in ((module_name, module_file), *modules):
        calls += [ComCall("VBComponents", "Remove", (name,)), ComCall("VBComponents", "Import", (str(file),))]
    for f in functions:
        # The macro positionally, the rest by keyword, as xlwings calls it through pywin32.
        kwargs: dict[str, Any] = {"Description": f["description"], "Category": CATEGORY}
        if f["arguments"]:
            kwargs["ArgumentDescriptions"] = list(f["arguments"])
        calls.append(ComCall("Application", "MacroOptions", (f"'{addin.name}'!{f['name']}",), kwargs))
    calls += [ComCall("Workbook", "Save"), ComCall("Workbook", "Close", kwargs={"SaveChanges": False})]
    return calls


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


def dll_name(bits: int | None = None) -> str:
    """The xlwings DLL the add-in's VBA loads (xlwings.bas: ``XLPyDLLName``)."""
    bits = bits or (64 if sys.maxsize > 2**32 else 32)
    return f"xlwings{bits}-{xlwings_version()}.dll"


def xlwings_version() -> str:
    from importlib.metadata import version

    return version("xlwings")


def dll_places(python: str) -> list[Path]:
    """Where the add-in's VBA looks for the DLL (xlwings.bas, ``XLPyLoadDLL``): the
    interpreter's folder, then its parent (a virtualenv)."""
    folder = PureWindowsPath(python).parent if "\\" in python else Path(python).parent
    return [Path(str(folder)), Path(str(folder.parent))]


def dll_sources() -> list[Path]:
    """Where pip puts xlwings' DLL: the environment's prefix, or with ``pip install --user``
    the user base (site.USER_BASE, e.g. %APPDATA%\\Python)."""
    import site

    places = [Path(sys.prefix), Path(sys.base_prefix)]
    if site.USER_BASE:
        places.append(Path(site.USER_BASE))
    return places


def _manifest(xlstart: Path) -> Path:
    return xlstart.parent / MANIFEST


def plan_install(xlstart: Path, python: str, dll: str | None = None) -> list[str]:
    """The file work of an install, in order, as lines (what ``--dry-run`` prints first)."""
    dll = dll or dll_name()
    lines = [f"FILE write {xlstart / ADDIN_FILE} (Interpreter_Win = {python})"]
    places = dll_places(python)
    if not any((place / dll).exists() for place in places):
        found = next((src / dll for src in dll_sources() if (src / dll).exists()), None)
        if found is not None:
            lines.append(f"FILE copy {found} -> {places[0] / dll}")
        else:
            lines.append(
                f"FILE missing {dll}: not in {places[0]} or {places[1]} (the add-in's VBA looks there)"
            )
    lines.append(f"FILE write {_manifest(xlstart)} (what remove restores)")
    lines.append("REGISTRY none: an add-in in XLSTART needs no registry value")
    return lines


def _write(target: Path, data: bytes) -> None:
    try:
        write_atomically(target, lambda path: Path(path).write_bytes(data))
    except PermissionError as exc:  # Excel holds the open add-in (Windows sharing violation)
        raise ItaError(CLOSE_EXCEL_TH, CLOSE_EXCEL_EN) from exc


def install(xlstart: Path, excel: Excel, python: str = sys.executable, *, dry_run: bool = False) -> list[str]:
    """Install (or reinstall) the add-in; returns what was done (or would be, with ``dry_run``).

    Raises:
        ItaError: Excel has the add-in open ("กรุณาปิด Excel ก่อนติดตั้ง"); a file of the same
            name that ita-xl did not make is in the way; xlwings' DLL is nowhere the add-in
            looks; or Excel refused access to the VBA project (the message says how to allow
            it; the add-in itself is installed and its generate button works).
    """
    from ita_xl.live.vba import RIBBON_MODULE_NAME, function_help, generate, ribbon_module
    from ita_xl.live.xlam import build

    target = xlstart / ADDIN_FILE
    if target.exists() and not is_ours(target):
        raise ItaError(
            f"มีไฟล์ {target} ที่ไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ",
            f"{target} exists and is not ita-xl's: not replacing it",
        )
    files = plan_install(xlstart, python)
    help_texts = function_help()
    if dry_run:
        folder = Path(tempfile.gettempdir()) / "<temporary folder>"
        ribbon = [(RIBBON_MODULE_NAME, folder / f"{RIBBON_MODULE_NAME}.bas")]
        calls = com_calls(target, folder / f"{UDF_MODULE_NAME}.bas", UDF_MODULE_NAME, help_texts, ribbon)
        return files + [str(call) for call in calls]
    missing = [line for line in files if line.startswith("FILE missing")]
    if missing:
        raise ItaError(f"ไม่พบ {dll_name()} ของ xlwings: ติดตั้ง xlwings ใหม่", missing[0])
    xlstart.mkdir(parents=True, exist_ok=True)
    _write(target, build(interpreter=python))
    done = [f"คัดลอก add-in ไปที่ {target}", f"ตั้งค่า Interpreter_Win = {python}"]
    copied = []
    for line in files:
        if line.startswith("FILE copy "):
            source, _, destination = line.removeprefix("FILE copy ").partition(" -> ")
            try:
                shutil.copyfile(source, destination)
            except OSError as exc:
                raise ItaError(
                    f"คัดลอก {Path(source).name} ไปที่ {destination} ไม่ได้ (ไม่มีสิทธิ์เขียนโฟลเดอร์ของ Python):"
                    " ติดตั้ง ita-xl ด้วย pip แบบไม่ใช้ --user หรือใช้ Python ที่ติดตั้งสำหรับผู้ใช้คนเดียว",
                    f"cannot copy {source} to {destination}: install without --user or use a per-user Python",
                ) from exc
            copied.append(destination)
            done.append(f"คัดลอก {Path(source).name} ไปไว้ที่ {destination} (ติดตั้งแบบ --user)")
    _manifest(xlstart).write_text(
        json.dumps({"addin": str(target), "copied": copied}, indent=1), encoding="utf-8"
    )
    with tempfile.TemporaryDirectory() as folder:
        module_file = Path(folder) / f"{UDF_MODULE_NAME}.bas"
        module_file.write_bytes(generate())
        ribbon_file = Path(folder) / f"{RIBBON_MODULE_NAME}.bas"
        ribbon_file.write_bytes(ribbon_module())
        ribbon = [(RIBBON_MODULE_NAME, ribbon_file)]
        try:
            excel.run(com_calls(target, module_file, UDF_MODULE_NAME, help_texts, ribbon))
        except VbaAccessDenied as exc:
            raise ItaError(TRUST_HELP_TH, TRUST_HELP_EN) from exc
    done.append(f"นำเข้าฟังก์ชัน =ITA_…() พร้อมคำอธิบายในหมวด {CATEGORY} แล้ว: เปิด Excel ใหม่เพื่อใช้แท็บ ITA")
    return done


def remove(xlstart: Path) -> list[str]:
    """Delete ita-xl's add-in and every file install copied (from the install's manifest)."""
    target = xlstart / ADDIN_FILE
    manifest = _manifest(xlstart)
    copied = json.loads(manifest.read_text(encoding="utf-8")).get("copied", []) if manifest.exists() else []
    if not target.exists() and not manifest.exists():
        return [f"ไม่มี add-in ที่ {target} อยู่แล้ว"]
    if target.exists() and not is_ours(target):
        raise ItaError(f"{target} ไม่ได้สร้างโดย ita-xl: ไม่ลบ", f"{target} is not ita-xl's: not removing it")
    done = []
    try:
        if target.exists():
            target.unlink()
            done.append(f"ลบ {target} แล้ว")
        for path in copied:
            if Path(path).exists():
                Path(path).unlink()
                done.append(f"ลบ {path} แล้ว")
    except PermissionError as exc:
        raise ItaError("กรุณาปิด Excel ก่อนถอนการติดตั้ง", "close Excel before removing the add-in") from exc
    manifest.unlink(missing_ok=True)
    return done


class ComExcel:
    """The real Excel, through pywin32 (Windows only; not exercised by the tests here)."""

    def run(self, calls: list[ComCall]) -> None:
        import pywintypes
        import win32com.client

        app = win32com.client.DispatchEx("Excel.Application")
        app.DisplayAlerts = False
        book = None
        try:
            for call in calls:
                if call.target == "Workbooks":
                    book = app.Workbooks.Open(*call.args)
                elif call.target == "VBComponents":
                    try:
                        components = book.VBProject.VBComponents
                    except pywintypes.com_error as exc:
                        raise VbaAccessDenied from exc
                    if call.method == "Remove":
                        for component in list(components):
                            if component.Name == call.args[0]:
                                components.Remove(component)
                    else:
                        components.Import(*call.args)
                elif call.target == "Application":
                    getattr(app, call.method)(*call.args, **call.kwargs)
                else:
                    getattr(book, call.method)(*call.args, **call.kwargs)
                    if call.method == "Close":
                        book = None
        finally:
            if book is not None:
                book.Close(SaveChanges=False)
            app.Quit()
