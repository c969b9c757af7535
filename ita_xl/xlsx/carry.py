"""What staff made on a sheet ita-xl rewrites, carried to the rewritten sheet (openpyxl).

The tracking sheet is written anew on every refresh (``ita_xl.xlsx.progress.track``), and its
rows move: a new measure is put in its place, a removed one goes to the end. Staff format the
sheet as they work (a fill on a late measure, bold, a date or number format, a taller row, a
wider column, merged cells) and put links and notes on their cells. ``carry`` puts each of these
where the row it was on now is (``ita_xl.core.tracking.row_moves``: old row → new row, matched by
the measure's id), so the refreshed sheet looks as staff left it. ``uncarried`` names what has no
row to go with, before anything is written.

A cell's style is carried whole but for its protection (whether a cell is locked is ita-xl's
rule, not a look). A row height or a column width is carried where it differs from what ita-xl
wrote on that row (``ita_xl.core.tracking.written_heights``) or for that column, in the pixels
Excel keeps (``ita_xl.core.tracking.written_height``, ``ita_xl.core.page.width_pixels``): otherwise
the height ita-xl writes now, so a row whose measure or result grew longer gets the height it
needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import copy, deepcopy

from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.core.errors import ItaError
from ita_xl.core.page import width_pixels
from ita_xl.core.sheets import SheetSpec
from ita_xl.core.tracking import HEADER_ROW, written_height
from ita_xl.core.wording import say

#: Excel's last row (a range from row 1 to it is a whole column).
MAX_ROW = 1_048_576


def uncarried(ws: Worksheet, moves: Mapping[int, int], sheet: str) -> None:
    """Stop where a link or a note sits on a row that is not kept (a blank row in the table, or
    below it), or a filter or a table starts on one: it has no row to go with. Raises ItaError
    naming the cell or range in Excel's form."""
    for (r, c), cell in ws._cells.items():
        if r in moves or (cell.hyperlink is None and cell.comment is None):
            continue
        where = f"{sheet}!{get_column_letter(c)}{r}"
        kind = "link" if cell.hyperlink is not None else "comment"
        raise ItaError(
            say(f"tracking.uncarried_{kind}", where=where, sheet=sheet),
            f"{where} holds a {kind} on a row the refresh does not keep: not refreshing",
        )
    blocks = [ws.auto_filter.ref] if ws.auto_filter.ref else []
    for ref in [*blocks, *(table.ref for table in ws.tables.values())]:
        first = CellRange(ref).min_row
        if first not in moves:  # its first (heading) row is not kept: no place to start it at
            where = f"{sheet}!{ref}"
            raise ItaError(
                say("tracking.uncarried_block", where=where, sheet=sheet),
                f"the filter or table at {where} starts on a row the refresh does not keep: not refreshing",
            )


class Rows:
    """Where the rows of the sheet as it was go: a kept row with its measure (``moves``), a row
    below the table (``old_last``) by as many rows as the table grew (to ``new_last``), a blank
    row inside the table nowhere. A new row of the table (no old row goes there) lying between
    the places of a range's rows, or after them when the range reached the table's last row, is
    in the range: a measure added inside a formatted block is formatted alike."""

    def __init__(self, moves: Mapping[int, int], old_last: int, new_last: int) -> None:
        self.moves, self.old_last, self.new_last = moves, old_last, new_last
        self.taken = set(moves.values())

    def place(self, row: int) -> int | None:
        if row in self.moves:
            return self.moves[row]
        return row - self.old_last + self.new_last if row > self.old_last else None

    def of(self, first: int, last: int) -> list[int]:
        """The new rows of old rows ``first``..``last``, ascending."""
        rows = {p for r in range(first, last + 1) if (p := self.place(r)) is not None}
        if not rows:
            return []
        top = max(rows) if last < self.old_last else max(max(rows), self.new_last)
        return sorted(rows | {r for r in range(min(rows), top + 1) if r not in self.taken and r > HEADER_ROW})

    def runs(self, ref: str) -> list[CellRange] | None:
        """A range moved: one range per run of consecutive new rows; None for a whole column
        (left as it is) or what is not a range of cells."""
        try:
            cells = CellRange(ref)
        except (TypeError, ValueError):
            return None
        if cells.min_row == 1 and cells.max_row >= MAX_ROW:
            return None
        found: list[CellRange] = []
        for r in self.of(cells.min_row, cells.max_row):
            if found and found[-1].max_row == r - 1:
                found[-1].expand(down=1)
            else:
                found.append(CellRange(min_col=cells.min_col, min_row=r, max_col=cells.max_col, max_row=r))
        return found


