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


def test_guide_examples_point_at_the_templates_cells():
    """The staff guide's formula examples use the newest template's real addresses."""
    from ita_xl.core.framework import latest_year, load_framework
    from ita_xl.core.layout import Layout

    layout = Layout(load_framework(latest_year()))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    i1, i3 = layout.question_rows["i1"], layout.question_rows["i3"]
    assert f"`=ITA_AVERAGE(E{i1}:E{i3})`" in text
    first, last = layout.indicator_rows[1], layout.indicator_rows[10]
    assert f"`=ITA_BELOW_TARGET(F{first}:F{last})`" in text
    tools = layout.used_tool_range()
    assert f"`=ITA_WEIGHTED_TOTAL({tools},'เกณฑ์'!{layout.weights_range()})`" in text
    for name in ("scores", "analysis", "measures"):
        assert (ROOT / "workbooks" / "screenshots" / f"{name}.png").exists()
