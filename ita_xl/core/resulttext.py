"""Read an ITA result from pasted text: the NACC result page, the result PDF, a Word report.

The text is what a user copies (Ctrl+A, Ctrl+C) and pastes: Thai or Arabic digits, OCR
confusions (``๐๑`` for ``o1``), titles wrapped over lines, tables flattened into tab- or
space-separated lines, HTML fragments left in cells. ``read_result_text`` finds the unit's
name, the fiscal year, the tool, indicator and question scores, the total and the level,
keyed by the fiscal year's catalogue (``Framework``). Pure: standard library only.

Rules of reading (each one a pattern in the tables below):

- Figures are read from table rows, not from sentences. A row starts a line with a
  question code (``i1``, ``e7``, ``o12``), an indicator number or ``ตัวชี้วัดที่ N``, and
  its score is the first number after the row's title. Rows may wrap over lines.
- A code whose letter the OCR turned into a digit (``๐๗``, ``๑๒๒``) is accepted only when
  the title that follows matches the catalogue's title of that code.
- A tool score follows the tool's name (IIT, EIT ส่วนที่ 1/2, OIT) with at most a few
  words such as "คะแนนรวม" in between; the total follows a word such as "คะแนนเฉลี่ยรวม".
- The same figure printed twice with the same value is one figure with two sources;
  printed with different values it is left blank and reported. Nothing is guessed.
  Exceptions, both reported: different printed totals are all kept (the workbook checks
  each against the recomputation), and an EIT question printed under part 1 and part 2
  with different scores is kept per part in ``question_parts``.
- A tool printed as "ไม่ถูกประมวลผล" is listed in ``unprocessed_tools``, never read as 0.

Callers: ``read_result_text`` -> ``ResultText``; ``unit_inputs_fields`` (fields for a
``UnitInputs``), ``history_year`` (last year's result as a history row), ``missing_figures``
and ``describe`` (what to show the user). Nothing here writes a workbook.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from ita_xl.core.figures import THAI_DIGITS, from_thai_digits
from ita_xl.core.framework import Framework, available_years, load_framework
from ita_xl.core.inputs import HistoryYear, Printed

# --------------------------------------------------------------------------- patterns (data)

#: Removed from every line before reading: HTML tags, Markdown emphasis, table pipes.
_NOISE = re.compile(r"<[^>]*>|\*\*|\\\*|\\|\||^#+\s*|^\s*[-•]\s+")
#: A row's leading number glued to its text ("๑.การปฏิบัติหน้าที่").
_GLUED_NUMBER = re.compile(r"^(\d{1,2}[.)])\s*(?=[^\d\s.])")
#: A code glued to its title ("e๙ท่านเคยใช้งาน").
_GLUED_CODE = re.compile(r"^([ieoIEO]\d{1,2})(?=[^\d\s.])")
#: A score: 0-100 with at most two decimals, as the NACC prints it; never with a leading
#: zero ("๐๑๖" is an OCR'd code o16, not 16).
_SCORE = re.compile(r"^(0|[1-9]\d{0,2})(\.\d{1,2})?$")
#: A question code: a letter (or a digit the OCR made of it) and the number.
_CODE = re.compile(r"^([ieo01l])([1-9]\d?)$", re.IGNORECASE)
#: What an OCR'd code letter may have been.
_OCR_LETTERS = {"0": "o", "1": "oi", "l": "i"}
#: An OCR'd code's title must be this similar to the catalogue's title (difflib ratio).
_OCR_TITLE_SIMILARITY = 0.6
#: An indicator row's name must cover this share of the indicator's name ...
_NAME_COVERAGE = 0.6
#: ... with at most this many extra characters (or half the name, if longer).
_NAME_EXTRA = 8
#: A question row's title is at most this many tokens before its score.
_TITLE_TOKENS = 60
#: A row is a title and a score: text longer than the catalogue title × this + slack is
#: prose (the seeds' titles run at most 15 characters over, with "พ.ศ.2567" added).
_TITLE_STRETCH = 1.25
_TITLE_SLACK = 20
#: The length allowed for a title the catalogue does not give (FY2562-2566 IIT/EIT).
_UNKNOWN_TITLE = 100
#: A number after one of these words in a row is a weight or a percentage, not a score.
_NOT_A_SCORE = frozenset({"ร้อยละ", "น้ำหนัก", "%"})
_INDICATOR_WORD = re.compile(r"^ตัวชี้วัดที่(\d{1,2})?$")
_INDICATOR_NUMBER = re.compile(r"^(\d{1,2})[.)]?$")
_TOOL_TOKEN = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)\)?:?$")
#: A tool's Thai name ends so ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน").
_TOOL_NAME_ENDINGS = {"IIT": "ส่วนเสียภายใน", "EIT": "ส่วนเสียภายนอก", "OIT": "ข้อมูลสาธารณะ"}
#: A heading that starts the tables of one EIT part (the same codes e1... follow in each).
_PART_HEADING = re.compile(r"ส่วนที่\s*([12])(?!\d)|EIT\s*\(([12])\)|EIT\s+(Public|Survey)", re.IGNORECASE)
_PART = re.compile(r"^(?:ส่วนที่|\()?([12])\)?$")
_PART_WORD = {"public": 1, "survey": 2}
#: Printed in place of a tool's score when the NACC did not score it.
_NOT_PROCESSED = re.compile(r"^(ไม่ถูกประมวลผล|ไม่ประมวลผล|ไม่ได้ประมวลผล)")
_TOOL_FILLERS = frozenset(
    {"ส่วนที่", "คะแนนรวม", "คะแนน", "ผลคะแนน", "มีคะแนน", "ได้", ":", "=", "-", "–", "ได้คะแนน"}
)
#: Words just before a total that name an indicator or a tool make it that part's score.
_CONTEXT_TOKENS = 6
_TOTAL_WORD = re.compile(r"(คะแนนเฉลี่ยรวม|คะแนนรวม|คะแนนเฉลี่ย|มีคะแนน|ระดับคะแนน|คะแนนในภาพรวม|คะแนนภาพรวม)$")
_LEVEL_WORD = re.compile(r"(ระดับผลการประเมิน|อยู่ในระดับ|Rating)$")
_LEVEL_SKIP = frozenset({":", "คือ", "="})
_YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\.\s?ศ\.)?\s*(25\d\d)")
_UNIT = re.compile(
    r"(องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร)"
    r"(?!ส่วน)([^\s\d().]{2,30})"
)
_DISTRICT = re.compile(r"อำเภอ([^\s\d().]{2,30})")
_PROVINCE = re.compile(r"จังหวัด([^\s\d().]{2,30})")
#: Words that show a text is about the ITA at all.
_ITA_MARKERS = re.compile(r"ITA|คุณธรรมและความโปร่งใส|\bIIT\b|\bEIT\b|\bOIT\b|ป\.ป\.ช\.")

# --------------------------------------------------------------------------- messages (Thai, English)

MESSAGES: Mapping[str, tuple[str, str]] = {
    "not_ita": (
        "ข้อความนี้ไม่ใช่ผลการประเมิน ITA: ไม่พบคะแนนของแบบวัด ตัวชี้วัด หรือข้อคำถาม",
        "this text is not an ITA result: no tool, indicator or question score found",
    ),
    "conflict": (
        "พบ {key} {n} ค่าที่ต่างกัน: {values} (บรรทัด {lines}) จึงเว้นว่างไว้ โปรดตรวจสอบและกรอกเอง",
        "found {n} different values for {key}: {values} (lines {lines}); left blank",
    ),
    "totals": (
        "พบคะแนนรวม {n} ค่าที่ต่างกัน: {values} (บรรทัด {lines}) เก็บไว้ทุกค่าเพื่อตรวจสอบ",
        "found {n} different totals: {values} (lines {lines}); all kept for checking",
    ),
    "eit_parts": (
        "พบ {key} ทั้งใน EIT ส่วนที่ 1 ({one}) และส่วนที่ 2 ({two}) (บรรทัด {lines}) "
        "ช่องของข้อนี้มีช่องเดียว จึงเว้นว่างไว้ โปรดเลือกค่าที่จะใช้และกรอกเอง",
        "found {key} under EIT part 1 ({one}) and part 2 ({two}) (lines {lines}); "
        "the question has one cell, so it is left blank",
    ),
    "not_processed": (
        "บรรทัด {line}: {key} ไม่ถูกประมวลผล ช่องคะแนนจึงว่างไว้ และคะแนนรวมยังไม่ใช่ผลสุดท้าย",
        "line {line}: {key} was not processed; its score stays blank and the total is not final",
    ),
    "unknown_code": (
        "บรรทัด {line}: ไม่มีข้อ {key} ในข้อคำถามของปี {year} จึงไม่ได้นำเข้า",
        "line {line}: {key} is not a question of FY{year}; not imported",
    ),
    "ambiguous_tool": (
        "บรรทัด {line}: คะแนน {value} ของ {key} ไม่ระบุส่วนที่ ๑ หรือ ๒ จึงไม่ได้นำเข้า",
        "line {line}: score {value} of {key} names no part 1 or 2; not imported",
    ),
    "year_differs": (
        "ข้อความระบุปีงบประมาณ {found} ไม่ใช่ปี {year} ที่เลือกไว้ โปรดตรวจสอบว่าเลือกปีถูกต้อง",
        "the text names fiscal year {found}, not the chosen {year}",
    ),
    "no_year": (
        "ไม่พบปีงบประมาณในข้อความ ใช้ปี {year} ตามที่เลือกไว้",
        "no fiscal year found in the text; FY{year} as chosen",
    ),
    "name_variants": (
        "ชื่อหน่วยงานเขียนไว้หลายแบบ: {values} ใช้ “{chosen}” ซึ่งพบบ่อยที่สุด",
        "the unit's name is written several ways: {values}; “{chosen}”, the most frequent, used",
    ),
    "name_unclear": (
        "ชื่อ{what}เขียนไว้หลายแบบเท่า ๆ กัน: {values} จึงเว้นว่างไว้",
        "the {what_en} is written several ways equally often: {values}; left blank",
    ),
    "missing": ("ไม่พบ: {keys}", "not found: {keys}"),
    "found": ("{key} = {text} ({where})", "{key} = {text} ({where})"),
    "where": ("บรรทัด {line}: {snippet}", "line {line}: {snippet}"),
    "indicator": ("ตัวชี้วัดที่ {key}", "indicator {key}"),
    "total": ("คะแนนรวม", "total"),
}


def _message(kind: str, /, **values: object) -> tuple[str, str]:
    """The Thai and English text; a tuple value is a list joined with "และ" / "and"."""
    th, en = MESSAGES[kind]

    def joined(word: str) -> dict[str, object]:
        return {k: word.join(v) if isinstance(v, tuple) else v for k, v in values.items()}

    return th.format(**joined(" และ ")), en.format(**joined(" and "))


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Source:
    """Where a figure was read: the 1-based line number and the line's text."""

    line: int
    snippet: str


