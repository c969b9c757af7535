"""The tracking sheet (ติดตามมาตรการ): last year's measures, followed through the year.

Made from a generated measures sheet (``ita_xl.core.sheets.measures_sheet``), read back as a
plain grid (the adapters read cells; this module never sees a workbook). One row per measure:
the measure's own columns copied from the measures sheet and shaded grey (``readonly``: not
for input, rewritten from the measures sheet on every refresh), then the staff's columns:
status (a drop-down of ``PROGRESS_STATUSES``), result, indicator of success, date, evidence,
problems and the round (a drop-down of ``PROGRESS_ROUNDS``).

Refreshing from an edited measures sheet keeps every typed value: rows are matched by the
measure's stable id (``MeasureRow.key``, column รหัส), or by the measure's text where a row has
no id; a measure no longer on the measures sheet keeps its row and is marked in the note
column; a new measure gets a new row; rows staff added themselves are kept as they are.
The sheet records, beside its marker (``DIGEST_CELL``), a short digest of each grey cell it
copied (``written``); a refresh that would overwrite a grey cell staff typed over stops and
names the cell (``check_measure_columns``) instead of losing the text. The sheet is not
protected: protection would also stop staff sorting, deleting rows or adding links and notes,
and a live book in Excel on the web or xlwings Lite cannot protect it (xlwings' remote calls have
no protection), while this check works the same on every path. The adapters carry what staff
made on a kept row (formatting, row height, links, notes) to the row's new place (``row_moves``).

Rules (warnings with the cell in Excel's form): a measure marked done without a result or a
date; a date outside the fiscal year the measures cover (FY N: 1 October N-1 to 30 September
N, Buddhist era); a status or round not in the list; a date that cannot be read.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ita_xl.core.cells import DIGEST_CELL, MARKER_CELL, column_letter, split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import from_thai_digits
from ita_xl.core.functions import read_status
from ita_xl.core.page import PIXEL_POINTS
from ita_xl.core.reader import WARNING, Finding
from ita_xl.core.sheets import MEASURES, Block, Code, SheetSpec, Typed, Validation, _Builder
from ita_xl.core.wording import HEADERS, PROGRESS_ROUNDS, PROGRESS_STATUSES, THAI_MONTHS, say

TRACKING = "ติดตามมาตรการ"
#: The measure's own columns (grey), copied from the measures sheet.
FIXED = ("key", "theme", "measure", "steps", "period", "owner")
#: The staff's columns, in order after the fixed ones.
INPUTS = ("status", "result", "outcome", "date", "evidence", "problems", "round")
NOTE = "note"
#: The sheet's columns: the measure's number (ที่, as the measures table numbers it, also grey)
#: first, the id last, outside the print area as on the measures sheet (its column รหัส): a
#: printed page shows the number, never an id (Thai review, round 8, item 7); the id stays in
#: the workbook, for a refresh to find each measure's row again.
COLUMNS = ("number", *FIXED[1:], *INPUTS, NOTE, "key")
#: The columns that print: all but the id.
PRINTED = len(COLUMNS) - 1
#: The columns of a sheet written before the id left the print area: the id first, no number.
#: Such a sheet is read as it is and written anew in ``COLUMNS`` (``read_tracking``).
_COLUMNS_ID_FIRST = (*FIXED, *INPUTS, NOTE)
_WIDTHS = (6, 18, 34, 36, 16, 18, 20, 32, 26, 16, 24, 26, 15, 24, 12)
#: The columns centred, heading and cells (the id and the date have their own cell styles).
_CENTRED = ("number", "key", "status", "date", "round")
#: The table's header row: below the title, the unit, the line on how to fill in and a gap.
HEADER_ROW = 5
#: What ita-xl wrote on each row, in ``DIGEST_CELL``: the prefix, then per row its name
#: (``record_key``), ``=``, a digest of each grey column's text after the id (``_WRITTEN_DIGITS``
#: hex each), ``@``, its height and, below the table, ``+`` and the blank rows above it.
WRITTEN_PREFIX = "ita-xl:measures:2:"
#: The record before it listed every row: only the rows with a measure id.
_WRITTEN_PREFIX_1 = "ita-xl:measures:1:"
_WRITTEN_DIGITS = 6
#: Rows below the table that still get the drop-down lists, for rows staff add by hand.
SPARE_ROWS = 20
#: The measures sheet's columns read back, by their heading (HEADERS["measures"]).
_MEASURES_COLUMNS = {"theme": 0, "measure": 1, "steps": 3, "period": 4, "owner": 5, "key": 7}
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_YEAR = re.compile(r"พ\.ศ\.\s*(\d{4})")
#: A measure's id as ita-xl makes them (``measures.MeasureRow.key``: "M-i10", "M-ind4"; a unit's
#: own measure "M-U" and six hex digits, ``choices``).
MEASURE_ID = re.compile(r"^M-[A-Za-z0-9]+$")


def col(name: str) -> str:
    """The tracking sheet's column letter of ``name`` (``"status"`` → ``"G"``)."""
    return column_letter(COLUMNS.index(name) + 1)


