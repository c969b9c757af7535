"""The progress report on the measures (รายงานผลการดำเนินการตามมาตรการ) for one round.

Made from the tracking sheet (``ita_xl.core.tracking``) for a round staff choose (รอบ ๖ เดือน
or รอบ ๑๒ เดือน): a memo page to the head of unit (the parts of ``ita_xl.core.memo``), then the
report: the OIT item it is published under, a summary (counts by status in words, ``ไม่มี``
for none, and a small column chart), the table per measure, the problems typed, what is to be
done next, and the reporter's signature.

The OIT item is the crosswalk's ``measures_report`` item of the fiscal year the measures are
for (the measures of an analysis of FY N are carried out in FY N+1 and reported in the ITA of
FY N+1: FY2568 o28, FY2569 o26, ``ITA_REFERENCE.md``). Where that year has no rules yet the
report names no item (as the seeds' documents) and a finding beside it says why. Nothing is
stated that the tracking sheet does not hold: a measure without a status for the round is
shown as such and not counted as done or not started.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ita_xl.core.figures import to_thai_digits
from ita_xl.core.framework import available_years, item_of_year, items_confirmed
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.layout import UNIT
from ita_xl.core.memo import BLANK, _signature, addressee, head, office, signatures
from ita_xl.core.reader import WARNING, Finding
from ita_xl.core.sheets import CM, Chart, SheetSpec, Typed, _Builder, item_line
from ita_xl.core.tracking import MEASURE_ID, TRACKING, MeasuresSheet, TrackedRow, as_date, col, thai_day
from ita_xl.core.wording import HEADERS, PROGRESS_ROUNDS, PROGRESS_STATUSES, join_list, say

PROGRESS_MEMO, PROGRESS = "บันทึกรายงานผลมาตรการ", "รายงานผลมาตรการ"
#: The sheets of the progress report, in print order (each carries ita-xl's marker).
PROGRESS_SHEETS = (PROGRESS_MEMO, PROGRESS)
_MEMO_WIDTHS = (22, 40, 18, 44)
_WIDTHS = (8, 38, 20, 38, 28, 18, 36)
#: The number the measures sheet puts before a measure ("1. ", "๑. "): the table has a number column.
_NUMBER = re.compile(r"^[0-9๐-๙]+\.\s*")


def round_of(months: int | str) -> str:
    """The round's name from ``6`` or ``12`` (or the name itself)."""
    for name in PROGRESS_ROUNDS:
        if str(months) == name or f" {to_thai_digits(str(months))} " in f" {name} ":
            return name
    raise ValueError(f"no round {months!r}: {PROGRESS_ROUNDS}")


@dataclass(frozen=True)
class ReportRow:
    """One measure as the report shows it for the round."""

    measure: str
    #: One of ``PROGRESS_STATUSES``, or "" where the round has no status for it.
    status: str
    typed: dict[str, object] = field(default_factory=dict)
    #: Why there is no status: none typed, or typed for the other round only.
    missing: str = ""


@dataclass(frozen=True)
class ProgressReport:
    year: int
    place: str
    round: str
    rows: tuple[ReportRow, ...]
    thai: bool
    unit: UnitInputs | None = None
    findings: tuple[Finding, ...] = ()

    def count(self, status: str) -> int:
        return sum(row.status == status for row in self.rows)

    @property
    def unknown(self) -> int:
        return sum(row.status not in PROGRESS_STATUSES for row in self.rows)


