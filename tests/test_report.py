"""Government work reports: meta, the review/plan section tree, headline targets, messy text."""

from __future__ import annotations

import json
import random
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import raw_path, seed_doc
from zzgov.api import parse_path, parse_text
from zzgov.parsers.report import analyse_report, expected_targets_spans, parse_report, part_of_heading
from zzgov.text.plus import lost_plus, restore_plus
from zzgov.text.reflow import display_width, join, paragraphs, wrap_width

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
REPORT_002 = "002_dd6a1c3c8da025d0"
REPORT_003 = "003_99ba95607cb2e136"


def squeeze(s: str) -> str:
    """Text without blanks and line breaks, for comparing wording across hard wraps."""
    return "".join(s.split())


def headline_text(text: str) -> str:
    return "".join(squeeze(text[a:b]) for a, b in expected_targets_spans(text))


def outline(doc) -> list[list]:
    return [[s.level, s.label, s.title, s.part] for s in doc.sections]


# ---------------------------------------------------------------------------------------
# Hand-made fixtures


@pytest.mark.parametrize("name", CASES)
def test_fixture(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    want = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    doc = parse_text(text)
    assert doc.kind == want["kind"]
    got_meta = doc.meta.model_dump()
    assert {k: got_meta[k] for k in want["meta"]} == want["meta"]
    assert outline(doc) == want["sections"]
    hl = headline_text(text)
    for target in want["headline_contains"]:
        assert squeeze(target) in hl
    for w in want["warnings_contain"]:
        assert any(w in x for x in doc.warnings), doc.warnings


@pytest.mark.parametrize("name", CASES)
def test_every_section_is_review_or_plan_and_points_into_the_text(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    for s in parse_report(text).sections:
        assert s.part in ("review", "plan")
        assert 0 <= s.span.start < s.span.end <= len(text)
        if s.level == 3:  # a topic sentence's span is the sentence itself
            assert squeeze(text[s.span.start:s.span.end]).startswith(s.title[:4])


def test_web_chrome_stays_out_of_the_body():
    text = (FIXTURES / "web_chrome.txt").read_text(encoding="utf-8")
    a = analyse_report(text)
    body = text[a.body[0]:a.body[1]]
    assert body.startswith("各位代表")
    for chrome in ("首页", "字号", "本报记者 李明 摄", "相关报道", "名词解释", "三个一百", "打印本页"):
        assert chrome not in body
    assert all("名词" not in s.title and "相关" not in s.title for s in a.sections)


# ---------------------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def doc_002():
    return seed_doc(REPORT_002)


@pytest.fixture(scope="module")
def doc_003():
    return seed_doc(REPORT_003)


def test_002_meta(doc_002):
    assert doc_002.kind == "report"
    assert doc_002.meta.speaker == "庄建球"
    assert doc_002.meta.speaker_title == "郑州市人民政府市长"
    assert doc_002.meta.year == 2026


def test_002_sections(doc_002):
    levels = [s.level for s in doc_002.sections]
    assert levels.count(1) == 3
    assert levels.count(2) == 17
    l1 = [(s.title, s.part) for s in doc_002.sections if s.level == 1]
    assert l1 == [("2025年及“十四五”工作回顾", "review"), ("“十五五”发展主要目标任务", "plan"), ("2026年工作安排", "plan")]
    topics = [s.title for s in doc_002.sections if s.level == 3]
    assert topics[0] == "消费潜力有效释放"
    assert "深入实施“人工智能+”行动" in topics  # the lost `+` put back
    assert all(s.part in ("review", "plan") for s in doc_002.sections)


def test_002_headline_targets():
    text = raw_path(REPORT_002).read_text(encoding="utf-8")
    hl = headline_text(text)
    for target in ("地区生产总值增长5%以上", "固定资产投资增长5%左右", "规上工业增加值增长8.5%左右",
                   "社会消费品零售总额增长5.5%左右", "一般公共预算收入增长2%"):
        assert target in hl
    assert "2万亿元" not in hl  # the five-year goals are not this year's headline targets


def test_002_warns_about_lost_plus(doc_002):
    assert any("“1 2 4 N”" in w and "'+'" in w for w in doc_002.warnings)


def test_003_meta(doc_003):
    assert doc_003.kind == "report"
    assert doc_003.meta.year == 2020
    assert doc_003.meta.continued_from == "一版"
    assert doc_003.meta.continued_to == "三版"


def test_003_headline_targets():
    text = raw_path(REPORT_003).read_text(encoding="utf-8")
    hl = headline_text(text)
    for target in ("生产总值增长6.5%左右", "一般公共预算收入增长7%左右", "消费价格指数涨幅控制在3.5%左右",
                   "全社会研发投入经费增长15%左右", "登记失业率控制在4%以内"):
        assert target in hl


def test_003_reflowed_headings(doc_003):
    titles = [(s.level, s.title, s.part) for s in doc_003.sections]
    assert (2, "推动转型升级，现代产业体系加快构建", "review") in titles  # before any L1 heading
    assert (3, "制造业高质量发展态势强劲", "review") in titles  # run into its heading line
    assert (1, "2020年政府工作总体要求和主要预期目标", "plan") in titles  # wrapped onto a second line
    assert (2, "统筹推进疫情防控与经济平稳健康发展", "plan") in titles  # glued: `…发\n\n展。坚持…`
    assert (2, "高品质推进城市建设和管理", "plan") in titles


# ---------------------------------------------------------------------------------------
# Behaviours, one snippet each


def test_speaker_and_title_split_at_the_blank():
    meta = parse_report("云岭自治区人民政府主席 韦明达\n各位代表：\n一、2023年工作回顾\n").meta
    assert (meta.speaker_title, meta.speaker) == ("云岭自治区人民政府主席", "韦明达")


def test_speaker_on_two_lines():
    meta = parse_report("东岭市人民政府代市长\n韩启明\n各位代表：\n一、2023年工作回顾\n").meta
    assert (meta.speaker_title, meta.speaker) == ("东岭市人民政府代市长", "韩启明")


def test_glued_heading_ends_at_its_first_sentence():
    secs = parse_report("三、2022年重点工作\n（一）全力稳住经济大盘。坚持项目为王，完成投资800亿元。\n").sections
    assert [(s.label, s.title) for s in secs] == [("三", "2022年重点工作"), ("（一）", "全力稳住经济大盘")]


def test_topic_sentence_only_opens_a_paragraph():
    text = "一、2023年工作回顾\n工业生产加快回升。全年增长6%。服务业稳步发展。\n过去一年，我们攻坚克难。\n"
    assert [s.title for s in parse_report(text).sections if s.level == 3] == ["工业生产加快回升"]


def test_markdown_bold_headings():
    text = "**一、2023年工作回顾**\n## （一）稳住经济大盘\n**消费持续恢复。**全年增长6%。\n"
    assert [(s.level, s.title) for s in parse_report(text).sections] == [
        (1, "2023年工作回顾"), (2, "稳住经济大盘"), (3, "消费持续恢复")]


def test_enumerations_are_not_topics():
    text = "一、2023年工作回顾\n一是经济运行稳中向好。全年增长5%。\n"
    assert [s.level for s in parse_report(text).sections] == [1]


@pytest.mark.parametrize("title, part", [
    ("2023年工作回顾", "review"), ("过去五年工作回顾", "review"), ("2024年工作安排", "plan"),
    ("今年工作安排", "plan"), ("2021年重点工作", "plan"), ("2020年政府工作总体要求和主要预期目标", "plan"),
    ("全面加强政府自身建设", "plan"), ("聚力稳增长、扩内需", None),
])
def test_part_of_heading(title, part):
    assert part_of_heading(title) == part


def test_headline_span_covers_a_targets_list():
    text = ("二、2024年工作安排\n今年主要预期目标是：\n——生产总值增长5%左右；\n——城镇新增就业6万人以上。\n"
            "实现上述目标，需要付出艰苦努力。\n")
    (a, b), = expected_targets_spans(text)
    assert text[a:b].startswith("主要预期目标是") and text[a:b].endswith("6万人以上。")


@pytest.mark.parametrize("sentence", [
    "今年全市经济社会发展的主要预期目标是地区生产总值增长6%左右，城镇新增就业7万人。",
    "今年经济社会发展主要预期目标建议为：地区生产总值增长6%左右，城镇新增就业7万人。",
    "2024年全省经济社会发展的主要目标是：地区生产总值增长6%左右，城镇新增就业7万人。",
])
def test_expected_targets_wordings(sentence):
    text = f"二、2024年工作安排\n{sentence}\n"
    (a, b), = expected_targets_spans(text)
    assert text[a:b].endswith("城镇新增就业7万人。") and "增长6%左右" in text[a:b]


def test_numbered_targets_list_is_no_headings():
    text = "二、2024年工作安排\n今年主要预期目标是：\n1.地区生产总值增长6%左右；\n2.城镇新增就业8万人以上。\n（一）扩大内需\n"
    (a, b), = expected_targets_spans(text)
    assert text[a:b].endswith("8万人以上。")
    assert [s.title for s in parse_report(text).sections] == ["2024年工作安排", "扩大内需"]


def test_five_year_goals_are_not_headline_targets():
    text = "二、“十五五”发展主要目标任务\n今后五年发展的主要目标是：地区生产总值达到2万亿元。\n"
    assert expected_targets_spans(text) == []


@pytest.mark.parametrize("written, restored", [
    ("深入实施“人工智能 ”行动", "深入实施“人工智能+”行动"),
    ("推进“地铁 公交”融合", "推进“地铁+公交”融合"),
    ("深化运用“党建 网格 大数据”模式", "深化运用“党建+网格+大数据”模式"),
    ("实施“1 2 4 N”计划", "实施“1 2 4 N”计划"),  # ambiguous: left as written
    ("举办“Open Day”活动", "举办“Open Day”活动"),  # English words keep their space
    ("开启“ 十五五 ”新征程", "开启“ 十五五 ”新征程"),  # padding, not a lost `+`
])
def test_restore_plus(written, restored):
    assert restore_plus(written) == restored


def test_lost_plus_sites():
    text = "实施“1 2 4 N”计划和“人工智能 ”行动，举办“Open Day”。"
    sites = lost_plus(text)
    assert [text[s.start:s.end] for s in sites] == ["1 2 4 N", "人工智能 "]
    assert [s.restored for s in sites] == [None, "人工智能+"]


def test_plan_year_from_review_year_when_the_plan_heading_has_none():
    text = "各位代表：\n一、2022年工作回顾\n经济运行稳中向好。全年增长5%。\n二、今年工作安排\n扩大有效投资。完成投资500亿元。\n"
    assert parse_report(text).meta.year == 2023


def test_plan_year_from_the_delivery_line():
    text = "——2025年1月18日在东岭市第十七届人民代表大会第五次会议上\n各位代表：\n一、过去一年工作回顾\n二、今年工作安排\n"
    assert parse_report(text).meta.year == 2025


# ---------------------------------------------------------------------------------------
# Figures: kind from the part, headline flags (with a stand-in extractor)


def _stub_extractor(monkeypatch):
    """A stand-in for zzgov.figures: every `N%` is a figure of the region's default kind."""
    import regex

    from zzgov.figures import RawFigure

    def extract_figures(text, start=0, end=None, *, default_kind="target", view=None):
        out = []
        for m in regex.finditer(r"\d+(?:\.\d+)?%", text[start:end]):
            out.append(RawFigure(start + m.start(), start + m.end(), None, float(m[0][:-1]), None, "%", "=",
                                 None, default_kind or "target", False, None, None))
        return out

    monkeypatch.setitem(__import__("sys").modules, "zzgov.figures",
                        types.SimpleNamespace(extract_figures=extract_figures))


def test_figures_take_their_kind_from_the_part(monkeypatch):
    _stub_extractor(monkeypatch)
    text = (FIXTURES / "web_chrome.txt").read_text(encoding="utf-8")
    figs = parse_report(text).figures
    by_value = {(f.value, f.kind, f.headline) for f in figs}
    assert (4.8, "actual", False) in by_value  # 一、2022年工作回顾
    assert (6.5, "target", True) in by_value  # 主要预期目标
    assert all(f.span.end <= text.index("相关报道") for f in figs)  # no figures from the glossary


# ---------------------------------------------------------------------------------------
# Reflow


WRAPPED = ("制造业高质量发展态势强劲。新增省级制造业创\n\n新中心4家。高技术产业增长10.9%，战略性新兴产业\n"
           "增长12.4%，上汽数据中心等243个项目开工建设，明\n泰铝业高精铝板带箔生产线等246个项目竣工。\n\n") * 3


def test_wrap_width_detects_newspaper_columns():
    from zzgov.text import split_lines

    assert wrap_width(split_lines(WRAPPED)) is not None
    one_per_line = "消费潜力有效释放。全年社会消费品零售总额增长6%，新开业首店120家。\n" * 10
    assert wrap_width(split_lines(one_per_line)) is None


def test_paragraphs_join_wrapped_lines_and_keep_offsets():
    paras = paragraphs(WRAPPED)
    assert len(paras) == 3
    j = join(WRAPPED, paras[0])
    assert j.text.startswith("制造业高质量发展态势强劲。新增省级制造业创新中心4家。")
    k = j.text.index("新中心")
    a, b = j.span(k, k + 3)
    assert WRAPPED[a:b] == "新中心"


def test_paragraphs_cover_every_line_once_and_map_back():
    rng = random.Random(7)
    words = ["新增", "企业", "12家", "增长8.6%", "。", "，", "“青梧”", "（二）", "\n", "\n\n", " "]
    for _ in range(50):
        text = "".join(rng.choice(words) for _ in range(rng.randint(50, 400)))
        paras = paragraphs(text, width=20)
        lines = [ln for p in paras for ln in p.lines]
        assert [ln.start for ln in lines] == sorted(ln.start for ln in lines)
        for p in paras:
            j = join(text, p)
            assert all(text[j.span(i, i + 1)[0]] == ch for i, ch in enumerate(j.text))


def test_display_width():
    assert display_width("增长10.9%") == 4 + 5


# ---------------------------------------------------------------------------------------
# Never raise


@pytest.mark.parametrize("text", [
    "", "\n\n", "一、", "（一）", "各位代表", "（上接一版）", "主要预期目标：", "“ ”", "“1 ”", "市长 ",
    "一、\n（一）\n1.\n" * 50, "。" * 1000, "“" * 500, "a\nb\n" * 500,
])
def test_odd_input_does_not_raise(text):
    parse_report(text)
    parse_text(text, kind="report")


def test_random_garbage_does_not_raise():
    rng = random.Random(4)
    alphabet = "一二三、（）()。，：:“” \n\u3000各位代表市长预期目标增长%0123456789上接下转版关键词|【】#"
    for _ in range(200):
        parse_report("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300))))


# ---------------------------------------------------------------------------------------
# With the real figure extractor (skipped until zzgov.figures is present)


@pytest.mark.parametrize("stem, wording", [
    (REPORT_002, ["地区生产总值", "固定资产投资", "规上工业增加值", "社会消费品零售总额", "一般公共预算收入"]),
    (REPORT_003, ["生产总值", "一般公共预算收入", "消费价格指数", "全社会研发投入经费", "登记失业率"]),
])
def test_seed_headline_figures(stem, wording):
    pytest.importorskip("zzgov.figures")
    doc = parse_path(raw_path(stem))
    headline = [f for f in doc.figures if f.headline]
    assert len(headline) == 5
    assert all(f.kind == "target" for f in headline)
    text = raw_path(stem).read_text(encoding="utf-8")
    spans = expected_targets_spans(text)
    assert all(any(a <= f.span.start < b for a, b in spans) for f in headline)
    for metric in wording:
        assert any(metric in (f.metric or "") for f in headline)


def test_min_topic_chars_is_the_shortest_topic_match():
    """Paragraphs shorter than MIN_TOPIC_CHARS skip the topic test (hard-wrapped text can have
    a paragraph per character); the constant must be TOPIC's shortest match."""
    import re

    from zzgov.parsers.report import MIN_TOPIC_CHARS, R

    assert MIN_TOPIC_CHARS == re._parser.parse(R.topic.pattern).getwidth()[0]


def test_min_expected_targets_chars_is_the_shortest_match():
    import re

    from zzgov.parsers.report import MIN_EXPECTED_TARGETS_CHARS, R

    assert MIN_EXPECTED_TARGETS_CHARS == re._parser.parse(R.expected_targets.pattern).getwidth()[0]


def test_every_expected_targets_match_holds_the_word_searched_for_first():
    """_scan_targets searches only paragraphs holding EXPECTED_TARGETS_WORD: each alternative
    of the pattern must spell the word out at its top level (not inside an optional part)."""
    import re

    from zzgov.parsers.report import EXPECTED_TARGETS_WORD, R

    tree = re._parser.parse(R.expected_targets.pattern)
    (op, (_, alternatives)), = tree.data
    assert op is re._constants.BRANCH and len(alternatives) == 2
    word = [(re._constants.LITERAL, ord(ch)) for ch in EXPECTED_TARGETS_WORD]
    for alt in alternatives:
        items = list(alt.data)
        assert any(items[k:k + len(word)] == word for k in range(len(items))), alt


def test_mark_start_admits_every_heading_mark():
    """_heading_mark tries the three marks only where R.mark_start matches: every string one of
    them matches must start with a character R.mark_start admits."""
    import itertools

    from zzgov.parsers.report import R

    alphabet = "一十两〇○百零二(（)）、.．12 3工"
    tried = 0
    for n in (1, 2, 3, 4):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            if any(p.match(s) for p in (R.l1_mark, R.l2_mark, R.l3_mark)):
                tried += 1
                assert R.mark_start.match(s), s
    assert tried > 1000



def _lost_plus_reading_every_quotation(text):
    """lost_plus as first written: every quotation judged (lost_plus now scans only the
    quotations with a blank inside)."""
    from zzgov.text.plus import QUOTED, plus_site

    return [site for site in map(plus_site, QUOTED.finditer(text)) if site is not None]


def test_lost_plus_finds_what_reading_every_quotation_finds_on_the_corpus():
    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/**/*.txt"))
    found = 0
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        want = _lost_plus_reading_every_quotation(text)
        assert lost_plus(text) == want, p.name
        found += len(want)
    assert found > 0


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["“", "”", " ", "\u3000", "人工智能", "地铁", "1", "N", "\n", "公交", "x" * 30]),
                max_size=30))
