"""Plan the import of a pasted result text into a template: what to fill, keep, report.

The reader of result text (``resulttext``) gives the figures; this module decides, for one
template as it stands, which input cells to fill, which are already typed with the same
value, and which hold a different typed figure. A typed figure is never overwritten: the
difference is a conflict, listed with its cell in Excel's form (``คะแนน!D16``). A result of
an earlier year than the template's fills that year's row of the history sheet. After the
import, the published total and level are checked against the recomputation from the
imported parts: a finding, never a block.

The template is seen as ``reader.read`` sees it, through ``grid(sheet)``, so the openpyxl
adapter (a file) and the xlwings adapter (a live book) share this plan; the adapters only
write ``ImportPlan.writes()``. Pure: standard library and the core only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ita_xl.core.cells import column_letter, split_address
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, format_number, from_thai_digits, parse_number, round2
from ita_xl.core.framework import Framework, available_years, load_framework
from ita_xl.core.layout import (
    HISTORY,
    PASTE,
    PASTE_CELL,
    PASTE_COLUMNS,
    PASTE_REPORT_COLUMN,
    PASTE_YEAR_CELL,
    SCORES,
    UNIT,
    Layout,
)
from ita_xl.core.reader import ERROR, Grid, ReadResult, read
from ita_xl.core.resulttext import Figure, ResultText, missing_figures, read_result_text
from ita_xl.core.scoring import assess
from ita_xl.core.wording import join_list, say

FILLED, SAME, CONFLICT = "filled", "same", "conflict"


@dataclass(frozen=True)
class Fill:
    """One figure for one input cell: what it is, its value and the line it was read from."""

    sheet: str
    cell: str
    label: str
    value: float | str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}"

    @property
    def shown(self) -> str:
        return format_number(self.value) if isinstance(self.value, float) else self.value


@dataclass(frozen=True)
class Conflict:
    """A cell the user already typed with another value: kept, and reported."""

    fill: Fill
    typed: Any

    @property
    def where(self) -> str:
        return self.fill.where


@dataclass(frozen=True)
class ImportPlan:
    """What an import does to one template. ``error`` set: nothing is written."""

    fiscal_year: int
    template_year: int | None = None
    into_history: bool = False
    fills: tuple[Fill, ...] = ()
    same: tuple[Fill, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    #: Where a figure is written, its source is written beside it if that cell is blank.
    sources: tuple[Fill, ...] = ()
    missing: tuple[str, ...] = ()
    #: Findings to read: what the reader could not decide, the check after import.
    notes: tuple[str, ...] = ()
    #: Checks after import that agree (shown, not findings).
    confirmed: tuple[str, ...] = ()
    error: ItaError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def needs_attention(self) -> bool:
        """Whether anything was not filled or is to be checked (``ita-xl import`` exits 1)."""
        return bool(self.missing or self.conflicts or self.notes)

    def writes(self) -> dict[str, dict[str, float | str]]:
        """``{sheet: {cell: value}}``: every cell the import writes (all of them blank now)."""
        out: dict[str, dict[str, float | str]] = {}
        for fill in (*self.fills, *self.sources):
            out.setdefault(fill.sheet, {})[fill.cell] = fill.value
        return out

    def lines(self) -> list[str]:
        """The report for the user, in Thai: a summary, then each item."""
        if self.error is not None:
            return [self.error.th]
        counts = {"filled": len(self.fills), "same": len(self.same), "conflicts": len(self.conflicts)}
        out = [say("import.summary", year=self.fiscal_year, **counts)]
        if self.into_history:
            out.append(
                say("import.into_history", year=self.fiscal_year, template=self.template_year, sheet=HISTORY)
            )
        out += [conflict_line(c) for c in self.conflicts]
        out += [*self.notes, *self.confirmed]
        if self.missing:
            out.append(say("import.missing", n=len(self.missing), keys=", ".join(self.missing)))
        elif not self.into_history:
            out.append(say("import.nothing_missing", year=self.fiscal_year))
        out += [
            say("import.filled", label=f.label, value=f.shown, cell=f.where, line=f.line) for f in self.fills
        ]
        return out


def conflict_line(conflict: Conflict) -> str:
    fill, typed = conflict.fill, conflict.typed
    shown = f"“{typed}”" if isinstance(typed, str) else _typed_text(typed)
    return say(
        "import.conflict", cell=fill.where, label=fill.label, typed=shown, value=fill.shown, line=fill.line
    )


def _typed_text(value: Any) -> str:
    try:
        number = parse_number(value)
    except ItaError:
        return f"“{value}”"
    return format_number(number) if number is not None else ""


# --------------------------------------------------------------------------- cells


class _Cells:
    """The template's cells as typed, one grid read per sheet."""

    def __init__(self, grid: Callable[[str], Grid]) -> None:
        self._grid, self._sheets = grid, {}

    def value(self, sheet: str, address: str) -> Any:
        if sheet not in self._sheets:
            self._sheets[sheet] = self._grid(sheet)
        rows = self._sheets[sheet]
        row, column = split_address(address)
        if row <= len(rows) and column <= len(rows[row - 1]):
            value = rows[row - 1][column - 1]
            return None if isinstance(value, str) and not value.strip() else value
        return None


