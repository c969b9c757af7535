"""The ``ita-xl`` command: output, exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ita_xl.cli import main
from tests.conftest import SEED_000, SEED_004


def args_for(scores: dict) -> list[str]:
    return [f"{k}={v}" for k, v in scores.items()]


def test_score_seed_004_indicators(capsys):
    assert main(["score", "--year", "2568", *args_for(SEED_004)]) == 0
    out = capsys.readouterr().out
    assert "คะแนนรวม 98.50 / total 98.50" in out
    assert "ระดับ ผ่านดีเยี่ยม:" in out
    assert "rating Excellent pass (ผ่านดีเยี่ยม):" in out
    assert "provisional" in out


def test_score_tools_in_thai_digits(capsys):
    code = main(
        ["score", "--year", "2568", "--thai-digits", "IIT=๙๙.๗๓", "eit1=99.74", "EIT2=83.10", "OIT=97.50"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "คะแนนรวม ๙๖.๓๕" in out
    assert "ผ่าน ไม่ใช่ ผ่านดี เพราะ EIT ส่วนที่ ๒ = ๘๓.๑๐ < ๘๕" in out


def test_score_defaults_to_the_newest_year(capsys):
    assert main(["score", *args_for(SEED_004)]) == 0
    assert "พ.ศ. 2568" in capsys.readouterr().out


@pytest.mark.parametrize(("printed", "code", "word"), [("76.43", 0, "agrees"), ("76.45", 1, "disagrees")])
def test_printed_total_is_checked(capsys, printed, code, word):
    assert main(["score", "--year", "2563", "--printed", printed, *args_for(SEED_000)]) == code
    out = capsys.readouterr().out
    assert "rating B:" in out
    assert word in out


def test_missing_tool_gives_a_total_that_is_not_final(capsys):
    assert main(["score", "--year", "2568", "IIT=90", "EIT1=90", "EIT2=90"]) == 0
    out = capsys.readouterr().out
    assert "OIT" in out and "not scored" in out
    assert "not final" in out
    assert "total 0" not in out


def test_questions_are_accepted(capsys):
    questions = {f"i{n}": 90 for n in range(1, 16)}
    assert main(["score", "--year", "2568", *args_for(questions), "EIT1=90", "EIT2=90", "OIT=90"]) == 0
    assert "คะแนนรวม 90.00" in capsys.readouterr().out


def test_years_lists_every_framework(capsys):
    assert main(["years"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [str(y) for y in range(2562, 2569)]
    assert "EIT1 15" in lines[-1]


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["score", "--year", "2599", "IIT=90"], "2562, 2563"),
        (["score", "FOO=1"], "FOO"),
        (["score", "IIT=101"], "outside 0-100"),
        (["score", "IIT=abc"], "abc"),
        (["score", "IIT"], "KEY=VALUE"),
        (["score", "IIT=1", "IIT=2"], "twice"),
        (["score", "11=50"], "indicator 11"),
        (["score", "--year", "x", "IIT=1"], "cannot read"),
        (["score"], "required"),
        ([], "required"),
        (["nonsense"], "invalid choice"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(capsys, argv, word):
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's own errors exit from inside parse_args
        code = exit_.code
    assert code == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert word in err
    assert "Traceback" not in captured.err + captured.out


def test_module_entry_point_without_traceback():
    run = subprocess.run(
        [sys.executable, "-m", "ita_xl", "score", "IIT=101"], capture_output=True, text=True, encoding="utf-8"
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_template_writes_a_years_workbook_and_never_overwrites(tmp_path, capsys, monkeypatch):
    from openpyxl import load_workbook

    from ita_xl.template import SCORES, template_year

    target = tmp_path / "t.xlsx"
    assert main(["template", "--year", "2563", "-o", str(target)]) == 0
    wb = load_workbook(target)
    assert template_year(wb) == 2563 and SCORES in wb.sheetnames
    before = target.read_bytes()
    code = main(["template", "--year", "2568", "-o", str(target)])
    assert code == 2
    assert "exists" in capsys.readouterr().err
    assert target.read_bytes() == before
    monkeypatch.chdir(tmp_path)
    assert main(["template"]) == 0
    assert (tmp_path / "ITA_template_2568.xlsx").exists()
    assert not list(tmp_path.glob(".ita-xl-*"))  # no temporary file left behind


def test_template_into_a_missing_folder_is_a_one_line_error(tmp_path, capsys):
    assert main(["template", "-o", str(tmp_path / "no" / "t.xlsx")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_installed_command_runs_the_demo_from_any_folder(tmp_path):
    """The README's main job, as installed: run from a folder without the source tree."""
    import os
    import shutil

    command = shutil.which("ita-xl", path=os.path.dirname(sys.executable)) or shutil.which("ita-xl")
    assert command, "ita-xl is not installed in this environment"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run = subprocess.run(
        [command, "demo"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=env
    )
    assert run.returncode == 0, run.stderr
    assert "คะแนนรวม 98.50" in run.stdout
    assert (tmp_path / "ita-demo.xlsx").exists()
