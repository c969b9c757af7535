"""Validate a unit's workbook, then write the analysis and measures sheets into it.

Both targets run the same steps: read the input cells (``reader``), validate
(``validation``), build the report (``analysis``), describe the two sheets (``sheets``),
then hand the descriptions to an adapter: openpyxl for a file (here), xlwings for a live
book (``render_xlwings``). Input sheets are never written. A sheet is replaced only if it
carries ita-xl's marker; a user's own sheet of the same name stops the run.

A file is read cell values only and in bounded time (``ita_xl.xlsx.package``) and written
part by part (``ita_xl.xlsx.insert``): the user's parts are copied byte for byte. A package
the insertion does not understand is loaded and saved whole by openpyxl instead, which
refuses ``--in-place`` when it would drop content (``ita_xl.xlsx.keep``).
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import Workbook, load_workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.utils import get_column_letter

from ita_xl.core.document import GENERATED_SHEETS
from ita_xl.core.errors import ItaError
from ita_xl.core.pipeline import (
    READ_COLUMNS,
    READ_ROWS,
    Outcome,
    compared_value,
    plan,
)
from ita_xl.core.reader import WARNING, Finding
from ita_xl.core.sheets import (
    ANALYSIS,
    MARKER_CELL,
)
from ita_xl.xlsx.insert import (
    Package,
    Unsupported,
    insert_sheets,
    parts_digest,
    scratch_of,
    set_custom_properties,
)
from ita_xl.xlsx.keep import dropped_content
from ita_xl.xlsx.package import Book, digest_of, sparse_grid
from ita_xl.xlsx.save import destination, write_atomically

SOURCE_PROPERTY, BOOK_PROPERTY = "ita-xl source", "ita-xl digest"
#: A digest of the output's parts as written (``insert.parts_digest``): a rerun that finds
#: them unchanged knows the file is as ita-xl wrote it without reading every cell again.
PARTS_PROPERTY = "ita-xl parts"


# --------------------------------------------------------------------------- files

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


def _cannot_open(source: Path, why_th: str, why_en: str) -> ItaError:
    return ItaError(f"เปิด {source.name} ไม่ได้: {why_th}", f"cannot open {source.name}: {why_en}")


def _check_source(source: Path) -> bytes:
    """The first bytes of an input file, or a one-line error saying why it cannot be read."""
    try:
        if not source.exists():
            raise ItaError(f"ไม่พบไฟล์ {source}", f"no such file: {source}")
        if source.is_dir():
            raise ItaError(f"{source} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ Excel", f"{source} is a folder, not a workbook")
        with source.open("rb") as handle:
            head = handle.read(8)
    except PermissionError as exc:
        raise ItaError(f"ไม่มีสิทธิ์อ่านไฟล์ {source}", f"no permission to read {source}") from exc
    except OSError as exc:
        raise _cannot_open(source, "อ่านไฟล์ไม่ได้", exc.strerror or type(exc).__name__) from exc
    if not head:
        raise _cannot_open(source, "ไฟล์ว่างเปล่า (0 ไบต์)", "the file is empty")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ItaError(
            f"{source.name} มีรหัสผ่านหรือเป็นไฟล์ .xls รุ่นเก่า: เอารหัสผ่านออกหรือบันทึกเป็น .xlsx ก่อน",
            f"{source.name} is password-protected or an old .xls: remove the password or save as .xlsx",
        )
    if not head.startswith(b"PK"):
        raise _cannot_open(
            source, "ไม่ใช่ไฟล์ Excel (.xlsx) เช่น เป็นไฟล์ CSV หรือข้อความ", "not an Excel workbook (not a zip)"
        )
    return head


def open_workbook(path: str | Path) -> Workbook:
    """Open an input workbook whole (openpyxl), or raise ``ItaError`` with one line saying why not."""
    source = Path(path)
    wb = _opened(source, lambda: load_workbook(source, keep_vba=source.suffix.lower() in (".xlsm", ".xltm")))
    wb.template = False  # an .xltx input gives a workbook, not a template Excel would reject
    return wb


def open_book(path: str | Path) -> Book:
    """Open an input workbook for reading its cells only (fast, bounded), or raise ``ItaError``."""
    source = Path(path)

    def load() -> Book:
        book = Book(source)
        for name in book.sheetnames:  # a damaged sheet part fails here, as one line
            book.cells(name)
        return book

    return _opened(source, load)


def _opened(source: Path, load: Callable[[], Any]) -> Any:
    """``load()`` after checking that ``source`` is a readable Excel workbook; one-line errors."""
    _check_source(source)
    if source.suffix.lower() not in WORKBOOK_SUFFIXES:
        raise _cannot_open(source, "รองรับเฉพาะไฟล์ .xlsx หรือ .xlsm", "only .xlsx or .xlsm workbooks")
    try:
        with zipfile.ZipFile(source) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                raise _cannot_open(
                    source,
                    "ไม่ใช่ไฟล์ Excel (.xlsx) หรือบันทึกแบบ Strict Open XML: บันทึกใหม่เป็น “Excel Workbook (.xlsx)”",
                    "not an Excel workbook, or saved as Strict Open XML: save it as Excel Workbook (.xlsx)",
                )
            if b"purl.oclc.org/ooxml/spreadsheetml" in archive.read("xl/workbook.xml")[:2000]:
                raise _cannot_open(
                    source,
                    "บันทึกแบบ Strict Open XML: บันทึกใหม่เป็น “Excel Workbook (.xlsx)”",
                    "saved as Strict Open XML: save it as Excel Workbook (.xlsx)",
                )
            damaged = archive.testzip()
        if damaged is not None:
            raise _cannot_open(source, f"ไฟล์เสียหาย ({damaged})", f"damaged part {damaged}")
        with warnings.catch_warnings():  # what openpyxl drops is reported by ita_xl.xlsx.keep instead
            warnings.simplefilter("ignore")
            return load()
    except ItaError:
        raise
    except MemoryError as exc:
        raise _cannot_open(source, "ไฟล์ใหญ่เกินไป", "too large") from exc
    except Exception as exc:  # openpyxl raises many kinds on damaged files (zip, XML, KeyError ...)
        raise _cannot_open(
            source,
            "ไม่ใช่ไฟล์ Excel (.xlsx/.xlsm) หรือไฟล์เสียหาย/ยังบันทึกไม่เสร็จ",
            f"not an Excel workbook or damaged ({type(exc).__name__})",
        ) from exc


def _grid(wb: Workbook) -> Callable[[str], list[list[Any]]]:
    """Each sheet's values inside READ_ROWS x READ_COLUMNS, without creating cells."""

    def read_sheet(name: str) -> list[list[Any]]:
        cells = getattr(wb[name], "_cells", {})
        return sparse_grid((r, c, cell.value) for (r, c), cell in cells.items() if cell.value is not None)

    return read_sheet


