"""The ``=ITA_…()`` functions, called directly and through xlwings' Office.js machinery."""

from __future__ import annotations

import asyncio
import inspect
import os
import subprocess
import sys

import pytest
import xlwings as xw
from xlwings import server

from ita_xl import udfs
from ita_xl.core.wording import PROGRESS_STATUSES

UDF_NAMES = sorted(name for name, obj in vars(udfs).items() if name.startswith("ITA_") and callable(obj))
T68 = [[99.73, 99.74, 83.10, 97.50]]  # a unit held at ผ่าน by EIT part 2
DONE, DOING, NOT_STARTED = PROGRESS_STATUSES


def call(name: str, *args):
    """Call a UDF as Excel on the web / xlwings Server would: 2-D JSON arguments in, 2-D out."""
    data = {
        "func_name": name,
        "args": list(args),
        "version": xw.__version__,
        "client": "Office.js",
        "runtime": "1.4",
        "culture_info_name": "th-TH",
        "date_format": "d/M/yyyy",
    }
    return asyncio.run(server.custom_functions_call(data, udfs))


# --------------------------------------------------------------------------- direct calls

DIRECT = [
    ("ITA_AVERAGE", ([[97.61], [98.21], [97.01]],), 97.61),
    ("ITA_AVERAGE", ([["คะแนน"], [90], [None], [""]], [[100]]), 95.0),
    ("ITA_AVERAGE", ([["๙๐"], ["100"]],), 95.0),
    ("ITA_AVERAGE", ([[None, ""]],), None),
    ("ITA_AVERAGE", ([[90], [100.5]],), "#ITA! คะแนน 100.5 อยู่นอกช่วง 0–100"),
    ("ITA_AVERAGE", ([[90], ["#N/A"]],), "#N/A"),
    ("ITA_WEIGHTED_TOTAL", ([[84.804, 78.53, 68.56]], [[30, 30, 40]]), 76.4242),
    ("ITA_WEIGHTED_TOTAL", ([[84.804], [78.53], [68.56]], [[30], [30], [40]]), 76.4242),
    ("ITA_WEIGHTED_TOTAL", ([[84.804, 78.53, 68.56]], [[30, 30, 30]]), "#ITA! น้ำหนักรวมกันได้ 90 ไม่ใช่ 100"),
    (
        "ITA_WEIGHTED_TOTAL",
        ([[1, 2, 3]], [[0.3, 0.3, 0.4]]),
        "#ITA! น้ำหนักรวมกันได้ 1 ไม่ใช่ 100 (ใส่เป็นร้อยละ เช่น 30 ไม่ใช่ 0.3)",
    ),
    (
        "ITA_WEIGHTED_TOTAL",
        ([[90, 90, 90, None], [99, 99, 99, 99], [None] * 4], [[30, 15, 15, 40]]),
        [["#ITA! คะแนนรวมยังไม่สิ้นสุด: ไม่มีคะแนนลำดับที่ 4 (อยู่ระหว่าง 54.00–94.00)"], [99.0], [None]],
    ),
    ("ITA_RATING", (96.35, T68, 2568), "ผ่าน"),
    ("ITA_RATING", (76.42, None, 2563), "B"),
    ("ITA_RATING", (76.42, None, "๒๕๖๓"), "B"),
    ("ITA_RATING", (76.42, None, [[2563]]), "B"),  # the year as a one-cell range
    ("ITA_RATING", (84.99,), "ต้องปรับปรุง"),
    (
        "ITA_RATING",
        (96.35,),
        "#ITA! คะแนนรวม 96.35 ต้องใช้คะแนนรายเครื่องมือ (IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2, OIT) จึงจะบอกระดับได้",
    ),
    ("ITA_RATING", (90, None, 2025), "#ITA! ปีงบประมาณต้องเป็น พ.ศ. เช่น 2568 ไม่ใช่ ค.ศ. 2025"),
    (
        "ITA_RATING",
        (90, None, 2599),
        "#ITA! ไม่มีเกณฑ์ของปีงบประมาณ 2599 (มีเฉพาะปี 2562, 2563, 2564, 2565, 2566, 2567, 2568, 2569)",
    ),
    (
        "ITA_RATING",
        (90, [[1, 2, 3]], 2568),
        "#ITA! คะแนนรายเครื่องมือต้องมี 4 ค่าต่อคะแนนรวมหนึ่งค่า เรียงเป็น IIT, EIT1, EIT2, OIT",
    ),
    (
        "ITA_RATING",
        (
            [[96.35], [70], [None], ["#ITA! x"], [120]],
            [*T68, [1, 2, 3, 4], [None] * 4, [None] * 4, [1, 2, 3, 4]],
            2568,
        ),
        [["ผ่าน"], ["ต้องปรับปรุง"], [None], ["#ITA! x"], ["#ITA! คะแนนรวม คะแนน 120 อยู่นอกช่วง 0–100"]],
    ),
    ("ITA_RATING_REASON", (96.35, T68, 2568), "EIT ส่วนที่ 2 ได้ 83.10 คะแนน ต่ำกว่า 85 คะแนน จึงไม่ถึงระดับผ่านดี"),
    (
        "ITA_PASS",
        ([[85, 84.99], [None, 101]],),
        [["ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์"], [None, "#ITA! คะแนน 101 อยู่นอกช่วง 0–100"]],
    ),
    ("ITA_PASS", (90, 95), "ไม่ผ่านเกณฑ์"),
    ("ITA_PASS", (90, [[95]]), "ไม่ผ่านเกณฑ์"),
    (
        "ITA_INDICATOR_NAME",
        ([[4], [11]], 2568),
        [["การใช้ทรัพย์สินของทางราชการ"], ["#ITA! ไม่มีตัวชี้วัดที่ 11 (มี 1–10)"]],
    ),
    ("ITA_INDICATOR_NAME", (4, 2563), "การใช้ทรัพย์สินของราชการ"),
    ("ITA_QUESTION", ("O27", 2568), "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ("ITA_QUESTION", ("o5", 2563), "#ITA! ไม่มีชื่อข้อคำถาม o5 ในข้อมูลปี 2563"),
    ("ITA_QUESTION", ("o36", 2567), "#ITA! ไม่มีข้อคำถาม o36 ในปีงบประมาณ 2567"),
    ("ITA_TOOL_WEIGHT", ([["IIT", "EIT1", "EIT", "OIT"]], 2568), [[30.0, 15.0, 30.0, 40.0]]),
    ("ITA_TOOL_WEIGHT", ("OIT", 2563), 40.0),
    ("ITA_LOWEST", ([[1, 2, 1]], [["a", "b", "c"]]), "a, c"),
    ("ITA_BELOW_TARGET", ([[94.54, 84.99, None, "", 85]],), 1),
    ("ITA_BELOW_TARGET", ([[90, 94.99]], 95), 2),
    ("ITA_BELOW_TARGET", ([[None]],), 0),
    ("ITA_BELOW_TARGET", ([[101]],), "#ITA! คะแนน 101 อยู่นอกช่วง 0–100"),
    ("ITA_TOOL_SCORE", ([[90], [100]],), 95.0),
    ("ITA_TOOL_SCORE", ([[90], [None]],), None),
    ("ITA_TOOL_SCORE", ([[90], ["#N/A"]],), "#N/A"),
    ("ITA_HIGHEST", ([[94.54], [88.46], [None]], [["ตัวชี้วัดที่ 1"], ["ตัวชี้วัดที่ 2"], ["ตัวชี้วัดที่ 3"]]), "ตัวชี้วัดที่ 1"),
    ("ITA_LOWEST", ([[1, 2]], [["a"]]), "#ITA! จำนวนคะแนน (2) ไม่เท่ากับจำนวนชื่อ (1)"),
    ("ITA_LOWEST", ([[1, 200]], [["a", "b"]]), "#ITA! คะแนน 200 อยู่นอกช่วง 0–100"),
    ("ITA_THAI_DIGITS", (98.504,), "๙๘.๕๐"),
    ("ITA_THAI_DIGITS", ([["o12", 7.55]], 1), [["o๑๒", "๗.๖"]]),
    ("ITA_THAI_DIGITS", (1, "x"), "#ITA! จำนวนทศนิยม “x” ไม่ถูกต้อง"),
    ("ITA_PROGRESS", ([[DONE], [DOING], [None], [NOT_STARTED], [DONE]],), 0.5),
    ("ITA_PROGRESS", ([[DONE], [None]], [["M-i1"], ["M-i2"]]), 0.5),
    ("ITA_PROGRESS", ([[None], [""]],), None),
    (
        "ITA_PROGRESS",
        ([[DONE], ["เสร็จ"]],),
        "#ITA! สถานะ “เสร็จ” ในแถวที่ 2 ของช่วง ต้องเป็น “ดำเนินการแล้ว” “อยู่ระหว่างดำเนินการ” หรือ “ยังไม่ดำเนินการ”",
    ),
    ("ITA_STATUS_COUNT", ([[DONE], [f"\u00a0{DONE}"], [DOING]], DONE), 2),
    ("ITA_STATUS_COUNT", ([[DONE], [None]], [[NOT_STARTED], [DONE]], [["M-i1"], ["M-i2"]]), [[1], [1]]),
]


@pytest.mark.parametrize(
    ("name", "args", "expected"), DIRECT, ids=[f"{c[0]}-{n}" for n, c in enumerate(DIRECT)]
)
def test_direct_call(name, args, expected):
    result = getattr(udfs, name)(*args)
    if isinstance(expected, float):
        assert result == pytest.approx(expected)
    else:
        assert result == expected


def test_rating_uses_the_bands_of_the_criteria_sheet():
    bands = [[95, 100, "AA", None], [85, 94.99, "A", None], [0, 84.99, "ปรับปรุง", None]]
    assert udfs.ITA_RATING(90, None, 2563, bands) == "A"
    assert udfs.ITA_RATING(80, None, 2563, bands) == "ปรับปรุง"
    gap = [[95, 100, "AA", None], [85, 94.98, "A", None], [0, 84.99, "ปรับปรุง", None]]
    assert udfs.ITA_RATING(90, None, 2563, gap).startswith("#ITA! ชีต เกณฑ์: ช่อง rating.bands.min มีค่า 95")


def test_rating_one_formula_for_many_units():
    totals = [[96.35], [98.0], [80.0]] * 100
    tools = [T68[0], [98, 98, 98, 98], [80, 80, 80, 80]] * 100
    assert udfs.ITA_RATING(totals, tools, 2568) == [["ผ่าน"], ["ผ่านดีเยี่ยม"], ["ต้องปรับปรุง"]] * 100


def test_an_unexpected_failure_is_a_short_thai_message(monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr("ita_xl.core.functions.average", boom)
    assert udfs.ITA_AVERAGE([[1]]) == "#ITA! เกิดข้อผิดพลาดภายในโปรแกรม (ZeroDivisionError)"
    assert "deep inside" in caplog.text  # logged for us, not shown to staff


@pytest.mark.parametrize("name", UDF_NAMES)
def test_every_udf_has_an_upper_case_ascii_name_and_google_docstring(name):
    function = getattr(udfs, name)
    assert name.isascii() and name == name.upper()
    doc = inspect.getdoc(function)
    assert "Args:" in doc and "Returns:" in doc
    first_line = doc.splitlines()[0]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in first_line), "the help Excel shows first must be Thai"
    assert len(first_line) <= 255


def test_the_udf_module_holds_no_rules():
    """udfs.py only registers: each body is one call into ita_xl.core.functions."""
    for name in UDF_NAMES:
        source = inspect.getsource(getattr(udfs, name))
        body = source.split('"""')[-1].strip().splitlines()
        assert len(body) == 1 and body[0].startswith("return f.ita_"), name


# --------------------------------------------------------------------------- Office.js path


def test_meta_lists_every_function_with_its_arguments():
    meta = server.custom_functions_meta(udfs)
    functions = {fn["name"]: fn for fn in meta["functions"]}
    assert sorted(functions) == UDF_NAMES
    params = {name: [p["name"] for p in fn["parameters"]] for name, fn in functions.items()}
    assert params["ITA_RATING"] == ["score", "tool_scores", "fiscal_year", "bands"]
    assert params["ITA_WEIGHTED_TOTAL"] == ["scores", "weights"]
    assert params["ITA_AVERAGE"] == ["values"]
    rating = {p["name"]: p for p in functions["ITA_RATING"]["parameters"]}
    assert "optional" not in rating["score"] and rating["tool_scores"]["optional"] is True
    assert functions["ITA_AVERAGE"]["parameters"][0]["repeating"] is True
    assert functions["ITA_PASS"]["description"].startswith("ผ่านเกณฑ์ หรือ ไม่ผ่านเกณฑ์")
    assert rating["fiscal_year"]["description"].startswith("ปีงบประมาณ")
    assert params["ITA_PROGRESS"] == ["statuses", "measures"]
    assert params["ITA_STATUS_COUNT"] == ["statuses", "status", "measures"]
    progress = {p["name"]: p for p in functions["ITA_PROGRESS"]["parameters"]}
    assert "optional" not in progress["statuses"] and progress["measures"]["optional"] is True


OFFICEJS = [
    # (function, arguments as Office.js sends them, 2-D result)
    ("ITA_AVERAGE", [[[97.61], [98.21], [97.01]]], [[97.61]]),
    ("ITA_AVERAGE", [[["ตัวชี้วัด"], [90], [None]], [[100]]], [[95.0]]),  # two ranges, header skipped
    ("ITA_AVERAGE", [[[None], [None]]], [[""]]),  # blank in, blank out
    ("ITA_AVERAGE", [[[90], [-1]]], [["#ITA! คะแนน -1 อยู่นอกช่วง 0–100"]]),
    ("ITA_WEIGHTED_TOTAL", [[[84.804, 78.53, 68.56]], [[30, 30, 30]]], [["#ITA! น้ำหนักรวมกันได้ 90 ไม่ใช่ 100"]]),
    ("ITA_WEIGHTED_TOTAL", [[[90, 90, 90, 90], [80, 80, 80, 80]], [[30, 15, 15, 40]]], [[90.0], [80.0]]),
    ("ITA_RATING", [[[96.35]], [[99.73, 99.74, 83.10, 97.50]], [[2568]], [[None]]], [["ผ่าน"]]),
    ("ITA_RATING", [[[76.42]], [[None]], [[2563]]], [["B"]]),  # trailing optional argument left out
    (
        "ITA_RATING",
        [[[96.35], [84.0]], [[None]], [[None]]],
        [
            ["#ITA! คะแนนรวม 96.35 ต้องใช้คะแนนรายเครื่องมือ (IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2, OIT) จึงจะบอกระดับได้"],
            ["ต้องปรับปรุง"],
        ],
    ),
    ("ITA_PASS", [[[85, 84.99]], [[None]]], [["ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์"]]),
    ("ITA_PASS", [[[None, 90]], [[None]]], [["", "ผ่านเกณฑ์"]]),
    ("ITA_PASS", [[["abc"]], [[None]]], [["#ITA! อ่าน “abc” เป็นตัวเลขไม่ได้"]]),
    ("ITA_INDICATOR_NAME", [[[9], [10]], [[2568]]], [["การเปิดเผยข้อมูล"], ["การป้องกันการทุจริต"]]),
    (
        "ITA_QUESTION",
        [[["i1"]], [[2567]]],
        [["การปฏิบัติงานหรือให้บริการของเจ้าหน้าที่ในหน่วยงานของท่านเป็นไปตามขั้นตอนและระยะเวลามากน้อยเพียงใด"]],
    ),
    ("ITA_TOOL_WEIGHT", [[["IIT"], ["EIT"], ["OIT"]], [[2563]]], [[30.0], [30.0], [40.0]]),
    ("ITA_LOWEST", [[[78.61, 62.12, 75.0]], [["4", "9", "10"]]], [["9"]]),
    ("ITA_HIGHEST", [[[78.61, 62.12, 75.0]], [["4", "9", "10"]]], [["4"]]),
    ("ITA_THAI_DIGITS", [[[98.504]], [[None]]], [["๙๘.๕๐"]]),
    ("ITA_TOOL_SCORE", [[[78.68], [None], [90]]], [[""]]),  # a missing indicator: not scored
    ("ITA_TOOL_SCORE", [[[80], [90]]], [[85.0]]),
    ("ITA_BELOW_TARGET", [[[94.54, 78.61, 62.12]], [[None]]], [[2]]),
    # Excel's JavaScript API reads an empty cell as "" (learn.microsoft.com/office/dev/add-ins/
    # excel/excel-add-ins-blank-null-values, "Empty strings in responses indicate cells contain
    # no data"); xlwings' own payloads use null. Both are blank.
    ("ITA_PROGRESS", [[[DONE], [""], [None], [DOING]]], [[0.5]]),  # measures left out
    ("ITA_PROGRESS", [[[DONE], [""], [None], [DOING]], [["M-i1"], ["M-i2"], [None], [""]]], [[1 / 3]]),
    ("ITA_PROGRESS", [[[None], [""]], [[None]]], [[""]]),  # no measure: blank
    ("ITA_PROGRESS", [[[DONE]]], [[1.0]]),
    ("ITA_STATUS_COUNT", [[[DONE], [DOING], [DONE]], [[DONE]], [[None]]], [[2]]),
    (
        "ITA_STATUS_COUNT",
        [[[DONE], [None], [DOING]], [[DONE], [DOING], [NOT_STARTED]], [["M-i1"], ["M-i2"], ["M-i3"]]],
        [[1], [1], [1]],
    ),
    (
        "ITA_STATUS_COUNT",
        [[[DONE]], [["ทำแล้ว"]]],
        [[f"#ITA! สถานะ “ทำแล้ว” ต้องเป็น “{DONE}” “{DOING}” หรือ “{NOT_STARTED}”"]],
    ),
]


@pytest.mark.parametrize(
    ("name", "args", "expected"), OFFICEJS, ids=[f"{c[0]}-{n}" for n, c in enumerate(OFFICEJS)]
)
def test_through_custom_functions_call(name, args, expected):
    assert call(name, *args) == expected


def test_classic_linux_import_leaves_functions_as_they_are():
    """Without XLWINGS_ON_SERVER, @xw.func on Linux is the identity: plain callables."""
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_ON_SERVER"}
    code = "from ita_xl import udfs; print(hasattr(udfs.ITA_RATING, '__xlfunc__'), udfs.ITA_RATING(76.42, None, 2563))"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, encoding="utf-8"
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["False", "B"]


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([[30, 15, 15, 40]], [[90.0], [None], ["#N/A"], [80.0]]),
        # Weights are checked once per call; a bad weight is every scored row's error.
        (
            [[30, 15, 15, 30]],
            [["#ITA! น้ำหนักรวมกันได้ 90 ไม่ใช่ 100"], [None], ["#N/A"], ["#ITA! น้ำหนักรวมกันได้ 90 ไม่ใช่ 100"]],
        ),
    ],
)
def test_weighted_total_of_many_rows_checks_the_weights_once(weights, expected):
    rows = [[90, 90, 90, 90], [None, None, None, None], [80, "#N/A", 80, 80], [80, 80, 80, 80]]
    assert udfs.ITA_WEIGHTED_TOTAL(rows, weights) == expected


