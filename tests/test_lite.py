"""xlwings Lite: workbooks/lite/main.py through xlwings' custom-function and custom-script calls.

Outside references: xlwings 0.37.8 ``xlwings/server.py`` (``custom_functions_call``,
``custom_scripts_call``: the calls xlwings Lite makes), ``xlwings/pro/_xlremote.py``
(``Range.formula`` setter: a ``setFormula`` action the client applies to Office.js
``range.formulas``), PEP 427 (wheel layout), PEP 508 (``Requires-Dist`` markers), and
OfficeDev/office-js issues 6611 and 4185 (a custom-function formula present before the
add-in registered stays #NAME? until the cell is re-entered; recalculation does not help).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import xlwings as xw
from openpyxl import load_workbook
from xlwings import server

from ita_xl import __version__, lite_main, udfs
from ita_xl import lite as lite_folder
from ita_xl.build import workbooks as build
from ita_xl.cli import main
from ita_xl.core.document import GENERATED_SHEETS
from ita_xl.core.framework import load_framework
from ita_xl.core.layout import CRITERIA, SCORES, Layout
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.xlsx.template import ita_formulas
from tests.xlwings_book import book_json, json_book

LITE = Path(__file__).resolve().parent.parent / "workbooks" / "lite"


@pytest.fixture(scope="module")
def lite():
    spec = importlib.util.spec_from_file_location("lite_main", LITE / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lite_exposes_the_same_functions(lite):
    names = {f["name"] for f in server.custom_functions_meta(lite)["functions"]}
    assert names == {f["name"] for f in server.custom_functions_meta(udfs)["functions"]}


def test_a_function_through_lite(lite):
    data = {
        "func_name": "ITA_RATING",
        "args": [[[96.35]], [[99.73, 99.74, 83.10, 97.50]], [[2568]], [[None]]],
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
    }
    assert asyncio.run(server.custom_functions_call(data, lite)) == [["ผ่าน"]]


def test_the_script_generates_the_sheets(lite):
    assert {s["function_name"] for s in server.custom_scripts_meta(lite)} == {
        "ita_generate",
        "ita_bind_formulas",
        "ita_import",
        "ita_track",
        "ita_progress_6",
        "ita_progress_12",
    }
    book = json_book(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    asyncio.run(server.custom_scripts_call(lite, "ita_generate", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == list(GENERATED_SHEETS)
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert "คะแนนรวม 98.50" in alert


def test_the_script_reports_errors_without_writing(lite, tmp_path):
    wb = load_workbook(build.WORKBOOKS / "samples" / SAMPLE_FILES["000"])
    wb[CRITERIA]["C9"] = 30  # seed 000's printed OIT weight typed in as the rule
    wb.save(tmp_path / "weights.xlsx")
    book = json_book(tmp_path / "weights.xlsx")
    asyncio.run(server.custom_scripts_call(lite, "ita_generate", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    assert "[เกณฑ์!C7:C9]" in actions[0]["args"][0]


def test_the_checked_in_folder_is_what_the_command_writes():
    assert (LITE / "main.py").read_text(encoding="utf-8") == lite_folder.main_py()
    assert (LITE / "requirements.txt").read_text(encoding="utf-8") == lite_folder.requirements()
    assert Path(lite_main.__file__).read_text(encoding="utf-8") == lite_folder.main_py()


def test_requirements_pin_exact_versions():
    lines = [
        line
        for line in (LITE / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert f"xlwings=={xw.__version__}" in lines
    assert f"ita-xl=={__version__}" in lines
    assert all("==" in line for line in lines), lines


# --------------------------------------------------------------------------- the Lite folder


def requires(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        [metadata] = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        text = z.read(metadata).decode("utf-8")
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Requires-Dist:")]


#: The one platform marker ita-xl uses (PEP 508): Pyodide reports sys_platform "emscripten".
NOT_IN_PYODIDE = "sys_platform != 'emscripten'"


def unconditional(requirements: list[str]) -> set[str]:
    """Names of the requirements Pyodide installs without an extra (PEP 508 markers)."""
    names = set()
    for req in requirements:
        spec, _, marker = req.partition(";")
        marker = marker.strip().replace('"', "'")
        if "extra ==" in marker or marker == NOT_IN_PYODIDE:
            continue
        assert not marker, f"a marker the test cannot evaluate: {marker}"
        names.add(spec.split("=")[0].split(">")[0].split("<")[0].strip().lower())
    return names


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("lite")
    assert main(["lite", str(out)]) == 0
    return out


def test_the_command_writes_main_requirements_and_a_pure_wheel(folder):
    wheel = folder / f"ita_xl-{__version__}-py3-none-any.whl"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["main.py", "requirements.txt", wheel.name])
    assert unconditional(requires(wheel)) == {"openpyxl", "xlwings"}  # no pandas, no numpy
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        assert z.testzip() is None
        wheel_file = z.read(f"ita_xl-{__version__}.dist-info/WHEEL").decode()
    assert "Root-Is-Purelib: true" in wheel_file and "Tag: py3-none-any" in wheel_file
    assert "ita_xl/udfs.py" in names and "ita_xl/frameworks/fy2568.toml" in names
    assert not [n for n in names if n.endswith((".pyc", ".so", ".pyd"))]


def test_a_users_own_main_py_is_never_replaced(tmp_path, capsys):
    (tmp_path / "main.py").write_text("# my own Lite code\n", encoding="utf-8")
    assert main(["lite", str(tmp_path)]) == 2
    assert "ไม่เขียนทับ" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main.py"]
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == "# my own Lite code\n"
    assert main(["lite", str(tmp_path), "--replace"]) == 0
    assert (tmp_path / "main.py").read_text(encoding="utf-8") == lite_folder.main_py()
    assert main(["lite", str(tmp_path)]) == 0  # the same files again: nothing to protect


# A fresh interpreter in which numpy and pandas cannot be imported (as in a Pyodide that was
# never asked for them): the wheel, installed on its own, runs a function and both scripts.
_CHILD = r"""
import asyncio, json, os, sys
sys.modules["numpy"] = None
sys.modules["pandas"] = None
os.environ["XLWINGS_ON_SERVER"] = "true"
sys.path.insert(0, sys.argv[1])
import importlib.util
import xlwings as xw
from openpyxl import load_workbook
from xlwings import server
import ita_xl
assert ita_xl.__file__.startswith(sys.argv[1]), ita_xl.__file__
spec = importlib.util.spec_from_file_location("main", sys.argv[2])
main = importlib.util.module_from_spec(spec)
spec.loader.exec_module(main)
data = {"func_name": "ITA_RATING", "args": [[[96.35]], [[99.73, 99.74, 83.10, 97.50]], [[2568]], [[None]]],
        "version": xw.__version__, "client": "Office.js", "runtime": "1.4"}
