"""Column widths as Excel draws them (``ita_xl.core.page.width_pixels``, which ``ita_xl.xlsx.carry``
uses), against ECMA-376 Part 1
§18.3.1.13 (col): pixels = Truncate(((256 * width + Truncate(128 / MDW)) / 256) * MDW), and its
worked example for Calibri 11 (maximum digit width 7 pixels): 8.43 characters are stored as
width 9.140625 (Truncate([8.43 * 7 + 5] / 7 * 256) / 256) and drawn 64 pixels wide (8.43 * 7 + 5).
The refresh of the tracking sheet keeps a width staff set, and only one that Excel draws
differently from ita-xl's: these cases are what "differently" means.
"""

from __future__ import annotations

import pytest

from ita_xl.xlsx.carry import width_pixels


@pytest.mark.parametrize(
    ("width", "pixels"),
    [
        (9.140625, 64),  # the standard's own example: 8.43 characters
        (10, 70),  # ita-xl's รหัส column as openpyxl stores it (9.29 characters in Excel)
        (45.7109375, 320),  # 45 characters typed in Excel's Column Width box: 45 * 7 + 5
        (0, 0),
    ],
)
def test_widths_in_pixels_as_excel_draws_them(width, pixels):
    assert width_pixels(width) == pixels


def test_widths_excel_draws_alike_are_the_same_and_a_pixel_apart_are_not():
    assert width_pixels(10) == width_pixels(10.05)  # stored with other decimals, drawn alike
    assert width_pixels(10) != width_pixels(10 + 1 / 7)  # one pixel wider: staff widened it


# --------------------------------------------------------------------------- carry itself, on small sheets
# A kept row moves with its measure (``moves``: old row → new row); what staff put on a row goes
# with it. Conditional formats: ECMA-376 Part 1 §18.3.1.18 (conditionalFormatting ``sqref``) and
# §18.3.1.10 (cfRule ``formula``, whose relative references are "relative to the top left cell
# of the range", as in Excel's "Use a formula to determine which cells to format").


def _sheets(rows=(6, 7, 8)):
    """A sheet as staff left it (values on ``rows``), and an empty one to write to."""
    from openpyxl import Workbook

    wb = Workbook()
    old = wb.active
    for r in rows:
        old.cell(r, 1, f"M-{r}")
    return wb, old, wb.create_sheet("new")


def _spec():
    from ita_xl.core.tracking import MeasureLine, MeasuresSheet, TrackedRow, tracking_sheet

    line = MeasureLine("M-a", "", "1. มาตรการ", "", "", "")
    return tracking_sheet(MeasuresSheet(2569, "x", (line,)), [TrackedRow(line)], False)


def _formats(ws):
    return {str(cf.sqref): [r.formula for r in cf.rules] for cf in ws.conditional_formatting}


def test_a_conditional_format_goes_with_its_row_and_a_whole_column_stays():
    """Found by review: a format on one measure's row stayed on the row number, on another measure."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    from ita_xl.xlsx.carry import Rows, carry

    _, old, new = _sheets()
    red = PatternFill("solid", fgColor="FFC7CE")
    old.conditional_formatting.add("A7:N7", FormulaRule(formula=['$G7="ยังไม่ดำเนินการ"'], fill=red))
    old.conditional_formatting.add("G1:G1048576", FormulaRule(formula=['G1="ดำเนินการแล้ว"'], fill=red))
    carry(old, new, Rows({6: 7, 7: 6, 8: 8}, 8, 8), _spec(), {})
    assert _formats(new) == {"A6:N6": [['$G6="ยังไม่ดำเนินการ"']], "G1:G1048576": [['G1="ดำเนินการแล้ว"']]}


def test_staffs_filter_table_lists_groups_and_print_gridlines_are_kept():
    """Found by review: an AutoFilter, a table, staff's own drop-down, a row group and printed
    gridlines were all dropped by a refresh. A new measure (row 9) joins the table's end."""
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.table import Table

    from ita_xl.xlsx.carry import Rows, carry

    wb, old, new = _sheets()
    for c, title in enumerate(("รหัส", "ผล"), start=1):
        old.cell(5, c, title)
    old.auto_filter.ref = "A5:B8"
    old.add_table(Table(displayName="Tracking", ref="A5:B8"))
    mine = DataValidation(type="list", formula1='"กองคลัง,กองช่าง"')
    mine.add("B7:B8")
    old.add_data_validation(mine)
    old.row_dimensions.group(7, 8, outline_level=1)
    old.print_options.gridLines = True
    wb.remove(old)  # the refresh deletes the old sheet before writing the new one
    carry(old, new, Rows({r: r for r in range(1, 9)} | {7: 6, 6: 7}, 8, 9), _spec(), {})
    assert new.auto_filter.ref == "A5:B9" and new.tables["Tracking"].ref == "A5:B9"
    assert [(str(dv.sqref), dv.formula1) for dv in new.data_validations.dataValidation] == [
        ("B6 B8:B9", '"กองคลัง,กองช่าง"')  # rows 7 and 8 went to 6 and 8; 9 is the new row after them
    ]
    assert [r for r in range(1, 10) if new.row_dimensions[r].outline_level] == [6, 8]
    assert new.print_options.gridLines


def test_hidden_columns_past_the_table_stay_one_range():
    """Excel hides P:XFD (a form's look) as one ``<col min="16" max="16384">``; found by review:
    the refresh wrote 16,370 ``<col>`` elements, one per column."""
    import io
    import zipfile

    from ita_xl.xlsx.carry import Rows, carry

    wb, old, new = _sheets()
    old.column_dimensions.group("P", "XFD", hidden=True)  # past the table (A:O since review 8, item 7)
    carry(old, new, Rows({6: 6}, 6, 6), _spec(), {})
    wb.remove(old)
    saved = io.BytesIO()
    wb.save(saved)
    xml = zipfile.ZipFile(saved).read("xl/worksheets/sheet1.xml").decode()
    assert xml.count("<col ") <= len(_spec().widths) + 1
    [col] = [c for c in xml.split("<col ")[1:] if 'min="16"' in c]
    assert 'max="16384"' in col and 'hidden="1"' in col


@pytest.mark.parametrize(
    ("points", "pixels"),
    [
        (148, 197),  # 197.33 px: XlsxWriter's set_row (Excel's files) stores int(148 * 4 / 3 + 0.5)
        (147.75, 197),  # as Excel saves it back
        (28, 37),  # ita-xl's one-line row
        (28.5, 38),  # a pixel taller: staff's
    ],
)
def test_row_heights_in_the_whole_pixels_excel_keeps(points, pixels):
    from ita_xl.core.tracking import height_pixels

    assert height_pixels(points) == pixels


def test_a_filter_starting_on_a_row_that_is_not_kept_stops_the_refresh():
    """What cannot go with a row is refused before anything is written, naming the range."""
    from ita_xl.core.errors import ItaError
    from ita_xl.xlsx.carry import uncarried

    _, old, _ = _sheets()
    old.auto_filter.ref = "A9:B12"  # below the table: row 9 is not kept
    with pytest.raises(ItaError, match="ติดตามมาตรการ!A9:B12"):
        uncarried(old, {r: r for r in range(1, 9)}, "ติดตามมาตรการ")
    uncarried(old, {r: r for r in range(1, 10)}, "ติดตามมาตรการ")  # kept: nothing to refuse
