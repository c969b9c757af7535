"""What Excel 365 shows for the template's formulas is decided, not left to chance.

Microsoft, "Implicit intersection operator: @"
(https://support.microsoft.com/office/ce3be07b-0101-4450-a24e-c1c999be2b34): a formula
authored in a pre-dynamic-array Excel that could return a range or array (UDFs among them)
is shown in dynamic-array Excel with ``@`` before the function; the result is the same.
An OOXML cell formula is such a legacy formula unless it is an array formula flagged as
dynamic (``t="array"`` with ``cm`` pointing at the XLDAPR cell metadata; ECMA-376 Part 1
§18.3.1.40 and [MS-XLSX] 2.6.23 for the dynamic-array property).

ita-xl writes every ``=ITA_…()`` as a plain cell formula: Excel 2016/2019 show it as
written; Excel 365 desktop with the classic add-in shows ``=@ITA_…(…)`` and computes the
same single value; in xlwings Lite the ``ita_bind_formulas`` script re-enters them through
Office.js ``range.formulas``, which makes dynamic-array formulas (no ``@``). The README's
"Excel 365 and @" says the same. This test fails if a formula is ever written otherwise,
so that the README would have to change with it.
"""

from __future__ import annotations

import re
import zipfile

from ita_xl.build import workbooks as build
from ita_xl.core.samples import SAMPLE_FILES


def test_ita_formulas_are_plain_cell_formulas():
    for relative in [build.TEMPLATE_NAME, *(f"samples/{n}" for n in SAMPLE_FILES.values())]:
        with zipfile.ZipFile(build.WORKBOOKS / relative) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
            xml = "".join(z.read(n).decode("utf-8") for n in sheets)
            assert "xl/metadata.xml" not in z.namelist()
        formulas = re.findall(r"<f([^>]*)>([^<]*ITA_[^<]*)</f>", xml)
        assert formulas, relative
        assert all(attributes.strip() == "" for attributes, _ in formulas), relative
        assert not re.search(r'<c [^>]*\bcm="', xml), relative
        assert not any(text.startswith(("@", "_xlfn.SINGLE", "_xludf.")) for _, text in formulas)
