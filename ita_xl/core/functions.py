"""The worksheet functions as pure Python: what ``=ITA_…()`` computes, without xlwings.

``ita_xl.udfs`` registers these with xlwings and adds nothing but the Excel names and help
texts. Keeping them here means the rules stay in the core (``scoring``, ``framework``), the
shape handling is tested without Excel, and a UDF is one line.

Conventions, the same in every function:

* Ranges arrive as 2-D lists (rows of cells); a single cell may arrive as a scalar.
* Where a scalar is expected and a range is given, the result is a same-shaped 2-D list,
  which spills in Excel 365. Each cell of it is computed on its own, so one bad cell gives
  one error, not a failed array.
* A blank input cell gives a blank result.
* A problem gives a short Thai message starting with ``#ITA!`` in the cell, never a
  traceback. An input that already holds such a message (or an Excel error such as
  ``#N/A``) is passed on unchanged, so the first cause stays visible down a chain.
"""

from __future__ import annotations

import functools
import itertools
import logging
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ita_xl.core.errors import ItaError
from ita_xl.core.figures import format_number, parse_number, to_thai_digits
from ita_xl.core.framework import Framework, latest_year, load_framework, with_criteria
from ita_xl.core.scoring import (
    RatingScale,
    average,
    check_score,
    check_weights,
    complete_average,
    extremes,
    pass_fail,
    rate,
    total_of_checked,
)
from ita_xl.core.wording import PROGRESS_STATUSES

log = logging.getLogger(__name__)

ERROR_PREFIX = "#ITA! "
Grid = list[list[Any]]


# --------------------------------------------------------------------------- shapes


def grid(value: Any) -> Grid:
    """A 2-D list from a cell (scalar), a row (1-D list) or a range (2-D list)."""
    if isinstance(value, list | tuple):
        if not value:
            return [[]]
        kinds = set(map(type, value))
        if kinds == {list}:
            return list(value)  # rows of a range, as xlwings gives them (the rows are not copied)
        if kinds <= {list, tuple} or all(isinstance(row, list | tuple) for row in value):
            return [list(row) for row in value]
        return [list(value)]
    return [[value]]


def cells(*values: Any) -> list[Any]:
    """All cells of the given ranges, row by row."""
    return [cell for value in values for row in grid(value) for cell in row]


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def is_passed_error(value: Any) -> bool:
    """An ``#ITA!`` message from another function, or an Excel error text such as ``#N/A``."""
    return isinstance(value, str) and value.startswith("#")


def error_text(exc: BaseException) -> str:
    """The cell text for an error: short, Thai, no traceback."""
    if isinstance(exc, ItaError):
        return ERROR_PREFIX + exc.th
    log.exception("unexpected error in a worksheet function", exc_info=exc)
    return f"{ERROR_PREFIX}เกิดข้อผิดพลาดภายในโปรแกรม ({type(exc).__name__})"


def safe(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn any exception into the cell's error text."""

    @functools.wraps(function)
    def wrapper(*args: Any) -> Any:
        try:
            return function(*args)
        except Exception as exc:
            return error_text(exc)

    return wrapper


def per_cell(value: Any, compute: Callable[[Any], Any]) -> Any:
    """Apply ``compute`` to a scalar, or to each cell of a range (same shape back)."""

    def one(cell: Any) -> Any:
        if is_blank(cell):
            return None
        if is_passed_error(cell):
            return cell
        try:
            return compute(cell)
        except Exception as exc:
            return error_text(exc)

    if isinstance(value, list | tuple):
        return [[one(cell) for cell in row] for row in grid(value)]
    return one(value)


# --------------------------------------------------------------------------- arguments


def default_target() -> Any:
    """The target when a cell leaves it blank: the newest fiscal year's, from its framework."""
    return load_framework(latest_year()).target


def fiscal_year(value: Any) -> int:
    """The fiscal year argument: blank for the newest, else a Buddhist-era year."""
    value = _scalar(value)
    if is_blank(value):
        return latest_year()
    number = parse_number(value)
    if number is None or number != int(number):
        raise ItaError(f"ปีงบประมาณ “{value}” ไม่ถูกต้อง", f"bad fiscal year {value!r}")
    year = int(number)
    if 1900 <= year < 2200:
        raise ItaError(
            f"ปีงบประมาณต้องเป็น พ.ศ. เช่น {year + 543} ไม่ใช่ ค.ศ. {year}",
            f"give the Buddhist-era year, e.g. {year + 543}, not {year}",
        )
    return year


def framework_for(year: Any, bands: Any = None) -> Framework:
    """The framework of a year, with a rating table from a sheet if one is given."""
    framework = load_framework(fiscal_year(year))
    if bands is not None and not all(is_blank(c) for c in cells(bands)):
        framework = with_criteria(framework, bands=grid(bands))
    return framework


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple) and sum(map(len, grid(value))) != 1:
        return value  # counted without copying the cells: a spilled range may have thousands
    flat = cells(value)
    return flat[0] if len(flat) == 1 else value