def test_lost_plus_finds_what_reading_every_quotation_finds_on_any_text(pieces):
    text = "".join(pieces)
    assert lost_plus(text) == _lost_plus_reading_every_quotation(text)


def test_part_headings_that_lost_their_numbers_still_open_the_parts():
    # a newspaper reprint prints `“十四五”时期工作回顾` and `2026年重点工作` as plain lines:
    # the review's figures are results, the plan's targets; a sentence is no heading
    text = "\n".join([
        "2026年青川省政府工作报告", "各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。",
        "“十四五”时期工作回顾",
        "全省地区生产总值达到13697.5亿元，规模以上工业企业增加到3382户。",
        "2026年重点工作",
        "全省地区生产总值增长5.5%左右，新增城镇就业30万人。",
        "这是重点工作取得突破的五年", ""])
    doc = parse_report(text)
    assert [(s.title, s.part) for s in doc.sections if s.level == 1] == [
        ("“十四五”时期工作回顾", "review"), ("2026年重点工作", "plan")]
    assert [(f.value, f.kind) for f in doc.figures] == [
        (13697.5, "actual"), (3382, "actual"), (5.5, "target"), (30, "target")]


def test_a_part_heading_naming_no_part_is_the_plan_when_its_text_plans():
    # `二、一鼓作气勇争先，…` names no part; its text sets out plans, many times more often
    # than it states results: the plan begins there (reports run review, then plan)
    plan = "".join(f"要加快推进第{k}批项目，着力扩大投资，确保新开工项目{k * 10}个。" for k in range(1, 5))
    text = "\n".join([
        "2026年青川省政府工作报告", "各位代表：", "现在，我代表省人民政府向大会报告工作，请予审议。",
        "一、一年接着一年干，新青川建设取得新成效",
        "全省地区生产总值实现增长5.6%，同比增加1200亿元。",
        "二、一鼓作气勇争先，全力推动“十五五”开好局",
        plan, ""])
    doc = parse_report(text)
    assert [s.part for s in doc.sections if s.level == 1] == ["review", "plan"]
    assert {f.kind for f in doc.figures if f.unit == "个"} == {"target"}


