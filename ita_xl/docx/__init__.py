"""The Word adapter: the report's sheet descriptions as one .docx (python-docx).

python-docx is imported only when a document is written, so nothing else (the worksheet
functions, xlwings Lite) needs it. ``pip install ita-xl`` brings it everywhere but in Pyodide
(xlwings Lite), where the dependency's marker leaves it out.

``write_docx`` writes the document; ``ita_xl.docx.pdf.write_pdf`` converts it to PDF with
LibreOffice where it is installed. ``plan`` reads a sheet description as paragraphs, tables
and charts; ``render`` writes them with python-docx, ``chart`` a chart as a native Word chart.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ita_xl.core.errors import ItaError
from ita_xl.core.sheets import MARKER, SheetSpec

#: What to install for Word output where it is missing.
EXTRA = "python-docx"


def _renderer():
    try:
        from ita_xl.docx.render import render_document
    except ModuleNotFoundError as exc:
        if exc.name not in ("docx", "lxml"):
            raise
        raise ItaError(
            f"การบันทึกเป็น Word ต้องติดตั้ง python-docx ก่อน: pip install {EXTRA}",
            f"Word output needs python-docx: pip install {EXTRA}",
        ) from exc
    return render_document


def render_document(specs: Sequence[SheetSpec], path: str | os.PathLike[str]) -> None:
    """Write ``specs`` into a new .docx at ``path`` (see ``ita_xl.docx.render``)."""
    _renderer()(specs, path)


def is_ours(path: Path) -> bool:
    """Whether an existing .docx is one ita-xl wrote (its core properties carry the marker)."""
    try:
        import docx

        return docx.Document(os.fspath(path)).core_properties.identifier == MARKER
    except Exception:
        return False


def write_docx(outcome_specs: Sequence[SheetSpec], path: str | os.PathLike[str]) -> Path:
    """Write the report's sheets as one Word document at ``path``, atomically; returns the path.

    An existing file is replaced only if ita-xl wrote it; a reader never sees a half-written
    file, and a failure leaves the old file as it was (``ita_xl.xlsx.save.write_atomically``).
    """
    from ita_xl.xlsx.save import write_atomically

    render = _renderer()
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise ItaError(
            f"ไฟล์ Word ต้องลงท้ายด้วย .docx: {target.name}", f"a Word file ends in .docx: {target.name}"
        )
    if target.exists() and not is_ours(target):
        raise ItaError(
            f"มีไฟล์ {target} อยู่แล้ว: ไม่เขียนทับ ให้ระบุชื่อไฟล์อื่น",
            f"{target} exists: not overwriting it; choose another name",
        )
    if not target.parent.exists():
        raise ItaError(f"ไม่มีโฟลเดอร์ {target.parent}", f"no folder {target.parent}")
    write_atomically(target, lambda temporary: render(outcome_specs, temporary))
    return target
