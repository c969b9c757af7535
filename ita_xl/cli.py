"""The ``ita-xl`` command.

Every failure ends in one line on stderr and exit code 2, never a traceback: options are
checked before any work, OS faults become messages, Ctrl-C is one line, output piped into
``head`` ends quietly, and anything unexpected is one line with the details in a log file.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import math
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from ita_xl import __version__
from ita_xl.core.errors import ItaError
from ita_xl.core.figures import agrees, format_number, parse_number, to_thai_digits
from ita_xl.core.framework import STATUSES, available_years, framework_files, latest_year, load_framework
from ita_xl.core.reader import NOTE
from ita_xl.core.scoring import assess, pass_fail

#: 0 done, 1 done with warnings the user should read, 2 nothing written (an error). A note
#: (หมายเหตุ: a reminder, e.g. the report's ข้อจำกัด left as the template's) is shown and
#: changes no exit code.
EXIT_OK, EXIT_FINDING, EXIT_USAGE = 0, 1, 2
LOG_FILE = Path(tempfile.gettempdir()) / "ita-xl.log"

EPILOG = (
    "exit status: 0 done; 1 done, with warnings to read (or a printed figure that disagrees); "
    "2 nothing written (an error, one line on stderr); notes (reminders) do not change it. "
    "รหัสออก: 0 เสร็จ, 1 เสร็จแต่มีข้อสังเกตที่ควรอ่าน, 2 ไม่ได้เขียนอะไร (ข้อผิดพลาด) "
    "หมายเหตุไม่เปลี่ยนรหัสออก"
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _number_option(text: str) -> float:
    try:
        value = parse_number(text)
    except ItaError as exc:
        raise argparse.ArgumentTypeError(f"{exc.th} / {exc.en}") from None
    if value is None:
        raise argparse.ArgumentTypeError("ไม่มีค่า / empty")
    return value


def percent(text: str) -> float:
    """A threshold: a finite number from 0 to 100 (Thai digits allowed)."""
    value = _number_option(text)
    if not (math.isfinite(value) and 0 <= value <= 100):
        raise argparse.ArgumentTypeError(f"ต้องอยู่ระหว่าง 0 ถึง 100 / must be from 0 to 100, not {text!r}")
    return value


def fiscal_year(text: str) -> int:
    """A Buddhist-era fiscal year; a Christian-era one gets a hint."""
    value = _number_option(text)
    if value != int(value):
        raise argparse.ArgumentTypeError(f"ปีต้องเป็นจำนวนเต็ม / a year is a whole number, not {text!r}")
    if 2000 <= value <= 2100:
        raise argparse.ArgumentTypeError(
            f"ปี ค.ศ.? ITA ใช้ปี พ.ศ. เช่น 2568 (ค.ศ. {int(value)} = พ.ศ. {int(value) + 543})"
            f" / {int(value)} looks Christian-era: ITA uses Buddhist-era years, e.g. 2568"
        )
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ita-xl",
        description="ITA results: totals, ratings and reports. "
        "วิเคราะห์ผลการประเมิน ITA และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"ita-xl {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _score_parser(commands)
    commands.add_parser("years", help="list the fiscal-year frameworks")
    _report_parsers(commands)
    _progress_parser(commands)
    _excel_parsers(commands)
    _import_parser(commands)
    return parser


def _score_parser(commands) -> None:
    score = commands.add_parser(
        "score",
        help="total and rating from tool, indicator or question scores",
        description="Compute the total and the rating. Give scores as KEY=VALUE: one of the year's "
        "tool codes (e.g. IIT, OIT), an indicator number (1-10) or a question code (e.g. i1, e4, o12). "
        "Values may use Thai digits.",
    )
    score.add_argument("scores", nargs="+", metavar="KEY=VALUE")
    score.add_argument("--year", type=fiscal_year, help="Buddhist-era fiscal year (default: the newest)")
    score.add_argument(
        "--printed",
        metavar="TOTAL",
        type=_number_option,
        help="a printed total to check against the recomputation",
    )
    score.add_argument("--thai-digits", action="store_true", help="print figures in Thai digits")


def _report_parsers(commands) -> None:
    validate = commands.add_parser(
        "validate",
        help="check a filled template without writing anything",
        description="Validate a filled template: scores, thresholds, figures that disagree. "
        "Exit 0 when all is well (notes alone included), 1 with warnings, 2 with errors.",
    )
    validate.add_argument("input", metavar="INPUT.xlsx")

    generate = commands.add_parser(
        "generate",
        help="write the memo, analysis, measures and checks sheets into a copy of a filled template",
        description="Validate, then write the sheets บันทึกข้อความ, วิเคราะห์ผล, มาตรการ and ตรวจสอบ. "
        "The input is never overwritten unless --in-place is given. An existing output is replaced "
        "only if it is ita-xl's output of the same input, unchanged since; anything else stops the "
        "run (use -o or --force).",
        epilog=EPILOG,
    )
    generate.add_argument("input", metavar="INPUT.xlsx")
    generate.add_argument(
        "-o", "--output", metavar="OUTPUT.xlsx", help="default: INPUT_ITA.xlsx beside the input"
    )
    generate.add_argument(
        "--in-place", action="store_true", help="write the sheets into the input file itself"
    )
    generate.add_argument(
        "--threshold",
        type=percent,
        help="items below this score (0-100) get measures first (default: the year's target)",
    )
    generate.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output even if it was edited or not made by ita-xl (its content is lost)",
    )

    demo = commands.add_parser("demo", help="generate the report for the embedded seed-004 sample")
    demo.add_argument("-o", "--output", default="ita-demo.xlsx", help="default: ./ita-demo.xlsx")
    demo.add_argument("--force", action="store_true", help="replace an existing file of that name")

    template = commands.add_parser(
        "template",
        help="write an empty template workbook for a fiscal year",
        description="Write the template workbook staff type their NACC figures into, built from the "
        "year's rules. An existing file is never overwritten.",
    )
    template.add_argument("--year", type=fiscal_year, help="Buddhist-era fiscal year (default: the newest)")
    template.add_argument("-o", "--output", help="file to write (default: ITA_template_<year>.xlsx)")


def _excel_parsers(commands) -> None:
    addin = commands.add_parser(
        "addin",
        help="install or remove the Excel ribbon add-in (Windows)",
        description="Install the ribbon add-in into Excel's start-up folder with this Python, and import "
        "the =ITA_…() functions; or remove it. Windows desktop Excel only.",
    )
    addin.add_argument("action", choices=["install", "remove"])
    addin.add_argument(
        "--xlstart", help="Excel's start-up folder (default: %%APPDATA%%\\Microsoft\\Excel\\XLSTART)"
    )
    addin.add_argument(
        "--dry-run",
        action="store_true",
        help="list the files and COM calls of install; change nothing",
    )

    lite = commands.add_parser(
        "lite",
        help="write an xlwings Lite folder: main.py, requirements.txt and ita-xl's wheel",
        description="Write main.py and requirements.txt to paste into xlwings Lite, and ita-xl's "
        "pure-Python wheel to host where Lite can fetch it.",
    )
    lite.add_argument("folder", help="folder to write into (created if missing)")
    lite.add_argument("--replace", action="store_true", help="replace files of the same names in the folder")
    lite.add_argument(
        "--wheel-url", help="https URL where the wheel will be hosted (goes into requirements.txt)"
    )


def _import_parser(commands) -> None:
    imp = commands.add_parser(
        "import",
        help="fill a template from the NACC result (text, PDF or HTML)",
        description="Read the result as copied from the NACC result page, the result PDF or last year's "
        "report, and fill a new template for the year (or a copy of --into EXISTING.xlsx). Only blank "
        "input cells are filled: a typed figure that differs is listed, never written over. A result of an "
        "earlier year than the template's fills that year's row of the history sheet. "
        "Exit 0 when every figure was found, 1 when some are missing or to check, "
        "2 when nothing was written.",
        epilog=EPILOG,
    )
    imp.add_argument("result", metavar="RESULT.txt|.pdf|.html")
    imp.add_argument(
        "--year", type=fiscal_year, help="fiscal year of the result (default: the year the text prints)"
    )
    imp.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT.xlsx",
        help="default: RESULT.xlsx, or EXISTING_import.xlsx with --into",
    )
    imp.add_argument("--into", metavar="EXISTING.xlsx", help="fill a copy of this filled template")
    imp.add_argument("--in-place", action="store_true", help="with --into: write into that file itself")
    imp.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output even if it was edited or not made by ita-xl (its content is lost)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 with warnings, 2 nothing written)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    if argv is None and hasattr(signal, "SIGTERM") and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupted)  # a kill cleans up like Ctrl-C
    try:
        args = build_parser().parse_args(argv)
        _check_options(args)
        code = _dispatch(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except ItaError as exc:
        return _fail(f"{exc.th} ({exc.en})")
    except KeyboardInterrupt:
        return _fail("ยกเลิกแล้ว ไม่ได้เขียนไฟล์ใด (interrupted: nothing written)")
    except BrokenPipeError:
        _quiet_stdout()  # output piped into `head`: the reader has gone, end quietly
        return EXIT_FINDING
    except Exception as exc:
        return _fail(_unexpected(exc))


def _dispatch(args: argparse.Namespace) -> int:
    """The subcommand's function; a new subcommand adds its parser and one line here."""
    if args.command == "progress":
        return _progress(args)
    if args.command == "score":
        return _score(args)
    if args.command == "template":
        return _template(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "generate":
        return _generate(args)
    if args.command == "demo":
        return _demo(args)
    if args.command == "addin":
        return _addin(args)
    if args.command == "lite":
        return _lite(args)
    if args.command == "import":
        return _import(args)
    return _years()


def _fail(line: str) -> int:
    with contextlib.suppress(OSError, ValueError):  # stderr itself may be gone
        print(f"ita-xl: error: {line}", file=sys.stderr)
    return EXIT_USAGE


def _interrupted(signum, frame) -> NoReturn:
    raise KeyboardInterrupt


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real stdout
        pass


def _unexpected(exc: BaseException) -> str:
    """One line for a failure nobody foresaw; the traceback goes to LOG_FILE."""
    where = LOG_FILE
    try:
        with LOG_FILE.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.datetime.now().isoformat()} ita-xl {' '.join(sys.argv[1:])}\n")
            log.write("".join(traceback.format_exception(exc)) + "\n")
    except OSError:
        where = "stderr"
    return (
        f"เกิดข้อผิดพลาดที่ไม่คาดคิด ไม่ได้เขียนไฟล์ รายละเอียดอยู่ใน {where} "
        f"(unexpected {type(exc).__name__}: nothing written; details in {where})"
    )