@dataclass(frozen=True)
class MeasureLine:
    """One row of a generated measures sheet, as the tracking sheet copies it."""

    key: str
    theme: str
    measure: str
    steps: str
    period: str
    owner: str
    #: What column ที่ holds on a row that is not a measure's of the measures sheet (a removed
    #: measure's number, or what staff typed there: a footnote, their own row's number); a
    #: measure's row shows its number (``measure_number``).
    number: str = ""

    @property
    def match(self) -> str:
        """What a row is matched by: its id, or its measure's text without the number (a row
        with neither: what column ที่ holds, as a row without a measure is matched by its text)."""
        if self.key:
            return self.key
        return "text:" + _NUMBER.sub("", self.measure).strip() if self.measure else self.number


#: The number the measures sheet puts before a measure ("1. ", "๑. ").
_NUMBER = re.compile(r"^([0-9๐-๙]+)\.\s*")


def measure_number(text: str) -> str:
    """The number a measures table gives a measure, in its digits: ``"๔"`` of ``"๔. กำหนด…"``;
    "" when its text has none (never a number made up)."""
    found = _NUMBER.match(text.strip())
    return found[1] if found else ""


@dataclass(frozen=True)
class MeasuresSheet:
    """What a measures sheet says: the fiscal year the measures are for, the unit, the rows."""

    year: int
    place: str
    lines: tuple[MeasureLine, ...]
    #: Whether the sheet writes numbers in Thai digits (its title does): the follow-up does too.
    thai: bool = True


@dataclass(frozen=True)
class TrackedRow:
    """A row of the tracking sheet: the measure, what staff typed, and where it was read."""

    line: MeasureLine
    typed: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    row: int = 0
    #: Blank rows above it as written: a row below the table (staff's, such as a footnote) is
    #: kept as far below the table as staff typed it (``refresh``).
    gap: int = 0

    def value(self, name: str) -> Any:
        return self.typed.get(name)

    def text(self, name: str) -> str:
        value = self.typed.get(name)
        return "" if value is None else str(value).strip()

    @property
    def status(self) -> str:
        """The status as ``PROGRESS_STATUSES`` spells it, read as ``=ITA_PROGRESS()`` reads it
        (``functions.read_status``: pasted spaces, ``ำ`` typed in two keys); "" when blank or
        not one of them."""
        try:
            return read_status(self.typed.get("status")) or ""
        except ItaError:
            return ""


def _cell(grid: Sequence[Sequence[Any]], row: int, column: int) -> Any:
    """The value at 1-based (row, column), None beyond the grid."""
    if row > len(grid) or not grid[row - 1] or column > len(grid[row - 1]):
        return None
    return grid[row - 1][column - 1]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _header_row(grid: Sequence[Sequence[Any]], header: Sequence[str], sheet: str) -> int:
    """The row whose first cells are ``header``'s first two headings."""
    for row in range(1, min(len(grid), 30) + 1):
        if [_text(_cell(grid, row, c)) for c in (1, 2)] == list(header[:2]):
            return row
    raise ItaError(
        f"ไม่พบหัวตารางในชีต “{sheet}” (แถวที่ขึ้นต้นด้วย “{header[0]}” และ “{header[1]}”): "
        "ชีตนี้ไม่ใช่ชีตที่ ita-xl สร้าง หรือถูกแก้หัวตาราง",
        f"no table header found on sheet {sheet!r}: not a sheet ita-xl made, or its header was edited",
    )


def measures_year(grid: Sequence[Sequence[Any]], sheet: str = MEASURES) -> int:
    """The fiscal year in a sheet's title (row 1: ``… ประจำปีงบประมาณ พ.ศ. ๒๕๖๙``)."""
    found = _YEAR.findall(from_thai_digits(_text(_cell(grid, 1, 1))))
    if not found:
        raise ItaError(
            f"ไม่พบปีงบประมาณในชื่อเรื่องของชีต (ช่อง {sheet}!A1)",
            f"no fiscal year in the sheet's title ({sheet}!A1)",
        )
    return int(found[-1])