def _beyond(far: Callable[[str], list[tuple[int, int]]], sheetnames: Sequence[str]) -> list[Finding]:
    """A warning for each input sheet holding values outside the rectangle read (``far``: their cells)."""
    from ita_xl.core.reader import INPUT_SHEETS

    findings = []
    for name in INPUT_SHEETS:
        cells = far(name) if name in sheetnames else []
        if cells:
            first = f"{get_column_letter(cells[0][1])}{cells[0][0]}"
            findings.append(
                Finding(
                    WARNING,
                    f"มีข้อมูลนอกส่วนที่แม่แบบใช้ {len(cells)} ช่อง (เช่น {first}): ไม่ได้อ่าน",
                    f"{len(cells)} value(s) outside the template's cells (e.g. {first}) were not read",
                    name,
                    first,
                )
            )
    return findings


def _far(wb: Workbook) -> Callable[[str], list[tuple[int, int]]]:
    return lambda name: [
        (r, c)
        for (r, c), cell in getattr(wb[name], "_cells", {}).items()
        if (r > READ_ROWS or c > READ_COLUMNS) and cell.value is not None
    ]


def _marker(wb: Workbook) -> Callable[[str], Any]:
    return lambda name: wb[name][MARKER_CELL].value


def check_workbook(wb: Workbook, *, threshold: float | None = None) -> Outcome:
    """Read, validate and describe without writing anything."""
    outcome = plan(_grid(wb), wb.sheetnames, _marker(wb), threshold=threshold)
    outcome.findings.extend(_beyond(_far(wb), wb.sheetnames))
    return outcome