# --------------------------------------------------------------------------- functions


@safe
def ita_average(*values: Any) -> float | None:
    """Mean of the scores in the ranges; blanks and text headers skipped, 0-100 enforced."""
    flat = cells(*values)
    for cell in flat:
        if is_passed_error(cell):
            return cell
    return average(flat, skip_text=True)


@safe
def ita_tool_score(*indicators: Any) -> float | None:
    """Mean of a tool's indicators; blank unless every indicator has a score."""
    flat = cells(*indicators)
    for cell in flat:
        if is_passed_error(cell):
            return cell
    return complete_average(flat)


def _row_totals(scores: Any, weights: Any) -> Any:
    weight_cells = cells(weights)
    score_rows = grid(scores)
    labels = [str(n) for n in range(1, len(weight_cells) + 1)]
    try:  # once per call, not per row; a bad weight is then every row's error
        checked: list[Decimal] | Exception = check_weights(weight_cells)
    except Exception as exc:
        checked = exc

    def total(row_cells: list[Any]) -> Any:
        for cell in row_cells:
            if is_passed_error(cell):
                return cell
        if all(is_blank(c) for c in row_cells):
            return None
        if isinstance(checked, Exception):
            return error_text(checked)
        try:
            result = total_of_checked(row_cells, checked, labels)
        except Exception as exc:
            return error_text(exc)
        if result.value is None:
            return (
                f"{ERROR_PREFIX}คะแนนรวมยังไม่สิ้นสุด: ไม่มีคะแนนลำดับที่ {', '.join(result.missing)} "
                f"(อยู่ระหว่าง {format_number(result.low)}–{format_number(result.high)})"
            )
        return result.value

    flat = cells(scores)
    if len(flat) == len(weight_cells):
        return total(flat)
    if all(len(row) == len(weight_cells) for row in score_rows):
        return [[total(row)] for row in score_rows]
    raise ItaError(
        f"มีน้ำหนัก {len(weight_cells)} ค่า แต่คะแนนมี {len(flat)} ค่า: "
        f"ให้คะแนนหนึ่งหน่วยงานต่อแถว แถวละ {len(weight_cells)} ค่า",
        f"{len(weight_cells)} weights but {len(flat)} scores: give one unit per row",
    )


@safe
def ita_weighted_total(scores: Any, weights: Any) -> Any:
    """Σ score × weight / 100; weights in percent must sum to 100. One unit per row."""
    return _row_totals(scores, weights)


def _tool_rows(score: Any, tool_scores: Any, framework: Framework) -> list[list[Any] | None]:
    """Tool scores for each score cell: one row of tools per score, in framework order."""
    count = sum(map(len, grid(score))) if isinstance(score, list | tuple) else 1
    rows = grid(tool_scores)
    if tool_scores is None or all(is_blank(c) for row in rows for c in row):
        return [None] * count
    width = len(framework.tools)
    codes = ", ".join(t.code for t in framework.tools)
    flat = [cell for row in rows for cell in row] if count == 1 else []
    if count == 1 and len(flat) == width:
        return [flat]
    if len(rows) == count and all(map(width.__eq__, map(len, rows))):
        return rows
    raise ItaError(
        f"คะแนนรายเครื่องมือต้องมี {width} ค่าต่อคะแนนรวมหนึ่งค่า เรียงเป็น {codes}",
        f"tool scores need {width} values per total, in the order {codes}",
    )