def read_measures(grid: Sequence[Sequence[Any]]) -> MeasuresSheet:
    """The measures of a generated measures sheet (values from A1), in their order."""
    header = HEADERS["measures"]
    top = _header_row(grid, header, MEASURES)
    width = max((len(r) for r in grid if r), default=0)
    columns = {
        name: c + 1
        for name, c in _MEASURES_COLUMNS.items()
        if _text(_cell(grid, top, c + 1)) == header[c] and c < width
    }
    lines = []
    row = top + 1
    while any(_text(v) for v in (grid[row - 1] if row <= len(grid) else ()) or ()):
        values = {name: _text(_cell(grid, row, c)) for name, c in columns.items()}
        lines.append(MeasureLine(**{name: values.get(name, "") for name in FIXED}))
        row += 1
    return MeasuresSheet(measures_year(grid), _text(_cell(grid, 2, 1)), tuple(lines), _thai_title(grid))


def _thai_title(grid: Sequence[Sequence[Any]]) -> bool:
    """Whether a sheet writes numbers in Thai digits: its title (A1) does."""
    return any("๐" <= ch <= "๙" for ch in _text(_cell(grid, 1, 1)))


# --------------------------------------------------------------------------- the sheet as it is


def read_tracking(grid: Sequence[Sequence[Any]]) -> tuple[MeasuresSheet, list[TrackedRow]]:
    """The sheet's year, unit and digits (as ``MeasuresSheet`` without lines) and every row of
    an existing tracking sheet, typed values as they are.

    Raises ItaError where rewriting the sheet would lose something: a formula in a cell, or
    a value outside the table's columns.
    """
    top, columns = _layout(grid)
    _same_columns(grid, top, columns)
    _nothing_outside(grid, top)
    rows, last = [], max((n for n, r in enumerate(grid, 1) if any(_text(v) for v in r or ())), default=top)
    for row in range(top + 1, last + 1):
        values = {name: _cell(grid, row, c) for c, name in enumerate(columns, start=1)}
        if not any(_text(v) for v in values.values()):
            continue
        fields = {name: _text(values.get(name)) for name in (*FIXED, "number")}
        if columns == _COLUMNS_ID_FIRST and not MEASURE_ID.match(fields["key"]):
            fields["number"], fields["key"] = fields["key"], ""  # staff's text in column A stays there
        line = MeasureLine(**fields)
        typed = {name: values[name] for name in INPUTS if _text(values[name])}
        rows.append(TrackedRow(line, typed, _text(values[NOTE]), row))
    sheet = MeasuresSheet(measures_year(grid, TRACKING), _text(_cell(grid, 2, 1)), (), _thai_title(grid))
    return sheet, rows


def outside_table(where: str) -> ItaError:
    """The refusal of a refresh that would lose the value at ``where`` (``sheet!cell``)."""
    return ItaError(
        f"มีข้อมูลนอกตารางที่ {where}: ไม่ปรับปรุงชีต “{TRACKING}” (ข้อมูลนั้นจะหาย) ให้ย้ายไปไว้ในช่องของตารางหรือชีตอื่นก่อน",
        f"a value outside the table at {where}: not refreshing (it would be lost)",
    )


def check_unseen(cells: Iterable[tuple[int, int, Any]], rows: int, columns: int) -> None:
    """Stop before a refresh where a cell beyond the ``rows`` by ``columns`` the adapters read
    (``ita_xl.core.pipeline.READ_ROWS``, ``READ_COLUMNS``) holds a value: the refresh does not see
    it, so it cannot keep it. ``cells``: (row, column, value), 1-based; names the first found."""
    for r, c, value in cells:
        if value not in (None, "") and (r > rows or c > columns):
            raise outside_table(f"{TRACKING}!{column_letter(c)}{r}")


def _columns_changed(where: str, found: str, expected: str) -> ItaError:
    return ItaError(
        say("tracking.columns_changed", where=where, found=found, expected=expected),
        f"the header at {where} reads {found!r}, not {expected!r}: a column was moved, inserted or "
        "deleted; not refreshing (typed values would go under other headings)",
    )


def _headings(columns: Sequence[str]) -> tuple[str, ...]:
    return tuple(_title(name) for name in columns)


def _layout(grid: Sequence[Sequence[Any]]) -> tuple[int, tuple[str, ...]]:
    """The table's header row and the columns the sheet was written with: ``COLUMNS``, or those
    of a sheet written before the id left the print area (``_COLUMNS_ID_FIRST``)."""
    try:
        return _header_row(grid, _headings(COLUMNS), TRACKING), COLUMNS
    except ItaError as current:  # the message names the current layout's headings
        try:
            return _header_row(grid, _headings(_COLUMNS_ID_FIRST), TRACKING), _COLUMNS_ID_FIRST
        except ItaError:
            raise current from None


