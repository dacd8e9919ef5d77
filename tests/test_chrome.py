"""Web chrome is written once (zzgov/data/rules/chrome.yaml) and read by every reader: a footer
word ends a notice's task list, a report and a news article alike; what only one kind treats as
chrome stays in that kind's rule file."""

from __future__ import annotations

import pytest

from zzgov import rules
from zzgov.api import parse_text

# Each document goes on after the chrome line with text that would be read if the line were not
# chrome: a second task, a figure.
NOTICE = "关于印发重点工作任务分解的通知\n1. 建设学校。\n牵头单位：市教育局\n{line}\n2. 建设医院。\n牵头单位：市卫健委\n"
REPORT = "各位代表：\n一、2025年工作回顾\n全年生产总值增长5%。\n{line}\n去年新建学校30所。\n"
NEWS = "东岭新建学校\n2024-01-20 07:52:11 来源：东岭日报\n东岭今年将新建学校20所。\n{line}\n去年新建医院30所。\n"


@pytest.mark.parametrize("line", ["责编：林小舟", "（责编：林小舟）", "相关报道：东岭两会", "【打印本页】【关闭窗口】",
                                  "编辑：何继红", "版权所有 东岭日报社"])
def test_a_footer_line_ends_the_text_of_every_kind(line):
    notice = parse_text(NOTICE.format(line=line), kind="notice")
    assert [(t.text, t.lead_units) for t in notice.tasks] == [("建设学校。", ["市教育局"])]
    report = parse_text(REPORT.format(line=line), kind="report")
    assert report.sections[0].span.end <= REPORT.index("{line}")
    assert [f.value for f in report.figures] == [5]
    news = parse_text(NEWS.format(line=line), kind="news")
    assert [f.value for f in news.figures] == [20]


def test_the_sponsor_label_is_a_notice_field_and_a_report_trailer():
    notice = parse_text("1. 建设学校。\n主办单位：市教育局\n", kind="notice")
    assert notice.tasks[0].lead_units == ["市教育局"]
    report = parse_text(REPORT.format(line="主办单位：东岭市人民政府办公室"), kind="report")
    assert [f.value for f in report.figures] == [5]


def test_detection_counts_the_chrome_files_site_words():
    from zzgov.parsers import detect

    site = next(f for f in detect.FEATURES if f.name == "site_chrome")
    for word in rules.fragment_words("news_site_word"):
        assert site.pattern.search(word) and word in detect.NEEDLES["site_chrome"]
    assert rules.load("chrome").pattern("footer").match("责任编辑：赵敏")