def _check_options(args: argparse.Namespace) -> None:
    """Everything about the command line that can be wrong, before any work."""
    if args.command == "generate":
        from ita_xl.xlsx.workbook import check_output_name

        check_output_name(Path(args.input), args.output, args.in_place)
    elif args.command == "import":
        from ita_xl.xlsx.importing import check_year, import_target

        import_target(Path(args.result), args.output, args.into, args.in_place)
        check_year(args.year)
    elif args.command in ("demo", "template") and (args.output or "x.xlsx")[-5:].lower() != ".xlsx":
        raise ItaError(
            f"ไฟล์ผลลัพธ์ต้องลงท้ายด้วย .xlsx (ไม่ใช่ “{args.output}”)",
            f"the output must end in .xlsx, not {args.output!r}",
        )


def _parse_scores(pairs: Sequence[str], framework):
    """KEY=VALUE pairs checked against the year's own tool, indicator and question codes."""
    tools: dict[str, float | None] = {}
    indicators: dict[int, float | None] = {}
    questions: dict[str, float | None] = {}
    tool_codes = {t.code.upper(): t.code for t in framework.tools}
    numbers = {i.number for i in framework.indicators}
    question_codes = {q.code.lower(): q.code for q in framework.questions}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ItaError(f"“{pair}” ต้องเขียนแบบ KEY=VALUE", f"{pair!r} is not KEY=VALUE")
        if not raw.strip():
            raise ItaError(f"{key} ไม่มีค่า: เขียนแบบ {key}=98.50", f"{key} has no value: write {key}=98.50")
        value = parse_number(raw)
        if key.upper() in tool_codes:
            target, name = tools, tool_codes[key.upper()]
        elif key.isdigit():
            if int(key) not in numbers:
                raise ItaError(
                    f"ไม่มีตัวชี้วัดที่ {key} (มี 1–{len(numbers)})", f"no indicator {key} (1-{len(numbers)})"
                )
            target, name = indicators, int(key)
        elif key.lower() in question_codes:
            target, name = questions, question_codes[key.lower()]
        else:
            codes = ", ".join(t.code for t in framework.tools)
            raise ItaError(
                f"ไม่รู้จัก “{key}” ในเกณฑ์ปี {framework.fiscal_year}: ใช้รหัสเครื่องมือ ({codes}) "
                "เลขตัวชี้วัด หรือรหัสข้อคำถาม",
                f"unknown key {key!r} for FY{framework.fiscal_year}: use a tool code ({codes}), "
                "an indicator number or a question code",
            )
        if name in target:
            raise ItaError(f"ให้ค่า {key} ซ้ำ", f"{key} given twice")
        target[name] = value
    return tools, indicators, questions


