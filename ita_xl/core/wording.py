"""Every Thai sentence of the analysis and the measures, as data: one place to review and correct.

Templates use ``str.format`` fields; the code fills them, never writes Thai sentences itself.
The register is formal (ภาษาราชการ): words instead of symbols ("ต่ำกว่า", not "<"), "ไม่มี"
instead of a count of zero, tool names spelled out ("EIT ส่วนที่ ๑"), lists joined "ก ข และค",
and no remark about the program or the workbook. Pure: standard library only.

``say`` fills a template; ``join_list`` joins a list as Thai prose does. A count of none is
its own template ("ไม่มีตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย"), never "๐ ตัวชี้วัด".
"""

from __future__ import annotations

import re
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
    # on the checks sheet, not in the document (the seeds' documents are silent where no item is known)
    "measures.item_unknown": (
        "ยังไม่มีเกณฑ์การประเมิน ITA ปีงบประมาณ พ.ศ. {year} จึงไม่ได้ระบุในชีตมาตรการว่าเผยแพร่เป็นหลักฐานตามข้อใด"
    ),
    "section.results": "{n}. ผลการประเมินรายเครื่องมือและคะแนนรวม",
    "section.indicators": "{n}. ผลการประเมินรายตัวชี้วัด",
    "section.tools": "{n}. วิเคราะห์รายเครื่องมือ",
    "section.questions": "{n}. วิเคราะห์รายตัวชี้วัดและข้อคำถาม",
    "section.indicators_only": "{n}. วิเคราะห์รายตัวชี้วัด",  # (thai7) no question scores
    "section.themes": "{n}. สรุปตามประเด็นการพัฒนา ๗ ประเด็น",
    "section.trend": "{n}. แนวโน้มผลการประเมิน",
    "section.limitations": "{n}. ข้อจำกัด",
    "section.recommendations": "{n}. ข้อเสนอแนะ",
    # --- the framework of the year (ita_xl.core.docparts), written as the seeds do (seed 004
    # "แบบวัด… ใน ๕ ตัวชี้วัด ได้แก่ …"; its rating table: คะแนน, เงื่อนไข, ระดับ)
    "framework.title": "กรอบการประเมินและเกณฑ์ระดับผลการประเมิน ประจำปีงบประมาณ พ.ศ. {year}",
    "framework.intro": (
        "การประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year} ใช้เครื่องมือการประเมิน {count} เครื่องมือ "
        "คะแนนรวมเป็นผลรวมของคะแนนแต่ละเครื่องมือตามน้ำหนัก ดังนี้"
    ),
    "framework.tool": (
        "{n}) {name} ({short}) น้ำหนักร้อยละ {weight} ของคะแนนรวม ประเมิน{about} ตามตัวชี้วัดที่ {numbers}"
    ),
    "framework.numbers": "{first} ถึง {last}",
    "framework.about.IIT": "การรับรู้ของบุคลากรต่อหน่วยงานของตนเอง",
    "framework.about.EIT": "การรับรู้ของผู้รับบริการและผู้มีส่วนได้ส่วนเสียภายนอก",
    "framework.about.OIT": "การเปิดเผยข้อมูลต่อสาธารณะบนเว็บไซต์ของหน่วยงาน",
    "framework.scale": "ระดับผลการประเมินของปีงบประมาณ พ.ศ. {year} มี {count} ระดับ คือ {levels} โดยมีเกณฑ์ดังนี้",
    # a level on its first line, its criteria on the second (a two-line row, as a table row)
    "framework.level": "ระดับ{level}\n{criteria}",
    # a level's criteria: a range of totals, with its condition on the tools; alternatives by "หรือ"
    "framework.range": "คะแนนรวม {low} ถึง {high} คะแนน",
    "framework.range_if": "คะแนนรวม {low} ถึง {high} คะแนน และ{condition}",
    "framework.or": " หรือ",
    "framework.all_tools": "ทุกเครื่องมือ ({tools}) ได้ {score} คะแนนขึ้นไป",
    "framework.all_tools_unnamed": "ทุกเครื่องมือได้ {score} คะแนนขึ้นไป",
    "framework.any_tool_below": "มีเครื่องมือใดเครื่องมือหนึ่งได้ต่ำกว่า {score} คะแนน",
    "framework.no_condition": "ไม่มีเงื่อนไข",
    # (helper truth) rules not confirmed, said where they come from (the year's provenance)
    # (truth2, from docparts) a provenance section as the report names it in a sentence
    "framework.section.weights": "น้ำหนักของเครื่องมือ",
    "framework.section.bands": "เกณฑ์ระดับผลการประเมิน",
    "framework.section.target": "ค่าเป้าหมาย",
    "framework.section.iit_questions": "ข้อคำถาม IIT",
    "framework.section.eit_questions": "ข้อคำถาม EIT",
    "framework.section.oit_questions": "ข้อการประเมิน OIT",
    "framework.section.grouping": "การจัดกลุ่มตัวชี้วัดย่อยของ OIT",
    "framework.section.themes": "การจัดข้อคำถามตามประเด็นการพัฒนา",
    "framework.carried_over": (
        # (thai7, review 7 viii) only which rules are used: nothing on what the NACC has announced
        "ในรายงานนี้ {sections} เป็นไปตามเกณฑ์ของปีงบประมาณ พ.ศ. {from_year}"
    ),
    "framework.unconfirmed": (
        "ในรายงานนี้ {sections} ยังไม่ได้รับการยืนยันจากคู่มือการประเมินของสำนักงาน ป.ป.ช. ประจำปีงบประมาณ พ.ศ. {year}"
    ),
    # --- the total and the level
    "total.label": "คะแนนรวม (ผลรวมคะแนนถ่วงน้ำหนัก)",
    "total.published_label": "คะแนนรวมตามผลการประเมินที่ประกาศ",
    "total.not_final": "ไม่มีคะแนนรวม",
    "total.range": "อยู่ระหว่าง {low} ถึง {high} คะแนน",
    "total.parts_published": (
        "หมายเหตุ: ไม่ได้ระบุคะแนน {tools} แยกกัน คะแนนรวมข้างต้นเป็นคะแนนรวมตามผลการประเมินที่ประกาศ"
    ),
    "total.parts_mean": (
        "หมายเหตุ: ไม่ได้ระบุคะแนน {tools} แยกกัน คะแนนรวมข้างต้นจึงคำนวณโดยใช้คะแนนเฉลี่ยของตัวชี้วัด {instrument} "
        "({score} คะแนน) แทนคะแนนของแต่ละส่วน"
    ),
    "level.label": "ระดับผลการประเมิน",
    "level.reason_label": "เหตุผล",
    "level.unknown": "ไม่สามารถระบุได้",
    "level.published": "ระดับ{level} ตามผลการประเมินที่ประกาศ",
    # the reason beside the level: neither the level's nor the total's figure again (both are
    # in the rows above), only why
    "level.published_total": "ระดับ{level} ตามผลการประเมินที่ประกาศ",
    # a published level the typed tool scores also decide: the deciding fact in brackets
    "level.published_because": "ระดับ{level} ตามผลการประเมินที่ประกาศ ({because})",
    "level.in_band": "คะแนนรวมอยู่ในช่วง {low} ถึง {high} คะแนน",
    "level.in_band_all_tools": ("คะแนนรวมอยู่ในช่วง {low} ถึง {high} คะแนน และทุกเครื่องมือได้คะแนน {need} คะแนนขึ้นไป"),
    # (review 8 N3) a level that also spans the band above, as the printed scale row reads
    # ("ผ่านดี ๘๕.๐๐ ถึง ๑๐๐.๐๐"): the total is below the better level's band, not "in 85-94.99"
    "level.below_band_all_tools": (
        "คะแนนรวมต่ำกว่า {next} คะแนน จึงไม่ถึงระดับ{better} และทุกเครื่องมือได้คะแนน {need} คะแนนขึ้นไป"
    ),
    "level.passed_over": "{below} ต่ำกว่า {need} คะแนน จึงไม่ถึงระดับ{missed}",
    # (review 8, 5) a published level's reason from the year's scale and the figures present
    # (statements._published_reason): the band, or the total below the band of the better level,
    # then the tools known to meet the level's condition and those not given
    "level.below_band": "คะแนนรวมต่ำกว่า {next} คะแนน จึงไม่ถึงระดับ{better}",
    "level.and_all_tools": " และทุกเครื่องมือได้คะแนน {need} คะแนนขึ้นไป",
    "level.and_tools": " โดย {tools} ได้คะแนน {need} คะแนนขึ้นไป",
    "level.not_given_rest": " ส่วน {tools} ไม่ได้ระบุคะแนน",
    "level.not_given_rest_parts": " ส่วน {tools} ไม่ได้ระบุคะแนนแยกส่วน",
    "level.not_given": "ไม่ได้ระบุคะแนน {tools}",
    "level.not_given_parts": "ไม่ได้ระบุคะแนน {tools} แยกส่วน",
    # (review 8, 9) ตรวจสอบ: a computed level resting on stand-in parts is a preliminary result
    "checks.level_preliminary": " เป็นผลเบื้องต้น",
    "checks.level_preliminary_parts": (
        " เป็นผลเบื้องต้น เพราะใช้ค่าเฉลี่ยตัวชี้วัด {instrument} แทนคะแนน {parts} ที่ไม่ได้กรอก"
    ),
    # a published level below the first of its band with no typed tool below the condition:
    # the published level itself says a tool is (seed 003: 98.23, ผ่านดี, EIT parts not given)
    "level.published_short_of": (
        "คะแนนรวมถึงเกณฑ์ระดับ{missed} แต่ผลที่ประกาศเป็นระดับ{level} "
        "เนื่องจากมีเครื่องมือที่ได้ต่ำกว่า {need} คะแนน ({not_given})"
    ),
    "level.tool_score": "{tool} ได้ {score} คะแนน",
    # (truth2) =ITA_RATING_REASON() when the level rests on the EIT parts' stand-in
    "level.provisional_note": " (ยังไม่สิ้นสุด: {tools} ใช้ค่าเฉลี่ยตัวชี้วัดแทน เพราะไม่ได้กรอกคะแนนแยกส่วน)",
    "level.needs_parts": (
        "ระดับผลการประเมินขึ้นอยู่กับคะแนน {tools} แยกกัน ซึ่งไม่มีในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถระบุระดับได้"
    ),
    "level.needs_tools": (
        "ไม่มีคะแนน {tools} ในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถคำนวณคะแนนรวมและระบุระดับผลการประเมินได้"
    ),
    "level.needs_tools_total": (
        "ระดับผลการประเมินขึ้นอยู่กับคะแนน {tools} ซึ่งไม่มีในข้อมูลที่ใช้จัดทำรายงานนี้ จึงไม่สามารถระบุระดับได้"
    ),
    # (truth2) a typed total outside 0-100 with every tool typed: no band holds it
    "level.off_scale": "คะแนนรวม {total} คะแนน ไม่อยู่ในช่วง 0 ถึง 100 คะแนน จึงไม่สามารถระบุระดับได้",
    # --- indicators: claims that need every indicator
    "indicators.none": "ไม่มีคะแนนรายตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุดและต่ำสุดได้",
    "indicators.incomplete": (
        "มีคะแนนรายตัวชี้วัด {scored} จาก {total} ตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุด ต่ำสุด "
        "และจำนวนตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายได้"
    ),
    "indicators.known_below": "ตัวชี้วัดที่มีคะแนนและต่ำกว่าค่าเป้าหมาย {target} คะแนน ได้แก่ {items}",
    "indicators.highest": "ตัวชี้วัดที่ได้คะแนนสูงสุด {items} ({score} คะแนน)",
    "indicators.lowest": "ตัวชี้วัดที่ได้คะแนนต่ำสุด {items} ({score} คะแนน)",
    "indicators.below_count": "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {target} คะแนน มีจำนวน {count} ตัวชี้วัด ได้แก่ {items}",
    "indicators.none_below": "ไม่มีตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย {target} คะแนน",
    "indicators.all_pass": "ทุกตัวชี้วัดผ่านค่าเป้าหมาย",
    "indicators.indicator": "ตัวชี้วัดที่ {number} {name}",
    # --- tools
    "tools.no_indicators": "ไม่มีคะแนนรายตัวชี้วัด",
    "tools.incomplete": "มีคะแนนรายตัวชี้วัดไม่ครบ",
    # (review 8 N7) the one scored indicator of a tool: not its lowest, the only one known
    "tools.only_scored": "{item} เป็นตัวชี้วัดเดียวของ {instrument} ที่มีคะแนน",
    "tools.lowest": "{items}",
    # (thai7, review 7 N8) one row for both parts of an instrument: its lowest indicator, named
    "tools.lowest_shared": "{items}",
    "tools.part_score": "{part} {score}",
    # (helper truth) every indicator of the tool at one score: none is the lowest
    "tools.all_equal": "ทุกตัวชี้วัดได้ {score} คะแนนเท่ากัน",
    # --- the analysis by indicator and question
    "questions.by_indicator": "ไม่มีคะแนนรายข้อคำถาม จึงวิเคราะห์ในระดับตัวชี้วัด",
    "indicators.none_causes": (
        "ไม่มีคะแนนรายตัวชี้วัด จึงไม่สามารถระบุตัวชี้วัดที่ต่ำกว่าค่าเป้าหมาย สาเหตุ และแนวทางการยกระดับรายตัวชี้วัดได้"
    ),
    "questions.cause": "ตัวชี้วัด{name}มีข้อคำถามที่ต่ำกว่าค่าเป้าหมาย สาเหตุเกิดจาก{cause}",
    "questions.maintain": "ข้อคำถามของตัวชี้วัด{name}ผ่านค่าเป้าหมายทุกข้อ",
    "questions.maintain_advice": "รักษามาตรฐานการดำเนินงานให้ต่อเนื่อง",
    # a tool that kept the unit from the better level (the level's reason, level.passed_over)
    "tools.raise_to_level": "ยกระดับคะแนน {tools} ให้ถึง {need} คะแนน ซึ่งเป็นเงื่อนไขของระดับ{level}",
    # the total below the better level's too (Thai review 10, 1: the above read as if the tool
    # alone stood between the 2569 sample, total 93.10, and ผ่านดีเยี่ยม)
    "tools.raise_with_total": (
        "ยกระดับคะแนน {tools} ให้ถึง {need} คะแนน ซึ่งเป็นเงื่อนไขหนึ่งของระดับ{level} ร่วมกับคะแนนรวม {need} คะแนนขึ้นไป"
    ),
    "tools.score_bracket": "{tool} ({score} คะแนน)",
    # section ๑: an instrument whose parts were not typed, as the computed total used it (the
    # note under the table, total.parts_mean, says the same)
    "results.parts_mean": "{name} ทั้งสองส่วน (ใช้คะแนนเฉลี่ยของตัวชี้วัดแทนคะแนนแยกส่วน)",
    "tools.items_failing_advice": "เร่งปรับปรุงข้อที่ยังไม่ผ่านเกณฑ์เป็นลำดับแรก {items}",
    "questions.incomplete": ("ตัวชี้วัด{name}มีคะแนนรายข้อ {scored} จาก {total} ข้อ จึงไม่สามารถระบุข้อที่ได้คะแนนต่ำสุดได้"),
    # (helper truth) questions that do not give their indicator's score are only part of it
    # (seed 003: e7-e9 at 99.50-100, indicator 8 is 90.17): no "every question passes". (Thai
    # review 9, b1 and b4, helper partial) said once over section ๔'s table (questions.partial_note);
    # each row, ประเด็น and measure gives its own fact: the indicator's score against the typed
    # questions ("ตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้ ๙๐.๑๗ คะแนน ซึ่งต่ำที่สุดของหน่วยงาน ขณะที่ข้อ
    # e๗–e๙ ที่มีคะแนนได้ ๙๙.๕๐–๑๐๐.๐๐ คะแนน คะแนนที่ต่ำกว่าจึงมาจาก EIT อีกส่วนหนึ่ง")
    "questions.partial_note": (
        "คะแนนรายข้อคำถามที่มีของตัวชี้วัดที่ {numbers} เป็นของ {instrument} เพียงส่วนหนึ่ง จึงวิเคราะห์รายข้อได้บางส่วน"
    ),
    "questions.partial": "{indicator}{glue}ได้ {score} คะแนน{standing}{source}",
    "questions.indicator_named": "ตัวชี้วัด{name}",
    "questions.partial_source": (
        " ขณะที่ข้อ {codes} ที่มีคะแนนได้ {range} คะแนน คะแนนที่ต่ำกว่าจึงมาจาก {instrument} อีกส่วนหนึ่ง"
    ),
    # (Thai review 10, 3) the indicator not below its typed questions: the clause ends its thought
    # ("ขณะที่ข้อ e๑–e๓ ที่มีคะแนนได้ ๙๔.๒๙–๑๐๐.๐๐ คะแนน" stopped there)
    "questions.partial_none_below": " ส่วนข้อ {codes} ที่มีคะแนนได้ {range} คะแนน ไม่มีข้อใดต่ำกว่าค่าเป้าหมาย",
    "questions.partial_typed": " ส่วนข้อ {codes} ที่มีคะแนนได้ {range} คะแนน มีข้อที่ต่ำกว่าค่าเป้าหมาย",
    "questions.code_run": "{first}–{last}",
    "questions.score_range": "{low}–{high}",
    # the weak-question cell of such a row: none among the typed questions (the fact is beside it)
    "cell.partial_none": "ไม่มีในข้อที่มีคะแนน",
    "questions.partial_below": " ต่ำกว่าค่าเป้าหมาย",
    "questions.partial_lowest": " ซึ่งต่ำที่สุดใน {instrument}",
    "questions.partial_unit_lowest": " ซึ่งต่ำที่สุดของหน่วยงาน",
    # (Thai review 10, 3) the lowest, yet its advice keeps the standard: why, beside it
    "questions.partial_kept": " แต่ยังได้ {bar} คะแนนขึ้นไป",
    # a ประเด็น holding such questions: counted as partial, and the indicator named where it is
    # lower than every item of the ประเด็น (table cells and paragraph)
    "themes.scored_partial": "{scored} จาก {total} ข้อ ({count} ข้อเป็นคะแนนของ {instrument} เพียงส่วนหนึ่ง)",
    "themes.partial_lowest": "{indicators} ได้ {score} คะแนน",
    # (Thai review 10, 4) every item of the ประเด็น has a score: its plain fact, not "ซึ่งต่ำที่สุด
    # ในข้อที่มีคะแนน" beside "๑๐ จาก ๑๐ ข้อ" (the count cell marks the partial items)
    "themes.lowest_partial": "{item} ได้ {score} คะแนน",
    # (Thai review 10, L1) a tie by codes and score; the paragraphs quote the titles
    "themes.lowest_tied": "{codes} ได้ {score} คะแนน",
    # (Thai review 10, b4) over §๕'s table, once: which ประเด็น's mean and lowest item rest on
    # items that are only part of their indicator (no longer in each paragraph)
    "themes.partial_note": (
        "คะแนนเฉลี่ยและข้อที่ได้คะแนนต่ำสุดของประเด็นที่ {themes} คิดจากคะแนนรายข้อที่มี "
        "ซึ่งบางข้อเป็นของ {instrument} เพียงส่วนหนึ่ง"
    ),
    # (Thai review 10, 2) the advice follows: the remedy, or the standard kept with its reason
    "narrative.theme_partial_low": (
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน ส่วน{indicators} ได้ {score} คะแนน "
        "ต่ำกว่าทุกข้อของประเด็นนี้ (คะแนนของ {instrument} อีกส่วนหนึ่งต่ำกว่า) จึงควร{advice}"
    ),
    "narrative.theme_partial_kept": (
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน ส่วน{indicators} ได้ {score} คะแนน "
        "ต่ำกว่าทุกข้อของประเด็นนี้ (คะแนนของ {instrument} อีกส่วนหนึ่งต่ำกว่า) แต่ยังได้ {bar} คะแนนขึ้นไป "
        "จึงควร{advice}"
    ),
    "choices.own_theme_partial": (
        "ประเด็นที่ {number} {name} มีคะแนนเฉลี่ยของข้อที่มีคะแนน {mean} คะแนน โดย {count} ใน {total} ข้อเป็นคะแนนของ "
        "{instrument} เพียงส่วนหนึ่ง"
    ),
    "oit.not_passed": "ตัวชี้วัด{name}มีข้อที่ยังไม่ผ่าน {items}",  # items: listed(), "คือ …" or "ได้แก่ …"
    # (thai7, review 7 N9) not "ตัวชี้วัดการเปิดเผยข้อมูลเปิดเผยข้อมูล…"
    "oit.all_disclosed": "ทุกข้อของตัวชี้วัด{name}ผ่านการประเมิน",
    "oit.incomplete": "ไม่มีคะแนนของข้อ {items} จึงไม่สามารถระบุได้ว่าทุกข้อของตัวชี้วัด{name}ผ่านการประเมิน",
    "oit.maintain_advice": "รักษามาตรฐานและปรับปรุงข้อมูลให้เป็นปัจจุบัน",
    # --- table cells with nothing to show, in words (never "-"): the seeds write a cell that
    # does not apply in words ("ไม่มีเงื่อนไข", seed 003's rating table; "ไม่มีประเด็นข้อคำถามที่มี
    # ผลการประเมินต่ำ", seed 004's indicator 3) and say what is missing
    "cell.none": "ไม่มี",
    "cell.none_of_scored": "ไม่พบในข้อที่มีคะแนน",
    "cell.not_named": "ไม่สามารถระบุได้",
    "cell.not_by_part": "ไม่แยกตามส่วน",
    "trend.no_previous": "ไม่มีคะแนนรวมปีก่อนหน้าให้เปรียบเทียบ",
    # said once over the table of the indicators below the target (Thai review 7, 12 and 8: the
    # table's cause column said "…จึงไม่สามารถระบุสาเหตุได้" on every row)
    "questions.none_no_cause": (
        "ไม่มีคะแนนรายข้อคำถาม จึงวิเคราะห์ในระดับตัวชี้วัดและไม่สามารถระบุสาเหตุได้ "
        "ตัวชี้วัดที่ต่ำกว่าค่าเป้าหมายและแนวทางการยกระดับ มีดังนี้"
    ),
    # --- themes
    "themes.scored": "{scored} จาก {total} ข้อ",
    "themes.none_scored": "ไม่มีคะแนน",
    "themes.lowest": "{item} ได้ {score} คะแนน",
    # every item of the ประเด็น at one score: none is "the lowest" (Thai review 7 N2, 8: 003's
    # ประเด็นที่ ๕, every item 100, named i4 as its lowest)
    "themes.all_equal": "ทุกข้อได้ {score} คะแนน",
    # --- trend
    "trend.no_total": "ไม่มีคะแนนรวมของปีนี้",
    "trend.same": "เท่าเดิม",
    "trend.up": "เพิ่มขึ้น {change} คะแนน",
    "trend.down": "ลดลง {change} คะแนน",
    # the item-trend table: last year's same item(s) ("o12 ในปี 2568"), and a cell with nothing to show
    "trend.item_then": "{codes} ในปี {year}",
    "trend.item_none": "ไม่มี",
    "trend.chart_title": "คะแนนรวม ITA รายปี",
    # the trend section with last year's item scores but no earlier total: what it shows instead
    "trend.items": "ผลการประเมินรายข้อเทียบกับข้อเดียวกันในปีงบประมาณ พ.ศ. {year} มีดังนี้",
    "trend.items_no_total": (
        "ไม่มีคะแนนรวมของปีก่อนหน้า จึงแสดงแนวโน้มเป็นรายข้อ เทียบกับข้อเดียวกันในปีงบประมาณ พ.ศ. {year} ดังนี้"
    ),
    # the trend in words (core/trend.py): this year against the nearest earlier year with a total
    "trend.line_up": "คะแนนรวมปี {year} เพิ่มขึ้น {change} คะแนนจากปี {previous_year} เป็น {total} คะแนน",
    "trend.line_down": "คะแนนรวมปี {year} ลดลง {change} คะแนนจากปี {previous_year} เหลือ {total} คะแนน",
    "trend.line_same": "คะแนนรวมปี {year} เท่ากับปี {previous_year} คือ {total} คะแนน",
    "trend.steady_up": "และเพิ่มขึ้นต่อเนื่องตั้งแต่ปี {first} ({start} คะแนน)",
    "trend.steady_down": "และลดลงต่อเนื่องตั้งแต่ปี {first} ({start} คะแนน)",
    # --- measures: why each row is there
    # (truth2) every sentence below is a claim (ClaimLog), checked by tests/test_claims.py; the
    # target is called ค่าเป้าหมาย, a threshold the unit sets (--threshold) เกณฑ์ที่หน่วยงานกำหนด
    # the cause in a sentence, as section ๔ says it (questions.cause), no colon label (Thai review 8)
    "measure.below": "{item} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย ({target} คะแนน) สาเหตุเกิดจาก{cause}",
    "measure.below_limit": (
        "{item} ได้ {score} คะแนน ผ่านค่าเป้าหมายแล้ว แต่ต่ำกว่าเกณฑ์ที่หน่วยงานกำหนด ({limit} คะแนน) "
        "จึงกำหนดมาตรการเพื่อยกระดับ"
    ),
    "measure.oit_not_passed": "{item} ยังไม่ผ่านการประเมิน ({score} คะแนน)",
    "measure.indicator_below_no_cause": (
        "{item} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย ไม่มีคะแนนรายข้อคำถาม จึงไม่สามารถระบุสาเหตุได้"
    ),
    "measure.indicator_below_items": (
        "{item} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย แต่ไม่มีข้อคำถามที่มีคะแนนต่ำกว่าเกณฑ์ จึงไม่สามารถระบุสาเหตุได้"
    ),
    # a passing item's standing: past the target (and the unit's threshold), or, where the unit
    # set a threshold below the target, still below the target
    # (Thai review 8, N4: "…ต่ำที่สุดในประเด็นที่ ๑ แม้จะผ่านค่าเป้าหมายแล้ว" ended on a dangling "แม้")
    "measure.standing.passed": "ซึ่งผ่านค่าเป้าหมายแล้ว",
    "measure.standing.below_target": "ซึ่งต่ำกว่าค่าเป้าหมาย ({target} คะแนน)",
    # (measures2) a passing item's row names its own fact, no sentence shared by every row
    # (Thai review, finding 12: "แม้จะผ่านค่าเป้าหมายแล้ว แต่เพื่อรักษามาตรฐานไว้ จึงกำหนดมาตรการนี้" in every row)
    "measure.maintain_theme": "{item} ได้ {score} คะแนน ต่ำที่สุดในประเด็นที่ {theme} {standing}",
    "measure.maintain_scored": "{item} ได้ {score} คะแนน ต่ำที่สุดในข้อที่มีคะแนนของประเด็นที่ {theme} {standing}",
    "measure.full_theme": "ทุกข้อของประเด็นที่ {theme} ได้ 100 คะแนน จึงกำหนดมาตรการเพื่อรักษามาตรฐาน",
    "measure.maintain_indicator": "{item} ได้ {score} คะแนน แม้จะผ่านค่าเป้าหมายแล้ว แต่ยังไม่เต็ม 100 คะแนน",
    "measure.lowest_of_tool": "{item} ได้ {score} คะแนน ต่ำที่สุดใน {tool} {standing}",
    "measure.lowest_of_tool_scored": "{item} ได้ {score} คะแนน ต่ำที่สุดในข้อที่มีคะแนนของ {tool} {standing}",
    # (review 8: no colon label; what the measure rests on, then the tool's figure, one sentence)
    "measure.from_tool": (
        "ไม่มีคะแนนรายตัวชี้วัด จึงกำหนดมาตรการจากคะแนนรายเครื่องมือ โดย {tool} ได้ {score} คะแนน "
        "{standing} ซึ่งตัวชี้วัดที่ {number} {name} เป็นตัวชี้วัดหนึ่งของเครื่องมือนี้"
    ),
    "measure.tool.lowest": "ต่ำสุดในบรรดาเครื่องมือ",
    "measure.tool.below_target": "ต่ำกว่าค่าเป้าหมาย",
    "measure.tool.below_limit": "ผ่านค่าเป้าหมายแล้ว แต่ต่ำกว่าเกณฑ์ที่หน่วยงานกำหนด ({limit} คะแนน)",
    "measure.eservice_below": (
        "{item} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย ({target} คะแนน) จึงกำหนดมาตรการพัฒนาบริการออนไลน์ (E-Service)"
    ),
    "measure.eservice_below_limit": (
        "{item} ได้ {score} คะแนน ผ่านค่าเป้าหมายแล้ว แต่ต่ำกว่าเกณฑ์ที่หน่วยงานกำหนด ({limit} คะแนน) "
        "จึงกำหนดมาตรการพัฒนาบริการออนไลน์ (E-Service)"
    ),
    "measure.eservice_mean": (
        "{item} ได้ {score} คะแนน แม้จะผ่านค่าเป้าหมายแล้ว แต่ต่ำกว่าค่าเฉลี่ยของข้อคำถามในเครื่องมือเดียวกัน ({mean} คะแนน) "
        "จึงกำหนดมาตรการพัฒนาบริการออนไลน์ (E-Service)"
    ),
    "measure.all_divisions": "ทุกสำนัก/กอง",
    # (measures2) an entry of the unit's list of divisions beginning so is its phrase for all of them
    "measure.all_prefix": "ทุก",
    # (measures2) an OIT item not published: write and publish that item (Thai review, finding 4)
    "measure.publish": "มาตรการจัดทำและเผยแพร่{title}",
    "measure.publish_step1": "มอบหมายผู้รับผิดชอบจัดทำ{title}",
    "measure.publish_step2": "จัดทำข้อมูลให้ครบถ้วนตามรายละเอียดที่เกณฑ์การประเมิน OIT กำหนด และเสนอผู้บริหารให้ความเห็นชอบ",
    "measure.publish_step3": "เผยแพร่{title}บนเว็บไซต์ของหน่วยงาน ให้เข้าถึงได้จากหน้าหลัก",
    "measure.publish_step4": "ตรวจสอบความครบถ้วนและความเป็นปัจจุบันของข้อมูลก่อนรอบการประเมิน และรายงานผู้บริหาร",
    "measure.monitoring": (
        "รายงานความก้าวหน้าต่อผู้บริหารรอบ 6 เดือน (เมษายน {year}) และรายงานผลเมื่อสิ้นปีงบประมาณ "
        "เผยแพร่บนเว็บไซต์ของหน่วยงาน"
    ),
    "measure.monitoring_item": " (รายงานผลเป็นหลักฐานตามข้อ {item} ของการประเมินปี {year})",
    "measure.none": "ไม่มีข้อที่ต้องกำหนดมาตรการเพิ่มเติมจากผลการประเมิน",
    "measure.theme_label": "ประเด็นที่ {number} {name}",
    "measure.source_indicator": "ตัวชี้วัดที่ {number}",
    # --- the analysis in prose: a paragraph per instrument and per ประเด็น (ita_xl.core.narrative)
    "narrative.tool_no_score": "{tool} ไม่มีคะแนนของเครื่องมือนี้ จึงไม่สามารถวิเคราะห์ผลของเครื่องมือได้",
    "narrative.parts_unknown": ("ไม่มีคะแนนแยกของ {tools} จึงวิเคราะห์ {instrument} จากคะแนนรายตัวชี้วัด"),
    "narrative.tool_passed": "{tool} ได้ {score} คะแนน ผ่านค่าเป้าหมาย {target} คะแนน",
    "narrative.tool_below": "{tool} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย {target} คะแนน",
    "narrative.parts_passed": "{scores} ผ่านค่าเป้าหมาย {target} คะแนนทั้งสองส่วน",
    "narrative.parts_below": "{scores} ต่ำกว่าค่าเป้าหมาย {target} คะแนนทั้งสองส่วน",
    "narrative.no_indicators": ("ไม่มีคะแนนรายตัวชี้วัดของเครื่องมือนี้ จึงไม่สามารถระบุจุดแข็งและจุดที่ควรพัฒนารายตัวชี้วัดได้"),
    "narrative.some_indicators": ("ไม่มีคะแนนของ{missing} จึงไม่สามารถระบุตัวชี้วัดที่ได้คะแนนสูงสุดและต่ำสุดของเครื่องมือนี้ได้"),
    "narrative.indicators_equal": "ทุกตัวชี้วัดของเครื่องมือนี้ได้คะแนนเท่ากัน คือ {score} คะแนน",
    # the two sentences above and "ทุกข้อของเครื่องมือนี้ผ่านเกณฑ์" said once, not back to back
    "narrative.indicators_equal_items_pass": "ทุกตัวชี้วัดของเครื่องมือนี้ได้คะแนนเท่ากัน คือ {score} คะแนน และทุกข้อผ่านเกณฑ์",
    # {items} is "คือ ก" for one item, "ได้แก่ ก ข และค" for several (``listed``)
    "narrative.highest": "ตัวชี้วัดที่ได้คะแนนสูงสุด {items} ({score} คะแนน) เป็นจุดแข็งที่ควรรักษาไว้",
    "narrative.highest_plain": "ตัวชี้วัดที่ได้คะแนนสูงสุด {items} ({score} คะแนน)",
    # (helper truth) the highest of a tool below the target is no strength (seed 000: 82.32, 75.00)
    "narrative.highest_below": "ตัวชี้วัดที่ได้คะแนนสูงสุดในเครื่องมือนี้ {items} ({score} คะแนน) แต่ยังต่ำกว่าค่าเป้าหมาย",
    "narrative.lowest_passed": (
        "ตัวชี้วัดที่ได้คะแนนต่ำสุด {items} ({score} คะแนน) แม้จะผ่านค่าเป้าหมายแล้ว แต่ยังควรพัฒนาอย่างต่อเนื่องและรักษามาตรฐานไว้"
    ),
    "narrative.lowest_plain": "ตัวชี้วัดที่ได้คะแนนต่ำสุด {items} ({score} คะแนน)",
    "narrative.lowest_below": (
        "ตัวชี้วัดที่ได้คะแนนต่ำสุด {items} ({score} คะแนน) ต่ำกว่าค่าเป้าหมาย ควรปรับปรุงเป็นลำดับแรกตามมาตรการที่กำหนด"
    ),
    "narrative.items_failing": "มีข้อที่ยังไม่ผ่านเกณฑ์ {count} ข้อ ซึ่งต้องปรับปรุงเป็นลำดับแรก {items}",
    "narrative.items_failing_known": (
        "ในบรรดาข้อที่มีคะแนน มีข้อที่ยังไม่ผ่านเกณฑ์ {count} ข้อ ซึ่งต้องปรับปรุงเป็นลำดับแรก {items}"
    ),
    "narrative.items_pass_known": (
        "มีคะแนนรายข้อ {scored} จาก {total} ข้อ ซึ่งผ่านเกณฑ์ทุกข้อ ส่วนข้อที่ไม่มีคะแนนยังสรุปผลไม่ได้"
    ),
    "narrative.items_all_pass": "ทุกข้อของเครื่องมือนี้ผ่านเกณฑ์",
    # (review 8, 20) what the missing question scores prevent, and no more: a ประเด็น's score is
    # the mean of its questions' (seed 001 still writes its ประเด็น in words, without scores)
    "narrative.themes_none": "ไม่มีคะแนนรายข้อคำถาม จึงไม่สามารถระบุคะแนนรายประเด็นการพัฒนาทั้ง {count} ประเด็นได้",
    "narrative.theme_none": "{theme} ไม่มีคะแนนรายข้อ จึงไม่สามารถวิเคราะห์ประเด็นนี้ได้",
    "narrative.theme_partial": (
        "จากผลคะแนน{theme} พบว่า มีคะแนน {scored} จาก {total} ข้อ (เฉลี่ย {mean} คะแนน) "
        "จึงไม่สามารถระบุข้อที่ได้คะแนนต่ำสุดของประเด็นนี้ได้"
    ),
    # a ประเด็น, as seed 001 opens it ("จากผลคะแนนประเด็นที่ ๑ … พบว่า"), by its situation
    "narrative.theme_full": (
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเต็มทุกข้อ จึงควรดำเนินการต่อเนื่องเพื่อรักษามาตรฐานไว้"
    ),
    "narrative.theme_passed": (
        # (thai7, review 7 N9) one bracket, the code's: "(i๓) ได้ ๙๗.๐๑ คะแนน", not "(i๓) (๙๗.๐๑ คะแนน)"
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน และผ่านเกณฑ์ทุกข้อ "
        "ข้อที่ได้คะแนนต่ำสุด {items} ได้ {score} คะแนน {advice}"
    ),
    # (helper truth) a ประเด็น with items whose scores are only part of their indicator's
    # (Thai review 10, 4) its lowest items named and advised as the other ประเด็น are; no "ผ่าน
    # เกณฑ์ทุกข้อ" (the other part's answers are not typed), the partial fact said over the table
    "narrative.theme_part_scores": (
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน ข้อที่ได้คะแนนต่ำสุด {items} "
        "ได้ {score} คะแนน {advice}"
    ),
    # (helper truth) the advice closing each passed ประเด็น, in turn: not one sentence seven times;
    # (thai7, review 7 iv) chosen by score: "maintain" (1, 3) for the higher half of the passed
    # ประเด็น by their lowest item, "improve" (2, 4) for the lower half
    "narrative.theme_advice.1": "ควรพัฒนาอย่างต่อเนื่องเพื่อรักษามาตรฐานไว้",
    "narrative.theme_advice.2": "ซึ่งเป็นเรื่องที่ควรยกระดับต่อไป",
    "narrative.theme_advice.3": "ควรกำกับติดตามการดำเนินงานในเรื่องนี้อย่างสม่ำเสมอเพื่อมิให้คะแนนลดลง",
    "narrative.theme_advice.4": "ควรทบทวนแนวทางการดำเนินงานในเรื่องนี้เพื่อให้ได้คะแนนสูงขึ้น",
    "narrative.theme_failing": (
        "จากผลคะแนน{theme} พบว่า หน่วยงานได้คะแนนเฉลี่ย {mean} คะแนน ข้อที่ยังไม่ผ่านเกณฑ์ {items} "
        "ควรปรับปรุงเป็นลำดับแรกตามมาตรการที่กำหนดในประเด็นนี้"
    ),
    "item.named": "“{title}” ({code})",
    # (thai7, review 7 vii) an item in a table cell: its title, the code in brackets
    "item.coded": "{title} ({code})",
    "item.scored": "{item} ได้ {score} คะแนน",
    "list.one": "คือ {items}",
    "list.many": "ได้แก่ {items}",
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
    # a measure the unit added: its analysis, typed (ปรับมาตรการ!H) or from the ประเด็น it names;
    # otherwise only what is true of any such row (Thai review 8, 1: "เพิ่มเติมจากมาตรการที่เสนอ"
    # was false where the unit switched every suggested row off)
    "choices.own_reason": "มาตรการที่หน่วยงานกำหนดเอง",
    "choices.own_indicator_passed": "ตัวชี้วัดที่ {number} {name} ได้ {score} คะแนน ผ่านค่าเป้าหมาย",
    "choices.own_indicator_below": "ตัวชี้วัดที่ {number} {name} ได้ {score} คะแนน ต่ำกว่าค่าเป้าหมาย",
    "choices.own_theme_mean": "ประเด็นที่ {number} {name} ได้คะแนนเฉลี่ย {mean} คะแนน",
    # (thai7, review 7, finding 3) a table cell for a score the NACC gave but the unit did not type
    # (every tool and indicator is scored; the note under section ๑ says "ไม่ได้ระบุ")
    "score.none": "ไม่ได้ระบุคะแนน",
    "place.district": "อำเภอ{name}",
    "place.province": "จังหวัด{name}",
    # --- the tracking sheet and the progress report (issue 16)
    "tracking.title": (
        "ติดตามผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\nประจำปีงบประมาณ พ.ศ. {year}"
    ),
    "tracking.how": ("ช่องสีเทามาจากชีตมาตรการ (ปรับปรุงทุกครั้งที่สั่งติดตามมาตรการ) กรอกผลในช่องสีขาว ตั้งแต่สถานะถึงรอบ"),
    "tracking.removed": "มาตรการนี้ไม่มีในชีตมาตรการแล้ว (เก็บแถวและข้อมูลที่กรอกไว้)",
    "tracking.prompt": "เลือก {options}",
    "tracking.options": "{items} หรือ {last}",
    "tracking.bad_status": "สถานะ “{value}” ไม่ใช่ค่าในรายการ ({options}): ไม่นับในสรุป",
    "tracking.bad_round": "รอบ “{value}” ไม่ใช่ค่าในรายการ ({options})",
    "tracking.done_without_result": "สถานะดำเนินการแล้ว แต่ไม่ได้กรอกผลการดำเนินการ",
    "tracking.done_without_date": "สถานะดำเนินการแล้ว แต่ไม่ได้กรอกวันที่ดำเนินการ",
    "tracking.bad_date": "อ่านวันที่ “{value}” ไม่ได้ (พิมพ์วัน/เดือน/ปี พ.ศ. เช่น 15/3/2569)",
    "tracking.date_outside": ("วันที่ {date} อยู่นอกปีงบประมาณ พ.ศ. {year} ที่มาตรการนี้ใช้ ({first} ถึง {last})"),
    "tracking.round_assumed": "ไม่ได้ระบุรอบ: นับเป็น{round} ตามที่เลือกออกรายงาน",
    # --- the tracking refresh keeps what staff made (helper tracking, issue 16's follow-up)
    "tracking.typed_over": (
        "ช่อง {where} มีข้อความที่พิมพ์แก้ไว้ ซึ่งต่างจากที่คัดลอกมาจากชีต “{sheet}”: คอลัมน์ “{column}” "
        "เขียนใหม่จากชีต “{sheet}” ทุกครั้งที่ปรับปรุงชีตติดตามมาตรการ ข้อความที่แก้ไว้จะหาย จึงไม่ปรับปรุง "
        "ให้แก้ข้อความนั้นในชีต “{sheet}” ให้ตรงกันก่อน แล้วสั่งอีกครั้ง"
    ),
    "tracking.uncarried_link": (
        "ช่อง {where} มีลิงก์อยู่ในแถวที่ไม่มีข้อมูลในตาราง การปรับปรุงชีต “{sheet}” จึงย้ายลิงก์ไปพร้อมแถวไม่ได้: "
        "ไม่ปรับปรุง ให้ย้ายลิงก์ไปไว้ในแถวของมาตรการที่เกี่ยวข้อง แล้วสั่งอีกครั้ง"
    ),
    "tracking.uncarried_comment": (
        "ช่อง {where} มีความคิดเห็นอยู่ในแถวที่ไม่มีข้อมูลในตาราง การปรับปรุงชีต “{sheet}” "
        "จึงย้ายความคิดเห็นไปพร้อมแถวไม่ได้: ไม่ปรับปรุง ให้ย้ายความคิดเห็นไปไว้ในแถวของมาตรการที่เกี่ยวข้อง "
        "แล้วสั่งอีกครั้ง"
    ),
    # --- the tracking refresh in a live book, kept in place (helper livetrack)
    "tracking.live_header": (
        "หัวตารางของชีต “{sheet}” ไม่ได้อยู่ที่แถว {row} ตามที่ ita-xl เขียนไว้ (มีการแทรกหรือลบแถวเหนือตาราง): "
        "ไม่ปรับปรุง เพราะจะปรับปรุงในที่เดิมไม่ได้และรูปแบบ ลิงก์ และความคิดเห็นที่ใส่ไว้จะหาย "
        "ให้แทรกหรือลบแถวเหนือตารางให้หัวตารางกลับมาอยู่ที่แถว {row} แล้วสั่งอีกครั้ง"
    ),
    "tracking.live_lost": "ชีต “{sheet}”: {parts} โปรดตรวจดูแถวเหล่านี้",
    "tracking.live_moved": (
        "แถว {rows} ย้ายตำแหน่งตามลำดับในชีตมาตรการ ค่าและรูปแบบเซลล์ย้ายไปด้วย "
        "แต่ลิงก์ ความคิดเห็น และความสูงแถวที่ตั้งเองในแถวดังกล่าวอาจไม่ย้ายตามไป"
    ),
    "tracking.live_resized": "แถว {rows} ตั้งความสูงแถวใหม่ให้พอดีข้อความ (ความสูงที่ตั้งเองในแถวดังกล่าวถูกแทน)",
    # the year check of both refreshes (helper livetrack2)
    "tracking.other_year": (
        "ชีต “{sheet}” เป็นของปีงบประมาณ {year} แต่ชีต “{measures}” เป็นมาตรการปี {measures_year}: "
        "ไม่ปรับปรุง (ข้อมูลที่กรอกจะไม่ตรงมาตรการ) {advice}"
    ),
    "tracking.other_year_file": "ให้สร้างชีตติดตามในไฟล์ใหม่ด้วย -o",
    "tracking.other_year_live": "ให้ติดตามในสมุดงานใหม่",
    # --- the tracking refresh refuses what it would misplace (helper trackfix)
    "tracking.columns_changed": (
        "หัวตารางช่อง {where} เป็น “{found}” แต่ ita-xl เขียนไว้ว่า “{expected}”: คอลัมน์ของตารางถูกย้าย แทรก "
        "หรือลบ ค่าที่กรอกไว้จะไปอยู่ใต้หัวข้ออื่น จึงไม่ปรับปรุง ให้คืนคอลัมน์ให้ตรงกับหัวตารางเดิม "
        "(เลิกทำ หรือย้ายคอลัมน์กลับ) แล้วสั่งอีกครั้ง"
    ),
    "tracking.marker_moved": (
        "เครื่องหมายที่ ita-xl เขียนไว้ในช่อง {cell} ย้ายไปอยู่ที่ {where}: มีการแทรกหรือลบคอลัมน์ในชีต “{sheet}” "
        "จึงไม่ปรับปรุง (ข้อมูลในคอลัมน์ที่ย้ายจะหาย) ให้คืนคอลัมน์ตามเดิม (เลิกทำ) แล้วสั่งอีกครั้ง"
    ),
    "tracking.formula_rows_moved": (
        "สูตรนี้อ่านค่าจากชีต “{sheet}” ซึ่งการปรับปรุงครั้งนี้ย้ายแถวของมาตรการ สูตรยังอ้างเลขแถวเดิม "
        "อาจอ่านค่าของมาตรการอื่น ให้ตรวจสอบว่าสูตรอ้างแถวที่ถูกต้อง"
    ),
    "tracking.uncarried_block": (
        "ตัวกรองหรือตารางที่ {where} เริ่มที่แถวที่ไม่มีข้อมูลในตาราง การปรับปรุงชีต “{sheet}” จึงย้ายไปพร้อมแถวไม่ได้: "
        "ไม่ปรับปรุง ให้ตั้งตัวกรองหรือตารางให้เริ่มที่แถวหัวตาราง แล้วสั่งอีกครั้ง"
    ),
    "progress.title": (
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน\n"
        "ประจำปีงบประมาณ พ.ศ. {year} ({round})"
    ),
    "progress.subject": (
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        "ประจำปีงบประมาณ พ.ศ. {year} ({round})"
    ),
    "progress.memo_intro": (
        "ตามที่ {office} ได้จัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ "
        "พ.ศ. {year} จำนวน {count} มาตรการ นั้น"
    ),
    "progress.memo_result": "บัดนี้ ได้ติดตามผลการดำเนินการ{round}แล้ว {summary} รายละเอียดตามเอกสารแนบ",
    "progress.memo_request": "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดอนุมัติให้เผยแพร่บนเว็บไซต์ของหน่วยงาน",
    "progress.memo_request_item": (
        "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดอนุมัติให้เผยแพร่บนเว็บไซต์ของหน่วยงาน "
        "เป็นหลักฐานตามข้อ {code} ของการประเมิน ITA ปีงบประมาณ พ.ศ. {year}"
    ),
    "progress.count": "{status} {count} มาตรการ",
    "progress.count_none": "ไม่มีมาตรการที่{status}",
    # (measures2) no measure done yet, in words (Thai review, finding 16)
    "progress.none_done": "ยังไม่มีมาตรการที่ดำเนินการแล้วเสร็จ",
    "progress.none": "ไม่มี",
    # The report is the deliverable: it states what is not reported, in formal words; what staff
    # should do about it is a finding (progress.check_unreported), never a line of the report.
    "progress.no_status": "ไม่มีรายงานสถานะการดำเนินการ {count} มาตรการ",
    "progress.nothing_typed": "ไม่มีรายงานสถานะการดำเนินการของมาตรการใดในรอบนี้ จึงไม่สามารถสรุปผลการดำเนินการได้",
    "progress.no_measures": "ไม่มีมาตรการที่ต้องรายงานผลการดำเนินการ",
    "progress.published_under": ("เผยแพร่เป็นหลักฐานตามข้อ {code} {title} (ITA ปีงบประมาณ พ.ศ. {year})"),
    # a finding beside the report, not in it (as measures.item_unknown)
    "progress.item_unknown": (
        "ยังไม่มีเกณฑ์การประเมิน ITA ปีงบประมาณ พ.ศ. {year} จึงไม่ได้ระบุในรายงานผลว่าเผยแพร่เป็นหลักฐานตามข้อใด"
    ),
    "progress.section_summary": "{n}. สรุปผลการดำเนินการ",
    "progress.section_table": "{n}. ผลการดำเนินการรายมาตรการ",
    "progress.section_problems": "{n}. ปัญหาอุปสรรค",
    "progress.section_next": "{n}. แนวทางการดำเนินการต่อไป",
    "progress.total": "มาตรการทั้งหมด {count} มาตรการ",
    "progress.no_problems": "ไม่มีปัญหาอุปสรรคที่ระบุไว้ในรอบนี้",
    # (thai7, review 7, findings 11 and 13) sentences, no "label: text"; no remark on what was not decided
    "progress.problem": "{measure} พบปัญหาอุปสรรค คือ {problem}",
    "progress.next_continue": "{measure} ซึ่ง{status} จะดำเนินการต่อให้แล้วเสร็จภายในปีงบประมาณ พ.ศ. {year}",
    "progress.next_start": "{measure} ซึ่ง{status} จะเร่งดำเนินการให้แล้วเสร็จภายในปีงบประมาณ พ.ศ. {year}",
    "progress.next_carry": "{measure} ซึ่ง{status} จะนำไปพิจารณาในการจัดทำมาตรการของปีงบประมาณถัดไป",
    "progress.next_unreported": (
        "ติดตามสถานะการดำเนินการของมาตรการที่ยังไม่มีรายงานในรอบนี้อีก {count} มาตรการ และรายงานผู้บริหารทราบ"
    ),
    # (progress8, review 8 item 6) the table's cells left blank where nothing was typed; the
    # measures whose status calls for what was not typed, named once under the table
    # (Thai review 10, 5: "มาตรการที่ยังไม่ได้รายงานผล ได้แก่ มาตรการที่ ๑ (…)" named a measure that
    # reported its result) what each measure has not given, a sentence each
    "progress.untyped": "{items}",
    "progress.untyped_item": "มาตรการที่ {n} ยังไม่ได้ระบุ{columns}",
    # (progress8, review 8 item 6) a report from a workbook without the unit sheet
    "progress.no_unit": (
        "ไม่พบชีต “{sheet}” ในไฟล์นี้: ชื่อ ตำแหน่ง และผู้ลงนามในบันทึกข้อความจึงเว้นว่างไว้ "
        "ให้สั่ง ita-xl progress ไฟล์ที่มีชีตมาตรการ -o ไฟล์นี้ เพื่อคัดชีตหน่วยงานมา แล้วออกรายงานอีกครั้ง"
    ),
    "progress.check_unreported": (
        "ยังไม่ได้ระบุสถานะของ{round} ({measure}): รายงานนับเป็นมาตรการที่ไม่มีรายงานสถานะ ให้ระบุสถานะแล้วออกรายงานอีกครั้ง"
    ),
    "progress.next_none": "ดำเนินการครบทุกมาตรการแล้ว ให้รักษามาตรฐานการดำเนินงานต่อไป",
    "progress.not_in_round": "ไม่มีข้อมูลของรอบนี้",
    "progress.unknown_status": "ไม่มีรายงานสถานะ",
    "progress.chart_title": "จำนวนมาตรการตามสถานะ",
    "progress.chart_x": "สถานะ",
    "progress.chart_y": "จำนวนมาตรการ",
    "progress.tracked": "สร้างหรือปรับปรุงชีต “{sheet}” แล้ว ข้อมูลที่กรอกไว้ยังอยู่ครบ",
    "progress.reported": "สร้างรายงานผลการดำเนินการตามมาตรการ{round}แล้ว",
    "progress.crashed": "เกิดข้อผิดพลาดที่ไม่คาดคิด ยังไม่ได้เขียนชีต\nรายละเอียดอยู่ในไฟล์ {log}",
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
    "framework_tools": ("รหัส", "เครื่องมือการประเมิน", "ตัวชี้วัด", "น้ำหนัก (ร้อยละ)"),
    "framework_bands": ("คะแนนรวม", "เงื่อนไข", "ระดับผลการประเมิน"),
    "tools": ("เครื่องมือ", "คะแนน", "ตัวชี้วัดที่ได้คะแนนต่ำสุด", "คะแนน", "แนวทางการยกระดับ"),
    "indicator_causes": ("ข้อ", "ตัวชี้วัด", "คะแนน", "แนวทางการยกระดับ"),
    "questions": ("ตัวชี้วัด", "ข้อคำถาม", "คะแนน"),  # (thai7, review 7 vii) no รหัส column
    "question_causes": ("ข้อ", "ข้อที่ต่ำกว่าค่าเป้าหมาย", "ตัวชี้วัดและสาเหตุ", "แนวทางการยกระดับ"),
    "themes": ("ประเด็น", "ชื่อประเด็น", "คะแนนเฉลี่ย", "ข้อที่มีคะแนน", "ข้อที่ได้คะแนนต่ำสุด"),
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
    "tracking": (
        # (progress8, review 8 item 7) the measure's number first; its id last, not printed
        "ที่",
        "ประเด็น",
        "มาตรการ / โครงการ / กิจกรรม",
        "ขั้นตอนหรือวิธีการปฏิบัติ",
        "ระยะเวลาดำเนินการ",
        "ผู้รับผิดชอบ",
        "สถานะ",
        "ผลการดำเนินการ",
        "ตัวชี้วัดความสำเร็จ / ผลลัพธ์",
        "วันที่ดำเนินการ",
        "หลักฐาน",
        "ปัญหาอุปสรรค",
        "รอบ",
        "หมายเหตุ",
        "รหัส",
    ),
    "progress": (
        "ที่",
        "มาตรการ / โครงการ / กิจกรรม",
        "สถานะ",
        "ผลการดำเนินการ",
        "ตัวชี้วัดความสำเร็จ / ผลลัพธ์",
        "วันที่ดำเนินการ",
        "หลักฐาน",
    ),
    "progress_summary": ("สถานะ", "จำนวนมาตรการ"),
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
    """Thai list: "ก", "ก และข", "ก ข และค".

    As the seeds write it: a space before "และ" and none after it when the last item begins
    with a Thai letter ("ได้แก่ ตัวชี้วัดการเปิดเผยข้อมูล และตัวชี้วัดการป้องกันการทุจริต", seed 004),
    a space after it before a Latin name, a code or a digit ("EIT ส่วนที่ ๒ และ OIT", seed 003).
    """
    items = [str(i) for i in items if str(i)]
    if len(items) <= 1:
        return "".join(items)
    last = items[-1]
    glue = " และ" if _thai_letter(last[0]) else " และ "
    return " ".join(items[:-1]) + glue + last


