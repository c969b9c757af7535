"""The ITA rules of one fiscal year, loaded from a TOML file and validated on load.

Each fiscal year has one file, ``fy<YEAR>.toml`` (Buddhist era, e.g. ``fy2568.toml``).
The shipped files live in ``ita_xl/frameworks/``. A user adds or corrects a year by putting
a file in a folder named by the ``ITA_XL_FRAMEWORKS`` environment variable (several folders
separated by ``os.pathsep``); a user file wins over a shipped file for the same year.

Loading checks the thresholds before anything uses them: tool weights sum to 100, rating
bands cover 0-100 at two decimals with no gap and no overlap, every indicator has a tool,
every question an indicator, and codes are unique. A broken file raises ``FrameworkError``
naming the file, the field and the bad value.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from ita_xl.core.errors import FrameworkError, ItaError
from ita_xl.core.figures import parse_number, round2, to_decimal

ENV_VAR = "ITA_XL_FRAMEWORKS"
SCHEMA_VERSION = 1
_FILE_NAME = re.compile(r"^fy(\d{4})\.toml$")
_STEP = Decimal("0.01")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Tool:
    """A weighted assessment tool (IIT, EIT part 1, EIT part 2, OIT, ...).

    ``instrument`` is the questionnaire the tool scores. From FY2566 the EIT instrument is
    scored twice, as EIT part 1 and part 2, so two tools share the instrument ``EIT``.
    """

    code: str
    instrument: str
    weight: Decimal
    name: str
    short: str
    short_en: str


@dataclass(frozen=True)
class Indicator:
    number: int
    instrument: str
    name: str
    name_en: str


@dataclass(frozen=True)
class SubIndicator:
    code: str
    indicator: int
    name: str


@dataclass(frozen=True)
class Question:
    code: str
    indicator: int
    title: str
    subindicator: str | None


@dataclass(frozen=True)
class Level:
    name: str
    name_en: str


@dataclass(frozen=True)
class Rule:
    """One level inside a band; ``all_tools_at_least`` is None for the band's fallback."""

    level: str
    all_tools_at_least: Decimal | None


@dataclass(frozen=True)
class Band:
    minimum: Decimal
    maximum: Decimal
    rules: tuple[Rule, ...]

    def contains(self, total: Decimal) -> bool:
        return self.minimum <= total <= self.maximum


@dataclass(frozen=True)
class Theme:
    """One of the 7 ประเด็น that group questions for the analysis and the measures."""

    number: int
    name: str
    questions: tuple[str, ...]


#: Provenance statuses, best first, with the words ``ita-xl years`` and the workbooks show.
STATUSES = {"confirmed": "ยืนยันแล้ว", "likely": "น่าจะใช่", "assumed": "สมมติ"}
#: Provenance sections: always required, and required when the file has that part.
PROVENANCE_REQUIRED = ("weights", "bands", "target")
PROVENANCE_SECTIONS = {
    "weights": "น้ำหนักเครื่องมือ",
    "bands": "ตารางระดับผลการประเมิน",
    "target": "ค่าเป้าหมาย",
    "iit_questions": "ข้อคำถาม IIT",
    "eit_questions": "ข้อคำถาม EIT",
    "oit_questions": "ข้อ OIT",
    "grouping": "การจัดกลุ่มตัวชี้วัดย่อย OIT",
    "themes": "ประเด็นการพัฒนา ๗ ประเด็น",
}


@dataclass(frozen=True)
class Provenance:
    """Where one section of a year's rules comes from, and how sure that is."""

    section: str
    status: str
    source: str
    #: The earlier fiscal year whose rule this section carries over (an assumed section), if any.
    from_year: int | None = None

    @property
    def status_th(self) -> str:
        return STATUSES[self.status]

    @property
    def section_th(self) -> str:
        return PROVENANCE_SECTIONS[self.section]


