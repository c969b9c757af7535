"""Excel worksheet functions ``=ITA_…()``, registered with xlwings.

Each function is one line over ``ita_xl.core.functions``, which holds the shape handling and
calls the scoring core; nothing here computes anything. The Python name is the Excel name,
and the docstring is the help Excel shows (its first 255 characters in desktop Excel, so
the Thai summary comes first).

Ranges are read as 2-D lists (``ndim=2``) in every runtime, so a function sees the same
shape in classic desktop Excel, xlwings Server and xlwings Lite.
"""

from __future__ import annotations

import xlwings as xw

from ita_xl.core import functions as f

_YEAR = "ปีงบประมาณ พ.ศ. เช่น 2568 (เว้นว่าง = ปีล่าสุดที่มีเกณฑ์)"
_STATUSES = "ช่วงสถานะ: ดำเนินการแล้ว อยู่ระหว่างดำเนินการ หรือ ยังไม่ดำเนินการ (ช่องที่เว้นว่างไม่นับ)"
_MEASURES = "ช่วงชื่อหรือรหัสมาตรการ แถวเดียวกับสถานะ (เว้นว่างได้): มาตรการที่ยังไม่ระบุสถานะนับเป็นยังไม่ดำเนินการ"


@xw.func
@xw.arg("values", ndim=2, doc="ช่วงคะแนน (เว้นว่างและหัวตารางได้) ใส่ได้หลายช่วง")
def ITA_AVERAGE(*values):
    """ค่าเฉลี่ยคะแนน ITA ข้ามช่องว่างและหัวตาราง คะแนนต้องอยู่ใน 0–100 / Mean of ITA scores.

    Averages question scores into an indicator, indicators into a tool, or OIT
    sub-indicators into an indicator. Blank cells and text headers are skipped; a number
    outside 0-100 is an error. Thai digits typed as text are read.

    Args:
        values: One or more ranges of scores.

    Returns:
        The mean, or blank when there is no score.

    Example:
        =ITA_AVERAGE(D10:D12)
    """
    return f.ita_average(*values)


@xw.func
@xw.arg("indicators", ndim=2, doc="คะแนนตัวชี้วัดทุกตัวของเครื่องมือ")
def ITA_TOOL_SCORE(*indicators):
    """คะแนนเครื่องมือ = ค่าเฉลี่ยของตัวชี้วัดทุกตัว ว่างถ้าขาดตัวชี้วัดใด / Tool score from its indicators.

    Unlike ITA_AVERAGE, a blank indicator leaves the tool blank (not scored) instead of
    averaging the indicators that happen to be filled, which would change the weighting.

    Args:
        indicators: The scores of all the tool's indicators.

    Returns:
        The mean, or blank when an indicator is missing.

    Example:
        =ITA_TOOL_SCORE(F22:F26)
    """
    return f.ita_tool_score(*indicators)


@xw.func
@xw.arg("scores", ndim=2, doc="คะแนนรายเครื่องมือ หนึ่งหน่วยงานต่อแถว")
@xw.arg("weights", ndim=2, doc="น้ำหนักเป็นร้อยละ รวมกันต้องได้ 100")
def ITA_WEIGHTED_TOTAL(scores, weights):
    """คะแนนรวมถ่วงน้ำหนัก น้ำหนักเป็นร้อยละและต้องรวมได้ 100 / Weighted ITA total.

    Computes Σ score × weight / 100. Weights that do not sum to 100 give an error that
    says what they sum to. A blank tool score means the tool was not scored: the total is
    then "not final" and the cell says so, never counting the tool as 0. Give several
    units one per row to get one total per row.

    Args:
        scores: Tool scores (IIT, EIT1, EIT2, OIT for FY2566+), one unit per row.
        weights: Percent weights in the same order.

    Returns:
        The total, or a column of totals.

    Example:
        =ITA_WEIGHTED_TOTAL(E6:E9, 'เกณฑ์'!C6:C9)
    """
    return f.ita_weighted_total(scores, weights)


