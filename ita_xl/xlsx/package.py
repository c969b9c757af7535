"""Read a workbook file's cell values without loading it whole: bounded, fast, as openpyxl reads them.

``openpyxl.load_workbook`` builds an object for every cell of every sheet: 100,000 history
rows take seconds. ``Book`` opens the file with openpyxl's read-only view (the workbook's
structure, shared strings and date styles, in milliseconds) and scans each worksheet part
once with a regular expression over its ``<c>`` elements (ECMA-376 Part 1, §18.3.1.4 c:
attribute ``r`` the cell reference, ``s`` the style index, ``t`` the type; child ``v`` the
value). Each cell's value is then made by openpyxl's own ``WorkSheetParser.parse_cell``, so a
value is exactly what ``load_workbook`` would give (numbers, shared and inline strings,
booleans, errors, dates by number format, formulas as ``=…`` text, shared formulas
translated). A sheet the expression cannot read safely (a namespace prefix, a cell without
``r``) is read by openpyxl's parser instead, slower and the same.
"""

from __future__ import annotations

import hashlib
import io
import operator
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.parsers import expat

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number

from ita_xl.core.pipeline import READ_COLUMNS, READ_ROWS, compared_value

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_VALUE_TAG = f"{{{MAIN_NS}}}v"
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ROOT = re.compile(rb"<(\w+:)?worksheet\b")
_USUAL = re.compile(
    rb'<c r="([A-Z]{1,3})([0-9]{1,7})"(?: s="([0-9]+)")?(?: t="([a-zA-Z]+)")?(/?)>'
    rb'(?:<v>([^<]*)</v></c>|<is><t(?: xml:space="preserve")?>([^<]+)</t></is></c>)?|<c\b'
)

Cell = tuple[int, int, Any]


def _text(raw: bytes) -> str:
    text = raw.decode("utf-8")
    if "&" in text:  # XML character and entity references, as an XML parser resolves them
        text = ElementTree.fromstring(f"<v>{text}</v>").text or ""
    return text


def _element(attributes: bytes, inner: bytes) -> Any:
    return ElementTree.fromstring(
        b'<c xmlns="' + MAIN_NS.encode() + b'" ' + attributes + b">" + inner + b"</c>"
    )


class _Fallback(Exception):
    """The part is not in the shape the fast scan reads."""


_COLUMNS: dict[bytes, int] = {}


def _column(letters: bytes) -> int:
    number = _COLUMNS.get(letters)
    if number is None:
        number = 0
        for letter in letters:
            number = number * 26 + letter - 64
        _COLUMNS[letters] = number
    return number


def _simple_value(parser: WorkSheetParser, kind: str, style: int, raw: bytes) -> Any:
    """``parse_cell``'s value for a cell without formula or inline string (the same branches)."""
    value = _text(raw)
    if kind == "n":
        value = _cast_number(value)
        if style in parser.date_formats:
            try:
                return from_excel(value, parser.epoch, timedelta=style in parser.timedelta_formats)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return value
    if kind == "s":
        return parser.shared_strings[int(value)]
    if kind == "b":
        return bool(int(value))
    if kind == "d":
        return from_ISO8601(value)
    return value  # "str", "e"


def _general(xml: bytes, start: int, parser: WorkSheetParser) -> tuple[int, Cell | None]:
    """Any ``<c>`` at ``start`` through an XML parser and ``parse_cell``: (end, cell or None)."""
    match = _CELL.match(xml, start)
    if match is None:
        raise _Fallback
    attributes, inner = match.group(1), match.group(2)
    if b'r="' not in attributes:
        raise _Fallback  # cells without references are counted by openpyxl's parser
    if not inner:
        return match.end(), None
    try:
        cell = parser.parse_cell(_element(attributes, inner))
    except ElementTree.ParseError as exc:
        raise _Fallback from exc
    value = cell["value"]
    return match.end(), None if value is None else (cell["row"], cell["column"], value)


def scan_cells(xml: bytes, parser: WorkSheetParser) -> Iterator[Cell]:
    """Every ``<c>`` of a worksheet part with a value, in document order, as openpyxl reads it.

    The usual shape (``r``, ``s``, ``t`` in that order, then only ``<v>``, as Excel and
    openpyxl write it) is read here; any other goes through ``_general``.
    """
    root = _ROOT.search(xml[:4000])
    if root is None or root.group(1):
        raise _Fallback
    position = 0
    while True:
        match = _USUAL.search(xml, position)
        if match is None:
            return
        letters, row, style, kind, closed, raw, inline = match.groups()
        if inline is not None and kind == b"inlineStr":  # a plain inline string (openpyxl writes them)
            position = match.end()
            yield int(row), _column(letters), _text(inline)
            continue
        if letters is None or (not closed and raw is None) or inline is not None:
            position, cell = _general(xml, match.start(), parser)
            if cell is not None:
                yield cell
            continue
        position = match.end()
        if not raw:
            continue
        if kind is None and (style is None or int(style) not in parser.date_formats):
            value = _cast_number(raw.decode())  # the most common cell: a number (what parse_cell does)
        else:
            value = _simple_value(parser, kind.decode() if kind else "n", int(style or 0), raw)
        if value is not None:
            yield int(row), _column(letters), value