def _same_columns(grid: Sequence[Sequence[Any]], top: int, columns: Sequence[str] = COLUMNS) -> None:
    """Stop where a heading of the table is not the one ita-xl wrote in its place: a column
    moved, inserted or deleted puts typed values under other headings (values are read by their
    column). Names the first heading that differs."""
    for c, expected in enumerate(_headings(columns), start=1):
        found = _text(_cell(grid, top, c))
        if found != expected:
            raise _columns_changed(f"{TRACKING}!{column_letter(c)}{top}", found, expected)


def marker_moved(grid: Sequence[Sequence[Any]], marker: str) -> ItaError | None:
    """Why a tracking sheet's marker is not in ``MARKER_CELL`` but elsewhere in row 1 (a column
    deleted or inserted before it moved it): the first heading that is not in its place, or else
    the marker's new place. None when row 1 does not hold the marker (a sheet ita-xl did not make)."""
    row = grid[0] if grid else ()
    at = next((c for c, value in enumerate(row or (), start=1) if _text(value) == marker), None)
    if at is None:
        return None
    try:
        _same_columns(grid, *_layout(grid))
    except ItaError as changed:
        return changed
    where, cell = f"{TRACKING}!{column_letter(at)}1", f"{TRACKING}!{MARKER_CELL}"
    return ItaError(
        say("tracking.marker_moved", cell=cell, where=where, sheet=TRACKING),
        f"ita-xl's marker moved from {cell} to {where}: a column was inserted or deleted; not refreshing",
    )


def _nothing_outside(grid: Sequence[Sequence[Any]], top: int) -> None:
    """Stop if a cell ita-xl would not write back holds a value, or a cell holds a formula.

    Written back: the table's columns from the header down, A1 to A3 (title, unit, the line on
    how to fill in: what ita-xl writes above the header, wherever staff moved the header to), and
    the marker and digest in row 1.
    """
    ours = {split_address(MARKER_CELL), DIGEST_CELL}
    for r, values in enumerate(grid, start=1):
        for c, value in enumerate(values or (), start=1):
            text = _text(value)
            if not text or (r, c) in ours or (r < HEADER_ROW - 1 and c == 1):
                continue
            where = f"{TRACKING}!{column_letter(c)}{r}"
            if c > len(COLUMNS) or r < top:
                raise outside_table(where)
            if text.startswith("="):
                raise ItaError(
                    f"ช่อง {where} มีสูตร: ไม่ปรับปรุงชีต “{TRACKING}” (สูตรจะหาย) ให้พิมพ์เป็นค่าแทน",
                    f"{where} holds a formula: not refreshing (it would be lost); type a value instead",
                )


def _own_note(note: str) -> str:
    """What staff wrote in the note column, without ita-xl's mark of a removed measure."""
    return note.replace(say("tracking.removed"), "").strip()


def _removed_note(note: str) -> str:
    return " ".join(filter(None, (say("tracking.removed"), _own_note(note))))


def refresh(
    measures: MeasuresSheet, existing: Sequence[TrackedRow] = (), recorded: Collection[str] = ()
) -> list[TrackedRow]:
    """The tracking rows for ``measures``, keeping every typed value of ``existing``.

    Measures in the measures sheet's order, each followed by every earlier row of it (a row
    staff copied, for a second round, stays with its measure); then earlier rows whose
    measure is gone (marked, not deleted) and rows staff added themselves (as they are). A
    measure is gone when its id is one ita-xl wrote (``recorded``: the ids in the sheet's
    record, ``recorded_ids``) or has the form of one (``MEASURE_ID``): other text in the id
    column is staff's, such as a footnote. A note staff wrote is kept; only ita-xl's own mark is
    added or taken away.
    """
    start = _below(existing, measures, recorded)
    groups: dict[str, list[TrackedRow]] = {}
    for row in existing[:start]:
        groups.setdefault(row.line.match, []).append(row)
    rows: list[TrackedRow] = []
    for line in measures.lines:
        earlier = groups.pop(line.match, [])
        rows.extend(TrackedRow(line, dict(old.typed), _own_note(old.note), old.row) for old in earlier)
        if not earlier:
            rows.append(TrackedRow(line))
    for earlier in groups.values():
        for old in earlier:  # a measure with an id, or once marked, that the sheet no longer has
            gone = _measure_row(old, recorded)
            rows.append(replace(old, note=_removed_note(old.note) if gone else old.note, gap=0))
    for n in range(start, len(existing)):  # below the table: as far below it as staff typed it
        rows.append(replace(existing[n], gap=max(0, existing[n].row - existing[n - 1].row - 1)))
    return rows


