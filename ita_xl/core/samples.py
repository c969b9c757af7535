"""The seed reports' figures as they print them, errors included, as ``UnitInputs``.

Each sample is what a member of staff would type from one of the five reports in
``shared/seeds``. Where a report contradicts itself, both figures are kept (as two printed
totals, say), so the checks have something real to find. Where the report does not print
a figure, the cell stays blank; nothing is filled in from elsewhere.
"""

from __future__ import annotations

from ita_xl.core.figures import format_number
from ita_xl.core.inputs import HistoryYear, MemoInputs, Printed, Signer, UnitInputs


def _thai(value: float) -> str:
    """A score as staff paste it from a PDF: text in Thai digits."""
    return format_number(value, thai=True)


SEED_004_INDICATORS = [97.61, 97.91, 99.20, 97.42, 98.51, 97.20, 96.64, 96.81, 100.0, 100.0]

SAMPLES: dict[str, UnitInputs] = {
    # อบต.แก้ง FY2563: indicator scores; the report prints OIT's weight as 30% (weights sum
    # to 90): kept as printed weights to check, not as the rules. The total is printed as
    # 76.43 (recomputes to 76.42) and "6 indicators below 85" (7 are).
    "000": UnitInputs(
        fiscal_year=2563,
        name="องค์การบริหารส่วนตำบลแก้ง",
        unit_type="องค์การบริหารส่วนตำบล",
        province="อุบลราชธานี",
        departments=("สำนักปลัด",),
        indicators=dict(
            zip(
                range(1, 11),
                [94.54, 88.46, 89.15, 78.61, 73.26, 82.32, 79.10, 74.17, 62.12, 75.00],
                strict=True,
            )
        ),
        printed_totals=(Printed(76.43, "ตารางผลการประเมินภาพรวม"),),
        printed_rating=Printed("B", "การวิเคราะห์ผลการประเมินภาพรวม ข้อ ๑"),
        printed_below_target=Printed(6, "การวิเคราะห์ผลการประเมินภาพรวม ข้อ ๓"),
        printed_weights={
            code: Printed(30, "ตารางเครื่องมือในการประเมิน (น้ำหนัก)") for code in ("IIT", "EIT", "OIT")
        },
        # The memo (seed lines 5-49). Its number is printed with a blank ("อบ ๗๕๔๐๑/....."),
        # kept so. Its chain: หัวหน้าสำนักปลัด, then ปลัด and นายก, both signed by the same acting
        # officer under the role's heading ("ความเห็นของปลัดองค์การบริหารส่วนตำบลแก้ง").
        preparer="นางสาวปฐมวารณ กล้าหาญ",
        position="เจ้าพนักงานธุรการปฏิบัติงาน",
        memo=MemoInputs(
            office="สำนักปลัดองค์การบริหารส่วนตำบลแก้ง",
            number="อบ ๗๕๔๐๑/",
            date="๗ มกราคม ๒๕๖๔",
            opinions=(
                Signer("นางสาวกิ่งแก้ว อินทรกำแหง", "หัวหน้าสำนักปลัด องค์การบริหารส่วนตำบลแก้ง"),
                Signer(
                    "นายพีระพงศ์ ปวงภูโต",
                    "รองปลัดองค์การบริหารส่วนตำบล รักษาราชการแทน ปลัดองค์การบริหารส่วนตำบลแก้ง",
                    "ปลัดองค์การบริหารส่วนตำบลแก้ง",
                ),
            ),
            head="นายพีระพงศ์ ปวงภูโต",
            head_position=(
                "รองปลัดองค์การบริหารส่วนตำบล รักษาราชการแทน ปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่ "
                "นายกองค์การบริหารส่วนตำบลแก้ง"
            ),
            head_role="นายกองค์การบริหารส่วนตำบลแก้ง",
        ),
    ),
    # อบต.ขามป้อม FY2567: tool scores and the indicator table ("คะแนนสูงสุดรายตัวชี้วัด");
    # the total is printed as 97.80 and as 95.70 (it recomputes to 97.90) and the rating as
    # "A", a level of the old scale.
    "001": UnitInputs(
        fiscal_year=2567,
        name="องค์การบริหารส่วนตำบลขามป้อม",
        unit_type="องค์การบริหารส่วนตำบล",
        district="พระยืน",
        province="ขอนแก่น",
        departments=("สำนักปลัด", "กองคลัง"),
        tools={"IIT": 99.73, "EIT1": 99.74, "EIT2": 93.44, "OIT": 97.50},
        indicators=dict(
            zip(
                range(1, 11),
                [100.00, 98.89, 99.78, 100.00, 100.00, 97.94, 97.43, 93.46, 95.00, 100.00],
                strict=True,
            )
        ),
        printed_totals=(Printed(97.80, "ข้อ ๑)"), Printed(95.70, "ข้อ ๒)")),
        printed_rating=Printed("A", "ข้อ ๒) อยู่ในระดับ A"),
    ),
    # อบต.ศรีสะเกษ FY2562: only the total and the lowest indicator of each tool are printed,
    # so the total cannot be recomputed: the workbook shows it as not final.
    "002": UnitInputs(
        fiscal_year=2562,
        name="องค์การบริหารส่วนตำบลศรีสะเกษ",
        unit_type="องค์การบริหารส่วนตำบล",
        departments=("สำนักปลัด", "กองคลัง"),
        indicators={4: 78.68, 8: 67.46, 9: 88.06},
        printed_totals=(Printed(83.31, "ผลการประเมิน"),),
        printed_rating=Printed("B", "ผลการประเมิน"),
    ),
    # อบต.คลองนกกระทุง FY2567: indicator and question scores; i7 is printed as 96.50 where
    # indicator 3 = 98.85 needs 96.55. o1 and o22 are printed as 100 (o22 with its letter
    # OCR'd: "๑๒๒", seed line 224). The EIT question scores
    # printed do not average to the printed EIT indicators (they are one EIT part's).
    "003": UnitInputs(
        fiscal_year=2567,
        name="องค์การบริหารส่วนตำบลคลองนกกระทุง",
        unit_type="องค์การบริหารส่วนตำบล",
        district="บางเลน",
        province="นครปฐม",
        departments=("สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม"),
        indicators=dict(
            zip(
                range(1, 11),
                [99.08, 100.00, 98.85, 95.40, 99.31, 98.42, 98.08, 90.17, 100.0, 100.0],
                strict=True,
            )
        ),
        questions={
            **dict(
                zip(
                    [f"i{n}" for n in range(1, 16)],
                    [
                        98.62,
                        98.62,
                        100,
                        100,
                        100,
                        100,
                        96.50,
                        100,
                        100,
                        90.34,
                        100,
                        95.86,
                        99.31,
                        99.31,
                        99.31,
                    ],
                    strict=True,
                )
            ),
            **dict(
                zip(
                    [f"e{n}" for n in range(1, 10)],
                    [99.50, 99.50, 97.50, 99.50, 99.50, 99.50, 99.50, 99.50, 100],
                    strict=True,
                )
            ),
            **{f"o{n}": 100 for n in range(1, 36)},
        },
        printed_totals=(Printed(98.23, "ผลการประเมิน คะแนนเฉลี่ยรวม"),),
        printed_rating=Printed("ผ่านดี", "ระดับผลการประเมิน"),
    ),
    # ทต.เขาย้อย FY2568: indicator and question scores, typed as Thai-digit text as they are
    # pasted from the PDF; the memo says 88.50 where the report (and the figures) say 98.50.
    "004": UnitInputs(
        fiscal_year=2568,
        name="เทศบาลตำบลเขาย้อย",
        unit_type="เทศบาลตำบล",
        district="เขาย้อย",
        province="เพชรบุรี",
        # The seed names one division and its own phrase for all of them ("ทุกสำนัก/กอง", the
        # responsible column of its measures 1 and 3), typed as the last entry of the list.
        departments=("สำนักปลัดเทศบาล", "ทุกสำนัก/กอง"),
        indicators={n: _thai(v) for n, v in enumerate(SEED_004_INDICATORS, start=1)},
        questions={
            **dict(
                zip(
                    [f"i{n}" for n in range(1, 16)],
                    [
                        97.61,
                        98.21,
                        97.01,
                        97.61,
                        98.81,
                        97.31,
                        99.70,
                        99.40,
                        98.51,
                        94.63,
                        98.81,
                        98.81,
                        99.40,
                        98.81,
                        97.31,
                    ],
                    strict=True,
                )
            ),
            **dict(
                zip(
                    [f"e{n}" for n in range(1, 10)],
                    [94.29, 95.43, 100, 97.43, 97.43, 96.29, 97.14, 96.86, 96],
                    strict=True,
                )
            ),
            **{f"o{n}": 100 for n in range(1, 29)},
        },
        printed_totals=(Printed(98.50, "รายงานการวิเคราะห์"), Printed(88.50, "บันทึกข้อความ ข้อเท็จจริง")),
        printed_rating=Printed("ผ่านดีเยี่ยม", "รายงานการวิเคราะห์"),
        # The memo (seed lines 5-72): four opinions, then the นายก's approval; names as printed.
        preparer="นางสาวปิยะชนิษฐ์ บัวชู",
        position="นักวิเคราะห์นโยบายและแผนชำนาญการ",
        memo=MemoInputs(
            office="งานวิเคราะห์นโยบายและแผน สำนักปลัดเทศบาล",
            number="พบ ๕๒๔๐๑๔/๕๗",
            date="๒๙ สิงหาคม ๒๕๖๘",
            opinions=(
                Signer("มาโนช เต๋นดวง", "หัวหน้าฝ่ายอำนวยการ"),
                Signer("นางสาวจิตติสุภาภักดิ์ ดังสนั่น", "หัวหน้าสำนักปลัดเทศบาล"),
                Signer("นายสุรวัดน์ อยู่เป็นสุข", "ปลัดเทศบาลตำบลเขาย้อย"),
                Signer("นายพนม เชื้อมขิต", "รองนายกเทศมนตรีตำบลเขาย้อย"),
            ),
            head="นายเนติ ศิริชัย",
            head_position="นายกเทศมนตรีตำบลเขาย้อย",
        ),
    ),
    # FY2569: not a seed. A fictional unit, named as an example, with question-level scores
    # of the kind units received in September 2026: every tool passes but EIT part 2 is
    # below 95, so the level is ผ่านดี; two OIT items were not published.
    "2569": UnitInputs(
        fiscal_year=2569,
        name="องค์การบริหารส่วนตำบลตัวอย่าง (หน่วยงานสมมติเพื่อสาธิต)",
        unit_type="องค์การบริหารส่วนตำบล",
        district="ตัวอย่าง",
        province="ตัวอย่าง",
        departments=("สำนักปลัด", "กองคลัง", "กองช่าง"),
        tools={"IIT": 95.62, "EIT1": 95.77, "EIT2": 91.45, "OIT": 93.33},
        questions={
            **dict(
                zip(
                    [f"i{n}" for n in range(1, 16)],
                    [
                        96.2,
                        95.1,
                        98.4,
                        96.8,
                        97.9,
                        94.3,
                        97.2,
                        98.8,
                        96.5,
                        88.7,
                        95.9,
                        92.4,
                        96.1,
                        94.8,
                        95.2,
                    ],
                    strict=True,
                )
            ),
            **dict(
                zip(
                    [f"e{n}" for n in range(1, 10)],
                    [95.3, 94.1, 98.9, 93.2, 92.6, 94.4, 90.8, 93.5, 89.7],
                    strict=True,
                )
            ),
            **{f"o{n}": 0 if n in (9, 22) else 100 for n in range(1, 27)},
        },
        history=(
            HistoryYear(2566, 89.47, "ผ่าน"),
            HistoryYear(2567, 91.26, "ผ่านดี"),
            HistoryYear(2568, 93.10, "ผ่านดี"),
        ),
        printed_totals=(Printed(94.10, "แจ้งผลการประเมิน"),),
        printed_rating=Printed("ผ่านดี", "แจ้งผลการประเมิน"),
        # last year's scores of the same items (FY2568 numbering, matched by the crosswalk)
        previous_questions={"i10": 90.35, "e9": 91.20, "o9": 100, "o11": 0, "o20": 100, "o22": 100},
    ),
}

#: File name of each sample, by unit and year.
SAMPLE_FILES = {
    "000": "ITA_2563_อบต.แก้ง.xlsx",
    "001": "ITA_2567_อบต.ขามป้อม.xlsx",
    "002": "ITA_2562_อบต.ศรีสะเกษ.xlsx",
    "003": "ITA_2567_อบต.คลองนกกระทุง.xlsx",
    "004": "ITA_2568_ทต.เขาย้อย.xlsx",
    "2569": "ITA_2569_ตัวอย่าง_อบต.ตัวอย่าง.xlsx",
}
