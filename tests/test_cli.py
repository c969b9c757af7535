"""The ``ita-xl`` command: output, exit codes, one-line errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ita_xl.cli import main
from ita_xl.core.framework import latest_year
from tests.conftest import SEED_000, SEED_004


def args_for(scores: dict) -> list[str]:
    return [f"{k}={v}" for k, v in scores.items()]


def test_score_seed_004_indicators(capsys):
    assert main(["score", "--year", "2568", *args_for(SEED_004)]) == 0
    out = capsys.readouterr().out
    assert "คะแนนรวม 98.50 / total 98.50" in out
    # Seed 004 types no EIT part: ผ่านดีเยี่ยม rests on the stand-in mean, so it is not stated
    # (issue 14: never a provisional level as fact); the report's own sentence says why.
    assert "ผ่านดีเยี่ยม" not in out and "Excellent" not in out
    assert "ระดับ: ไม่สามารถระบุได้ ระดับผลการประเมินขึ้นอยู่กับคะแนน EIT ส่วนที่ 1" in out
    assert "provisional" in out


def test_score_states_a_decided_level_with_its_reason_in_words(capsys):
    """ขามป้อม FY2567 (seed 001): ผ่านดี, because EIT part 2 is below 95; no symbols (issue 14)."""
    assert main(["score", "--year", "2567", "IIT=99.73", "EIT1=99.74", "EIT2=93.44", "OIT=97.5"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("ระดับ"))
    assert line == "ระดับ ผ่านดี: EIT ส่วนที่ 2 ได้ 93.44 คะแนน ต่ำกว่า 95 คะแนน จึงไม่ถึงระดับผ่านดีเยี่ยม"
    assert not any(symbol in out for symbol in ("<", "=", "≥"))
    assert "rating Good pass (ผ่านดี)" in out


def test_score_tools_in_thai_digits(capsys):
    code = main(
        ["score", "--year", "2568", "--thai-digits", "IIT=๙๙.๗๓", "eit1=99.74", "EIT2=83.10", "OIT=97.50"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "คะแนนรวม ๙๖.๓๕" in out
    assert "ระดับ ผ่าน: EIT ส่วนที่ ๒ ได้ ๘๓.๑๐ คะแนน ต่ำกว่า ๘๕ คะแนน จึงไม่ถึงระดับผ่านดี" in out


def test_score_defaults_to_the_newest_year(capsys):
    assert main(["score", *args_for(SEED_004)]) == 0
    assert f"พ.ศ. {latest_year()}" in capsys.readouterr().out


def test_score_fy2566_on_the_five_level_scale(capsys):
    """The issue's "done when": FY2566 is rated ผ่านดี, not A (ITA_REFERENCE.md, "Rating scales")."""
    assert main(["score", "--year", "2566", "IIT=96", "EIT1=96", "EIT2=96", "OIT=90"]) == 0
    out = capsys.readouterr().out
    assert "คะแนนรวม 93.60 / total 93.60" in out
    assert "ระดับ ผ่านดี:" in out
    assert "ระดับ A" not in out


@pytest.mark.parametrize(("printed", "code", "word"), [("76.43", 0, "agrees"), ("76.45", 1, "disagrees")])
def test_printed_total_is_checked(capsys, printed, code, word):
    assert main(["score", "--year", "2563", "--printed", printed, *args_for(SEED_000)]) == code
    out = capsys.readouterr().out
    assert "rating B" in out
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
    assert [line.split()[0] for line in lines] == [str(y) for y in range(2562, 2570)]
    assert "EIT1 15" in lines[-1]
    # provenance: FY2569's weights and IIT/EIT questions are assumed (ITA_REFERENCE.md)
    assert "สมมติ (assumed; ยืนยันแล้ว 0 · น่าจะใช่ 2 · สมมติ 6)" in lines[-1]
    assert ": สมมติ/assumed weights, bands, target, iit_questions" in lines[-1]
    assert "น่าจะใช่ (likely; ยืนยันแล้ว 5 · น่าจะใช่ 3 · สมมติ 0)" in lines[-2] and "assumed" not in lines[-2]


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

    from ita_xl.core.layout import SCORES
    from ita_xl.xlsx.template import template_year

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
    assert (tmp_path / f"ITA_template_{latest_year()}.xlsx").exists()
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


