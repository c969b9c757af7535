"""Defined names in every workbook ita-xl ships or writes: none may collide with a function or a cell.

Outside references:

* Microsoft KB 945828: a defined name identical to a user-defined function's name makes the
  function's calls fail (#NAME? / #REF!); names resolve case-insensitively.
* "Names in formulas", Microsoft support
  (https://support.microsoft.com/office/fc2935f9-115d-4bef-a370-3aa8bb4c91f1, "Learn about
  syntax rules for names"): the first character is a letter, an underscore or a backslash; the
  rest letters, numbers, periods and underscores; a name cannot be a cell reference such as
  Z$100 or R1C1; "C", "c", "R" and "r" are not allowed; Excel does not distinguish case.
* Excel's built-in function names: ``openpyxl.utils.formulas.FORMULAE`` (openpyxl 3.1: the
  Excel 2007 / ECMA-376 list) together with the function tables of the ``formulas`` package's
  submodules (its implementation of Excel's functions, which adds the 2010+ ones such as
  STDEV.S and XLOOKUP). Read directly: ``formulas.get_functions()`` caches its first result,
  which would hide the ``ITA_*`` functions ``tests.excel_eval`` registers later.
* The ``ITA_…`` functions: what xlwings registers from ``ita_xl.udfs`` (``__xlfunc__``).
"""

from __future__ import annotations

import importlib
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl.utils.formulas import FORMULAE

from ita_xl import udfs
from ita_xl.build import workbooks as build
from ita_xl.cli import main
from ita_xl.core.framework import available_years, load_framework
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.xlsx.template import NAME_PREFIX, build_template
from ita_xl.xlsx.workbook import generate_file

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
ITA_FUNCTIONS = {obj.__xlfunc__["name"].upper() for obj in vars(udfs).values() if hasattr(obj, "__xlfunc__")}


def _formulas_package_functions() -> set[str]:
    import formulas.functions

    names = set()
    for module in formulas.functions.SUBMODULES:
        names |= set(importlib.import_module(module, "formulas.functions").FUNCTIONS)
    return {name.upper() for name in names}


BUILT_IN = {name.upper() for name in FORMULAE} | _formulas_package_functions()
_VALID = re.compile(r"[A-Za-z_\\][A-Za-z0-9_.\\]*")
_A1 = re.compile(r"\$?[A-Z]{1,3}\$?[0-9]+", re.IGNORECASE)
_R1C1 = re.compile(r"R[0-9]*C?[0-9]*|C[0-9]*", re.IGNORECASE)


def problems(name: str) -> list[str]:
    """Why ``name`` is not a safe workbook name; empty when it is."""
    if name.startswith("_xlnm."):  # Excel's own reserved names (print titles, print area)
        return []
    found = []
    if not _VALID.fullmatch(name) or len(name) > 255:
        found.append("not a valid Excel name")
    if name.upper() in ITA_FUNCTIONS:
        found.append("equals an ITA_ function")
    if name.upper() in BUILT_IN:
        found.append("equals an Excel function")
    if _A1.fullmatch(name) or _R1C1.fullmatch(name):
        found.append("is a cell reference")
    return found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ITA_Rating", ["equals an ITA_ function"]),
        ("ita_average", ["equals an ITA_ function"]),
        ("ITA_Progress", ["equals an ITA_ function"]),
        ("ita_status_count", ["equals an ITA_ function"]),
        ("Sum", ["equals an Excel function"]),
        ("ITA1", ["is a cell reference"]),
        ("xfd1048576", ["is a cell reference"]),
        ("R1C1", ["is a cell reference"]),
        ("r", ["is a cell reference"]),
        ("C", ["is a cell reference"]),
        ("R12", ["is a cell reference"]),
        ("1total", ["not a valid Excel name"]),
        ("ita total", ["not a valid Excel name"]),
        ("ita.total", []),
        ("_xlnm.Print_Titles", []),
    ],
)
def test_the_check_itself(name, expected):
    assert problems(name) == expected


def test_the_lists_are_real():
    assert {"ITA_RATING", "ITA_AVERAGE", "ITA_WEIGHTED_TOTAL"} <= ITA_FUNCTIONS
    assert {"SUM", "VLOOKUP", "STDEV.S", "XLOOKUP", "IF"} <= BUILT_IN and len(BUILT_IN) > 600


@pytest.mark.parametrize("name", sorted(ITA_FUNCTIONS))
def test_every_function_name_is_a_valid_name_of_its_own(name):
    """A function's own name: Excel's syntax for names, no Excel function, no cell reference."""
    assert _VALID.fullmatch(name) and len(name) <= 255
    assert name not in BUILT_IN
    assert not _A1.fullmatch(name) and not _R1C1.fullmatch(name)


def names_in(path: Path) -> list[str]:
    """Every defined name in an xlsx/xlam, read from its workbook part (not through openpyxl)."""
    with zipfile.ZipFile(path) as z:
        root = ElementTree.fromstring(z.read("xl/workbook.xml"))
    return [d.get("name") for d in root.iterfind("m:definedNames/m:definedName", NS)]


def assert_safe(path: Path) -> list[str]:
    names = names_in(path)
    bad = {name: problems(name) for name in names if problems(name)}
    assert not bad, f"{path.name}: {bad}"
    return names


@pytest.mark.parametrize("year", available_years())
def test_every_years_template(tmp_path, year):
    path = tmp_path / f"template_{year}.xlsx"
    build_template(load_framework(year)).save(path)
    names = assert_safe(path)
    assert sum(n.startswith(NAME_PREFIX) for n in names) == 9


@pytest.mark.parametrize("relative", [build.TEMPLATE_NAME, *(f"samples/{n}" for n in SAMPLE_FILES.values())])
def test_shipped_workbooks(relative):
    assert_safe(build.WORKBOOKS / relative)


def test_the_addin():
    assert_safe(build.WORKBOOKS / "ita_xl.xlam")


def test_demo_and_generated_reports(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path / "demo.xlsx")]) == 0
    assert_safe(tmp_path / "demo.xlsx")
    written = []
    for name in SAMPLE_FILES.values():
        source = tmp_path / name
        shutil.copy(build.WORKBOOKS / "samples" / name, source)
        _, path = generate_file(source, tmp_path / f"report_{name}")
        if path is not None:  # samples with errors write nothing
            written.append(assert_safe(path))
    assert len(written) >= 3
    capsys.readouterr()