_PLACE = operator.itemgetter(0, 1)


class Book:
    """A workbook file read on demand: its sheet names and states, and each sheet's values."""

    def __init__(self, path: str | Path | io.BytesIO) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.wb = load_workbook(path, read_only=True, keep_links=False)
        self.sheetnames: list[str] = list(self.wb.sheetnames)
        self._cells: dict[str, list[Cell]] = {}

    def close(self) -> None:
        self.wb.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _parser(self, name: str) -> WorkSheetParser:
        wb = self.wb
        return WorkSheetParser(
            io.BytesIO(b""),
            wb[name]._shared_strings,  # the file's table (wb.shared_strings is for writing)
            data_only=False,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )

    def is_worksheet(self, name: str) -> bool:
        return hasattr(self.wb[name], "_worksheet_path")

    def part(self, name: str) -> str:
        """The zip member of worksheet ``name``."""
        return self.wb[name]._worksheet_path

    def cells(self, name: str) -> list[Cell]:
        """Every cell of sheet ``name`` that holds a value, in document order (cached)."""
        if name not in self._cells:
            self._cells[name] = self._read(name) if self.is_worksheet(name) else []
        return self._cells[name]

    def _read(self, name: str) -> list[Cell]:
        xml = self.wb._archive.read(self.part(name))
        expat.ParserCreate().Parse(xml, True)  # well-formed, or ExpatError (a half-written part)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a date out of range becomes #VALUE!, as openpyxl reads it
            try:
                return list(scan_cells(xml, self._parser(name)))
            except _Fallback:
                parser = self._parser(name)
                parser.source = io.BytesIO(xml)
                return [
                    (c["row"], c["column"], c["value"])
                    for _, row in parser.parse()
                    for c in row
                    if c["value"] is not None
                ]

    def grid(self, name: str) -> list[list[Any]]:
        """The sheet's values inside READ_ROWS x READ_COLUMNS, as rows from A1."""
        return sparse_grid(self.cells(name))

    def value(self, name: str, coordinate: str) -> Any:
        row, column = coordinate_to_tuple(coordinate)
        return next((v for r, c, v in self.cells(name) if (r, c) == (row, column)), None)

    def beyond(self, name: str) -> list[tuple[int, int]]:
        """The cells of ``name`` holding a value outside the rectangle read, in document order."""
        return [(r, c) for r, c, _ in self.cells(name) if r > READ_ROWS or c > READ_COLUMNS]

    def digest(self) -> str:
        """Every worksheet's name, visibility and values, as ``workbook.workbook_digest`` of a loaded book."""
        return digest_of([(ws.title, ws.sheet_state, self.cells(ws.title)) for ws in self.wb.worksheets])


def digest_of(sheets: Sequence[tuple[str, str, list[Cell]]]) -> str:
    """The digest of (title, state, cells) in sheet order (``workbook.workbook_digest``'s definition)."""
    digest = hashlib.sha256()
    for title, state, cells in sheets:
        digest.update(f"{title}|{state}\n".encode())
        lines = []
        for r, c, value in sorted(cells, key=_PLACE):
            kind = type(value)
            normal = repr(float(value)) if kind is float or kind is int else compared_value(value)
            if normal is not None:
                lines.append(f"{r},{c},{normal}\n")
        digest.update("".join(lines).encode())
    return digest.hexdigest()[:32]


def sparse_grid(cells: Iterable[tuple[int, int, Any]]) -> list[list[Any]]:
    """Rows from A1 of the (row, column, value) cells inside READ_ROWS x READ_COLUMNS; a cell
    outside is left out, so a stray cell far away costs nothing."""
    rows: list[list[Any]] = []
    for r, c, value in cells:
        if r > READ_ROWS or c > READ_COLUMNS:
            continue
        while len(rows) < r:
            rows.append([])
        row = rows[r - 1]
        if len(row) < c:
            row.extend([None] * (c - len(row)))
        row[c - 1] = value
    return rows
