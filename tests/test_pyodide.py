"""Opt-in: the Lite folder that ``ita-xl lite`` writes runs in Pyodide (``tox -e pyodide``).

Needs Node 18+ and the npm package ``pyodide`` (``npm install pyodide`` in a folder given by
``ITA_XL_PYODIDE``, the folder holding ``node_modules``), and PyPI for the pinned wheels of
xlwings, openpyxl and et-xmlfile (``pip download --no-deps``). The wheels are unpacked into
Pyodide's site-packages rather than installed with micropip, which the npm package does not
contain. xlwings comes from its manylinux wheel: its pure-Python files work in Pyodide, its
Rust extension is not loaded (xlwings Lite ships its own build). What it shows: ita-xl's wheel
installs in Pyodide's Python (3.14 in pyodide 314.0.7), ``=ITA_RATING`` computes through
``xlwings.server.custom_functions_call``, and ``ita_generate`` writes both sheets, with no
numpy or pandas loaded. Not shown: a browser, Excel, or xlwings Lite itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ita_xl.build import workbooks as build
from ita_xl.cli import main
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.lite import PINNED
from tests.xlwings_book import book_json

PYODIDE = os.environ.get("ITA_XL_PYODIDE")
pytestmark = pytest.mark.skipif(
    not PYODIDE or shutil.which("node") is None, reason="opt-in: set ITA_XL_PYODIDE (tox -e pyodide)"
)


def test_the_lite_folder_runs_in_pyodide(tmp_path, capsys):
    import importlib.metadata

    lite = tmp_path / "lite"
    assert main(["lite", str(lite)]) == 0
    capsys.readouterr()
    wheels = tmp_path / "wheels"
    pins = [f"{name}=={importlib.metadata.version(name)}" for name in PINNED]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(wheels), *pins], check=True
    )
    for wheel in lite.glob("*.whl"):
        shutil.copy(wheel, wheels)
    book = tmp_path / "book.json"
    book.write_text(
        json.dumps(book_json(build.WORKBOOKS / "samples" / SAMPLE_FILES["004"])), encoding="utf-8"
    )
    script = Path(__file__).with_name("pyodide_run.mjs")
    run = subprocess.run(
        ["node", str(script), str(wheels), str(lite / "main.py"), str(book)],
        capture_output=True,
        text=True,
        cwd=PYODIDE,
        env={**os.environ, "PYODIDE_MODULE": str(Path(PYODIDE) / "node_modules" / "pyodide" / "pyodide.mjs")},
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["rating"] == [["ผ่าน"]] and result["sheets"] == 2 and result["numpy_or_pandas"] == []
