"""Writing workbooks without losing anything: never over a file we did not make, atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from ita_xl.core.errors import ItaError


def save_new(wb: Workbook, path: str | os.PathLike[str], *, replace: bool = False) -> Path:
    """Save ``wb`` to ``path`` through a temporary file in the same folder, then rename.

    A reader never sees a half-written file, and a failure leaves the old file as it was.

    Args:
        wb: The workbook.
        path: Where to write.
        replace: Whether an existing file may be replaced. Without it, an existing file is
            an error: the tool never writes over a file it was not asked to.
    """
    target = Path(path)
    if target.exists() and not replace:
        raise ItaError(
            f"มีไฟล์ {target} อยู่แล้ว: ไม่เขียนทับ ให้ระบุชื่อไฟล์อื่น",
            f"{target} exists: not overwriting it; choose another name",
        )
    if not target.parent.exists():
        raise ItaError(f"ไม่มีโฟลเดอร์ {target.parent}", f"no folder {target.parent}")
    write_atomically(target, wb.save)
    return target


def write_atomically(target: Path, write: Callable[[str], object]) -> None:
    """Have ``write`` fill a temporary file beside ``target``, then rename it over ``target``.

    A reader never sees a half-written file, and a failure leaves the old file as it was.
    """
    handle, temporary = tempfile.mkstemp(prefix=".ita-xl-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
