"""Government work reports (政府工作报告) -> meta, a review/plan section tree, headline targets.

Input: the original decoded text of a city's or province's work report, as a clean file, a
web page copy (viewer buttons, 来源 lines, photo captions, 相关报道 lists, 名词解释 glossaries)
or a hard-wrapped newspaper page (`（上接一版）` … `（下转三版）`).  Output: a `ParseResult`:

    郑州市人民政府市长 庄建球          meta.speaker = "庄建球", speaker_title = "郑州市人民政府市长"
    一、2025年工作回顾                  Section(level=1, label="一", part="review")
    （一）聚力稳增长、扩内需            Section(level=2, label="（一）", part="review")
    消费潜力有效释放。华润…              Section(level=3, label="", title="消费潜力有效释放")
    三、2026年工作安排                  Section(level=1, part="plan"); meta.year = 2026
    …主要预期目标是：地区生产总值增长5%以上，…   headline span: its figures are the headline targets

Every section's `part` is "review" or "plan" (figures below get kind actual/target); headings
glued to their first sentence (`（一）统筹推进…发\\n\\n展。坚持…`) end at that sentence; a
bold-style topic sentence opening a paragraph (`消费潜力有效释放。`) is the next level down.
Text that lost its `+` in extraction (`“人工智能 ”行动`) is reported in `warnings` and repaired
in titles where unambiguous.
"""

from __future__ import annotations

import regex
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from zzgov.models import Meta, Section
from zzgov.parsers.base import ParseResult
from zzgov.parsers.common import CN_NUMERAL, CN_NUMERAL_CHARS, SectionTree, set_meta
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold, split_lines
from zzgov.text.plus import lost_plus, plus_warning, restore_plus
from zzgov.text.reflow import Joined, Para, join, paragraphs
from zzgov.text.script import any_of, compile_re

# ---------------------------------------------------------------------------------------
# Vocabularies. Patterns that scan paragraphs accept both widths (（/(, ：/:), so long text
# needs no folding; those on head lines and titles run on width-folded text.

# Heading markers at the start of a paragraph: 一、 / （一） / (一) / 1．
L1_MARK = compile_re(rf"(?P<label>{CN_NUMERAL})\s*[、.．]\s*")
L2_MARK = compile_re(rf"[(（]\s*(?P<label>{CN_NUMERAL})\s*[)）]\s*[、.．]?\s*")
L3_MARK = compile_re(r"(?P<label>\d{1,2})\s*(?:、|[.．](?!\d))\s*")
# The first character of any of the three marks (a test checks it against them).
MARK_START = compile_re(rf"[{CN_NUMERAL_CHARS}(（]|\d")
CLAUSE_PUNCT = compile_re(r"[,，;；:：]")
DECOR = "#*•· \t"  # markdown and bullets before a heading: `**一、…**`, `## （一）…`
MAX_TITLE_CHARS = 60  # a longer "heading" is a sentence that happens to start with 一、
GLUE_TAIL = 5  # a heading wrapped onto the next line ends there within a few characters (`展。`)

# Sentence ends inside a paragraph.
SENTENCE_END = compile_re(r"[。!?！？]")

# A bold-style topic sentence opening a paragraph: short, no inner comma or colon.
TOPIC = compile_re(r"(?P<title>[^,，;；:：。!?！？]{4,32})[。!?！？]")
MIN_TOPIC_CHARS = 5  # TOPIC's shortest match (a test reads it off the pattern)
# Sentences that open ordinary paragraphs, not topics: `各位代表！`, `我们…`, `今年…`.
NOT_TOPIC_START = ("各位代表", "我们", "今年", "去年", "明年", "过去", "同时", "此外", "其中", "总之",
                   "当前", "目前", "这", "但", "一年来", "五年来", "回顾", "在此")
# Enumerations open ordinary sentences too: `一是经济运行稳中向好。`
ENUMERATION = compile_re(r"[一二三四五六七八九十]+是")
# Nor do statements about a year: `2023年是全面贯彻党的二十大精神的开局之年。`
YEAR_OPENING = compile_re(r"(?:19|20)\d{2}\s*年")
# A short first sentence reporting one fact is no topic: `“智汇郑州”人才工程获评“…最佳案例”。`
NOT_TOPIC_WORDS = compile_re(r"获评|荣获|入选|获批|被评为|被授予|列入|位居|排名")