@dataclass(frozen=True)
class Figure:
    """A figure: its value, its text as printed (in Arabic digits) and every place it was read."""

    value: Decimal
    text: str
    sources: tuple[Source, ...]

    @property
    def source(self) -> Source:
        return self.sources[0]


@dataclass(frozen=True)
class Finding:
    """Something the reader could not decide, in Thai and English; ``line`` where known.

    ``key`` names what it is about: a tool or question code (``EIT2``, ``o12``), an
    indicator's number (``"5"``), ``"total"``, or the name, district or province word.
    """

    kind: str
    th: str
    en: str
    key: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Found:
    """A non-numeric item read from the text (a name, a level, a year) with its source."""

    value: str
    source: Source


@dataclass(frozen=True)
class ResultText:
    """Everything read from one result text. A blank item is ``None`` or absent."""

    fiscal_year: int
    is_result: bool
    name: Found | None = None
    unit_type: str = ""
    district: Found | None = None
    province: Found | None = None
    printed_year: Found | None = None
    tools: Mapping[str, Figure] = field(default_factory=dict)
    indicators: Mapping[int, Figure] = field(default_factory=dict)
    questions: Mapping[str, Figure] = field(default_factory=dict)
    #: EIT questions printed with different scores under part 1 and part 2, by part.
    question_parts: Mapping[str, Mapping[int, Figure]] = field(default_factory=dict)
    totals: tuple[Figure, ...] = ()
    #: Tools the text says the NACC did not score ("ไม่ถูกประมวลผล"); never read as 0.
    unprocessed_tools: tuple[str, ...] = ()
    level: Found | None = None
    thai_digits: bool = True
    findings: tuple[Finding, ...] = ()

    @property
    def total(self) -> Figure | None:
        """The published total, if the text prints exactly one."""
        return self.totals[0] if len(self.totals) == 1 else None

    def figure_count(self) -> int:
        return len(self.tools) + len(self.indicators) + len(self.questions) + len(self.totals)


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Token:
    text: str
    line: int
    starts_line: bool