Rater = Callable[[Any, list[Any] | None], Any]
_NUMBERS = frozenset({float, int, type(None)})
RaterOf = Callable[[Framework], Rater]


def _rate_each(
    score: Any, tool_scores: Any, year: Any, bands: Any, make: Callable[[Framework], Rater]
) -> Any:
    """``make(framework)(total, tools in framework order)`` for the score cell or each one."""
    framework = framework_for(year, bands)
    rows = _tool_rows(score, tool_scores, framework)
    rater = make(framework)

    def one(cell: Any, row: list[Any] | None) -> Any:
        if cell.__class__ is not float:  # a number from Excel is a float: no text to look at
            if is_blank(cell):
                return None
            if is_passed_error(cell):
                return cell
        if row is not None and not _NUMBERS.issuperset(map(type, row)):  # text somewhere
            for value in row:
                if is_passed_error(value):
                    return value
        try:
            return rater(cell, row)
        except Exception as exc:
            return error_text(exc)

    if isinstance(score, list | tuple):
        shape = grid(score)
        flat = iter(list(map(one, itertools.chain.from_iterable(shape), rows)))
        return [list(itertools.islice(flat, len(row))) for row in shape]
    return one(score, rows[0])


def _reasons(framework: Framework) -> Rater:
    codes = [t.code for t in framework.tools]

    def reason(total: Any, tools: list[Any] | None) -> str:
        given = None if tools is None else dict(zip(codes, tools, strict=True))
        return rate(total, framework, given).reason_th

    return reason


def _levels(framework: Framework) -> Rater:
    return RatingScale(framework).level


@safe
def ita_rating(score: Any, tool_scores: Any = None, year: Any = None, bands: Any = None) -> Any:
    """The rating level of a total on a fiscal year's scale (the level alone: no reason is built)."""
    return _rate_each(_scalar(score), tool_scores, year, bands, _levels)


@safe
def ita_rating_reason(score: Any, tool_scores: Any = None, year: Any = None, bands: Any = None) -> Any:
    """Why a total gets its level (Thai)."""
    return _rate_each(_scalar(score), tool_scores, year, bands, _reasons)


@safe
def ita_pass(score: Any, target: Any = None) -> Any:
    """ผ่านเกณฑ์ / ไม่ผ่านเกณฑ์ against the target (the newest year's framework target unless given)."""
    goal = default_target() if is_blank(target) else _scalar(target)
    return per_cell(_scalar(score), lambda cell: pass_fail(cell, goal).label)


@safe
def ita_indicator_name(number: Any, year: Any = None) -> Any:
    """The Thai name of indicator 1-10 in a fiscal year."""
    framework = load_framework(fiscal_year(year))

    def name(cell: Any) -> str:
        value = parse_number(cell)
        try:
            if value is None or value != int(value):
                raise KeyError(cell)
            return framework.indicator(int(value)).name
        except KeyError:
            raise ItaError(
                f"ไม่มีตัวชี้วัดที่ {cell} (มี 1–{len(framework.indicators)})", f"no indicator {cell}"
            ) from None

    return per_cell(_scalar(number), name)


@safe
def ita_question(code: Any, year: Any = None) -> Any:
    """The Thai title of a question (i1, e4, o12) in a fiscal year's catalogue."""
    framework = load_framework(fiscal_year(year))

    def title(cell: Any) -> str:
        key = str(cell).strip().lower()
        try:
            question = framework.question(key)
        except KeyError:
            raise ItaError(
                f"ไม่มีข้อคำถาม {cell} ในปีงบประมาณ {framework.fiscal_year}",
                f"no question {cell} in {framework.fiscal_year}",
            ) from None
        if not question.title:
            raise ItaError(
                f"ไม่มีชื่อข้อคำถาม {key} ในข้อมูลปี {framework.fiscal_year}",
                f"no title for {key} in {framework.fiscal_year}",
            )
        return question.title

    return per_cell(_scalar(code), title)


