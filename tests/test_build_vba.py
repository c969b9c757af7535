"""The checked-in VBA wrappers match what classic xlwings "Import Functions" writes."""

from __future__ import annotations

import re

from ita_xl import udfs
from ita_xl.build import vba
from ita_xl.live import vba as wrappers

UDFS = sorted(name for name in vars(udfs) if name.startswith("ITA_"))


def test_checked_in_wrappers_have_not_drifted_from_the_code():
    assert vba.TARGET.read_bytes() == wrappers.generate(), "run: python -m ita_xl.build.vba"


def test_check_mode_reports_drift(tmp_path, capsys):
    stale = tmp_path / "xlwings_udfs.bas"
    stale.write_bytes(vba.TARGET.read_bytes().replace(b"ITA_PASS", b"ITA_PASSED"))
    assert vba.main(["--check", "--output", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert vba.main(["--check"]) == 0


def test_one_wrapper_per_udf_with_its_arguments():
    text = vba.TARGET.read_bytes().decode("utf-8")
    assert text.startswith('Attribute VB_Name = "xlwings_udfs"\r\n')
    assert "\n" not in text.replace("\r\n", "")
    signatures = dict(re.findall(r"^Function (ITA_\w+)\((.*)\)\r$", text, re.M))
    assert sorted(signatures) == UDFS
    assert signatures["ITA_RATING"] == "score, Optional tool_scores, Optional fiscal_year, Optional bands"
    assert signatures["ITA_AVERAGE"] == "ParamArray values()"
    # An add-in calls into the workbook the user is in, not itself.
    assert (
        'XLPy.CallUDF("ita_xl.udfs", "ITA_RATING", Array(score, tool_scores, fiscal_year, bands), ActiveWorkbook'
        in text
    )