@dataclass(frozen=True)
class Framework:
    """Everything that varies between fiscal years, as frozen data."""

    fiscal_year: int
    target: Decimal
    tools: tuple[Tool, ...]
    indicators: tuple[Indicator, ...]
    subindicators: tuple[SubIndicator, ...]
    questions: tuple[Question, ...]
    levels: tuple[Level, ...]
    bands: tuple[Band, ...]
    themes: tuple[Theme, ...]
    source: str
    notes: str = ""
    #: (code, stable key) pairs from the crosswalk (``crosswalk.toml``); a code may have several.
    item_keys: tuple[tuple[str, str], ...] = ()
    provenance: tuple[Provenance, ...] = ()
    #: Instruments whose items are published or not (0 or 100) and pass only at 100 (OIT).
    full_marks_instruments: tuple[str, ...] = ()

    def passes(self, score: float | Decimal, threshold: float | Decimal | None = None) -> bool:
        """Whether a score (an indicator's, a tool's, the total) passes the threshold (the target
        unless given), both as the NACC prints them: rounded to two decimals (``round2``), so
        84.996 passes as the 85.00 the report shows. The one pass rule of the report."""
        return round2(score) >= round2(self.target if threshold is None else threshold)

    def item_passes(self, indicator: int, score: float, threshold: float | None = None) -> bool:
        """Whether a question or item passes: at 100 for a full-marks instrument, else at the
        threshold (the target unless given), by ``passes``."""
        if self.indicator(indicator).instrument in self.full_marks_instruments:
            return self.passes(score, 100)
        return self.passes(score, threshold)

    @property
    def status(self) -> str:
        """The least sure status of any section: ``confirmed``, ``likely`` or ``assumed``."""
        order = list(STATUSES)
        return max((p.status for p in self.provenance), key=order.index, default="assumed")

    @property
    def assumed(self) -> tuple[Provenance, ...]:
        """The sections carried over rather than found, to check against the NACC manual."""
        return tuple(p for p in self.provenance if p.status == "assumed")

    @property
    def scale(self) -> str:
        """A short name of the rating scale, e.g. ``AA–F`` or ``ผ่านดีเยี่ยม–ต้องปรับปรุงโดยด่วน``."""
        return f"{self.levels[0].name}–{self.levels[-1].name}"

    @property
    def uses_tool_conditions(self) -> bool:
        """Whether some level depends on every tool's score, not only on the total."""
        return any(r.all_tools_at_least is not None for b in self.bands for r in b.rules)

    def tool(self, code: str) -> Tool:
        for tool in self.tools:
            if tool.code == code:
                return tool
        raise KeyError(code)

    def indicator(self, number: int) -> Indicator:
        for indicator in self.indicators:
            if indicator.number == number:
                return indicator
        raise KeyError(number)

    def question(self, code: str) -> Question:
        for question in self.questions:
            if question.code == code:
                return question
        raise KeyError(code)

    def item(self, key: str) -> str | None:
        """This year's code of a stable item key, e.g. ``item("measures")`` → ``"o25"`` in FY2569."""
        return next((code for code, k in self.item_keys if k == key), None)

    def keys_of(self, code: str) -> tuple[str, ...]:
        """The stable keys of one of this year's codes (several where items were merged)."""
        return tuple(k for c, k in self.item_keys if c == code)

    @property
    def measures_item(self) -> str | None:
        """The OIT item under which the unit publishes its measures (crosswalk key ``measures``)."""
        return self.item("measures")

    @property
    def measures_report_item(self) -> str | None:
        """The OIT item that reports on last year's measures (crosswalk key ``measures_report``)."""
        return self.item("measures_report")

    def level(self, name: str) -> Level:
        for level in self.levels:
            if level.name == name:
                return level
        raise KeyError(name)

    def level_rank(self, name: str) -> int:
        """0 for the best level, increasing for worse ones."""
        return [lv.name for lv in self.levels].index(name)

    def indicators_of(self, instrument: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.instrument == instrument)

    def tools_of(self, instrument: str) -> tuple[Tool, ...]:
        return tuple(t for t in self.tools if t.instrument == instrument)

    def questions_of(self, indicator: int) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.indicator == indicator)

    def subindicators_of(self, indicator: int) -> tuple[SubIndicator, ...]:
        return tuple(s for s in self.subindicators if s.indicator == indicator)

    def band_for(self, total: Decimal) -> Band:
        for band in self.bands:
            if band.contains(total):
                return band
        raise ValueError(f"{total} is outside 0-100")


def assumed_note(fw: Framework) -> str:
    """Says plainly which of the year's rules are assumed and what to check them against."""
    if not fw.assumed:
        return ""
    parts = ", ".join(p.section_th for p in fw.assumed)
    return (
        f"คำเตือน: เกณฑ์ปี {fw.fiscal_year} บางส่วนเป็นค่าสมมติ ยังไม่พบในเอกสารของสำนักงาน ป.ป.ช. ({parts}) "
        f"ตรวจกับคู่มือการประเมิน ITA ปี {fw.fiscal_year} ของสำนักงาน ป.ป.ช. และแก้ในชีตเกณฑ์ถ้าไม่ตรง"
    )


def counterparts(code: str, current: Framework, earlier: Framework) -> tuple[str, ...]:
    """The codes in ``earlier`` of the same item as ``code`` in ``current``, by stable key.

    Empty when the item is new (or either year has no crosswalk column). Several codes where
    the NACC merged items, e.g. FY2568 o21 and o22 became FY2569 o20.
    """
    keys = current.keys_of(code)
    found = [c for c, k in earlier.item_keys if k in keys]
    order = {q.code: n for n, q in enumerate(earlier.questions)}
    return tuple(sorted(dict.fromkeys(found), key=lambda c: order.get(c, len(order))))


# --------------------------------------------------------------------------- criteria