def compare(fill: Fill, typed: Any) -> str:
    """``FILLED`` for a blank cell, ``SAME`` for the same value typed, else ``CONFLICT``.

    Numbers are the same when they print the same to two decimals (98.5 typed, 98.50
    imported); a typed text that is no number (a note, a date) differs from any figure.
    """
    if typed is None:
        return FILLED
    if isinstance(fill.value, str):
        return SAME if str(typed).strip() == fill.value else CONFLICT
    try:
        number = parse_number(typed)
    except ItaError:
        return CONFLICT
    return SAME if number is not None and round2(number) == round2(fill.value) else CONFLICT


# --------------------------------------------------------------------------- what goes where


def _line(figure: Figure) -> int:
    return figure.source.line


def score_fills(result: ResultText, layout: Layout) -> list[Fill]:
    """The unit's name and place, and every tool, indicator and question score read."""
    fills = []
    for key, found in (("name", result.name), ("district", result.district), ("province", result.province)):
        if found is not None:
            fills.append(
                Fill(UNIT, layout.unit_cell(key), say(f"import.label.{key}"), found.value, found.source.line)
            )
    if result.unit_type and result.name is not None:
        label = say("import.label.type")
        fills.append(Fill(UNIT, layout.unit_cell("type"), label, result.unit_type, result.name.source.line))
    for code, figure in result.tools.items():
        fills.append(
            Fill(SCORES, f"{layout.TYPED}{layout.tool_rows[code]}", code, float(figure.value), _line(figure))
        )
    for number, figure in result.indicators.items():
        cell = f"{layout.TYPED}{layout.indicator_rows[number]}"
        fills.append(Fill(SCORES, cell, f"ตัวชี้วัดที่ {number}", float(figure.value), _line(figure)))
    for code, figure in result.questions.items():
        cell = f"{layout.QUESTION_SCORE}{layout.question_rows[code]}"
        fills.append(Fill(SCORES, cell, code, float(figure.value), _line(figure)))
    if result.level is not None:
        cell = f"C{layout.printed_rating_row}"
        fills.append(
            Fill(SCORES, cell, say("import.label.level"), result.level.value, result.level.source.line)
        )
    return fills


def _source_of(fill: Fill, snippet: str) -> Fill:
    """The "source" cell beside a printed figure (column D of the printed rows)."""
    row = split_address(fill.cell)[0]
    return Fill(
        fill.sheet, f"D{row}", fill.label, f"ผลการประเมินที่นำเข้า บรรทัด {fill.line}: {snippet}", fill.line
    )


