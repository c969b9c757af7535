"""The file target: every cell of every sample's generated sheets looks as its description asks.

The renderer registers one named style per ``STYLES`` entry (with and without the tables'
borders) and gives each cell one of them; cells merged away get only the borders. These
tests read the saved file back with openpyxl and check, cell by cell, the value, font, fill,
alignment, number format and borders against the sheet description (``SheetSpec``), the
merged ranges' first cells included, so the speed-up cannot change what a unit prints.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font, NamedStyle
from openpyxl.utils.cell import range_boundaries

from ita_xl.build.workbooks import WORKBOOKS
from ita_xl.core.samples import SAMPLE_FILES
from ita_xl.core.sheets import STYLES, SheetSpec
from ita_xl.xlsx.render import style_name
from ita_xl.xlsx.workbook import generate_workbook

GENERATING = ["000", "001", "002", "003", "004"]


def generated(source: Path):
    wb = load_workbook(source)
    outcome = generate_workbook(wb)
    assert outcome.ok
    buffer = io.BytesIO()
    wb.save(buffer)
    return outcome.specs, load_workbook(io.BytesIO(buffer.getvalue())), wb


@pytest.mark.parametrize("seed", GENERATING)
def test_printed_sheets_number_their_pages_and_the_checks_sheet_is_not_set_up(seed):
    """Excel's footer codes &P (page) and &N (pages), ECMA-376 Part 1 §18.3.1.36."""
    specs, back, _ = generated(WORKBOOKS / "samples" / SAMPLE_FILES[seed])
    for spec in specs:
        footer = back[spec.name].oddFooter.center.text
        assert footer == ("หน้า &P จาก &N" if spec.printed else None), spec.name


def boxed_cells(spec: SheetSpec) -> set[tuple[int, int]]:
    cells = set()
    for box in spec.boxes:
        min_col, min_row, max_col, max_row = range_boundaries(box)
        cells |= {(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)}
    return cells


def assert_looks_as_described(cell, style: str) -> None:
    props = STYLES[style]
    where = f"{cell.coordinate} ({style})"
    assert (cell.font.name, cell.font.sz) == (props["font"], props["size"]), where
    assert bool(cell.font.b) == props.get("bold", False), where
    assert bool(cell.font.i) == props.get("italic", False), where
    color = cell.font.color.rgb if cell.font.color is not None else None
    assert (color or "")[-6:] == (props.get("color") or ""), where
    if "fill" in props:
        assert (cell.fill.fill_type, cell.fill.fgColor.rgb[-6:]) == ("solid", props["fill"]), where
    else:
        assert cell.fill.fill_type is None, where
    alignment = cell.alignment
    assert alignment.horizontal == props.get("align"), where
    assert alignment.vertical == props.get("valign", "center"), where
    assert bool(alignment.wrap_text) == props.get("wrap", False), where
    assert cell.number_format == props.get("number_format", "General"), where


def thin_all_round(cell) -> bool:
    return all(getattr(cell.border, side).style == "thin" for side in ("left", "right", "top", "bottom"))


def no_border(cell) -> bool:
    sides = [getattr(cell.border, side) for side in ("left", "right", "top", "bottom")]
    return all(side is None or side.style is None for side in sides)


@pytest.mark.parametrize("seed", GENERATING)
def test_every_cell_of_every_sample_looks_as_its_description_asks(seed):
    specs, wb, written = generated(WORKBOOKS / "samples" / SAMPLE_FILES[seed])
    for spec in specs:
        ws = wb[spec.name]
        boxed = boxed_cells(spec)
        merged = {str(r) for r in ws.merged_cells.ranges}
        described = set()
        for block in spec.blocks:
            for r, row in enumerate(block.values, start=block.row):
                for c, value in enumerate(row, start=block.col):
                    cell = ws.cell(r, c)
                    assert cell.value == value, cell.coordinate
                    assert_looks_as_described(cell, block.style)
                    assert thin_all_round(cell) if (r, c) in boxed else no_border(cell), cell.coordinate
                    described.add((r, c))
                    if block.span > 1:
                        last = ws.cell(r, c + block.span - 1).coordinate
                        assert f"{cell.coordinate}:{last}" in merged
                        for away in range(c + 1, c + block.span):
                            described.add((r, away))
                            # Checked as written: on reading, openpyxl re-creates merged-away
                            # cells and gives them only the first cell's outer borders.
                            hidden = written[spec.name].cell(r, away)
                            assert thin_all_round(hidden) if (r, away) in boxed else no_border(hidden)
        assert len(merged) == sum(len(b.values) for b in spec.blocks if b.span > 1)
        for r, c in boxed - described:  # a table's empty cells: borders, nothing else
            assert ws.cell(r, c).value is None and thin_all_round(ws.cell(r, c))


