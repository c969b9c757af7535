"""Installing the add-in: file operations in a temporary profile, COM through a recording fake.

Outside references: xlwings 0.37.8 ``xlwings/udfs.py`` ``import_udfs`` (the wrappers' import
and the ``Application.MacroOptions`` call the installer mirrors: Description, Category,
ArgumentDescriptions from Excel 2010, 255 characters each), ``xlwings/xlwings.bas``
``XLPyLoadDLL`` (the add-in loads ``xlwings64-<version>.dll`` from the interpreter's folder or
its parent only), Microsoft's Application.MacroOptions reference
(https://learn.microsoft.com/office/vba/api/excel.application.macrooptions).
"""

from __future__ import annotations

import inspect
import zipfile
from pathlib import Path

import pytest

from ita_xl import addin, udfs
from ita_xl.cli import main
from ita_xl.core.errors import ItaError
from ita_xl.live.xlam import CONFIG_SHEET

FUNCTIONS = {name: f for name, f in vars(udfs).items() if name.startswith("ITA_") and inspect.isfunction(f)}


class FakeExcel:
    """Records the COM calls; can refuse VBA access like Excel with the Trust Center setting off."""

    def __init__(self, trusted: bool = True) -> None:
        self.trusted = trusted
        self.calls: list[addin.ComCall] = []

    def run(self, calls):
        removed = None
        for call in calls:
            if call.target == "VBComponents" and call.method == "Remove":
                removed = call.args[0]
            if call.target == "VBComponents" and call.method == "Import":
                # Each imported module is the one just removed (a reinstall replaces it).
                name = f'Attribute VB_Name = "{removed}"\r\n'.encode()
                assert Path(call.args[0]).read_bytes().startswith(name)
            if call.target == "VBComponents" and not self.trusted:
                raise addin.VbaAccessDenied
            self.calls.append(call)


@pytest.fixture
def python(tmp_path, monkeypatch):
    """A Python installation with xlwings' DLL beside the interpreter (a normal pip install)."""
    folder = tmp_path / "Python311"
    folder.mkdir()
    (folder / addin.dll_name()).write_bytes(b"dll")
    monkeypatch.setattr(addin, "dll_sources", lambda: [folder])
    return str(folder / "python.exe")


def config_sheet(path) -> str:
    with zipfile.ZipFile(path) as z:
        assert CONFIG_SHEET.encode() in z.read("xl/workbook.xml")
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_install_copies_configures_imports_and_registers_help(tmp_path, python):
    excel = FakeExcel()
    xlstart = tmp_path / "XLSTART"
    done = addin.install(xlstart, excel, python=python)
    target = xlstart / "ita_xl.xlam"
    assert target.exists() and addin.is_ours(target)
    assert python in config_sheet(target)
    assert [(c.target, c.method) for c in excel.calls[:3]] == [
        ("Workbooks", "Open"),
        ("VBComponents", "Remove"),
        ("VBComponents", "Import"),
    ]
    assert [(c.target, c.method) for c in excel.calls[-2:]] == [("Workbook", "Save"), ("Workbook", "Close")]
    assert any("Interpreter_Win" in line for line in done)
    assert [p.name for p in xlstart.iterdir()] == ["ita_xl.xlam"]  # no temporary file left


def test_install_imports_the_ribbons_import_button_module(tmp_path, python):
    from ita_xl.live.vba import RIBBON_MODULE_NAME

    excel = FakeExcel()
    addin.install(tmp_path / "XLSTART", excel, python=python)
    vba = [(c.method, c.args[0]) for c in excel.calls if c.target == "VBComponents"]
    assert [(m, a if m == "Remove" else Path(a).stem) for m, a in vba] == [
        ("Remove", "xlwings_udfs"),
        ("Import", "xlwings_udfs"),
        ("Remove", RIBBON_MODULE_NAME),
        ("Import", RIBBON_MODULE_NAME),
    ]


def test_every_function_gets_thai_help_in_category_ita(tmp_path, python):
    excel = FakeExcel()
    addin.install(tmp_path / "XLSTART", excel, python=python)
    options = {c.args[0]: c.kwargs for c in excel.calls if c.method == "MacroOptions"}
    assert set(options) == {f"'ita_xl.xlam'!{name}" for name in FUNCTIONS}
    for name, function in FUNCTIONS.items():
        kwargs = options[f"'ita_xl.xlam'!{name}"]
        assert kwargs["Category"] == "ITA"
        summary = " ".join(function.__doc__.split("\n\n")[0].split())
        assert kwargs["Description"] == summary[:255] and any("\u0e00" <= ch <= "\u0e7f" for ch in summary)
        parameters = inspect.signature(function).parameters
        assert len(kwargs["ArgumentDescriptions"]) == len(parameters), name
        assert all(0 < len(d) <= 255 for d in kwargs["ArgumentDescriptions"])