@xw.func
@xw.arg("score", ndim=2, doc="คะแนนรวม หรือช่วงคะแนนรวม (หนึ่งหน่วยงานต่อแถว)")
@xw.arg(
    "tool_scores",
    ndim=2,
    doc="คะแนนรายเครื่องมือ เรียงตามเกณฑ์ของปี (จำเป็นเมื่อคะแนน ≥ 85 ในปีที่เกณฑ์มีเงื่อนไขรายเครื่องมือ)",
)
@xw.arg("fiscal_year", doc=_YEAR)
@xw.arg("bands", ndim=2, doc="ตารางระดับจากชีตเกณฑ์: ต่ำสุด, สูงสุด, ระดับ, ทุกเครื่องมือไม่ต่ำกว่า")
def ITA_RATING(score, tool_scores=None, fiscal_year=None, bands=None):
    """ระดับผลการประเมินตามเกณฑ์ของปีงบประมาณ / ITA rating level for a fiscal year.

    FY2562-2565 use AA-F on the total. From FY2566 a total of 85 or more also needs every
    tool's score (ผ่านดีเยี่ยม: all ≥ 95; ผ่านดี: all ≥ 85; else ผ่าน); without them
    the cell asks for them instead of guessing. A range of totals with one row of tool
    scores per total gives a column of levels.

    Args:
        score: The total, or a column of totals.
        tool_scores: Tool scores in the year's order, one row per total.
        fiscal_year: Buddhist-era fiscal year; blank for the newest.
        bands: The rating table from the criteria sheet; blank for the year's table.

    Returns:
        The level, e.g. ผ่านดี, or a column of levels.

    Example:
        =ITA_RATING(E11, E6:E9, 2568)
    """
    return f.ita_rating(score, tool_scores, fiscal_year, bands)


@xw.func
@xw.arg("score", ndim=2, doc="คะแนนรวม")
@xw.arg("tool_scores", ndim=2, doc="คะแนนรายเครื่องมือ เรียงตามเกณฑ์ของปี")
@xw.arg("fiscal_year", doc=_YEAR)
@xw.arg("bands", ndim=2, doc="ตารางระดับจากชีตเกณฑ์ (เว้นว่างได้)")
def ITA_RATING_REASON(score, tool_scores=None, fiscal_year=None, bands=None):
    """เหตุผลของระดับผลการประเมิน เช่น EIT ส่วนที่ 2 ได้ 83.10 คะแนน ต่ำกว่า 85 คะแนน จึงไม่ถึงระดับผ่านดี

    Explains ITA_RATING's level: the band of the total (for a level that also spans the
    band above, as FY2566's ผ่านดี does, that the total is below that band) and, from
    FY2566, the tool that held the level back or that every tool meets the condition.

    Args:
        score: The total.
        tool_scores: Tool scores in the year's order.
        fiscal_year: Buddhist-era fiscal year; blank for the newest.
        bands: The rating table from the criteria sheet; blank for the year's table.

    Returns:
        The reason in Thai.
    """
    return f.ita_rating_reason(score, tool_scores, fiscal_year, bands)


@xw.func
@xw.arg("score", ndim=2, doc="คะแนน หรือช่วงคะแนน")
@xw.arg("target", doc="ค่าเป้าหมาย (เว้นว่าง = 85)")
def ITA_PASS(score, target=None):
    """ผ่านเกณฑ์ หรือ ไม่ผ่านเกณฑ์ เทียบกับค่าเป้าหมาย (85) / Pass or fail against the target.

    Compares the 2-decimal score with the target. A range gives a same-shaped range.

    Args:
        score: A score or a range of scores.
        target: The target; 85 when blank.

    Returns:
        ผ่านเกณฑ์ or ไม่ผ่านเกณฑ์ for each score.

    Example:
        =ITA_PASS(F6:F15, 'เกณฑ์'!C3)
    """
    return f.ita_pass(score, target)


