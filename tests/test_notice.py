"""The notice parser on the seed notice 001 (against the hand-checked gold) and on
hand-made snippets for each layout rule."""

import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RAW, SHARED, read_jsonl
from zzgov.api import parse_text


def _norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def test_all_146_tasks_equal_the_gold(notice_doc, gold_dir):
    gold = read_jsonl(gold_dir / "tasks_001.jsonl")
    pred = {t.seq: t for t in notice_doc.tasks}
    assert sorted(pred) == [g["seq"] for g in gold]
    wrong = []
    for g in gold:
        t = pred[g["seq"]]
        for key in ("leaders", "lead_units", "units", "units_open"):
            if sorted(map(_norm, getattr(t, key))) != sorted(map(_norm, g[key])):
                wrong.append((g["seq"], key, getattr(t, key), g[key]))
        if _norm(t.text) != _norm(g["text"]):
            wrong.append((g["seq"], "text", t.text, g["text"]))
    assert wrong == []


def test_notice_meta(notice_doc):
    m = notice_doc.meta
    assert notice_doc.kind == "notice"
    assert m.doc_number == "郑政办〔2020〕29号"
    assert m.issuer == "郑州市人民政府办公厅"
    assert m.title == "郑州市人民政府办公厅关于做好2020年市政府工作报告重点工作任务落实的通知"
    assert m.recipients == ["各县（市、区）人民政府", "市人民政府各部门", "各有关单位"]
    assert (m.signed_date, m.printed_date, m.printed_by) == ("2020-05-26", "2020-05-27", "郑州市人民政府办公厅")
    assert m.cc == ["市委各部门", "郑州警备区", "市人大常委会办公厅", "市政协办公厅", "市法院", "市检察院"]
    assert m.attachment_title == "2020年市政府工作报告重点工作任务分解"
    assert (m.sponsor, m.supervisor, m.year) == ("市政府督查室", "市政府督查室", 2020)
    assert [r.title for r in m.requirements] == ["项目化推进", "狠抓落实", "密切协作", "严格督查"]


def test_section_tree(notice_doc):
    levels = [s.level for s in notice_doc.sections]
    assert levels.count(1) == 10 and levels.count(2) == 36
    by_id = {s.id: s for s in notice_doc.sections}
    for s in notice_doc.sections:
        if s.level == 2:
            assert by_id[s.parent].level == 1
            assert by_id[s.parent].span.start < s.span.start <= s.span.end <= by_id[s.parent].span.end
    first = notice_doc.sections[0]
    assert (first.label, first.title) == ("一", "统筹推进疫情防控与经济平稳健康发展")


def test_every_task_span_starts_at_its_number(notice_doc):
    from pathlib import Path

    text = Path(notice_doc.source.path).read_text(encoding="utf-8")
    for t in notice_doc.tasks:
        assert text[t.span.start:].startswith(f"{t.seq}."), t.seq
        # the span ends with the last field line: the last unit name is inside it
        last = (t.units or t.lead_units)[-1]
        assert _norm(last)[-2:] in _norm(text[t.span.start:t.span.end])


def test_tasks_sit_in_their_level_two_section(notice_doc):
    by_id = {s.id: s for s in notice_doc.sections}
    t1 = notice_doc.tasks[0]
    assert by_id[t1.section].title == "精准做好疫情常态化防控工作"
    for t in notice_doc.tasks:
        sec = by_id[t.section]
        assert sec.span.start <= t.span.start and t.span.end <= sec.span.end


def test_leader_and_unit_summaries(notice_doc):
    leaders = {x.name: x.tasks for x in notice_doc.leaders}
    assert leaders["王新伟"][:3] == [1, 2, 3]
    assert 7 in leaders["史占勇"] and 7 in leaders["陈宏伟"]
    units = {u.name: u for u in notice_doc.units}
    assert units["市疫情防控办"].lead_tasks[:3] == [1, 2, 3]
    assert 1 in units["开发区管委会"].co_tasks
    assert units["各县（市、区）政府"].type == "collective"


SNIPPET = """\
一、扩大有效投资
(一)抓好项目建设
1. 推进重点项目建设，新建
2.5万亩高标准农田。
牵头领导:李明、王强
牵头单位:市发展改革委、住建局
配合单位:二七区、金水区政府，市供电公司等有关部门
完成时限:2021年12月底
（二）优化营商环境
2. 深化“放管服”改革。（牵头单位：市政务服务办；配合单位：市市场监管局）
3. 提升政务服务水平，市大数据局牵头，市政务服务办配合。
"""


def test_label_variants_and_ascii_colons():
    doc = parse_text(SNIPPET, kind="notice")
    t1 = doc.tasks[0]
    assert t1.leaders == ["李明", "王强"]
    assert t1.lead_units == ["市发展改革委", "市住建局"]
    assert t1.units == ["二七区政府", "金水区政府", "市供电公司"]
    assert t1.units_open == ["等有关部门"]
    assert t1.deadlines == ["2021年12月底"]


def test_a_decimal_at_a_line_start_continues_the_field_not_a_new_task():
    doc = parse_text(SNIPPET, kind="notice")
    assert [t.seq for t in doc.tasks] == [1, 2, 3]
    assert doc.tasks[0].text == "推进重点项目建设，新建2.5万亩高标准农田。"


def test_inline_fields_and_role_sentences():
    doc = parse_text(SNIPPET, kind="notice")
    t2, t3 = doc.tasks[1], doc.tasks[2]
    assert t2.text == "深化“放管服”改革。"
    assert (t2.lead_units, t2.units) == (["市政务服务办"], ["市市场监管局"])
    assert (t3.lead_units, t3.units) == (["市大数据局"], ["市政务服务办"])
    assert t3.text == "提升政务服务水平。"


def test_first_listed_unit_leads_when_the_notice_says_so():
    text = "各项任务责任单位中列第一位者为牵头单位，下同。\n1. 建设智慧城市。\n责任单位：市大数据局、市财政局\n"
    t = parse_text(text, kind="notice").tasks[0]
    assert t.lead_units == ["市大数据局"]
    assert t.units == ["市大数据局", "市财政局"]


def test_group_heading_names_the_leader_of_its_tasks():
    text = "一、于会游市长主抓重点工作\n1. 抓好财政收支。\n牵头单位：市财政局\n二、张建国副市长负责\n2. 推进教育改革。\n牵头单位：市教育局\n"
    doc = parse_text(text, kind="notice")
    assert [t.leaders for t in doc.tasks] == [["于会游"], ["张建国"]]


def test_table_rows_with_a_header():
    text = (
        "序号\t重点工作任务\t责任领导\t牵头单位\t配合单位\t完成时限\n"
        "1\t建设城市大脑\t王明\t市大数据局\t市财政局、市公安局\t2021年底\n"
        "2\t推进老旧小区改造，\t李强\t市住建局\t各县（市、区）政府\t2021年10月\n"
        "完成改造300个。\n"
    )
    doc = parse_text(text, kind="notice")
    assert [(t.seq, t.text, t.leaders, t.lead_units, t.units, t.deadlines) for t in doc.tasks] == [
        (1, "建设城市大脑", ["王明"], ["市大数据局"], ["市财政局", "市公安局"], ["2021年底"]),
        (2, "推进老旧小区改造，完成改造300个。", ["李强"], ["市住建局"], ["各县（市、区）政府"], ["2021年10月"]),
    ]


