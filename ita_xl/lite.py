"""A ready xlwings Lite folder: ``main.py``, ``requirements.txt`` and ita-xl's wheel.

``ita-xl lite FOLDER`` writes them. The wheel is made from the installed package itself
(its ``.py`` and ``.toml`` files and the installed metadata) by zipping, so it works
offline and without the source tree; it is a pure-Python ``py3-none-any`` wheel, the kind
Pyodide's ``micropip`` installs. Its dependencies are openpyxl and xlwings only: nothing on
the worksheet-function or script path imports pandas or numpy (tests/test_lite.py checks it
in a fresh interpreter where both are blocked).

xlwings Lite installs what ``requirements.txt`` lists when the workbook opens; a package
must come from PyPI or from an https URL the browser can reach. Until ita-xl is published
on PyPI, host the wheel and replace the ``ita-xl==…`` line with its URL.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import io
import zipfile
from importlib.resources import files
from pathlib import Path

import ita_xl
from ita_xl.core.errors import ItaError

DIST = "ita-xl"
#: The packages Lite needs besides ita-xl, pinned to the versions the tests ran with.
PINNED = ("xlwings", "openpyxl", "et-xmlfile")
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def wheel_name(version: str | None = None) -> str:
    return f"ita_xl-{version or ita_xl.__version__}-py3-none-any.whl"


def requirements(wheel_url: str | None = None) -> str:
    """The Lite requirements: exact pins, then ita-xl (by version, or the hosted wheel's URL)."""
    lines = ["# xlwings Lite installs these into Excel's Python (Pyodide) when the workbook opens."]
    lines += [f"{name}=={importlib.metadata.version(name)}" for name in PINNED]
    if wheel_url:
        lines.append(wheel_url)
    else:
        lines += [
            "# Needs ita-xl on PyPI. Until it is published, host the wheel of this folder at an https",
            f"# URL the browser can reach and put that URL here instead of the next line: {wheel_name()}",
            f"{DIST}=={ita_xl.__version__}",
        ]
    return "\n".join(lines) + "\n"


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def _metadata(dist: importlib.metadata.Distribution) -> str:
    """Core metadata (METADATA) from an installed distribution, whether it was installed from
    a wheel (METADATA) or in development mode (an egg-info's PKG-INFO, requirements apart)."""
    meta = dist.metadata
    skip = {"requires-dist", "description"}
    lines = [f"{key}: {value}" for key, value in meta.items() if key.lower() not in skip]
    lines += [f"Requires-Dist: {requirement}" for requirement in dist.requires or []]
    body = meta.get_payload() or meta.get("Description") or ""
    return "\n".join(lines) + "\n\n" + body


def build_wheel() -> bytes:
    """The installed ita-xl as a pure-Python wheel (PEP 427): package files and metadata."""
    dist = importlib.metadata.distribution(DIST)
    package = Path(ita_xl.__file__).parent
    entries: dict[str, bytes] = {}
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml") and "__pycache__" not in path.parts:
            entries[f"ita_xl/{path.relative_to(package).as_posix()}"] = path.read_bytes()
    info = f"ita_xl-{dist.version}.dist-info"
    entries[f"{info}/METADATA"] = _metadata(dist).encode("utf-8")
    entries[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: ita-xl lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    entry_points = dist.read_text("entry_points.txt")
    if entry_points:
        entries[f"{info}/entry_points.txt"] = entry_points.encode("utf-8")
    record = [_record_line(name, data) for name, data in entries.items()] + [f"{info}/RECORD,,"]
    entries[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main_py() -> str:
    """The Lite ``main.py`` (the package's ``ita_xl/lite_main.py``)."""
    return files("ita_xl").joinpath("lite_main.py").read_text(encoding="utf-8")


def write_folder(folder: Path, wheel_url: str | None = None, *, replace: bool = False) -> list[Path]:
    """Write ``main.py``, ``requirements.txt`` and the wheel into ``folder``; returns the paths.

    Raises:
        ItaError: One of the files exists with other content (a user's own ``main.py``)
            and ``replace`` was not given: nothing is written.
    """
    written = {
        folder / "main.py": main_py().encode("utf-8"),
        folder / "requirements.txt": requirements(wheel_url).encode("utf-8"),
        folder / wheel_name(importlib.metadata.version(DIST)): build_wheel(),
    }
    clashes = [p for p, data in written.items() if p.exists() and p.read_bytes() != data]
    if clashes and not replace:
        raise ItaError(
            f"มีไฟล์ {clashes[0]} อยู่แล้ว: ไม่เขียนทับ (ใช้ --replace ถ้าต้องการแทนที่)",
            f"{clashes[0]} exists: not replacing it (use --replace)",
        )
    folder.mkdir(parents=True, exist_ok=True)
    for path, data in written.items():
        path.write_bytes(data)
    return list(written)
