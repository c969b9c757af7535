"""Writing files without losing anything: atomically, never over a file we were not asked to.

Every write goes to a temporary file in the target's folder and is renamed over the target
only when complete, so a crash, Ctrl-C or a full disk leaves the old file as it was and no
temporary file behind. A file Excel holds open (its ``~$`` owner file exists, or the rename is
refused) is left alone. New files get the user's normal permissions (the umask), a replaced
file keeps its mode, a symbolic link is followed, and a file with other hard links is written
through its own inode so the links keep seeing it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from ita_xl.core.errors import ItaError

TEMP_PREFIX = ".ita-xl-"


def open_in_excel(target: Path) -> ItaError:
    return ItaError(
        f"ไฟล์นี้เปิดอยู่ใน Excel กรุณาปิดแล้วลองใหม่: {target}",
        f"{target} is open in Excel: close it and try again",
    )


def excel_lock(target: Path) -> Path | None:
    """Excel's owner file for ``target`` (``~$name``; Word-style ``~$`` + name[2:] too), if present."""
    for name in (f"~${target.name}", f"~${target.name[2:]}"):
        lock = target.with_name(name)
        if len(name) > 2 and lock.exists():
            return lock
    return None


def os_error(exc: OSError, target: Path) -> ItaError:
    """One line for an OS failure while writing ``target``."""
    code = exc.errno
    if code == errno.ENAMETOOLONG:
        return ItaError(f"ชื่อไฟล์ยาวเกินไป: {target.name}", f"file name too long: {target.name}")
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return ItaError(
            f"พื้นที่ดิสก์ไม่พอหรือไฟล์ใหญ่เกิน: ไม่ได้เขียน {target}", f"disk full or file too large: {target}"
        )
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ItaError(f"ไม่มีสิทธิ์เขียนในโฟลเดอร์ {target.parent}", f"no permission to write in {target.parent}")
    reason = exc.strerror or type(exc).__name__
    return ItaError(f"เขียน {target} ไม่ได้ ({reason})", f"cannot write {target}: {reason}")


def destination(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` really goes: a symbolic link is followed; the folder must exist."""
    target = Path(path)
    try:
        if target.is_symlink():
            target = Path(os.path.realpath(target))
        folder = target.parent
        if not folder.exists():
            raise ItaError(f"ไม่มีโฟลเดอร์ {folder}", f"no folder {folder}")
        if not folder.is_dir():
            raise ItaError(f"{folder} ไม่ใช่โฟลเดอร์", f"{folder} is not a folder")
        if target.is_dir():
            raise ItaError(f"{target} เป็นโฟลเดอร์ ไม่ใช่ไฟล์", f"{target} is a folder, not a file")
    except OSError as exc:
        raise os_error(exc, target) from exc
    return target


def save_new(wb: Workbook, path: str | os.PathLike[str], *, replace: bool = False) -> Path:
    """Save ``wb`` to ``path`` atomically (see ``write_atomically``).

    Args:
        wb: The workbook.
        path: Where to write.
        replace: Whether an existing file may be replaced. Without it, an existing file is
            an error: the tool never writes over a file it was not asked to.
    """
    target = destination(path)
    if target.exists() and not replace:
        raise ItaError(
            f"มีไฟล์ {target} อยู่แล้ว: ไม่เขียนทับ ให้ระบุชื่อไฟล์อื่น",
            f"{target} exists: not overwriting it; choose another name",
        )
    write_atomically(target, wb.save)
    return target


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(target: Path, write: Callable[[str], object]) -> Path:
    """Have ``write`` fill a temporary file beside ``target``, then put it in ``target``'s place.

    Returns where the file went (a symbolic link's target). A failure at any point, including
    Ctrl-C, leaves ``target`` as it was and removes the temporary file; OS failures become
    one-line ``ItaError``s.
    """
    target = destination(target)
    if excel_lock(target) is not None:
        raise open_in_excel(target)
    existing = target.stat() if target.exists() else None
    try:
        handle, temporary = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise os_error(exc, target) from exc
    os.close(handle)
    try:
        write(temporary)
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else _new_file_mode())
        if existing is not None and existing.st_nlink > 1:
            _write_through(Path(temporary), target)
        else:
            os.replace(temporary, target)
    except PermissionError as exc:
        raise (open_in_excel(target) if existing is not None else os_error(exc, target)) from exc
    except OSError as exc:
        raise os_error(exc, target) from exc
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def _write_through(complete: Path, target: Path) -> None:
    """Copy a complete file into ``target``'s own inode (its hard links keep seeing it)."""
    with complete.open("rb") as source, target.open("r+b") as sink:
        shutil.copyfileobj(source, sink)
        sink.truncate()
        sink.flush()
        os.fsync(sink.fileno())