# L1 heading words that say which part a heading opens.
REVIEW_CUES = regex.compile(r"回顾|过去(?:一|五)年|工作总结|主要成绩|取得的成绩|去年工作|上年工作")
PLAN_CUES = regex.compile(
    r"工作安排|重点工作|重点任务|主要任务|总体要求|预期目标|目标任务|主要目标|发展目标|奋斗目标"
    r"|今年|明年|今后|下一步|工作部署|自身建设|工作建议|总体思路|指导思想|工作任务|政策取向"
)
STRICT_REVIEW_CUES = regex.compile(r"回顾")
STRICT_PLAN_CUES = regex.compile(r"工作安排|重点工作|重点任务|预期目标|目标任务")
# Sentence cues for a page with no part heading at all (a newspaper page from the middle):
# achieved results (`增长10.9%`, `累计…`, `…了`) versus plans (`力争`, `确保`, `要`).
REVIEW_WORDS = regex.compile(r"了|累计|同比|比上年|实现|荣获|获批|成功")
PLAN_WORDS = regex.compile(r"力争|确保|将|要|加快|着力|全力|持续推进|积极")

# The expected-targets paragraph: `今年…主要预期目标是：`, `建议主要预期目标：`,
# `2024年全省经济社会发展的主要目标是：`.
EXPECTED_TARGETS = regex.compile(
    r"(?:建议)?(?:主要)?预期(?:性)?(?:发展)?目标(?:建议)?(?:(?:是|为|如下)\s*[:：]?|\s*[:：])"
    r"|(?:今年|明年|(?:19|20)\d{2}\s*年)[^。:：;；]{0,30}?主要目标(?:是|为)\s*[:：]?"
)
# Items of a targets list set out on their own lines: `——地区生产总值增长6%左右；`, `1. …`.
MIN_EXPECTED_TARGETS_CHARS = 5  # its shortest match, `预期目标:` (a test reads it off the pattern)
EXPECTED_TARGETS_WORD = "目标"  # in every match: a paragraph without it is not searched
TARGET_ITEM = compile_re(r"(?:——|-|•|·|\d{1,2}\s*[、.．)）]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]是)")

# Speaker: `郑州市人民政府市长 庄建球`, `河南省代省长　王凯`, `自治区主席 蓝天立`.
SPEAKER_TITLE_END = r"(?:代|副)?(?:省长|市长|区长|县长|州长|盟长|旗长|主席)"
SPEAKER = regex.compile(
    rf"(?:^|\s)(?P<title>(?:\p{{Han}}[\p{{Han}}()（）]{{0,30}}?)?{SPEAKER_TITLE_END})\s+(?P<name>\p{{Han}}{{2,4}}(?:·\p{{Han}}{{1,8}})?)$"
)
SPEAKER_TITLE_LINE = regex.compile(rf"^(?P<title>(?:\p{{Han}}[\p{{Han}}()（）]{{0,30}}?)?{SPEAKER_TITLE_END})$")
NAME_LINE = regex.compile(r"^\p{Han}{2,4}(?:·\p{Han}{1,8})?$")
# Delivery line: `——2024年1月20日在河南省第十四届人民代表大会第二次会议上`.
DELIVERY = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在.{2,40}?(?:代表大会|会议)")
REPORT_TITLE = regex.compile(r"政府工作报告")
YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
PLAN_YEAR_STATEMENT = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年是")

# Newspaper continuation markers: `（上接一版）`, `（下转三版）`, `(转第4版)`.
CONTINUATION = compile_re(r"[（(]\s*(?P<dir>上接|接|下转|转)\s*(?P<page>第?[\p{Han}\d]{1,4}版)\s*[）)]")