def _measure_row(row: TrackedRow, recorded: Collection[str]) -> bool:
    """Whether a row is a measure's: its id is one ita-xl wrote or has the form of one, or
    ita-xl marked it removed."""
    key = row.line.key
    return key in recorded or bool(MEASURE_ID.match(key)) or say("tracking.removed") in row.note


def _below(existing: Sequence[TrackedRow], measures: MeasuresSheet, recorded: Collection[str]) -> int:
    """Where the rows below the table start in ``existing`` (its length when none): the last
    rows, from a blank row under a row of the table on, none of them a measure's
    (``_measure_row``, or one the measures sheet has)."""
    current = {line.match for line in measures.lines}
    start = len(existing)
    for n in range(len(existing) - 1, -1, -1):
        row = existing[n]
        if _measure_row(row, recorded) or row.line.match in current:
            break
        if n and row.row - existing[n - 1].row > 1:
            start = n
    return start


def placed(rows: Sequence[TrackedRow | _Entry]) -> list[int]:
    """The sheet row of each of ``rows`` (``refresh``'s result, or the record's) as written: one
    after another from ``HEADER_ROW`` + 1, each after the blank rows above it (``gap``)."""
    found, at = [], HEADER_ROW
    for row in rows:
        at += 1 + row.gap
        found.append(at)
    return found


def row_moves(grid: Sequence[Sequence[Any]], rows: Sequence[TrackedRow]) -> dict[int, int]:
    """Where each row of the sheet as it was (``grid``) goes in the sheet written from ``rows``
    (``refresh``'s result), old row → new row, 1-based: the heading rows stay where they are (when
    the table starts where it does now), each kept row goes with its measure. A row not listed
    is not kept: a blank row inside the table, or one below it."""
    moves = {r: r for r in range(1, HEADER_ROW + 1)}
    if _layout(grid)[0] != HEADER_ROW:
        moves = {}
    moves.update({row.row: at for row, at in zip(rows, placed(rows), strict=True) if row.row})
    return moves


def written_heights(
    grid: Sequence[Sequence[Any]], sheet: MeasuresSheet, rows: Sequence[TrackedRow]
) -> dict[int, tuple[float, ...]]:
    """The row heights ita-xl may have written on the sheet as it is (``grid``, ``read_tracking``'s
    result), by its rows: a height that is none of them was set by staff. A row listed in the
    record (``written``) has the height recorded for its measure (or its text, without an id), so
    a row staff typed a longer result into since is still ita-xl's and gets the height its text
    needs now, and the height recorded for its place: Excel's Data › Sort moves values, not row
    heights. Rows the record does not list, and a sheet from before it, have the height ita-xl
    writes for their text."""
    heights = tracking_sheet(sheet, rows, sheet.thai).heights
    found = {old: (heights[new],) for old, new in row_moves(grid, rows).items() if new in heights}
    entries, every_row = _record(grid)
    at_row = dict(zip(placed(entries), entries, strict=True)) if every_row else {}
    by_key, seen = _written_of(grid), Counter[str]()
    for row in rows:
        key = record_key(row.line)
        mine, n = by_key.get(key, []), seen[key]
        seen[key] += 1
        there = at_row.get(row.row)
        recorded = (mine[n].height if n < len(mine) else None, there.height if there else None)
        if any(h is not None for h in recorded):
            found[row.row] = tuple(h for h in recorded if h is not None)
    return found


def height_pixels(points: float) -> int:
    """A row height in the whole pixels Excel keeps (0.75 point each at 96 dpi), to the nearest
    pixel as Excel saves a height typed in points (XlsxWriter, which writes Excel's files:
    ``set_row`` stores int(height * 4 / 3 + 0.5) pixels): two heights Excel keeps alike are the
    same height."""
    return int(points / PIXEL_POINTS + 0.5)


def written_height(height: float, written: Collection[float]) -> bool:
    """Whether a row's ``height`` is one ita-xl may have written on it (``written``: its entry in
    ``written_heights``), compared in the whole pixels Excel keeps (``height_pixels``). The one
    rule of both refreshes: a file keeps a height that is not (staff set it, ``ita_xl.xlsx.carry``);
    a live book, which cannot read heights, sets ita-xl's new height only where it is not
    (``ita_xl.live.progress``)."""
    return height_pixels(height) in {height_pixels(h) for h in written}


