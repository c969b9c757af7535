"""Every per-year rule lives in the framework files: no fiscal year is written into the code.

The rule this test enforces, for every ``.py`` file under ``ita_xl/``:

- A number token from 2562 to 2575 (a Buddhist-era fiscal year) is a per-year rule in code
  and fails the test.
- A string holding such a year (Arabic or Thai digits) fails too, unless it is
  documentation: a docstring (the help text of a UDF and of every function), or an example
  introduced by "เช่น" / "e.g." / "such as" (a hint like "กรอกเป็น พ.ศ. เช่น 2568").
- Comments are not code.

Exempt: ``ita_xl/core/framework.py`` (the loader: it may name the years its checks allow) and
``ita_xl/core/samples.py`` (the seed reports' figures: a report's year is a fact of that document,
not a rule). Tests are not scanned.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ita_xl"
EXEMPT = {"framework.py", "samples.py"}
YEAR = re.compile(r"(?<!\d)(25(6[2-9]|7[0-5])|๒๕(๖[๒-๙]|๗[๐-๕]))(?!\d)")
EXAMPLE = re.compile(r"(เช่น|e\.g\.|such as)\s*\S*\s*$")


def _docstring_lines(source: str) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                lines.update(range(body[0].lineno, body[0].end_lineno + 1))
    return lines


def year_literals(source: str) -> list[tuple[int, str]]:
    """(line, token) of each fiscal year written into code, by the rule in the module docstring."""
    docs = _docstring_lines(source)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        line = token.start[0]
        if token.type == tokenize.NUMBER and YEAR.fullmatch(token.string.replace("_", "")):
            found.append((line, token.string))
        elif token.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)):
            if line in docs:
                continue
            for match in YEAR.finditer(token.string):
                if not EXAMPLE.search(token.string[: match.start()]):
                    found.append((line, token.string))
    return found


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in EXEMPT)


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_fiscal_year_in_code(path):
    assert year_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("QUESTION_YEARS = (2567, 2568)\n", True),
        ("if year >= 2567:\n    pass\n", True),
        ('print("ปีงบประมาณ 2568")\n', True),
        ('x = f"ปี {y} ไม่ใช่ ๒๕๖๙"\n', True),
        ('HINT = "กรอกเป็น พ.ศ. เช่น 2568"\n', False),
        ('def f():\n    """FY2562-2565 use AA-F."""\n', False),
        ("# FY2569 is assumed\nx = 1\n", False),
        ("x = 2500 + 2700\n", False),
        ("x = 25680\n", False),
    ],
)
def test_the_rule_catches_what_it_should(source, caught):
    assert bool(year_literals(source)) is caught