# Web chrome before the report (these three accept both widths: they also scan body lines):
# breadcrumbs, 来源/时间 lines, viewer buttons, counters.
CHROME_LINE = compile_re(
    r"^(?:#+\s*)?(?:首页|当前位置|您的位置|来源|稿源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|浏览|阅读|点击"
    r"|字号|\[?【?字号|下载|打印|分享|收藏|关闭|扫一扫|返回|索引号|信息来源|小字号|大字号)"
    r"|^(?:【[^】]{0,12}】\s*)+$|^[\d\s:：./／\-－]+$|(?:大\s*中\s*小)"
)
# Breadcrumbs: `首页 > 时政要闻`, `河南省人民政府门户网站 > 政务公开 > 政府工作报告`.
BREADCRUMB = compile_re(r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[:：>＞»›]|(?:[>＞»›][^>＞»›]+){2,}$|首页\s*[>＞»›]")
# Either of the two above, in one search (asked of every short paragraph of the body).
CHROME_OR_BREADCRUMB = any_of(CHROME_LINE, BREADCRUMB)
# Page numbers left in by PDF extraction: `— 3 —`, `- 12 -`.
PAGE_NUMBER = compile_re(r"[-—－–\s]*\d{1,4}[-—－–\s]*")
# What follows the report on a web page or in a paper: link lists, glossaries, footers.
TRAILER = regex.compile(
    r"(?:#+\s*)?\**(?:相关报道|相关新闻|相关链接|相关阅读|延伸阅读|名词解释|附\s*[:：]\s*名词解释|责任编辑|【打印|【关闭"
    r"|分享到|扫一扫|版权所有|主办单位|网站地图|上一篇|下一篇|打印本页|关闭窗口)"
)
# Photo captions: `…同志作政府工作报告。本报记者 李明摄`, `图为…`, markdown images.
CAPTION_CREDIT = regex.compile(r"(?:记者|通讯员|摄影|图)\s*\p{Han}{2,4}(?:\s+\p{Han}{2,4})*\s*[/／]?\s*摄\s*[)）]?$")
CAPTION_START = compile_re(r"图为|[(（]图|!\[|\[图")
# The salutation that opens the spoken report.
SALUTATION = regex.compile(r"^各位代表")



# ---------------------------------------------------------------------------------------
# Small helpers


def _title(text: str, start: int, end: int) -> str:
    """A heading or topic title as written: lost `+` restored, continuation markers, breaks
    and blanks removed."""
    c = clean(restore_plus(text[start:end])).text
    if "版" in c:
        c = CONTINUATION.sub("", c)
    return c.strip("#*  \u3000")


def _year(s: str) -> int | None:
    m = YEAR.search(s)
    return int(m[1]) if m else None


def part_of_heading(title: str, strict: bool = False) -> str | None:
    """'review' for 工作回顾 headings, 'plan' for 工作安排/重点工作/预期目标 ones, else None.
    `strict` (second-level headings) takes only unmistakable cues: a review part may hold
    `（六）加强政府自身建设`."""
    f = fold(title)
    review = bool((STRICT_REVIEW_CUES if strict else REVIEW_CUES).search(f))
    plan = bool((STRICT_PLAN_CUES if strict else PLAN_CUES).search(f))
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


def guess_part(s: str) -> str:
    """For pages with no part heading: achieved-result wording against planning wording."""
    r = len(REVIEW_WORDS.findall(s))
    p = len(PLAN_WORDS.findall(s))
    return "plan" if p > r else "review"


# ---------------------------------------------------------------------------------------
# Body and meta


class Body(NamedTuple):
    start_idx: int  # index of the first body line
    end_idx: int  # index after the last body line


HEAD_LINES = 60  # the head of a web page copy: chrome, title, speaker, captions
SHORT_LINE = 80  # chrome and meta lines are short


def _fold_head(s: str) -> str:
    """The folded start of a line: enough for every test on short lines (a line longer than
    SHORT_LINE stays longer than SHORT_LINE)."""
    return fold(s[:SHORT_LINE + 1])


def _is_chrome(f: str) -> bool:
    return len(f) <= SHORT_LINE and bool(CHROME_OR_BREADCRUMB.search(f) or PAGE_NUMBER.fullmatch(f))


def _is_meta_line(folded: list[str], i: int) -> bool:
    f = folded[i]
    return bool(
        SPEAKER.search(f) or SPEAKER_TITLE_LINE.match(f) or DELIVERY.search(f)
        or (REPORT_TITLE.search(f) and len(f) <= 40)
        or (NAME_LINE.match(f) and i > 0 and SPEAKER_TITLE_LINE.match(folded[i - 1]))
    )


def find_body(lines: list[Line]) -> tuple[Body, list[str]]:
    """The report proper: after head chrome, captions and title/speaker/date lines (or from
    `各位代表`), up to the first trailer (相关报道, 名词解释, footer chrome). Also returns the
    folded head lines."""
    n = len(lines)
    head = [_fold_head(ln.text) for ln in lines[:HEAD_LINES]]
    start = 0
    for i, f in enumerate(head):
        if SALUTATION.match(f):
            start = i
            break
        if _is_chrome(f) or _is_caption(f) or _is_meta_line(head, i):
            start = i + 1
            continue
        break
    end = n
    for i in range(start, n):
        if TRAILER.match(lines[i].text):
            end = i
            break
    return Body(start, end), head


def read_meta(text: str, lines: list[Line], head: list[str], body: Body, meta: Meta) -> int | None:
    """Title and speaker from the head lines; returns the year of the delivery date line."""
    delivered = None
    for i in range(min(body.start_idx, len(head))):
        ln, f = lines[i], head[i]
        m = SPEAKER.search(f)
        if m and meta.speaker is None:
            set_meta(meta, "speaker", m["name"], ln.start + m.start("name"), ln.start + m.end("name"))
            set_meta(meta, "speaker_title", clean(text, ln.start + m.start("title"), ln.start + m.end("title")).text,
                     ln.start + m.start("title"), ln.start + m.end("title"))
        elif meta.speaker is None and SPEAKER_TITLE_LINE.match(f) and i + 1 < len(head) \
                and NAME_LINE.match(head[i + 1]):
            set_meta(meta, "speaker_title", ln.text, ln.start, ln.end)
            set_meta(meta, "speaker", lines[i + 1].text, lines[i + 1].start, lines[i + 1].end)
        d = DELIVERY.search(f)
        if d and delivered is None:
            delivered = int(d["y"])
        if meta.title is None and not d and len(f) <= 40 and REPORT_TITLE.search(f) and not _is_chrome(f):
            set_meta(meta, "title", _title(text, ln.start, ln.end).strip("《》") or None, ln.start, ln.end)
    return delivered


def continuation_markers(text: str, meta: Meta) -> None:
    """continued_from / continued_to: the pages named by `（上接一版）` and `（下转三版）`."""
    if "版" not in text:
        return
    for m in CONTINUATION.finditer(text):
        page = m["page"]
        if m["dir"] in ("上接", "接"):
            if meta.continued_from is None:
                set_meta(meta, "continued_from", page, m.start(), m.end())
        else:
            set_meta(meta, "continued_to", page, m.start(), m.end())


# ---------------------------------------------------------------------------------------
# Paragraph walk: headings, topic sentences, the expected-targets paragraph


@dataclass
class _Walk:
    text: str
    tree: SectionTree = field(default_factory=SectionTree)
    headline_spans: list[tuple[int, int]] = field(default_factory=list)
    open_heading: tuple[Section, int] | None = None  # (heading, title start) that may wrap on
    pending_targets: tuple[int, int] | None = None  # a targets list set out line by line


def _heading_mark(s: str, pos: int = 0) -> tuple[int, re.Match[str]] | None:
    if not MARK_START.match(s, pos):
        return None  # one test instead of three for the common paragraph that opens with text
    for level, pat in ((1, L1_MARK), (2, L2_MARK), (3, L3_MARK)):
        m = pat.match(s, pos)
        if m:
            return level, m
    return None


def _title_end(s: str, mark_end: int, first_len: int, wrapped: bool) -> tuple[int, bool] | None:
    """(end, glued): where a heading's title ends in the joined paragraph. At its first
    sentence end when that falls on the first line, or a few characters into the next when
    the heading wrapped (`…平稳健康发\n\n展。坚持`); else at the end of the first line.
    None when the paragraph is a long sentence that merely opens with a marker."""
    m = SENTENCE_END.search(s, mark_end)
    limit = first_len + (GLUE_TAIL if wrapped else 0)
    if m and m.start() <= limit and m.start() - mark_end <= MAX_TITLE_CHARS:
        return m.start(), True
    if first_len - mark_end <= MAX_TITLE_CHARS and (wrapped or first_len == len(s)):
        return first_len, False
    return None


def _continue_heading(w: _Walk, para: Para, s: str) -> bool:
    """A heading title wrapped onto a short line of its own (`二、2020年政府工作总体要求` /
    `和主要预期目标`): extend the title and say so."""
    if w.open_heading is None or len(para.lines) != 1 or len(s) > 20:
        return False
    if SENTENCE_END.search(s) or s.startswith(("#", "*")) or _heading_mark(s) or CLAUSE_PUNCT.search(s):
        return False
    sec, title_start = w.open_heading
    sec.title = _title(w.text, title_start, para.end)
    sec.span.end = para.end
    return True


def _walk_paragraph(w: _Walk, para: Para) -> None:
    text = w.text
    j = join(text, para)
    s = j.text
    if not s:
        return
    if CONTINUATION.match(s):  # `（上接一版）志愿服务…`: the tail of a paragraph from another page
        w.open_heading = None
        _scan_targets(w, j, 0)
        return
    if _continue_heading(w, para, s):
        w.open_heading = None
        return
    w.open_heading = None
    pos = len(s) - len(s.lstrip(DECOR))  # `**一、2023年工作回顾**`, `## （一）…`
    mark = _heading_mark(s, pos)
    if w.pending_targets is not None and TARGET_ITEM.match(s, pos) and (mark is None or mark[0] == 3):
        _scan_targets(w, j, pos)  # `1.地区生产总值增长6%左右；`: an item of the targets list
        return
    if mark:
        level, m = mark
        found = _title_end(s, m.end(), j.line_end(0), len(para.lines) > 1)
        if found and (level < 3 or (found[0] - m.end() <= 30 and not CLAUSE_PUNCT.search(s, m.end(), found[0]))):
            _close_targets(w)  # a heading ends a targets list set out line by line
            end, glued = found
            ts, te = j.span(m.end(), end)
            label = m["label"] if level != 2 else clean(s[m.start():m.end()]).text.rstrip("、.． ")
            sec = w.tree.add(level, label, _title(text, ts, te), para.start, te)
            if glued:  # the rest of the paragraph is the heading's intro text
                _scan_targets(w, j, end + 1)
                return
            if end >= len(s):
                w.open_heading = (sec, ts)
                return
            pos = end  # a standalone heading line that the reflow ran into the next paragraph
    _topic(w, j, pos)
    _scan_targets(w, j, pos)


def _topic(w: _Walk, j: Joined, pos: int) -> None:
    """A bold-style topic sentence opening a paragraph (`消费潜力有效释放。…`) -> level 3."""
    s = j.text
    if len(s) - pos < MIN_TOPIC_CHARS:
        return
    if s.startswith(NOT_TOPIC_START, pos) or s.startswith("——", pos) or ENUMERATION.match(s, pos) \
            or YEAR_OPENING.match(s, pos):
        return
    m = TOPIC.match(s, pos)
    if not m or m.end() >= len(s) or NOT_TOPIC_WORDS.search(m["title"]):  # a topic leads into more text
        return
    a, b = j.span(pos, m.end("title"))
    w.tree.add(3, "", _title(w.text, a, b), a, b)


def _scan_targets(w: _Walk, j: Joined, pos: int) -> None:
    """Record the expected-targets sentence (or a list set out after it) as a headline span."""
    s = j.text
    if pos >= len(s):
        return
    if w.pending_targets is not None:
        a, _ = w.pending_targets
        if TARGET_ITEM.match(s, pos) or (len(s) <= TARGET_ITEM_CHARS and not s.rstrip().endswith("。")):
            w.pending_targets = (a, j.span(0, len(s))[1])
            return
        _close_targets(w)
    if len(s) - pos < MIN_EXPECTED_TARGETS_CHARS or s.find(EXPECTED_TARGETS_WORD, pos) == -1:
        return
    m = EXPECTED_TARGETS.search(s, pos)
    if not m:
        return
    if not s[m.end():].strip():  # `主要预期目标是：` ends the paragraph; items follow line by line
        w.pending_targets = j.span(m.start(), len(s))
        return
    end = SENTENCE_END.search(s, m.end())
    w.headline_spans.append(j.span(m.start(), end.end() if end else len(s)))


TARGET_ITEM_CHARS = 60  # an unmarked line of a targets list is short


def _close_targets(w: _Walk) -> None:
    if w.pending_targets is not None:
        w.headline_spans.append(w.pending_targets)
        w.pending_targets = None


def _is_noise(text: str, para: Para) -> bool:
    """Chrome lines and photo captions inside the body (both short)."""
    if para.end - para.start > CAPTION_CHARS:
        return False
    if len(para.lines) == 1 and _is_chrome(para.lines[0].text):
        return True
    return _is_caption(text[para.start:para.end])


def _is_caption(s: str) -> bool:
    return bool(CAPTION_START.match(s) or CAPTION_CREDIT.search(s, max(0, len(s) - 40)))


CAPTION_CHARS = 120  # a photo caption is a sentence or two


# ---------------------------------------------------------------------------------------
# Parts and year


def assign_parts(sections: list[Section], text: str) -> None:
    """Every section gets 'review' or 'plan'. Reports run review → plan: an L1 heading without
    its own cue continues the part before it (the first one opens the review); sections
    before the first L1 heading (a page from the middle of the review) are review when an L1
    heading follows, else each is guessed from its wording."""
    by_id = {s.id: s for s in sections}
    any_l1 = any(s.level == 1 for s in sections)
    prev_l1: str | None = None
    for sec in sections:
        own = part_of_heading(sec.title, strict=sec.level > 1) if sec.level <= 2 else None
        if sec.parent is not None:
            sec.part = own or by_id[sec.parent].part or "review"
        elif sec.level == 1:
            sec.part = own or prev_l1 or "review"
            prev_l1 = sec.part
        else:
            sec.part = own or ("review" if any_l1 else guess_part(text[sec.span.start:sec.span.end]))


def _sentence_before(text: str, a: int, b: int) -> str:
    """The sentence holding [a, b): from the last sentence end before a."""
    lo = max(0, a - 60)
    cut = max(text.rfind(p, lo, a) for p in "。！？!?\n")
    return text[max(cut + 1, lo):b]


def plan_year(sections: list[Section], text: str, delivered: int | None,
              headline: list[tuple[int, int]], title: str | None) -> int | None:
    """The year the report plans for, from the strongest cue present: a plan heading
    (`三、2026年工作安排`), the targets sentence (`2024年…主要预期目标`), the delivery date
    (`——2024年1月20日在…会议上`), the review year + 1 (`一、2023年工作回顾`), a plan
    statement (`2020年是…收官之年`), the title."""
    plan_l1 = [s for s in sections if s.level == 1 and s.part == "plan"]
    for s in plan_l1:
        y = _year(s.title)
        if y:
            return y
    for a, b in headline:
        y = _year(_sentence_before(text, a, b))
        if y and (delivered is None or y >= delivered):
            return y
    if delivered:
        return delivered
    review_years = [y for s in sections if s.level == 1 and s.part == "review" for y in [_year(s.title)] if y]
    if review_years:
        return max(review_years) + 1
    for s in plan_l1:
        m = PLAN_YEAR_STATEMENT.search(text, s.span.start, s.span.end)
        if m:
            return int(m[1])
    return _year(title) if title else None


# ---------------------------------------------------------------------------------------
# Entry points


@dataclass
class ReportAnalysis:
    meta: Meta
    sections: list[Section]
    body: tuple[int, int]
    headline_spans: list[tuple[int, int]]
    warnings: list[str]


def analyse_report(text: str) -> ReportAnalysis:
    """Everything but figures: meta, sections with parts, body, expected-targets spans."""
    lines = split_lines(text)
    meta = Meta()
    warnings: list[str] = []
    body, head = find_body(lines)
    delivered = read_meta(text, lines, head, body, meta)
    continuation_markers(text, meta)
    if body.start_idx < body.end_idx:
        bs, be = lines[body.start_idx].start, lines[body.end_idx - 1].end
    else:
        bs = be = len(text)
    w = _Walk(text)
    for para in paragraphs(text, lines=lines[body.start_idx:body.end_idx]):
        if _is_noise(text, para):
            w.open_heading = None
            continue
        _walk_paragraph(w, para)
    _close_targets(w)
    sections = w.tree.finalize(be)
    assign_parts(sections, text)
    meta.year = plan_year(sections, text, delivered, w.headline_spans, meta.title)
    sites = lost_plus(text, bs, be)
    pw = plus_warning(sites, text)
    if pw:
        warnings.append(pw)
    if not sections:
        warnings.append("no report headings found")
    if not w.headline_spans:
        warnings.append("no expected-targets paragraph (主要预期目标) found")
    if meta.year is None:
        warnings.append("plan year not found")
    return ReportAnalysis(meta, sections, (bs, be), w.headline_spans, warnings)


def expected_targets_spans(text: str) -> list[tuple[int, int]]:
    """Spans of a report's expected-targets sentences (主要预期目标 …): the headline targets."""
    return analyse_report(text).headline_spans


def parse_report(text: str) -> ParseResult:
    a = analyse_report(text)
    figures = attach_figures(text, a.sections, [], doc_kind="report", body=a.body,
                             headline_spans=a.headline_spans, plan_year=a.meta.year)
    return ParseResult(meta=a.meta, sections=a.sections, figures=figures, warnings=a.warnings)
