"""Every Thai sentence of the analysis and the measures, as data: one place to review and correct.

Templates use ``str.format`` fields; the code fills them, never writes Thai sentences itself.
The register is formal (ภาษาราชการ): words instead of symbols ("ต่ำกว่า", not "<"), "ไม่มี"
instead of a count of zero, tool names spelled out ("EIT ส่วนที่ ๑"), lists joined "ก ข และ ค",
and no remark about the program or the workbook. Pure: standard library only.

``say`` fills a template; ``join_list`` joins a list as Thai prose does. A count of none is
its own template ("ไม่มีตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย"), never "๐ ตัวชี้วัด".
"""

from __future__ import annotations

from collections.abc import Sequence

TEXT: dict[str, str] = {
    # --- titles and headings
    "analysis.title": (
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส\n"
        "ในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {year}"
    ),
    "measures.title": "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nประจำปีงบประมาณ พ.ศ. {year}",
    "measures.basis": "จากผลการประเมิน ITA ปีงบประมาณ พ.ศ. {year} ระยะเวลาดำเนินการ {period}",
    "measures.published_under": "เผยแพร่เป็นหลักฐานตามข้อ {code} {title} (ITA ปีงบประมาณ พ.ศ. {year})",
    "section.results": "{n}. กรอบการประเมินและคะแนนรวม",
    "section.indicators": "{n}. ผลการประเมินรายตัวชี้วัด",
    "section.tools": "{n}. วิเคราะห์รายเครื่องมือ",
    "section.questions": "{n}. วิเคราะห์รายตัวชี้วัดและข้อคำถาม",
    "section.themes": "{n}. สรุปตามประเด็นการพัฒนา ๗ ประเด็น",
    "section.trend": "{n}. แนวโน้มผลการประเมิน",
    # --- the framework of the year: what was assumed, and what to check it against
    "framework.assumed": (
        "หมายเหตุ: เกณฑ์ปี {year} บางส่วนเป็นค่าสมมติ ยังไม่พบในเอกสารของ สำนักงาน ป.ป.ช. ({parts}) "
        "ควรตรวจสอบกับคู่มือการประเมิน ITA ปี {year} ของ สำนักงาน ป.ป.ช."
    ),
    # --- the total and the level
    "total.label": "คะแนนรวม (ผลรวมคะแนนถ่วงน้ำหนัก)",
    "total.published_label": "คะแนนรวมตามผลการประเมินที่ประกาศ",
    "total.not_final": "ไม่มีคะแนนรวม",
    "total.range": "อยู่ระหว่าง {low} ถึง {high} คะแนน",
    "level.label": "ระดับผลการประเมิน",
    "level.reason_label": "เหตุผล",
    "level.unknown": "ไม่สามารถระบุได้",
    "level.published": "ระดับ{level} ตามผลการประเมินที่ประกาศ",
    "level.published_total": "คะแนนรวม {total} คะแนน และระดับ{level} ตามผลการประเมินที่ประกาศ",
    "level.in_band": "คะแนนรวม {total} คะแนน อยู่ในช่วง {low} ถึง {high} คะแนน",
    "level.in_band_all_tools": (
        "คะแนนรวม {total} คะแนน อยู่ในช่วง {low} ถึง {high} คะแนน และทุกเครื่องมือได้คะแนน {need} คะแนนขึ้นไป"
    ),
    "level.passed_over": "ได้ระดับ{level} ไม่ใช่ระดับ{missed} เนื่องจาก {below} ต่ำกว่า {need} คะแนน",
    "level.tool_score": "{tool} ได้ {score} คะแนน",
    "level.needs_parts": (
        "คะแนนรวม {total} คะแนน ระดับผลการประเมินขึ้นอยู่กับคะแนน {tools} แยกกัน "
        "ซึ่งไม่มีในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถระบุระดับได้"
    ),
    "level.needs_tools": (
        "ไม่มีคะแนน {tools} ในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถคำนวณคะแนนรวมและระบุระดับผลการประเมินได้"
    ),
    "level.needs_tools_total": (
        "คะแนนรวม {total} คะแนน ระดับผลการประเมินขึ้นอยู่กับคะแนน {tools} "
        "ซึ่งไม่มีในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถระบุระดับได้"
    ),
    # --- indicators: claims that need every indicator
    "indicators.none": "ไม่มีคะแนนรายตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุดและต่ำสุดได้",
    "indicators.incomplete": (
        "มีคะแนนรายตัวชี้วัด {scored} จาก {total} ตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุด ต่ำสุด "
        "และจำนวนตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายได้"
    ),
    "indicators.known_below": "ตัวชี้วัดที่มีคะแนนและต่ำกว่าค่าเป้าหมาย {target} คะแนน ได้แก่ {items}",
    "indicators.highest": "ตัวชี้วัดที่ได้คะแนนสูงสุด ได้แก่ {items} ({score} คะแนน)",
    "indicators.lowest": "ตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ {items} ({score} คะแนน)",
    "indicators.below_count": "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {target} คะแนน มีจำนวน {count} ตัวชี้วัด ได้แก่ {items}",
    "indicators.none_below": "ไม่มีตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {target} คะแนน",
    "indicators.all_pass": "ทุกตัวชี้วัดผ่านค่าเป้าหมาย",
    "indicators.indicator": "ตัวชี้วัดที่ {number} {name}",
    # --- tools
    "tools.no_indicators": "ไม่มีคะแนนรายตัวชี้วัด",
    "tools.incomplete": "มีคะแนนรายตัวชี้วัดไม่ครบ",
    "tools.lowest": "{items}",
    "tools.lowest_shared": "{items} (คะแนนตัวชี้วัดของ EIT เป็นคะแนนรวมทั้งสองส่วน)",
    # --- the analysis by indicator and question
    "questions.none": ("ไม่มีคะแนนรายข้อคำถาม จึงวิเคราะห์ในระดับตัวชี้วัด ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายมีสาเหตุและแนวทาง ดังนี้"),
    "questions.cause": "{name}: {cause}",
    "questions.maintain": "{name}: ไม่มีข้อที่ต่ำกว่าค่าเป้าหมาย",
    "questions.maintain_advice": "รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง",
    "questions.incomplete": "{name}: มีคะแนนรายข้อ {scored} จาก {total} ข้อ จึงไม่สามารถระบุข้อที่ได้คะแนนต่ำสุดได้",
    "oit.not_passed": "ข้อที่ยังไม่ผ่าน ได้แก่ {items}",
    "oit.all_disclosed": "เปิดเผยข้อมูลครบทุกข้อ",
    "oit.incomplete": "ไม่มีคะแนนของข้อ {items} จึงไม่สามารถระบุได้ว่าเปิดเผยข้อมูลครบทุกข้อ",
    "oit.maintain_advice": "รักษามาตรฐานและปรับปรุงข้อมูลให้เป็นปัจจุบัน",
    # --- themes
    "themes.scored": "{scored} จาก {total} ข้อ",
    "themes.none_scored": "ไม่มีคะแนน",
    "themes.lowest": "{code} ({score} คะแนน)",
    # --- trend
    "trend.no_total": "ไม่มีคะแนนรวมของปีนี้",
    "trend.same": "เท่าเดิม",
    "trend.up": "เพิ่มขึ้น {change} คะแนน",
    "trend.down": "ลดลง {change} คะแนน",
    "trend.chart_title": "คะแนนรวม ITA รายปี",
    # --- measures: why each row is there
    "measure.below": "{item} ได้ {score} คะแนน ต่ำกว่า {limit} คะแนน สาเหตุ: {cause}",
    "measure.oit_not_passed": "{item} ยังไม่ผ่านการประเมิน ({score} คะแนน)",
    "measure.indicator_below": "{item} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย สาเหตุ: {cause}",
    "measure.maintain_theme": (
        "{item} ได้ {score} คะแนน ต่ำสุดในประเด็นที่ {theme} แม้ผ่านค่าเป้าหมาย จึงกำหนดมาตรการเพื่อรักษามาตรฐาน"
    ),
    "measure.full_theme": "ทุกข้อของประเด็นที่ {theme} ได้ 100 คะแนน จึงกำหนดมาตรการเพื่อรักษามาตรฐาน",
    "measure.maintain_indicator": (
        "{item} ได้ {score} คะแนน แม้ผ่านค่าเป้าหมาย จึงกำหนดมาตรการเพื่อรักษาและยกระดับมาตรฐาน"
    ),
    "measure.lowest_of_tool": (
        "{item} ได้ {score} คะแนน ต่ำสุดของ {tool} แม้ผ่านค่าเป้าหมาย จึงกำหนดมาตรการเพื่อรักษามาตรฐาน"
    ),
    "measure.from_tool": (
        "มาตรการนี้กำหนดจากคะแนนรายเครื่องมือ เนื่องจากไม่มีคะแนนรายตัวชี้วัด: {tool} ได้ {score} คะแนน "
        "{standing} ซึ่งตัวชี้วัดที่ {number} {name} เป็นตัวชี้วัดหนึ่งของเครื่องมือนี้"
    ),
    "measure.tool_lowest": "ต่ำสุดในบรรดาเครื่องมือ",
    "measure.tool_below": "ต่ำกว่าค่าเป้าหมาย",
    "measure.eservice_below": (
        "{item} ได้ {score} คะแนน ต่ำกว่า {limit} คะแนน จึงกำหนดมาตรการพัฒนาบริการออนไลน์ (E-Service)"
    ),
    "measure.eservice_mean": (
        "{item} ได้ {score} คะแนน แม้ผ่านค่าเป้าหมาย แต่ต่ำกว่าค่าเฉลี่ยของข้อคำถามในเครื่องมือเดียวกัน ({mean} คะแนน) "
        "จึงกำหนดมาตรการพัฒนาบริการออนไลน์ (E-Service)"
    ),
    "measure.all_divisions": "ทุกสำนัก/กอง",
    "measure.monitoring": (
        "รายงานความก้าวหน้าต่อผู้บริหารรอบ 6 เดือน (เมษายน {year}) และรายงานผลเมื่อสิ้นปีงบประมาณ "
        "เผยแพร่บนเว็บไซต์ของหน่วยงาน"
    ),
    "measure.monitoring_item": " (รายงานผลเป็นหลักฐานตามข้อ {item} ของการประเมินปี {year})",
    "measure.none": "ไม่มีข้อที่ต้องกำหนดมาตรการเพิ่มเติมจากผลการประเมิน",
    "measure.theme_label": "ประเด็นที่ {number} {name}",
    # --- the analysis in prose: a paragraph per instrument and per ประเด็น (ita_xl.core.narrative)
    "narrative.tool_no_score": "{tool} ไม่มีคะแนนของเครื่องมือนี้ จึงไม่สามารถวิเคราะห์ผลของเครื่องมือได้",
    "narrative.parts_unknown": ("ไม่มีคะแนนแยกของ {tools} จึงวิเคราะห์ {instrument} จากคะแนนรายตัวชี้วัด"),
    "narrative.tool_passed": "{tool} ได้ {score} คะแนน ผ่านค่าเป้าหมาย {target} คะแนน",
    "narrative.tool_below": "{tool} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย {target} คะแนน",
    "narrative.no_indicators": ("ไม่มีคะแนนรายตัวชี้วัดของเครื่องมือนี้ จึงไม่สามารถระบุจุดแข็งและจุดที่ควรพัฒนารายตัวชี้วัดได้"),
    "narrative.some_indicators": ("ไม่มีคะแนนของ{missing} จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุดและต่ำสุดของเครื่องมือนี้ได้"),
    "narrative.indicators_equal": "ทุกตัวชี้วัดของเครื่องมือนี้ได้คะแนนเท่ากัน คือ {score} คะแนน",
    "narrative.highest": "ตัวชี้วัดที่ได้คะแนนสูงสุด ได้แก่ {items} ({score} คะแนน) เป็นจุดแข็งที่ควรรักษาไว้",
    "narrative.lowest_passed": (
        "ตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ {items} ({score} คะแนน) แม้ผ่านค่าเป้าหมาย ควรพัฒนาอย่างต่อเนื่องและรักษามาตรฐานไว้"
    ),
    "narrative.lowest_below": (
        "ตัวชี้วัดที่ได้คะแนนต่ำสุด ได้แก่ {items} ({score} คะแนน) ต่ำกว่าค่าเป้าหมาย ควรปรับปรุงเป็นลำดับแรกตามมาตรการที่กำหนด"
    ),
    "narrative.items_failing": "ข้อที่ยังไม่ผ่านเกณฑ์มี {count} ข้อ ได้แก่ {items}",
    "narrative.items_failing_known": "ในบรรดาข้อที่มีคะแนน ข้อที่ยังไม่ผ่านเกณฑ์มี {count} ข้อ ได้แก่ {items}",
    "narrative.items_pass_known": (
        "มีคะแนนรายข้อ {scored} จาก {total} ข้อ ซึ่งผ่านเกณฑ์ทุกข้อ ส่วนข้อที่ไม่มีคะแนนยังสรุปผลไม่ได้"
    ),
    "narrative.items_all_pass": "ทุกข้อของเครื่องมือนี้ผ่านเกณฑ์",
    "narrative.theme_none": "{theme} ไม่มีคะแนนรายข้อ จึงไม่สามารถวิเคราะห์ประเด็นนี้ได้",
    "narrative.theme_partial": (
        "{theme} มีคะแนน {scored} จาก {total} ข้อ เฉลี่ย {mean} คะแนน จึงไม่สามารถระบุข้อที่ได้คะแนนต่ำสุดของประเด็นได้"
    ),
    "narrative.theme_mean": "จากผลคะแนน{theme} หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน",
    "narrative.theme_full": "ทุกข้อของประเด็นนี้ได้คะแนนเต็ม จึงควรดำเนินการอย่างต่อเนื่องและรักษามาตรฐานไว้",
    "narrative.theme_lowest_passed": (
        "ข้อที่ได้คะแนนต่ำสุด ได้แก่ {items} ({score} คะแนน) ซึ่งผ่านเกณฑ์แล้ว ควรพัฒนาอย่างต่อเนื่องและรักษามาตรฐานไว้"
    ),
    "narrative.theme_lowest_below": (
        "ข้อที่ได้คะแนนต่ำสุด ได้แก่ {items} ({score} คะแนน) ซึ่งยังไม่ผ่านเกณฑ์ ควรปรับปรุงตามมาตรการที่กำหนดในประเด็นนี้"
    ),
    # --- the user's choice of measures (ชีตปรับมาตรการ): findings and the rows the unit adds
    "choices.unknown_key": (
        "ไม่พบมาตรการรหัส {code} ในตารางมาตรการที่เสนอจากข้อมูลชุดนี้: ตรวจรหัสกับคอลัมน์ รหัส ของชีตมาตรการ แถวนี้จึงไม่มีผล"
    ),
    "choices.twice": "รหัส {code} ซ้ำกับแถว {first}: ใช้ค่าของแถวแรก แถวนี้จึงไม่มีผล",
    "choices.unknown_division": (
        "ผู้รับผิดชอบ {names} ไม่อยู่ในรายชื่อส่วนราชการ/กองของหน่วยงาน ({listed}): "
        "ตรวจการสะกด หรือเพิ่มชื่อในรายชื่อ (รายงานใช้ชื่อตามที่กรอก)"
    ),
    "choices.no_owner": "มาตรการที่เพิ่มเอง “{measure}” ยังไม่ได้ระบุผู้รับผิดชอบ",
    "choices.own_theme": "มาตรการที่หน่วยงานกำหนดเพิ่มเติม",
    "choices.own_reason": "หน่วยงานกำหนดเพิ่มเติมจากมาตรการที่เสนอตามผลการประเมิน",
    "score.none": "ไม่มีคะแนน",
    "place.district": "อำเภอ{name}",
    "place.province": "จังหวัด{name}",
}