def place_totals(
    result: ResultText, layout: Layout, cells: _Cells
) -> tuple[list[Fill], list[Fill], list[str]]:
    """Printed totals into the printed-total rows: a typed equal one is kept, others go
    into blank rows; a total with no blank row left is reported, never written over."""
    rows = layout.printed_total_rows
    label = say("import.label.total")
    fills, same, notes = [], [], []
    free = [row for row in rows if cells.value(SCORES, f"C{row}") is None]
    typed = [cells.value(SCORES, f"C{row}") for row in rows if row not in free]
    for figure in result.totals:
        fill = Fill(SCORES, "", label, float(figure.value), _line(figure))
        if any(compare(fill, value) == SAME for value in typed):
            same.append(Fill(SCORES, f"C{rows[0]}", label, fill.value, fill.line))
        elif free:
            fills.append(Fill(SCORES, f"C{free.pop(0)}", label, fill.value, fill.line))
        else:
            cells_text = ", ".join(f"{SCORES}!C{row}" for row in rows)
            notes.append(say("import.no_room", value=figure.text, line=fill.line, cells=cells_text))
    return fills, same, notes


def _year_of(value: Any) -> int | None:
    try:
        number = parse_number(value)
    except ItaError:
        return None
    return int(number) if number is not None and number == int(number) else None


def history_fills(
    result: ResultText, layout: Layout, cells: _Cells
) -> tuple[list[Fill], list[str], list[str]]:
    """An earlier year's result into its row of the history sheet (found by the year in A).

    Indicators go to the columns of the same number (the sheet's columns are this year's
    indicator numbers). Returns the fills, the missing labels and notes.
    """
    year = result.fiscal_year
    row = next((r for r in layout.history_rows if _year_of(cells.value(HISTORY, f"A{r}")) == year), None)
    if row is None:
        rows = layout.history_rows
        where = f"{HISTORY}!A{rows[0]}:A{rows[-1]}"
        return [], [], [say("import.no_history_row", year=year, sheet=HISTORY, cells=where)]
    fills, missing, notes = [], [], []
    total_label = say("import.label.history_total", year=year)
    if result.total is not None:
        fills.append(Fill(HISTORY, f"B{row}", total_label, float(result.total.value), _line(result.total)))
    elif result.totals:
        notes.append(
            say("import.history_totals", year=year, values=join_list([f.text for f in result.totals]))
        )
    else:
        missing.append(total_label)
    level_label = say("import.label.history_level", year=year)
    if result.level is not None:
        fills.append(Fill(HISTORY, f"C{row}", level_label, result.level.value, result.level.source.line))
    else:
        missing.append(level_label)
    for column, indicator in enumerate(layout.framework.indicators, start=4):
        label = say("import.label.history_indicator", number=indicator.number, year=year)
        figure = result.indicators.get(indicator.number)
        if figure is None:
            missing.append(label)
        else:
            fills.append(
                Fill(HISTORY, f"{column_letter(column)}{row}", label, float(figure.value), _line(figure))
            )
    return fills, missing, notes


# --------------------------------------------------------------------------- the check after import


def _values(figures: Mapping[Any, Figure]) -> dict[Any, float]:
    return {key: float(figure.value) for key, figure in figures.items()}


def check_after_import(result: ResultText, framework: Framework) -> tuple[list[str], list[str]]:
    """The published total(s) and level against the recomputation from the imported parts:
    the lines that disagree (findings) and those that agree.

    Findings only, never a block: the published figures stay as printed (the official ones).
    """
    findings: list[str] = []
    confirmed: list[str] = []
    if not (result.tools or result.indicators or result.questions) or not (result.totals or result.level):
        return findings, confirmed
    try:
        assessment = assess(
            framework,
            questions=_values(result.questions),
            indicators=_values(result.indicators),
            tools=_values(result.tools),
        )
    except ItaError as exc:  # pragma: no cover - the reader reads scores within 0-100 only
        return [exc.th], confirmed
    total = assessment.total
    if total.value is None:
        if result.totals:
            tools = join_list([framework.tool(code).short for code in total.missing])
            findings.append(say("import.check_not_final", tools=tools))
    else:
        computed = format_number(total.value)
        for figure in result.totals:
            same = agrees(figure.value, total.value)
            key = "import.check_total" if same else "import.check_total_differs"
            (confirmed if same else findings).append(
                say(key, printed=figure.text, computed=computed, line=_line(figure))
            )
    rating, level = assessment.rating, result.level
    if level is not None and rating is not None:
        same = level.value == rating.level
        key = "import.check_level" if same else "import.check_level_differs"
        line = say(key, printed=level.value, computed=rating.level, line=level.source.line)
        if rating.provisional and not same:
            line += say("import.check_provisional")
        (confirmed if same else findings).append(line)
    return findings, confirmed


