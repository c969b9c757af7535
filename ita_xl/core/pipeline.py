"""Everything before writing, for every target: read, validate, report, describe the sheets.

The openpyxl adapter (``ita_xl.xlsx.workbook``) and the xlwings adapter (``ita_xl.live.book``)
both call ``plan`` with their way of reading a sheet as a grid, then render the descriptions.
Each generated sheet carries a digest of its own values (``DIGEST_CELL``, beside the marker),
so a later run can tell a sheet as ita-xl wrote it from one edited by hand, in a file and in a
live book alike. Pure: no workbook library.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ita_xl.core.analysis import Report, build_report
from ita_xl.core.cells import DIGEST_CELL
from ita_xl.core.document import GENERATED_SHEETS, document_sheets
from ita_xl.core.reader import ERROR, NOTE, Finding, read
from ita_xl.core.sheets import (
    MARKER,
    Block,
    SheetSpec,
)
from ita_xl.core.validation import validate

#: The reader looks only inside this rectangle of each sheet (the template's cells are far
#: inside it); whatever lies beyond is reported once and never read, so a stray value at
#: XFD1048576 costs nothing.
READ_ROWS, READ_COLUMNS = 2000, 40

GENERATED = GENERATED_SHEETS


@dataclass
class Outcome:
    """What a run found and made."""

    findings: list[Finding]
    report: Report | None
    specs: tuple[SheetSpec, ...] = ()
    #: Generated sheets in the book that were edited by hand since ita-xl wrote them.
    edited: tuple[str, ...] = ()

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """The findings to read before using the report (the errors aside, the notes aside)."""
        return [f for f in self.findings if f.severity not in (ERROR, NOTE)]

    @property
    def notes(self) -> list[Finding]:
        """Reminders that are not problems: they change no exit code."""
        return [f for f in self.findings if f.severity == NOTE]

    @property
    def ok(self) -> bool:
        return self.report is not None and not self.errors


def plan(
    grid: Callable[[str], Sequence[Sequence[Any]]],
    sheetnames: Sequence[str],
    marker_of: Callable[[str], Any],
    *,
    threshold: float | None = None,
    paged: bool = True,
) -> Outcome:
    """Everything up to writing: read, validate, check the target sheets, describe them
    (``paged``: for a target that sets page breaks, ``sheets.analysis_sheet``)."""
    result = read(grid, sheetnames)
    findings, framework, assessment = validate(result)
    edited = []
    for name in GENERATED:
        if name not in sheetnames:
            continue
        if marker_of(name) == MARKER:
            if sheet_edited(grid(name)):
                edited.append(name)
        else:
            findings.append(
                Finding(
                    ERROR,
                    f"มีชีตชื่อ “{name}” อยู่แล้วและไม่ได้สร้างโดย ita-xl: ไม่เขียนทับ ให้เปลี่ยนชื่อหรือย้ายชีตนั้นก่อน",
                    f"a sheet named {name!r} exists and was not made by ita-xl: not overwriting it",
                    name,
                    "A1",
                )
            )
    if any(f.severity == ERROR for f in findings) or assessment is None or framework is None:
        return Outcome(findings, None)
    report = build_report(result.inputs, framework, assessment, findings, threshold=threshold)
    findings += [f for f in report.warnings if f not in findings]  # the choice of measures
    specs = tuple(with_digest(spec) for spec in document_sheets(report, paged=paged))
    return Outcome(findings, report, specs, tuple(edited))


# --------------------------------------------------------------------------- fingerprints
# Each generated sheet carries a digest of its own values (DIGEST_CELL, beside the marker),
# so a later run can tell a sheet as ita-xl wrote it from one edited by hand, in a file and
# in a live book alike. An output file also carries, in its custom document properties, the
# input it was made from and a digest of every sheet's values as written.

DIGEST_PREFIX = "ita-xl:digest:"


def compared_value(value: Any) -> str | None:
    """A value as compared: numbers as floats (Excel turns number-like text into numbers)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, datetime.date):  # a file stores dates as serial numbers: to the second
        if not isinstance(value, datetime.datetime):
            value = datetime.datetime(value.year, value.month, value.day)
        return (value + datetime.timedelta(microseconds=500_000)).replace(microsecond=0).isoformat()
    if isinstance(value, int | float):
        return repr(float(value))
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        number, percent = (text[:-1], 100) if text.endswith("%") else (text, 1)
        try:
            return repr(float(number) / percent)
        except ValueError:
            return text
    return repr(value)


def grid_digest(rows: Sequence[Sequence[Any]], skip: tuple[int, int] | None = None) -> str:
    """A digest of the non-blank values of a grid from A1 (``skip``: a 1-based cell left out)."""
    digest = hashlib.sha256()
    for r, row in enumerate(rows or (), start=1):
        for c, value in enumerate(row or (), start=1):
            normal = compared_value(value)
            if normal is not None and (r, c) != skip:
                digest.update(f"{r},{c},{normal}\n".encode())
    return digest.hexdigest()[:32]


def with_digest(spec: SheetSpec) -> SheetSpec:
    """``spec`` with the digest of its values written beside the marker."""
    value = DIGEST_PREFIX + grid_digest(spec.value_grid())
    return dataclasses.replace(spec, blocks=(*spec.blocks, Block(*DIGEST_CELL, ((value,),), "marker")))


def sheet_edited(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether a marked sheet's values differ from those ita-xl wrote (no digest: cannot tell)."""
    r, c = DIGEST_CELL
    stored = rows[r - 1][c - 1] if len(rows) >= r and rows[r - 1] and len(rows[r - 1]) >= c else None
    if not isinstance(stored, str) or not stored.startswith(DIGEST_PREFIX):
        return True
    return stored != DIGEST_PREFIX + grid_digest(rows, skip=DIGEST_CELL)
