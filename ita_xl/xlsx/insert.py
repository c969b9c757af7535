"""Write ita-xl's sheets into a copy of the user's file part by part, keeping every other part as it is.

openpyxl loads and saves a whole workbook: slow on a big file, and it drops what it cannot
read (pivot tables, form controls, slicers, …). Here the generated sheets are rendered by
openpyxl into a small scratch workbook, and only their parts are put into the user's package
(ECMA-376 Part 2, Open Packaging Conventions); every other part is copied byte for byte:

- each generated sheet's part (``xl/worksheets/sheetN.xml``) and the parts it relates to
  (drawing, chart), renamed to names the package does not use, each with an ``Override`` in
  ``[Content_Types].xml`` (Part 2, §10.1.2.2.3);
- a new sheet gets a ``<sheet name sheetId r:id>`` in ``xl/workbook.xml`` (Part 1, §18.2.19:
  ``sheetId`` unique, ``r:id`` a workbook relationship of type …/relationships/worksheet,
  §12.3.24) appended after the user's sheets, so every ``localSheetId`` the user's defined
  names carry (the 0-based position in ``<sheets>``, §18.2.5) still points at its sheet; a
  generated sheet that is already there keeps its ``<sheet>`` element and its part name;
- the print area and titles are defined names ``_xlnm.Print_Area`` / ``_xlnm.Print_Titles``
  with the sheet's ``localSheetId`` (§18.2.5, built-in names §18.2.6);
- the cell formats the sheets use are appended to ``xl/styles.xml`` (fonts, fills, borders,
  numFmts ≥ 164 renumbered, cellStyleXfs, cellXfs, §18.8) and the sheets' ``s`` indices
  remapped; a named style that the workbook already has (a rerun) is reused by name;
- the document's custom properties (``docProps/custom.xml``) record the source and digest.

Anything the insertion does not understand raises ``Unsupported``; the caller then falls back
to openpyxl's load and save.
"""

from __future__ import annotations

import hashlib
import html
import io
import posixpath
import re
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET_REL = f"{DOC_REL}/worksheet"
CALC_CHAIN_REL = f"{DOC_REL}/calcChain"
CUSTOM_REL = f"{DOC_REL}/custom-properties"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: A custom property's format id (ECMA-376 Part 1, §22.3.2.2: the value Office writes).
PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: Template workbooks' main content types and the workbook ones Excel opens as a workbook.
WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
    "application/vnd.ms-excel.template.macroEnabled.main+xml": (
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    ),
}
#: The children of <styleSheet> in schema order (ECMA-376 Part 1, §18.8.39).
STYLE_ORDER = (
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
)
#: Children of <workbook> that follow <definedNames> (§18.2.27), where a new one goes before.
AFTER_DEFINED_NAMES = (
    "calcPr",
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
)
PRINT_NAMES = ("_xlnm.Print_Area", "_xlnm.Print_Titles")


class Unsupported(Exception):
    """The package is in a shape the insertion does not handle: use openpyxl instead."""


# --------------------------------------------------------------------------- package


@dataclass
class Package:
    """A zip package held in memory: its parts in their order, and how each was stored."""

    parts: dict[str, bytes]
    infos: dict[str, zipfile.ZipInfo] = field(default_factory=dict)

    @classmethod
    def read(cls, source: str | io.BytesIO) -> Package:
        with zipfile.ZipFile(source) as archive:
            infos = {info.filename: info for info in archive.infolist() if not info.is_dir()}
            return cls({name: archive.read(name) for name in infos}, infos)

    def write(self, target: str) -> None:
        now = time.localtime()[:6]
        with zipfile.ZipFile(target, "w") as archive:
            for name, data in self.parts.items():
                old = self.infos.get(name)
                info = zipfile.ZipInfo(name, old.date_time if old else now)
                info.compress_type = old.compress_type if old else zipfile.ZIP_DEFLATED
                info.external_attr = old.external_attr if old else 0o600 << 16
                archive.writestr(info, data)

    def text(self, name: str) -> str:
        try:
            return self.parts[name].decode("utf-8")
        except (KeyError, UnicodeDecodeError) as exc:
            raise Unsupported(name) from exc

    def free_name(self, wanted: str) -> str:
        """``wanted``, or if taken (case-insensitively, Part 2 §9.1.1.2) the same with another number."""
        taken = {name.lower() for name in self.parts}
        if wanted.lower() not in taken:
            return wanted
        stem, number, suffix = re.fullmatch(r"(.*?)(\d*)(\.[^./]+)", wanted).groups()
        n = int(number or 0) + 1
        while f"{stem}{n}{suffix}".lower() in taken:
            n += 1
        return f"{stem}{n}{suffix}"