def _short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_WRITTEN_DIGITS]


def record_key(line: MeasureLine) -> str:
    """A row's name in the record (``written``): its measure id, or for a row without one (or
    with other text in the id column, such as a footnote) ``~`` and a digest of what it is
    matched by (``MeasureLine.match``), which may hold any character."""
    return line.key if MEASURE_ID.match(line.key) else "~" + _short(line.match)


def written(rows: Sequence[TrackedRow], heights: Mapping[int, float]) -> str:
    """The record of what ita-xl writes on each row, in the rows' order from ``HEADER_ROW`` + 1:
    the row's name (``record_key``), a short digest of each grey column after the id
    (``FIXED[1:]``), the row's height and, for a row below the table, ``+`` and the blank rows
    above it."""
    parts = []
    for row, at in zip(rows, placed(rows), strict=True):
        digests = "".join(_short(getattr(row.line, name)) for name in FIXED[1:])
        gap = f"+{row.gap}" if row.gap else ""
        parts.append(f"{record_key(row.line)}={digests}@{heights.get(at, 0):g}{gap}")
    return WRITTEN_PREFIX + ";".join(parts)


@dataclass(frozen=True)
class _Entry:
    """One row of the record ``written`` left: its name, grey cells' digests and height."""

    key: str
    digests: tuple[str, ...]
    height: float | None
    gap: int = 0


def _record(grid: Sequence[Sequence[Any]]) -> tuple[list[_Entry], bool]:
    """The record ``written`` left in the sheet, in its rows' order, and whether it lists every
    row (a record of version 1 listed only the rows with an id, so its order is not the rows');
    empty for a sheet without one."""
    stored = _text(_cell(grid, *DIGEST_CELL))
    prefix = next((p for p in (WRITTEN_PREFIX, _WRITTEN_PREFIX_1) if stored.startswith(p)), None)
    if prefix is None:
        return [], False
    entries, n = [], _WRITTEN_DIGITS
    for part in filter(None, stored[len(prefix) :].split(";")):
        key, _, rest = part.partition("=")
        digests, _, height = rest.partition("@")
        height, _, gap = height.partition("+")
        try:
            written_height: float | None = float(height)
        except ValueError:
            written_height = None
        cells = tuple(digests[i : i + n] for i in range(0, len(digests), n))
        entries.append(_Entry(key, cells, written_height, int(gap) if gap.isdigit() else 0))
    return entries, prefix == WRITTEN_PREFIX


def recorded_ids(grid: Sequence[Sequence[Any]]) -> frozenset[str]:
    """The measure ids the sheet's record (``written``) lists: rows ita-xl wrote for a measure."""
    return frozenset(entry.key for entry in _record(grid)[0] if not entry.key.startswith("~"))


def _written_of(grid: Sequence[Sequence[Any]]) -> dict[str, list[_Entry]]:
    """The record ``written`` left in the sheet, by row name (``record_key``), each name's rows
    in order."""
    found: dict[str, list[_Entry]] = {}
    for entry in _record(grid)[0]:
        found.setdefault(entry.key, []).append(entry)
    return found


def check_year(sheet: MeasuresSheet, measures: MeasuresSheet, advice: str) -> None:
    """Stop a refresh where the tracking sheet (``read_tracking``'s ``sheet``) follows the measures
    of another fiscal year than ``measures``: what staff typed would go against other measures.
    ``advice``: the Thai of what to do instead, as the adapter offers it (a new file, a new book)."""
    if sheet.year != measures.year:
        values = {"sheet": TRACKING, "year": sheet.year, "measures": MEASURES, "measures_year": measures.year}
        raise ItaError(
            say("tracking.other_year", **values, advice=advice),
            f"the tracking sheet is for FY{sheet.year}, the measures for FY{measures.year}: not refreshing",
        )


