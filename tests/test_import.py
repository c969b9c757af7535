"""``ita-xl import``: a seed's result text, PDF or HTML page in, a filled template out.

Outside references: the seeds' own text (../shared/seeds, PDF-converted reports) and the
project's hand-typed sample of each (ita_xl/core/samples.py, typed from the same reports):
the workbook the import writes, read back by the same reader as any user's workbook, must
hold the sample's figures; every difference is listed below with its reason. A PDF made from
a seed by LibreOffice (the converter staff use) and read back by pypdf, and an HTML page
whose tables hold the seed's rows, must give the same workbook as the text.
"""

from __future__ import annotations

import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ita_xl.cli import main
from ita_xl.core.errors import ItaError
from ita_xl.core.framework import load_framework
from ita_xl.core.inputs import UnitInputs
from ita_xl.core.layout import PASTE, PASTE_REPORT_COLUMN, SCORES, Layout
from ita_xl.core.reader import read
from ita_xl.core.samples import SAMPLES
from ita_xl.resultfile import html_text, read_text, tidy_pdf_text
from ita_xl.xlsx.importing import import_file
from ita_xl.xlsx.workbook import _grid
from tests.test_resulttext import EXPLAINED as READER_EXPLAINED
from tests.test_resulttext import SEEDED, VARIANTS, _number, figures_of, needs_seeds, seed_text


def seed_file(seed: str, folder: Path, text: str | None = None, suffix: str = ".txt") -> Path:
    path = folder / f"seed{seed}{suffix}"
    path.write_text(seed_text(seed) if text is None else text, encoding="utf-8")
    return path


def workbook_figures(path: Path) -> dict[str, object]:
    """Every figure of a filled workbook, as the reader of templates reads it back."""
    wb = load_workbook(path)
    result = read(_grid(wb), wb.sheetnames)
    return imported_figures(result.inputs)


def imported_figures(inputs: UnitInputs) -> dict[str, object]:
    """figures_of() and the figures only a sample holds (printed weights, the below-target count)."""
    out = figures_of(inputs)
    out |= {f"printed weight {k}": _number(p.value) for k, p in inputs.printed_weights.items()}
    if inputs.printed_below_target is not None:
        out["below target"] = _number(inputs.printed_below_target.value)
    return out


#: What the imported workbook holds differently from the hand-typed sample, and why: the
#: reader's own differences (test_resulttext.EXPLAINED) and what only a sample holds. The
#: test fails if a difference is missing here or an entry is stale.
EXPLAINED: dict[str, dict[str, str]] = {seed: dict(why) for seed, why in READER_EXPLAINED.items()}
EXPLAINED["000"] |= {
    **{
        f"printed weight {code}": "the report prints each tool's weight as 30%: a criterion to check, "
        "typed into the criteria sheet by hand; the import fills scores, not criteria"
        for code in ("IIT", "EIT", "OIT")
    },
    "below target": "'6 indicators below 85' is printed in a sentence; the reader reads table rows only",
}


def differences(seed: str, path: Path) -> set[str]:
    expected, got = imported_figures(SAMPLES[seed]), workbook_figures(path)
    return {key for key in expected.keys() | got.keys() if expected.get(key) != got.get(key)}


@needs_seeds
@pytest.mark.parametrize("seed", SEEDED)
def test_importing_a_seed_gives_the_samples_figures_except_the_explained(seed, tmp_path):
    year = SAMPLES[seed].fiscal_year
    plan, path, _ = import_file(seed_file(seed, tmp_path), year=year)
    assert plan.ok and path == tmp_path / f"seed{seed}.xlsx"
    found = differences(seed, path)
    assert not found - EXPLAINED[seed].keys(), f"unexplained: {sorted(found - EXPLAINED[seed].keys())}"
    assert not EXPLAINED[seed].keys() - found, f"stale: {sorted(EXPLAINED[seed].keys() - found)}"


def scores_of(path: Path) -> dict[str, object]:
    """The scores and unit sheets' input values (the sources column aside: it quotes lines)."""
    wb = load_workbook(path)
    layout = Layout(load_framework(int(wb["หน่วยงาน"]["B8"].value)))
    cells = {f"D{r}" for r in (*layout.tool_rows.values(), *layout.indicator_rows.values())}
    cells |= {f"E{r}" for r in layout.question_rows.values()}
    cells |= {f"C{r}" for r in (*layout.printed_total_rows, layout.printed_rating_row)}
    values = {c: wb[SCORES][c].value for c in cells}
    values |= {
        key: wb["หน่วยงาน"][layout.unit_cell(key)].value for key in ("name", "type", "district", "province")
    }
    return values