def glue(before: str) -> str:
    """The space after ``before`` when a predicate follows it: none after a Thai word
    ("เทศบาลตำบลเขาย้อยมีผลคะแนน"), one after a bracket, a Latin letter or a digit."""
    return "" if before and _thai_letter(before[-1]) else " "


def listed(items: Sequence[str]) -> str:
    """A list after its noun: "คือ ก" for one item, "ได้แก่ ก ข และค" for two or more."""
    items = [str(i) for i in items if str(i)]
    return say("list.one" if len(items) == 1 else "list.many", items=join_list(items))


def split_list(text: str) -> list[str]:
    """The items of a list ``join_list`` wrote ("ก ข และค" is three items only when the items
    were joined by spaces, so this splits on "และ" alone: "ก และข" -> ["ก", "ข"])."""
    return [part for part in re.split(r"\s+และ\s*", text) if part]


def _thai_letter(char: str) -> bool:
    """A Thai consonant or leading vowel (not a Thai digit, which takes a space like any number)."""
    return "\u0e01" <= char <= "\u0e4f"


#: Importing a result text into the template (``ita_xl.core.importing``): what was filled,
#: what was already typed, what differs and was kept, what the text does not give.
TEXT.update(
    {
        "import.filled": "กรอก {label} = {value} ที่ {cell} (จากบรรทัด {line})",
        "import.conflict": (
            "{cell} ({label}) กรอกไว้แล้วเป็น {typed} แต่ผลที่นำเข้าเป็น {value} (บรรทัด {line}) "
            "จึงไม่ได้เขียนทับ โปรดตรวจสอบและแก้เองถ้าค่าที่นำเข้าถูกต้อง"
        ),
        "import.summary": (
            "นำเข้าผลการประเมินปี {year}: กรอกใหม่ {filled} ช่อง ตรงกับที่กรอกไว้แล้ว {same} ช่อง "
            "ค่าต่างจากที่กรอกไว้ {conflicts} ช่อง (ไม่ได้เขียนทับ)"
        ),
        "import.into_history": (
            "ข้อความเป็นผลปี {year} ซึ่งเป็นปีก่อนปีของแม่แบบ ({template}) จึงกรอกลงแถวของปี {year} ในชีต{sheet}"
        ),
        "import.missing": "ไม่พบในข้อความ {n} รายการ (ช่องยังว่าง กรอกเองได้): {keys}",
        "import.nothing_missing": "พบคะแนนครบทุกรายการของปี {year}",
        "import.no_room": (
            "คะแนนรวมที่พิมพ์ {value} (บรรทัด {line}) ไม่ได้นำเข้า เพราะช่องคะแนนรวมตามเอกสาร ({cells}) มีค่าอื่นอยู่แล้ว"
        ),
        "import.no_history_row": (
            "ไม่มีแถวของปี {year} ในชีต{sheet} ({cells}) จึงไม่ได้นำเข้า: "
            "พิมพ์ปี {year} ในคอลัมน์ A ของแถวที่ว่างแล้วนำเข้าอีกครั้ง"
        ),
        "import.history_totals": "พบคะแนนรวมของปี {year} หลายค่า ({values}) จึงไม่ได้กรอกคะแนนรวมในชีตประวัติ",
        "import.newer": (
            "ข้อความเป็นผลปี {year} แต่แม่แบบเป็นปี {template}: นำเข้าได้เฉพาะผลของปี {template} "
            "หรือผลของปีก่อนหน้าลงชีตประวัติ ให้สร้างแม่แบบของปี {year} ด้วย ita-xl template --year {year}"
        ),
        "import.check_total": (
            "ตรวจหลังนำเข้า: คะแนนรวมที่ประกาศ {printed} ตรงกับคะแนนรวมที่คำนวณจากคะแนนที่นำเข้า {computed}"
        ),
        "import.check_total_differs": (
            "ตรวจหลังนำเข้า: คะแนนรวมที่ประกาศ {printed} (บรรทัด {line}) ไม่ตรงกับคะแนนรวมที่คำนวณจาก"
            "คะแนนที่นำเข้า {computed} เป็นข้อสังเกต ตัวเลขที่ประกาศยังคงกรอกไว้ตามเอกสาร"
        ),
        "import.check_not_final": "ตรวจหลังนำเข้า: คำนวณคะแนนรวมจากคะแนนที่นำเข้าไม่ได้ เพราะไม่มีคะแนน {tools}",
        "import.check_level": "ตรวจหลังนำเข้า: ระดับที่ประกาศ “{printed}” ตรงกับระดับที่คำนวณได้",
        "import.check_level_differs": (
            "ตรวจหลังนำเข้า: ระดับที่ประกาศ “{printed}” (บรรทัด {line}) ไม่ตรงกับระดับที่คำนวณจากคะแนนที่นำเข้า "
            "“{computed}” เป็นข้อสังเกต"
        ),
        "import.check_provisional": (
            " (ระดับที่คำนวณได้ยังไม่สิ้นสุด: ข้อความไม่มีคะแนนของแบบวัดทุกแบบ จึงใช้ค่าเฉลี่ยตัวชี้วัดแทน)"
        ),
        "import.source": "ผลการประเมินที่นำเข้า บรรทัด {line}: {snippet}",
        "import.label.name": "ชื่อหน่วยงาน",
        "import.label.type": "ประเภทหน่วยงาน",
        "import.label.district": "อำเภอ",
        "import.label.province": "จังหวัด",
        "import.label.total": "คะแนนรวมตามเอกสาร",
        "import.label.level": "ระดับผลการประเมินตามเอกสาร",
        "import.label.history_total": "คะแนนรวมปี {year}",
        "import.label.history_level": "ระดับปี {year}",
        "import.label.history_indicator": "ตัวชี้วัดที่ {number} ปี {year}",
        "import.paste.title": "วางผลการประเมิน ITA ที่คัดลอกมา ตั้งแต่เซลล์ {cell} แล้วกดปุ่ม “นำเข้าผล”",
        "import.paste.how": (
            "คัดลอกทั้งหน้า (Ctrl+A แล้ว Ctrl+C) จากหน้าผลการประเมินของสำนักงาน ป.ป.ช. ไฟล์ PDF ผลการประเมิน "
            "หรือรายงานของปีก่อน แล้ววาง (Ctrl+V) ที่เซลล์ {cell} โปรแกรมกรอกคะแนนลงชีต{scores} "
            "(ผลของปีก่อนหน้าลงชีต{history}) เฉพาะช่องที่ยังว่าง ช่องที่กรอกไว้แล้วจะไม่ถูกเขียนทับ "
            "ผลการนำเข้าแสดงในคอลัมน์ {report}"
        ),
        "import.paste.report": "ผลการนำเข้า",
        "import.crashed": "เกิดข้อผิดพลาดที่ไม่คาดคิด ยังนำเข้าผลไม่ครบ\nรายละเอียดอยู่ในไฟล์ {log}",
        "import.see_report": "รายการช่องที่กรอกทั้งหมดอยู่ในชีต{sheet} คอลัมน์ {column}",
        "import.paste.year": "ผลการประเมินของปีงบประมาณ (พ.ศ.) ว่างไว้ = ปีที่ระบุในข้อความ",
        "import.paste.bad_year": "{cell} “{value}” ไม่ใช่ปีงบประมาณ: กรอกเป็น พ.ศ. เช่น 2568 หรือเว้นว่าง",
        "import.paste.empty": "ยังไม่ได้วางข้อความผลการประเมินในชีต{sheet} (วางที่เซลล์ {cell})",
        "import.paste.no_sheet": (
            "ไม่พบชีต{sheet} ในไฟล์นี้ (แม่แบบรุ่นก่อน): สร้างแม่แบบใหม่ด้วย ita-xl template หรือใช้คำสั่ง ita-xl import"
        ),
    }
)


