"""Installing the add-in: file operations in a temporary profile, COM through a recording fake."""

from __future__ import annotations

import zipfile

import pytest

from ita_xl import addin
from ita_xl.build.addin import CONFIG_SHEET
from ita_xl.cli import main
from ita_xl.errors import ItaError


class FakeExcel:
    """Records the COM work; can refuse VBA access like Excel with the Trust Center setting off."""

    def __init__(self, trusted: bool = True) -> None:
        self.trusted = trusted
        self.calls: list[tuple] = []

    def import_module(self, path, module_file, module_name):
        self.calls.append(("import_module", path.name, module_name, module_file.read_bytes()[:40]))
        if not self.trusted:
            raise addin.VbaAccessDenied


def config_sheet(path) -> str:
    with zipfile.ZipFile(path) as z:
        assert CONFIG_SHEET.encode() in z.read("xl/workbook.xml")
        return z.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_install_copies_configures_and_imports(tmp_path):
    excel = FakeExcel()
    xlstart = tmp_path / "XLSTART"
    done = addin.install(xlstart, excel, python=r"C:\Python311\python.exe")
    target = xlstart / "ita_xl.xlam"
    assert target.exists() and addin.is_ours(target)
    assert r"C:\Python311\python.exe" in config_sheet(target)
    assert excel.calls == [
        ("import_module", "ita_xl.xlam", "xlwings_udfs", b'Attribute VB_Name = "xlwings_udfs"\r\n\'Aut')
    ]
    assert any("Interpreter_Win" in line for line in done)
    assert [p.name for p in xlstart.iterdir()] == ["ita_xl.xlam"]  # no temporary file left


def test_install_twice_and_remove_leaves_nothing(tmp_path):
    xlstart = tmp_path / "XLSTART"
    addin.install(xlstart, FakeExcel(), python="py1")
    addin.install(xlstart, FakeExcel(), python="py2")
    assert "py2" in config_sheet(xlstart / "ita_xl.xlam")
    assert [p.name for p in xlstart.iterdir()] == ["ita_xl.xlam"]
    addin.remove(xlstart)
    assert list(xlstart.iterdir()) == []
    assert "ไม่มี add-in" in addin.remove(xlstart)[0]  # removing twice is fine


def test_trust_center_off_says_how_to_turn_it_on_in_thai_and_english(tmp_path):
    xlstart = tmp_path / "XLSTART"
    with pytest.raises(ItaError) as caught:
        addin.install(xlstart, FakeExcel(trusted=False), python="py")
    assert "เชื่อถือการเข้าถึงโมเดลวัตถุโครงการ VBA" in caught.value.th
    assert "Trust access to the VBA project object model" in caught.value.en
    assert (xlstart / "ita_xl.xlam").exists()  # the ribbon still works; functions after a rerun


def test_someone_elses_file_is_never_replaced_or_removed(tmp_path):
    xlstart = tmp_path / "XLSTART"
    xlstart.mkdir()
    (xlstart / "ita_xl.xlam").write_bytes(b"not ours")
    with pytest.raises(ItaError, match="not ita-xl's"):
        addin.install(xlstart, FakeExcel(), python="py")
    with pytest.raises(ItaError, match="not ita-xl's"):
        addin.remove(xlstart)
    assert (xlstart / "ita_xl.xlam").read_bytes() == b"not ours"


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="the message is for other systems")
@pytest.mark.parametrize("action", ["install", "remove"])
def test_elsewhere_a_clear_message_and_exit_2(capsys, action):
    assert main(["addin", action]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Windows" in err