def rels_name(part: str) -> str:
    """The relationships part of ``part`` (ECMA-376 Part 2, §9.3.3.1: ``_rels/<name>.rels``)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass(frozen=True)
class Rel:
    id: str
    type: str
    target: str
    external: bool


def relationships(package: Package, part: str) -> list[Rel]:
    """The relationships of ``part`` (none if it has no relationships part)."""
    xml = package.parts.get(rels_name(part))
    if xml is None:
        return []
    rels = []
    for element in ElementTree.fromstring(xml).iter(f"{{{PKG_REL}}}Relationship"):
        rels.append(
            Rel(
                element.get("Id", ""),
                element.get("Type", ""),
                element.get("Target", ""),
                element.get("TargetMode") == "External",
            )
        )
    return rels


def resolve(part: str, target: str) -> str:
    """A relationship's target as a part name (Part 2, §9.3.2: relative to the source's folder)."""
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def _attr(tag: str, name: str) -> str | None:
    match = re.search(rf'\s{re.escape(name)}\s*=\s*"([^"]*)"', tag)
    return html.unescape(match.group(1)) if match else None


def _root_check(xml: str, root: str) -> None:
    """The part's root must be ``root`` in the default namespace (no prefix), as Excel writes it."""
    if re.search(rf"<{root}[\s>]", xml) is None:
        raise Unsupported(root)


def _insert_before_close(xml: str, root: str, text: str) -> str:
    end = xml.rfind(f"</{root}>")
    if end < 0:
        raise Unsupported(root)
    return xml[:end] + text + xml[end:]


def add_relationship(package: Package, part: str, type_: str, target: str) -> str:
    """Add a relationship from ``part`` to the part ``target`` (absolute); returns its new Id."""
    name = rels_name(part)
    xml = package.parts.get(name, f'<Relationships xmlns="{PKG_REL}"></Relationships>'.encode()).decode()
    _root_check(xml, "Relationships")
    ids = set(re.findall(r'\sId\s*=\s*"([^"]*)"', xml))
    n = len(ids) + 1
    while f"rId{n}" in ids:
        n += 1
    rel = f'<Relationship Id="rId{n}" Type={quoteattr(type_)} Target={quoteattr("/" + target)}/>'
    package.parts[name] = _insert_before_close(xml, "Relationships", rel).encode()
    return f"rId{n}"


def remove_relationships(package: Package, part: str, ids: Iterable[str]) -> None:
    name = rels_name(part)
    xml = package.text(name)
    for rid in ids:
        xml = re.sub(
            rf'<Relationship\b[^>]*\sId\s*=\s*"{re.escape(rid)}"[^>]*?(/>|>\s*</Relationship>)', "", xml
        )
    package.parts[name] = xml.encode()


