"""The README's two set-up commands are the ones CI and users run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "the README must open with a bash block of set-up commands"
    assert text.index("```bash") < 200, "the set-up commands must be among the README's first lines"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_two_commands():
    install, test = setup_commands()
    assert "pip install ." in install and "ita-xl" in install
    assert "tox" in test


def test_ci_runs_exactly_the_readme_test_command():
    _, test = setup_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in ci_lines