#: The memo page (บันทึกข้อความ, ``ita_xl.core.memo``), laid out as the seeds' memos (seeds 000 and
#: 004): its head, its body, the signatures and the approval chain; and the chain's table on the
#: unit sheet (``ita_xl.xlsx.template``).
TEXT.update(
    {
        "memo.title": "บันทึกข้อความ",
        "memo.blank": "…………………………………………",
        "memo.office": "ส่วนราชการ",
        "memo.number": "ที่",
        "memo.date": "วันที่",
        "memo.topic": "เรื่อง",
        "memo.to": "เรียน",
        "memo.subject": (
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            "ประจำปีงบประมาณ พ.ศ. {year} และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
            "ประจำปีงบประมาณ พ.ศ. {measures_year}"
        ),
        "memo.intro": (
            "ตามที่ สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้ดำเนินการ"
            "ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency "
            "Assessment: ITA) ประจำปีงบประมาณ พ.ศ. {year} นั้น"
        ),
        "memo.result_total": "{unit}{space}มีผลคะแนนในภาพรวม {total} คะแนน",
        "memo.result_level": " อยู่ในระดับ{space}{level}",
        # the result and the work in one linked sentence, the unit named once, as seed 004's
        # ข้อเท็จจริง reads ("บัดนี้ สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมิน… ซึ่งเทศบาลตำบลเขาย้อย
        # มีผลคะแนนในภาพรวม…"; Thai review 9, 3: the unit twice, clauses unlinked); {actor} is the
        # preparing office where it is not the unit itself, else empty
        "memo.done_result": (
            "บัดนี้ สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมินแล้ว โดย{result} และ{actor}ได้วิเคราะห์ผลการประเมิน"
            "และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {measures_year} แล้ว "
            "รายละเอียดตามเอกสารแนบ"
        ),
        "memo.done": (
            "บัดนี้ {actor}ได้วิเคราะห์ผลการประเมินและจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
            "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {measures_year} แล้ว รายละเอียดตามเอกสารแนบ"
        ),
        "memo.request": "จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติให้เผยแพร่บนเว็บไซต์ของหน่วยงาน",
        "memo.sign": "(ลงชื่อ) ………………………………",
        "memo.name": "({name})",
        "memo.position": "ตำแหน่ง {blank}",
        # the seeds: "ความเห็นของหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลแก้ง....." (000), the last
        # one "ความเห็นนายกเทศมนตรี" with อนุมัติ and ไม่อนุมัติ (004)
        "memo.opinion": "ความเห็นของ{position} ……………",
        "memo.approval": "ความเห็นของ{position}",
        "memo.approve": "☐ อนุมัติ      ☐ ไม่อนุมัติ",
        "memo.chain_heading": "ผู้ให้ความเห็นและผู้อนุมัติ (บันทึกข้อความ)",
        "memo.chain_how": (
            "กรอกตามลำดับการเสนอ เช่น หัวหน้าสำนักปลัด ปลัด รองนายก แถวที่ว่างไม่พิมพ์ "
            "แถวสุดท้ายคือหัวหน้าหน่วยงานผู้อนุมัติ (ตำแหน่งใช้ในช่องเรียน)"
        ),
        "memo.chain_order": "ผู้ลงนาม",
        "memo.chain_pointer": "ผู้ให้ความเห็นและผู้อนุมัติ: กรอกในตารางแถว {row} ถึง {last}",
        "memo.chain_name": "ชื่อ-สกุล",
        "memo.chain_position": "ตำแหน่ง (ตามที่ลงนาม)",
        "memo.chain_role": "ความเห็นของ (ถ้าต่างจากตำแหน่ง เช่น ผู้รักษาราชการแทน)",
        "memo.chain_checker": "ผู้ตรวจสอบ",
        "memo.chain_opinion": "ผู้ให้ความเห็น",
        "memo.chain_head": "หัวหน้าหน่วยงาน (ผู้อนุมัติ)",
    }
)