def set_content_types(package: Package, add: dict[str, str], remove: Iterable[str] = ()) -> None:
    """Add ``Override``s (part -> content type) and remove those of ``remove`` (Part 2, §10.1.2.2.3)."""
    xml = package.text("[Content_Types].xml")
    _root_check(xml, "Types")
    for part in [*remove, *add]:
        xml = re.sub(rf'<Override\b[^>]*\sPartName\s*=\s*"/{re.escape(part)}"[^>]*/>', "", xml, flags=re.I)
    for old, new in WORKBOOK_TYPES.items():
        xml = xml.replace(f'"{old}"', f'"{new}"')
    overrides = "".join(
        f"<Override PartName={quoteattr('/' + p)} ContentType={quoteattr(t)}/>" for p, t in add.items()
    )
    package.parts["[Content_Types].xml"] = _insert_before_close(xml, "Types", overrides).encode()


def content_type(package: Package, part: str) -> str:
    xml = package.text("[Content_Types].xml")
    for element in ElementTree.fromstring(xml):
        if element.tag.endswith("Override") and element.get("PartName", "").lower() == f"/{part}".lower():
            return element.get("ContentType", "")
    extension = part.rpartition(".")[2].lower()
    for element in ElementTree.fromstring(xml):
        if element.tag.endswith("Default") and element.get("Extension", "").lower() == extension:
            return element.get("ContentType", "")
    raise Unsupported(f"no content type for {part}")


# --------------------------------------------------------------------------- styles


def _local(element: ElementTree.Element) -> ElementTree.Element:
    """``element`` with its SpreadsheetML namespace dropped from every tag (serialised unprefixed)."""
    for node in element.iter():
        if node.tag.startswith(f"{{{MAIN}}}"):
            node.tag = node.tag[len(MAIN) + 2 :]
        elif node.tag.startswith("{"):
            raise Unsupported(node.tag)
    return element


def _children(root: ElementTree.Element, container: str) -> list[ElementTree.Element]:
    found = root.find(f"{{{MAIN}}}{container}")
    return [] if found is None else list(found)


def _container(xml: str, tag: str) -> tuple[re.Match[str] | None, int, int]:
    """The user's ``<tag …>`` opening, where its content ends, and how many children it has."""
    opening = re.search(rf"<{tag}\b[^>]*?(/?)>", xml)
    if opening is None:
        return None, -1, 0
    if opening.group(1):
        return opening, opening.end(), 0
    end = xml.index(f"</{tag}>", opening.end())
    child = {
        "numFmts": "numFmt",
        "fonts": "font",
        "fills": "fill",
        "borders": "border",
        "cellStyles": "cellStyle",
    }
    name = child.get(tag, "xf")
    return opening, end, len(re.findall(rf"<{name}[\s/>]", xml[opening.end() : end]))


def _append_children(xml: str, tag: str, items: list[str]) -> str:
    """Append ``items`` to the user's ``<tag>`` (created in schema order if missing), fixing ``count``."""
    if not items:
        return xml
    opening, end, count = _container(xml, tag)
    body = "".join(items)
    if opening is None:
        later = [xml.find(f"<{t}") for t in STYLE_ORDER[STYLE_ORDER.index(tag) + 1 :]]
        at = min([p for p in later if p >= 0] or [xml.rindex("</styleSheet>")])
        return f'{xml[:at]}<{tag} count="{len(items)}">{body}</{tag}>{xml[at:]}'
    head = re.sub(r'\scount\s*=\s*"\d*"', "", opening.group(0)).rstrip("/>").rstrip()
    head = f'{head} count="{count + len(items)}">'
    if opening.group(1):  # <numFmts count="0"/>
        return f"{xml[: opening.start()]}{head}{body}</{tag}>{xml[opening.end() :]}"
    return f"{xml[: opening.start()]}{head}{xml[opening.end() : end]}{body}{xml[end:]}"


def _serialise(element: ElementTree.Element) -> str:
    return ElementTree.tostring(_local(element), encoding="unicode")


