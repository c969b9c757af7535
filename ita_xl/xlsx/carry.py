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
Excel draws (``ita_xl.core.page.width_pixels``): otherwise the height ita-xl writes now, so a
row whose measure or result grew longer gets the height it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from copy import copy

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ita_xl.core.errors import ItaError
from ita_xl.core.page import PIXEL_POINTS, width_pixels
from ita_xl.core.sheets import SheetSpec
from ita_xl.core.wording import say


def uncarried(ws: Worksheet, moves: Mapping[int, int], sheet: str) -> None:
    """Stop where a link or a note sits on a row that is not kept (a blank row in the table, or
    below it): it has no row to go with. Raises ItaError naming the cell in Excel's form."""
    for (r, c), cell in ws._cells.items():
        if r in moves or (cell.hyperlink is None and cell.comment is None):
            continue
        where = f"{sheet}!{get_column_letter(c)}{r}"
        kind = "link" if cell.hyperlink is not None else "comment"
        raise ItaError(
            say(f"tracking.uncarried_{kind}", where=where, sheet=sheet),
            f"{where} holds a {kind} on a row the refresh does not keep: not refreshing",
        )


def carry(
    old: Worksheet, new: Worksheet, moves: Mapping[int, int], spec: SheetSpec, heights: Mapping[int, float]
) -> None:
    """Put on ``new`` (just written from ``spec``) what staff made on ``old``: cell styles, links
    and notes of each kept row at the row's new place, row heights and column widths staff set
    (``heights``: what ita-xl wrote on each old row), and the sheet's tab colour, frozen panes,
    zoom and conditional formats."""
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


def _carry_rows(
    old: Worksheet, new: Worksheet, moves: Mapping[int, int], heights: Mapping[int, float]
) -> None:
    for r, dim in old.row_dimensions.items():
        if r not in moves:
            continue
        target = new.row_dimensions[moves[r]]
        ours = heights.get(r)
        if dim.height is not None and (ours is None or abs(dim.height - ours) >= PIXEL_POINTS):
            target.height = dim.height
        if dim.hidden:
            target.hidden = True
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
    for dim in list(old.column_dimensions.values()):
        for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
            target = new.column_dimensions[get_column_letter(c)]
            ours = spec.widths[c - 1] if c <= len(spec.widths) else None
            if dim.customWidth and (ours is None or width_pixels(dim.width) != width_pixels(ours)):
                target.width = dim.width
            if dim.hidden:
                target.hidden = True


def _carry_sheet(old: Worksheet, new: Worksheet) -> None:
    if old.sheet_properties.tabColor is not None:
        new.sheet_properties.tabColor = copy(old.sheet_properties.tabColor)
    if old.freeze_panes:
        new.freeze_panes = old.freeze_panes
    if old.sheet_view.zoomScale:
        new.sheet_view.zoomScale = old.sheet_view.zoomScale
    for formats in old.conditional_formatting:  # at the same cells: staff format whole columns
        for rule in formats.rules:
            new.conditional_formatting.add(str(formats.sqref), rule)