#: Table headings, by table.
HEADERS: dict[str, tuple[str, ...]] = {
    "results": (
        "เครื่องมือ",
        "น้ำหนัก (ร้อยละ)",
        "ชื่อเครื่องมือการประเมิน",
        "คะแนน",
        "คะแนนถ่วงน้ำหนัก",
        "ผลเทียบค่าเป้าหมาย",
    ),
    "indicators": ("ข้อ", "เครื่องมือ", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"),
    "tools": ("เครื่องมือ", "คะแนน", "ตัวชี้วัดที่ได้คะแนนต่ำสุด", "คะแนน", "แนวทางการยกระดับ"),
    "indicator_causes": ("ข้อ", "คะแนน", "สาเหตุ", "แนวทางการยกระดับ"),
    "questions": ("ตัวชี้วัด", "รหัส", "ข้อคำถาม", "คะแนน"),
    "question_causes": ("ข้อ", "ข้อที่ต่ำกว่าค่าเป้าหมาย", "ตัวชี้วัดและสาเหตุ", "แนวทางการยกระดับ"),
    "themes": ("ประเด็น", "ชื่อประเด็น", "คะแนนเฉลี่ย", "ข้อที่ได้คะแนนต่ำสุด", "ข้อที่มีคะแนน"),
    "trend": ("ปีงบฯ", "คะแนนรวม", "เปลี่ยนแปลงจากปีก่อน"),
    "item_trend": ("ข้อ", "ข้อเดียวกันปีก่อน", "คะแนนปีก่อน", "คะแนนปีนี้", "เปลี่ยนแปลงจากปีก่อน"),
    "measures": (
        "ประเด็น",
        "มาตรการ / โครงการ / กิจกรรม",
        "ผลการวิเคราะห์",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
        "ผู้รับผิดชอบ",
        "การกำกับติดตาม",
        "รหัส",
    ),
}

#: The trend chart's title, series and axes.
CHART = {"title": "คะแนนรวม ITA รายปี", "series": "คะแนนรวม", "y": "คะแนน", "x": "ปีงบประมาณ"}

#: A measure's status in the tracking sheet (ติดตามมาตรการ), as the drop-down list offers it and
#: as ``ITA_PROGRESS`` counts it: done, in progress, not started (issue 16).
PROGRESS_STATUSES = ("ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ")
#: The follow-up rounds of a fiscal year.
PROGRESS_ROUNDS = ("รอบ ๖ เดือน", "รอบ ๑๒ เดือน")

THAI_MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip


def say(key: str, **values: object) -> str:
    """The template ``key`` filled with ``values``."""
    return TEXT[key].format(**values)


def join_list(items: Sequence[str]) -> str:
    """Thai list: "ก", "ก และ ข", "ก ข และ ค"."""
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ " + items[-1]
