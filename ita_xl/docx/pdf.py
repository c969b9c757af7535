"""The Word document as PDF, converted by LibreOffice headless where it is installed.

``soffice --headless --convert-to pdf`` with a profile of its own (a LibreOffice the user has
open would otherwise take the job and the conversion would silently do nothing), and the
result checked, because ``soffice`` exits 0 even when it failed (team notes,
EXCEL_TESTING_NOTES.md). LibreOffice keeps the document's keywords, which carry ita-xl's
marker, so a PDF ita-xl made is recognised and may be replaced.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ita_xl.core.errors import ItaError
from ita_xl.core.sheets import MARKER, SheetSpec

#: How long one conversion may take (a cold LibreOffice start included).
TIMEOUT_S = 300
_KEYWORDS = re.compile(rb"/Keywords\s*<([0-9A-Fa-f]+)>")


def soffice() -> str | None:
    """LibreOffice's command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def is_ours(path: Path) -> bool:
    """Whether an existing PDF came from ita-xl (LibreOffice writes the keywords as UTF-16 hex,
    the marker's colons turned into ", ")."""
    try:
        found = _KEYWORDS.search(path.read_bytes())
        return (
            found is not None
            and bytes.fromhex(found.group(1).decode()).decode("utf-16").replace(", ", ":") == MARKER
        )
    except (OSError, ValueError):
        return False


def write_pdf(outcome_specs: Sequence[SheetSpec], path: str | os.PathLike[str]) -> Path:
    """Write the report as a PDF at ``path`` through the Word document; returns the path.

    Without LibreOffice the message says to write a .docx and print it to PDF from Word. An
    existing file is replaced only if ita-xl made it; the write is atomic.
    """
    from ita_xl.docx import render_document
    from ita_xl.xlsx.save import write_atomically

    target = Path(path)
    command = soffice()
    if command is None:
        raise ItaError(
            "การบันทึกเป็น PDF ต้องติดตั้ง LibreOffice: บันทึกเป็น .docx แล้วสั่งบันทึกเป็น PDF จาก Word แทนได้",
            "PDF output needs LibreOffice (soffice); write a .docx and save it as PDF from Word instead",
        )
    _check_target(target)
    with tempfile.TemporaryDirectory(prefix="ita-xl-") as work:
        document = Path(work) / f"{target.stem}.docx"
        render_document(outcome_specs, document)
        profile = f"-env:UserInstallation={(Path(work) / 'profile').as_uri()}"
        subprocess.run(
            [command, profile, "--headless", "--convert-to", "pdf", "--outdir", work, str(document)],
            capture_output=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        converted = document.with_suffix(".pdf")
        if not converted.exists():
            raise ItaError(
                "LibreOffice แปลงเอกสารเป็น PDF ไม่สำเร็จ", "LibreOffice did not convert the document to PDF"
            )
        write_atomically(target, lambda temporary: shutil.copyfile(converted, temporary))
    return target


def _check_target(target: Path) -> None:
    if target.suffix.lower() != ".pdf":
        raise ItaError(f"ไฟล์ PDF ต้องลงท้ายด้วย .pdf: {target.name}", f"a PDF file ends in .pdf: {target.name}")
    if target.exists() and not is_ours(target):
        raise ItaError(
            f"มีไฟล์ {target} อยู่แล้ว: ไม่เขียนทับ ให้ระบุชื่อไฟล์อื่น",
            f"{target} exists: not overwriting it; choose another name",
        )
    if not target.parent.exists():
        raise ItaError(f"ไม่มีโฟลเดอร์ {target.parent}", f"no folder {target.parent}")