@pytest.mark.parametrize("stem", sorted(p.stem for p in RAW.glob("*.txt")))
def test_meta_values_carry_spans_into_the_original_text(stem):
    from zzgov.api import parse_path

    doc = parse_path(RAW / f"{stem}.txt")
    text = (RAW / f"{stem}.txt").read_text(encoding="utf-8")
    assert doc.meta.spans, "every seed has some meta read from its text"
    for name, span in doc.meta.spans.items():
        value = getattr(doc.meta, name)
        source = _norm(text[span.start:span.end])
        if isinstance(value, list):
            assert all(_norm(v) in source for v in value), name
        elif name.endswith(("date", "published")):
            assert value[:4] in source, name
        else:
            assert _norm(value) in source, name


def test_tail_line_test_matches_where_one_of_the_tail_patterns_does():
    """is_tail_line (two patterns, the dated one asked only of lines ending in 日 or 印发)
    agrees with asking the five tail patterns in turn, on every line of every seed and fixture
    and on each pattern's own kind of line."""
    from zzgov.parsers.notice import CHROME_LINE, NR, is_tail_line
    from zzgov.text import fold, split_lines

    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("fixtures/*/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(RAW).glob("*.txt"))]
    lines = [fold(ln.text) for t in texts for ln in split_lines(t)]
    lines += ["抄送:市委各部门", "郑州市人民政府办公厅 2020年5月26日印发", "2020年5月26日", "【打印本页】",
              "(此件公开发布)", "郑州市人民政府 二〇二〇年五月二十六日", "1.稳增长", "2020年5月26日前完成",
              "各单位6月8日17时前上报", "现将任务分解印发给你们"]
    hits = 0
    for f in lines:
        expected = any(p.match(f) for p in (NR.tail_label, NR.printed_line, NR.standalone_date, CHROME_LINE,
                                            NR.public_note))
        assert is_tail_line(f) == expected, f
        hits += expected
    assert hits >= 6


def test_leaders_keep_first_seen_order_without_repeats_across_lines_and_lists():
    text = "1. 建设学校。\n责任领导：王明、李华、王明\n责任领导：李华、张强\n牵头单位：市教育局\n"
    assert parse_text(text, kind="notice").tasks[0].leaders == ["王明", "李华", "张强"]


def test_cc_lines_accumulate_in_order():
    text = "1. 建设学校。\n责任领导：王明\n抄送：市委各部门，市人大常委会办公厅\n抄送：郑州警备区。市法院\n"
    meta = parse_text(text, kind="notice").meta
    assert meta.cc == ["市委各部门", "市人大常委会办公厅", "郑州警备区", "市法院"]


def test_a_heading_takes_wrapped_lines_up_to_a_bound():
    """A heading that wraps onto the next line keeps the continuation; a heading followed by
    thousands of lines without a sentence end stops taking them at MAX_WRAPPED_TITLE_CHARS."""
    from zzgov.parsers.notice_list import MAX_WRAPPED_TITLE_CHARS

    wrapped = parse_text("一、统筹推进疫情防控和\n经济社会发展\n1. 建设学校。\n", kind="notice")
    assert wrapped.sections[0].title == "统筹推进疫情防控和经济社会发展"
    line = "继续文字内容没有句号"
    endless = parse_text("一、标题\n" + (line + "\n") * 2000, kind="notice")
    title = endless.sections[0].title
    assert MAX_WRAPPED_TITLE_CHARS < len(title) <= MAX_WRAPPED_TITLE_CHARS + len(line)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["（", "(", "）", ")", "第一位", "首位", "第一个", "牵头", "市局", "，", "第一", "位"]),
                max_size=10))
def test_rule_note_removes_what_the_plain_pattern_removes(parts):
    """RULE_NOTE (linear) strips exactly what its plain, backtracking form strips."""
    import regex

    from zzgov.parsers.notice_list import RULE_NOTE

    plain = regex.compile(r"[(（][^()（）]*(?:第一位|首位|第一个)[^()（）]*牵头[^()（）]*[)）]")
    s = "".join(parts)
    assert RULE_NOTE.sub("", s) == plain.sub("", s)


def test_a_table_row_continued_over_many_lines_keeps_all_its_text():
    head = "序号\t重点工作任务\t责任领导\t牵头单位\t完成时限\n1\t建设学校\t王明\t市教育局\t2020年底\n"
    doc = parse_text(head + "继续建设学校\n" * 50, kind="notice")
    assert doc.tasks[0].text.count("继续建设学校") == 50


def test_a_heading_that_names_a_lead_unit_leads_its_tasks_and_a_sentence_does_not_wrap_it():
    text = ("一、李正华省长负责的工作\n（一）省编办牵头的工作\n1.深化行政管理体制改革，优化政府机构设置。\n"
            "2.积极稳妥地推进乡镇机构改革。\n协同单位：省财政厅、省人事厅\n"
            "（二）省审计厅牵头的工作\n全面加强审计工作，推进经济责任审计全覆盖。\n3.开展专项审计。\n责任单位：省财政厅\n")
    doc = parse_text(text, kind="notice")
    assert [(t.seq, t.leaders, t.lead_units) for t in doc.tasks] == [
        (1, ["李正华"], ["省编办"]), (2, ["李正华"], ["省编办"]), (3, ["李正华"], ["省审计厅"])]
    assert [s.title for s in doc.sections][-1] == "省审计厅牵头的工作"


def _marker_lines() -> list[str]:
    from pathlib import Path

    from zzgov.text import fold

    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/**/*.txt"))
    out = []
    for p in files:
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line:
                out += [line, fold(line)]
    return out


def test_a_line_whose_first_character_opens_no_marker_matches_no_marker():
    """_marker rejects a line by its first character (MARKER_START) before trying the five
    marker patterns: sound only if no marker pattern matches such a line."""
    from zzgov.parsers.notice_list import MARKER_START, MARKERS

    lines = _marker_lines() + ["①建设", "㉑建设", "(1)建设", "( 一 )建设", "１.建设", "十二、建设", "٣. 建设", "a.建设", ""]
    assert sum(1 for x in lines if MARKER_START.match(x)) > 100
    for line in lines:
        if not MARKER_START.match(line):
            assert not any(pat.match(line) for _name, _level, pat in MARKERS), line


def test_any_title_finds_a_line_with_a_title_as_a_test_per_title_does():
    from zzgov.parsers.notice_list import ANY_TITLE, TITLES

    lines = _marker_lines() + ["常务副市长王新伟", "王新伟副市长：", "市教育局", ""] + [t[1:] for t in TITLES]
    assert sum(1 for x in lines if ANY_TITLE.search(x)) > 10
    for line in lines:
        assert (ANY_TITLE.search(line) is not None) == any(t in line for t in TITLES), line