def with_criteria(
    framework: Framework,
    *,
    weights: Mapping[str, object] | Sequence[object] | None = None,
    bands: Sequence[Sequence[object]] | None = None,
    target: object = None,
    source: str = "เกณฑ์",
    cells: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Framework:
    """A copy of ``framework`` with the weights, rating table or target replaced.

    This is how the criteria a user edits in a workbook take effect. The replacement is
    validated by the same rules as a framework file, so a sheet cannot hold thresholds a
    file would be refused for.

    Args:
        framework: The fiscal year's rules to start from.
        weights: Percent weights by tool code, or in the framework's tool order.
        bands: Rows of (min, max, level, all tools at least or blank), best band first.
            Consecutive rows with the same min and max are the rules of one band, tried
            in order.
        target: The target score (ค่าเป้าหมาย).
        source: Names the criteria in messages (e.g. the sheet name).
        titles: Question titles by code as the workbook shows them; a different one replaces
            the year's (a unit correcting an assumed title). Blank ones are ignored.
        cells: Where each value was typed, by field: ``target``, ``tools.<code>.weight``,
            ``tools.weight`` (all weights), ``rating.bands[<row>].<min|max|level|all_tools_at_least>``
            (rows as given, blank ones included) and ``rating.bands`` (the whole table).

    Raises:
        FrameworkError: The replacement breaks a rule; the message names the field and
            ``cell`` the cell it was detected at (from ``cells``).
    """
    if titles:
        questions = tuple(
            dataclasses.replace(q, title=titles[q.code].strip())
            if titles.get(q.code, "").strip() and titles[q.code].strip() != q.title
            else q
            for q in framework.questions
        )
        if questions != framework.questions:
            framework = dataclasses.replace(framework, questions=questions, source=source)
    try:
        return _with_criteria(framework, weights, bands, target, source, cells or {})
    except FrameworkError as exc:
        exc.cell = exc.cell or (cells or {}).get(exc.field, "")
        raise


def _criteria_number(parser: _Parser, value: object, field: str) -> Decimal:
    """A number typed in a criteria cell, refused with its field when blank or not a number."""
    try:
        parsed = parse_number(value)
    except ItaError as exc:
        raise parser.fail(field, value, exc.en) from exc
    if parsed is None:
        raise parser.fail(field, value, "required value is missing")
    result = to_decimal(parsed)
    try:
        return result.quantize(Decimal(1)) if result == result.to_integral_value() else result
    except InvalidOperation:  # beyond Decimal's precision (found by fuzzing: 1e28)
        raise parser.fail(field, value, "number too large") from None


def _criteria_tools(framework: Framework, weights, parser: _Parser, where: Mapping[str, str]):
    """The year's tools with the weights typed in the criteria sheet."""
    codes = [t.code for t in framework.tools]
    if isinstance(weights, Mapping):
        unknown = sorted(set(weights) - set(codes))
        if unknown:
            raise parser.fail("tools.code", unknown[0], f"tools are {', '.join(codes)}")
        given = [weights.get(code) for code in codes]
    else:
        given = list(weights)
        if len(given) != len(codes):
            raise parser.fail("tools.weight", len(given), f"needs {len(codes)}: {', '.join(codes)}")
    items = []
    for tool, value in zip(framework.tools, given, strict=True):
        item = {k: getattr(tool, k) for k in ("code", "instrument", "name", "short", "short_en")}
        item["weight"] = _criteria_number(parser, value, f"tools.{tool.code}.weight")
        items.append(item)
    try:
        return parser.tools(items)
    except FrameworkError as exc:  # tools[n].weight: the n-th tool's cell
        match = re.match(r"^tools\[(\d+)\]\.(\w+)$", exc.field)
        if match:
            exc.cell = where.get(f"tools.{codes[int(match.group(1))]}.{match.group(2)}", "")
        raise


def _with_criteria(framework, weights, bands, target, source, where) -> Framework:
    def number(value: object, field: str) -> Decimal:
        return _criteria_number(parser, value, field)

    parser = _Parser(source, source, where_th=f"ชีต {source}")
    changes: dict[str, Any] = {}
    if weights is not None:
        changes["tools"] = _criteria_tools(framework, weights, parser, where)
    if bands is not None:
        english = {lv.name: lv.name_en for lv in framework.levels}
        levels: dict[str, str] = {}
        grouped: list[dict[str, Any]] = []
        for n, row in enumerate(bands):
            cells = list(row) + [None] * (4 - len(row))
            low, high, level, at_least = cells[:4]
            if all(_blank(c) for c in (low, high, level)):
                continue  # a blank row
            field = f"rating.bands[{n}]"
            name = str(level or "").strip()
            if not name:
                raise parser.fail(f"{field}.level", level, "required value is missing")
            levels.setdefault(name, english.get(name, name))
            low, high = number(low, f"{field}.min"), number(high, f"{field}.max")
            rule: dict[str, Any] = {"level": name}
            if not _blank(at_least):
                rule["all_tools_at_least"] = number(at_least, f"{field}.all_tools_at_least")
            if grouped and grouped[-1]["min"] == low:
                if grouped[-1]["max"] != high:
                    shared = grouped[-1]["max"]
                    raise parser.fail(
                        f"{field}.max", high, f"rows of the band from {low} must share its max {shared}"
                    )
                grouped[-1]["rules"].append(rule)
                grouped[-1]["rows"].append(n)
            else:
                grouped.append({"min": low, "max": high, "rules": [rule], "rows": [n]})
        table = {"levels": [{"name": k, "name_en": v} for k, v in levels.items()], "bands": grouped}
        try:
            changes["levels"], changes["bands"] = parser.rating(table)
        except FrameworkError as exc:
            exc.cell = _band_cell(exc, grouped, where)
            raise
    if target is not None:
        changes["target"] = parser.score({"target": number(target, "target")}, "target", "")
    return dataclasses.replace(framework, **changes, source=source) if changes else framework


def _blank(value: object) -> bool:
    return value is None or not str(value).strip()


_BAND_FIELD = re.compile(r"^rating\.bands\[(\d+)\](?:\.rules\[(\d+)\])?(?:\.(\w+))?$")


def _band_cell(exc: FrameworkError, groups: Sequence[Mapping[str, Any]], cells: Mapping[str, str]) -> str:
    """The cell of a rating-table error raised on grouped bands, back in the rows as typed."""
    match = _BAND_FIELD.match(exc.field)
    if match and int(match.group(1)) < len(groups):
        rows = groups[int(match.group(1))]["rows"]
        rule = int(match.group(2)) if match.group(2) is not None else 0
        row = rows[min(rule, len(rows) - 1)]
        part = match.group(3) or ("all_tools_at_least" if match.group(2) is not None else "min")
        return cells.get(f"rating.bands[{row}].{part}", "")
    if exc.field in ("rating.bands.min", "rating.bands.max"):
        part = exc.field.rsplit(".", 1)[1]
        for group in groups:  # a gap, an overlap, an end: the first row typed with that value
            if group[part] == getattr(exc, "value", None):
                return cells.get(f"rating.bands[{group['rows'][0]}].{part}", "")
    return cells.get("rating.bands", "")


# --------------------------------------------------------------------------- loading


def framework_files() -> dict[int, str]:
    """Map each available fiscal year to the file that defines it (user files win).

    The folders are scanned once per process, and again only when ``ITA_XL_FRAMEWORKS``
    or a user folder's modification time changes (a file added, removed or renamed).
    """
    global _files
    folders = _user_folders()
    key = (os.environ.get(ENV_VAR, ""), tuple(_mtime(folder) for folder in folders))
    if _files is None or _files[0] != key:
        _files = (key, _scan_files(folders))
    return dict(_files[1])


_files: tuple[tuple[str, tuple[int, ...]], dict[int, str]] | None = None


def _mtime(path: str | os.PathLike[str]) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _scan_files(folders: list[Path]) -> dict[int, str]:
    found: dict[int, str] = {}
    for entry in resources.files("ita_xl.frameworks").iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            found[int(match.group(1))] = str(entry)
    for folder in folders:
        for path in sorted(folder.glob("fy*.toml")):
            match = _FILE_NAME.match(path.name)
            if match:
                found[int(match.group(1))] = str(path)
    return dict(sorted(found.items()))


def available_years() -> list[int]:
    """The fiscal years (Buddhist era) that have a rules file."""
    return list(framework_files())


def latest_year() -> int:
    """The newest fiscal year that has a rules file."""
    return available_years()[-1]


def load_framework(fiscal_year: int) -> Framework:
    """Load and validate the rules of one fiscal year.

    Args:
        fiscal_year: The Buddhist-era fiscal year, e.g. 2568.

    Raises:
        FrameworkError: No file exists for that year (the message lists the years that do),
            or the file breaks the schema.
    """
    files = framework_files()
    if fiscal_year not in files:
        years = ", ".join(str(y) for y in files)
        raise FrameworkError(
            f"ไม่มีเกณฑ์ของปีงบประมาณ {fiscal_year} (มีเฉพาะปี {years})",
            f"no framework for fiscal year {fiscal_year}; available: {years}",
        )
    location = files[fiscal_year]
    return _load_cached(location, _mtime(location), os.environ.get(ENV_VAR, ""))


def item_of_year(year: int, key: str) -> tuple[str, str] | None:
    """The code and title of the stable item ``key`` (crosswalk) in the ITA of FY ``year``;
    None when that year's rules are not known yet or name no such item.

    The measures written after the ITA of FY N are carried out in FY N+1 and published, with
    their progress report, as evidence in the ITA of FY N+1: the analysis of a year's result
    cannot exist before that result (ITA_REFERENCE.md: in FY2569, o25 is "the analysis and the
    measures: what ita-xl writes"). Status: likely, as the crosswalk's items."""
    if year not in available_years():
        return None
    framework = load_framework(year)
    code = framework.item(key)
    return None if code is None else (code, framework.question(code).title)


def items_confirmed(year: int) -> bool:
    """Whether the OIT item list of FY ``year`` is confirmed (provenance ``oit_questions``): only
    then is an item cited by its number; FY2569's list is "likely" (ITA_REFERENCE.md, "OIT
    FY2569": a unit's web pages, not an NACC document), so its items are named by title."""
    if year not in available_years():
        return False
    found = [p.status for p in load_framework(year).provenance if p.section == "oit_questions"]
    return found == ["confirmed"]


@functools.lru_cache(maxsize=32)
def _load_cached(location: str, mtime: int, folders: str) -> Framework:
    """A file is read once per process, and again when its modification time changes;
    ``folders`` (the crosswalk's user folders) is part of the key for the same reason."""
    return with_crosswalk(load_file(location), load_crosswalk())


# --------------------------------------------------------------------------- crosswalk

CROSSWALK_FILE = "crosswalk.toml"
_YEAR_COLUMN = re.compile(r"^fy(\d{4})$")


@dataclass(frozen=True)
class Crosswalk:
    """Each year's item codes by stable key, and the 7 ประเด็น as stable keys."""

    #: key -> {fiscal year: code}
    items: Mapping[str, Mapping[int, str]]
    #: (number, name, keys)
    themes: tuple[tuple[int, str, tuple[str, ...]], ...]
    sources: tuple[str, ...]

    def years(self) -> list[int]:
        return sorted({y for codes in self.items.values() for y in codes})


def load_crosswalk() -> Crosswalk:
    """The shipped crosswalk with the rows of any ``crosswalk.toml`` in ``ITA_XL_FRAMEWORKS``."""
    return _crosswalk_cached(os.environ.get(ENV_VAR, ""))


@functools.lru_cache(maxsize=8)
def _crosswalk_cached(folders: str) -> Crosswalk:
    files = [resources.files("ita_xl.frameworks").joinpath(CROSSWALK_FILE)]
    files += [f / CROSSWALK_FILE for f in _user_folders() if (f / CROSSWALK_FILE).is_file()]
    items: dict[str, dict[int, str]] = {}
    themes: dict[int, tuple[int, str, tuple[str, ...]]] = {}
    copies: list[tuple[int, int]] = []
    for path in files:
        name = str(path)
        parser = _Parser(CROSSWALK_FILE, name, where_th=f"ตารางเทียบข้อ {name}")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise FrameworkError(f"อ่านตารางเทียบข้อ {name} ไม่ได้: {exc}", f"{name}: {exc}") from exc
        parser.table(data, "", {"schema", "status", "source", "items", "themes", "same_codes_as"})
        status = data.get("status", "likely")
        if status not in STATUSES:
            raise parser.fail("status", status, f"must be one of {', '.join(STATUSES)}")
        same = data.get("same_codes_as", {})
        parser.table(same, "same_codes_as", [k for k in same if _YEAR_COLUMN.match(k)])
        for column, earlier in same.items():
            if not isinstance(earlier, int) or isinstance(earlier, bool):
                raise parser.fail(f"same_codes_as.{column}", earlier, "must be a fiscal year such as 2569")
            copies.append((int(column[2:]), earlier))
        for n, row in enumerate(parser.array(data, "items", required=False)):
            field = f"items[{n}]"
            if not isinstance(row, Mapping):
                raise parser.fail(field, row, "must be a table")
            key = parser.text(row, "key", field)
            for column, code in row.items():
                if column == "key":
                    continue
                match = _YEAR_COLUMN.match(column)
                if not match or not isinstance(code, str):
                    raise parser.fail(f"{field}.{column}", code, 'columns are fy<YEAR> = "code"')
                items.setdefault(key, {})[int(match.group(1))] = code
        for n, item in enumerate(parser.array(data, "themes", required=False)):
            field = f"themes[{n}]"
            parser.table(item, field, {"number", "name", "keys"})
            number = parser.get(item, "number", field, int)
            keys = tuple(parser.get(item, "keys", field, list))
            themes[number] = (number, parser.text(item, "name", field), keys)
    for year, earlier in copies:  # a year that kept an earlier year's numbering
        for by_year in items.values():
            if earlier in by_year and year not in by_year:
                by_year[year] = by_year[earlier]
    for number, _name, keys in themes.values():
        unknown = [k for k in keys if k not in items]
        if unknown:
            raise _bad(CROSSWALK_FILE, f"themes.{number}.keys", unknown[0], "no such item key")
    return Crosswalk(items, tuple(sorted(themes.values())), tuple(str(f) for f in files))


def with_crosswalk(framework: Framework, crosswalk: Crosswalk) -> Framework:
    """Attach the year's item keys and, where the file has none, its themes from the keys.

    Raises:
        FrameworkError: The crosswalk names a code the year does not have.
    """
    year = framework.fiscal_year
    codes = {q.code for q in framework.questions}
    pairs = []
    for key, by_year in crosswalk.items.items():
        code = by_year.get(year)
        if code is None:
            continue
        if code not in codes:
            raise _bad(CROSSWALK_FILE, f"{key}.fy{year}", code, f"FY{year} has no such item")
        pairs.append((code, key))
    if not pairs:
        return framework
    themes = framework.themes
    if not themes and crosswalk.themes:
        order = {q.code: n for n, q in enumerate(framework.questions)}
        code_of = {k: c for c, k in pairs}
        themes = tuple(
            Theme(
                number,
                name,
                tuple(sorted({code_of[k] for k in keys if k in code_of}, key=order.__getitem__)),
            )
            for number, name, keys in crosswalk.themes
        )
    return dataclasses.replace(framework, item_keys=tuple(pairs), themes=themes)


def load_file(location: str | os.PathLike[str]) -> Framework:
    """Parse and validate one rules file; see the module docstring for the rules."""
    path = Path(location)
    name = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise FrameworkError(f"ไฟล์เกณฑ์ {name} อ่านไม่ได้: {exc}", f"{name}: not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise FrameworkError(f"เปิดไฟล์เกณฑ์ {name} ไม่ได้", f"{name}: cannot read: {exc}") from exc
    framework = _Parser(name, str(location)).parse(data)
    match = _FILE_NAME.match(name)
    if match and int(match.group(1)) != framework.fiscal_year:
        raise _bad(name, "fiscal_year", framework.fiscal_year, f"the file name says {match.group(1)}")
    return framework


def clear_cache() -> None:
    """Forget loaded files (after a user edits or adds one while the program runs)."""
    global _files
    _files = None
    _load_cached.cache_clear()
    _crosswalk_cached.cache_clear()


def _user_folders() -> list[Path]:
    value = os.environ.get(ENV_VAR, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def _bad(file: str, field: str, value: object, problem: str, where_th: str = "") -> FrameworkError:
    shown = _short_repr(value)
    error = FrameworkError(
        f"{where_th or 'ไฟล์เกณฑ์ ' + file}: ช่อง {field} มีค่า {shown} ไม่ถูกต้อง ({problem})",
        f"{file}: {field} = {shown}: {problem}",
    )
    error.field = field
    error.value = value
    return error


def _short_repr(value: object, limit: int = 60) -> str:
    text = str(value) if isinstance(value, Decimal) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Parser:
    """Turns the TOML mapping into a Framework, raising on the first problem found."""

    def __init__(self, file: str, source: str, where_th: str = "") -> None:
        self.file = file
        self.source = source
        self.where_th = where_th or f"ไฟล์เกณฑ์ {file}"

    def fail(self, field: str, value: object, problem: str) -> FrameworkError:
        return _bad(self.file, field, value, problem, self.where_th)

    # -- field helpers

    def table(self, data: Mapping[str, Any], field: str, allowed: Iterable[str]) -> None:
        if not isinstance(data, Mapping):
            raise self.fail(field, data, "must be a table")
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise self.fail(f"{field}.{unknown[0]}", data[unknown[0]], "unknown field")

    def get(self, data: Mapping[str, Any], key: str, field: str, kind: type | tuple[type, ...]):
        if key not in data:
            raise self.fail(f"{field}.{key}" if field else key, None, "required field is missing")
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, kind):
            raise self.fail(f"{field}.{key}" if field else key, value, f"must be {_kind(kind)}")
        return value

    def text(self, data: Mapping[str, Any], key: str, field: str, *, required: bool = True) -> str:
        if not required and key not in data:
            return ""
        value = self.get(data, key, field, str)
        if required and not value.strip():
            raise self.fail(f"{field}.{key}" if field else key, value, "must not be empty")
        return value.strip()

    def score(self, data: Mapping[str, Any], key: str, field: str) -> Decimal:
        value = Decimal(self.get(data, key, field, (int, Decimal)))
        where = f"{field}.{key}" if field else key
        if not 0 <= value <= _HUNDRED:
            raise self.fail(where, value, "must lie in 0-100")
        if value != value.quantize(_STEP):
            raise self.fail(where, value, "must have at most two decimals")
        return value

    def array(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> list[Any]:
        if key not in data:
            if required:
                raise self.fail(key, None, "required field is missing")
            return []
        value = data[key]
        if not isinstance(value, list):
            raise self.fail(key, value, "must be an array")
        return value

    # -- sections

    def parse(self, data: Mapping[str, Any]) -> Framework:
        self.table(
            data,
            "",
            {
                "schema",
                "fiscal_year",
                "target",
                "notes",
                "tools",
                "indicators",
                "subindicators",
                "questions",
                "rating",
                "themes",
                "provenance",
                "full_marks_instruments",
            },
        )
        schema = self.get(data, "schema", "", int)
        if schema != SCHEMA_VERSION:
            raise self.fail("schema", schema, f"this version of ita-xl reads schema {SCHEMA_VERSION}")
        year = self.get(data, "fiscal_year", "", int)
        if not 2500 <= year <= 2700:
            raise self.fail("fiscal_year", year, "must be a Buddhist-era year such as 2568")
        target = self.score(data, "target", "")
        tools = self.tools(self.array(data, "tools"))
        indicators = self.indicators(self.array(data, "indicators"), tools)
        subindicators = self.subindicators(self.array(data, "subindicators", required=False), indicators)
        questions = self.questions(self.array(data, "questions", required=False), indicators, subindicators)
        if "rating" not in data:
            raise self.fail("rating", None, "required field is missing")
        levels, bands = self.rating(data["rating"])
        themes = self.themes(self.array(data, "themes", required=False), questions)
        provenance = self.provenance(data.get("provenance"), questions, indicators, subindicators)
        for item in provenance:
            if item.from_year is not None and not 2500 <= item.from_year < year:
                raise self.fail(
                    f"provenance.{item.section}.from_year", item.from_year, "must be an earlier year"
                )
        full_marks = tuple(self.array(data, "full_marks_instruments", required=False))
        for name in full_marks:
            if name not in {t.instrument for t in tools}:
                raise self.fail("full_marks_instruments", name, "no tool scores this instrument")
        return Framework(
            fiscal_year=year,
            target=target,
            tools=tools,
            indicators=indicators,
            subindicators=subindicators,
            questions=questions,
            levels=levels,
            bands=bands,
            themes=themes,
            source=self.source,
            notes=self.text(data, "notes", "", required=False),
            provenance=provenance,
            full_marks_instruments=full_marks,
        )

    def provenance(
        self,
        data: Any,
        questions: Sequence[Question],
        indicators: Sequence[Indicator],
        subindicators: Sequence[SubIndicator],
    ) -> tuple[Provenance, ...]:
        """Each section's source and status; a section the file has must say where it is from."""
        if data is None:
            raise self.fail("provenance", None, "required field is missing")
        self.table(data, "provenance", PROVENANCE_SECTIONS)
        instrument = {i.number: i.instrument for i in indicators}
        needed = list(PROVENANCE_REQUIRED)
        needed += [
            f"{x.lower()}_questions" for x in dict.fromkeys(instrument[q.indicator] for q in questions)
        ]
        needed += ["grouping"] if subindicators else []
        for section in needed:
            if section not in data:
                raise self.fail(f"provenance.{section}", None, "required field is missing")
        found = []
        for section, item in data.items():
            field = f"provenance.{section}"
            self.table(item, field, {"status", "source", "from_year"})
            status = self.text(item, "status", field)
            if status not in STATUSES:
                raise self.fail(f"{field}.status", status, f"must be one of {', '.join(STATUSES)}")
            carried = self.get(item, "from_year", field, int) if "from_year" in item else None
            found.append(Provenance(section, status, self.text(item, "source", field), carried))
        return tuple(found)

    def tools(self, items: list[Any]) -> tuple[Tool, ...]:
        tools = []
        for n, item in enumerate(items):
            field = f"tools[{n}]"
            self.table(item, field, {"code", "instrument", "weight", "name", "short", "short_en"})
            weight = Decimal(self.get(item, "weight", field, (int, Decimal)))
            if not 0 < weight <= _HUNDRED:
                raise self.fail(f"{field}.weight", weight, "must be more than 0 and at most 100")
            tools.append(
                Tool(
                    code=self.text(item, "code", field),
                    instrument=self.text(item, "instrument", field),
                    weight=weight,
                    name=self.text(item, "name", field),
                    short=self.text(item, "short", field),
                    short_en=self.text(item, "short_en", field),
                )
            )
        if not tools:
            raise self.fail("tools", items, "at least one tool is needed")
        self.unique("tools", [t.code for t in tools], "code")
        total = sum((t.weight for t in tools), Decimal(0))
        if total != _HUNDRED:
            weights = ", ".join(f"{t.code} {t.weight}" for t in tools)
            error = FrameworkError(
                f"{self.where_th}: น้ำหนักเครื่องมือรวมกันได้ {total} ไม่ใช่ 100 ({weights})",
                f"{self.file}: tools.weight: weights sum to {total}, not 100 ({weights})",
            )
            error.field = "tools.weight"
            raise error
        return tuple(tools)

    def indicators(self, items: list[Any], tools: Sequence[Tool]) -> tuple[Indicator, ...]:
        instruments = {t.instrument for t in tools}
        indicators = []
        for n, item in enumerate(items):
            field = f"indicators[{n}]"
            self.table(item, field, {"number", "instrument", "name", "name_en"})
            instrument = self.text(item, "instrument", field)
            if instrument not in instruments:
                raise self.fail(
                    f"{field}.instrument",
                    instrument,
                    f"no tool scores this instrument (tools score {', '.join(sorted(instruments))})",
                )
            indicators.append(
                Indicator(
                    number=self.get(item, "number", field, int),
                    instrument=instrument,
                    name=self.text(item, "name", field),
                    name_en=self.text(item, "name_en", field),
                )
            )
        self.unique("indicators", [i.number for i in indicators], "number")
        numbers = sorted(i.number for i in indicators)
        if numbers != list(range(1, len(numbers) + 1)):
            raise self.fail("indicators.number", numbers, "indicators must be numbered 1, 2, 3, ...")
        for tool in tools:
            if not any(i.instrument == tool.instrument for i in indicators):
                raise self.fail("tools.instrument", tool.instrument, f"tool {tool.code} has no indicator")
        return tuple(indicators)

    def subindicators(self, items: list[Any], indicators: Sequence[Indicator]) -> tuple[SubIndicator, ...]:
        numbers = {i.number for i in indicators}
        subs = []
        for n, item in enumerate(items):
            field = f"subindicators[{n}]"
            self.table(item, field, {"code", "indicator", "name"})
            indicator = self.get(item, "indicator", field, int)
            if indicator not in numbers:
                raise self.fail(f"{field}.indicator", indicator, "no such indicator")
            subs.append(
                SubIndicator(
                    code=self.text(item, "code", field),
                    indicator=indicator,
                    name=self.text(item, "name", field, required=False),
                )
            )
        self.unique("subindicators", [s.code for s in subs], "code")
        return tuple(subs)

    def questions(
        self,
        items: list[Any],
        indicators: Sequence[Indicator],
        subindicators: Sequence[SubIndicator],
    ) -> tuple[Question, ...]:
        numbers = {i.number for i in indicators}
        sub_of = {s.code: s.indicator for s in subindicators}
        questions = []
        for n, item in enumerate(items):
            field = f"questions[{n}]"
            self.table(item, field, {"code", "indicator", "title", "subindicator"})
            code = self.text(item, "code", field)
            if not re.fullmatch(r"[a-z]\d+", code):
                raise self.fail(f"{field}.code", code, "a code is a letter and a number, like i1 or o12")
            if "indicator" not in item:
                raise self.fail(f"{field}.indicator", None, f"question {code} has no indicator")
            indicator = self.get(item, "indicator", field, int)
            if indicator not in numbers:
                raise self.fail(f"{field}.indicator", indicator, f"question {code}: no such indicator")
            sub = item.get("subindicator")
            if sub is not None:
                if sub not in sub_of:
                    raise self.fail(f"{field}.subindicator", sub, f"question {code}: no such sub-indicator")
                if sub_of[sub] != indicator:
                    raise self.fail(
                        f"{field}.subindicator",
                        sub,
                        f"question {code} is in indicator {indicator}, the sub-indicator in {sub_of[sub]}",
                    )
            elif any(s.indicator == indicator for s in subindicators):
                raise self.fail(
                    f"{field}.subindicator",
                    None,
                    f"indicator {indicator} has sub-indicators, so question {code} needs one",
                )
            questions.append(
                Question(
                    code=code,
                    indicator=indicator,
                    title=self.text(item, "title", field, required=False),
                    subindicator=sub,
                )
            )
        self.unique("questions", [q.code for q in questions], "code")
        for sub in subindicators:
            if not any(q.subindicator == sub.code for q in questions):
                raise self.fail("subindicators", sub.code, "sub-indicator has no question")
        return tuple(questions)

    def rating(self, data: Any) -> tuple[tuple[Level, ...], tuple[Band, ...]]:
        self.table(data, "rating", {"levels", "bands"})
        levels = []
        for n, item in enumerate(self.array(data, "levels")):
            field = f"rating.levels[{n}]"
            self.table(item, field, {"name", "name_en"})
            levels.append(Level(self.text(item, "name", field), self.text(item, "name_en", field)))
        if not levels:
            raise self.fail("rating.levels", [], "at least one level is needed")
        self.unique("rating.levels", [lv.name for lv in levels], "name")
        names = {lv.name for lv in levels}

        bands = []
        for n, item in enumerate(self.array(data, "bands")):
            field = f"rating.bands[{n}]"
            self.table(item, field, {"min", "max", "rules", "rows"})
            low, high = self.score(item, "min", field), self.score(item, "max", field)
            if low > high:
                raise self.fail(f"{field}.min", low, f"more than max {high}")
            rules = []
            raw_rules = self.get(item, "rules", field, list)
            for m, raw in enumerate(raw_rules):
                rfield = f"{field}.rules[{m}]"
                self.table(raw, rfield, {"level", "all_tools_at_least"})
                level = self.text(raw, "level", rfield)
                if level not in names:
                    raise self.fail(f"{rfield}.level", level, "not one of rating.levels")
                at_least = (
                    self.score(raw, "all_tools_at_least", rfield) if "all_tools_at_least" in raw else None
                )
                rules.append(Rule(level, at_least))
            if not rules:
                raise self.fail(f"{field}.rules", raw_rules, "a band needs at least one rule")
            if rules[-1].all_tools_at_least is not None:
                raise self.fail(
                    f"{field}.rules[{len(rules) - 1}]",
                    rules[-1].level,
                    "the last rule of a band must have no condition, so every score gets a level",
                )
            for m, rule in enumerate(rules[:-1]):
                if rule.all_tools_at_least is None:
                    raise self.fail(
                        f"{field}.rules[{m}]", rule.level, "only the last rule may have no condition"
                    )
            bands.append(Band(low, high, tuple(rules)))
        self.check_coverage(bands)
        used = {r.level for b in bands for r in b.rules}
        for level in levels:
            if level.name not in used:
                raise self.fail("rating.levels", level.name, "level is not used by any band")
        return tuple(levels), tuple(sorted(bands, key=lambda b: b.minimum, reverse=True))

    def check_coverage(self, bands: Sequence[Band]) -> None:
        """Bands must tile 0.00-100.00 at two decimals: no gap, no overlap."""
        if not bands:
            raise self.fail("rating.bands", [], "at least one band is needed")
        ordered = sorted(bands, key=lambda b: b.minimum)
        if ordered[0].minimum != 0:
            raise self.fail("rating.bands.min", ordered[0].minimum, "the lowest band must start at 0")
        if ordered[-1].maximum != _HUNDRED:
            raise self.fail("rating.bands.max", ordered[-1].maximum, "the highest band must end at 100")
        for lower, upper in itertools.pairwise(ordered):
            expected = lower.maximum + _STEP
            if upper.minimum > expected:
                raise self.fail(
                    "rating.bands.min",
                    upper.minimum,
                    f"gap: no band covers {expected}-{upper.minimum - _STEP}",
                )
            if upper.minimum < expected:
                raise self.fail(
                    "rating.bands.min",
                    upper.minimum,
                    f"overlap: the band {lower.minimum}-{lower.maximum} already covers it",
                )

    def themes(self, items: list[Any], questions: Sequence[Question]) -> tuple[Theme, ...]:
        codes = {q.code for q in questions}
        themes = []
        for n, item in enumerate(items):
            field = f"themes[{n}]"
            self.table(item, field, {"number", "name", "questions"})
            members = self.get(item, "questions", field, list)
            for code in members:
                if code not in codes:
                    raise self.fail(f"{field}.questions", code, "no such question in this year")
            self.unique(f"{field}.questions", members, "code")
            themes.append(
                Theme(
                    number=self.get(item, "number", field, int),
                    name=self.text(item, "name", field),
                    questions=tuple(members),
                )
            )
        self.unique("themes", [t.number for t in themes], "number")
        return tuple(themes)

    def unique(self, field: str, values: Sequence[object], key: str) -> None:
        seen: set[object] = set()
        for value in values:
            if value in seen:
                raise self.fail(f"{field}.{key}", value, "appears twice")
            seen.add(value)


def _kind(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    words = {str: "text", int: "a whole number", Decimal: "a number", list: "an array"}
    return " or ".join(dict.fromkeys(words.get(k, k.__name__) for k in kinds))
