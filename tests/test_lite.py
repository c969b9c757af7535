"""xlwings Lite: workbooks/lite/main.py through xlwings' custom-function and custom-script calls."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pytest
import xlwings as xw
from xlwings import server

from ita_xl import udfs
from ita_xl.build import workbooks as build
from ita_xl.samples import SAMPLE_FILES
from ita_xl.sheets import ANALYSIS, MEASURES
from tests.xlwings_book import json_book

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
    assert [s["function_name"] for s in server.custom_scripts_meta(lite)] == ["ita_generate"]
    book = json_book(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    asyncio.run(server.custom_scripts_call(lite, "ita_generate", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["args"][1] for a in actions if a["func"] == "addSheet"] == [ANALYSIS, MEASURES]
    [alert] = [a["args"][0] for a in actions if a["func"] == "alert"]
    assert "คะแนนรวม 98.50" in alert


def test_the_script_reports_errors_without_writing(lite):
    book = json_book(build.WORKBOOKS / "samples" / SAMPLE_FILES["000"])
    asyncio.run(server.custom_scripts_call(lite, "ita_generate", typehint_to_value={xw.Book: book}))
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    assert "[เกณฑ์!C7:C9]" in actions[0]["args"][0]


def test_requirements_pin_the_xlwings_the_tests_ran_with():
    lines = [
        line
        for line in (LITE / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert f"xlwings=={xw.__version__}" in lines
    assert "ita-xl" in lines