def check_book(book: Book, *, threshold: float | None = None) -> Outcome:
    """``check_workbook`` of a file opened with ``open_book``: the same findings, read in bounded time."""
    outcome = plan(
        book.grid, book.sheetnames, lambda name: book.value(name, MARKER_CELL), threshold=threshold
    )
    outcome.findings.extend(_beyond(book.beyond, book.sheetnames))
    return outcome


def refuse_edited(outcome: Outcome, force: bool) -> None:
    """Stop (``ItaError``) if a generated sheet was edited by hand since ita-xl wrote it, unless ``force``."""
    if outcome.edited and not force:
        names = " และ ".join(f"“{n}”" for n in outcome.edited)
        raise ItaError(
            f"ชีต {names} ถูกแก้ไขหลังจาก ita-xl สร้าง: ไม่เขียนทับ (สิ่งที่แก้จะหาย) "
            "ให้เปลี่ยนชื่อชีตนั้นก่อน หรือใช้ --force ถ้าต้องการเขียนทับ",
            f"sheet(s) {', '.join(outcome.edited)} were edited since ita-xl wrote them: not replacing them "
            "(the edits would be lost); rename them, or use --force",
        )


def generate_workbook(wb: Workbook, *, threshold: float | None = None, force: bool = False) -> Outcome:
    """Write both sheets into an openpyxl workbook (replacing only ita-xl's own sheets).

    A generated sheet edited by hand since ita-xl wrote it stops the run (``ItaError``)
    unless ``force``.
    """
    from ita_xl.xlsx.render import render

    outcome = check_workbook(wb, threshold=threshold)
    if not outcome.ok:
        return outcome
    refuse_edited(outcome, force)
    for spec in outcome.specs:
        index = None
        if spec.name in wb.sheetnames:
            index = wb.sheetnames.index(spec.name)
            del wb[spec.name]
        render(wb, spec, index)
    wb.active = wb.sheetnames.index(ANALYSIS)
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws.title == ANALYSIS
    return outcome


def workbook_digest(wb: Workbook) -> str:
    """A digest of every sheet's name, visibility and values, cells as stored (sparse)."""
    digest = hashlib.sha256()
    for ws in wb.worksheets:
        digest.update(f"{ws.title}|{ws.sheet_state}\n".encode())
        for (r, c), cell in sorted(ws._cells.items()):
            normal = compared_value(cell.value)
            if normal is not None:
                digest.update(f"{r},{c},{normal}\n".encode())
    return digest.hexdigest()[:32]


def book_digest(path: Path) -> tuple[str | None, str | None, str]:
    """(source recorded, digest recorded, digest of the values now) of an existing file."""
    with Book(path) as book:
        props = {p.name: getattr(p, "value", None) for p in book.wb.custom_doc_props}
        recorded = props.get(BOOK_PROPERTY)
        if props.get(PARTS_PROPERTY) and props[PARTS_PROPERTY] == parts_digest(Package.read(path)):
            return props.get(SOURCE_PROPERTY), recorded, recorded  # byte for byte as written
        return props.get(SOURCE_PROPERTY), recorded, book.digest()


def is_ours(path: Path, source: str | None = None) -> bool:
    """Whether ``path`` is an ita-xl output (of ``source``, if given) unchanged since it was written."""
    try:
        recorded_source, recorded, now = book_digest(path)
    except Exception:
        return False
    return recorded is not None and recorded == now and (source is None or recorded_source == source)


def check_output(target: Path, source: str) -> None:
    """Stop (``ItaError``) unless writing ``target`` loses nothing: absent, or our unchanged output."""
    if not target.exists():
        return
    try:
        recorded_source, recorded, now = book_digest(target)
    except Exception:
        recorded_source = recorded = now = None
    how = "ใช้ -o ชื่อไฟล์ใหม่.xlsx หรือ --force ถ้าต้องการเขียนทับ"
    how_en = "use -o NEW.xlsx, or --force to replace it"
    if recorded is None:
        th, en = "ไม่ได้สร้างโดย ita-xl (ทุกอย่างในไฟล์จะหาย)", "was not made by ita-xl (all of it would be lost)"
    elif recorded_source != source:
        th = f"เป็นรายงานของไฟล์อื่น ({recorded_source}) ซึ่งจะหาย"
        en = f"is the report of another file ({recorded_source}), which would be lost"
    elif recorded != now:
        th = "ถูกแก้ไขหลังจาก ita-xl สร้าง (เซลล์ที่แก้และชีตที่เพิ่มจะหาย)"
        en = "was edited since ita-xl wrote it (the edits and added sheets would be lost)"
    else:
        return
    raise ItaError(f"มีไฟล์ {target} อยู่แล้วและ{th}: ไม่เขียนทับ {how}", f"{target} exists and {en}; {how_en}")