@safe
def ita_tool_weight(tool: Any, year: Any = None) -> Any:
    """A tool's weight in percent (IIT, EIT, EIT1, EIT2, OIT) in a fiscal year."""
    framework = load_framework(fiscal_year(year))

    def weight(cell: Any) -> float:
        key = str(cell).strip().upper()
        try:
            return float(framework.tool(key).weight)
        except KeyError:
            parts = framework.tools_of(key)  # "EIT" from FY2566: the sum of its two parts
            if parts:
                return float(sum(t.weight for t in parts))
            codes = ", ".join(t.code for t in framework.tools)
            raise ItaError(
                f"ไม่มีเครื่องมือ {cell} ในปี {framework.fiscal_year} (มี {codes})", f"no tool {cell}"
            ) from None

    return per_cell(_scalar(tool), weight)


def _extreme(scores: Any, labels: Any, which: str) -> Any:
    score_cells, label_cells = cells(scores), cells(labels)
    if len(score_cells) != len(label_cells):
        raise ItaError(
            f"จำนวนคะแนน ({len(score_cells)}) ไม่เท่ากับจำนวนชื่อ ({len(label_cells)})",
            f"{len(score_cells)} scores but {len(label_cells)} labels",
        )
    for cell in score_cells:
        if is_passed_error(cell):
            return cell
        if not is_blank(cell):
            check_score(cell)
    keyed = {n: s for n, s in enumerate(score_cells)}
    found = extremes(keyed)
    positions = found.lowest if which == "lowest" else found.highest
    return ", ".join(str(label_cells[n]).strip() for n in positions)


@safe
def ita_below_target(scores: Any, target: Any = None) -> Any:
    """How many scores are below the target (the newest year's unless given); blanks not counted."""
    flat = cells(scores)
    for value in flat:
        if is_passed_error(value):
            return value
    if all(is_blank(value) for value in flat):
        return 0
    for value in flat:
        if not is_blank(value):
            check_score(value)
    goal = default_target() if is_blank(target) else _scalar(target)
    return len(extremes(dict(enumerate(flat)), goal).below_target)


@safe
def ita_lowest(scores: Any, labels: Any) -> Any:
    """The label(s) of the lowest score; ties joined by commas."""
    return _extreme(scores, labels, "lowest")


@safe
def ita_highest(scores: Any, labels: Any) -> Any:
    """The label(s) of the highest score; ties joined by commas."""
    return _extreme(scores, labels, "highest")


@safe
def ita_thai_digits(value: Any, decimals: Any = None) -> Any:
    """A number in Thai digits with fixed decimals (2 unless given); text has its digits replaced."""
    try:
        places = 2 if is_blank(decimals) else parse_number(_scalar(decimals))
    except ItaError:
        places = None
    if places is None or places != int(places) or not 0 <= places <= 10:
        raise ItaError(f"จำนวนทศนิยม “{decimals}” ไม่ถูกต้อง", f"bad decimals {decimals!r}")

    def digits(cell: Any) -> str:
        if isinstance(cell, str):
            return to_thai_digits(cell)
        return format_number(cell, int(places), thai=True)

    return per_cell(_scalar(value), digits)


# --------------------------------------------------------------------------- follow-up of measures

