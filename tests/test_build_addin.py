"""The ribbon add-in: a valid package, a ribbon whose callbacks exist, config that reads back."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from oletools.olevba import VBA_Parser

import ita_xl
from ita_xl.build import addin
from ita_xl.live import xlam
from ita_xl.live.vba import RIBBON_MODULE, RIBBON_MODULE_NAME

UI = "{http://schemas.microsoft.com/office/2006/01/customui}"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def parts():
    return xlam.parts(addin.TARGET.read_bytes())


def test_checked_in_addin_matches_the_build(parts):
    assert parts == xlam.parts(xlam.build()), "run: python -m ita_xl.build.addin"
    assert addin.main(["--check"]) == 0


def test_is_a_valid_package_with_the_vba_project_unchanged(parts):
    with zipfile.ZipFile(io.BytesIO(addin.TARGET.read_bytes())) as z:
        assert z.testzip() is None
    with zipfile.ZipFile(xlam.SOURCE) as source:
        assert parts["xl/vbaProject.bin"] == source.read("xl/vbaProject.bin")
        assert set(parts) == set(source.namelist())
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            ET.fromstring(data)  # every XML part is well-formed


def vba_subs() -> set[str]:
    parser = VBA_Parser(str(addin.TARGET))
    subs = set()
    for _, _, module, code in parser.extract_macros():
        for sub in re.findall(r"^\s*(?:Public |Private )?Sub (\w+)\(", code, re.M):
            subs.add(f"{module.removesuffix('.bas')}.{sub}")
    parser.close()
    return subs


def test_every_ribbon_action_names_a_sub_in_the_vba_project(parts):
    ui = ET.fromstring(parts["customUI/customUI.xml"])
    [tab] = ui.iter(f"{UI}tab")
    assert tab.get("label") == "ITA"
    buttons = list(ui.iter(f"{UI}button"))
    assert [b.get("label") for b in buttons] == [
        "สร้างชีตวิเคราะห์และมาตรการ",
        "นำเข้าผล",
        "ติดตามมาตรการ",
        "รายงานรอบ ๖ เดือน",
        "รายงานรอบ ๑๒ เดือน",
    ]
    # The add-in's own VBA project, and the module ita-xl addin install imports into it.
    subs = vba_subs() | {
        f"{RIBBON_MODULE_NAME}.{sub}" for sub in re.findall(r"^Sub (\w+)\(", RIBBON_MODULE, re.M)
    }
    for button in buttons:
        assert button.get("onAction") in subs


def test_the_import_button_runs_the_packages_import_main():
    assert 'RunPython "import ita_xl; ita_xl.import_main()"' in RIBBON_MODULE
    assert f'Attribute VB_Name = "{RIBBON_MODULE_NAME}"' in RIBBON_MODULE
    assert callable(ita_xl.import_main)
    assert "RunImport" not in {s.split(".")[1] for s in vba_subs()}  # only after the install


@pytest.mark.parametrize(
    ("sub", "call"),
    [
        ("RunTrack", "p.main_track()"),
        ("RunProgress6", "p.main_report(6)"),
        ("RunProgress12", "p.main_report(12)"),
    ],
)
def test_the_follow_up_buttons_run_the_live_progress_entry_points(sub, call):
    """Each follow-up button's sub runs the entry point tests/test_live_progress.py drives with
    set_mock_caller; like RunImport, it exists only once the installer imports the module."""
    from ita_xl.live import progress

    body = re.search(rf"^Sub {sub}\(control As IRibbonControl\)\n(.*?)\nEnd Sub", RIBBON_MODULE, re.M | re.S)
    assert body is not None
    assert body.group(1).strip() == f'RunPython "import ita_xl.live.progress as p; {call}"'
    assert callable(getattr(progress, call.split("(")[0].removeprefix("p.")))
    assert sub not in {s.split(".")[1] for s in vba_subs()}


def test_the_button_runs_the_package_main():
    parser = VBA_Parser(str(addin.TARGET))
    code = {module: text for _, _, module, text in parser.extract_macros()}
    parser.close()
    # RunMain imports the module named like the add-in file: ita_xl.xlam -> ita_xl.main()
    assert 'RunPython "import " & mymodule & ";" & mymodule & ".main()"' in code["RibbonMyAddin.bas"]
    assert addin.TARGET.stem == "ita_xl" and callable(ita_xl.main)
    assert 'PROJECT_NAME As String = "myaddin"' in code["xlwings.bas"]


def test_config_sheet_reads_back(parts):
    workbook = ET.fromstring(parts["xl/workbook.xml"])
    assert [s.get("name") for s in workbook.iter(f"{MAIN}sheet")] == [xlam.CONFIG_SHEET]
    sheet = ET.fromstring(parts["xl/worksheets/sheet1.xml"])
    strings = [t.text for t in ET.fromstring(parts["xl/sharedStrings.xml"]).iter(f"{MAIN}t")]
    config = {}
    for row in sheet.iter(f"{MAIN}row"):
        cells = {c.get("r")[0]: c for c in row.iter(f"{MAIN}c")}
        if cells["A"].find(f"{MAIN}v") is None:
            continue  # a styled empty row
        key = strings[int(cells["A"].find(f"{MAIN}v").text)]
        value = None
        if "B" in cells:
            inline = cells["B"].find(f"{MAIN}is/{MAIN}t")
            value = inline.text if inline is not None else cells["B"].find(f"{MAIN}v").text
        config[key] = value
    assert config["UDF Modules"] == "ita_xl.udfs"
    assert config["Interpreter_Win"] is None  # filled in by the installer
    assert config["Use UDF Server"] == "0"