def _score(args: argparse.Namespace) -> int:
    year = args.year if args.year is not None else latest_year()
    framework = load_framework(year)
    tools, indicators, questions = _parse_scores(args.scores, framework)
    result = assess(framework, questions=questions, indicators=indicators, tools=tools)
    lines: list[str] = []
    print_ = lines.append  # nothing is printed until every argument is known to be good

    def fmt(value) -> str:
        return format_number(value, thai=args.thai_digits)

    print_(f"ปีงบประมาณ พ.ศ. {year} (fiscal year {year})")
    for tool in framework.tools:
        value = result.tools[tool.code]
        if value is None:
            print_(f"  {tool.short:<14} ไม่ถูกประมวลผล / not scored")
            continue
        check = pass_fail(value, framework.target)
        note = "  *" if tool.code in result.tools.stand_ins else ""
        print_(f"  {tool.short:<14} {fmt(value):>7}  {check.label} / {check.label_en}{note}")
    if result.tools.stand_ins:
        print_("  * ค่าเฉลี่ยตัวชี้วัด EIT ใช้แทนคะแนนแยกส่วน / EIT indicators' mean stands in for the parts")
    total = result.total
    exit_code = EXIT_OK
    if total.value is None:
        print_(f"คะแนนรวม: ยังไม่สิ้นสุด ({fmt(total.low)}–{fmt(total.high)}) / total: not final")
    else:
        print_(f"คะแนนรวม {fmt(total.value)} / total {fmt(total.value)}")
    digits = to_thai_digits if args.thai_digits else str
    if result.rating is not None:
        for line in _level_lines(framework, result):
            print_(digits(line))
    elif result.rating_problem is not None:
        print_(f"ระดับ: {digits(result.rating_problem.th)}")
        print_(f"rating: {digits(result.rating_problem.en)}")
    if args.printed is not None:
        printed = args.printed
        if total.value is None:
            print_("ตรวจตัวเลขที่พิมพ์ไม่ได้ เพราะคะแนนรวมยังไม่สิ้นสุด / cannot check: the total is not final")
            exit_code = EXIT_FINDING
        elif agrees(printed, total.value):
            print_(
                f"ตัวเลขที่พิมพ์ {fmt(printed)} ตรงกับที่คำนวณได้ {fmt(total.value)} (คลาดเคลื่อนได้ ±0.01)"
                f" / printed {fmt(printed)} agrees with {fmt(total.value)} within ±0.01"
            )
        else:
            print_(
                f"ตัวเลขที่พิมพ์ {fmt(printed)} ไม่ตรงกับที่คำนวณได้ {fmt(total.value)}"
                f" / printed {fmt(printed)} disagrees with the recomputed {fmt(total.value)}"
            )
            exit_code = EXIT_FINDING
    print("\n".join(lines))
    return exit_code


