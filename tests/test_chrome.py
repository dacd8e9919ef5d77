"""Web chrome is written once (zzgov/data/rules/chrome.yaml) and read by every reader: a footer
word ends a notice's task list, a report and a news article alike; what only one kind treats as
chrome stays in that kind's rule file."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# The footer looks ahead for a character its text can open with before it tries its words
# (a speed-up: regex fails an ordinary line at once).  That set must name every word's first
# character, and the footer must match exactly where it matched without the lookahead.

def _footer_as_first_written():
    import regex

    pattern = rules.load("chrome").pattern("footer").pattern
    lookahead = rules.expand("(?={{footer_first}}|.ICP备)")
    assert lookahead in pattern
    return regex.compile(pattern.replace(lookahead, "", 1))


def test_footer_first_names_the_first_character_of_every_footer_word():
    words = [w for name in ("news_site_word", "footer_word", "footer_label") for w in rules.fragment_words(name)]
    first = rules.fragments()["footer_first"]
    assert first.startswith("[") and first.endswith("]")
    assert set(first[1:-1]) == {w[0] for w in words} | {"I", "C", "c"}  # ICP备, copyright/Copyright


def test_the_footer_matches_where_it_matched_without_its_lookahead():
    from pathlib import Path

    from zzgov.text import split_lines

    footer, plain = rules.load("chrome").pattern("footer"), _footer_as_first_written()
    root = Path(__file__).resolve().parents[1]
    lines = [ln.text for p in sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/**/*.txt"))
             for ln in split_lines(p.read_text(encoding="utf-8", errors="replace"))]
    rule = rules.load("chrome").rules["footer"]
    lines += list(rule.examples) + list(rule.counter_examples) + ["COPYRIGHT 2024", "豫ICP备1号", "ICP备1号", "## 责编：王", "*相关文件:"]
    hits = 0
    for s in lines:
        assert bool(footer.match(s)) == bool(plain.match(s)), s
        hits += bool(footer.match(s))
    assert hits >= len(rule.examples)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["#", "## ", "*", "**", " ", "相关报道", "责编", "（责编", "编辑", "：", ":", "豫", "ICP备",
                                 "Copyright", "cOpYrIgHt", "版权所有", "相关", "市", "1"]), max_size=8))
def test_the_footer_matches_where_it_matched_without_its_lookahead_on_any_line(pieces):
    s = "".join(pieces)
    assert bool(rules.load("chrome").pattern("footer").match(s)) == bool(_footer_as_first_written().match(s))
