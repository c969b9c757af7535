"""How every printed sheet is set up: one rule for the template, the generated sheets and Excel.

A4 (the size of Thai official documents), one page wide and as many pages tall as needed,
centred, with narrow side margins so the Thai text columns keep their width. The openpyxl
adapter writes these into the file; the live-book adapter sets them through COM on desktop
Excel (the remote engine has no page-setup call).
"""

from __future__ import annotations

PAPER_A4 = 9  # xlPaperA4 in Excel's object model; openpyxl's PAPERSIZE_A4 is the same code
FIT_PAGES_WIDE = 1
FIT_PAGES_TALL = 0  # 0 (False in Excel's object model): as many as the content needs
CENTRED = True
SIDE_MARGIN_INCHES = 0.4
#: The footer of a generated sheet: its page number and the sheet's pages, in Excel's header and
#: footer codes (&P the page number, &N the number of pages: ECMA-376 Part 1 §18.3.1.36
#: headerFooter; Excel's "Header and footer codes").
FOOTER = "หน้า &P จาก &N"