@dataclass
class _Reading:
    """Working state: the tokens, the lines and the candidates read so far."""

    framework: Framework
    lines: list[str]
    tokens: list[_Token]
    candidates: dict[tuple[str, str], list[tuple[Decimal, str, Source]]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    #: The EIT part each candidate was read under (None outside a part's heading).
    parts: dict[tuple[str, str], list[int | None]] = field(default_factory=dict)
    part_of_line: list[int | None] = field(default_factory=list)
    by_part: dict[str, dict[int, Figure]] = field(default_factory=dict)
    unprocessed: list[str] = field(default_factory=list)

    def add(self, kind: str, key: str, index: int) -> None:
        token = self.tokens[index]
        self.used.add(index)
        source = Source(token.line, _snippet(self.lines[token.line - 1], token.text))
        value = Decimal(token.text)
        self.candidates.setdefault((kind, key), []).append((value, token.text, source))
        part = self.part_of_line[token.line - 1] if self.part_of_line else None
        self.parts.setdefault((kind, key), []).append(part)

    def note(
        self, kind: str, key: str = "", line: int | None = None, *, label: str = "", **values: object
    ) -> None:
        th, en = _message(kind, key=label or key, line=line, **values)
        self.findings.append(Finding(kind, th, en, key, line))


def _snippet(line: str, figure: str = "", limit: int = 100) -> str:
    """The line, shortened around ``figure`` (Arabic digits) so that the figure shows."""
    text = " ".join(line.split())
    if len(text) <= limit:
        return text
    found = re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d.])", from_thai_digits(text)) if figure else None
    start = max(0, found.end() + 20 - limit) if found else 0
    end = start + limit
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _clean_line(line: str) -> str:
    """One line as plain words in Arabic digits: no HTML, Markdown or glued row numbers."""
    text = from_thai_digits(html.unescape(line)).replace("\u00a0", " ")
    text = _NOISE.sub(" ", text).strip()
    text = _NOISE.sub(" ", text).strip()
    text = _GLUED_NUMBER.sub(r"\1 ", text)
    return _GLUED_CODE.sub(r"\1 ", text)


