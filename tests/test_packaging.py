"""The release: ``python -m build`` makes a pure wheel whose metadata is complete and has no
pandas or numpy among its install requirements (PEP 427 wheel, PEP 508 markers, core
metadata 2.x: https://packaging.python.org/specifications/core-metadata/).

Skipped where the ``build`` package is missing (``pip install build``); it builds without
isolation, from the setuptools of this environment, so it runs offline.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import ita_xl

ROOT = Path(__file__).resolve().parent.parent


def _build_installed() -> bool:
    """Whether the ``build`` package is installed (not a setuptools build/ folder on sys.path)."""
    try:
        return importlib.util.find_spec("build.__main__") is not None
    except ImportError:
        return False


pytestmark = pytest.mark.skipif(not _build_installed(), reason="needs: pip install build")


def test_python_m_build_makes_a_pure_wheel_without_pandas(tmp_path):
    # From a copy of the sources, so that setuptools' build/ and egg-info stay out of the tree.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "ita_xl", source / "ita_xl", ignore=shutil.ignore_patterns("__pycache__"))
    run = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(source)],
        cwd=tmp_path,  # not the repository, whose build/ folder would shadow the package
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    [wheel] = tmp_path.glob("*.whl")
    assert wheel.name == f"ita_xl-{ita_xl.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        metadata = z.read(f"ita_xl-{ita_xl.__version__}.dist-info/METADATA").decode("utf-8")
    fields = [line.split(": ", 1) for line in metadata.split("\n\n", 1)[0].splitlines() if ": " in line]
    required = [value for key, value in fields if key == "Requires-Dist" and "extra ==" not in value]
    assert required == [
        "openpyxl>=3.1",
        "xlwings==0.37.8",
        'python-docx>=1.2; sys_platform != "emscripten"',
        'pypdf>=4; sys_platform != "emscripten"',
    ]
    assert ("Version", ita_xl.__version__) in [tuple(f) for f in fields]
    for key in ("Summary", "License-Expression", "Requires-Python", "Keywords"):
        assert key in dict(fields), key
    assert "ita_xl/lite_main.py" in names and "ita_xl/frameworks/fy2568.toml" in names
    assert "ita_xl/library/recommendations.toml" in names