def build_progress(
    measures: MeasuresSheet, rows: Sequence[TrackedRow], round_name: str, unit: UnitInputs | None = None
) -> ProgressReport:
    """The report for ``round_name`` from the tracking rows (as ``tracking.read_tracking`` gives)."""
    groups: dict[str, list[TrackedRow]] = {}
    findings: list[Finding] = []
    below = _below_the_table(rows)
    for n, row in enumerate(rows):
        if say("tracking.removed") in row.note or not _is_measure(row, n >= below):
            continue  # a measure no longer on the measures sheet, or a row of the staff's own
        groups.setdefault(row.line.match, []).append(row)
    shown = []
    for group in groups.values():
        chosen = [r for r in group if r.text("round") == round_name]
        if not chosen:
            chosen = [r for r in group if not r.text("round") and r.typed]
            findings.extend(_assumed(r, round_name) for r in chosen)
        shown.append(_report_row(group, chosen[-1] if chosen else None))
        if not shown[-1].status:
            findings.append(_unreported((chosen or group)[-1], round_name))
    if measures.year not in available_years():
        th, en = (
            say("progress.item_unknown", year=measures.year),
            f"FY{measures.year} rules unknown: no item named",
        )
        findings.append(Finding(WARNING, th, en))
    thai = unit.thai_digits if unit is not None else measures.thai
    return ProgressReport(
        measures.year, measures.place, round_name, tuple(shown), thai, unit, tuple(findings)
    )


def without_unit() -> Finding:
    """Why the memo's names are blank: the book holds no unit sheet (a tracking workbook made
    before ita-xl copied the unit sheet there, ``ita_xl.xlsx.progress``); the adapters add it."""
    return Finding(
        WARNING, say("progress.no_unit", sheet=UNIT), "no unit sheet: the memo's names are left blank"
    )


def _below_the_table(rows: Sequence[TrackedRow]) -> int:
    """Where the rows below the table start in ``rows`` (in sheet order; their length when
    none): the last rows, from a blank row on, none with a measure id (``MEASURE_ID``), as
    ``tracking.refresh`` keeps them, such as a footnote one blank row under the table."""
    start = len(rows)
    for n in range(len(rows) - 1, 0, -1):
        if MEASURE_ID.match(rows[n].line.key):
            break
        if rows[n].row - rows[n - 1].row > 1:
            start = n
    return start


def _is_measure(row: TrackedRow, below: bool) -> bool:
    """A measure's row: one with ita-xl's measure id, or in the table with a measure's text (a
    measure staff added, or one of an older sheet without ids). Text in the id column alone,
    or any row below the table (``_below_the_table``), is the staff's note, not a measure."""
    return bool(MEASURE_ID.match(row.line.key)) or (not below and bool(row.line.measure))


def _assumed(row: TrackedRow, round_name: str) -> Finding:
    cell = f"{col('round')}{row.row}"
    th = f"{TRACKING}!{cell}: " + say("tracking.round_assumed", round=round_name)
    return Finding(WARNING, th, f"no round typed: counted in {round_name}", TRACKING, cell)


def _unreported(row: TrackedRow, round_name: str) -> Finding:
    """A note for staff (not a line of the report): this measure has no status for the round."""
    cell = f"{col('status')}{row.row}"
    th = f"{TRACKING}!{cell}: " + say("progress.check_unreported", round=round_name, measure=row.line.measure)
    return Finding(WARNING, th, f"no status for {round_name}: reported as not reported", TRACKING, cell)


def _report_row(group: Sequence[TrackedRow], chosen: TrackedRow | None) -> ReportRow:
    """The measure's row for the round: the chosen row's values, or why there are none."""
    if chosen is None:
        other = any(r.typed for r in group)  # typed for the other round only
        return ReportRow(group[0].line.measure, "", {}, say("progress.not_in_round") if other else "")
    return ReportRow(chosen.line.measure, chosen.status, dict(chosen.typed))


def report_item(year: int) -> tuple[str, str] | None:
    """The OIT item (code, title) the report on FY ``year``'s measures is published under."""
    return item_of_year(year, "measures_report")


def published_line(report: ProgressReport) -> str:
    """The OIT item the report is published under (``report_item``), or why none is named."""
    return item_line(report.year, "measures_report", "progress")


def summary(report: ProgressReport) -> str:
    """The counts by status in words: ``ดำเนินการแล้ว ๓ มาตรการ … และยังไม่ดำเนินการ ไม่มี``."""
    if not report.rows:
        return say("progress.no_measures")
    if report.unknown == len(report.rows):
        return say("progress.nothing_typed")
    parts = [
        say("progress.count", status=s, count=n) if (n := report.count(s)) else _none(s)
        for s in PROGRESS_STATUSES
    ]
    if report.unknown:
        parts.append(say("progress.no_status", count=report.unknown))
    return say("progress.total", count=len(report.rows)) + " " + join_list(parts)


