"""Kind detection: a scored decision from weighted features of the text.

Each feature is a named pattern with a weight per kind and a cap on the hits counted; the
kind with the highest total wins, and its share of all the evidence is the confidence.  A
text with too little evidence is `unknown` (parsed generically, with a warning).

>>> detect_kind("郑政办〔2020〕29号\\n1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局")[0]
'notice'
>>> detect_kind("各位代表：\\n现在，我代表市人民政府向大会报告工作，请予审议。\\n一、2023年工作回顾")[0]
'report'
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

import regex

from zzgov import rules
from zzgov.kinds import DETECTED
from zzgov.text import fold
from zzgov.text.clean import READING as _READING
from zzgov.text.lines import BR_TAG, breaks_at_tags
from zzgov.text.script import LazyPattern, lazy_re, lazy_regex

# Detection runs every feature over the head of every document, so each pattern is compiled
# with the engine that scans its shape fastest (measured on the seeds): the standard
# library's `re` for line-anchored patterns and plain word alternations (two to three times
# faster), `regex` for patterns that open with a lookbehind, digits or a rare literal.
#
# Each feature's pattern is compiled when first scanned (LazyPattern): a text without a
# feature's needle words never reaches it.
#
# A line-anchored `re` feature opens with a line feed, `\n`, where it would open with `(?m)^`:
# `re` skips ahead only to a literal or a character class that opens the pattern, and would
# otherwise try a match at every character.  The text it scans starts with a line feed too
# (see _look), so its first line counts like any other, and no feature's match ends with a
# line feed, so the hits counted are the same (tests/test_detect.py checks both spellings).


class Feature(NamedTuple):
    name: str
    pattern: regex.Pattern[str] | re.Pattern[str] | LazyPattern  # runs on width-folded text (：→:, （→(, ｜→|)
    weights: dict[str, float]  # weight per hit, by kind
    cap: int  # hits counted at most
    # set by `words_feature`: the pattern is these literal words and no two occurrences of
    # them can overlap, so its hits are the sum of the words' counts (counted by
    # `word_patterns`, where re tests the alternation's first characters at every position)
    words: tuple[str, ...] = ()
    # (words, pattern): the feature's pattern without the branches that cannot match unless
    # the text holds one of these words, scanned instead on a text that holds none of them
    # (see `lean_feature`)
    lean: tuple[tuple[str, ...], LazyPattern] | None = None
    # set by `words_feature` with `words`: the same words as patterns that open with a literal
    # (see `word_patterns`); their hits summed are the words' counts
    word_patterns: tuple[LazyPattern, ...] = ()


def overlap_free(words: tuple[str, ...]) -> bool:
    """Whether no occurrences of these words in any text can overlap: no word holds another,
    and no word ends with what a word (itself too) begins with.  Then a leftmost scan for any
    of them finds every occurrence of each, and its hits are the sum of the words' counts."""
    for a in words:
        for b in words:
            if a != b and a in b:
                return False
            if any(a.endswith(b[:k]) for k in range(1, min(len(a), len(b)))):
                return False
    return True


