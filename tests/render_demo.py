"""Render the demo report to PDF and PNG with LibreOffice, so that a person can look at it.

Opt-in (``python -m tox -e render``), never part of the default run. Needs Debian's
``libreoffice-calc-nogui fonts-thai-tlwg poppler-utils``. TH SarabunPSK is not packaged, so
a fontconfig alias maps it to Laksaman (TLWG's derivative of TH Sarabun). LibreOffice draws
Laksaman about 1.5x larger than Excel draws TH SarabunPSK: a render shows overlap, clipping
and page breaks, not true text size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ita_xl.cli import main as ita_xl

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>TH SarabunPSK</family><prefer><family>Laksaman</family></prefer></alias>
  <alias binding="same"><family>TH Sarabun New</family><prefer><family>Laksaman</family></prefer></alias>
</fontconfig>
"""


def render(out: Path) -> list[Path]:
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit(
            "soffice not found: apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-thai-tlwg poppler-utils"
        )
    out.mkdir(parents=True, exist_ok=True)
    workbook = out / "ita-demo.xlsx"
    workbook.unlink(missing_ok=True)
    assert ita_xl(["demo", "-o", str(workbook)]) == 0
    (out / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(out / "fonts.conf")}
    profile = (out / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        env=env,
        capture_output=True,
        timeout=300,
    )
    pdf = out / "ita-demo.pdf"
    if not pdf.exists():  # soffice can exit 0 without writing anything
        sys.exit(f"LibreOffice did not write {pdf}")
    made = [pdf]
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out / "page")], check=True, timeout=300)
        made += sorted(out.glob("page-*.png"))
    return made


SCREENSHOTS = Path(__file__).resolve().parent.parent / "workbooks" / "screenshots"
#: Screenshot name -> the first words of the page to take (from pdftotext).
PAGES = {
    "scores": "คะแนนผลการประเมิน ITA",
    "analysis": "รายงานการวิเคราะห์ผลการประเมิน",
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}


def screenshots(out: Path) -> list[Path]:
    """Refresh workbooks/screenshots/*.png, which the staff guide in the README shows."""
    pdf = render(out)[0]
    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages")
        )
    )
    first_lines = {}
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")
        first_lines[page] = text
    SCREENSHOTS.mkdir(exist_ok=True)
    made = []
    for name, words in PAGES.items():
        page = next(p for p, text in first_lines.items() if text.lstrip().startswith(words.replace(" ", "")))
        stem = SCREENSHOTS / name
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "70",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        made.append(stem.with_suffix(".png"))
    return made


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--screenshots"]:
        for path in screenshots(Path(arguments[1] if len(arguments) > 1 else "render")):
            print(path)
    else:
        for path in render(Path(arguments[0] if arguments else "render")):
            print(path)
