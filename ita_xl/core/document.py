"""The whole generated document, in print order: the memo, the analysis, the measures, and the
checks sheet beside them (not printed). The generation pipelines (``ita_xl.xlsx.workbook`` and
``ita_xl.live.book``) write these sheets, in this order.
"""

from __future__ import annotations

from ita_xl.core.analysis import Report
from ita_xl.core.checks import CHECKS, checks_sheet
from ita_xl.core.memo import MEMO, memo_sheet
from ita_xl.core.progress import PROGRESS_SHEETS
from ita_xl.core.sheets import ANALYSIS, MEASURES, SheetSpec, analysis_sheet, measures_sheet
from ita_xl.core.tracking import TRACKING

#: The sheets ita-xl writes (and may replace: each carries the marker), in order.
GENERATED_SHEETS = (MEMO, ANALYSIS, MEASURES, CHECKS)
#: The follow-up's sheets (``ita-xl progress``: ``ita_xl.core.tracking`` and ``progress``), also
#: marked as ita-xl's; generating the report never writes them, and they keep what staff typed.
FOLLOW_UP_SHEETS = (TRACKING, *PROGRESS_SHEETS)


def document_sheets(report: Report, *, paged: bool = True) -> tuple[SheetSpec, ...]:
    """Every generated sheet of ``report``, named as ``GENERATED_SHEETS`` (``paged``: see
    ``sheets.analysis_sheet``)."""
    analysis = analysis_sheet(report, paged=paged)
    return (memo_sheet(report), analysis, measures_sheet(report), checks_sheet(report))