def _tokenize(lines: Sequence[str]) -> list[_Token]:
    tokens: list[_Token] = []
    for number, line in enumerate(lines, start=1):
        for position, word in enumerate(_clean_line(line).split()):
            tokens.append(_Token(word, number, position == 0))
    return tokens


def _is_score(text: str) -> bool:
    match = _SCORE.match(text)
    return bool(match) and Decimal(text) <= 100


def _squash(text: str) -> str:
    return "".join(from_thai_digits(text).lower().split())


def _coverage(text: str, title: str) -> float:
    """The share of ``title`` found, in order, in ``text`` (spacing and case ignored)."""
    a, b = _squash(text), _squash(title)
    if not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / len(b)


def _similarity(text: str, title: str) -> float:
    """How alike two titles are, 0-1, both ways (so a long text does not match a short title)."""
    return SequenceMatcher(None, _squash(text), _squash(title), autojunk=False).ratio()


# --------------------------------------------------------------------------- rows


def _title_until_score(reading: _Reading, start: int, limit_chars: int) -> tuple[str, int | None]:
    """The words from ``start`` up to the first score, and the score's index (or None)."""
    words: list[str] = []
    tokens = reading.tokens
    for index in range(start, min(len(tokens), start + _TITLE_TOKENS)):
        token = tokens[index]
        if _is_score(token.text):
            return " ".join(words), index
        if token.starts_line and _row_code(token.text):
            break
        if _INDICATOR_WORD.match(token.text) or token.text in _NOT_A_SCORE:
            break
        words.append(token.text)
        if len(_squash(" ".join(words))) > limit_chars:
            break
    return " ".join(words), None


def _row_code(text: str) -> tuple[bool, list[str]] | None:
    """``(clear, candidates)`` for a token that may be a question code, else None."""
    match = _CODE.match(text)
    if not match:
        return None
    letter, number = match.group(1).lower(), match.group(2)
    if letter in "ieo":
        return True, [letter + number]
    return False, [code + number for code in _OCR_LETTERS.get(letter, "")]


