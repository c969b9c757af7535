"""Writing files: atomic, the user's permissions, links kept, files open in Excel left alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ita_xl.core.errors import ItaError
from ita_xl.xlsx.save import TEMP_PREFIX, excel_lock, write_atomically


def leftovers(folder: Path) -> list[Path]:
    return list(folder.glob(f"{TEMP_PREFIX}*"))


def test_new_file_gets_the_umask_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomically(tmp_path / "a.xlsx", lambda p: Path(p).write_bytes(b"x"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.xlsx").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, lambda p: Path(p).write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_hard_link_keeps_seeing_the_new_content(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")
    link = tmp_path / "shared.xlsx"
    os.link(target, link)
    inode = target.stat().st_ino
    write_atomically(target, lambda p: Path(p).write_bytes(b"new content"))
    assert target.stat().st_ino == inode and link.read_bytes() == b"new content"
    assert not leftovers(tmp_path)


def test_symlink_is_followed_not_replaced(tmp_path):
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real)
    assert write_atomically(link, lambda p: Path(p).write_bytes(b"new")) == real
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize("fault", [RuntimeError("disk"), KeyboardInterrupt()])
def test_a_failure_or_ctrl_c_leaves_the_old_file_and_no_temporary(tmp_path, fault):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")

    def write(p: str) -> None:
        Path(p).write_bytes(b"half")
        raise fault

    with pytest.raises(type(fault)):
        write_atomically(target, write)
    assert target.read_bytes() == b"old"
    assert not leftovers(tmp_path)


@pytest.mark.parametrize("lock", ["~$a_long_report.xlsx", "~$long_report.xlsx"])
def test_a_file_open_in_excel_is_left_alone(tmp_path, lock):
    """Excel keeps an owner file ~$name beside an open workbook (Word drops 2 characters)."""
    target = tmp_path / "a_long_report.xlsx"
    target.write_bytes(b"old")
    (tmp_path / lock).write_bytes(b"owner")
    assert excel_lock(target) is not None
    with pytest.raises(ItaError, match="ไฟล์นี้เปิดอยู่ใน Excel กรุณาปิดแล้วลองใหม่"):
        write_atomically(target, lambda p: Path(p).write_bytes(b"new"))
    assert target.read_bytes() == b"old" and len(list(tmp_path.iterdir())) == 2


def test_a_refused_rename_means_open_in_excel(tmp_path, monkeypatch):
    """On Windows, replacing a file Excel holds open fails with PermissionError."""
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ItaError, match="เปิดอยู่ใน Excel"):
        write_atomically(target, lambda p: Path(p).write_bytes(b"new"))
    assert target.read_bytes() == b"old" and not leftovers(tmp_path)


@pytest.mark.parametrize(
    ("make", "word"),
    [
        (lambda d: d / "missing" / "a.xlsx", "no folder"),
        (lambda d: d / ("ก" * 120 + ".xlsx"), "too long"),
    ],
)
def test_os_faults_are_one_line_errors(tmp_path, make, word):
    with pytest.raises(ItaError) as caught:
        write_atomically(make(tmp_path), lambda p: Path(p).write_bytes(b"x"))
    assert word in caught.value.en and "\n" not in str(caught.value)


def test_read_only_folder(tmp_path, monkeypatch):
    """A folder the user may not write in (simulated: the tests may run as root)."""
    import tempfile

    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ItaError, match="no permission to write"):
        write_atomically(tmp_path / "a.xlsx", lambda p: Path(p).write_bytes(b"x"))
    assert not (tmp_path / "a.xlsx").exists()