#: The closing sections ข้อจำกัด and ข้อเสนอแนะ (``ita_xl.core.closing``): the sentences made from
#: the unit's figures (each a claim with its condition in tests/test_claims.py), the lists'
#: headings on the unit sheet, and the checks sheet's reminders when a list is left as the
#: template wrote it. The defaults true of every assessment are in library/document.toml.
TEXT.update(
    {
        "limits.no_indicators": (
            "ผลการประเมินที่ใช้ในการวิเคราะห์ไม่มีคะแนนรายตัวชี้วัดและรายข้อคำถาม การวิเคราะห์จึงทำได้ในระดับเครื่องมือ "
            "และไม่สามารถระบุตัวชี้วัดหรือข้อคำถามที่ควรปรับปรุงได้"
        ),
        "limits.some_indicators": (
            "ผลการประเมินที่ใช้ในการวิเคราะห์มีคะแนนไม่ครบทุกตัวชี้วัด และไม่มีคะแนนรายข้อคำถาม "
            "การวิเคราะห์รายตัวชี้วัดจึงครอบคลุมเฉพาะตัวชี้วัดที่มีคะแนน และไม่สามารถระบุข้อคำถามที่ควรปรับปรุงได้"
        ),
        "limits.no_questions": (
            "ผลการประเมินที่ใช้ในการวิเคราะห์ไม่มีคะแนนรายข้อคำถาม การวิเคราะห์จึงทำได้ในระดับตัวชี้วัด "
            "และไม่สามารถระบุข้อคำถามที่ควรปรับปรุงได้"
        ),
        # the weakest tool by name, as seed 003 closes each tool ("ควรรักษามาตรฐานไว้ และควรพัฒนา…")
        "recommend.tool_below": (
            "เร่งยกระดับผลการประเมินของ {tools} ซึ่งได้คะแนนต่ำสุดในบรรดาเครื่องมือการประเมิน ({score} คะแนน) "
            "และต่ำกว่าค่าเป้าหมาย {target} คะแนน เป็นลำดับแรก"
        ),
        "recommend.tool_lowest": (
            "รักษามาตรฐานของทุกเครื่องมือการประเมินซึ่งผ่านค่าเป้าหมาย {target} คะแนน และพัฒนาผลการประเมินของ {tools} "
            "ซึ่งได้คะแนนต่ำสุดในบรรดาเครื่องมือการประเมิน ({score} คะแนน) อย่างต่อเนื่อง"
        ),
        # seed 000 ข้อ ๖ (OIT): "เข้าถึงผ่าน URL บนเว็บไซต์หลักของหน่วยงานโดยตรง"; seed 003: "รักษามาตรฐานไว้"
        "recommend.oit_failing": (
            "เปิดเผยข้อมูลตามแบบวัด OIT ในข้อที่ยังไม่ผ่านเกณฑ์ {count} ข้อ {items} ให้ครบถ้วนและเป็นปัจจุบัน "
            "ผ่าน URL บนเว็บไซต์หลักของหน่วยงานโดยตรง และมอบหมายผู้รับผิดชอบข้อมูลแต่ละข้ออย่างชัดเจน"
        ),
        # (truth2) some OIT items blank: the count is of the items with a score, as the narrative says
        "recommend.oit_failing_known": (
            "เปิดเผยข้อมูลตามแบบวัด OIT ในบรรดาข้อที่มีคะแนน ข้อที่ยังไม่ผ่านเกณฑ์ {count} ข้อ {items} ให้ครบถ้วนและเป็นปัจจุบัน "
            "ผ่าน URL บนเว็บไซต์หลักของหน่วยงานโดยตรง และมอบหมายผู้รับผิดชอบข้อมูลแต่ละข้ออย่างชัดเจน"
        ),
        "recommend.oit_maintain": (
            "รักษามาตรฐานการเปิดเผยข้อมูลตามแบบวัด OIT ซึ่งผ่านเกณฑ์ทุกข้อ "
            "และปรับปรุงข้อมูลบนเว็บไซต์ของหน่วยงานให้เป็นปัจจุบันอย่างต่อเนื่อง"
        ),
        "recommend.eservice": (
            "พัฒนาระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service) ให้ใช้งานได้สะดวก รวดเร็ว "
            "และประชาสัมพันธ์ให้ผู้รับบริการทราบและใช้งาน เนื่องจากข้อที่เกี่ยวกับบริการออนไลน์ยังไม่ผ่านเกณฑ์ {items}"
        ),
        "recommend.eservice_mean": (
            "พัฒนาระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service) ให้ใช้งานได้สะดวก รวดเร็ว "
            "และประชาสัมพันธ์ให้ผู้รับบริการทราบและใช้งาน เนื่องจากข้อ {item} ได้ {score} คะแนน "
            "ต่ำกว่าคะแนนเฉลี่ยของข้อคำถามแบบวัด {instrument} ({mean} คะแนน)"
        ),
        "closing.heading.limitations": "ข้อจำกัด",
        "closing.heading.recommendations": "ข้อเสนอแนะ",
        "closing.heading": (
            "{title} (ข้อความเดิมหรือว่างทุกช่อง = ใช้ข้อความมาตรฐานและข้อความจากผลคะแนน "
            "แก้ไข ลบ หรือเพิ่มแล้ว = ใช้ตามที่พิมพ์)"
        ),
        "closing.note.limitations": (
            "ข้อจำกัดยังเป็นข้อความมาตรฐานของแม่แบบ รายงานจึงระบุเฉพาะข้อจำกัดของวิธีการประเมินและของข้อมูลที่มี "
            "ควรทบทวนและเพิ่มข้อจำกัดของหน่วยงานเองในรายการนี้ เมื่อแก้ไขแล้ว รายงานจะใช้รายการตามที่พิมพ์"
        ),
        "closing.note.recommendations": (
            "ข้อเสนอแนะยังเป็นข้อความมาตรฐานของแม่แบบ รายงานจึงใช้ข้อเสนอแนะทั่วไปและข้อเสนอแนะจากผลคะแนน "
            "ควรทบทวนและเพิ่มข้อเสนอแนะของหน่วยงานเอง เมื่อแก้ไขแล้ว รายงานจะใช้รายการตามที่พิมพ์ "
            "โดยไม่เพิ่มข้อความจากผลคะแนน"
        ),
        "checks.notes": "หมายเหตุ (ไม่ใช่ข้อผิดพลาด)",
    }
)

