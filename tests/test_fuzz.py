"""Fuzzing the command with hostile workbooks and hostile files (hypothesis).

Each case asserts what the issue promises: no traceback and no unexpected-failure line, an
exit code of 0, 1 or 2 as documented, the input byte for byte unchanged, no file written on
exit 2, no temporary file left, and no live formula in the generated sheets. The default
run tries a small slice; ``tox -e fuzz`` (ITA_FUZZ_CASES, default 10,000) prints the counts.
"""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ita_xl.cli import main
from ita_xl.core.framework import load_framework
from ita_xl.core.layout import CRITERIA, HISTORY, SCORES, UNIT, Layout
from ita_xl.core.sheets import ANALYSIS, MEASURES
from tests.hostile import sample_path

CASES = int(os.environ.get("ITA_FUZZ_CASES", "25"))
COUNTS: Counter[str] = Counter()
LAYOUT = Layout(load_framework(2568))
SAMPLE = sample_path("004").read_bytes()

# Every input cell of the FY2568 template, by sheet.
INPUT_CELLS = (
    [(UNIT, LAYOUT.unit_cell(k)) for k in LAYOUT.unit_fields]
    + [(SCORES, f"D{r}") for r in LAYOUT.tool_rows.values()]
    + [(SCORES, f"D{r}") for r in LAYOUT.indicator_rows.values()]
    + [(SCORES, f"E{r}") for r in LAYOUT.question_rows.values()]
    + [(SCORES, f"C{r}") for r in LAYOUT.printed_total_rows]
    + [(SCORES, f"C{LAYOUT.printed_rating_row}"), (SCORES, f"C{LAYOUT.printed_below_row}")]
    + [(HISTORY, f"{c}{r}") for r in LAYOUT.history_rows for c in "ABCDEFGH"]
    + [(CRITERIA, LAYOUT.target_cell)]
    + [(CRITERIA, f"C{r}") for r in LAYOUT.weight_rows.values()]
    + [(CRITERIA, f"{c}{LAYOUT.bands_header_row + 1 + n}") for n in range(4) for c in "ABCD"]
)

hostile_values = st.one_of(
    st.none(),
    st.just(""),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
    st.sampled_from(
        [
            "๙๘.๕๐",
            "98,50",
            "1,00",
            "abc",
            "=1/0",
            "=cmd|' /C calc'!A0",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "#DIV/0!",
            "NaN",
            "inf",
            "2025",
            "2600",
            "0",
            "-5",
            "1e308",
            "ใช่",
            "ไม่ใช่",
            " ",
        ]
    ),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=datetime.datetime(1900, 3, 1), max_value=datetime.datetime(2100, 1, 1)),
)

edits = st.lists(st.tuples(st.sampled_from(INPUT_CELLS), hostile_values), max_size=8)
sheet_faults = st.lists(
    st.tuples(
        st.sampled_from(["delete", "rename", "hide", "protect", "merge", "generated"]),
        st.sampled_from([UNIT, SCORES, HISTORY, CRITERIA]),
    ),
    max_size=2,
)


def hostile_workbook(folder: Path, changes, faults) -> Path:
    wb = load_workbook(io.BytesIO(SAMPLE))
    for (sheet, address), value in changes:
        if isinstance(value, float) and value != value:
            value = "NaN"  # openpyxl cannot store NaN; Excel shows #NUM!
        elif isinstance(value, float) and abs(value) == float("inf"):
            value = "#NUM!"
        try:
            wb[sheet][address] = value
        except Exception:  # characters openpyxl refuses (IllegalCharacterError)
            wb[sheet][address] = repr(value)
    for fault, sheet in faults:
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        if fault == "delete":
            del wb[sheet]
        elif fault == "rename":
            ws.title = sheet + "x"
        elif fault == "hide":
            ws.sheet_state = "hidden"
        elif fault == "protect":
            ws.protection.sheet = True
        elif fault == "merge":
            ws.merge_cells("A4:D9")
        elif fault == "generated":
            wb.create_sheet(ANALYSIS)["Z1"] = "ita-xl:generated:1"
    path = folder / "unit.xlsx"
    wb.save(path)
    return path


def hostile_file(folder: Path, kind: str, data: bytes) -> Path:
    path = folder / "unit.xlsx"
    if kind == "bytes":
        path.write_bytes(data)
    elif kind == "truncated":
        path.write_bytes(SAMPLE[: len(data) * 97 % len(SAMPLE)])
    elif kind == "csv":
        path.write_bytes(b"unit,score\n" + data.replace(b"\0", b"") + b"\n")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("xl/workbook.xml", data)
    else:  # a sample with bytes flipped inside
        buffer = bytearray(SAMPLE)
        for n, byte in enumerate(data[:16]):
            buffer[(n * 7919 + byte * 131) % len(buffer)] ^= byte or 1
        path.write_bytes(bytes(buffer))
    return path


def run_case(folder: Path, source: Path, capsys, command: str) -> None:
    before = source.read_bytes()
    output = folder / "out.xlsx"
    argv = (
        ["validate", str(source)] if command == "validate" else ["generate", str(source), "-o", str(output)]
    )
    code = main(argv)
    captured = capsys.readouterr()
    COUNTS[f"{command} exit {code}"] += 1
    assert code in (0, 1, 2)
    assert "Traceback" not in captured.err + captured.out
    assert "unexpected" not in captured.err, captured.err  # the last-resort handler was not needed
    if code == 2:
        assert len(captured.err.strip().splitlines()) <= 1 or "ข้อผิดพลาด" in captured.out
    assert source.read_bytes() == before
    assert not list(folder.glob(".ita-xl-*"))
    if command == "generate":
        assert output.exists() == (code != 2)
        if code != 2:
            wb = load_workbook(output)
            live = [
                c.coordinate
                for n in (ANALYSIS, MEASURES)
                for row in wb[n].iter_rows()
                for c in row
                if c.data_type == "f"
            ]
            assert live == [], live
            output.unlink()


FUZZ = settings(
    max_examples=CASES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@FUZZ
@given(changes=edits, faults=sheet_faults, command=st.sampled_from(["validate", "generate"]))
def test_hostile_workbooks(tmp_path_factory, capsys, changes, faults, command):
    folder = tmp_path_factory.mktemp("fuzz")
    run_case(folder, hostile_workbook(folder, changes, faults), capsys, command)


@FUZZ
@given(
    kind=st.sampled_from(["bytes", "truncated", "csv", "zip", "flipped"]),
    data=st.binary(max_size=64),
    command=st.sampled_from(["validate", "generate"]),
)
def test_hostile_files(tmp_path_factory, capsys, kind, data, command):
    folder = tmp_path_factory.mktemp("fuzz")
    run_case(folder, hostile_file(folder, kind, data), capsys, command)


@pytest.fixture(scope="module", autouse=True)
def print_counts():
    yield
    if CASES > 25:
        print("\nfuzz cases:", sum(COUNTS.values()), dict(sorted(COUNTS.items())))