def check_measure_columns(
    grid: Sequence[Sequence[Any]], measures: MeasuresSheet, existing: Sequence[TrackedRow]
) -> None:
    """Stop before a refresh overwrites a grey cell staff typed over.

    A kept row of a measure still on the measures sheet (matched by its id, or by its text for
    a measure without one) gets its grey columns anew from there. A cell whose text differs both
    from what ita-xl wrote there (``written``) and from what it would write now holds staff's own
    words: raise ItaError naming it. A sheet from before the record (none in ``DIGEST_CELL``), or
    a row it does not list, cannot tell, and is refreshed as before.
    """
    record = _written_of(grid)
    current = {line.match: line for line in measures.lines}
    # a sheet in the previous layout has no number column to type over (read once, not per row)
    numbered = bool(existing) and _layout(grid)[1] == COLUMNS
    for row in existing:
        entries = record.get(record_key(row.line))
        digests = entries[0].digests if entries else ()
        if row.line.match not in current or len(digests) != len(FIXED) - 1:
            continue
        for name, digest in zip(FIXED[1:], digests, strict=True):
            typed, new = getattr(row.line, name), getattr(current[row.line.match], name)
            if typed != new and _short(typed) != digest:
                _typed_over(name, row.row)
        number, new = row.line.number, measure_number(current[row.line.match].measure)
        if numbered and number not in (new, measure_number(row.line.measure)):
            _typed_over("number", row.row)  # ita-xl writes the number of the measure's text


def _typed_over(name: str, row: int) -> None:
    where = f"{TRACKING}!{col(name)}{row}"
    th = say("tracking.typed_over", where=where, column=_title(name), sheet=MEASURES)
    raise ItaError(th, f"{where} was typed over; a refresh would replace it from {MEASURES!r}")


# --------------------------------------------------------------------------- the sheet described


def tracking_sheet(measures: MeasuresSheet, rows: Sequence[TrackedRow], thai: bool) -> SheetSpec:
    """The tracking sheet: grey columns from the measures, white columns for the staff."""
    b = _Builder(_WIDTHS, thai, print_columns=PRINTED)
    b.line(say("tracking.title", year=measures.year), "title")
    b.line(measures.place, "subtitle")
    b.line(say("tracking.how"), "note", gap=1)
    header = HEADERS["tracking"]
    table = next((n for n, row in enumerate(rows) if row.gap), len(rows))
    values = [_row_values(row) for row in rows[:table]]
    top = b.row
    assert top == HEADER_ROW, "row_moves places the rows below HEADER_ROW"
    for c, (title, name) in enumerate(zip(header, COLUMNS, strict=True), start=1):
        b.row = top
        b.put([[title]], "header_center" if name in _CENTRED else "header", col=c)
        if values:
            b.row = top + 1
            b.put([[v[c - 1]] for v in values], _style(name), col=c)
    last = top + len(values)
    b.box(top, last, PRINTED)  # the id, outside the print area, unboxed as on the measures sheet
    _put_below(b, rows[table:], placed(rows)[table:])
    b.row = last + 1
    spare = last + SPARE_ROWS
    lists = tuple(
        Validation(f"{col(name)}{top + 1}:{col(name)}{spare}", options, _title(name), _prompt(options))
        for name, options in (("status", PROGRESS_STATUSES), ("round", PROGRESS_ROUNDS))
    )
    spec = b.spec(TRACKING, print_title_rows=f"{top}:{top}", landscape=True, validations=lists)
    stamp = Block(*DIGEST_CELL, ((written(rows, spec.heights),),), "marker")
    return replace(spec, blocks=(*spec.blocks, stamp))


def _put_below(b: _Builder, rows: Sequence[TrackedRow], at: Sequence[int]) -> None:
    """Rows below the table (staff's), each on its row: a line in column A alone (a footnote)
    across the table's width, as ita-xl writes its own lines; other rows cell by cell."""
    for row, r in zip(rows, at, strict=True):
        b.row = r
        values = _row_values(row)
        if not any(_text(v) for v in values[1:]):
            b.put([[values[0]]], "cell", span=PRINTED)
            continue
        for c, value in enumerate(values, start=1):
            b.row = r
            b.put([[value]], "cell", col=c)


def _title(name: str) -> str:
    return HEADERS["tracking"][COLUMNS.index(name)]


def _either(options: Sequence[str]) -> str:
    """The options as Thai lists them for a choice: "ก ข หรือ ค"."""
    return say("tracking.options", items=" ".join(options[:-1]), last=options[-1])


def _prompt(options: Sequence[str]) -> str:
    return say("tracking.prompt", options=_either(options))


def _row_values(row: TrackedRow) -> list[Any]:
    line = row.line
    # Copied exactly as the measures sheet (or the user) wrote them: no digits converted.
    number = Typed(line.number or measure_number(line.measure))
    fixed = [number, *(Typed(getattr(line, name)) for name in FIXED[1:])]
    typed = [_as_typed(row.value(name)) for name in INPUTS]
    return [*fixed, *typed, row.note, Code(line.key)]


def _as_typed(value: Any) -> Any:
    """A typed value as written back: text exactly as typed (never turned into Thai digits)."""
    return Typed(value) if isinstance(value, str) else value