def save_output(wb: Workbook, target: Path, source: str) -> Path:
    """Write ``wb`` atomically, recording ``source`` and the digest of what was written."""

    props = wb.custom_doc_props
    for name in (SOURCE_PROPERTY, BOOK_PROPERTY):
        if name in props.names:
            del props[name]
    props.append(StringProperty(name=SOURCE_PROPERTY, value=source))
    props.append(StringProperty(name=BOOK_PROPERTY, value=workbook_digest(wb)))
    return write_atomically(target, wb.save)


def default_output(source: Path) -> Path:
    suffix = ".xlsm" if source.suffix.lower() in (".xlsm", ".xltm") else ".xlsx"
    return source.with_name(f"{source.stem}_ITA{suffix}")


#: Outputs that are the report as a document (ita_xl.docx), not a workbook.
DOCUMENT_SUFFIXES = (".docx", ".pdf")


def check_output_name(source: Path, output: str | Path | None, in_place: bool) -> Path:
    """The file to write, checked before any work: an Excel workbook that is not the input."""
    if in_place and output is not None:
        raise ItaError(
            "ใช้ --in-place พร้อมกับ -o ไม่ได้: เลือกอย่างใดอย่างหนึ่ง", "--in-place and -o exclude each other"
        )
    target = source if in_place else Path(output) if output else default_output(source)
    allowed = (".xlsm",) if source.suffix.lower() in (".xlsm", ".xltm") else (".xlsx",)
    if not in_place and target.suffix.lower() in DOCUMENT_SUFFIXES:
        allowed = DOCUMENT_SUFFIXES  # the same report as a Word document or a PDF
    if target.suffix.lower() not in allowed:
        raise ItaError(
            f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย {allowed[0]} (ไม่ใช่ “{target.suffix or 'ไม่มีนามสกุล'}”)",
            f"the output must end in {allowed[0]}, not {target.suffix or 'no extension'!r}",
        )
    if len(os.fsencode(target.name)) > 255:
        raise ItaError(f"ชื่อไฟล์ยาวเกินไป: {target.name[:40]}…", f"file name too long: {target.name[:40]}...")
    if not in_place and target.exists() and source.exists() and _same_file(target, source):
        raise ItaError(
            "ไฟล์ผลลัพธ์เป็นไฟล์เดียวกับไฟล์ต้นฉบับ: ใช้ --in-place ถ้าต้องการเขียนลงไฟล์เดิม",
            "the output is the input: use --in-place to write into it",
        )
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


def generate_file(
    source: str | Path,
    output: str | Path | None = None,
    *,
    in_place: bool = False,
    threshold: float | None = None,
    force: bool = False,
) -> tuple[Outcome, Path | None]:
    """Generate into a copy of ``source`` (or into it with ``in_place``), written atomically.

    The input file is never written unless ``in_place``. An existing output is replaced only
    if it is ita-xl's output of the same input, unchanged since (``check_output``), or with
    ``force``. Nothing is written when anything would be lost.
    """
    source = Path(source)
    target = check_output_name(source, output, in_place)
    _check_source(source)
    destination(target)  # the output folder exists
    source_id = str(source.resolve())
    if not (in_place or force):
        check_output(destination(target), source_id)
    with open_book(source) as book:
        outcome = check_book(book, threshold=threshold)
        if not outcome.ok:
            return outcome, None
        added = [n for n in GENERATED_SHEETS if n in book.sheetnames and hand_added(book, n)]
        outcome.edited = tuple(dict.fromkeys((*outcome.edited, *added)))
        refuse_edited(outcome, force)
        try:
            package = by_parts(source, book, outcome, source_id)
        except (Unsupported, ValueError, KeyError, IndexError, ElementTree.ParseError):
            package = None  # a package the part-by-part insertion does not handle: openpyxl's load and save
    if package is not None:  # written with the input closed (Windows refuses to replace an open file)
        return outcome, write_atomically(target, package.write)
    return _generate_whole(source, target, source_id, in_place=in_place, threshold=threshold, force=force)


