"""ita-xl for xlwings Lite (Excel on the web, Windows and Mac, Python in the browser).

Paste this file into xlwings Lite's editor and the contents of requirements.txt into its
requirements tab. It exposes the same =ITA_…() worksheet functions as the desktop add-in and
a script, "ita_generate", that validates the open workbook and writes the วิเคราะห์ผล and
มาตรการ sheets, using the same code as the desktop add-in and the ita-xl command.
"""

import xlwings as xw

# The worksheet functions: imported, so Lite registers them from this module.
from ita_xl.udfs import (  # noqa: F401
    ITA_AVERAGE,
    ITA_BELOW_TARGET,
    ITA_HIGHEST,
    ITA_INDICATOR_NAME,
    ITA_LOWEST,
    ITA_PASS,
    ITA_QUESTION,
    ITA_RATING,
    ITA_RATING_REASON,
    ITA_THAI_DIGITS,
    ITA_TOOL_SCORE,
    ITA_TOOL_WEIGHT,
    ITA_WEIGHTED_TOTAL,
)
from ita_xl.xl import errors_th, generate, summary_th


@xw.script
def ita_generate(book: xw.Book):
    """สร้างชีตวิเคราะห์ผลและมาตรการ (Generate the analysis and measures sheets)."""
    outcome = generate(book)
    if outcome.errors or outcome.report is None:
        book.app.alert(errors_th(outcome), title="ita-xl: พบข้อผิดพลาด")
    else:
        book.app.alert(summary_th(outcome), title="ita-xl")