def test_install_twice_and_remove_leaves_nothing(tmp_path, python):
    xlstart = tmp_path / "XLSTART"
    addin.install(xlstart, FakeExcel(), python=python)
    addin.install(xlstart, FakeExcel(), python=python.replace("python.exe", "pythonw.exe"))
    assert "pythonw.exe" in config_sheet(xlstart / "ita_xl.xlam")
    assert [p.name for p in xlstart.iterdir()] == ["ita_xl.xlam"]
    addin.remove(xlstart)
    assert list(xlstart.iterdir()) == [] and not (tmp_path / addin.MANIFEST).exists()
    assert "ไม่มี add-in" in addin.remove(xlstart)[0]  # removing twice is fine


def test_user_install_copies_the_dll_where_the_addin_looks_and_remove_restores(tmp_path, monkeypatch):
    """pip install --user puts the DLL under site.USER_BASE, where the add-in's VBA never looks."""
    interpreter = tmp_path / "Python311"
    interpreter.mkdir()
    user_base = tmp_path / "AppData" / "Roaming" / "Python"
    user_base.mkdir(parents=True)
    (user_base / addin.dll_name()).write_bytes(b"dll")
    monkeypatch.setattr(addin, "dll_sources", lambda: [interpreter, user_base])
    xlstart = tmp_path / "XLSTART"
    before = sorted(p.name for p in interpreter.iterdir())
    done = addin.install(xlstart, FakeExcel(), python=str(interpreter / "python.exe"))
    assert (interpreter / addin.dll_name()).read_bytes() == b"dll"
    assert any("--user" in line for line in done)
    addin.remove(xlstart)
    assert sorted(p.name for p in interpreter.iterdir()) == before  # the copied DLL is gone again
    assert (user_base / addin.dll_name()).exists()  # pip's own file is untouched


def test_no_dll_anywhere_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(addin, "dll_sources", lambda: [tmp_path])
    with pytest.raises(ItaError, match="xlwings"):
        addin.install(tmp_path / "XLSTART", FakeExcel(), python=str(tmp_path / "py" / "python.exe"))
    assert not (tmp_path / "XLSTART" / "ita_xl.xlam").exists()


def test_excel_open_says_close_excel_and_exits_2(tmp_path, python, monkeypatch, capsys):
    def locked(target, write):  # Windows: Excel holds the add-in open, the rename is refused
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(addin, "write_atomically", locked)
    monkeypatch.setattr(addin, "require_windows", lambda: None)
    monkeypatch.setattr(addin, "ComExcel", FakeExcel)
    monkeypatch.setattr(addin, "plan_install", lambda xlstart, python: ["FILE write (the add-in)"])
    assert main(["addin", "install", "--xlstart", str(tmp_path / "XLSTART")]) == 2
    err = capsys.readouterr().err
    assert "กรุณาปิด Excel ก่อนติดตั้ง" in err and len(err.strip().splitlines()) == 1


def test_dry_run_lists_files_registry_and_com_calls_and_changes_nothing(tmp_path, python, capsys):
    xlstart = tmp_path / "XLSTART"
    assert main(["addin", "install", "--dry-run", "--xlstart", str(xlstart)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"FILE write {xlstart / 'ita_xl.xlam'}")
    assert any(line.startswith("REGISTRY none") for line in lines)
    macro_options = [line for line in lines if "Application.MacroOptions" in line]
    assert len(macro_options) == len(FUNCTIONS)
    assert all("Category='ITA'" in line for line in macro_options)
    assert lines[-2:] == ["COM Workbook.Save()", "COM Workbook.Close(SaveChanges=False)"]
    assert not xlstart.exists() and not (tmp_path / addin.MANIFEST).exists()


def test_trust_center_off_says_how_to_turn_it_on_in_thai_and_english(tmp_path, python):
    xlstart = tmp_path / "XLSTART"
    with pytest.raises(ItaError) as caught:
        addin.install(xlstart, FakeExcel(trusted=False), python=python)
    assert "เชื่อถือการเข้าถึงโมเดลวัตถุโครงการ VBA" in caught.value.th
    assert "Trust access to the VBA project object model" in caught.value.en
    assert (xlstart / "ita_xl.xlam").exists()  # the ribbon still works; functions after a rerun


def test_someone_elses_file_is_never_replaced_or_removed(tmp_path, python):
    xlstart = tmp_path / "XLSTART"
    xlstart.mkdir()
    (xlstart / "ita_xl.xlam").write_bytes(b"not ours")
    with pytest.raises(ItaError, match="not ita-xl's"):
        addin.install(xlstart, FakeExcel(), python=python)
    with pytest.raises(ItaError, match="not ita-xl's"):
        addin.remove(xlstart)
    assert (xlstart / "ita_xl.xlam").read_bytes() == b"not ours"


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="the message is for other systems")
@pytest.mark.parametrize("action", ["install", "remove"])
def test_elsewhere_a_clear_message_and_exit_2(capsys, action):
    assert main(["addin", action]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Windows" in err