def one_line_exit_2(capsys, argv) -> str:
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    captured = capsys.readouterr()
    assert code == 2, captured
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert captured.out == ""  # nothing printed as a result before the arguments are good
    return err


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["generate", "x.xlsx", "--threshold", "inf"], "cannot read"),
        (["generate", "x.xlsx", "--threshold", "nan"], "cannot read"),
        (["generate", "x.xlsx", "--threshold", "150"], "0 to 100"),
        (["generate", "x.xlsx", "--threshold", "-1"], "0 to 100"),
        (["generate", "x.xlsx", "--threshold", "1e308"], "cannot read"),
        (["generate", "x.xlsx", "--threshold", "100.5"], "0 to 100"),
        (["generate", "x.xlsx", "--threshold", "8,5"], "98.50"),
        (["generate", "x.xlsx", "-o", "report.xls"], "must end in .xlsx"),
        (["generate", "x.xlsx", "-o", "report.csv"], "must end in .xlsx"),
        (["generate", "x.xlsx", "-o", "report.xltx"], "must end in .xlsx"),
        (["generate", "x.xlsx", "-o", "report"], "must end in .xlsx"),
        (["generate", "x.xlsx", "--in-place", "-o", "y.xlsx"], "exclude each other"),
        (["generate", "x.xlsx", "-o", "ก" * 100 + ".xlsx"], "too long"),
        (["demo", "-o", "demo.csv"], "must end in .xlsx"),
        (["template", "-o", "t.xls"], "must end in .xlsx"),
        (["score", "IIT="], "has no value"),
        (["score", "IIT=90", "iit=91"], "twice"),
        (["score", "IIT=abc"], "cannot read"),
        (["score", "IIT=98,50"], "98.50"),
        (["score", "IIT=9,5"], "98.50"),
        (["score", "--year", "2568", "z1=50"], "unknown key 'z1' for FY2568"),
        (["score", "--year", "2566", "i1=50"], "unknown key 'i1' for FY2566"),  # no question scores that year
        (["score", "--year", "2568", "i16=50"], "unknown key 'i16'"),  # FY2568 has i1-i15
        (["score", "--year", "2025", "IIT=90"], "ITA ใช้ปี พ.ศ. เช่น 2568"),
        (["score", "--printed", "abc", "IIT=90"], "cannot read"),
        (["score", "--printed", "", "IIT=90"], "empty"),
        (["template", "--year", "2026"], "พ.ศ. 2569"),
    ],
)
def test_every_option_is_checked_before_any_work(capsys, argv, word):
    assert word in one_line_exit_2(capsys, argv)


def test_same_file_as_input_needs_in_place(tmp_path, capsys):
    source = tmp_path / "a.xlsx"
    source.write_bytes(b"PK")
    link = tmp_path / "b.xlsx"
    link.symlink_to(source)
    assert "--in-place" in one_line_exit_2(capsys, ["generate", str(source), "-o", str(link)])


def test_version(capsys):
    from ita_xl import __version__

    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"ita-xl {__version__}"


def test_help_says_what_the_exit_codes_mean(capsys):
    for argv in (["--help"], ["generate", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert "0 done; 1 done, with warnings" in out and "2 nothing written" in out


def test_an_unexpected_failure_is_one_line_and_logged(capsys, monkeypatch, tmp_path):
    from ita_xl import cli

    log = tmp_path / "ita-xl.log"
    monkeypatch.setattr(cli, "LOG_FILE", log)

    def boom(args):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr(cli, "_years", lambda: boom(None))
    err = one_line_exit_2(capsys, ["years"])
    assert "ZeroDivisionError" in err and str(log) in err
    assert "deep inside" in log.read_text(encoding="utf-8")


def test_ctrl_c_is_one_line(capsys, monkeypatch):
    from ita_xl import cli

    def interrupt():
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_years", interrupt)
    assert "interrupted" in one_line_exit_2(capsys, ["years"])


def test_output_into_a_closed_pipe_ends_quietly():
    """`ita-xl years | head -0`: the reader is gone before anything is written."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    run = subprocess.run(
        [sys.executable, "-m", "ita_xl", "years"], stdout=write_end, stderr=subprocess.PIPE, text=True
    )
    os.close(write_end)
    assert run.stderr == ""
    assert run.returncode == 1