def test_unnumbered_part_headings_with_an_emoji_after_them_and_after_the_sentence_before():
    # a page that decorates lines with emoji: `…工作报告。🌟` still ends its paragraph, and
    # `回顾2023年工作成果🏆` / `展望2024年工作目标🎯` open the review and the plan
    text = "\n".join([
        "青岭县2024工作报告📜", "各位代表：", "现在，我代表县人民政府，向大家汇报2024年的工作报告。🌟",
        "回顾2023年工作成果🏆", "过去的一年，全县人民团结奋进。",
        "经济发展稳中向好，全县GDP增长6%，财政收入增长5%。📈",
        "展望2024年工作目标🎯", "2024年，我们将继续奋斗。", "经济高质量发展，确保GDP增长7%。", ""])
    doc = parse_text(text, kind="report")
    assert [(s.title, s.part) for s in doc.sections] == [
        ("回顾2023年工作成果🏆", "review"), ("展望2024年工作目标🎯", "plan")]
    assert [(f.value, f.kind) for f in doc.figures] == [(6, "actual"), (5, "actual"), (7, "target")]


def test_a_work_summary_names_its_parts_in_its_headings():
    # a department's 工作总结 (no report, no news): `一、今年以来工作情况` is done, `二、明年工作计划`
    # planned; 今年 inside the summary is the year of the work done, not a plan's
    text = "\n".join([
        "某县交通运输局2023年工作总结和2024年工作计划",
        "一、今年以来工作情况", "（一）各项目标任务完成情况",
        "今年，我局积极抓好争资立项工作。向上争取车购税项目7个，建设里程327.05公里。",
        "二、明年工作计划", "新开工农村公路改造项目12个。", ""])
    doc = parse_text(text, kind="unknown")
    assert [(s.title, s.part) for s in doc.sections] == [
        ("今年以来工作情况", "review"), ("各项目标任务完成情况", "review"), ("明年工作计划", "plan")]
    assert [(f.value, f.kind) for f in doc.figures] == [(7, "actual"), (327.05, "actual"), (12, "target")]


def test_a_plan_reports_tasks_done_under_its_review_part():
    # 计划执行情况与计划草案: `（一）重点任务完成情况` names tasks, but says what was done with
    # them; its figures are results, as the part it stands in
    text = "\n".join([
        "关于某市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告", "各位代表:",
        "一、2025年国民经济和社会发展计划执行情况",
        "（一）重点任务完成情况",
        "经济运行稳中提质。全年地区生产总值增长4.6%,规上工业增加值增长6.9%。",
        "二、2026年国民经济和社会发展计划草案",
        "（一）主要预期目标",
        "地区生产总值增长5%左右。", ""])
    doc = parse_text(text, kind="report")
    assert [s.part for s in doc.sections if s.title.startswith("重点任务")] == ["review"]
    assert [(f.value, f.kind) for f in doc.figures] == [(4.6, "actual"), (6.9, "actual"), (5, "target")]