def _level_lines(framework, assessment, inputs=None, stated=None) -> list[str]:
    """The level and its reason as the report states them (``ita_xl.core.statements``): in
    words, and a level the typed figures do not decide (a stand-in EIT part) is not stated."""
    from ita_xl.core.claims import ClaimLog
    from ita_xl.core.inputs import UnitInputs
    from ita_xl.core.statements import outcome
    from ita_xl.core.wording import say

    if stated is None:
        inputs = inputs or UnitInputs(fiscal_year=framework.fiscal_year)
        stated = outcome(inputs, framework, assessment, ClaimLog())
    rating = assessment.rating
    if stated.level is None:
        lines = [f"ระดับ: {say('level.unknown')} {stated.reason}"]
        if rating is not None and rating.provisional:
            lines.append("rating: not decided: it rests on figures that were not given (provisional)")
        return lines
    english = stated.level
    if rating is not None and rating.level == stated.level and rating.level_en != rating.level:
        english = f"{rating.level_en} ({rating.level})"
    return [f"ระดับ {stated.level}: {stated.reason}", f"rating {english}"]


def _print_findings(findings) -> None:
    for finding in findings:
        print(finding.line())


def _exit_code(findings) -> int:
    """1 when there is a warning to read; a note (a reminder) changes nothing."""
    return EXIT_FINDING if any(f.severity != NOTE for f in findings) else EXIT_OK