@xw.func
@xw.arg("number", ndim=2, doc="เลขตัวชี้วัด 1–10 หรือช่วงเลข")
@xw.arg("fiscal_year", doc=_YEAR)
def ITA_INDICATOR_NAME(number, fiscal_year=None):
    """ชื่อตัวชี้วัดตามเลข 1–10 ของปีงบประมาณ / The Thai name of an indicator.

    Args:
        number: Indicator number 1-10, or a range of numbers.
        fiscal_year: Buddhist-era fiscal year; blank for the newest.

    Returns:
        The indicator's Thai name.

    Example:
        =ITA_INDICATOR_NAME(4, 2568)
    """
    return f.ita_indicator_name(number, fiscal_year)


@xw.func
@xw.arg("code", ndim=2, doc="รหัสข้อคำถาม เช่น i1, e4, o12 หรือช่วงรหัส")
@xw.arg("fiscal_year", doc=_YEAR)
def ITA_QUESTION(code, fiscal_year=None):
    """ข้อความของข้อคำถามตามรหัส (i1, e4, o12) ของปีงบประมาณ / A question's Thai title.

    Args:
        code: Question code, or a range of codes.
        fiscal_year: Buddhist-era fiscal year; blank for the newest.

    Returns:
        The question's Thai title from the year's catalogue.

    Example:
        =ITA_QUESTION("i15", 2568)
    """
    return f.ita_question(code, fiscal_year)


@xw.func
@xw.arg("tool", ndim=2, doc="รหัสเครื่องมือ IIT, EIT, EIT1, EIT2 หรือ OIT")
@xw.arg("fiscal_year", doc=_YEAR)
def ITA_TOOL_WEIGHT(tool, fiscal_year=None):
    """น้ำหนักร้อยละของเครื่องมือตามเกณฑ์ของปีงบประมาณ / A tool's weight in percent.

    Args:
        tool: Tool code, or a range of codes.
        fiscal_year: Buddhist-era fiscal year; blank for the newest.

    Returns:
        The weight in percent, e.g. 30.

    Example:
        =ITA_TOOL_WEIGHT("OIT", 2563)
    """
    return f.ita_tool_weight(tool, fiscal_year)


@xw.func
@xw.arg("scores", ndim=2, doc="ช่วงคะแนน")
@xw.arg("target", doc="ค่าเป้าหมาย (เว้นว่าง = 85)")
def ITA_BELOW_TARGET(scores, target=None):
    """จำนวนรายการที่ได้คะแนนต่ำกว่าค่าเป้าหมาย (85) ไม่นับช่องว่าง / Count below the target.

    Compares 2-decimal scores with the target, as ITA_PASS does.

    Args:
        scores: Scores; blanks are not counted.
        target: The target; 85 when blank.

    Returns:
        The number of scores below the target.

    Example:
        =ITA_BELOW_TARGET(F22:F31, 'เกณฑ์'!B4)
    """
    return f.ita_below_target(scores, target)


@xw.func
@xw.arg("scores", ndim=2, doc="ช่วงคะแนน")
@xw.arg("labels", ndim=2, doc="ช่วงชื่อ จำนวนเท่ากับคะแนน")
def ITA_LOWEST(scores, labels):
    """ชื่อรายการที่ได้คะแนนต่ำสุด (คะแนนเท่ากันแสดงทุกรายการ) / Label of the lowest score.

    Args:
        scores: Scores; blanks are skipped.
        labels: One label per score.

    Returns:
        The label of the lowest 2-decimal score; ties joined by commas.

    Example:
        =ITA_LOWEST(F6:F15, C6:C15)
    """
    return f.ita_lowest(scores, labels)