def _read_question(reading: _Reading, index: int) -> None:
    clear, candidates = _row_code(reading.tokens[index].text) or (False, [])
    known = {q.code: q for q in reading.framework.questions}
    lengths = [len(_squash(known[c].title)) for c in candidates if c in known]
    longest = max(lengths, default=0) or _UNKNOWN_TITLE
    title, score = _title_until_score(reading, index + 1, int(longest * _TITLE_STRETCH) + _TITLE_SLACK)
    if score is None:
        return
    if not clear:
        matches = [
            c
            for c in candidates
            if c in known and _similarity(title, known[c].title) >= _OCR_TITLE_SIMILARITY
        ]
        if len(matches) == 1:
            reading.add("question", matches[0], score)
        return
    code = candidates[0]
    if code in known:
        reading.add("question", code, score)
    else:
        line = reading.tokens[index].line
        reading.note("unknown_code", code, line, year=reading.framework.fiscal_year)


def _read_indicator(reading: _Reading, index: int) -> bool:
    tokens = reading.tokens
    word = _INDICATOR_WORD.match(tokens[index].text)
    position = index + 1 if word else index
    number_text = word.group(1) if word and word.group(1) else None
    if number_text is None:
        match = position < len(tokens) and _INDICATOR_NUMBER.match(tokens[position].text)
        if not match:
            return False
        number_text, position = match.group(1), position + 1
    if position < len(tokens) and _TOOL_TOKEN.search(tokens[position].text):
        position += 1
    numbers = {i.number: i for i in reading.framework.indicators}
    indicator = numbers.get(int(number_text))
    if indicator is None:
        return False
    name_length = len(_squash(indicator.name))
    extra = max(_NAME_EXTRA, name_length // 2)
    title, score = _title_until_score(reading, position, name_length + extra)
    if score is None or not title:
        return False
    if _coverage(title, indicator.name) < _NAME_COVERAGE:
        return False
    if len(_squash(title)) > name_length + extra:
        return False
    reading.add("indicator", str(indicator.number), score)
    return True


def _eit_parts(lines: Sequence[str]) -> list[int | None]:
    """For each line, the EIT part whose heading came last above it (or None)."""
    parts: list[int | None] = []
    current: int | None = None
    for line in lines:
        match = _PART_HEADING.search(_clean_line(line))
        if match:
            number, bracket, word = match.groups()
            current = int(number or bracket) if (number or bracket) else _PART_WORD[word.lower()]
        parts.append(current)
    return parts


def _read_rows(reading: _Reading) -> None:
    for index, token in enumerate(reading.tokens):
        if not token.starts_line:
            continue
        if _row_code(token.text):
            _read_question(reading, index)
        else:
            _read_indicator(reading, index)


# --------------------------------------------------------------------------- tools, total, level


def _tool_at(text: str) -> str | None:
    match = _TOOL_TOKEN.search(text)
    if match:
        return match.group(1)
    for instrument, word in _TOOL_NAME_ENDINGS.items():
        if text.endswith(word) or text.endswith(word + ")"):
            return instrument
    return None


def _tool_score(reading: _Reading, index: int, instrument: str) -> tuple[int | None, int | None, bool]:
    """After a tool's name: (part, index of its score or None, whether "not processed")."""
    tokens, part = reading.tokens, None
    position = index + 1
    while position < len(tokens) and position < index + 8:
        text = tokens[position].text
        if _is_score(text) and not (tokens[position - 1].text == "ส่วนที่" and part is None):
            if not ("." in text or tokens[position - 1].text in _TOOL_FILLERS):
                return part, None, False
            return part, position, False
        part_match = _PART.match(text)
        if instrument == "EIT" and part is None and part_match:
            part = int(part_match.group(1))
        elif instrument == "EIT" and text.strip("()").lower() in _PART_WORD:
            part = _PART_WORD[text.strip("()").lower()]
        elif text not in _TOOL_FILLERS and _tool_at(text) != instrument:
            return part, None, _NOT_PROCESSED.match(text) is not None
        position += 1
    return part, None, False


def _tool_code(framework: Framework, instrument: str, part: int | None) -> str | None:
    """The framework's tool for an instrument and EIT part; None when that is not clear."""
    tools = framework.tools_of(instrument)
    if len(tools) == 1 and part is None:
        return tools[0].code
    if part is not None and len(tools) >= part:
        return tools[part - 1].code
    return None


def _read_tools(reading: _Reading) -> None:
    for index, token in enumerate(reading.tokens):
        instrument = _tool_at(token.text)
        if instrument is None:
            continue
        part, score, unprocessed = _tool_score(reading, index, instrument)
        code = _tool_code(reading.framework, instrument, part)
        if unprocessed and code and code not in reading.unprocessed:
            reading.unprocessed.append(code)
            reading.note("not_processed", code, token.line)
        if score is None or score in reading.used:
            continue
        if code:
            reading.add("tool", code, score)
        else:
            line = reading.tokens[score].line
            reading.note("ambiguous_tool", instrument, line, value=reading.tokens[score].text)
            reading.used.add(score)


def _about_a_part(reading: _Reading, index: int) -> bool:
    """Whether the words just before ``index`` name an indicator, tool or code.

    The look back stops at a decimal figure, which ends the row or sentence before.
    """
    for back in range(index, max(-1, index - _CONTEXT_TOKENS), -1):
        token = reading.tokens[back]
        if back < index and "." in token.text and _is_score(token.text):
            break
        code = _row_code(token.text)
        if _INDICATOR_WORD.match(token.text) or _tool_at(token.text) or (code and code[0]):
            return True
    return False


def _read_totals(reading: _Reading) -> None:
    tokens = reading.tokens
    for index, token in enumerate(tokens[:-1]):
        if not _TOTAL_WORD.search(token.text) or _about_a_part(reading, index):
            continue
        following = index + 1
        if _is_score(tokens[following].text) and following not in reading.used:
            reading.add("total", "total", following)


@functools.cache
def _all_level_names() -> frozenset[str]:
    names: set[str] = set()
    for year in available_years():
        names.update(level.name for level in load_framework(year).levels)
    return frozenset(names)


def _read_levels(reading: _Reading) -> list[Found]:
    tokens, found = reading.tokens, []
    names = _all_level_names() | {lv.name for lv in reading.framework.levels}
    for index, token in enumerate(tokens):
        if not _LEVEL_WORD.search(token.text):
            continue
        position = index + 1
        while position < len(tokens) and tokens[position].text in _LEVEL_SKIP:
            position += 1
        if position < len(tokens) and tokens[position].text in names:
            line = tokens[position].line
            found.append(Found(tokens[position].text, Source(line, _snippet(reading.lines[line - 1]))))
    return found


# --------------------------------------------------------------------------- unit, year


def _most_frequent(
    reading: _Reading, pattern: re.Pattern[str], what: tuple[str, str], group: int = 0
) -> Found | None:
    counts: Counter[str] = Counter()
    first: dict[str, Source] = {}
    for number, line in enumerate(reading.lines, start=1):
        for match in pattern.finditer(_clean_line(line)):
            value = match.group(group)
            counts[value] += 1
            first.setdefault(value, Source(number, _snippet(line)))
    if not counts:
        return None
    ranked = counts.most_common()
    values = ", ".join(value for value, _ in ranked[:4]) + (" …" if len(ranked) > 4 else "")
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        reading.note("name_unclear", what[0], values=values, what=what[0], what_en=what[1])
        return None
    chosen = ranked[0][0]
    if len(ranked) > 1 and what[1] == "unit's name":
        reading.note("name_variants", chosen, values=values, chosen=chosen)
    return Found(chosen, first[chosen])


def _read_year(reading: _Reading) -> Found | None:
    year = reading.framework.fiscal_year
    seen: dict[int, Source] = {}
    starts, position = [], 0
    for token in reading.tokens:  # the words joined, so a phrase may wrap over lines
        starts.append(position)
        position += len(token.text) + 1
    joined = " ".join(token.text for token in reading.tokens)
    for match in _YEAR.finditer(joined):
        line = reading.tokens[bisect.bisect_right(starts, match.start(1)) - 1].line
        seen.setdefault(int(match.group(1)), Source(line, _snippet(reading.lines[line - 1])))
    if year in seen:
        return Found(str(year), seen[year])
    if not seen:
        reading.note("no_year", year=year)
        return None
    found = min(seen, key=lambda y: seen[y].line)
    reading.note("year_differs", found=found, year=year, line=seen[found].line)
    return Found(str(found), seen[found])


# --------------------------------------------------------------------------- resolving


def _resolve(reading: _Reading, kind: str) -> dict[str, Figure]:
    """One figure per key where every reading agrees; a finding where they differ."""
    figures: dict[str, Figure] = {}
    for (found_kind, key), values in reading.candidates.items():
        if found_kind != kind:
            continue
        distinct = sorted({value for value, _, _ in values})
        if len(distinct) == 1:
            figures[key] = Figure(values[0][0], values[0][1], tuple(s for _, _, s in values))
            continue
        if kind == "question" and _split_by_part(reading, key, values):
            continue
        printed = {value: text for value, text, _ in reversed(values)}
        shown = tuple(printed[v] for v in distinct)
        lines = ", ".join(str(s.line) for _, _, s in values)
        reading.note(
            "conflict",
            key,
            values[0][2].line,
            label=_label(kind, key),
            n=len(distinct),
            values=shown,
            lines=lines,
        )
    return figures


def _label(kind: str, key: str) -> str:
    return _message("indicator", key=key)[0] if kind == "indicator" else key


def _split_by_part(reading: _Reading, key: str, values: list[tuple[Decimal, str, Source]]) -> bool:
    """Where an EIT question differs only between part 1 and part 2: keep each, report."""
    if len(reading.framework.tools_of("EIT")) != 2 or not key.startswith("e"):
        return False
    groups: dict[int, list[tuple[Decimal, str, Source]]] = {}
    for part, item in zip(reading.parts[("question", key)], values, strict=True):
        if part is None:
            return False
        groups.setdefault(part, []).append(item)
    if set(groups) != {1, 2} or any(len({v for v, _, _ in g}) != 1 for g in groups.values()):
        return False
    figures = {p: Figure(g[0][0], g[0][1], tuple(s for _, _, s in g)) for p, g in groups.items()}
    reading.by_part[key] = figures
    lines = ", ".join(str(s.line) for _, _, s in values)
    one, two = (figures[p].text for p in (1, 2))
    reading.note("eit_parts", key, values[0][2].line, one=one, two=two, lines=lines)
    return True


def _resolve_totals(reading: _Reading) -> tuple[Figure, ...]:
    values = reading.candidates.get(("total", "total"), [])
    by_value: dict[Decimal, list[tuple[Decimal, str, Source]]] = {}
    for item in values:
        by_value.setdefault(item[0], []).append(item)
    totals = tuple(Figure(v, items[0][1], tuple(s for _, _, s in items)) for v, items in by_value.items())
    if len(totals) > 1:
        reading.note(
            "totals",
            "total",
            totals[0].source.line,
            n=len(totals),
            values=tuple(f.text for f in totals),
            lines=", ".join(str(f.source.line) for f in totals),
        )
    return totals


def _single_level(reading: _Reading, found: list[Found]) -> Found | None:
    names = list(dict.fromkeys(f.value for f in found))
    if len(names) == 1:
        return found[0]
    if names:
        lines = ", ".join(str(f.source.line) for f in found)
        reading.note(
            "conflict",
            "ระดับผลการประเมิน",
            found[0].source.line,
            n=len(names),
            values=tuple(names),
            lines=lines,
        )
    return None


# --------------------------------------------------------------------------- entry points


def read_result_text(text: str, framework: Framework) -> ResultText:
    """Read an ITA result from pasted text, keyed by ``framework``'s catalogue.

    Args:
        text: The text as copied from the NACC result page, the result PDF or a report.
        framework: The fiscal year's rules (tools, indicators, question codes and titles).

    Returns:
        A ``ResultText``: every figure found with its sources, and findings for what could
        not be decided (those figures are left blank). A text that is not an ITA result has
        ``is_result`` False, one finding saying so and no figures.
    """
    lines = text.splitlines()
    reading = _Reading(framework, lines, _tokenize(lines), part_of_line=_eit_parts(lines))
    _read_rows(reading)
    _read_tools(reading)
    _read_totals(reading)
    levels = _read_levels(reading)
    questions = _resolve(reading, "question")
    indicators = _resolve(reading, "indicator")
    tools = _resolve(reading, "tool")
    totals = _resolve_totals(reading)
    if not reading.candidates or not _ITA_MARKERS.search(text):
        th, en = _message("not_ita")
        return ResultText(framework.fiscal_year, False, findings=(Finding("not_ita", th, en),))
    level = _single_level(reading, levels)
    year = _read_year(reading)
    name = _most_frequent(reading, _UNIT, ("หน่วยงาน", "unit's name"))
    district = _most_frequent(reading, _DISTRICT, ("อำเภอ", "district"), 1)
    province = _most_frequent(reading, _PROVINCE, ("จังหวัด", "province"), 1)
    return ResultText(
        fiscal_year=framework.fiscal_year,
        is_result=True,
        name=name,
        unit_type=_UNIT.match(name.value).group(1) if name else "",
        district=district,
        province=province,
        printed_year=year,
        tools={code: tools[code] for code in (t.code for t in framework.tools) if code in tools},
        indicators={int(k): v for k, v in sorted(indicators.items(), key=lambda kv: int(kv[0]))},
        questions={q.code: questions[q.code] for q in framework.questions if q.code in questions},
        question_parts=reading.by_part,
        unprocessed_tools=tuple(reading.unprocessed),
        totals=totals,
        level=level,
        thai_digits=_mostly_thai_digits(text),
        findings=tuple(reading.findings),
    )


def _mostly_thai_digits(text: str) -> bool:
    thai = sum(text.count(d) for d in THAI_DIGITS)
    arabic = sum(text.count(d) for d in "0123456789")
    return thai >= arabic


def missing_figures(result: ResultText, framework: Framework) -> list[str]:
    """The keys of the year's catalogue the text gave no figure for, in catalogue order.

    Tools as their codes (``EIT1``), indicators as ``ตัวชี้วัดที่ N``, questions as codes.
    """
    missing = [t.code for t in framework.tools if t.code not in result.tools]
    missing += [
        _message("indicator", key=i.number)[0]
        for i in framework.indicators
        if i.number not in result.indicators
    ]
    missing += [q.code for q in framework.questions if q.code not in result.questions]
    return missing


def _float(figure: Figure) -> float:
    return float(figure.value)


def _where(source: Source) -> str:
    return _message("where", line=source.line, snippet=source.snippet)[0]


def unit_inputs_fields(result: ResultText) -> dict[str, object]:
    """The fields of a ``UnitInputs`` that the text gives, for ``UnitInputs(**fields)``.

    Blank items are left out, so the caller can merge them with figures a user already
    typed (``dataclasses.replace(existing, **fields)`` overwrites only what was found).
    Several different printed totals are all kept, as ``Printed`` with their sources.
    """
    if not result.is_result:
        return {}
    fields: dict[str, object] = {"fiscal_year": result.fiscal_year, "thai_digits": result.thai_digits}
    for key, found in (("name", result.name), ("district", result.district), ("province", result.province)):
        if found is not None:
            fields[key] = found.value
    if result.unit_type:
        fields["unit_type"] = result.unit_type
    if result.tools:
        fields["tools"] = {code: _float(f) for code, f in result.tools.items()}
    if result.indicators:
        fields["indicators"] = {n: _float(f) for n, f in result.indicators.items()}
    if result.questions:
        fields["questions"] = {code: _float(f) for code, f in result.questions.items()}
    if result.totals:
        fields["printed_totals"] = tuple(Printed(_float(f), _where(f.source)) for f in result.totals)
    if result.level is not None:
        fields["printed_rating"] = Printed(result.level.value, _where(result.level.source))
    return fields


def history_year(result: ResultText) -> HistoryYear | None:
    """Last year's result as a history row: the single printed total, level and indicators."""
    if not result.is_result:
        return None
    total = result.total
    return HistoryYear(
        fiscal_year=result.fiscal_year,
        total=_float(total) if total is not None else None,
        rating=result.level.value if result.level is not None else None,
        indicators={n: _float(f) for n, f in result.indicators.items()},
    )


def describe(result: ResultText, framework: Framework) -> Iterable[str]:
    """Lines in Thai for a user: what was found (with its line), the findings, what is missing."""
    keyed = [
        *result.tools.items(),
        *((_message("indicator", key=n)[0], f) for n, f in result.indicators.items()),
        *result.questions.items(),
        *((_message("total")[0], f) for f in result.totals),
    ]
    for key, figure in keyed:
        yield _message("found", key=key, text=figure.text, where=_where(figure.source))[0]
    for finding in result.findings:
        yield finding.th
    missing = missing_figures(result, framework) if result.is_result else []
    if missing:
        yield _message("missing", keys=", ".join(missing))[0]