def _counts(findings) -> tuple[str, str]:
    """How many warnings (and notes) were found, in Thai and in English."""
    notes = sum(f.severity == NOTE for f in findings)
    warnings = len(findings) - notes
    th, en = f"มีข้อสังเกต {warnings} รายการ", f"{warnings} warning(s)"
    if notes:
        th, en = f"{th} และหมายเหตุ {notes} รายการ", f"{en}, {notes} note(s)"
    return th, en


def _summary(outcome) -> None:
    """The total and the level as the report states them (a published total first)."""
    report = outcome.report
    stated = report.outcome
    total = stated.total if stated is not None else report.assessment.total.value
    total_text = format_number(total) if total is not None else "ยังไม่สิ้นสุด / not final"
    print(f"คะแนนรวม {total_text} / total {total_text}")
    if stated is not None:
        print(_level_lines(report.framework, report.assessment, stated=stated)[0])


def _validate(args: argparse.Namespace) -> int:
    from ita_xl.xlsx.workbook import check_book, open_book

    with open_book(args.input) as book:
        outcome = check_book(book)
    _print_findings(outcome.findings)
    if outcome.errors:
        print(f"พบข้อผิดพลาด {len(outcome.errors)} รายการ / {len(outcome.errors)} error(s)")
        return EXIT_USAGE
    th, en = _counts(outcome.findings)
    print(f"ผ่านการตรวจสอบ {th} / valid, {en}")
    return _exit_code(outcome.findings)


def _generate(args: argparse.Namespace) -> int:
    from ita_xl.xlsx.workbook import DOCUMENT_SUFFIXES, generate_file

    if args.output and Path(args.output).suffix.lower() in DOCUMENT_SUFFIXES:
        outcome, path = _generate_document(args)
    else:
        outcome, path = generate_file(
            args.input, args.output, in_place=args.in_place, threshold=args.threshold, force=args.force
        )
    _print_findings(outcome.findings)
    if path is None:
        print(
            f"ไม่ได้สร้างรายงาน: พบข้อผิดพลาด {len(outcome.errors)} รายการ"
            f" / not generated: {len(outcome.errors)} error(s)"
        )
        return EXIT_USAGE
    _summary(outcome)
    print(f"บันทึกรายงานที่ {path} / wrote {path}")
    return _exit_code(outcome.findings)


def _generate_document(args: argparse.Namespace):
    """The report as Word (.docx) or PDF: the same sheet descriptions, another adapter."""
    from ita_xl.xlsx.workbook import check_book, open_book

    with open_book(args.input) as book:
        outcome = check_book(book, threshold=args.threshold)
    if not outcome.ok:
        return outcome, None
    if Path(args.output).suffix.lower() == ".pdf":
        from ita_xl.docx.pdf import write_pdf as write
    else:
        from ita_xl.docx import write_docx as write
    return outcome, write(outcome.specs, args.output)


def _progress_parser(commands) -> None:
    progress = commands.add_parser(
        "progress",
        help="follow the measures: the tracking sheet ติดตามมาตรการ and the progress report",
        description="Create or refresh the tracking sheet ติดตามมาตรการ from the measures sheet of a "
        "generated workbook (last year's, or this one), keeping every value typed in it; with "
        "--round, also write the progress report (its memo and report sheets). -o REPORT.docx writes "
        "the report of the workbook's tracking sheet as Word.",
        epilog=EPILOG,
    )
    progress.add_argument(
        "input", metavar="ITA.xlsx", help="a workbook with the measures sheet (or the tracking sheet)"
    )
    progress.add_argument(
        "-o",
        "--output",
        metavar="OUTPUT.xlsx",
        help="the tracking workbook (default: INPUT_ติดตามมาตรการ.xlsx; refreshed if it exists) "
        "or REPORT.docx",
    )
    progress.add_argument("--in-place", action="store_true", help="track in the input workbook itself")
    progress.add_argument(
        "--round", choices=("6", "12"), help="write the progress report of this round (months)"
    )
    progress.add_argument(
        "--force", action="store_true", help="replace report sheets edited since ita-xl wrote them"
    )


