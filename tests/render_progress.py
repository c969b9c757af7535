"""Render the follow-up's example (the tracking sheet and the progress report) with LibreOffice,
for the staff guide's picture ``workbooks/screenshots/progress.png``.

Opt-in, like ``tests/render_demo.py`` (same packages and font alias). The measures are seed
004's as ita-xl generates them; the results typed into the tracking sheet are made up for the
picture (the README says so under it).

    python -m tests.render_progress [OUT_FOLDER]
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from ita_xl.cli import main as ita_xl
from ita_xl.core.progress import PROGRESS
from ita_xl.core.tracking import TRACKING, col
from ita_xl.core.wording import PROGRESS_ROUNDS, PROGRESS_STATUSES
from ita_xl.xlsx.template import sample_workbook
from tests.render_demo import FONTS_CONF, SCREENSHOTS

DONE, DOING, NOT_STARTED = PROGRESS_STATUSES
#: Made-up results for the picture, by the tracking sheet's row.
TYPED = {
    6: {"status": DONE, "result": "ประชุมชี้แจงแนวทางปฏิบัติแก่บุคลากร 2 ครั้ง", "outcome": "บุคลากรเข้าร่วมร้อยละ 92",
        "date": datetime.datetime(2026, 1, 20), "evidence": "https://www.example.go.th/ita/o26-1.pdf"},
    7: {"status": DONE, "result": "ปรับปรุงคู่มือการให้บริการและเผยแพร่บนเว็บไซต์", "outcome": "คู่มือ 5 ฉบับ",
        "date": "15/2/2569", "evidence": "https://www.example.go.th/ita/o26-2.pdf"},
    8: {"status": DOING, "result": "อยู่ระหว่างพัฒนาระบบรับเรื่องออนไลน์", "problems": "รอการจัดสรรงบประมาณ"},
    9: {"status": NOT_STARTED, "problems": "บุคลากรไม่เพียงพอ"},
}  # fmt: skip


def build(out: Path) -> Path:
    """The tracking workbook with the six-month report, written as a user would make it."""
    out.mkdir(parents=True, exist_ok=True)
    filled, ita, tracking = out / "filled.xlsx", out / "ITA.xlsx", out / "tracking.xlsx"
    for path in (ita, tracking):
        path.unlink(missing_ok=True)
    sample_workbook("004").save(filled)
    assert ita_xl(["generate", str(filled), "-o", str(ita)]) in (0, 1)
    assert ita_xl(["progress", str(ita), "-o", str(tracking)]) == 0
    wb = load_workbook(tracking)
    for row, values in TYPED.items():
        for name, value in {**values, "round": PROGRESS_ROUNDS[0]}.items():
            wb[TRACKING][f"{col(name)}{row}"] = value
    wb.save(tracking)
    assert ita_xl(["progress", str(tracking), "--in-place", "--round", "6"]) in (0, 1)
    report = out / "report.xlsx"
    wb = load_workbook(tracking)
    for name in wb.sheetnames:
        if name != PROGRESS:
            del wb[name]
    wb.save(report)
    return report


def render(out: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        sys.exit("needs soffice and pdftoppm (see tests/render_demo.py)")
    report = build(out)
    (out / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(out / "fonts.conf")}
    profile = (out / "lo-profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(out), str(report)], check=True, env=env, timeout=300)
    stem = SCREENSHOTS / "progress"
    page = [str(out / "report.pdf"), str(stem)]
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-singlefile", "-f", "1", "-l", "1", *page], check=True)
    return stem.with_suffix(".png")


if __name__ == "__main__":
    print(render(Path(sys.argv[1] if len(sys.argv) > 1 else "render-progress")))
