"""Kind detection: a scored decision with a confidence; --kind overrides; unknown is generic."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import raw_path
from zzgov.api import parse_text
from zzgov.parsers.detect import FEATURES, detect_kind, kind_scores

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {
    "000_d53af9a925e43872": "news",
    "001_87fdf972b4e7a4f0": "notice",
    "002_dd6a1c3c8da025d0": "report",
    "003_99ba95607cb2e136": "report",
    "004_66ae2ada72c6f6af": "news",
}
HAND_MADE = [(p, kind) for kind, folder in (("notice", "notices"), ("report", "reports"), ("news", "news"))
             for p in sorted((FIXTURES / folder).glob("*.txt"))]


@pytest.mark.parametrize("stem, kind", sorted(SEEDS.items()))
def test_seeds(stem, kind):
    got, confidence = detect_kind(raw_path(stem).read_text(encoding="utf-8"))
    assert got == kind
    assert 0.85 <= confidence <= 1.0


@pytest.mark.parametrize("path, kind", HAND_MADE, ids=[f"{k}/{p.stem}" for p, k in HAND_MADE])
def test_hand_made_documents(path, kind):
    got, confidence = detect_kind(path.read_text(encoding="utf-8"))
    assert got == kind
    assert confidence >= 0.6


def test_features_are_named_and_weighted():
    names = [f.name for f in FEATURES]
    assert len(names) == len(set(names))
    assert all(f.weights and f.cap >= 1 for f in FEATURES)


def test_a_report_copied_from_a_news_site_is_still_a_report():
    text = ("来源：槐安日报 时间：2023-01-16 09:12\n本报记者 李明 摄\n相关新闻\n"
            "槐安市人民政府市长 周立新\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
            "一、2022年工作回顾\n二、2023年工作安排\n")
    scores = kind_scores(text)
    assert scores["news"] > 0
    assert detect_kind(text)[0] == "report"


def test_news_about_a_report_is_news():
    text = ("东岭：政府工作报告提出今年目标\n2024-01-15 09:30 来源：东岭日报\n"
            "本报讯（记者 陈静）政府工作报告提出，今年主要预期目标是地区生产总值增长6%左右。\n")
    assert detect_kind(text)[0] == "news"


def test_a_congress_told_in_the_third_person_is_news():
    # no byline or source line: the opening of the congress and the report made by the head
    # of government, told, are what mark the news
    opened = ("昨日，备受瞩目的县第十六届人民代表大会第三次会议在县大礼堂隆重开幕。\n"
              "大会应到代表286名，实到271名。\n")
    assert detect_kind(opened)[0] == "news"
    made = "近日，在青川县第十七届人民代表大会第二次会议上，县长周立新作政府工作报告，回顾了过去一年的工作。\n"
    assert detect_kind(made)[0] == "news"
    # the same words broken by pinyin readings (`會(huì)議`) still count
    readings = "1月15日上午隆重開(kāi)幕的青川縣十七屆人大三次會(huì)議上，縣長周立新作《政府工作報(bào)告》。\n"
    assert detect_kind(readings)[0] == "news"
    # a session said to have met, and the report cited as the source of what follows
    cited = ("青川：加快建设临港物流园\n2 月 5 日，青川市第十六届人民代表大会第六次会议召开。"
             "据青川市政府工作报告，2026 年青川市经济社会发展的主要预期目标是：地区生产总值增长 6% 左右。\n")
    assert detect_kind(cited)[0] == "news"
    # a report speaking of its own congress is still a report
    own = ("各位代表：\n自市十五届人大一次会议召开以来，我们认真落实大会决议。"
           "现在，我代表市人民政府向大会报告工作，请予审议。\n")
    assert detect_kind(own)[0] == "report"


def test_a_page_of_a_report_reprinted_in_parts_is_a_report():
    text = ("2023年青川省政府工作报告(第2/9页)\n"
            "五是系统推进重点工作。全省产业投资增长11.3%，新能源汽车产量增长2倍。\n")
    assert detect_kind(text)[0] == "report"


def test_too_little_evidence_is_unknown_and_parsed_generically():
    text = "春天来了\n一、踏青\n公园里的花开了，游人很多。\n二、植树\n我们种下了10棵树。\n"
    kind, confidence = detect_kind(text)
    assert kind == "unknown" and 0 <= confidence <= 1
    doc = parse_text(text)
    assert doc.kind == "unknown"
    assert [s.title for s in doc.sections] == ["踏青", "植树"]
    assert any("not recognised" in w for w in doc.warnings)


def test_kind_override_skips_detection():
    text = raw_path("002_dd6a1c3c8da025d0").read_text(encoding="utf-8")
    doc = parse_text(text, kind="news")
    assert doc.kind == "news" and doc.kind_confidence is None


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "号" * 1000, "各位代表" * 10_000])
def test_odd_input(text):
    kind, confidence = detect_kind(text)
    assert kind in ("notice", "report", "news", "unknown")
    assert 0 <= confidence <= 1


def test_feature_needles_are_words_every_hit_contains():
    """NEEDLES let detection skip a feature's scan; that is only sound if no hit lacks them."""
    from pathlib import Path

    from zzgov.parsers.detect import FEATURES, HEAD_CHARS, NEEDLES
    from zzgov.text import fold

    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/*/*.txt"))
    assert files
    names = {f.name for f in FEATURES}
    assert set(NEEDLES) <= names
    for path in files:
        text = fold(path.read_text(encoding="utf-8")[:HEAD_CHARS])
        for feat in FEATURES:
            for m in feat.pattern.finditer(text) if feat.name in NEEDLES else ():
                assert any(n in m.group() for n in NEEDLES[feat.name]), (path.name, feat.name, m.group())


# Neutral prose: no feature of any kind matches it.
_FILLER = "城市建设稳步推进，生态环境持续改善，群众生活不断提高。\n"


def test_an_undecided_first_look_reads_the_long_head():
    """A report that only shows itself after the first look (a newspaper page with other
    stories above it) is still found: the short look is not decisive, so the long head is read."""
    from zzgov.parsers.detect import FIRST_LOOK_CHARS, HEAD_CHARS

    report = ("槐安市人民政府市长 周立新\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
              "一、2022年工作回顾\n二、2023年工作安排\n")
    filler = _FILLER * (FIRST_LOOK_CHARS // len(_FILLER) + 10)
    text = filler + report + filler * 3
    assert FIRST_LOOK_CHARS < len(filler) < HEAD_CHARS
    assert detect_kind(text)[0] == "report"


def test_a_notice_tail_counts_however_long_the_notice():
    """The 版记 (抄送 …, … 印发) ends a 公文: it is read even past the long head."""
    from zzgov.parsers.detect import HEAD_CHARS

    head = "郑州市人民政府办公厅\n郑政办〔2020〕29号\n关于印发重点工作任务分解的通知\n1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n"
    body = _FILLER * (HEAD_CHARS // len(_FILLER) + 10)
    tail = "抄送：市委各部门。\n郑州市人民政府办公厅 2020年5月27日印发\n"
    with_tail, without = kind_scores(head + body + tail), kind_scores(head + body)
    assert with_tail["notice"] - without["notice"] == 4.0  # both 版记 lines, weight 2.0 each


# ---------------------------------------------------------------------------------------
# Line-anchored features open with a line feed instead of `(?m)^` (see detect.py): the same
# hits on the look string, which starts with a line feed, as the `^` spelling on the text.

LF_OPENING = r"(?m)\n"  # as written in the pattern: a backslash and an n
LINE_FEATURES = [f for f in FEATURES if f.pattern.pattern.startswith(LF_OPENING)]


def _hits(pattern, text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _caret_spelling(pattern):
    import regex

    return regex.compile("(?m)^" + pattern.pattern[len(LF_OPENING):], pattern.flags)


def test_line_features_are_the_line_anchored_re_features():
    assert {f.name for f in LINE_FEATURES} >= {"field_lines", "task_then_field", "recipients", "gongwen_tail",
                                               "report_part_heads", "report_speaker", "keyword_heads"}


@pytest.mark.parametrize("feat", LINE_FEATURES, ids=[f.name for f in LINE_FEATURES])
def test_line_feed_spelling_counts_what_the_caret_spelling_counts(feat):
    from zzgov.text import fold

    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    caret = _caret_spelling(feat.pattern)
    for t in texts:
        f = fold(t)
        assert _hits(feat.pattern, "\n" + f) == _hits(caret, f)


_LINE_PIECES = ["\n", "\n\n", " ", "\u3000", "1.", "12、", "一、", "各县（市、区）人民政府", ":", "：", "抄送", "日印发",
                "责任单位", "牵头单位", "2024年工作回顾", "郑州市市长", " 王明", "关键词", "|", "#", "建设学校。", "印发"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=40))
def test_line_feed_spelling_counts_the_same_on_any_text(pieces):
    from zzgov.text import fold

    f = fold("".join(pieces))
    for feat in LINE_FEATURES:
        assert _hits(feat.pattern, "\n" + f) == _hits(_caret_spelling(feat.pattern), f), feat.name


# ---------------------------------------------------------------------------------------
# Word features are counted with str.count (see words_feature): the same hits as their
# pattern's scan, which holds only when occurrences of the words cannot overlap.

WORD_FEATURES = [f for f in FEATURES if f.words]


def test_word_features_are_the_plain_word_lists():
    assert {f.name for f in WORD_FEATURES} >= {"role_words", "report_phrases", "news_words", "reported_speech"}
    for feat in WORD_FEATURES:
        assert sorted(feat.pattern.pattern.split("|")) == sorted(feat.words)


def test_overlap_free():
    from zzgov.parsers.detect import overlap_free

    assert overlap_free(("牵头单位", "责任单位"))
    assert not overlap_free(("过去一年", "一年来"))  # 过去一年来: one hit for a scan, two counts
    assert not overlap_free(("单位", "责任单位"))  # one word inside another
    assert not overlap_free(("哈哈",))  # 哈哈哈 holds one hit, but a word overlapping itself
    # a feature whose words can overlap keeps its pattern scan
    from zzgov.parsers.detect import words_feature

    assert words_feature("x", ("过去一年", "一年来"), {"report": 1.0}, 3).words == ()


def _word_hits(feat, f):
    return min(feat.cap, sum(f.count(w) for w in feat.words))


def _pattern_word_hits(feat, f):
    """What detection counts: the hits of the words' literal-led patterns (word_patterns)."""
    return min(feat.cap, sum(_hits(p, f) for p in feat.word_patterns))


@pytest.mark.parametrize("feat", WORD_FEATURES, ids=[f.name for f in WORD_FEATURES])
def test_word_counts_are_the_pattern_hits_on_the_corpus(feat):
    from zzgov.text import fold

    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    for t in texts:
        f = fold(t)
        assert _word_hits(feat, f) == min(feat.cap, _hits(feat.pattern, f)) == _pattern_word_hits(feat, f)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["报告", "会议", "全会", "指出", "提出", "审议", "牵头", "单位", "责任", "配合", "工作",
                                 "回顾", "安排", "主要预期目标", "政府自身建设", "据悉", "记者了解到", "采访", "报道",
                                 "各位代表", "政府工作报告", "。", "\n"]), max_size=40))
def test_word_counts_are_the_pattern_hits_on_any_text(pieces):
    f = "".join(pieces)
    for feat in WORD_FEATURES:
        assert _word_hits(feat, f) == min(feat.cap, _hits(feat.pattern, f)) == _pattern_word_hits(feat, f), feat.name


def test_word_patterns_open_with_a_literal_and_count_every_word():
    from zzgov.parsers.detect import word_patterns

    pats = word_patterns(("报告指出", "报告提出", "会议强调", "各位代表"))
    assert [p.pattern for p in pats] == ["报(?:告指出|告提出)", "会(?:议强调)", "各(?:位代表)"]
    f = "报告指出，报告提出；会议强调。报告指出各位代表"
    assert [_hits(p, f) for p in pats] == [3, 1, 1]


# ---------------------------------------------------------------------------------------
# role_columns opens with a line feed, a tab or a bar where it was written `(?:^|[\t|])`:
# the same hits on the look string (which starts with a line feed) as that spelling.

_ROLE_COLUMNS_OPEN = r"(?m)(?:[\n\t|]|[ \u3000]{2})"  # (or columns aligned by wide blanks)
_ROLE_COLUMNS_CARET = r"(?m)(?:^|[\t|]|[ \u3000]{2})" + next(f for f in FEATURES if f.name == "role_columns").pattern.pattern[
    len(_ROLE_COLUMNS_OPEN):]


def _role_columns_agree(f: str) -> None:
    import regex

    feat = next(f for f in FEATURES if f.name == "role_columns")
    assert feat.pattern.pattern.startswith(_ROLE_COLUMNS_OPEN)
    assert _hits(feat.pattern, "\n" + f) == _hits(regex.compile(_ROLE_COLUMNS_CARET), f)


def test_role_columns_counts_what_the_caret_spelling_counts():
    from zzgov.text import fold

    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    for t in texts:
        _role_columns_agree(fold(t))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["\n", "\t", "|", " ", "序号", "牵头单位", "责任单位", "责 任 单 位", "完成时限", "包抓县领导",
                                 "重点工作任务", "单位", "领导", "1.建设学校"]), max_size=30))
def test_role_columns_counts_the_same_on_any_text(pieces):
    _role_columns_agree("".join(pieces))


# ---------------------------------------------------------------------------------------
# A lean feature scans the alternation without its word-bound branches on a text that holds
# none of their words: the same hits as the whole alternation.

LEAN_FEATURES = [f for f in FEATURES if f.lean is not None]


def _lean_agrees(feat, f: str) -> None:
    words, lean = feat.lean
    if not any(w in f for w in words):
        assert _hits(lean, f) == _hits(feat.pattern, f), feat.name


def test_lean_features():
    assert {f.name for f in LEAN_FEATURES} >= {"narrated_congress"}
    feat = next(f for f in LEAN_FEATURES if f.name == "narrated_congress")
    # the word-bound branch still counts where its words are
    assert _hits(feat.pattern, "会上，刘市长作政府工作报告。") == 1
    assert _hits(feat.lean[1], "会上，刘市长作政府工作报告。") == 0


@pytest.mark.parametrize("feat", LEAN_FEATURES, ids=[f.name for f in LEAN_FEATURES])
def test_lean_feature_counts_what_its_whole_alternation_counts_on_the_corpus(feat):
    from zzgov.text import fold

    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    for t in texts:
        _lean_agrees(feat, fold(t))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["代表", "我代表", "市政府", "人民政府", "向大会", "作", "了", "政府工作报告", "听取", "报告显示",
                                 "在报告中指出", "应到代表", "512", "刘市长", "向", "我", "。", "\n"]), max_size=30))
def test_lean_feature_counts_the_same_on_any_text(pieces):
    for feat in LEAN_FEATURES:
        _lean_agrees(feat, "".join(pieces))


def test_a_task_table_pasted_one_cell_a_line_with_broken_header_cells_is_a_notice():
    # the shape of a town's quarterly table (象山县, 2024): header cells broken over two lines
    # with blank lines between cells, `责任科室` as the unit column
    text = "鹤湾镇2024年度重点工作计划二季度执行情况\n\n序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n" \
           "攻坚目标\n\n任务\n\n1\n\n青龙潭水库工程政策处理\n\n周立航\n\n乡村振兴办\n\n完成政策处理\n"
    assert detect_kind(text)[0] == "notice"
    # a report's line ending in 领导 is no header cell
    assert detect_kind("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n我们坚持党的领导\n")[0] == "report"


# ---------------------------------------------------------------------------------------
# GATES: patterns every hit of a feature holds one of.  Detection skips the feature's scan on
# a text where none is found, which is only sound if no hit lacks them.

def _gates_hold(f: str) -> None:
    import regex

    from zzgov.parsers.detect import GATES

    for feat in FEATURES:
        gates = [regex.compile(g) for g in GATES.get(feat.name, ())]
        for m in feat.pattern.finditer(f) if gates else ():
            # a hit ends at a line end or before a tab or bar: its own text ends where `$` holds
            assert any(g.search(m.group()) for g in gates), (feat.name, m.group())


def test_gates_are_held_by_every_hit_on_the_corpus():
    from zzgov.parsers.detect import GATES, HEAD_CHARS
    from zzgov.text import fold

    assert set(GATES) >= {"role_columns", "field_lines", "report_speaker", "narrated_congress"}
    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    hits = 0
    for t in texts:
        f = "\n" + fold(t[:HEAD_CHARS])
        _gates_hold(f)
        hits += sum(_hits(f_.pattern, f) for f_ in FEATURES if f_.name in GATES)
    assert hits > 0  # the corpus has hits to check


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["\n", "\t", "|", " ", "序号", "牵头单位", "责任单位", "责 任 单 位", "完成时限", "包抓县领导",
                                 "责任科室", "【牵头单位】", ":", "单位", "领导", "郑州市人民政府市长", "市长", "代省长", "庄建球",
                                 "1.建设学校", "代表", "我代表", "向", "人民政府", "向大会", "作", "了", "政府工作报告",
                                 "听取", "报告显示", "报告回顾了", "在报告中指出", "应到代表", "512", "。"]), max_size=30))
def test_gates_are_held_by_every_hit_on_any_text(pieces):
    _gates_hold("\n" + "".join(pieces))


def test_gates_let_a_report_skip_the_notice_scans():
    import regex

    from zzgov.parsers.detect import GATES

    f = "\n各位代表:\n我们坚持党的领导,各部门、各单位通力协作。\n"
    assert not any(regex.search(g, f) for g in GATES["role_columns"] + GATES["field_lines"])
    assert any(regex.search(g, "\n序号|牵头单位|责任单位\n") for g in GATES["role_columns"])


def _photo_credit_agrees(f: str) -> None:
    import regex

    from zzgov.parsers.detect import PHOTO_CREDIT_AS_WRITTEN

    feat = next(f for f in FEATURES if f.name == "photo_credit")
    assert _hits(feat.pattern, f) == _hits(regex.compile(PHOTO_CREDIT_AS_WRITTEN), f)


def test_photo_credit_counts_what_its_first_spelling_counts():
    from zzgov.text import fold

    texts = [raw_path(s).read_text(encoding="utf-8") for s in SEEDS] + [p.read_text(encoding="utf-8") for p, _ in HAND_MADE]
    for t in texts:
        _photo_credit_agrees(fold(t))
    assert _hits(next(f for f in FEATURES if f.name == "photo_credit").pattern, "大会现场 林木 摄\n") == 1


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(["\n", " ", "摄", "林木", "大会现场", "A", "木", "摄影", "。"]), max_size=20))
def test_photo_credit_counts_the_same_on_any_text(pieces):
    _photo_credit_agrees("".join(pieces))


def test_role_labels_in_brackets_inside_the_text_are_a_notice():
    # work points copied from a document site: no 文号, no field lines, the roles in brackets
    text = ("市教育局2023年工作要点\n一、扩充优质教育资源\n"
            "1.实施学位扩容攻坚行动。年内新建改扩建中小学幼儿园16所。(责任单位:发展规划科、计划财务科)\n"
            "2.推进集团化办学扩面提质。新组建教育集团8个。(责任单位:基础教育科)\n")
    assert detect_kind(text)[0] == "notice"


def test_a_progress_bulletin_with_bracket_labels_and_an_office_source_is_a_notice():
    # `【责任单位】X` closes its label with the bracket alone; `来源：县政府督查室` is what a
    # government site prints above its notices too, and counts half for news
    text = ("当前位置：首页 > 政务公开\n关于2022年民生实事项目进展情况的通报\n来源：县政府督查室　　发布时间：2022-10-16\n"
            "1.新建城乡公交候车亭60座。\n【责任领导】马文涛　【责任单位】县交通运输局　【序时进度】已建成41座。\n"
            "2.改造农村危房200户。\n【责任领导】江海燕　【责任单位】县住建局　【序时进度】完成65%。\n")
    assert detect_kind(text)[0] == "notice"


def test_meeting_minutes_are_a_notice_and_a_dated_event_is_news():
    minutes = ("6月3日上午，县长主持召开县政府常务会议。现纪要如下：\n会议要求，各部门抓好落实。"
               "由县发改局牵头，县财政局配合。\n会议指出，要加快项目建设。由县住建局牵头，各乡镇配合。\n"
               "会议强调，要守住安全底线。\n")
    assert detect_kind(minutes)[0] == "notice"
    event = ("区人大常委会召开年中情况通报会\n来源:某区人民政府\n"
             "8月24日下午,区人大常委会召开年中重要情况通报会。区长通报上半年全区经济社会发展情况。\n")
    assert detect_kind(event)[0] == "news"


def test_a_notice_issuing_a_plan_titled_without_guanyu_is_a_notice():
    # `…办公室印发《…三年行动计划》的通知` and the plan's own title; 责任主体 is a role label
    text = ("中共某区委办公室 某区人民政府办公室印发《某区优化营商环境三年行动计划(2021—2023年)》的通知\n"
            "某区优化营商环境三年行动计划(2021—2023年)\n一、总体要求\n二、主要任务\n"
            "1.集聚总部经济。每年新增总部型机构5家以上。(责任主体：区商务委；配合部门：区发改委)\n"
            "2.发展专业服务业。培育专业服务品牌机构20家。(责任主体：区司法局；配合部门：区财政局)\n")
    assert detect_kind(text)[0] == "notice"