def _progress(args: argparse.Namespace) -> int:
    from ita_xl.core.progress import round_of

    round_name = round_of(args.round) if args.round else None
    if args.output and Path(args.output).suffix.lower() == ".docx":
        from ita_xl.docx import write_docx
        from ita_xl.xlsx.progress import report
        from ita_xl.xlsx.workbook import open_workbook

        if round_name is None:
            raise ItaError(
                "ระบุรอบของรายงานด้วย --round 6 หรือ --round 12", "give the report's round: --round 6|12"
            )
        specs, findings = report(open_workbook(args.input), round_name)
        path = write_docx(specs, args.output)
    else:
        from ita_xl.xlsx.progress import progress_file

        findings, path = progress_file(
            args.input, args.output, in_place=args.in_place, round_name=round_name, force=args.force
        )
    _print_findings(findings)
    print(f"บันทึกที่ {path} / wrote {path}")
    return _exit_code(findings)


def _demo(args: argparse.Namespace) -> int:
    from ita_xl.core.samples import SAMPLES
    from ita_xl.xlsx.save import destination
    from ita_xl.xlsx.template import sample_workbook
    from ita_xl.xlsx.workbook import check_output, generate_workbook, save_output

    target = destination(args.output)
    if not args.force:
        check_output(target, DEMO_SOURCE)
    wb = sample_workbook("004")
    outcome = generate_workbook(wb)
    if not outcome.ok:  # pragma: no cover - the embedded sample is valid
        _print_findings(outcome.findings)
        return EXIT_USAGE
    path = save_output(wb, target, DEMO_SOURCE)
    unit = SAMPLES["004"]
    print(
        f"ตัวอย่าง: {unit.name} ปีงบประมาณ {unit.fiscal_year} (seed 004) / demo: seed 004, FY{unit.fiscal_year}"
    )
    _summary(outcome)
    th, en = _counts(outcome.findings)
    print(f"{th} เขียนไว้ในชีตตรวจสอบ / {en} in the checks sheet")
    print(f"บันทึกรายงานที่ {path.resolve()} / wrote {path.resolve()}")
    return EXIT_OK


DEMO_SOURCE = "ita-xl demo: seed 004"


def _addin(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from ita_xl import addin

    if args.dry_run and args.action == "install":
        folder = Path(args.xlstart or os.path.expandvars(r"%APPDATA%\Microsoft\Excel\XLSTART"))
        done = addin.install(folder, addin.ComExcel(), dry_run=True)
    else:
        addin.require_windows()
        folder = Path(args.xlstart) if args.xlstart else addin.xlstart_folder()
        done = addin.install(folder, addin.ComExcel()) if args.action == "install" else addin.remove(folder)
    for line in done:
        print(line)
    return EXIT_OK


def _lite(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ita_xl.lite import write_folder

    for path in write_folder(Path(args.folder), args.wheel_url, replace=args.replace):
        print(f"เขียน {path} แล้ว / wrote {path}")
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from ita_xl.xlsx.save import save_new
    from ita_xl.xlsx.template import build_template

    year = args.year if args.year is not None else latest_year()
    framework = load_framework(year)
    path = save_new(build_template(framework), args.output or f"ITA_template_{year}.xlsx")
    print(f"เขียนแม่แบบปีงบประมาณ {year} ที่ {path} / wrote the FY{year} template to {path}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from ita_xl.xlsx.importing import import_file

    plan, path, losses = import_file(
        args.result,
        year=args.year,
        output=args.output,
        into=args.into,
        in_place=args.in_place,
        force=args.force,
    )
    if path is None:
        return _fail(f"{plan.error.th} ({plan.error.en})")
    for line in plan.lines():
        print(line)
    _print_findings(losses)
    print(f"บันทึกแม่แบบที่กรอกแล้วที่ {path} / wrote {path}")
    return EXIT_FINDING if plan.needs_attention or losses else EXIT_OK


def _years() -> int:
    files = framework_files()
    for year in available_years():
        framework = load_framework(year)
        weights = ", ".join(f"{t.code} {t.weight}" for t in framework.tools)
        detail = f"{len(framework.questions)} ข้อคำถาม/questions" if framework.questions else "indicator level"
        counts = " · ".join(
            f"{th} {sum(p.status == en for p in framework.provenance)}" for en, th in STATUSES.items()
        )
        status = f"{STATUSES[framework.status]} ({framework.status}; {counts})"
        if framework.assumed:
            status += ": สมมติ/assumed " + ", ".join(p.section for p in framework.assumed)
        print(f"{year}  {weights}  |  {framework.scale}  |  {detail}  |  {status}  |  {files[year]}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
