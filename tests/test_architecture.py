"""The package's shape, as the design fixes it (DEVELOPMENT.md, "Code map").

* The core (``ita_xl/core``) is pure: importing any of its modules in a fresh interpreter
  loads no openpyxl, xlwings, pandas or numpy.
* Nothing imports the build scripts (``ita_xl/build``) at run time.
* No function is longer than ``MAX_LINES`` lines, except the data tables listed below.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ita_xl"
FORBIDDEN = ("openpyxl", "xlwings", "pandas", "numpy")
MAX_LINES = 60
#: Functions allowed past MAX_LINES, with the reason. Keep this empty where possible.
LONG_FUNCTION_EXCEPTIONS: dict[str, str] = {}


def _modules(folder: Path) -> list[str]:
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


CORE_MODULES = _modules(PACKAGE / "core")
RUNTIME_MODULES = [m for m in _modules(PACKAGE) if not m.startswith("ita_xl.build")]


def _loaded_after_import(module: str) -> list[str]:
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_core_has_modules():
    assert len(CORE_MODULES) >= 10, CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_is_pure(module):
    loaded = _loaded_after_import(module)
    leaked = sorted({name.split(".")[0] for name in loaded} & set(FORBIDDEN))
    assert leaked == [], f"{module} imports {leaked}"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if "build" not in p.parts), ids=str)
def test_runtime_never_imports_build_scripts(path):
    assert not any(name.startswith("ita_xl.build") for name in _imports(path))


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=str)
def test_core_imports_only_core_and_stdlib(path):
    ours = {name for name in _imports(path) if name.startswith("ita_xl")}
    assert all(name.startswith("ita_xl.core") for name in ours), ours


def _long_functions() -> dict[str, int]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES:
                    found[f"{path.relative_to(PACKAGE.parent)}:{node.name}"] = length
    return found


def test_no_function_longer_than_the_limit():
    long = {name: n for name, n in _long_functions().items() if name not in LONG_FUNCTION_EXCEPTIONS}
    assert long == {}


def test_exceptions_are_still_needed():
    assert set(LONG_FUNCTION_EXCEPTIONS) <= set(_long_functions())