def carry(
    old: Worksheet,
    new: Worksheet,
    rows: Rows,
    spec: SheetSpec,
    heights: Mapping[int, tuple[float, ...]],
) -> None:
    """Put on ``new`` (just written from ``spec``) what staff made on ``old``: cell styles, links
    and notes of each kept row at the row's new place (``rows``), row heights, outline levels and
    column widths staff set (``heights``: the heights ita-xl may have written on each old row),
    the sheet's tab colour, frozen panes, zoom and print gridlines, and the conditional formats,
    drop-down lists, AutoFilter and tables staff added, on the rows they were on."""
    moves = rows.moves
    for (r, c), cell in old._cells.items():
        if r not in moves:
            continue
        target = new.cell(moves[r], c)
        if cell.has_style:
            style = copy(cell._style)
            style.protectionId = target._style.protectionId
            target._style = style
        if cell.hyperlink is not None:
            link = copy(cell.hyperlink)
            link.ref = target.coordinate
            target._hyperlink = link  # not ``hyperlink =``: it would write the link into an empty cell
        if cell.comment is not None:
            target.comment = cell.comment  # openpyxl copies a note bound to another cell
    _carry_merges(old, new, moves)
    _carry_rows(old, new, moves, heights)
    _carry_columns(old, new, spec)
    _carry_sheet(old, new)
    _carry_formats(old, new, rows)
    _carry_validations(old, new, rows)
    _carry_filter_and_tables(old, new, rows)


def _carry_rows(
    old: Worksheet, new: Worksheet, moves: Mapping[int, int], heights: Mapping[int, tuple[float, ...]]
) -> None:
    for r, dim in old.row_dimensions.items():
        if r not in moves:
            continue
        target = new.row_dimensions[moves[r]]
        if dim.height is not None and not written_height(dim.height, heights.get(r, ())):
            target.height = dim.height
        if dim.hidden:
            target.hidden = True
        if dim.outline_level:  # Data › Group
            target.outline_level, target.collapsed = dim.outline_level, dim.collapsed
        if dim.customFormat:  # a whole row formatted: cells typed in later take its style
            target._style = copy(dim._style)


def _carry_merges(old: Worksheet, new: Worksheet, moves: Mapping[int, int]) -> None:
    """Cells staff merged on kept rows, merged again where the rows are now (rows that moved
    apart, or a merge over a row not kept, are left unmerged: their values are all kept)."""
    have = {str(merged) for merged in new.merged_cells.ranges}
    for merged in list(old.merged_cells.ranges):
        rows = range(merged.min_row, merged.max_row + 1)
        first = moves.get(merged.min_row)
        if first is None or [moves.get(r) for r in rows] != list(range(first, first + len(rows))):
            continue
        last = first + len(rows) - 1
        ref = f"{get_column_letter(merged.min_col)}{first}:{get_column_letter(merged.max_col)}{last}"
        if ref not in have:
            new.merge_cells(ref)


def _carry_columns(old: Worksheet, new: Worksheet, spec: SheetSpec) -> None:
    """Widths staff set, hidden columns and column groups. A dimension past ita-xl's columns
    (``spec.widths``) is copied as the one range it is: Excel saves hidden columns O:XFD as one
    ``<col min="15" max="16384">``."""
    ours = len(spec.widths)
    for dim in list(old.column_dimensions.values()):
        first, last = dim.min or 1, dim.max or dim.min or 1
        for c in range(first, min(last, ours) + 1):
            target = new.column_dimensions[get_column_letter(c)]
            if dim.customWidth and width_pixels(dim.width) != width_pixels(spec.widths[c - 1]):
                target.width = dim.width
            _carry_column_look(dim, target)
        if last > ours:
            start = max(first, ours + 1)
            target = new.column_dimensions[get_column_letter(start)]
            target.min, target.max = start, last
            if dim.customWidth:
                target.width = dim.width
            _carry_column_look(dim, target)