def test_styles_are_shared_and_a_rerun_adds_none(tmp_path):
    specs, wb, _ = generated(WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    ours = sorted(name for name in wb.named_styles if name.startswith("ita-xl "))
    used = {(b.style, False) for s in specs for b in s.blocks} | {("box", True)}
    assert len(ours) <= 2 * len(used)
    assert style_name("cell", True) in ours
    assert generate_workbook(wb).ok  # the rerun replaces its sheets and reuses the styles
    assert sorted(n for n in wb.named_styles if n.startswith("ita-xl ")) == ours


def test_a_stale_style_of_the_same_name_is_brought_up_to_date():
    wb = load_workbook(WORKBOOKS / "samples" / SAMPLE_FILES["004"])
    stale = NamedStyle(style_name("cell", True))
    stale.font = Font(name="Arial", size=9)
    wb.add_named_style(stale)
    specs = generate_workbook(wb).specs
    buffer = io.BytesIO()
    wb.save(buffer)
    ws = load_workbook(io.BytesIO(buffer.getvalue()))[specs[1].name]
    header_row = next(b for b in specs[1].blocks if b.style == "cell" and b.row > 3)
    assert_looks_as_described(ws.cell(header_row.row, header_row.col), "cell")


# --------------------------------------------------------------------------- printed pages
# The analysis holds several tables, so its pages are laid out by ita_xl.core.page: manual row
# breaks (ECMA-376 Part 1 §18.3.1.74 rowBreaks; §18.3.1.3 brk: zero-based ``id``, the break
# above that row, ``man`` a manual break), a fixed print scale (§18.3.1.63 pageSetup ``scale``;
# with ``fitToPage`` set the scale would be overridden, §18.3.1.65 pageSetUpPr), no heading as
# the last row of a page, a table's heading row repeated after a break inside the table.

LONG_ITEM = (
    "การประเมินใช้ข้อมูลจากแบบวัดที่หน่วยงานตอบในระบบ ITAS ของสำนักงาน ป.ป.ช. ซึ่งผลบางส่วนขึ้นอยู่กับจำนวน"
    "ผู้ตอบแบบวัดและช่วงเวลาที่ตอบ จึงควรใช้ผลประกอบกับข้อมูลอื่นของหน่วยงานในการวางแผนปรับปรุงการดำเนินงาน"
)


def _long(seed: str):
    """The sample with every limitation and recommendation filled with a long item."""
    from ita_xl.core.framework import load_framework
    from ita_xl.core.layout import UNIT, Layout
    from ita_xl.core.samples import SAMPLES
    from ita_xl.xlsx.template import sample_workbook

    wb = sample_workbook(seed)
    layout = Layout(load_framework(SAMPLES[seed].fiscal_year))
    for n, cell in enumerate(layout.limitation_cells + layout.recommendation_cells, start=1):
        wb[UNIT][cell] = f"{LONG_ITEM} ({n})"
    return wb


def _analysis_file(seed: str, long: bool, tmp_path: Path):
    """(spec, sheet read back) of the analysis, written the way ``ita-xl generate`` writes a file."""
    from ita_xl.core.sheets import ANALYSIS
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import generate_file

    source = tmp_path / f"{seed}.xlsx"
    (_long(seed) if long else sample_workbook(seed)).save(source)
    outcome, written = generate_file(source, tmp_path / f"{seed}_ITA.xlsx")
    assert outcome.ok and written is not None
    spec = next(s for s in outcome.specs if s.name == ANALYSIS)
    return spec, load_workbook(written)[ANALYSIS]


def _style(ws, row: int) -> str:
    return ws.cell(row, 1).style.removeprefix("ita-xl ").removesuffix(" boxed").removesuffix("_thai")


@pytest.mark.parametrize("long", [False, True], ids=["short", "long"])
@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004", "2569"])
def test_the_analysis_pages_break_between_tables_never_after_a_heading(seed, long, tmp_path):
    from ita_xl.core import page

    spec, ws = _analysis_file(seed, long, tmp_path)
    breaks = [b.id + 1 for b in ws.row_breaks.brk]  # the first row of each page after the first
    assert breaks and all(b.man for b in ws.row_breaks.brk)
    assert breaks == list(spec.row_breaks)
    assert ws.page_setup.scale == spec.scale and not ws.sheet_properties.pageSetUpPr.fitToPage
    capacity = page.page_height(ws.page_setup.scale)
    last = int(ws.print_area[0].split("$")[-1]) if isinstance(ws.print_area, list) else ws.max_row
    for first, end in zip([1, *breaks], [*breaks, last + 1], strict=True):
        rows = range(first, end)
        height = sum(page.drawn_height(ws.row_dimensions[r].height) for r in rows)
        assert height <= capacity or len(rows) == 1, f"page from row {first} runs over"
        assert _style(ws, end - 1) not in ("band", "header", "header_center"), f"row {end - 1} ends a page"
    for row in breaks:
        _opens_with_its_heading(ws, row, spec.copied_rows)


def _shape(ws, row: int) -> tuple:
    """The row's cells as (first, last) columns, merged ranges as one: a table's rows share it."""
    merged = {r.min_col: r.max_col for r in ws.merged_cells.ranges if r.min_row == row}
    cols, col = [], 1
    while col <= 6:
        cols.append((col, merged.get(col, col)))
        col = merged.get(col, col) + 1
    return tuple(cols)


def _opens_with_its_heading(ws, row: int, copies: frozenset[int]) -> None:
    """A page that opens inside a table (its row shaped as the rows above it, up to a heading row
    of the same shape) opens with a copy of that heading row, one of the sheet's ``copies``."""
    shape, above = _shape(ws, row), row - 1
    while above > 1 and _shape(ws, above) == shape and not _style(ws, above).startswith("header"):
        above -= 1
    inside = _shape(ws, above) == shape and _style(ws, above).startswith("header")
    if not inside:
        return
    assert row in copies, f"the page from row {row} continues a table"
    assert [ws.cell(row, c).value for c in range(1, 7)] == [ws.cell(above, c).value for c in range(1, 7)]