rating = asyncio.run(server.custom_functions_call(data, main))
book = xw.Book(json=json.loads(open(sys.argv[3], encoding="utf-8").read()))
asyncio.run(server.custom_scripts_call(main, "ita_generate", typehint_to_value={xw.Book: book}))
funcs = [a["func"] for a in book.json()["actions"]]
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("numpy", "pandas") and sys.modules[m] is not None)
print(json.dumps({"rating": rating, "sheets": funcs.count("addSheet"), "loaded": loaded}))
"""


def test_the_wheel_alone_runs_without_numpy_or_pandas(folder, tmp_path):
    target = tmp_path / "site"
    wheel = folder / f"ita_xl-{__version__}-py3-none-any.whl"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target)]
    installed = subprocess.run([*pip, str(wheel)], check=False, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    payload = tmp_path / "book.json"
    payload.write_text(
        json.dumps(book_json(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])), encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(target), str(folder / "main.py"), str(payload)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"rating": [["ผ่าน"]], "sheets": len(GENERATED_SHEETS), "loaded": []}


# --------------------------------------------------------------------------- binding formulas


def lite_book(seed: str, typed: dict[str, object] | None = None) -> xw.Book:
    """A sample as Lite sees it before binding: every =ITA_…() cell shows #NAME?."""
    data = book_json(build.WORKBOOKS / "samples" / SAMPLE_FILES[seed])
    for sheet in data["sheets"]:
        for row in sheet["values"]:
            for c, value in enumerate(row):
                if isinstance(value, str) and value.startswith("=") and "ITA_" in value:
                    row[c] = "#NAME?"
    for address, value in (typed or {}).items():
        sheet = next(s for s in data["sheets"] if s["name"] == SCORES)
        column, row_number = ord(address[0]) - ord("A"), int(address[1:])
        sheet["values"][row_number - 1][column] = value
    return xw.Book(json=data)


def set_formulas(actions) -> dict[str, str]:
    """{address: formula} from the setFormula actions (a range's rows, one column)."""
    found = {}
    for action in actions:
        if action["func"] == "setFormula":
            first = action["start_row"] + 1
            column = chr(ord("A") + action["start_column"])
            for r, row in enumerate(action["values"]):
                found[f"{action['sheet_position']}!{column}{first + r}"] = row[0]
    return found


def test_bind_formulas_reenters_every_ita_formula_through_the_api(lite):
    book = lite_book("004")
    asyncio.run(server.custom_scripts_call(lite, "ita_bind_formulas", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    written = set_formulas(actions)
    expected = ita_formulas(2568)
    positions = {s.name: i for i, s in enumerate(book.sheets)}
    assert written == {
        f"{positions[sheet]}!{address}": formula
        for sheet, cells in expected.items()
        for address, formula in cells.items()
    }
    assert len([a for a in actions if a["func"] == "setFormula"]) < len(written)  # runs, not cell by cell
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert f"{len(written)} ช่อง" in alert


def test_bind_formulas_keeps_a_value_the_user_typed(lite):
    layout = Layout(load_framework(2568))
    rating = f"C{layout.rating_row}"
    book = lite_book("004", typed={rating: "ผ่านดีเยี่ยม"})
    asyncio.run(server.custom_scripts_call(lite, "ita_bind_formulas", typehint_to_value={xw.Book: book}))
    written = set_formulas(book.json()["actions"])
    assert f"{[s.name for s in book.sheets].index(SCORES)}!{rating}" not in written
    assert written


def test_bind_formulas_without_a_known_year_says_where_and_writes_nothing(lite):
    data = book_json(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    unit = next(s for s in data["sheets"] if s["name"] == "หน่วยงาน")
    unit["values"][7][1] = 2600  # B8: a year without rules
    book = xw.Book(json=data)
    asyncio.run(server.custom_scripts_call(lite, "ita_bind_formulas", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    assert "หน่วยงาน!B8" in actions[0]["args"][0]


def test_requirements_pin_the_xlwings_the_tests_ran_with():
    lines = [
        line
        for line in (LITE / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert f"xlwings=={xw.__version__}" in lines