DONE, IN_PROGRESS, NOT_STARTED = PROGRESS_STATUSES
#: Characters a status may carry without meaning: zero-width spaces and joiners, which Thai web
#: pages insert between words, and the byte-order mark. Whitespace of every kind (spaces,
#: the non-breaking space U+00A0, tabs, line breaks) is dropped as well.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _status_key(text: str) -> str:
    """``text`` compared as a status: NFKC (so ``ำ`` typed as ``ํ`` + ``า`` is ``ำ``), no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).split())


_STATUS_KEYS = {_status_key(status): status for status in PROGRESS_STATUSES}
_STATUS_CHOICES = " ".join(f"“{s}”" for s in PROGRESS_STATUSES[:-1]) + f" หรือ “{PROGRESS_STATUSES[-1]}”"


def _is_empty(value: Any) -> bool:
    """Blank as COUNTBLANK sees it (no value, or text of nothing but spaces of any kind)."""
    return value is None or (isinstance(value, str) and not _status_key(value))


def _bad_status(value: Any, where: str = "") -> ItaError:
    if isinstance(value, bool):
        shown: Any = str(value).upper()  # as Excel shows TRUE / FALSE
    else:
        shown = f"{value:g}" if isinstance(value, float) else value
    return ItaError(
        f"สถานะ “{shown}”{where} ต้องเป็น {_STATUS_CHOICES}",
        f"status {value!r} is not one of {', '.join(PROGRESS_STATUSES)}",
    )


def read_status(value: Any) -> str | None:
    """The tracking status a cell holds, spelt as in ``PROGRESS_STATUSES``; None when blank.

    Spaces anywhere (also U+00A0 and zero-width spaces pasted from the web) and the two ways of
    typing ``ำ`` are ignored; anything else that is not one of the three statuses is an error.
    """
    if _is_empty(value):
        return None
    status = _STATUS_KEYS.get(_status_key(value)) if isinstance(value, str) else None
    if status is None:
        raise _bad_status(value)
    return status


def _position(index: int, width: int, height: int) -> str:
    """Where a cell sits in its range, in words: " ในแถวที่ 3 ของช่วง"."""
    row, column = divmod(index, width)
    if width == 1:
        return f" ในแถวที่ {row + 1} ของช่วง"
    if height == 1:
        return f" ในคอลัมน์ที่ {column + 1} ของช่วง"
    return f" ในแถวที่ {row + 1} คอลัมน์ที่ {column + 1} ของช่วง"


def measure_statuses(statuses: Any, measures: Any = None) -> list[str] | str:
    """The status of each measure row, or the first error text found in the ranges.

    A row is a measure row when its status cell is filled or, if ``measures`` is given, its
    measure cell is. A measure whose status is blank counts as ``NOT_STARTED``: nothing says
    it has begun. Without ``measures`` a blank status cell is not a measure, so the range may
    run past the table's last row.
    """
    shape = grid(statuses)
    status_cells = cells(statuses)
    measure_cells = [None] * len(status_cells) if is_blank(measures) else cells(measures)
    if len(measure_cells) != len(status_cells):
        raise ItaError(
            f"จำนวนช่องสถานะ ({len(status_cells)}) ไม่เท่ากับจำนวนช่องมาตรการ ({len(measure_cells)})",
            f"{len(status_cells)} status cells but {len(measure_cells)} measure cells",
        )
    found: list[str] = []
    for index, (status, measure) in enumerate(zip(status_cells, measure_cells, strict=True)):
        if status is None and measure is None:
            continue  # most cells of a generous range, e.g. a whole column
        for value in (status, measure):
            if is_passed_error(value):
                return value
        try:
            word = read_status(status)
        except ItaError:
            raise _bad_status(status, _position(index, len(shape[0]), len(shape))) from None
        if word is not None:
            found.append(word)
        elif not _is_empty(measure):
            found.append(NOT_STARTED)
    return found


@safe
def ita_progress(statuses: Any, measures: Any = None) -> Any:
    """The share (0-1) of measure rows whose status is ``DONE``; blank when there is none."""
    found = measure_statuses(statuses, measures)
    if isinstance(found, str):
        return found
    return found.count(DONE) / len(found) if found else None


@safe
def ita_status_count(statuses: Any, status: Any, measures: Any = None) -> Any:
    """How many measure rows have ``status`` (or each status of a range of them)."""
    found = measure_statuses(statuses, measures)
    if isinstance(found, str):
        return found
    return per_cell(_scalar(status), lambda cell: found.count(read_status(cell)))