# --------------------------------------------------------------------------- follow-up of measures


@pytest.mark.parametrize("name", ["ITA_PROGRESS", "ITA_STATUS_COUNT"])
def test_the_help_names_the_statuses_the_function_reads(name):
    """The help text is written out (Excel shows it), so it is checked against the wording catalogue."""
    function = getattr(udfs, name)
    help_texts = [inspect.getdoc(function)] + [arg["doc"] for arg in function.__xlfunc__["args"]]
    for status in PROGRESS_STATUSES:
        assert status in help_texts[0] and status in help_texts[1], (name, status)


def test_progress_formulas_agree_with_excels_countif(tmp_path):
    """A tracking table computed as Excel would, with the ITA functions beside Excel's own.

    The reference formulas are Excel functions computed by the ``formulas`` package: COUNTIF
    (https://support.microsoft.com/office/e0de10c6-f885-4e71-abb4-1f464816df34), COUNTBLANK,
    which counts a formula's "" as blank
    (https://learn.microsoft.com/office/vba/api/excel.worksheetfunction.countblank), and
    SUMPRODUCT over comparisons for the measures that have no status yet.
    """
    from openpyxl import Workbook

    from tests.excel_eval import cell, evaluate

    wb = Workbook()
    ws = wb.active
    ws.title = "ติดตาม"
    table = [("M-i1", DONE), ("M-i2", DOING), ("M-i3", None), ("M-i4", NOT_STARTED)]
    table += [("M-i5", DONE), ("M-ind4", '=""'), ("M-i7", DONE), ("M-i8", DOING)]
    for number, (measure, status) in enumerate(table, start=2):
        ws[f"A{number}"], ws[f"B{number}"] = measure, status
    for number, status in enumerate(PROGRESS_STATUSES, start=1):
        ws[f"F{number}"] = status
    statuses, measures = "B2:B30", "A2:A30"  # the range runs past the table, as staff select it
    filled = f"(ROWS({statuses})-COUNTBLANK({statuses}))"
    no_status = f'SUMPRODUCT(({measures}<>"")*({statuses}=""))'
    formulas = {
        "D1": (f"=ITA_PROGRESS({statuses})", f"=COUNTIF({statuses},F1)/{filled}"),
        "D2": (f"=ITA_PROGRESS({statuses},{measures})", f"=COUNTIF({statuses},F1)/COUNTA({measures})"),
        "D3": (f"=ITA_STATUS_COUNT({statuses},F1)", f"=COUNTIF({statuses},F1)"),
        "D4": (f"=ITA_STATUS_COUNT({statuses},F2)", f"=COUNTIF({statuses},F2)"),
        "D5": (f"=ITA_STATUS_COUNT({statuses},F3)", f"=COUNTIF({statuses},F3)"),
        "D6": (f"=ITA_STATUS_COUNT({statuses},F3,{measures})", f"=COUNTIF({statuses},F3)+{no_status}"),
    }
    for address, (ours, excels) in formulas.items():
        ws[address], ws[address.replace("D", "E")] = ours, excels
    wb.save(tmp_path / "tracking.xlsx")
    values = evaluate(tmp_path / "tracking.xlsx")
    got = {a: (cell(values, "ติดตาม", a), cell(values, "ติดตาม", a.replace("D", "E"))) for a in formulas}
    assert got == {
        "D1": (pytest.approx(3 / 6), pytest.approx(3 / 6)),  # 6 filled statuses, 3 done
        "D2": (pytest.approx(3 / 8), pytest.approx(3 / 8)),  # 8 measures, 2 without a status
        "D3": (3, 3),
        "D4": (2, 2),
        "D5": (1, 1),
        "D6": (3, 3.0),  # not started: 1 typed, 2 measures with no status
    }