# --------------------------------------------------------------------------- plans


def plan_import(result: ResultText, grid: Callable[[str], Grid], sheetnames: Sequence[str]) -> ImportPlan:
    """The import of ``result`` into the template seen through ``grid``; nothing is written."""
    if not result.is_result:
        finding = result.findings[0]
        return ImportPlan(result.fiscal_year, error=ItaError(finding.th, finding.en))
    template = read(grid, sheetnames)
    problem = template_problem(template)
    if problem is not None:
        return ImportPlan(result.fiscal_year, error=problem)
    return _plan(result, template, _Cells(grid))


def template_problem(template: ReadResult) -> ItaError | None:
    """Why a workbook cannot take an import (not an ita-xl template, no year), or None."""
    if template.inputs is not None:
        return None
    errors = [f for f in template.findings if f.severity == ERROR] or template.findings
    return ItaError(" ".join(f.line() for f in errors), " ".join(f.en for f in errors))


def _plan(result: ResultText, template: ReadResult, cells: _Cells) -> ImportPlan:
    layout, year = template.layout, result.fiscal_year
    template_year = layout.framework.fiscal_year
    if year > template_year:
        problem = ItaError(
            say("import.newer", year=year, template=template_year),
            f"the text is FY{year}'s result, the template FY{template_year}'s",
        )
        return ImportPlan(year, template_year, error=problem)
    notes = [finding.th for finding in result.findings]
    if year == template_year:
        targets = score_fills(result, layout)
        totals, same_totals, total_notes = place_totals(result, layout, cells)
        missing = missing_figures(result, layout.framework)
        notes += total_notes
    else:
        targets, missing, history_notes = history_fills(result, layout, cells)
        totals, same_totals = [], []
        notes += history_notes
    sorted_out: dict[str, list] = {FILLED: list(totals), SAME: list(same_totals), CONFLICT: []}
    for fill in targets:
        typed = cells.value(fill.sheet, fill.cell)
        kind = compare(fill, typed)
        sorted_out[kind].append(Conflict(fill, typed) if kind == CONFLICT else fill)
    fills = sorted_out[FILLED]
    sources = _sources(fills, result, layout, cells) if year == template_year else []
    findings, confirmed = check_after_import(result, load_framework(year))
    return ImportPlan(
        year,
        template_year,
        year != template_year,
        tuple(fills),
        tuple(sorted_out[SAME]),
        tuple(sorted_out[CONFLICT]),
        tuple(sources),
        tuple(missing),
        tuple(notes + findings),
        tuple(confirmed),
    )


def _sources(fills: Iterable[Fill], result: ResultText, layout: Layout, cells: _Cells) -> list[Fill]:
    """Column D of each printed total and level written, where blank: the line it came from."""
    printed_rows = {*layout.printed_total_rows, layout.printed_rating_row}
    snippets = {figure.source.line: figure.source.snippet for figure in result.totals}
    if result.level is not None:
        snippets[result.level.source.line] = result.level.source.snippet
    found = []
    for fill in fills:
        if fill.sheet == SCORES and split_address(fill.cell)[0] in printed_rows and fill.cell.startswith("C"):
            source = _source_of(fill, snippets.get(fill.line, ""))
            if cells.value(SCORES, source.cell) is None:
                found.append(source)
    return found


#: A year printed with the result ("ผลการประเมิน ... ประจำปีงบประมาณ พ.ศ. 2567"), not the
#: year of the measures or of a decision quoted in the same document.
_RESULT_YEAR = re.compile(r"ผลการประเมิน.{0,120}?(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s?ศ\.)?\s*(25\d\d)")