class _Entries:
    """One container of the user's styles: its children as text, and the ones to append."""

    def __init__(self, user: str, mine: ElementTree.Element, tag: str) -> None:
        self.tag = tag
        self.known = [_text_of(child) for child in _children(mine, tag)]
        if len(self.known) != _container(user, tag)[2]:
            raise Unsupported(f"styles {tag}")
        self.new: list[str] = []

    def index(self, element: ElementTree.Element, *, own: bool = False) -> int:
        """The index of an entry equal to ``element``, appended if the workbook has none (or ``own``)."""
        text = _serialise(element)
        if own or text not in self.known:
            self.known.append(text)
            self.new.append(text)
        return len(self.known) - 1 if own else self.known.index(text)


def _text_of(element: ElementTree.Element) -> str | None:
    try:
        return _serialise(element)
    except Unsupported:
        return None  # an entry in another namespace (Excel's extensions) never equals ours


def _formats(user: str, theirs: ElementTree.Element) -> tuple[dict[str, str], list[str]]:
    """Scratch number format id -> the user's id for the same code (a new code numbered from 164 up)."""
    pattern = r'<numFmt\b[^>]*\snumFmtId\s*=\s*"(\d+)"[^>]*\sformatCode\s*=\s*"([^"]*)"'
    listed = re.search(r"<numFmts\b.*?</numFmts>", user, re.S)  # not a conditional format's (<dxf>)
    codes = {html.unescape(code): number for number, code in re.findall(pattern, listed[0] if listed else "")}
    taken = [int(n) for n in re.findall(r'<numFmt\b[^>]*\snumFmtId\s*=\s*"(\d+)"', user)]
    next_format, formats, new = max([163, *taken]) + 1, {}, []
    for numfmt in _children(theirs, "numFmts"):
        old, code = numfmt.get("numFmtId"), numfmt.get("formatCode")
        if code not in codes:
            codes[code] = str(next_format)
            next_format += 1
            numfmt.set("numFmtId", codes[code])
            new.append(_serialise(numfmt))
        formats[old] = codes[code]
    return formats, new


