"""ita-xl for xlwings Lite (Excel on the web, Windows and Mac, Python in the browser).

Paste this file into xlwings Lite's editor and the contents of requirements.txt into its
requirements tab (``ita-xl lite FOLDER`` writes both, with the package's wheel). It exposes
the same =ITA_…() worksheet functions as the desktop add-in and two scripts:

* ``ita_generate`` validates the open workbook and writes the วิเคราะห์ผล and มาตรการ sheets,
  with the same code as the desktop add-in and the ita-xl command;
* ``ita_bind_formulas`` re-enters the template's =ITA_…() formulas, so that Excel binds
  them to the functions Lite has just registered (a template written outside Excel shows
  #NAME? in those cells until they are re-entered).

For the follow-up of the measures: ``ita_track`` creates or refreshes the tracking sheet
ติดตามมาตรการ from the มาตรการ sheet, keeping every value typed in it; ``ita_progress_6`` and
``ita_progress_12`` write the progress report of that round from it.
"""

import xlwings as xw

from ita_xl.core.errors import ItaError
from ita_xl.live.book import bind_formulas, errors_th, generate, summary_th

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


@xw.script
def ita_generate(book: xw.Book):
    """สร้างชีตวิเคราะห์ผลและมาตรการ (Generate the analysis and measures sheets)."""
    outcome = generate(book)
    if outcome.errors or outcome.report is None:
        book.app.alert(errors_th(outcome), title="ita-xl: พบข้อผิดพลาด")
    else:
        book.app.alert(summary_th(outcome), title="ita-xl")


@xw.script
def ita_track(book: xw.Book):
    """ติดตามมาตรการ: สร้างหรือปรับปรุงชีตติดตามมาตรการ (Create or refresh the tracking sheet)."""
    from ita_xl.live.progress import run_track

    run_track(book)


@xw.script
def ita_progress_6(book: xw.Book):
    """รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน (The six-month progress report)."""
    from ita_xl.live.progress import run_report

    run_report(book, 6)


@xw.script
def ita_progress_12(book: xw.Book):
    """รายงานผลการดำเนินการตามมาตรการ รอบ ๑๒ เดือน (The twelve-month progress report)."""
    from ita_xl.live.progress import run_report

    run_report(book, 12)


@xw.script
def ita_bind_formulas(book: xw.Book):
    """ผูกสูตร =ITA_…() ของแม่แบบกับฟังก์ชัน (Re-enter the template's formulas so Excel binds them)."""
    try:
        count = bind_formulas(book)
    except ItaError as exc:
        book.app.alert(exc.th, title="ita-xl: พบข้อผิดพลาด")
        return
    book.app.alert(f"ใส่สูตร =ITA_…() ใหม่ {count} ช่อง", title="ita-xl")