# --- (samples) a period the unit typed on the choices sheet, checked against the fiscal year
# of the measures (checks sheet only: the report prints the period as typed)
TEXT.update(
    {
        "checks.periods": "ระยะเวลาดำเนินการที่กรอกไว้ซึ่งควรตรวจทาน (มาตรการของปีงบประมาณ พ.ศ. {year})",
        "period.finding": (
            "ระยะเวลาดำเนินการที่กรอกไว้ “{typed}” {problems} "
            "ตารางมาตรการพิมพ์ตามที่กรอกไว้ หากไม่ได้ตั้งใจเช่นนั้นโปรดแก้ไขในเซลล์นี้"
        ),
        "period.outside": (
            "ไม่อยู่ภายในปีงบประมาณ พ.ศ. {year} ของมาตรการ (1 ตุลาคม {before} ถึง 30 กันยายน {year})"
        ),
        "period.long": "ครอบคลุม {months} เดือน เกินหนึ่งปีงบประมาณ (12 เดือน)",
        "period.reversed": "มีเดือนสิ้นสุดก่อนเดือนเริ่มต้น",
    }
)

# --- (thai7) review 7: wording of the checks and of the report that replaces them
TEXT.update(
    {
        # a check (ตรวจสอบ): an indicator's questions beyond the rounding of their printed scores
        # (viii) a year whose OIT list is not confirmed (provenance oit_questions): its items by title
        "measures.published_under_title": "เผยแพร่เป็นหลักฐานในหัวข้อ{title} (ITA ปีงบประมาณ พ.ศ. {year})",
        "progress.published_under_title": "เผยแพร่เป็นหลักฐานในหัวข้อ{title} (ITA ปีงบประมาณ พ.ศ. {year})",
        "progress.memo_request_title": (
            "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบโปรดอนุมัติให้เผยแพร่บนเว็บไซต์ของหน่วยงาน "
            "เป็นหลักฐานในหัวข้อ{title} ของการประเมิน ITA ปีงบประมาณ พ.ศ. {year}"
        ),
        # (N10) an OIT item not published, in section ๔: what its measure's steps do
        "oit.publish_advice": (
            "จัดทำ{titles}ให้ครบถ้วนตามรายละเอียดที่เกณฑ์การประเมิน OIT กำหนด "
            "และเผยแพร่บนเว็บไซต์ของหน่วยงาน ให้เข้าถึงได้จากหน้าหลัก"
        ),
        # (N5) under the totals table: the weighted column adds up to the total but for rounding
        "total.rounding_note": (
            "หมายเหตุ: คะแนนถ่วงน้ำหนักแต่ละเครื่องมือแสดงเป็นทศนิยมสองตำแหน่ง "
            "ผลรวมของคะแนนถ่วงน้ำหนักจึงอาจต่างจากคะแนนรวมเล็กน้อยจากการปัดเศษ"
        ),
        "measure.monitoring_year": " (รายงานผลเป็นหลักฐานของการประเมินปี {year})",
        "checks.items_likely": (
            "รายการข้อมูล OIT ของปีงบประมาณ พ.ศ. {year} (เลขข้อและชื่อข้อ) ยังไม่ได้รับการยืนยันจากคู่มือการประเมิน"
            "ของสำนักงาน ป.ป.ช. (สถานะของข้อมูล: {status}) ตารางมาตรการจึงอ้างหัวข้อที่ใช้เผยแพร่โดยไม่ระบุเลขข้อ "
            "ควรตรวจเลขข้อกับเอกสารของสำนักงาน ป.ป.ช. ก่อนเผยแพร่"
        ),
        "checks.partial_items": (
            " ข้อคำถามที่กรอกจึงเป็นคะแนนเพียงส่วนหนึ่งของตัวชี้วัด รายงานระบุเพียงว่าวิเคราะห์รายข้อได้บางส่วน"
        ),
    }
)