#: What ita-xl itself puts beside a generated sheet: its chart's drawing. Anything else related
#: to the sheet (comments and their VML, hyperlinks, tables, pictures, controls) a user added.
_OWN_RELATIONS = ("/drawing",)


def hand_added(book: Book, name: str) -> bool:
    """Whether a generated sheet carries what a user added by hand besides values (a comment, a
    hyperlink, a picture or shape): the values' digest cannot see it, and replacing the sheet
    would drop it, so it counts as an edit (ECMA-376 Part 1, 18.3.1.47 hyperlinks; the
    sheet's relationships, 12.3)."""
    archive, part = book.wb._archive, book.part(name)
    if b"<hyperlinks" in archive.read(part):
        return True
    folder, _, file = part.rpartition("/")
    rels = f"{folder}/_rels/{file}.rels"
    if rels not in archive.namelist():
        return False
    for rel in ElementTree.fromstring(archive.read(rels)):
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if not kind.endswith(_OWN_RELATIONS):
            return True
        drawing = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
        if drawing in archive.namelist() and re.search(rb"<(\w+:)?(pic|sp)\b", archive.read(drawing)):
            return True  # a picture or shape in the drawing beside ita-xl's chart
    return False


def by_parts(source: Path, book: Book, outcome: Outcome, source_id: str) -> Package:
    """``source``'s parts with the generated sheets put in (``ita_xl.xlsx.insert``), ready to write.

    Every part of the input is kept byte for byte except those the insertion must change;
    the output records ``source_id`` and the digest of its sheets' values as written.
    """
    from ita_xl.xlsx.render import render

    scratch_wb = Workbook()
    scratch_wb.remove(scratch_wb.active)
    for spec in outcome.specs:
        render(scratch_wb, spec)
    buffer = io.BytesIO()
    scratch_wb.save(buffer)
    scratch = scratch_of(buffer.getvalue())
    package = Package.read(source)
    existing = {name: book.part(name) for name in scratch.parts if name in book.sheetnames}
    insert_sheets(package, scratch, existing)
    with Book(io.BytesIO(buffer.getvalue())) as generated:
        sheets = [
            (
                ws.title,
                ws.sheet_state,
                generated.cells(ws.title) if ws.title in existing else book.cells(ws.title),
            )
            for ws in book.wb.worksheets
        ]
        sheets += [(name, "visible", generated.cells(name)) for name in scratch.parts if name not in existing]
    values = {SOURCE_PROPERTY: source_id, BOOK_PROPERTY: digest_of(sheets), PARTS_PROPERTY: ""}
    set_custom_properties(package, values)  # the part, its relationship and content type first
    values[PARTS_PROPERTY] = parts_digest(package)
    set_custom_properties(package, values)
    return package


def _generate_whole(
    source: Path, target: Path, source_id: str, *, in_place: bool, threshold: float | None, force: bool
) -> tuple[Outcome, Path | None]:
    """Generate with openpyxl's load and save of the whole workbook (what it cannot keep is reported)."""
    wb = open_workbook(source)
    outcome = generate_workbook(wb, threshold=threshold, force=force)
    if not outcome.ok:
        return outcome, None
    lost = dropped_content(source)
    if lost and in_place:
        raise ItaError(
            f"ไฟล์ {source.name} มี{', '.join(k.th for k in lost)} ซึ่งจะหายถ้าเขียนลงไฟล์เดิม: "
            "ไม่ได้แก้ไขไฟล์ ให้ใช้ -o ชื่อไฟล์ใหม่.xlsx แทน --in-place",
            f"{source.name} holds {', '.join(k.en for k in lost)} that writing in place would drop: "
            "unchanged; use -o NEW.xlsx instead of --in-place",
        )
    if lost:
        outcome.findings.append(
            Finding(
                WARNING,
                f"{', '.join(k.th for k in lost)} ในไฟล์ต้นฉบับไม่ได้คัดลอกไปยัง {target.name} (ไฟล์ต้นฉบับยังมีครบ)",
                f"{', '.join(k.en for k in lost)} of the input are not in {target.name} "
                "(the input keeps them)",
            )
        )
    return outcome, save_output(wb, target, source_id)
