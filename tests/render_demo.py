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


def _pages(pdf: Path) -> int:
    return int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages")
        )
    )


def _page_starting(pdf: Path, words: str) -> int:
    """The first page of ``pdf`` whose text starts with ``words`` (spaces ignored)."""
    for page in range(1, _pages(pdf) + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.replace(" ", "")
        if text.lstrip().startswith(words.replace(" ", "")):
            return page
    raise SystemExit(f"no page of {pdf} starts with {words!r}")


def _png(pdf: Path, page: int, stem: Path, dpi: int = 70) -> Path:
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
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
    return stem.with_suffix(".png")


#: The Word output's page shown in the README: the first page of the analysis.
WORD_PAGE = ("word", "รายงานการวิเคราะห์ผลการประเมิน")


def word_screenshot(out: Path) -> Path:
    """workbooks/screenshots/word.png: a page of the demo sample's report as Word (``ita-xl generate
    … -o report.docx``), printed to PDF by LibreOffice as ``-o report.pdf`` does."""
    from ita_xl.build.workbooks import WORKBOOKS
    from ita_xl.core.samples import SAMPLE_FILES

    out.mkdir(parents=True, exist_ok=True)
    (out / "fonts.conf").write_text(FONTS_CONF, encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str((out / "fonts.conf").resolve())  # soffice inherits it
    pdf = out / "ita-demo-word.pdf"
    pdf.unlink(missing_ok=True)
    assert ita_xl(["generate", str(WORKBOOKS / "samples" / SAMPLE_FILES["004"]), "-o", str(pdf)]) in (0, 1)
    name, words = WORD_PAGE
    return _png(pdf, _page_starting(pdf, words), SCREENSHOTS / name)


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
    made.append(word_screenshot(out))
    return made


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--screenshots"]:
        for path in screenshots(Path(arguments[1] if len(arguments) > 1 else "render")):
            print(path)
    else:
        for path in render(Path(arguments[0] if arguments else "render")):
            print(path)