def word_patterns(words: tuple[str, ...]) -> tuple[LazyPattern, ...]:
    """Overlap-free `words` as one pattern per first character: that character, then the
    alternation of the words' rest (`报告(?:指出|提出|…)`).  `regex` finds a pattern that opens
    with a literal by a skip search, some three times as fast as `str.count` steps through
    Chinese text; an alternation of whole words would make it test every character.  No two
    occurrences overlap, so the hits summed over the patterns are the words' counts."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    return tuple(lazy_regex(regex.escape(first) + "(?:%s)" % "|".join(regex.escape(w[1:]) for w in group))
                 for first, group in groups.items())


def words_feature(name: str, words: tuple[str, ...], weights: dict[str, float], cap: int) -> Feature:
    """A feature that is a plain alternation of words; counted by `word_patterns` when the
    words cannot overlap (otherwise by the pattern)."""
    pattern = lazy_re("|".join(re.escape(w) for w in words))
    if not overlap_free(words):
        return Feature(name, pattern, weights, cap)
    return Feature(name, pattern, weights, cap, words, word_patterns=word_patterns(words))


# The chrome words detection counts are chrome.yaml's (zzgov/data/rules), written once there.
_SITE_WORDS = rules.fragment_words("news_site_word")
_EPAPER_NAV = rules.fragment_words("epaper_nav")
# Role words alone as labels (牵头, 协办: rules/notice.yaml's label_bare), as folded.
BARE_ROLE_WORDS = tuple(fold(e.partition("=")[0]) for e in rules.load("notice").words("label_bare"))


def lean_feature(name: str, branches: tuple[tuple[str, tuple[str, ...]], ...], weights: dict[str, float],
                 cap: int) -> Feature:
    """A feature whose pattern is the alternation of `branches`, each (pattern, words it cannot
    match without, or () for none).  A branch that opens with any Han character makes the
    engine try the whole alternation at every character, many times the cost of the other
    branches together; on a text without its words that branch can match nowhere, so the
    alternation of the other branches, in the same order, finds the same hits."""
    full = lazy_regex("|".join(b for b, _ in branches))
    needed = tuple(w for _, words in branches for w in words)
    lean = lazy_regex("|".join(b for b, words in branches if not words))
    return Feature(name, full, weights, cap, lean=(needed, lean))


# Literal words a feature cannot match without (a cheap test before the regex scan, see
# `holds`): most of a notice's text never needs the report and news patterns run over it.
# A word feature whose words open with no more distinct characters than it has needles has
# none: its count (`word_patterns`) is as cheap as the test would be.
NEEDLES: dict[str, tuple[str, ...]] = {
    "field_lines": ("导", "位", "门", "室", "所", "限", "体"),  # the last character of 领导 单位 部门 科室 站所 时限 主体
    "bare_field_lines": tuple(f"{w}:" for w in BARE_ROLE_WORDS),
    "spaced_role_header": ("序号", "序 号"),
    "task_then_field": ("领导", "单位"),
    "role_words": ("单位",),
    "inline_field_parens": ("(",),
    "task_title": ("任务", "分工", "分解"),
    "unit_list_title": ("责任书", "责任清单"),
    "doc_number": ("号",),
    "notice_title": ("关于",),
    "issuing_title": ("印发",),
    "minutes": ("纪要",),
    "plan_title": ("方案", "计划", "要点", "清单"),
    "fields_after_sentence": ("。", ";"),
    "role_sentences": ("牵头",),
    "role_parens": ("牵头", "负责"),
    "role_closed_lines": ("牵头", "负责", "主办"),
    "recipients": ("各",),
    "gongwen_tail": ("抄送", "印发"),
    "report_to_congress": ("报告工作", "请予审议"),
    "review_words": ("过去", "年来"),
    "report_part_heads": ("回顾", "安排", "重点工作", "重点任务", "总体要求", "预期目标", "目标任务", "自身建设"),
    "report_speaker": rules.fragment_words("speaker_office_word"),
    "delivery_line": ("人民代表大会",),
    "report_title_line": ("政府工作报告",),
    "congress_opening": ("开幕", "召开"),
    "keyword_heads": ("关键",),
    "label_heads": ("【",),
    "source_line": ("来源", "稿源"),
    "source_line_office": ("来源", "稿源"),
    "site_chrome": ("首页", *_SITE_WORDS),
    "byline": ("记者", "通讯员", "实习生"),
    "timestamp": ("-",),
    "dateline": ("本报讯", "日电", "日讯", "讯】"),
    "photo_credit": ("摄",),
    "epaper_chrome": ("版",),
    "narrated_congress": ("报告", "代表"),
    "reporter_learned": ("获悉", "了解到"),
    "dated_lead": ("日",),
}


# The shape of a role label, with any letter-spacing: a few characters ending in 领导, 单位,
# 部门 or 时限 (牵头单位, 协同责任单位, 包抓县领导, 责 任 单 位).  The notice reader checks the
# words themselves (zzgov/data/rules/notice.yaml); detection only needs the shape.
_G = r"[^\S\n]*"
# A source line's label, and a source that is a government office or the site itself.
_SOURCE_LABEL = r"(?:来源|稿源)[^\S\n]*:[^\S\n]*"
_OFFICE_SOURCE = r"[^\s:]{0,24}?(?:局|委|办|室|厅|府|处|科|本站|本网)(?:\s|$)"
_NEXT_LABEL = r"(?:发布|时间|日期|作者|浏览|点击)"
_ROLE_HEAD_WORDS = ("领导", "单位", "部门", "科室", "处室", "股室", "站所", "办所", "时限", "主体")
_ROLE_HEADS = tuple(f"{a}{_G}{b}" for a, b in _ROLE_HEAD_WORDS)  # letter-spaced
_ROLE_HEAD = "(?:%s)" % "|".join(_ROLE_HEADS)
_ROLE_LABELS = rf"(?:\p{{Han}}{_G}){{1,6}}?{_ROLE_HEAD}"
# A header cell pasted one per line may break inside its label: `责任` / `领导`.
_ROLE_CELL = rf"(?:\p{{Han}}{_G}){{1,6}}?(?:\n{_G}){{0,2}}{_ROLE_HEAD}"
# The end of a cell pasted on its own line, blank lines after it allowed.
_CELL_END = r"[^\S\n]*\n(?:[^\S\n]*\n)*"

# Patterns that every hit of a feature holds one of, where its needles cannot tell (a notice
# and a report both say 单位 and 领导; only a notice has a role label ending a cell or a line,
# and only a report a speaker's name after the office at a line end).  Each opens with a
# literal, which `regex` finds by a skip search, so testing them costs a few microseconds,
# where the feature's own scan tries a match at every line (or character) of the text.
GATES: dict[str, tuple[str, ...]] = {
    "role_columns": tuple(rf"(?m){h}{_G}(?=$|[\t|]|[ \u3000]{{2}})" for h in _ROLE_HEADS),
    "field_lines": tuple(rf"{h}(?:[】\]]?{_G}:|】)" for h in _ROLE_HEADS),
    # each branch of narrated_congress names the report, says what the report did, or counts
    # the delegates present (a report's own head says 政府工作报告 only in its title)
    "narrated_congress": ("政府工作报告", "报告(?:回顾了|显示|提出|指出|强调|明确)", "在报告中", "应到代表"),
    "report_speaker": tuple(rf"(?m){w}[^\S\n]+\p{{Han}}{{2,4}}{_G}$" for w in rules.fragment_words("speaker_office_word")),
    # a plan's title word closing a line; a role label with its colon
    "issuing_title": (r"(?m)的通知[^\S\n]*$",),
    "plan_title": (r"(?m)(?:工作方案|实施方案|行动方案|行动计划|工作要点|任务清单|工作清单)(?:\([^()\n]{4,14}\))?[^\S\n]*$",),
    "fields_after_sentence": tuple(rf"{h}{_G}:" for h in _ROLE_HEADS),
}


FEATURES: tuple[Feature, ...] = (
    # ---- notice (a 公文 / task decomposition) ----
    # 发文字号 郑政办〔2020〕29号
    Feature("doc_number", lazy_regex(r"(?<=\p{Han})[〔\[［(（][^\S\n]*(?:19|20)\d{2}[^\S\n]*[〕\]］)）][^\S\n]*\d{1,4}[^\S\n]*号"),
            {"notice": 3.0}, 1),
    # field lines 责任单位：… — the signature of a task decomposition
    # (the labels of zzgov/data/rules/notice.yaml, with any letter-spacing)
    # (or closed by a bracket alone: `【责任领导】林志强　【责任单位】区住建局`)
    Feature("field_lines", lazy_regex(
        rf"(?m)\n[^\S\n]*(?:[【\[]?(?:{_ROLE_LABELS})[】\]]?[^\S\n]*:|【(?:{_ROLE_LABELS})】)"), {"notice": 1.0}, 20),
    # a role word alone as the label of a field line: `牵头：新区经济服务局　协办：新区城建局`
    Feature("bare_field_lines", lazy_regex(
        rf"(?m)\n[^\S\n]*(?:{'|'.join(BARE_ROLE_WORDS)})[^\S\n]*:[^\S\n]*\p{{Han}}"), {"notice": 1.0}, 20),
    # a table header naming the columns of roles, as a row or one cell per line (a page that
    # is only the attached task table): 序号 | 重点工作任务 | 牵头单位 | 责任单位
    # (opening with a line feed where a line start would be `^`: see above)
    # (or columns aligned by wide blanks: `序号  目标任务      责任单位      序时进度`)
    Feature("role_columns", lazy_regex(
        rf"(?m)(?:[\n\t|]|[ \u3000]{{2}})[^\S\n]*(?:{_ROLE_CELL})[^\S\n]*(?=$|[\t|]|[ \u3000]{{2}})"), {"notice": 2.0}, 3),
    # a header of single blanks that numbers its rows and names a role column:
    # `序号 项目名称 挂钩领导 牵头部门 配合部门`
    Feature("spaced_role_header", lazy_regex(
        rf"(?m)\n[^\S\n]*序{_G}号[ \t][^\n]*?(?<=[ \t])(?:\p{{Han}}{{1,6}}?{_ROLE_HEAD})(?=[ \t]|$)"), {"notice": 3.0}, 1),
    # a header pasted one cell per line that numbers its rows and names a role column a few
    # cells on: 序号 / 目标任务 / 具体任务 / 牵头单位 (a table of tasks, whatever the page around it)
    Feature("numbered_role_header", lazy_regex(
        rf"(?m)\n[^\S\n]*序{_G}号{_CELL_END}(?:[^\S\n]*\S[^\n]{{1,11}}{_CELL_END}){{0,4}}[^\S\n]*(?:{_ROLE_CELL})[^\S\n]*$"),
        {"notice": 2.0}, 1),
    # a numbered task directly followed by its field line: `1. 建设学校。` / `牵头单位：市教育局`
    Feature("task_then_field", lazy_re(
        r"(?m)\n[^\S\n]*\d{1,3}[^\S\n]*[.、][^\n]{2,}\n(?:[^\S\n]*\n)*[^\S\n]*(?:责任领导|牵头领导|牵头单位|责任单位|配合单位)[^\S\n]*:"),
        {"notice": 2.0}, 3),
    # a role label opening a bracket inside a task's text: `…缓解城区“大班额”问题。(责任单位:X、Y)`
    # (the colon may be left out: `（责任领导邓思远，责任单位发改局、港航办）`)
    # (weighed as much as a report's salutation: only a task list marks its sentences so, even
    # a work report printed as one, `政府工作报告（任务分解版）`)
    Feature("inline_field_parens", lazy_regex(rf"\({_G}{_ROLE_LABELS}{_G}(?::|(?=\p{{Han}}))"), {"notice": 2.0}, 5),
    # inline or table roles: （牵头单位：X）, 序号 重点工作任务 牵头单位
    words_feature("role_words", ("牵头单位", "责任单位", "配合单位"), {"notice": 0.3}, 20),
    # 重点工作任务分解 / …工作任务的通知 / 重点任务的分工意见
    # (or a table of the tasks and their progress: …目标任务上半年推进情况汇总表)
    Feature("task_title", lazy_re(r"任务分解|重点工作任务|工作任务.{0,6}(?:通知|方案)|任务分工|分工(?:意见|方案)|目标(?:责任)?分解"
                                  r"|目标任务[^\n。,，]{0,12}(?:汇总表|分解表|台账|清单)|重点任务[^\n。,，]{0,12}(?:汇总表|分解表|台账|清单)"),
            {"notice": 2.0}, 2),
    # a unit's list of its tasks titled on a line of its own: 2011年重点工作目标责任书(5项),
    # 2025年度食品安全工作责任清单 (not `建立权力清单和责任清单` inside a sentence)
    Feature("unit_list_title", lazy_re(r"(?m)\n[^\S\n]*[^\n。,;:]{0,30}(?:目标责任书|责任清单)[^\n。,;:]{0,12}$"),
            {"notice": 2.0}, 1),
    # a 公文 title: 关于做好…的通知 / …关于落实…的分工意见
    # (or a report on the work's progress to the office that assigned it: …落实情况的督查报告)
    Feature("notice_title", lazy_regex(
        r"(?m)^[^\n。]{0,30}关于[^\n。]{2,60}(?:通知|意见|方案|决定|办法|通报|批复|(?:情况的|督查|督办)报告)[^\S\n]*$"),
            {"notice": 2.0}, 1),
    # a 公文 title that issues a plan without 关于: …办公室印发《…三年行动计划》的通知 (found from its
    # end: the scan jumps from one 的通知 to the next)
    Feature("issuing_title", lazy_regex(
        r"(?m)(?<=^(?![^\n]*关于)[^\n。]{0,40}印发[^\n。]{2,80})的通知[^\S\n]*$"), {"notice": 2.0}, 1),
    # a plan's own title on a line of its own: …管理工作方案 / …三年行动计划(2018—2020年) / …任务清单
    # (found from the title word: the scan jumps between them where a pattern opening with the
    # line would try every line)
    Feature("plan_title", lazy_regex(
        r"(?m)(?<=\n[^\S\n]*[^\n。,，:;]{4,40})(?:工作方案|实施方案|行动方案|行动计划|工作计划|工作要点|任务清单|工作清单)"
        r"(?:\([^()\n]{4,14}\))?[^\S\n]*$"), {"notice": 1.5}, 1),
    # a role label after a task's sentence on its line: `…建立设施台账。责任部门：县住建局（牵头）`
    Feature("fields_after_sentence", lazy_regex(rf"[。;]{_G}{_ROLE_LABELS}{_G}:"), {"notice": 1.0}, 5),
    # role sentences closing a task: 市交通运输局牵头，市发展改革委配合。
    Feature("role_sentences", lazy_regex(r"牵头[^\S\n]*[,;][^\S\n]*[^。\n]{0,60}?配合|(?:局|委|办|府)牵头。"), {"notice": 1.0}, 10),
    # role parentheses closing a task: （市交通局牵头，市财政局配合） / （区市场监管局负责）
    Feature("role_parens", lazy_regex(
        r"\((?=[^()\n]{0,80}?(?:局|委|办|厅|府|室|中心|部门|单位)(?:牵头|负责))[^()\n]{2,80}?(?:牵头|负责|配合)[^()\n]{0,60}?\)"),
        {"notice": 1.0}, 10),
    # and closing a line: a list of tasks, each assigned (counted again: a news page that
    # reprints such a list is read for its tasks)
    Feature("role_closed_lines", lazy_regex(
        r"(?m)\((?=[^()\n]{0,80}?(?:局|委|办|厅|府|室|中心|部门|单位)(?:牵头|负责|主办))[^()\n]{2,80}?\)[。；;]?[^\S\n]*$"),
        {"notice": 1.0}, 10),
    # 主送机关 line: 各县（市、区）人民政府，市人民政府各部门，各有关单位：
    Feature("recipients", lazy_re(r"(?m)\n[^\S\n]*各(?:县|区|市|省辖市|有关|级)[^\n]{0,60}[^\S\n]*:[^\S\n]*$"), {"notice": 1.5}, 1),
    # meeting minutes, a 公文 whose decisions assign work: 现纪要如下 / 局长办公会会议纪要【2021】第5号
    words_feature("minutes", ("纪要如下", "会议纪要"), {"notice": 3.0}, 1),
    # the cover letter's issuing sentence: 现印发给你们，请认真贯彻落实 / 现予印发
    words_feature("issued_to_you", ("印发给你们", "现予印发"), {"notice": 2.0}, 1),
    # 版记: 抄送：… / 2020年6月1日印发
    Feature("gongwen_tail", lazy_re(r"(?m)\n[^\S\n]*抄送[^\S\n]*:|日[^\S\n]*印发[^\S\n]*$"), {"notice": 2.0}, 2),

    # ---- report (a 政府工作报告 delivered to a people's congress) ----
    # 各位代表 — the salutation of a report to a congress
    words_feature("delegates", ("各位代表",), {"report": 4.0}, 2),
    # 现在，我代表市人民政府向大会报告工作，请予审议
    Feature("report_to_congress", lazy_regex(r"我代表\p{Han}{0,12}政府[^。]{0,8}报告工作|请予审议"), {"report": 3.0}, 2),
    # part headings: 一、2023年工作回顾 / 二、2024年工作安排 / 四、全面加强政府自身建设
    Feature("report_part_heads", lazy_re(
        r"(?m)\n[^\S\n]*[一二三四五六七八九十]+[^\S\n]*[、.][^\n]{0,24}(?:工作回顾|工作安排|重点工作|重点任务|总体要求|预期目标|目标任务|自身建设)"),
        {"report": 2.0}, 4),
    # the same words anywhere (a notice implementing a report quotes them too)
    words_feature("report_phrases", ("工作回顾", "主要预期目标", "工作安排", "政府自身建设"), {"report": 0.5}, 4),
    # 郑州市人民政府市长 庄建球 / 岚山省代省长　陈志远
    Feature("report_speaker", lazy_regex(
        r"(?m)\n[^\S\n]*\p{Han}{0,20}" + rules.fragment("speaker_office") + r"[^\S\n]+\p{Han}{2,4}[^\S\n]*$"),
        {"report": 3.0}, 1),
    # ——2024年1月20日在岚山省第十四届人民代表大会第二次会议上
    Feature("delivery_line", lazy_regex(rules.fragment("date") + r"[^\S\n]*在[^\n]{2,40}人民代表大会"),
            {"report": 3.0}, 1),
    # a line that is the report's title, alone or with the page it is on: `2023年湖南省政府工作报告
    # (第2/9页)`, `…政府工作报告全文(4)` (a page of a report reprinted in parts)
    Feature("report_title_line", lazy_re(
        r"(?m)\n[^\S\n]*[^\n。,;:!?]{0,30}政府工作报告[^\S\n]*(?:\(第\d{1,2}/\d{1,2}页\)|全文(?:\(\d{1,2}\))?)?[^\S\n]*$"),
        {"report": 1.5}, 1),
    # 过去一年 / 过去五年 / 一年来 — a review in the first person
    Feature("review_words", lazy_re(r"过去(?:一|五)年|一年来|五年来"), {"report": 0.5}, 2),
    # 政府工作报告 — in a report's title, but news about a report names it too
    words_feature("report_title", ("政府工作报告",), {"report": 0.8, "news": 0.3}, 3),

    # ---- news ----
    # 关键词 headings: #### 关键词 | 扩大内需 / 关键词: X / 【关键词】X / 关键词丨X
    Feature("keyword_heads", lazy_re(r"(?m)\n(?:[^\S\n]|[#*■◆●])*(?:【[^\S\n]*关键[词字][^\S\n]*】|关键[词字][^\S\n]*[|丨:/])"),
            {"news": 1.5}, 10),
    # labelled sub-parts at a line start: 【报告摘要】 / 【郑州实践】
    Feature("label_heads", lazy_regex(r"(?m)^(?:[^\S\n]|[#*])*【\p{Han}{2,8}】"), {"news": 0.5}, 6),
    # 来源: 中原网 / 稿源：; a government office or the site itself counts half, as a
    # government site names it above its notices too (来源：区政府督查室, 来源：本站)
    # (not a label left empty, the page's next label right after it: `来源: 发布时间:…`)
    Feature("source_line", lazy_regex(_SOURCE_LABEL + rf"(?!{_OFFICE_SOURCE}|{_NEXT_LABEL})\S"), {"news": 2.0}, 1),
    Feature("source_line_office", lazy_regex(_SOURCE_LABEL + rf"(?={_OFFICE_SOURCE})\S"), {"news": 1.0}, 1),
    # bylines: 郑报全媒体记者 王红 / 本报记者 张三 / 通讯员 李四
    Feature("byline", lazy_regex(r"(?:记者|通讯员|实习生)[^\S\n]*\p{Han}{2,4}(?:\s|$|、|\))"), {"news": 2.0}, 2),
    # a publication time stamp: 2021-01-07 08:39:40
    Feature("timestamp", lazy_regex(r"\d{4}-\d{1,2}-\d{1,2}[^\S\n]+\d{1,2}:\d{2}"), {"news": 1.5}, 1),
    # datelines: 本报讯 / 新华社郑州1月15日电 / 大众网济南1月25日讯
    Feature("dateline", lazy_regex(r"本报讯|(?<=\p{Han})\d{1,2}月\d{1,2}日[电讯]|【[^】\n]{1,12}讯】"), {"news": 2.0}, 1),
    # photo credits closing a caption line: `大会现场 林木 摄` (two or more Han characters
    # before 摄; a lookbehind, so that the scan skips from one 摄 to the next where a pattern
    # opening with a Han character tries every one; the same hits as PHOTO_CREDIT_AS_WRITTEN)
    Feature("photo_credit", lazy_regex(r"(?m)(?<=\p{Han}{2}[^\S\n]*)摄[^\S\n]*$"), {"news": 1.0}, 2),
    # e-paper pages: `第03版：要闻`, `上一版 下一版`, `本版标题导航`, `返回目录`
    Feature("epaper_chrome", lazy_re(r"第[^\S\n]*\d{1,2}[^\S\n]*版|" + "|".join(map(re.escape, _EPAPER_NAV))),
            {"news": 1.5}, 2),
    # a congress and its report told in the third person: `市长代表市人民政府作政府工作报告`,
    # `会议听取了…政府工作报告`, `报告显示/回顾/提出…` (a report says 我代表…)
    lean_feature("narrated_congress", (
        (r"(?<!我)代表\p{Han}{0,12}政府(?:向大会)?作(?:了)?\p{Han}{0,4}政府工作报告|听取(?:了)?[^。\n]{0,20}政府工作报告"
         r"|报告(?:回顾了|显示|提出|指出|强调|明确)|在报告中(?:说|提出|指出|表示|强调)"
         # a report cited as a source: `据文昌市政府工作报告，…` (a report never cites itself)
         r"|据[^。\n]{0,20}政府工作报告", ()),
        (r"(?<![我向])\p{Han}{2,3}作(?:了)?政府工作报告", ("作政府工作报告", "作了政府工作报告")),
        (r"应到代表\d+", ()),
    ), {"news": 2.0}, 3),
    # a congress opening, told: `县第十六届人民代表大会第二次会议在…隆重开幕`, `…第六次会议召开。`,
    # `开幕的…人大三次会议上` (a report speaks at its congress, never of it opening)
    Feature("congress_opening", lazy_regex(
        r"(?:人民代表大会|人大)[^。\n]{0,6}次会议[^。\n]{0,24}(?:开幕|召开。)"
        r"|(?:开幕|召开)的[^。\n]{0,24}(?:人民代表大会|人大)[^。\n]{0,6}次会议"),
        {"news": 2.0}, 1),
    # a paragraph opening with the day of the event it tells: `8月24日下午,区人大常委会召开…`
    Feature("dated_lead", lazy_re(r"(?m)\n[^\S\n]*\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?[,，]"), {"news": 1.0}, 1),
    # the reporter's source: `记者从市统计局获悉`, `记者了解到`
    Feature("reporter_learned", lazy_regex(r"记者(?:从|在|近日从)?[^。\n]{0,20}?(?:获悉|了解到)"), {"news": 2.0}, 1),
    # site chrome: 首页 > 时政要闻 / 相关新闻 / 精彩推荐 / 责任编辑
    Feature("site_chrome", lazy_re(r"首页[^\S\n]*>|" + "|".join(map(re.escape, _SITE_WORDS))), {"news": 1.0}, 3),
    # reporting words
    words_feature("news_words", ("据悉", "记者了解到", "采访", "报道"), {"news": 0.7}, 3),
    # reported speech about a report or meeting: 报告提出 / 会议强调
    words_feature("reported_speech", tuple(a + b for a in ("报告", "会议", "全会") for b in ("指出", "提出", "强调", "要求", "显示", "审议")),
                  {"news": 1.0}, 3),
)


# photo_credit as first written, which its lookbehind form counts the same (tests/test_detect.py)
PHOTO_CREDIT_AS_WRITTEN = r"(?m)\p{Han}{2,4}[^\S\n]*摄[^\S\n]*$"


def holds(word: str) -> Callable[[str], object]:
    """A test whether a text holds `word`.  `in` steps through a text of Chinese characters
    one at a time for a word of two or more; `regex` finds the word by a skip search, three
    times as fast.  One character goes the other way: `in` scans for it like memchr, where a
    regex search costs more to set up than the scan."""
    if len(word) == 1:
        return lambda f: word in f
    return regex.compile(regex.escape(word)).search


# What a feature's scan waits for: any of its NEEDLES held, then any of its GATES found.
_WANTS: dict[str, tuple[tuple[Callable[[str], object], ...], ...]] = {
    feat.name: tuple(tests for tests in (tuple(map(holds, NEEDLES.get(feat.name, ()))),
                                         tuple(regex.compile(g).search for g in GATES.get(feat.name, ())))
                     if tests)
    for feat in FEATURES
}


MIN_EVIDENCE = 2.0  # below this total the kind is unknown
# The head of a document decides its kind (salutation, 发文字号, first tasks, bylines) and a
# 公文's tail holds its 版记 (抄送, 印发): reading those keeps detection a fixed cost per
# document however long it is.  A first look at a short head settles most documents; only
# when it is not decisive does detection read the long head.
FIRST_LOOK_CHARS = 8_000
HEAD_CHARS = 50_000
TAIL_CHARS = 2_000
DECISIVE_SCORE = 3 * MIN_EVIDENCE  # a first look this strong for one kind …
DECISIVE_SHARE = 0.9  # … and this share of all the evidence ends detection early
KINDS = DETECTED


def _look(text: str, head: int) -> str:
    """A line feed, then the first `head` characters and the last TAIL_CHARS, width-folded (the
    whole text when that is shorter); a blank line between them keeps patterns from joining
    the two."""
    if len(text) <= head + TAIL_CHARS:
        return _without_readings(fold("\n" + text))
    return _without_readings(fold("\n" + text[:head] + "\n\n" + text[-TAIL_CHARS:]))


def _without_readings(f: str) -> str:
    """The text without the pinyin readings a conversion site prints (`會(huì)議`), which split
    the words features look for; detection needs no offsets."""
    f = _READING.sub("", f) if _READING.search(f) else f
    # line breaks written as tags (`…如下: <br> 一、重点项目 <br> 1.完成…`) are line breaks
    # wherever text.lines reads them so
    return BR_TAG.sub("\n", f) if breaks_at_tags(f) else f


def _scores(f: str) -> dict[str, float]:
    scores = dict.fromkeys(KINDS, 0.0)
    for feat in FEATURES:
        if not all(any(test(f) for test in tests) for tests in _WANTS[feat.name]):
            continue
        if feat.word_patterns:
            hits = min(feat.cap, sum(1 for p in feat.word_patterns for _ in p.finditer(f)))
        else:
            pattern = feat.pattern
            if feat.lean is not None and not any(w in f for w in feat.lean[0]):
                pattern = feat.lean[1]
            hits = 0
            for _ in pattern.finditer(f):
                hits += 1
                if hits >= feat.cap:
                    break
        for kind, w in feat.weights.items():
            scores[kind] += w * hits
    return scores


def _decisive(scores: dict[str, float]) -> bool:
    best, total = max(scores.values()), sum(scores.values())
    return best >= DECISIVE_SCORE and best >= DECISIVE_SHARE * total


def kind_scores(text: str) -> dict[str, float]:
    scores = _scores(_look(text, FIRST_LOOK_CHARS))
    if len(text) > FIRST_LOOK_CHARS + TAIL_CHARS and not _decisive(scores):
        scores = _scores(_look(text, HEAD_CHARS))
    return scores


def detect_kind(text: str) -> tuple[str, float]:
    """(kind, confidence in [0, 1]). Ties go to notice, then report."""
    scores = kind_scores(text)
    total = sum(scores.values())
    order = {"notice": 2, "report": 1, "news": 0}
    kind, best = max(scores.items(), key=lambda kv: (kv[1], order[kv[0]]))
    if best < MIN_EVIDENCE:
        return "unknown", round(1.0 - best / MIN_EVIDENCE, 3) if best > 0 else 1.0
    return kind, round(best / total, 3)