def test_a_header_pasted_one_cell_a_line_may_break_a_cell_and_end_in_target_columns():
    """`责任` / `领导` is one header cell; a text column after the role columns holds targets
    (象山县 town table, 2024): the task is the text column before the roles."""
    from zzgov.doc import Doc
    from zzgov.parsers import notice_list as NL

    cells = ["序号", "重点工作", "责任", "领导", "责任", "科室", "攻坚目标任务", "1", "水库建设"]
    lines = [(ln, f) for ln, f in Doc("\n".join(cells)).folded_lines()]
    roles, after = NL.cell_header_at(NL.classify(lines), 0)
    assert roles == ["seq", "text", "leaders", "units", "ignore"] and lines[after][1] == "1"


def test_a_role_parenthesis_may_close_with_its_time_limit():
    """`（X、Y牵头，Z等配合，年底前完成）` (a province's 部门分工意见, 2020): the roles are read and the
    time limit is the deadline; `各市、州人民政府` is one collective."""
    from zzgov.api import parse_text

    text = ("澜沧省人民政府关于落实《政府工作报告》重点工作部门分工的意见\n澜政发〔2020〕6号\n各市、州人民政府：\n"
            "1.全省生产总值增长6.5%左右。（省发展改革委、省统计局牵头，省财政厅等配合，年内持续推进）\n"
            "2.落实减税降费政策。（省财政厅牵头，省市场监管局、各市、州人民政府配合，6月底前、12月底前）\n")
    t1, t2 = parse_text(text).tasks
    assert (t1.lead_units, t1.units, t1.units_open, t1.deadlines) == (
        ["省发展改革委", "省统计局"], ["省财政厅"], ["等"], ["年内持续推进"])
    assert (t2.lead_units, t2.units, t2.deadlines) == (
        ["省财政厅"], ["省市场监管局", "各市、州人民政府"], ["6月底前", "12月底前"])


def test_a_page_number_between_lines_is_no_part_of_a_field():
    from zzgov.api import parse_text

    text = ("关于印发任务分解方案的通知\n1.健全街道党建工作机制。\n牵头单位:区委组织部\n协办单位:区委编办、各街道党工委\n"
            "— — — 3 —\n2.推进街道管理体制改革。\n牵头单位:区委编办\n")
    t1, t2 = parse_text(text, kind="notice").tasks
    assert t1.units == ["区委编办", "各街道党工委"] and t2.lead_units == ["区委编办"]


def test_find_labels_reads_plain_spaced_qualified_and_bracketed_labels():
    """find_labels reads a label written without letter-spacing as one slice of the line and
    walks back character by character otherwise: both ways give the label's words and span."""
    from zzgov.parsers.notice_list import FieldHit, find_labels
    from zzgov.text import fold

    cases = {
        "牵头单位：市教育局": [FieldHit(0, 5, "牵头单位", False)],
        "责 任 单 位 ：市财政局": [FieldHit(0, 9, "责任单位", False)],  # letter-spaced
        "责任(配合)单位:市财政局": [FieldHit(0, 9, "责任单位", False)],  # a qualifier inside
        "【牵头单位】市教育局": [FieldHit(0, 6, "牵头单位", True)],
        "1.建设学校。(牵头单位:市教育局;配合单位:市财政局)": [FieldHit(8, 13, "牵头单位", False),
                                                    FieldHit(18, 23, "配合单位", False)],
        "★牵头单位：市教育局  责任单位：市财政局": [FieldHit(1, 6, "牵头单位", False), FieldHit(12, 17, "责任单位", False)],
        "协同配合单位：市财政局": [FieldHit(0, 7, "协同配合单位", False)],  # a word before a listed label: one label
        "时间：2020年": [],
    }
    for line, hits in cases.items():
        assert find_labels(fold(line)) == hits, line


def test_the_tail_lookaheads_turn_away_only_lines_the_patterns_would_not_match():
    """standalone_date and printed_line open with a lookahead on how the line ends: on every
    line of the seeds, fixtures and provincial reports they match, with the same groups,
    exactly where the patterns without it do."""
    import regex
    from pathlib import Path

    from zzgov.parsers.notice import NR
    from zzgov.text import fold, split_lines

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("fixtures/**/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(RAW).glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus-provinces").glob("*.txt"))]
    lines = [fold(ln.text) for t in texts for ln in split_lines(t)]
    lines += ["郑州市人民政府办公厅 2020年5月27日印发", "郑州市人民政府 二〇二〇年五月二十六日", "2020年5月26日印发 ",
              "日印发", "现将任务分解印发给你们", "某市住房和城乡建设局办公室 2021年9月8日印", "2021年9月8日 印"]
    hits = 0
    for pat, lookahead in ((NR.standalone_date, r"(?=[\s\S]*日$)"), (NR.printed_line, r"(?=[\s\S]*日\s*印发?$)")):
        assert lookahead in pat.pattern
        plain = regex.compile(pat.pattern.replace(lookahead, "", 1), pat.flags)
        for f in lines:
            a, b = pat.match(f), plain.match(f)
            assert (a and a.groupdict()) == (b and b.groupdict()), f
            hits += b is not None
    assert hits >= 40


def test_run_on_items_are_cut_where_the_numbering_goes_on():
    """Items run on after a closing bracket are cut into lines; `2.5万` inside an item is no
    item, and the cut lines keep their offsets."""
    from zzgov.doc import Doc
    from zzgov.parsers.notice_list import split_run_on_items

    text = "(一)加强保障。(省发改委负责)(二)完善机制，推进改革。(省财政厅负责)\n1.建设学校，2.5万平方米。(市教育局牵头)2.修建道路。(市交通局牵头)"
    out, origin, _markers = split_run_on_items(Doc(text).folded_lines())
    assert [ln.text for ln, _f in out] == ["(一)加强保障。(省发改委负责)", "(二)完善机制，推进改革。(省财政厅负责)",
                                          "1.建设学校，2.5万平方米。(市教育局牵头)", "2.修建道路。(市交通局牵头)"]
    assert origin == [0, 0, 1, 1]
    assert all(text[ln.start:ln.end] == ln.text for ln, _f in out)


def test_the_stdlib_classes_hold_what_regex_means_by_blanks():
    """_HEADER_NOISE, _BLANKS and LEADER_SPLIT use stdlib `re` with regex's White_Space spelled
    out: over the whole Basic Multilingual Plane they take the characters regex's \\s class does."""
    import regex

    from zzgov.parsers import notice_list as NL

    pairs = ((NL._HEADER_NOISE, r"[\s\u3000|｜:]"), (NL._BLANKS, r"[\s\u3000]"), (NL.LEADER_SPLIT, r"[\s、，,；;/]+"))
    for mine, theirs in pairs:
        ref = regex.compile(theirs)
        assert [c for c in range(0x10000) if bool(mine.match(chr(c))) != bool(ref.match(chr(c)))] == []
    # and the characters column_role strips from a cell's ends are the ones _HEADER_NOISE removes
    assert sorted(NL._HEADER_NOISE_CHARS) == [chr(c) for c in range(0x10000) if NL._HEADER_NOISE.match(chr(c))]