@needs_seeds
@pytest.mark.parametrize("variant", ["arabic digits", "tabs to spaces", "wrapped at 35", "all at once"])
@pytest.mark.parametrize("seed", SEEDED)
def test_a_variant_of_the_text_fills_the_same_cells(seed, variant, tmp_path):
    year = SAMPLES[seed].fiscal_year
    _, base, _ = import_file(seed_file(seed, tmp_path), year=year)
    (tmp_path / "v").mkdir()
    changed = seed_file(seed, tmp_path / "v", VARIANTS[variant](seed_text(seed)))
    _, other, _ = import_file(changed, year=year)
    assert scores_of(other) == scores_of(base)


# --------------------------------------------------------------------------- PDF and HTML


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory):
    """Each seed text as a PDF, made by LibreOffice as staff would print a text to PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    texts = [seed_file(seed, folder) for seed in SEEDED]
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, texts)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder


@needs_seeds
@pytest.mark.parametrize("seed", SEEDED)
def test_a_pdf_of_the_seed_fills_the_same_cells_as_its_text(seed, seed_pdfs, tmp_path):
    year = SAMPLES[seed].fiscal_year
    _, from_text, _ = import_file(seed_file(seed, tmp_path), year=year)
    _, from_pdf, _ = import_file(seed_pdfs / f"seed{seed}.pdf", year=year, output=str(tmp_path / "pdf.xlsx"))
    assert scores_of(from_pdf) == scores_of(from_text)


def test_without_pypdf_the_message_says_what_to_install(monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)
    (tmp_path / "r.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(ItaError, match="pip install pypdf"):
        read_text(tmp_path / "r.pdf")


@pytest.mark.parametrize(
    ("extracted", "tidy"),
    [
        ("ประจำาปีงบประมาณ", "ประจำปีงบประมาณ"),  # an extra sara aa after sara am
        ("ได้คะแนนตำ่าสุด", "ได้คะแนนต่ำสุด"),  # and the tone mark before it
        # a tone mark (U+0E48) before the vowel below it (U+0E39), written as escapes: they look alike
        (
            "\u0e08\u0e31\u0e14\u0e2d\u0e22\u0e48\u0e39\u0e43\u0e19\u0e23\u0e30\u0e14\u0e31\u0e1a",
            "จัดอยู่ในระดับ",
        ),
        ("i  ๑ การปฏิบัติงาน", "i๑ การปฏิบัติงาน"),  # a code's letter and number in two fonts
        ("มีผลคะแนน ๘๘.    ๕๐ คะแนน", "มีผลคะแนน ๘๘.๕๐ คะแนน"),
        ("ของเจ้าหน้าที่๑๐๐", "ของเจ้าหน้าที่ ๑๐๐"),  # a score glued to its title
        ("ประจำปี พ.ศ.๒๕๖๗๑๐๐", "ประจำปี พ.ศ.๒๕๖๗ ๑๐๐"),  # ... or to a year
        ("ข้อ 1. 2 และ 3", "ข้อ 1. 2 และ 3"),  # a list is not a split figure
        # A numbered row (seed 000 line 116: "๙. การเปิดเผยข้อมูล<tab>๖๒.๑๒") whose title came out
        # elsewhere: the item number and the score are two figures, never one "๙.๖๒.๑๒".
        ("๙. ๖๒.๑๒", "๙. ๖๒.๑๒"),
        ("1. 85.00", "1. 85.00"),
        ("มีผลคะแนน ๘๘. ๕๐.", "มีผลคะแนน ๘๘.๕๐."),  # a split figure at the end of a sentence
    ],
)
def test_tidy_pdf_text(extracted, tidy):
    assert tidy_pdf_text(extracted) == tidy


def html_page(text: str) -> str:
    """The seed as a web page: its tab-separated lines as table rows, the rest as paragraphs."""
    parts = ["<html><head><title>ผล ITA</title><style>td{color:red}</style></head><body>"]
    for line in text.splitlines():
        if "\t" in line:
            cells = "".join(f"<td><span>{escape(cell)}</span></td>" for cell in line.split("\t"))
            parts.append(f"<table><tr>{cells}</tr></table>")
        else:
            parts.append(f"<p>{escape(line)}</p>")
    parts.append("<script>var score = 12.5;</script></body></html>")
    return "\n".join(parts)


@needs_seeds
@pytest.mark.parametrize("seed", ["001", "004"])
def test_an_html_page_with_the_seeds_tables_fills_the_same_cells(seed, tmp_path):
    year = SAMPLES[seed].fiscal_year
    _, from_text, _ = import_file(seed_file(seed, tmp_path), year=year)
    (tmp_path / "h").mkdir()
    page = seed_file(seed, tmp_path / "h", html_page(seed_text(seed)), ".html")
    _, from_html, _ = import_file(page, year=year)
    assert scores_of(from_html) == scores_of(from_text)


def test_html_table_cells_become_tab_separated_lines():
    markup = (
        "<table><tr><th>รหัส</th><th>ข้อ</th><th>คะแนน</th></tr>"
        "<tr><td>o1</td><td>โครงสร้าง&nbsp;และ<br>อำนาจหน้าที่</td><td>100</td></tr></table>"
        "<script>x = '<td>99</td>'</script><p>หน้า&nbsp;2</p>"
    )
    assert html_text(markup) == "รหัส\tข้อ\tคะแนน\no1\tโครงสร้าง และ\nอำนาจหน้าที่\t100\nหน้า 2"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [("ผลการประเมิน ITA", "utf-8"), ("ผลการประเมิน ITA", "utf-8-sig"), ("ผลการประเมิน ITA", "cp874")],
)
def test_a_text_file_in_utf8_or_windows_thai(data, encoding, tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(data.encode(encoding))
    assert read_text(path) == data


# --------------------------------------------------------------------------- the command


@needs_seeds
def test_the_command_fills_a_template_and_exits_1_when_figures_are_missing(tmp_path, capsys):
    source = seed_file("004", tmp_path)
    assert main(["import", str(source), "--year", "2568"]) == 1  # no tool scores in seed 004
    out = capsys.readouterr().out
    assert out.startswith("นำเข้าผลการประเมินปี 2568: กรอกใหม่")
    assert "ไม่พบในข้อความ 4 รายการ (ช่องยังว่าง กรอกเองได้): IIT, EIT1, EIT2, OIT" in out
    assert "กรอก ตัวชี้วัดที่ 1 = 97.61 ที่ คะแนน!D22 (จากบรรทัด 151)" in out
    wb = load_workbook(tmp_path / "seed004.xlsx")
    assert wb[SCORES]["D22"].value == 97.61
    report = [wb[PASTE][f"{PASTE_REPORT_COLUMN}{row}"].value for row in range(2, 6)]
    assert report[0] == out.splitlines()[0]
    # A rerun replaces ita-xl's own unchanged output.
    assert main(["import", str(source), "--year", "2568"]) == 1


@needs_seeds
def test_the_command_never_writes_over_a_users_file(tmp_path, capsys):
    source = seed_file("004", tmp_path)
    mine = tmp_path / "seed004.xlsx"
    mine.write_bytes(b"my own workbook")
    assert main(["import", str(source)]) == 2
    assert "ไม่เขียนทับ" in capsys.readouterr().err
    assert mine.read_bytes() == b"my own workbook"


@needs_seeds
def test_import_into_an_existing_template_keeps_typed_figures(tmp_path, capsys):
    from ita_xl.xlsx.template import build_template

    wb = build_template(load_framework(2568))
    wb[SCORES]["D22"] = 97.0  # the user typed indicator 1 before importing
    wb["หน่วยงาน"]["B4"] = "เทศบาลตำบลเขาย้อย"
    existing = tmp_path / "unit.xlsx"
    wb.save(existing)
    before = existing.read_bytes()
    assert main(["import", str(seed_file("004", tmp_path)), "--into", str(existing)]) == 1
    out = capsys.readouterr().out
    assert "คะแนน!D22 (ตัวชี้วัดที่ 1) กรอกไว้แล้วเป็น 97.00 แต่ผลที่นำเข้าเป็น 97.61" in out
    assert existing.read_bytes() == before  # the input is never written without --in-place
    filled = load_workbook(tmp_path / "unit_import.xlsx")
    assert filled[SCORES]["D22"].value == 97.0 and filled[SCORES]["D23"].value == 97.91
    assert main(["import", str(seed_file("004", tmp_path)), "--into", str(existing), "--in-place"]) == 1
    assert load_workbook(existing)[SCORES]["D22"].value == 97.0


@needs_seeds
def test_import_in_place_is_refused_when_openpyxl_would_drop_a_form_control(tmp_path, capsys):
    """``import --into`` saves through openpyxl, whose save drops a legacy form control (its VML
    part: tests/test_insert.py checks that on the library). A user's Excel file with a button from
    the Developer tab is never written in place: refused, unchanged; ``-o`` writes a copy and says
    what it lacks."""
    from ita_xl.xlsx.template import build_template
    from tests.hostile import with_parts

    template = tmp_path / "template.xlsx"
    build_template(load_framework(2568)).save(template)
    existing = with_parts(template, tmp_path / "unit.xlsx", "vml control")
    before = existing.read_bytes()
    result = seed_file("004", tmp_path)
    assert main(["import", str(result), "--into", str(existing), "--in-place"]) == 2
    err = capsys.readouterr().err
    assert "ตัวควบคุมฟอร์ม" in err and "-o" in err and len(err.strip().splitlines()) == 1
    assert existing.read_bytes() == before
    assert main(["import", str(result), "--into", str(existing), "-o", str(tmp_path / "copy.xlsx")]) == 1
    assert "ตัวควบคุมฟอร์ม ในไฟล์ต้นฉบับไม่ได้คัดลอกไปยัง copy.xlsx" in capsys.readouterr().out
    assert existing.read_bytes() == before


@needs_seeds
def test_last_years_result_into_this_years_template_fills_the_history_row(tmp_path, capsys):
    from ita_xl.xlsx.template import build_template

    existing = tmp_path / "unit.xlsx"
    build_template(load_framework(2568)).save(existing)
    assert (
        main(
            [
                "import",
                str(seed_file("003", tmp_path)),
                "--into",
                str(existing),
                "-o",
                str(tmp_path / "o.xlsx"),
            ]
        )
        == 1
    )
    assert "จึงกรอกลงแถวของปี 2567 ในชีตประวัติ" in capsys.readouterr().out
    history = load_workbook(tmp_path / "o.xlsx")["ประวัติ"]
    row = next(r for r in range(4, 9) if history[f"A{r}"].value == 2567)
    assert (history[f"B{row}"].value, history[f"C{row}"].value) == (98.23, "ผ่านดี")


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["import", "r.doc"], ".doc"),
        (["import", "r.txt", "-o", "x.docx"], ".xlsx"),
        (["import", "r.txt", "--in-place"], "--into"),
        (["import", "r.txt", "--year", "2555"], "ไม่มีเกณฑ์"),
        (["import", "r.txt", "--year", "2025"], "ค.ศ."),
        (["import", "missing.txt"], "ไม่พบไฟล์"),
    ],
)
def test_bad_options_and_files_are_one_line_and_exit_2(argv, word, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own check of --year: one line, exit 2
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert word in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "data", "word"),
    [
        ("r.pdf", b"not a pdf at all", "ไม่ใช่ไฟล์ PDF"),
        ("r.pdf", b"%PDF-1.4\n%%EOF", "ไม่ใช่ไฟล์ PDF"),
        ("r.txt", None, "โฟลเดอร์"),
    ],
)
def test_a_damaged_file_or_a_folder_is_one_line(name, data, word, tmp_path, capsys):
    source = tmp_path / name
    source.mkdir() if data is None else source.write_bytes(data)
    assert main(["import", str(source), "-o", str(tmp_path / "out.xlsx")]) == 2
    err = capsys.readouterr().err
    assert word in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.xlsx").exists()


def test_a_text_that_is_not_an_ita_result_writes_nothing(tmp_path, capsys):
    source = tmp_path / "recipe.txt"
    source.write_text("ต้มยำกุ้ง\nกุ้ง 300 กรัม\n", encoding="utf-8")
    assert main(["import", str(source)]) == 2
    assert "ไม่ใช่ผลการประเมิน ITA" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [source]


@needs_seeds
@pytest.mark.parametrize(("seed", "total"), [("000", "76.43"), ("001", "97.90"), ("004", "98.50")])
def test_an_imported_template_generates_the_report(seed, total, tmp_path, capsys):
    """A user's sequence: import the result, then generate. A published total, once imported, is
    the official one (seed 000 prints 76.43 where its parts give 76.42: a finding, not a
    replacement); seed 001 prints two totals, 97.80 and 95.70, so the parts decide: 97.90."""
    source = seed_file(seed, tmp_path)
    assert main(["import", str(source)]) == 1
    assert main(["generate", str(tmp_path / f"seed{seed}.xlsx")]) == 1  # warnings: figures that disagree
    assert f"คะแนนรวม {total} / total {total}" in capsys.readouterr().out
    assert "วิเคราะห์ผล" in load_workbook(tmp_path / f"seed{seed}_ITA.xlsx").sheetnames