def _style(name: str) -> str:
    if name in (*FIXED, "number"):
        return "readonly"
    if name == "date":  # a date format: Excel serials show as dates, typed text is unaffected
        return "date"
    return "center" if name in _CENTRED else "cell"


# --------------------------------------------------------------------------- dates and rules

_THAI_MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
_NUMERIC_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS_DATE = re.compile(r"^(\d{1,2})\s*(\S+?)\s*(\d{2,4})$")


def _year(text: str) -> int:
    """A typed year as the Common Era: 2569 and 69 are Buddhist era (staff write so), 2026 is not."""
    year = int(text)
    if year < 100:
        year += 2500
    return year - 543 if year > 2400 else year


def _month(word: str) -> int | None:
    word = word.replace(" ", "")
    for n, (full, short) in enumerate(zip(THAI_MONTHS, _THAI_MONTHS_SHORT, strict=True), start=1):
        if word in (full, short, short.replace(".", "")):
            return n
    return None


def as_date(value: Any) -> datetime.date | None:
    """A typed date: a date cell, an Excel serial number, or Thai text (``15 มี.ค. 2569``,
    ``15/3/2569``, ``๑๕ มีนาคม ๒๕๖๙``); None when it cannot be read."""
    if isinstance(value, datetime.date | int | float) and not isinstance(value, bool):
        return _date_cell(value)
    text = from_thai_digits(_text(value))
    try:
        if match := _ISO_DATE.match(text):  # 2569-03-15 is Buddhist era too (year > 2400)
            return datetime.date(_year(match[1]), int(match[2]), int(match[3]))
        if match := _NUMERIC_DATE.match(text):
            return datetime.date(_year(match[3]), int(match[2]), int(match[1]))
        if (match := _WORDS_DATE.match(text)) and (month := _month(match[2])):
            return datetime.date(_year(match[3]), month, int(match[1]))
    except ValueError:
        return None
    return None


def _date_cell(value: datetime.date | float) -> datetime.date | None:
    """A date cell or serial number. Excel reads a typed 2569-03-15 as the year 2569 (it takes
    years up to 9999): a year after 2400 is the Buddhist era, as in typed text."""
    if isinstance(value, datetime.date):
        date = value.date() if isinstance(value, datetime.datetime) else value
    elif 1 <= value < 2958466:
        date = _EXCEL_EPOCH + datetime.timedelta(days=int(value))
    else:
        return None
    try:
        return date.replace(year=_year(str(date.year)))
    except ValueError:  # 29 February of a year that is a leap year only in one era
        return None


def fiscal_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of Buddhist-era fiscal year ``year`` (1 October – 30 September)."""
    return datetime.date(year - 544, 10, 1), datetime.date(year - 543, 9, 30)


def _warn(row: TrackedRow, name: str, th: str, en: str) -> Finding:
    cell = f"{col(name)}{row.row}"
    return Finding(WARNING, f"{TRACKING}!{cell}: {th}", en, TRACKING, cell)


def check_rows(rows: Sequence[TrackedRow], year: int) -> list[Finding]:
    """Warnings on what staff typed (rows as read, with their sheet rows)."""
    findings = []
    first, last = fiscal_bounds(year)
    for row in rows:
        for name, options in (("status", PROGRESS_STATUSES), ("round", PROGRESS_ROUNDS)):
            value = row.text(name)
            if value and (row.status if name == "status" else value) not in options:
                th = say(f"tracking.bad_{name}", value=value, options=_either(options))
                findings.append(_warn(row, name, th, f"{name} {value!r} is not in the list"))
        if row.status == PROGRESS_STATUSES[0]:
            findings.extend(
                _warn(row, name, say(f"tracking.done_without_{name}"), f"done without {name}")
                for name in ("result", "date")
                if not row.text(name)
            )
        if row.text("date"):
            findings.extend(_date_finding(row, first, last, year))
    return findings


def _date_finding(row: TrackedRow, first: datetime.date, last: datetime.date, year: int) -> list[Finding]:
    date = as_date(row.value("date"))
    if date is None:
        return [_warn(row, "date", say("tracking.bad_date", value=row.text("date")), "unreadable date")]
    if not first <= date <= last:
        days = {"date": thai_day(date), "first": thai_day(first), "last": thai_day(last)}
        th = say("tracking.date_outside", year=year, **days)
        return [_warn(row, "date", th, f"{date} is outside fiscal year {year}")]
    return []


def thai_day(date: datetime.date) -> str:
    """``15 มีนาคม 2569`` (Buddhist era)."""
    return f"{date.day} {THAI_MONTHS[date.month - 1]} {date.year + 543}"
