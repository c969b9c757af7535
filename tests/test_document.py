"""The generated document's sheets, in print order, each marked as ita-xl's."""

from __future__ import annotations

import pytest

from ita_xl.core.document import GENERATED_SHEETS, document_sheets
from ita_xl.core.samples import SAMPLES
from ita_xl.core.sheets import MARKER
from ita_xl.xlsx.template import sample_workbook
from ita_xl.xlsx.workbook import check_workbook


@pytest.mark.parametrize("seed", list(SAMPLES))
def test_every_sample_gives_the_whole_document_in_order(seed):
    outcome = check_workbook(sample_workbook(seed))
    assert outcome.ok, [f.line() for f in outcome.errors]
    specs = document_sheets(outcome.report)
    assert (
        tuple(spec.name for spec in specs)
        == GENERATED_SHEETS
        == ("บันทึกข้อความ", "วิเคราะห์ผล", "มาตรการ", "ตรวจสอบ")
    )
    assert [spec.printed for spec in specs] == [True, True, True, False]
    assert all(spec.value_grid()[0][25] == MARKER for spec in specs)