def _none(status: str) -> str:
    """No measure has ``status``, in words: "ยังไม่มีมาตรการที่ดำเนินการแล้วเสร็จ" for done (Thai
    review: "ดำเนินการแล้ว ไม่มี" reads as machine output), else "ไม่มีมาตรการที่" and the status."""
    return (
        say("progress.none_done")
        if status == PROGRESS_STATUSES[0]
        else say("progress.count_none", status=status)
    )


# --------------------------------------------------------------------------- the memo


def progress_memo(report: ProgressReport) -> SheetSpec:
    """The memo page that sends the report to the head of unit (no number or date made up)."""
    unit = report.unit or UnitInputs(fiscal_year=report.year)
    b = _Builder(_MEMO_WIDTHS, report.thai)
    division = office(unit) or report.place  # the analysis memo's ส่วนราชการ; without a unit sheet, the unit
    topic = say("progress.subject", year=report.year, round=report.round)
    head(b, division, "", "", topic, addressee(unit))
    item = report_item(report.year)
    request = (
        say("progress.memo_request_item", code=item[0], year=report.year)
        if item and items_confirmed(report.year)
        else say("progress.memo_request_title", title=item[1], year=report.year)  # (thai7, review 7 viii)
        if item
        else say("progress.memo_request")
    )
    intro = say("progress.memo_intro", office=division or BLANK, year=report.year, count=len(report.rows))
    result = say("progress.memo_result", round=report.round, summary=summary(report))
    for paragraph in (intro, result, request):
        b.line(paragraph, gap=1)
    signatures(b, unit)
    return b.spec(PROGRESS_MEMO, one_page=True)


# --------------------------------------------------------------------------- the report


def progress_sheet(report: ProgressReport) -> SheetSpec:
    """The report: heading, published-under item, summary and chart, table, problems, next steps."""
    b = _Builder(_WIDTHS, report.thai)
    b.line(say("progress.title", year=report.year, round=report.round), "title")
    b.line(report.place, "subtitle")
    b.line(published_line(report), "subtitle", gap=1)
    b.grid()
    first = _summary_section(b, report)
    _table_section(b, report)
    _text_section(b, "progress.section_problems", 3, _problems(report))
    _text_section(b, "progress.section_next", 4, _next_steps(report))
    b.end_grid()
    b.row += 1
    chart = None
    if report.rows and report.unknown < len(report.rows):
        # every count, the measures not reported too: the bars add up to the measures
        last = first + len(PROGRESS_STATUSES) + (1 if report.unknown else 0)
        chart = Chart(
            title=say("progress.chart_title"),
            categories=f"A{first + 1}:A{last}",
            values=f"C{first + 1}:C{last}",
            series_name=say("progress.chart_y"),
            anchor=f"B{b.row}",
            y_title=say("progress.chart_y"),
            x_title=say("progress.chart_x"),
            kind="bar",
            width=12 * CM,
            height=6.5 * CM,
        )
        b.row += 12
    unit = report.unit or UnitInputs(fiscal_year=report.year)
    _signature(b, unit.preparer, unit.position)
    return b.spec(PROGRESS, chart=chart, landscape=True)


def _summary_section(b: _Builder, report: ProgressReport) -> int:
    """๑: the counts in words, then a small table of them (the chart reads it); returns its
    header row. A count of none is written ``ไม่มี`` (a chart plots text as zero)."""
    b.band(say("progress.section_summary", n="1"))
    b.line(summary(report))
    counts = [(s, report.count(s) or say("progress.none")) for s in PROGRESS_STATUSES]
    if report.unknown:
        counts.append((say("progress.unknown_status"), report.unknown))
    return b.table(
        HEADERS["progress_summary"],
        [[status, count] for status, count in counts],
        ["cell", "center"],
        spans=[2, 5],
    )