def merge_styles(user: str, scratch: bytes) -> tuple[str, dict[int, int]]:
    """``user``'s styles with the scratch workbook's cell formats added; scratch xf -> user xf.

    An entry the workbook already has (the same font, fill, border, number format or cell
    format, as a rerun finds its own) is reused, so running again adds nothing.
    """
    _root_check(user, "styleSheet")
    theirs, mine = ElementTree.fromstring(scratch), ElementTree.fromstring(user.encode())
    if _children(theirs, "dxfs"):
        raise Unsupported("differential formats")
    formats, new_formats = _formats(user, theirs)
    entries = {
        tag: _Entries(user, mine, tag) for tag in ("fonts", "fills", "borders", "cellStyleXfs", "cellXfs")
    }
    maps = {
        key: [entries[tag].index(e) for e in _children(theirs, tag)]
        for key, tag in (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders"))
    }

    def remap(xf: ElementTree.Element) -> ElementTree.Element:
        for key, indices in maps.items():
            xf.set(key, str(indices[int(xf.get(key, "0"))]))
        number = xf.get("numFmtId", "0")
        xf.set("numFmtId", formats.get(number, number))
        return xf

    named = {
        _attr(tag, "name"): int(_attr(tag, "xfId") or 0) for tag in re.findall(r"<cellStyle\b[^>]*>", user)
    }
    style_map, cell_styles = {0: 0}, []
    scratch_style_xfs = _children(theirs, "cellStyleXfs")
    for style in _children(theirs, "cellStyles"):
        index, name = int(style.get("xfId", "0")), style.get("name")
        if style.get("builtinId") == "0" or index == 0:
            continue  # Normal: the user's own
        if name in named:
            style_map[index] = named[name]
            continue
        # A named style's own format, never shared with another style's (§18.8.7 cellStyle xfId).
        style_map[index] = entries["cellStyleXfs"].index(remap(scratch_style_xfs[index]), own=True)
        style.set("xfId", str(style_map[index]))
        cell_styles.append(_serialise(style))
    xf_map = {0: 0}
    for index, xf in enumerate(_children(theirs, "cellXfs")[1:], start=1):
        xf.set("xfId", str(style_map.get(int(xf.get("xfId", "0")), 0)))
        xf_map[index] = entries["cellXfs"].index(remap(xf))
    user = _append_children(user, "numFmts", new_formats)
    for tag, items in [(t, e.new) for t, e in entries.items()] + [("cellStyles", cell_styles)]:
        user = _append_children(user, tag, items)
    return user, xf_map


_STYLED = re.compile(r'(<(?:c|row)\b[^>]*?\ss=")(\d+)(")|(<col\b[^>]*?\sstyle=")(\d+)(")')


def remap_sheet_styles(xml: str, xf_map: dict[int, int]) -> str:
    """A scratch sheet with its cells', rows' and columns' style indices in the user's numbering."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1):
            return f"{match.group(1)}{xf_map[int(match.group(2))]}{match.group(3)}"
        return f"{match.group(4)}{xf_map[int(match.group(5))]}{match.group(6)}"

    return _STYLED.sub(replace, xml)


# --------------------------------------------------------------------------- sheets


def _closure(package: Package, part: str) -> list[str]:
    """The parts reachable from ``part`` through internal relationships, ``part`` excluded."""
    found: list[str] = []
    todo = [part]
    while todo:
        source = todo.pop()
        for rel in relationships(package, source):
            target = resolve(source, rel.target)
            if not rel.external and target in package.parts and target not in found and target != part:
                found.append(target)
                todo.append(target)
    return found


def _source_of(rels: str) -> str:
    """The part a relationships part belongs to ("" for the package's own ``_rels/.rels``)."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")]).lstrip("/")


def _referenced_elsewhere(package: Package, candidates: list[str], owner: str) -> set[str]:
    """Candidates some relationship outside ``owner`` and ``candidates`` points at (kept)."""
    mine = {rels_name(p) for p in [owner, *candidates]}
    kept = set()
    for name in [n for n in package.parts if n.endswith(".rels") and n not in mine]:
        source = _source_of(name)
        kept.update(resolve(source, r.target) for r in relationships(package, source) if not r.external)
    return kept & set(candidates)


def _drop_old(package: Package, part: str) -> list[str]:
    """Remove the parts only the old generated sheet ``part`` related to; returns them."""
    owned = _closure(package, part)
    kept = _referenced_elsewhere(package, owned, part)
    for shared in list(kept):  # a kept part keeps what it relates to (a pivot cache its records)
        kept.update(_closure(package, shared))
    gone = [p for p in owned if p not in kept]
    for name in [*gone, *(rels_name(p) for p in [part, *gone])]:
        package.parts.pop(name, None)
    return gone


def _copy_related(package: Package, scratch: Package, scratch_part: str, part: str) -> dict[str, str]:
    """Copy the parts ``scratch_part`` relates to into ``package`` under free names; part -> type."""
    added: dict[str, str] = {}
    renamed = {scratch_part: part}
    for source in [scratch_part, *_closure(scratch, scratch_part)]:
        for rel in relationships(scratch, source):
            target = resolve(source, rel.target)
            if rel.external or target in renamed:
                continue
            renamed[target] = package.free_name(target)
            package.parts[renamed[target]] = b""  # reserve the name
    for source, name in renamed.items():
        if source != scratch_part:
            package.parts[name] = scratch.parts[source]
            added[name] = content_type(scratch, source)
        rels = relationships(scratch, source)
        if rels:
            package.parts[rels_name(name)] = _rels_xml(
                [
                    (
                        r.id,
                        r.type,
                        r.target if r.external else "/" + renamed[resolve(source, r.target)],
                        r.external,
                    )
                    for r in rels
                ]
            )
    return added


def _rels_xml(rels: list[tuple[str, str, str, bool]]) -> bytes:
    items = "".join(
        f"<Relationship Id={quoteattr(i)} Type={quoteattr(t)} Target={quoteattr(target)}"
        + (' TargetMode="External"' if external else "")
        + "/>"
        for i, t, target, external in rels
    )
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f'{head}<Relationships xmlns="{PKG_REL}">{items}</Relationships>'.encode()


@dataclass(frozen=True)
class Scratch:
    """The generated sheets rendered by openpyxl into a workbook of their own."""

    package: Package
    parts: dict[str, str]  # sheet name -> its part in the scratch package
    print_names: list[tuple[str, str, str]]  # (defined name, sheet name, formula)


def scratch_of(data: bytes) -> Scratch:
    package = Package.read(io.BytesIO(data))
    if any(name.lower().endswith("sharedstrings.xml") for name in package.parts):
        raise Unsupported("shared strings in the generated sheets")
    workbook = ElementTree.fromstring(package.parts["xl/workbook.xml"])
    targets = {r.id: resolve("xl/workbook.xml", r.target) for r in relationships(package, "xl/workbook.xml")}
    sheets = [(s.get("name"), targets[s.get(f"{{{DOC_REL}}}id")]) for s in workbook.iter(f"{{{MAIN}}}sheet")]
    names = []
    for element in workbook.iter(f"{{{MAIN}}}definedName"):
        if element.get("name") not in PRINT_NAMES or element.get("localSheetId") is None:
            raise Unsupported(f"defined name {element.get('name')}")
        names.append((element.get("name"), sheets[int(element.get("localSheetId"))][0], element.text or ""))
    return Scratch(package, dict(sheets), names)


_SHEET_TAG = re.compile(r"<sheet\b[^>]*/>")


def _sheets_xml(workbook: str) -> list[str]:
    opening = re.search(r"<sheets\b[^>]*>", workbook)
    if opening is None:
        raise Unsupported("no <sheets>")
    return _SHEET_TAG.findall(workbook, opening.end(), workbook.index("</sheets>"))


def _relationship_prefix(workbook: str) -> str:
    match = re.search(rf'xmlns:(\w+)\s*=\s*"{re.escape(DOC_REL)}"', workbook)
    return match.group(1) if match else ""


def _add_sheet(workbook: str, name: str, rid: str) -> str:
    tags = _sheets_xml(workbook)
    ids = [int(_attr(tag, "sheetId") or 0) for tag in tags]
    prefix = _relationship_prefix(workbook)
    declare = (
        "" if prefix and re.search(rf"<workbook\b[^>]*xmlns:{prefix}=", workbook) else f' xmlns:r="{DOC_REL}"'
    )
    prefix = prefix if not declare else "r"
    tag = f'<sheet name={quoteattr(name)} sheetId="{max([0, *ids]) + 1}"{declare} {prefix}:id="{rid}"/>'
    end = workbook.index("</sheets>")
    return workbook[:end] + tag + workbook[end:]


def _set_print_names(workbook: str, names: list[tuple[str, int, str]], replaced: set[int]) -> str:
    """Drop the print names of the replaced sheets' positions, then add (name, position, formula)s."""

    def keep(match: re.Match[str]) -> str:
        name, local = _attr(match.group(1), "name"), _attr(match.group(1), "localSheetId")
        stale = name in PRINT_NAMES and local is not None and int(local) in replaced
        return "" if stale else match.group(0)

    workbook = re.sub(r"<definedName\b([^>]*)>.*?</definedName>", keep, workbook, flags=re.S)
    items = "".join(
        f'<definedName name="{name}" localSheetId="{position}">{escape(formula)}</definedName>'
        for name, position, formula in names
    )
    if not items:
        return workbook
    if re.search(r"<definedNames\b[^>]*/>", workbook):
        return re.sub(
            r"<definedNames\b[^>]*/>", lambda _: f"<definedNames>{items}</definedNames>", workbook, count=1
        )
    if "</definedNames>" in workbook:
        return _insert_before_close(workbook, "definedNames", items)
    later = [workbook.find(f"<{t}") for t in AFTER_DEFINED_NAMES if re.search(rf"<{t}[\s/>]", workbook)]
    at = min(later or [workbook.rindex("</workbook>")])
    return f"{workbook[:at]}<definedNames>{items}</definedNames>{workbook[at:]}"


def insert_sheets(package: Package, scratch: Scratch, existing: dict[str, str]) -> None:
    """Put the scratch workbook's sheets into ``package``.

    ``existing`` maps a generated sheet already in the package to its part: that part is
    replaced in place (its ``<sheet>`` element, position and ``sheetId`` stay); any other
    sheet is added after the user's sheets.
    """
    workbook = package.text("xl/workbook.xml")
    _root_check(workbook, "workbook")
    styles_part = next(
        (
            resolve("xl/workbook.xml", r.target)
            for r in relationships(package, "xl/workbook.xml")
            if r.type.endswith("/styles")
        ),
        None,
    )
    if styles_part is None or styles_part not in package.parts:
        raise Unsupported("no styles part")
    styles, xf_map = merge_styles(package.text(styles_part), scratch.package.parts["xl/styles.xml"])
    package.parts[styles_part] = styles.encode()
    names = [_attr(tag, "name") for tag in _sheets_xml(workbook)]
    before = list(names)
    added: dict[str, str] = {}
    removed: list[str] = []
    for name, scratch_part in scratch.parts.items():
        part = existing.get(name)
        if part is not None:
            removed += _drop_old(package, part)
        else:
            part = package.free_name("xl/worksheets/sheet1.xml")
            rid = add_relationship(package, "xl/workbook.xml", WORKSHEET_REL, part)
            workbook = _add_sheet(workbook, name, rid)
            names.append(name)
            added[part] = WORKSHEET_TYPE
        package.parts[part] = remap_sheet_styles(scratch.package.text(scratch_part), xf_map).encode()
        added.update(_copy_related(package, scratch.package, scratch_part, part))
    if existing:
        removed += _drop_calc_chain(package)
    replaced = {names.index(name) for name in existing}
    prints = [(n, names.index(sheet), formula) for n, sheet, formula in scratch.print_names]
    package.parts["xl/workbook.xml"] = _set_print_names(workbook, prints, replaced).encode()
    set_content_types(package, added, removed)
    add_sheet_titles(package, before, names[len(before) :])


def _drop_calc_chain(package: Package) -> list[str]:
    """Remove the calculation chain (a cache Excel rebuilds, §18.6): it may name a replaced sheet's cells."""
    rels = [r for r in relationships(package, "xl/workbook.xml") if r.type == CALC_CHAIN_REL]
    if not rels:
        return []
    remove_relationships(package, "xl/workbook.xml", [r.id for r in rels])
    gone = [resolve("xl/workbook.xml", r.target) for r in rels]
    for part in gone:
        package.parts.pop(part, None)
    return gone


# --------------------------------------------------------------------------- properties


def set_custom_properties(package: Package, values: dict[str, str]) -> None:
    """Set string custom properties (``docProps/custom.xml``, ECMA-376 Part 1, §22.3), keeping the others."""
    part = custom_properties_part(package)
    if part is None:
        part = package.free_name("docProps/custom.xml")
        xml = f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}"></Properties>'
        add_relationship(package, "", CUSTOM_REL, part)
        set_content_types(package, {part: CUSTOM_TYPE})
    else:
        xml = package.text(part)
    _root_check(xml, "Properties")
    for name in values:
        xml = re.sub(
            rf"<property\b[^>]*\sname\s*=\s*{re.escape(quoteattr(name))}[^>]*>.*?</property>",
            "",
            xml,
            flags=re.S,
        )
    pids = [int(n) for n in re.findall(r'\spid\s*=\s*"(\d+)"', xml)]
    pid = max([1, *pids]) + 1  # pids start at 2 (§22.3.2.2)
    root = re.search(r"<Properties\b[^>]*>", xml).group(0)
    bound = re.search(rf'xmlns:(\w+)\s*=\s*"{re.escape(VT_NS)}"', root)
    vt, declare = (bound.group(1), "") if bound else ("vt", f' xmlns:vt="{VT_NS}"')
    items = "".join(
        f'<property fmtid="{PROPERTY_FMTID}" pid="{pid + n}" name={quoteattr(name)}>'
        f"<{vt}:lpwstr{declare}>{escape(value)}</{vt}:lpwstr></property>"
        for n, (name, value) in enumerate(values.items())
    )
    if re.search(r"<Properties\b[^>]*/>", xml):
        xml = re.sub(r"(<Properties\b[^>]*)/>", lambda m: f"{m.group(1)}>{items}</Properties>", xml, count=1)
    else:
        xml = _insert_before_close(xml, "Properties", items)
    package.parts[part] = xml.encode()


def custom_properties_part(package: Package) -> str | None:
    rel = next((r for r in relationships(package, "") if r.type == CUSTOM_REL), None)
    return None if rel is None else resolve("", rel.target)


def parts_digest(package: Package) -> str:
    """A digest of every part's name and bytes but the custom properties (which hold it)."""
    skip = custom_properties_part(package)
    digest = hashlib.sha256()
    for name in sorted(package.parts):
        if name != skip:
            digest.update(name.encode() + b"\0" + hashlib.sha256(package.parts[name]).digest())
    return digest.hexdigest()[:32]


# --------------------------------------------------------------------------- extended properties

APP_REL = f"{DOC_REL}/extended-properties"
_HEADING = re.compile(
    r"(<HeadingPairs>\s*<vt:vector\b[^>]*>\s*<vt:variant>\s*<vt:lpstr>[^<]*</vt:lpstr>\s*</vt:variant>"
    r"\s*<vt:variant>\s*<vt:i4>)(\d+)(</vt:i4>)"
)
_TITLES = re.compile(r'(<TitlesOfParts>\s*<vt:vector\s+size=")(\d+)("[^>]*>)(.*?)(</vt:vector>)', re.S)


def add_sheet_titles(package: Package, before: list[str], added: list[str]) -> None:
    """List the new sheets in ``docProps/app.xml`` (Part 1, §22.2.2.24 TitlesOfParts, §22.2.2.13
    HeadingPairs: the first pair counts the worksheets, whose names come first).

    Only a file whose first heading counts exactly the sheets ``before`` and whose first titles
    are their names is changed; any other shape is left as it is (Excel rewrites it on saving).
    """
    rel = next((r for r in relationships(package, "") if r.type == APP_REL), None)
    part = None if rel is None else resolve("", rel.target)
    if not added or part not in package.parts:
        return
    xml = package.text(part)
    heading, titles = _HEADING.search(xml), _TITLES.search(xml)
    if heading is None or titles is None or int(heading.group(2)) != len(before):
        return
    items = re.findall(r"<vt:lpstr>([^<]*)</vt:lpstr>", titles.group(4))
    if [html.unescape(i) for i in items[: len(before)]] != before:
        return
    cut = [m.end() for m in re.finditer(r"</vt:lpstr>", titles.group(4))]
    at = cut[len(before) - 1] if before else 0
    body = (
        titles.group(4)[:at]
        + "".join(f"<vt:lpstr>{escape(n)}</vt:lpstr>" for n in added)
        + titles.group(4)[at:]
    )
    size = int(titles.group(2)) + len(added)
    xml = (
        xml[: titles.start()]
        + f"{titles.group(1)}{size}{titles.group(3)}{body}{titles.group(5)}"
        + xml[titles.end() :]
    )
    heading = _HEADING.search(xml)
    xml = f"{xml[: heading.start(2)]}{len(before) + len(added)}{xml[heading.end(2) :]}"
    package.parts[part] = xml.encode()