def test_column_role_turns_away_only_cells_that_end_no_header_word():
    """column_role answers from a cell's last character (and a 是否 opening) before removing its
    blanks: every cell of every seed and fixture line gets the answer of the full rules."""
    from pathlib import Path

    from zzgov.parsers import notice_list as NL
    from zzgov.text import fold, split_lines

    def full(cell, listed_only=False):  # column_role without its first test
        c = NL._HEADER_NOISE.sub("", fold(cell))
        if not c:
            return None
        role = NL.COLUMN_ROLE.get(c)
        if role is None and not listed_only and len(c) <= 14 and NL.TEXT_COLUMN.match(c):
            role = "text"
        if role is None and not listed_only and len(c) <= 10:
            role = NL.guess_label_role(c)
        if role is None and not listed_only and len(c) <= 8 and c.endswith(NL.GUESSED_LABEL_ENDS):
            return "other_units"
        if role is None and not listed_only and len(c) <= 12 and (c.endswith(NL._IGNORED_ENDS) or c.startswith("是否")):
            role = "ignore"
        return role if role not in ("ignore", "note") else "ignore"

    root = Path(__file__).parent
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("fixtures/**/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(RAW).glob("*.txt"))]
    cells = {c for t in texts for ln in split_lines(t) for c in (ln.text, *NL.table_cells(ln.text)) if len(c) <= 40}
    cells |= {"是 否完成", "责任 单位 |", "| 序号", ": 牵头单位 :", "2024年进展情况", "评分部门", "具体承办部门"}
    named = 0
    for cell in cells:
        for listed_only in (False, True):
            assert NL.column_role(cell, listed_only) == full(cell, listed_only), cell
        named += NL.column_role(cell) is not None
    assert named >= 50


def test_a_text_column_cell_ends_with_one_of_its_words():
    """column_role tries TEXT_COLUMN only on cells ending with one of its words (or words and
    a 要求 tail): every cell the pattern takes does."""
    from zzgov.parsers.notice_list import _TEXT_COLUMN_ENDS, TEXT_COLUMN, column_role

    cells = ["2022年预期目标", "工作事项", "重点举措", "目标任务及要求", "具体工作内容", "主要措施和要求", "责任单位", "序号",
             "工作任务与要求", "任务", "完成时限"]
    taken = [c for c in cells if TEXT_COLUMN.match(c)]
    assert len(taken) >= 7
    assert all(c.endswith(_TEXT_COLUMN_ENDS) for c in taken)
    assert column_role("2022年预期目标") == "text" and column_role("工作任务与要求") == "text"


def test_cell_table_with_an_unnamed_task_column_units_per_line_and_a_sub_row():
    # A header cell that is no role word (`惠民项目`) between 序号 and the role columns names
    # the task; a unit cell may run over several lines; a sentence cell after a row's
    # deadline opens an unnumbered sub-row that keeps the row's units.
    text = "\n".join([
        "某县2020年惠民项目分解表", "序号", "惠民项目", "责任单位", "完成时限",
        "1", "改造老旧小区12个。", "县住建局", "县城管局", "10月底前",
        "2", "新建公办幼儿园2所。", "县教育局", "9月底前", "扩建县第二小学。", "12月底前",
        "3", "建成县全民健身中心。", "县文体局", "11月底前", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.text, t.units, t.deadlines) for t in doc.tasks]
    assert got == [
        ("改造老旧小区12个。", ["县住建局", "县城管局"], ["10月底前"]),
        ("新建公办幼儿园2所。", ["县教育局"], ["9月底前"]),
        ("扩建县第二小学。", ["县教育局"], ["12月底前"]),
        ("建成县全民健身中心。", ["县文体局"], ["11月底前"]),
    ]
    assert not any("more than once" in w for w in doc.warnings)


def test_cell_table_header_cells_broken_over_lines_and_a_progress_column_of_one_period():
    # `责任` / `领导` and `第三季度` / `推进情况` are cells broken over two lines; `工作计划`
    # after the role columns and the progress column hold no task text; the header's first
    # line is no title (the title search ends at a table's header cell).
    text = "\n".join([
        "某镇2023年重点工作推进表", "", "序号", "", "重点工作", "", "责任", "领导", "", "责任", "科室", "",
        "工作计划", "", "第三季度", "推进情况", "",
        "1", "", "集镇污水管网改造", "", "韩文博", "", "建设办", "", "完成管网铺设3公里。", "", "已铺设2公里。", "",
        "2", "", "农村道路提升", "", "程思远", "", "农业农村办", "", "提升道路8条。", "", "已完成5条。", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.text, t.leaders, t.units) for t in doc.tasks]
    assert got == [("集镇污水管网改造", ["韩文博"], ["建设办"]), ("农村道路提升", ["程思远"], ["农业农村办"])]
    assert doc.meta.title != "工作计划"


def test_pipe_cell_table_with_a_targets_column_status_columns_and_places_among_units():
    # `cell |` lines: the second text column of a numbered table (全年目标) holds targets, a
    # `是否…` column and a progress column are read past, a long co-unit label is read by its
    # shape, and a development zone listed beside departments is one of the units.
    rows = ["序号 |", "工作事项 |", "全年目标 |", "分管领导 |", "牵头单位 |", "配合部门与属地单位 |",
            "1-6月进展情况 |", "是否完成 |",
            "1 |", "整治农贸市场8个。 |", "汪东来 |", "市场监管局 |", "商务局、云溪高新区、各街道 |",
            "已完成4个。 |", "否 |", "||",
            "2 |", "新建停车泊位900个。 |", "汪东来 |", "交通局 |", "城管局、相关街道 |",
            "已新建520个。 |", "是 |", "||"]
    doc = parse_text("\n".join(rows) + "\n", kind="notice")
    got = [(t.text, t.leaders, t.lead_units, t.units) for t in doc.tasks]
    assert got == [("整治农贸市场8个。", ["汪东来"], ["市场监管局"], ["商务局", "云溪高新区", "各街道"]),
                   ("新建停车泊位900个。", ["汪东来"], ["交通局"], ["城管局", "相关街道"])]


def test_cell_table_numbered_under_a_header_without_seq_and_group_cells_before_numbers():
    # `工作任务 | 具体要求 | 责任科室 | 时限要求` over rows `group | 1 | text | unit | deadline`:
    # the numbers open rows though the header names no 序号 column, and a short title cell
    # before a number heads the rows after it (a row without one stays in the group above).
    cells = ["工作任务", "具体要求", "责任科室", "时限要求",
             "夯实安全生产基础", "1", "开展危化品企业专项检查。", "应急科", "5月底前",
             "2", "更新重大危险源台账。", "监管科", "6月底前",
             "提升应急处置能力", "3", "组织综合应急演练2次。", "办公室、应急科", "11月底前"]
    doc = parse_text("\n|\n".join(cells) + "\n", kind="notice")
    titles = {s.id: s.title for s in doc.sections}
    got = [(titles.get(t.section), t.text, t.units, t.deadlines) for t in doc.tasks]
    assert got == [("夯实安全生产基础", "开展危化品企业专项检查。", ["应急科"], ["5月底前"]),
                   ("夯实安全生产基础", "更新重大危险源台账。", ["监管科"], ["6月底前"]),
                   ("提升应急处置能力", "组织综合应急演练2次。", ["办公室", "应急科"], ["11月底前"])]


def test_pipe_row_tables_of_two_attachments_with_name_and_requirement_columns():
    # `任 务 名 称` and `指 标 要 求` both hold the task (read together); `附件2` ends the first
    # table rather than running on into its last row.
    text = "\n".join([
        "附件1 |", "序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 |",
        "1 | 社会消费品零售总额 | 增长7% | 县商务局 | 县统计局 |",
        "2 | 城镇新增就业 | 3200人 | 县人社局 | 各乡镇人民政府 |",
        "附件2 |", "序号 | 项 目 名 称 | 目 标 任 务 | 牵 头 部 门 | 配 合 部 门 |",
        "1 | 农村饮水提升 | 新建供水站2座 | 县水利局 | 县财政局 |", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.text, t.lead_units, t.units) for t in doc.tasks]
    assert got == [("社会消费品零售总额增长7%", ["县商务局"], ["县统计局"]),
                   ("城镇新增就业3200人", ["县人社局"], ["各乡镇人民政府"]),
                   ("农村饮水提升新建供水站2座", ["县水利局"], ["县财政局"])]


def test_recipients_of_a_page_that_opens_with_them():
    # No title before the 主送机关 line (a web page showing the body only): a colon line whose
    # every entry names organisations; a chrome line ending with a colon is no recipient.
    text = "\n".join([
        "发布时间:2021-04-02", "信息来源:", "各镇人民政府,县政府各部门,县属各企业:",
        "现将《2021年县政府重点工作任务分解》印发给你们,请认真贯彻落实。", "某县人民政府办公室", "2021年4月1日",
        "1.新增城镇就业2000人。", "牵头单位:县人社局", ""])
    doc = parse_text(text, kind="notice")
    assert doc.meta.recipients == ["各镇人民政府", "县政府各部门", "县属各企业"]
    assert [t.lead_units for t in doc.tasks] == [["县人社局"]]


@pytest.mark.parametrize("head, title", [
    # the site's name and column on lines above a title that names its organ
    (["某县人民政府", "政府信息公开", "某县人民政府关于印发2022年重点工作任务的通知"],
     "某县人民政府关于印发2022年重点工作任务的通知"),
    # a column's label before the title, in brackets or with a bar
    (["【重点工作】某县人民政府关于印发2022年重点工作任务的通知"], "某县人民政府关于印发2022年重点工作任务的通知"),
    (["政务公开丨某县人民政府关于印发2022年重点工作任务的通知"], "某县人民政府关于印发2022年重点工作任务的通知"),
    # an organ on its own line above 关于…: both are the title
    (["某县人民政府办公室", "关于印发2022年重点工作任务的通知"], "某县人民政府办公室关于印发2022年重点工作任务的通知"),
])
def test_title_without_the_site_name_or_a_column_label_before_it(head, title):
    text = "\n".join(head + ["各乡镇人民政府:", "现将任务印发给你们。", "1.新建学校2所。", "牵头单位:县教育局", ""])
    assert parse_text(text, kind="notice").meta.title == title


def test_doc_number_closing_a_page_title_line_but_not_a_citation():
    head = ["2022年县政府重点工作任务(某政发〔2022〕3号)", "各乡镇人民政府:"]
    body = ["根据《关于加强督查工作的通知》(某政办〔2021〕9号)要求,现将任务印发给你们。", "1.新建学校2所。",
            "牵头单位:县教育局", ""]
    assert parse_text("\n".join(head + body), kind="notice").meta.doc_number == "某政发〔2022〕3号"
    assert parse_text("\n".join(head[1:] + body), kind="notice").meta.doc_number is None


def test_role_parentheses_after_each_sentence_of_a_task_are_all_its_roles():
    # Every sentence of an item may close with its own role parenthesis, one of them in square
    # brackets because the unit's name holds round ones; the page is detected as a notice by
    # those parentheses alone.
    text = "\n".join([
        "某区2022年安全生产重点工作安排", "",
        "1.开展燃气安全专项整治。排查老旧管网。(区住建局负责)整治瓶装液化气经营点。[区商务局(区粮食局)负责]",
        "2.推进消防设施建设。新建微型消防站6个。(区应急局牵头,区财政局配合)更新消防车3辆。(区消防救援大队负责)",
        "3.强化道路交通安全。整治事故多发路段5处。(区交通局、区公安分局按职责分工负责)", ""])
    doc = parse_text(text)
    assert doc.kind == "notice"
    got = [(t.text, t.lead_units, t.units) for t in doc.tasks]
    assert got == [
        ("开展燃气安全专项整治。排查老旧管网。整治瓶装液化气经营点。", [], ["区住建局", "区商务局(区粮食局)"]),
        ("推进消防设施建设。新建微型消防站6个。更新消防车3辆。", ["区应急局"], ["区财政局", "区消防救援大队"]),
        ("强化道路交通安全。整治事故多发路段5处。", [], ["区交通局", "区公安分局"]),
    ]


def test_a_role_sentence_opening_each_task():
    # `(一)由X负责，Y配合，<task>`: the opening clauses are the roles, the rest is the task;
    # a clause naming no unit (`加强…`) ends them.
    text = "\n".join([
        "某市整治农村人居环境工作方案", "", "一、治理生活垃圾", "",
        "(一)由市城管局负责，市财政局、生态环境局配合，建成垃圾转运站12座。", "",
        "(二)由市农业农村局牵头，各县区人民政府配合，开展村庄清洁行动，每季度通报一次。", "",
        "二、治理生活污水", "", "(三)由市水务局、住建局分别负责，新建污水管网60公里。", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.text, t.lead_units, t.units) for t in doc.tasks]
    assert got == [("建成垃圾转运站12座。", [], ["市城管局", "市财政局", "市生态环境局"]),
                   ("开展村庄清洁行动，每季度通报一次。", ["市农业农村局"], ["各县区人民政府"]),
                   ("新建污水管网60公里。", [], ["市水务局", "市住建局"])]


def test_cell_table_with_a_column_of_other_units_after_the_responsible_ones():
    # `考核部门` names units with another part (they score the task): the row's last unit cell
    # is theirs, the unit cells before it are all the responsible units, one per line.
    cells = ["序号", "考核指标", "责任单位", "考核部门",
             "1", "新增城镇就业1200人", "县人社局", "县财政局", "市人社局",
             "2", "森林覆盖率稳定在62%以上", "县林业局", "市林业局", ""]
    doc = parse_text("\n".join(cells), kind="notice")
    assert [(t.text, t.units) for t in doc.tasks] == [
        ("新增城镇就业1200人", ["县人社局", "县财政局"]), ("森林覆盖率稳定在62%以上", ["县林业局"])]


def test_cells_pasted_with_bars_rows_closed_by_a_lone_bar_and_group_rows_ruled():
    # `cell |` lines with no 序号 column: a lone `|` after a row's last column closes the row,
    # `|||` is the rule of a group row; the numbered task cell opens each row.
    lines = ["工作任务 |", "工作要求 |", "牵头单位 |", "责任单位 |",
             "一、优化营商环境 |", "|||", "|",
             "1.公开涉企收费目录 |", "按季度更新涉企收费清单。 |", "县发改局 |", "县财政局、各乡镇 |", "|",
             "2.公开招投标信息 |", "全流程公开招标公告和结果。 |", "县住建局 |", "县交通局 |", "|"]
    doc = parse_text("\n".join(lines) + "\n", kind="notice")
    assert [(t.lead_units, t.units) for t in doc.tasks] == [
        (["县发改局"], ["县财政局", "各乡镇"]), (["县住建局"], ["县交通局"])]
    assert doc.tasks[0].text.endswith("公开涉企收费目录")


def test_table_numbering_groups_with_tasks_numbered_in_their_text_cells():
    # 序号 numbers the groups and 项目 names them; each task is a numbered text cell with its
    # own leader (a two-character name padded to three: `顾 嘉`) and units, or the leader of
    # the task above when its cell is merged; ★ marks the lead; 海关 is an organisation.
    cells = ["序号", "项目", "重点工作目标任务", "牵头领导", "责任单位",
             "1", "对外开放", "1.进出口总额增长5%。", "顾 嘉", "★区商务局、青屿海关",
             "2.实际使用外资稳中有升。", "★区投促中心、区商务局",
             "2", "民生保障", "3.新增城镇就业3000人。", "邵 峰", "★区人社局"]
    doc = parse_text("\n|\n".join(cells) + "\n", kind="notice")
    got = [(t.seq, t.text, t.leaders, t.lead_units, t.units) for t in doc.tasks]
    assert got == [
        (1, "进出口总额增长5%。", ["顾嘉"], ["区商务局"], ["区商务局", "青屿海关"]),
        (2, "实际使用外资稳中有升。", ["顾嘉"], ["区投促中心"], ["区投促中心", "区商务局"]),
        (3, "新增城镇就业3000人。", ["邵峰"], ["区人社局"], ["区人社局"]),
    ]


def test_bracketed_lead_mark_after_a_unit_names_the_lead():
    # `X(牵头)` inside a 责任单位 list: X leads by its own role word, as in `X牵头，Y配合`, so
    # the others are the co-units (a `★` mark picks the lead and keeps the whole list); a
    # bracketed remit note (`按职责分工负责`) is no part of a unit's name.
    text = "\n".join([
        "某市安全生产治本攻坚行动任务分工", "(一)隐患排查整治行动",
        "1.开展城镇燃气隐患集中排查整治。", "责任单位:市住房城乡建设局(牵头)、市应急管理局,各县(区)政府",
        "完成时限:2024年12月底前",
        "2.建立隐患排查整改台账。", "责任单位:市安委会有关成员单位（按职责分工负责）",
        "3.推进危险化学品企业监测预警系统建设。", "责任单位:市应急管理局（牵头单位）、开发区管委会", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.lead_units, t.units) for t in doc.tasks]
    assert got == [(["市住房城乡建设局"], ["市应急管理局", "各县(区)政府"]),
                   ([], ["市安委会有关成员单位"]),
                   (["市应急管理局"], ["开发区管委会"])]


def test_pasted_row_that_lost_a_merged_cell_fills_columns_by_cell_type():
    # the second row has no 细化分工 cell: its units and time limit shift left by one and
    # are placed by what they hold; a trailing remit clause (等按职责分工落实) is no unit
    text = "\n".join([
        "某省交通运输厅2022年政务公开工作任务台账",
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |",
        "1 | 做好重大项目信息公开 | 公开重点公路项目批准和实施信息 | 规划处、建设处等按职责分工落实 | 长期推进 | |",
        "2 | 做好路网运行信息发布 | 路网中心 | 2022年6月底前 |",
        "3 | 公开本厅部门预算和决算 | 按规定时间公开预算决算 | 财务处 | 2022年8月底前 | 按年度更新 |", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.units, t.units_open, t.deadlines) for t in doc.tasks]
    assert got == [(["规划处", "建设处"], ["等"], ["长期推进"]),
                   (["路网中心"], [], ["2022年6月底前"]),
                   (["财务处"], [], ["2022年8月底前"])]


def test_unnumbered_task_is_the_paragraph_before_its_roles():
    # a news page lists unnumbered tasks, each followed by its field lines (主管领导 is a
    # leader label, 主要责任人 a named official, not a unit); a keyword heading and the
    # article's opening above a task are not its text
    text = "\n".join([
        "今年的十件实事谁来管?", "昨日,市政府督查室公布了十件实事的任务分解表,请市民监督。",
        "关键词 教育", "市区新增公办幼儿园学位6000个。", "主管领导:沈一鸣", "责任单位:市教育局",
        "主要责任人:邵远", "进度安排:8月底前全部建成。",
        "关键词 交通", "新辟公交线路12条。", "主管领导:葛振华", "责任单位:市交通运输局、市公交集团",
        "主要责任人:冯岚", "进度安排:12月底前全部投入运营。", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.text, t.leaders, t.units) for t in doc.tasks]
    assert got == [("市区新增公办幼儿园学位6000个。", ["沈一鸣"], ["市教育局"]),
                   ("新辟公交线路12条。", ["葛振华"], ["市交通运输局", "市公交集团"])]


def test_unit_named_over_its_own_list_is_the_unit_of_its_tasks():
    # a 责任清单 per unit: a line that is only the unit's name, the list's title, a lead-in,
    # then numbered tasks naming no units of their own; a wrapped heading's last line that
    # ends like an organ (`工作格局`) is no unit
    text = "\n".join([
        "青川市2024年度安全生产工作责任清单",
        "青川市应急管理局", "2024年度安全生产工作责任清单", "2024年，市应急管理局要履行综合监管职责，主要承担以下工作：",
        "1.组织开展安全生产大检查。", "2.完善应急预案体系。",
        "青川市住房和城乡建设局", "2024年度安全生产工作责任清单",
        "3.开展城镇燃气安全专项整治。",
        "二、夯实街道党建引领基础,健全街道党工委统筹辖区治理的", "工作格局",
        "4.建立街道党工委议事清单制度。", ""])
    doc = parse_text(text)
    assert doc.kind == "notice"
    assert [(t.seq, t.units) for t in doc.tasks] == [
        (1, ["青川市应急管理局"]), (2, ["青川市应急管理局"]), (3, ["青川市住房和城乡建设局"]),
        (4, ["青川市住房和城乡建设局"])]


def test_a_cover_letter_without_its_list_says_which_list_is_missing():
    # a web page that carries the cover only: the page's meta line is no attachment title,
    # and the warning names the list the cover sends
    text = "\n".join([
        "青川市人民政府办公厅关于印发2021年政府工作报告重点工作责任分解的通知",
        "各区、县(市)人民政府,市政府各部门:",
        "《2021年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。",
        "青川市人民政府办公厅", "2021年3月2日", "来源:   作者:   编辑:周一", ""])
    doc = parse_text(text, kind="notice")
    assert doc.tasks == [] and doc.meta.attachment_title is None
    assert doc.meta.signed_date == "2021-03-02"
    assert any("《2021年政府工作报告重点工作责任分解》" in w for w in doc.warnings)


def test_leader_and_lead_unit_lines_under_a_heading_hold_for_its_tasks():
    # `牵头领导:` and `牵头单位:` lines right under a group heading name the leader and the lead
    # unit of every task below it, even where a task also lists that unit among its own.
    text = "\n".join([
        "某区2023年优化营商环境行动方案", "二、主要任务", "(一)政务服务提质行动", "牵头领导:许文达",
        "牵头单位:区行政审批局",
        "1.新增集成办理事项30项。(责任单位:区行政审批局、区政务服务中心)",
        "2.网上可办率达到95%。(责任单位:区大数据中心)",
        "(二)要素保障增效行动", "牵头领导:林若溪", "牵头单位:区发改委",
        "3.新增工业用地按标准地出让。(责任单位:区自然资源局)", ""])
    doc = parse_text(text, kind="notice")
    got = [(t.leaders, t.lead_units, t.units) for t in doc.tasks]
    assert got == [(["许文达"], ["区行政审批局"], ["区行政审批局", "区政务服务中心"]),
                   (["许文达"], ["区行政审批局"], ["区大数据中心"]),
                   (["林若溪"], ["区发改委"], ["区自然资源局"])]


@pytest.mark.parametrize("meta_line, signed", [
    ("  • 成文日期：2021-03-24", "2021-03-24"),
    ("成文日期 | 2022年6月8日 | 发布日期 | 2022年6月9日 |", "2022-06-08"),
    ("成文日期: 发布日期: 2021-04-16", None),  # an empty field: the date after is another's
])
def test_signing_date_from_a_web_copys_metadata(meta_line, signed):
    text = "\n".join(["某县人民政府办公室关于印发2021年重点工作任务的通知", meta_line, "各乡镇人民政府:",
                      "现将任务印发给你们。", "1.新建学校2所。", "牵头单位:县教育局", ""])
    assert parse_text(text, kind="notice").meta.signed_date == signed


@pytest.mark.parametrize("value, names, rejected", [
    ("刘建国(县委常委、副县长)", ["刘建国"], []),
    ("张三（副市长）", ["张三"], []),
    ("张三 副县长、李四 县长助理", ["张三", "李四"], []),
    ("县政府党组成员、副县长 赵六", ["赵六"], []),
    ("市长", [], ["市长"]),  # an office and no name: say so
    ("城市更新", [], ["城市更新"]),
])
def test_offices_beside_a_leader_name_are_no_rejected_names(value, names, rejected):
    from zzgov.parsers.notice_list import read_leaders

    assert read_leaders(value) == (names, rejected)


def test_a_person_in_a_column_read_past_is_no_task_text():
    # 责任人 names the official under the lead unit: a column read past, never the task's text
    cells = ["序号", "目标任务", "牵头单位", "责任单位", "责任人",
             "1", "地区生产总值增长8%。", "区发改局", "区统计局", "胡晓峰",
             "2", "新建高标准农田2.5万亩。", "区农业农村局", "区自然资源局", "陈卫东"]
    doc = parse_text("\n\n".join(cells) + "\n", kind="notice")
    assert [(t.text, t.leaders, t.lead_units, t.units) for t in doc.tasks] == [
        ("地区生产总值增长8%。", [], ["区发改局"], ["区统计局"]),
        ("新建高标准农田2.5万亩。", [], ["区农业农村局"], ["区自然资源局"])]


def test_pasted_rows_with_a_group_cell_then_a_numbered_task_cell():
    # `一、… | 1.… | 财务科`: the first cell titles the rows below (a section), the numbered
    # cell is the task and its number the task's; a row without the group cell keeps its number
    text = "\n".join([
        "某中心2022年政务公开工作任务分解表",
        "工作任务 | 具体要求 | 责任部门 |",
        "一、做好财政资金信息公开。 | 1.按时公开本中心部门预算、决算。 | 财务科 |",
        "二、做好网站专栏信息维护。 | 2.及时更新网站专栏中的概况信息。 | 办公室 |",
        "3.及时回复网民留言板提出的咨询。 | 各科室 | |", ""])
    doc = parse_text(text, kind="notice")
    assert [(s.label, s.title) for s in doc.sections] == [("一", "做好财政资金信息公开。"), ("二", "做好网站专栏信息维护。")]
    assert [(t.seq, t.section, t.text, t.units) for t in doc.tasks] == [
        (1, "s1", "按时公开本中心部门预算、决算。", ["财务科"]),
        (2, "s2", "及时更新网站专栏中的概况信息。", ["办公室"]),
        (3, "s2", "及时回复网民留言板提出的咨询。", ["各科室"])]


def test_labels_naming_places_or_offices_as_the_units():
    # 责任县区 / 责任镇办 name counties and towns; 牵头委室 a CPPCC office; a label of two
    # bodies joined by 和 (协作委室和县级部门) is one label
    text = "\n".join([
        "某市2018年民生实事推进情况",
        "1.城区公办幼儿园建设:新建城区公办幼儿园6所。", "牵头部门:市教育局", "责任县区:岭东区、南岭县",
        "2.建成丹水河生态廊道一期工程。", "牵头部门:县水利局", "责任镇办:城关街道办、云溪镇",
        "3.召开一季度常委会议。", "牵头委室:办公室", "协作委室和县级部门:提案委、县发改局", ""])
    doc = parse_text(text, kind="notice")
    assert [(t.lead_units, t.units) for t in doc.tasks] == [
        (["市教育局"], ["岭东区", "南岭县"]), (["县水利局"], ["城关街道办", "云溪镇"]),
        (["办公室"], ["提案委", "县发改局"])]


def test_minutes_paragraphs_closed_by_their_own_role_sentence():
    # minutes of a meeting: each decision a paragraph ending `由X牵头，Y配合。` (no brackets, no
    # numbers); the opening and the lines after the last decision (本期发, …日印) are no tasks
    text = "\n".join([
        "9月6日上午,局长主持召开局长办公会,局领导参加会议。现纪要如下:",
        "会议原则同意《建筑业企业梯度培育实施方案》。会议要求,年内新培育一级企业5家以上。由建筑市场监管科牵头,政策法规科配合。",
        "会议听取了燃气管道改造进展情况的汇报。会议强调,确保10月底前完成年度改造任务。由公用事业科牵头,市燃气集团配合。",
        "会议研究了农房风貌管控有关事项。会议要求,开展乡村建设工匠培训不少于300人次。由村镇建设科负责。",
        "本期发:局领导,机关各科室。", "某市住房和城乡建设局办公室 2021年9月8日印", ""])
    doc = parse_text(text, kind="notice")
    assert [(t.seq, t.lead_units, t.units) for t in doc.tasks] == [
        (1, ["建筑市场监管科"], ["政策法规科"]), (2, ["公用事业科"], ["市燃气集团"]), (3, [], ["村镇建设科"])]
    assert doc.tasks[0].text.startswith("会议原则同意")
    assert doc.meta.printed_date == "2021-09-08"


def test_fields_in_brackets_inside_a_sentence():
    # `…“零容忍”(责任单位:人事科、教育工会),确保…`: the brackets inside the sentence hold the
    # roles; the task's text is the sentence without them
    text = "\n".join([
        "市教育局2023年工作要点", "一、加强教师队伍建设",
        "1.严格师德师风管理。对违规补课等行为“零容忍”(责任单位:人事科、教育工会),确保全年无重大师德失范事件。", ""])
    t = parse_text(text, kind="notice").tasks[0]
    assert t.units == ["人事科", "教育工会"]
    assert t.text == "严格师德师风管理。对违规补课等行为“零容忍”,确保全年无重大师德失范事件。"


def _roles(doc):
    return [(t.text, t.leaders, t.lead_units, t.units, t.units_open, t.deadlines) for t in doc.tasks]


LAYOUT_CASES = yaml.safe_load(Path(__file__).with_name("notice_layout_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", LAYOUT_CASES, ids=[c["id"] for c in LAYOUT_CASES])
def test_layout_cases(case):
    doc = parse_text("\n".join(case["lines"]), kind=case["kind"])
    if case["detect"]:
        assert doc.kind == "notice"
    fields = case.get("fields", ROLE_FIELDS)
    assert [tuple(getattr(t, f) for f in fields) for t in doc.tasks] == [tuple(t) for t in case["tasks"]]
    if case["warn"]:
        assert any(case["warn"] in w for w in doc.warnings)


ROLE_FIELDS = ("text", "leaders", "lead_units", "units", "units_open", "deadlines")


def test_leaders_named_by_group_headings_that_count_their_projects():
    # `（一）X副市长包保项目（2个）`, two leaders `共同包保`; a label with a word before a listed
    # one (属地责任单位) is one label; a project's particulars (建设内容) are read past
    text = "\n".join([
        "某市2022年重点项目包保推进方案", "三、包保项目及责任分工",
        "（一）林海涛副市长包保项目（2个）",
        "1.东湖污水处理厂三期工程。", "建设内容：新增日处理能力5万吨。", "牵头推进部门：市水务局",
        "属地责任单位：东湖区人民政府", "完成时限：2022年10月底前",
        "2.城西物流园项目。", "牵头推进部门：市商务局", "属地责任单位：城西区人民政府、市交投集团",
        "（二）吴敏副市长、陈建华秘书长共同包保项目（1个）",
        "3.市儿童医院新院区项目。", "牵头推进部门：市卫健委", "属地责任单位：南山区人民政府", ""])
    doc = parse_text(text, kind="notice")
    assert _roles(doc) == [
        ("东湖污水处理厂三期工程。", ["林海涛"], ["市水务局"], ["东湖区人民政府"], [], ["2022年10月底前"]),
        ("城西物流园项目。", ["林海涛"], ["市商务局"], ["城西区人民政府", "市交投集团"], [], []),
        ("市儿童医院新院区项目。", ["吴敏", "陈建华"], ["市卫健委"], ["南山区人民政府"], [], [])]


def test_a_plan_printed_whole_with_its_signature_after_the_tasks():
    # the cover and the plan in one text, the 成文日期 at the very end: the tasks are above it
    text = "\n".join([
        "某市发展和改革委员会 某市民政局 关于印发某市社区服务设施建设三年行动方案的通知",
        "各区(市)县政府,市级有关部门:",
        "《某市社区服务设施建设三年行动方案》已经市领导同意,现予印发,请抓好落实.",
        "一、主要目标", "到2026年底,建成示范社区60个.",
        "二、重点任务",
        "(一)开展设施摸底评估.形成问题清单.(牵头单位:市民政局;责任单位:各区(市)县政府;完成时限:2024年10月底前)",
        "(二)编制设施布局规划.(牵头单位:市规划和自然资源局;责任单位:市住建局;完成时限:2024年12月底前)",
        "某市发展和改革委员会 某市民政局", "2024年7月26日", ""])
    doc = parse_text(text, kind="notice")
    assert [(t.seq, t.lead_units, t.units, t.deadlines) for t in doc.tasks] == [
        (1, ["市民政局"], ["各区(市)县政府"], ["2024年10月底前"]),
        (2, ["市规划和自然资源局"], ["市住建局"], ["2024年12月底前"])]
    assert doc.meta.signed_date == "2024-07-26"


def test_a_group_heading_closed_by_its_lead_and_no_heading_running_over_a_blank_line():
    # `（一）…专题。（牵头部门：X、Y）` over numbered tasks: X and Y lead them; `一、总体要求`
    # does not take the paragraph after the blank line into its title; 市委党校 is a body
    text = "\n".join([
        "某市安全生产专项整治三年行动总体方案", "",
        "    一、总体要求", "",
        "    坚持问题导向、目标导向和结果导向，深化源头治理。", "",
        "    （一）学习宣传贯彻安全生产重要论述专题。（牵头部门：市委宣传部、市应急管理局）", "",
        "    1.把安全生产重要论述纳入理论学习内容。（参与部门：市委组织部、市委党校）", "",
        "    （二）危险化学品安全整治。（牵头部门：市应急管理局）", "",
        "    2.开展危险化学品企业风险评估。（参与部门：市生态环境局）", ""])
    doc = parse_text(text, kind="notice")
    assert [(t.lead_units, t.units) for t in doc.tasks] == [
        (["市委宣传部", "市应急管理局"], ["市委组织部", "市委党校"]), (["市应急管理局"], ["市生态环境局"])]
    assert [s.title for s in doc.sections][0] == "总体要求"


def test_a_role_sentence_wrapped_mid_word_over_a_blank_line():
    # a PDF's page text: `…由市住房和城乡建` / blank / `设局牵头，…`: one sentence, one unit
    text = "\n".join([
        "某市2022年城市更新重点工作分工",
        "1.实施老旧小区改造。年内新开工改造老旧小区40个。由市住房和城乡建", "",
        "设局牵头，市财政局配合。", "",
        "2.整治背街小巷环境。由市城管委牵头，各区政府具体实施。", ""])
    doc = parse_text(text, kind="notice")
    assert [(t.lead_units, t.units) for t in doc.tasks][0] == (["市住房和城乡建设局"], ["市财政局"])


@pytest.mark.parametrize("value, names", [
    ("周 立韩 蕾", ["周立", "韩蕾"]),  # two padded names run together in one cell
    ("沈 涛欧阳明", ["沈涛", "欧阳明"]),  # a padded name, then a compound family name's
    ("刘 洋", ["刘洋"]),
    ("王 明 李 华", ["王明", "李华"]),
    ("吴福民 史占勇", ["吴福民", "史占勇"]),
])
def test_padded_leader_names_run_together(value, names):
    from zzgov.parsers.notice_list import read_leaders

    assert read_leaders(value) == (names, [])


def test_a_signature_after_the_last_task_is_no_line_of_its_units():
    """A line of units alone after a numbered task names its units, but not the issuer's name
    over the date that signs a list written in the body (`20*年3月5日` as a damaged copy
    prints it)."""
    from zzgov.parsers.notice_list import classify
    from zzgov.text import fold
    from zzgov.text.lines import split_lines

    def roles(text):
        return [i.is_roles for i in classify([(ln, fold(ln.text)) for ln in split_lines(text)])]

    assert roles("(1)全面复核燃气经营许可证。\n市住建局、市市场监管局\n(2)推动钢瓶加装智能角阀。\n市市场监管局\n") == \
        [False, True, False, True]
    for date in ("2024年6月11日", "20*年3月5日", "二〇二四年六月十一日"):
        assert roles(f"(1)全面复核燃气经营许可证。\n澄州市人民政府办公厅\n{date}\n")[1] is False