#: The table's columns a status makes apply (what is reported of a measure in that state): a
#: measure done has a result, an indicator, a date and evidence; one in progress a result so far.
#: A cell that does not apply (a measure not started has no date) is left blank; one that applies
#: but was not typed is blank too, and the measure is named once under the table (Thai review,
#: round 8, item 6: "ไม่ได้ระบุ" in 24 of 32 cells, the date of a measure not started among them).
_APPLIES = {
    PROGRESS_STATUSES[0]: ("result", "outcome", "date", "evidence"),
    PROGRESS_STATUSES[1]: ("result",),
}


def _table_section(b: _Builder, report: ProgressReport) -> None:
    """๒: each measure's status, result, indicator, date and evidence for the round, as typed
    (a blank cell where nothing was typed), then one sentence naming the measures whose row
    lacks what their status calls for (``untyped``)."""
    b.band(say("progress.section_table", n="2"))
    rows = []
    for n, row in enumerate(report.rows, start=1):
        status = row.status or say("progress.unknown_status")  # the summary's term (a finding says why)
        title = _NUMBER.sub("", row.measure, count=1)  # the number column numbers the rows
        rows.append([n, title, status, *(_typed(row, name) for name in ("result", "outcome")),
                     _date(row), _typed(row, "evidence")])  # fmt: skip
    b.table(HEADERS["progress"], rows, ["center", "cell", "center", "cell", "cell", "center", "cell"])
    if line := untyped(report):
        b.line(line)


def untyped(report: ProgressReport) -> str:
    """The sentence under the table on what the measures' status calls for but was not typed:
    ``มาตรการที่ ๒ ยังไม่ได้ระบุวันที่ดำเนินการ และหลักฐาน …``, a sentence a measure; "" when
    nothing is missing. A measure without a status is not named (the summary counts it)."""
    names = ("status", "result", "outcome", "date", "evidence")
    titles = dict(zip(names, HEADERS["progress"][2:], strict=True))
    items = []
    for n, row in enumerate(report.rows, start=1):
        missing = [titles[name] for name in _APPLIES.get(row.status, ()) if _blank(row.typed.get(name))]
        if missing:
            items.append(say("progress.untyped_item", n=n, columns=join_list(missing)))
    return say("progress.untyped", items=" ".join(items)) if items else ""


def _blank(value: object) -> bool:
    return value is None or not str(value).strip()


def _typed(row: ReportRow, name: str) -> object:
    """A typed value as typed; blank where none was (``untyped`` names what a status calls for)."""
    value = row.typed.get(name)
    return None if _blank(value) else Typed(str(value).strip())


def _date(row: ReportRow) -> object:
    value = row.typed.get("date")
    if _blank(value):
        return None
    date = as_date(value)
    return thai_day(date) if date is not None else Typed(str(value))


def _text_section(b: _Builder, key: str, number: int, lines: Sequence[str]) -> None:
    b.band(say(key, n=str(number)))
    for line in lines:
        b.line(line)


def _problems(report: ProgressReport) -> list[str]:
    lines = [
        say("progress.problem", measure=row.measure, problem=str(row.typed["problems"]).strip())
        for row in report.rows
        if str(row.typed.get("problems") or "").strip()
    ]
    return lines or [say("progress.no_problems")]


def _next_steps(report: ProgressReport) -> list[str]:
    """What follows for each measure not done: go on (in progress) or start now (not started) in
    the six-month round, carry into next year's measures (twelve-month round); the measures not
    reported are counted, with no instruction (the findings tell staff which rows)."""
    six_months = report.round == PROGRESS_ROUNDS[0]
    lines = []
    for row in report.rows:
        if row.status in ("", PROGRESS_STATUSES[0]):  # done, or not reported (counted below)
            continue
        # in progress: go on; not started: start now (six months), else carry over
        key = "progress.next_continue" if row.status == PROGRESS_STATUSES[1] else "progress.next_start"
        lines.append(say(key if six_months else "progress.next_carry", measure=row.measure,
                         status=row.status, year=report.year))  # fmt: skip
    if report.unknown:
        lines.append(say("progress.next_unreported", count=report.unknown))
    return lines or [say("progress.next_none")]


def progress_sheets(report: ProgressReport) -> tuple[SheetSpec, ...]:
    """Every sheet of the progress report, named as ``PROGRESS_SHEETS``."""
    return (progress_memo(report), progress_sheet(report))