def text_year(text: str, default: int) -> int:
    """The fiscal year of the result in ``text``: the year most often printed after
    "ผลการประเมิน" (the seeds also name the year of their measures and of earlier results),
    or ``default`` when the text names none or two equally often. A year later than the
    template's or without rules is returned as found: the plan then refuses it, never
    reading one year's figures as another's.
    """
    flat = " ".join(from_thai_digits(text).split())
    counts = Counter(int(year) for year in _RESULT_YEAR.findall(flat))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return default
    return ranked[0][0]


def plan_text(
    text: str, grid: Callable[[str], Grid], sheetnames: Sequence[str], year: int | None = None
) -> ImportPlan:
    """Read ``text`` and plan its import into the template; ``year`` None: the year the text
    prints (an earlier year fills the history row), or else the template's year."""
    template = read(grid, sheetnames)
    problem = template_problem(template)
    if problem is not None:
        return ImportPlan(year or 0, error=problem)
    template_year = template.layout.framework.fiscal_year
    chosen = year if year is not None else text_year(text, template_year)
    if chosen not in available_years():
        years = ", ".join(map(str, available_years()))
        return ImportPlan(
            chosen, error=ItaError(f"ไม่มีเกณฑ์ของปีงบประมาณ {chosen} (มีปี {years})", f"no rules for {chosen}")
        )
    result = read_result_text(text, load_framework(chosen))
    if not result.is_result:
        finding = result.findings[0]
        return ImportPlan(chosen, error=ItaError(finding.th, finding.en))
    return _plan(result, template, _Cells(grid))


# --------------------------------------------------------------------------- the paste sheet


def paste_instructions() -> tuple[str, str, str]:
    """The paste sheet's fixed texts (A1, A2, A3), never read as pasted text."""
    return (
        say("import.paste.title", cell=PASTE_CELL),
        say("import.paste.how", cell=PASTE_CELL, scores=SCORES, history=HISTORY, report=PASTE_REPORT_COLUMN),
        say("import.paste.year"),
    )


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def paste_text(rows: Grid) -> str:
    """The text pasted into the paste sheet, a line per row and a tab between cells.

    Excel splits a pasted text at line ends into rows and at tabs into columns, and turns
    a figure such as "97.61" into the number 97.61: a row's cells joined by tabs give the
    line back (98.50 comes back as 98.5, which the reader reads as the same figure). Read
    from ``PASTE_CELL``'s row while the instructions are in place (so line N of the report
    is line N of the pasted text), from row 1 if the text was pasted over them. Only columns
    A to ``PASTE_COLUMNS`` are read, so the report column is never read back.
    """
    fixed = set(paste_instructions())
    start = 0
    if rows and rows[0] and _cell_text(rows[0][0]) in fixed:
        start = split_address(PASTE_CELL)[0] - 1
    lines = []
    for row in rows[start:]:
        cells = [_cell_text(value) for value in list(row)[:PASTE_COLUMNS]]
        if cells and cells[0] in fixed:
            continue
        lines.append("\t".join(text for text in cells if text))
    return "\n".join(lines).rstrip("\n")


def paste_year(rows: Grid) -> int | None:
    """The year typed on the paste sheet (``PASTE_YEAR_CELL``), if any."""
    row, column = split_address(PASTE_YEAR_CELL)
    if row > len(rows) or column > len(rows[row - 1]):
        return None
    if _cell_text(rows[row - 1][0]) != paste_instructions()[2]:
        return None  # the text was pasted over the year's row
    value = rows[row - 1][column - 1]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    year = _year_of(value)
    if year is None:
        raise ItaError(
            say("import.paste.bad_year", cell=f"{PASTE}!{PASTE_YEAR_CELL}", value=value),
            f"{PASTE}!{PASTE_YEAR_CELL}: {value!r} is not a year",
        )
    return year


def paste_problem(sheetnames: Sequence[str], text: str) -> ItaError | None:
    """Why the paste sheet cannot be imported: missing (an older template) or empty."""
    if PASTE not in sheetnames:
        return ItaError(say("import.paste.no_sheet", sheet=PASTE), f"no sheet {PASTE}: an older template")
    if not text.strip():
        return ItaError(say("import.paste.empty", sheet=PASTE, cell=PASTE_CELL), f"nothing pasted in {PASTE}")
    return None