def _carry_column_look(dim: ColumnDimension, target: ColumnDimension) -> None:
    if dim.hidden:
        target.hidden = True
    if dim.outline_level:  # Data › Group
        target.outline_level, target.collapsed = dim.outline_level, dim.collapsed


def _carry_sheet(old: Worksheet, new: Worksheet) -> None:
    if old.sheet_properties.tabColor is not None:
        new.sheet_properties.tabColor = copy(old.sheet_properties.tabColor)
    if old.freeze_panes:
        new.freeze_panes = old.freeze_panes
    if old.sheet_view.zoomScale:
        new.sheet_view.zoomScale = old.sheet_view.zoomScale
    if old.print_options.gridLines:  # Page Layout › Gridlines › Print
        new.print_options.gridLines = new.print_options.gridLinesSet = True
    new.sheet_properties.outlinePr = copy(old.sheet_properties.outlinePr)


def _moved_formula(formula: str, origin: str, target: str) -> str:
    """A rule's formula, written for the range's first cell, for a range now at ``target``:
    relative references move with it, as Excel moves them when rows are cut and inserted."""
    return Translator("=" + formula, origin=origin).translate_formula(target)[1:]


def _carry_formats(old: Worksheet, new: Worksheet, rows: Rows) -> None:
    """Conditional formats on the rows they were on: a whole column stays as it is."""
    for formats in old.conditional_formatting:
        origin = next(iter(formats.sqref.ranges)).coord.split(":")[0]
        for ref in formats.sqref.ranges:
            runs = rows.runs(ref.coord)
            for where in [ref] if runs is None else runs:
                for rule in formats.rules:
                    moved = copy(rule)
                    start = where.coord.split(":")[0]
                    moved.formula = [_moved_formula(f, origin, start) for f in rule.formula or ()]
                    new.conditional_formatting.add(where.coord, moved)


def _carry_validations(old: Worksheet, new: Worksheet, rows: Rows) -> None:
    """Drop-down lists and other validations staff added, on the rows they were on (ita-xl's own
    lists, the status and round, are written anew)."""
    ours = {(dv.type, dv.formula1) for dv in new.data_validations.dataValidation}
    for dv in old.data_validations.dataValidation:
        if (dv.type, dv.formula1) in ours:
            continue
        origin = next(iter(dv.sqref.ranges)).coord.split(":")[0]
        found = []
        for ref in dv.sqref.ranges:
            runs = rows.runs(ref.coord)
            found.extend([ref] if runs is None else runs)
        if not found:
            continue
        moved = copy(dv)
        start = found[0].coord.split(":")[0]
        for name in ("formula1", "formula2"):
            if getattr(dv, name) and not getattr(dv, name).startswith('"'):
                setattr(moved, name, _moved_formula(getattr(dv, name), origin, start))
        moved.sqref = MultiCellRange(" ".join(r.coord for r in found))
        new.add_data_validation(moved)


def _span(rows: Rows, ref: str) -> str | None:
    """A range that must stay one block (an AutoFilter, a table): from where its first row went
    to where its last went."""
    cells = CellRange(ref)
    placed = rows.of(cells.min_row, cells.max_row)
    if not placed or rows.place(cells.min_row) != placed[0]:
        return None
    return CellRange(
        min_col=cells.min_col, min_row=placed[0], max_col=cells.max_col, max_row=placed[-1]
    ).coord


def _carry_filter_and_tables(old: Worksheet, new: Worksheet, rows: Rows) -> None:
    if old.auto_filter.ref and (ref := _span(rows, old.auto_filter.ref)):
        new.auto_filter = deepcopy(old.auto_filter)
        new.auto_filter.ref = ref
    for table in old.tables.values():
        ref = _span(rows, table.ref)
        if ref is None:
            continue
        moved = deepcopy(table)
        moved.ref = ref
        if moved.autoFilter is not None:
            moved.autoFilter.ref = ref
        new.add_table(moved)