@xw.func
@xw.arg("scores", ndim=2, doc="ช่วงคะแนน")
@xw.arg("labels", ndim=2, doc="ช่วงชื่อ จำนวนเท่ากับคะแนน")
def ITA_HIGHEST(scores, labels):
    """ชื่อรายการที่ได้คะแนนสูงสุด (คะแนนเท่ากันแสดงทุกรายการ) / Label of the highest score.

    Args:
        scores: Scores; blanks are skipped.
        labels: One label per score.

    Returns:
        The label of the highest 2-decimal score; ties joined by commas.

    Example:
        =ITA_HIGHEST(F6:F15, C6:C15)
    """
    return f.ita_highest(scores, labels)


@xw.func
@xw.arg("value", ndim=2, doc="ตัวเลขหรือข้อความ")
@xw.arg("decimals", doc="จำนวนทศนิยม (เว้นว่าง = 2)")
def ITA_THAI_DIGITS(value, decimals=None):
    """แสดงตัวเลขเป็นเลขไทย เช่น 98.5 → ๙๘.๕๐ / A number in Thai digits.

    Numbers are rounded half up to the given decimals; text has its digits replaced.

    Args:
        value: A number, text, or a range.
        decimals: Decimals to show; 2 when blank.

    Returns:
        Text in Thai digits.

    Example:
        =ITA_THAI_DIGITS(E11)
    """
    return f.ita_thai_digits(value, decimals)


@xw.func
@xw.arg("statuses", ndim=2, doc=_STATUSES)
@xw.arg("measures", ndim=2, doc=_MEASURES)
def ITA_PROGRESS(statuses, measures=None):
    """สัดส่วนมาตรการที่ดำเนินการแล้ว 0–1 (จัดรูปแบบ % เพื่อแสดงเป็นร้อยละ) / Share of measures done.

    Counts the measures of the tracking sheet (ติดตามมาตรการ) whose status is ดำเนินการแล้ว
    and divides by the number of measures; the other statuses are อยู่ระหว่างดำเนินการ and
    ยังไม่ดำเนินการ. A measure is a row whose status is filled, or,
    when ``measures`` is given, whose measure cell is filled; a measure with a blank status
    then counts as ยังไม่ดำเนินการ. Without ``measures`` blank status cells are not counted,
    so the range may run past the last measure. Spaces (also non-breaking and zero-width
    ones pasted from the web) and ำ typed as ํ + า are ignored; any other text is an error
    that says which row of the range holds it.

    Args:
        statuses: The status column of the tracking sheet.
        measures: The measure names or ids on the same rows; may be left out.

    Returns:
        The share between 0 and 1, or blank when there is no measure.

    Example:
        =ITA_PROGRESS(E5:E20, B5:B20)
    """
    return f.ita_progress(statuses, measures)


@xw.func
@xw.arg("statuses", ndim=2, doc=_STATUSES)
@xw.arg("status", ndim=2, doc="สถานะที่ต้องการนับ หรือช่วงของสถานะ (ได้ผลหนึ่งค่าต่อสถานะ)")
@xw.arg("measures", ndim=2, doc=_MEASURES)
def ITA_STATUS_COUNT(statuses, status, measures=None):
    """จำนวนมาตรการตามสถานะ เช่น ดำเนินการแล้ว / Number of measures with a status.

    Counts measures as ITA_PROGRESS does, so the counts of the three statuses add up to the
    number of measures: with ``measures`` given, a measure whose status is blank is counted
    as ยังไม่ดำเนินการ. A range of statuses to count gives one count per cell.

    Args:
        statuses: The status column of the tracking sheet.
        status: ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ or ยังไม่ดำเนินการ, or a range of them.
        measures: The measure names or ids on the same rows; may be left out.

    Returns:
        The number of measures with that status.

    Example:
        =ITA_STATUS_COUNT(E5:E20, "ดำเนินการแล้ว", B5:B20)
    """
    return f.ita_status_count(statuses, status, measures)
