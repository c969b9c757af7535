"""The text of a result file for ``ita-xl import``: plain text, PDF (pypdf) or HTML.

Each gives the text a user would copy from the same document, for the reader of result
text (``ita_xl.core.resulttext``):

* ``.txt``: UTF-8 (with or without a byte-order mark) or, failing that, Windows Thai (cp874);
* ``.pdf``: the text pypdf extracts, page by page, with the artefacts of Thai PDF text
  undone (``tidy_pdf_text``);
* ``.html``/``.htm``: the page's text through the standard ``html.parser``; a table row is
  a line and its cells are separated by tabs, as a browser copies a table.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ita_xl.core.errors import ItaError

TEXT_SUFFIXES, PDF_SUFFIXES, HTML_SUFFIXES = (".txt", ".text"), (".pdf",), (".html", ".htm")
SUFFIXES = (*TEXT_SUFFIXES, *PDF_SUFFIXES, *HTML_SUFFIXES)

_DIGIT = "0-9๐-๙"
#: pypdf writes a Thai sara am (ำ) followed by an extra sara aa (า): "ประจำาปี".
_SARA_AM = re.compile("ำ([่้๊๋]?)า")
#: A tone mark drawn before the vowel above or below it comes out first: "อยู่" for "อยู่".
_TONE_FIRST = re.compile("([่้๊๋])([ัิีึืุู])")
#: A code's letter and its number drawn in two fonts come out apart: "i  ๑" for "i๑".
_SPLIT_CODE = re.compile(rf"(?<![A-Za-z])([ieoIEO])[ \t]+([{_DIGIT}]{{1,2}})(?![{_DIGIT}.])")
#: A title and the score after it, in two table cells, come out glued: "เจ้าหน้าที่๑๐๐".
_GLUED_SCORE = re.compile(rf"([\u0e01-\u0e4e])([{_DIGIT}])")
#: A year at the end of a title, glued to the score after it: "พ.ศ.๒๕๖๗๑๐๐".
_GLUED_YEAR = re.compile(rf"(พ\.\s*ศ\.\s*[2๒][5๕][{_DIGIT}]{{2}})(?=[{_DIGIT}])")
#: A figure's whole and decimal parts come out apart: "๘๘.    ๕๐" for "๘๘.๕๐" (two
#: decimals, as the NACC prints scores, so a list "1. 2" stays as it is); never when a decimal
#: part follows, which makes the two digits a figure of its own: "1. 85.00" is item 1, 85.00.
_SPLIT_DECIMAL = re.compile(
    rf"(?<![{_DIGIT}.])([{_DIGIT}]{{1,3}})\.[ \t]+([{_DIGIT}]{{2}})(?![{_DIGIT}])(?!\.[{_DIGIT}])"
)


def _cannot_read(path: Path, th: str, en: str) -> ItaError:
    return ItaError(f"อ่านไฟล์ {path.name} ไม่ได้: {th}", f"cannot read {path.name}: {en}")


def check_suffix(path: str | Path) -> Path:
    """The result file's path, if its kind is one the import reads (checked before any work)."""
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        kinds = ", ".join(SUFFIXES)
        raise ItaError(
            f"ไฟล์ผลการประเมินต้องเป็น {kinds} (ไม่ใช่ “{path.suffix or 'ไม่มีนามสกุล'}”)",
            f"the result file must be one of {kinds}, not {path.suffix or 'no extension'!r}",
        )
    return path


def read_text(path: str | Path) -> str:
    """The text of a result file (.txt, .pdf, .html); an unreadable file is an ``ItaError``."""
    path = check_suffix(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise _cannot_read(path, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์", "it is a folder") from None
    except FileNotFoundError:
        raise _cannot_read(path, "ไม่พบไฟล์", "no such file") from None
    except OSError as exc:
        raise _cannot_read(path, exc.strerror or "ข้อผิดพลาดของระบบ", str(exc)) from None
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return pdf_text(path, data)
    text = _decode(data)
    return html_text(text) if suffix in HTML_SUFFIXES else text


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp874", errors="replace")


def pdf_text(path: Path, data: bytes) -> str:
    """The text pypdf extracts from each page, joined by line ends and tidied."""
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ItaError(
            "อ่านไฟล์ PDF ต้องติดตั้ง pypdf: pip install pypdf (หรือคัดลอกข้อความจาก PDF ลงไฟล์ .txt)",
            "reading a PDF needs pypdf: pip install pypdf",
        ) from None

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _cannot_read(path, "ไฟล์ PDF มีรหัสผ่าน", "the PDF is encrypted")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise _cannot_read(path, "ไม่ใช่ไฟล์ PDF หรือไฟล์เสียหาย", type(exc).__name__) from None
    if not text.strip():
        raise _cannot_read(
            path,
            "ไฟล์ PDF นี้ไม่มีข้อความ (อาจเป็นภาพสแกน) ให้คัดลอกข้อความจากหน้าผลการประเมินแทน",
            "the PDF holds no text (a scan?)",
        )
    return tidy_pdf_text(text)


def tidy_pdf_text(text: str) -> str:
    """Undo what PDF text extraction does to Thai text (pypdf, seen on PDFs LibreOffice
    makes of the seeds): an extra sara aa after sara am, a tone mark before its vowel, a
    score glued to the title (or the year) before it, and a code or a decimal figure split
    by spaces where its parts were drawn in different fonts."""
    text = _SARA_AM.sub(r"\1ำ", text)
    text = _TONE_FIRST.sub(r"\2\1", text)
    text = _GLUED_SCORE.sub(r"\1 \2", text)
    text = _GLUED_YEAR.sub(r"\1 ", text)
    text = _SPLIT_CODE.sub(r"\1\2", text)
    return _SPLIT_DECIMAL.sub(r"\1.\2", text)


class _TableText(HTMLParser):
    """Text of an HTML page: block elements end a line, table cells are separated by tabs."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"})
    SKIPPED = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(" ".join(data.split()) if data.strip() else "")


def html_text(markup: str) -> str:
    """The text of an HTML page, a table row per line with its cells tab-separated."""
    parser = _TableText()
    parser.feed(markup)
    parser.close()
    lines = (
        "\t".join(cell.strip() for cell in line.split("\t")).strip()
        for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)
