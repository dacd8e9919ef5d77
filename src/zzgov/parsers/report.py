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

import re
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from zzgov import rules
from zzgov.models import Section
from zzgov.parsers.base import MetaDraft, ParseResult
from zzgov.parsers.common import SectionDraft, SectionTree
from zzgov.figures.place import place_of
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold, split_lines
from zzgov.text.plus import lost_plus, plus_warning, restore_plus
from zzgov.text.reflow import Joined, Para, join, paragraphs, without_symbols_after
from zzgov.text.script import any_of

# The vocabulary is in zzgov/data/rules/report.yaml (headings, parts, targets, speaker, captions)
# and chrome.yaml (the web page around a report); `R.name` is a compiled rule.
R = rules.load("report").re
C = rules.load("chrome").re
NOT_TOPIC_START = rules.load("report").words("not_topic_start")
# Head chrome, breadcrumbs, footers and button rows, in one search (asked of every short
# paragraph of the body).
CHROME = any_of(R.head_chrome, C.breadcrumb, C.footer, C.button_row)

DECOR = "#*•· \t"  # markdown and bullets before a heading: `**一、…**`, `## （一）…`
MAX_TITLE_CHARS = 60  # a longer "heading" is a sentence that happens to start with 一、
GLUE_TAIL = 5  # a heading wrapped onto the next line ends there within a few characters (`展。`)
MIN_TOPIC_CHARS = 5  # R.topic's shortest match (a test reads it off the pattern)
MIN_EXPECTED_TARGETS_CHARS = 5  # R.expected_targets' shortest match, `预期目标:` (a test checks it)
EXPECTED_TARGETS_WORD = "目标"  # in every match: a paragraph without it is not searched


# ---------------------------------------------------------------------------------------
# Small helpers


def _title(text: str, start: int, end: int) -> str:
    """A heading or topic title as written: lost `+` restored, continuation markers, breaks
    and blanks removed."""
    c = clean(restore_plus(text[start:end])).text
    if "版" in c:
        c = R.continuation.sub("", c)
    return c.strip("#*  \u3000")


def _year(s: str) -> int | None:
    m = R.year.search(s)
    return int(m[1]) if m else None


def part_of_heading(title: str, strict: bool = False) -> str | None:
    """'review' for 工作回顾 headings, 'plan' for 工作安排/重点工作/预期目标 ones, else None.
    `strict` (second-level headings) takes only unmistakable cues: a review part may hold
    `（六）加强政府自身建设`."""
    f = fold(title)
    review = bool((R.strict_review_cues if strict else R.review_cues).search(f))
    plan = bool((R.strict_plan_cues if strict else R.plan_cues).search(f))
    if review and not plan:
        return "review"
    if plan and not review:
        return "plan"
    return None


def guess_part(s: str) -> str:
    """For pages with no part heading: achieved-result wording against planning wording."""
    r = len(R.review_words.findall(s))
    p = len(R.plan_words.findall(s))
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
    return len(f) <= SHORT_LINE and bool(CHROME.search(f) or R.page_number.fullmatch(f))


def _is_meta_line(folded: Sequence[str], i: int) -> bool:
    f = folded[i]
    return bool(
        R.speaker.search(f) or R.speaker_title_line.match(f) or R.delivery.search(f)
        or (R.report_title.search(f) and len(f) <= 40)
        or (R.name_line.match(f) and i > 0 and R.speaker_title_line.match(folded[i - 1]))
    )


class FoldedHead(Sequence[str]):
    """The folded starts (`_fold_head`) of the first HEAD_LINES lines, each folded when first
    read: the body of most reports starts within a few lines, and the rest are never read."""

    __slots__ = ("_lines", "_folded")

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines[:HEAD_LINES]
        self._folded: list[str | None] = [None] * len(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i):  # an index (slices are not needed)
        f = self._folded[i]
        if f is None:
            f = self._folded[i] = _fold_head(self._lines[i].text)
        return f


# The end of the body: a footer or a report trailer at a line start, in one match.
BODY_END = any_of(C.footer, R.trailer)


def find_body(lines: list[Line]) -> tuple[Body, FoldedHead]:
    """The report proper: after head chrome, captions and title/speaker/date lines (or from
    `各位代表`), up to the first trailer (相关报道, 名词解释, footer chrome). Also returns the
    folded head lines."""
    n = len(lines)
    head = FoldedHead(lines)
    start = 0
    for i, f in enumerate(head):
        if R.salutation.match(f):
            start = i
            break
        if _is_chrome(f) or _is_caption(f) or _is_meta_line(head, i):
            start = i + 1
            continue
        break
    end = n
    for i in range(start, n):
        if BODY_END.match(lines[i].text):
            end = i
            break
    return Body(start, end), head


def read_meta(text: str, lines: list[Line], head: Sequence[str], body: Body, meta: MetaDraft) -> int | None:
    """Title and speaker from the head lines; returns the year of the delivery date line."""
    delivered = None
    for i in range(min(body.start_idx, len(head))):
        ln, f = lines[i], head[i]
        m = R.speaker.search(f)
        if m and meta.speaker is None:
            meta.set("speaker", m["name"], ln.start + m.start("name"), ln.start + m.end("name"))
            meta.set("speaker_title", clean(text, ln.start + m.start("title"), ln.start + m.end("title")).text,
                     ln.start + m.start("title"), ln.start + m.end("title"))
        elif meta.speaker is None and R.speaker_title_line.match(f) and i + 1 < len(head) \
                and R.name_line.match(head[i + 1]):
            meta.set("speaker_title", ln.text, ln.start, ln.end)
            meta.set("speaker", lines[i + 1].text, lines[i + 1].start, lines[i + 1].end)
        d = _delivery(head, i)
        if d and delivered is None:
            delivered = int(d["y"])
        if meta.title is None and not d and len(f) <= 40 and R.report_title.search(f) and not _is_chrome(f):
            meta.set("title", _title(text, ln.start, ln.end).strip("《》") or None, ln.start, ln.end)
    if delivered is None:
        # a head the body finder did not set apart (no title line it knew): the delivery line
        # still dates the report when it stands among the first lines
        for i in range(min(DELIVERY_SCAN, len(head)) if body.start_idx == 0 else 0):
            d = _delivery(head, i)
            if d:
                return int(d["y"])
    return delivered


def _delivery(head: Sequence[str], i: int):
    """The delivery line at head line i, also when it wraps onto the next line
    (`——2021年2月2日在…第十五届` / `人民代表大会…`)."""
    d = R.delivery.search(head[i])
    if d is None and i + 1 < len(head) and R.date_line_start.search(head[i]):
        d = R.delivery.search(head[i] + head[i + 1])
    return d


# How many first lines may hold the delivery line of a report whose head was not set apart.
DELIVERY_SCAN = 6


def continuation_markers(text: str, meta: MetaDraft) -> None:
    """continued_from / continued_to: the pages named by `（上接一版）` and `（下转三版）`."""
    if "版" not in text:
        return
    for m in R.continuation.finditer(text):
        page = m["page"]
        if m["dir"] in ("上接", "接"):
            if meta.continued_from is None:
                meta.set("continued_from", page, m.start(), m.end())
        else:
            meta.set("continued_to", page, m.start(), m.end())


# ---------------------------------------------------------------------------------------
# Paragraph walk: headings, topic sentences, the expected-targets paragraph


@dataclass
class _Walk:
    text: str
    tree: SectionTree = field(default_factory=SectionTree)
    headline_spans: list[tuple[int, int]] = field(default_factory=list)
    open_heading: tuple[SectionDraft, int] | None = None  # (heading, title start) that may wrap on
    pending_targets: tuple[int, int] | None = None  # a targets list set out line by line


def _heading_mark(s: str, pos: int = 0) -> tuple[int, re.Match[str]] | None:
    if not R.mark_start.match(s, pos):
        return None  # one test instead of three for the common paragraph that opens with text
    for level, pat in ((1, R.l1_mark), (2, R.l2_mark), (3, R.l3_mark)):
        m = pat.match(s, pos)
        if m:
            return level, m
    return None


def _title_end(s: str, mark_end: int, first_len: int, wrapped: bool) -> tuple[int, bool] | None:
    """(end, glued): where a heading's title ends in the joined paragraph. At its first
    sentence end when that falls on the first line, or a few characters into the next when
    the heading wrapped (`…平稳健康发\n\n展。坚持`); else at the end of the first line.
    None when the paragraph is a long sentence that merely opens with a marker."""
    m = R.sentence_end.search(s, mark_end)
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
    if R.sentence_end.search(s) or s.startswith(("#", "*")) or _heading_mark(s) or R.clause_punct.search(s):
        return False
    sec, title_start = w.open_heading
    sec.title = _title(w.text, title_start, para.end)
    sec.end = para.end
    return True


def _walk_paragraph(w: _Walk, para: Para) -> None:
    text = w.text
    j = join(text, para)
    s = j.text
    if not s:
        return
    if R.continuation.match(s):  # `（上接一版）志愿服务…`: the tail of a paragraph from another page
        w.open_heading = None
        _scan_targets(w, j, 0)
        return
    if _continue_heading(w, para, s):
        w.open_heading = None
        return
    w.open_heading = None
    pos = len(s) - len(s.lstrip(DECOR))  # `**一、2023年工作回顾**`, `## （一）…`
    mark = _heading_mark(s, pos)
    if w.pending_targets is not None and R.target_item.match(s, pos) and (mark is None or mark[0] == 3):
        _scan_targets(w, j, pos)  # `1.地区生产总值增长6%左右；`: an item of the targets list
        return
    if mark:
        level, m = mark
        found = _title_end(s, m.end(), j.line_end(0), len(para.lines) > 1)
        if found and (level < 3 or (found[0] - m.end() <= 30 and not R.clause_punct.search(s, m.end(), found[0]))):
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
    elif _unmarked_part_heading(para, s, pos):
        # `“十四五”时期工作回顾` / `2026年重点工作` on lines of their own: a reprint that lost
        # the headings' numbers still says where each part begins
        a, b = j.span(pos, len(s))
        w.tree.add(1, "", _title(text, a, b), para.start, b)
        return
    _topic(w, j, pos)
    _scan_targets(w, j, pos)


# An unnumbered part heading is a short line of its own.
UNMARKED_HEADING_CHARS = 24


def _unmarked_part_heading(para: Para, s: str, pos: int) -> bool:
    """A line that is only a part's heading without its number: it says which part it opens
    in the words of a numbered one (工作回顾, 重点工作, 工作安排) and holds no sentence."""
    t = without_symbols_after(s[pos:].strip())  # (an emoji after it: `回顾2023年工作成果🏆`)
    if len(para.lines) != 1 or not 4 <= len(t) <= UNMARKED_HEADING_CHARS:
        return False
    if R.sentence_end.search(t) or R.clause_punct.search(t) or not R.unmarked_part_heading.search(fold(t)):
        return False
    return part_of_heading(t) is not None


def _topic(w: _Walk, j: Joined, pos: int) -> None:
    """A bold-style topic sentence opening a paragraph (`消费潜力有效释放。…`) -> level 3."""
    s = j.text
    if len(s) - pos < MIN_TOPIC_CHARS:
        return
    if s.startswith(NOT_TOPIC_START, pos) or s.startswith("——", pos) or R.enumeration.match(s, pos) \
            or R.year_opening.match(s, pos):
        return
    m = R.topic.match(s, pos)
    if not m or m.end() >= len(s) or R.not_topic_words.search(m["title"]):  # a topic leads into more text
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
        if R.target_item.match(s, pos) or (len(s) <= TARGET_ITEM_CHARS and not s.rstrip().endswith("。")):
            w.pending_targets = (a, j.span(0, len(s))[1])
            return
        _close_targets(w)
    if len(s) - pos < MIN_EXPECTED_TARGETS_CHARS or s.find(EXPECTED_TARGETS_WORD, pos) == -1:
        return
    m = R.expected_targets.search(s, pos)
    if not m:
        return
    if not s[m.end():].strip():  # `主要预期目标是：` ends the paragraph; items follow line by line
        w.pending_targets = j.span(m.start(), len(s))
        return
    end = R.sentence_end.search(s, m.end())
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
    return bool(R.caption_start.match(s) or R.caption_credit.search(s, max(0, len(s) - 40)))


CAPTION_CHARS = 120  # a photo caption is a sentence or two


# ---------------------------------------------------------------------------------------
# Parts and year


def assign_parts(sections: list[SectionDraft], text: str) -> None:
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
            if own is None and prev_l1 == "review" and _plans(text[sec.start:sec.end]):
                own = "plan"  # `二、一张蓝图绘到底，奋力谱写…篇章`: a heading that names no part
            sec.part = own or prev_l1 or "review"
            prev_l1 = sec.part
        else:
            sec.part = own or ("review" if any_l1 else guess_part(text[sec.start:sec.end]))


# A part after the review whose heading names no part is the plan when planning words
# outnumber result words this many times over (a review uses 加快, 着力 too, about as often
# as 实现, 同比: 1 to 1.5 times over in the 27 provincial reports of 2026).
PLAN_MARGIN = 3
MIN_PLAN_WORDS = 10


def _plans(s: str) -> bool:
    p = len(R.plan_words.findall(s))
    return p >= MIN_PLAN_WORDS and p >= PLAN_MARGIN * len(R.review_words.findall(s))


def _sentence_before(text: str, a: int, b: int) -> str:
    """The sentence holding [a, b): from the last sentence end before a."""
    lo = max(0, a - 60)
    cut = max(text.rfind(p, lo, a) for p in "。！？!?\n")
    return text[max(cut + 1, lo):b]


def plan_year(sections: list[SectionDraft], text: str, delivered: int | None,
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
        m = R.plan_year_statement.search(text, s.start, s.end)
        if m:
            return int(m[1])
    return _year(title) if title else None


# ---------------------------------------------------------------------------------------
# Entry points


@dataclass
class ReportAnalysis:
    meta: MetaDraft
    sections: list[Section]
    body: tuple[int, int]
    headline_spans: list[tuple[int, int]]
    warnings: list[str]


def analyse_report(text: str) -> ReportAnalysis:
    """Everything but figures: meta, sections with parts, body, expected-targets spans."""
    lines = split_lines(text)
    meta = MetaDraft()
    warnings: list[str] = []
    body, head = find_body(lines)
    delivered = read_meta(text, lines, head, body, meta)
    continuation_markers(text, meta)
    if body.start_idx < body.end_idx:
        bs, be = lines[body.start_idx].start, lines[body.end_idx - 1].end
    else:
        bs, be = 0, len(text)  # no body set apart (a page whose line breaks were lost): all of it
    w = _Walk(text)
    for para in paragraphs(text, lines=lines[body.start_idx:body.end_idx]):
        if _is_noise(text, para):
            w.open_heading = None
            continue
        _walk_paragraph(w, para)
    _close_targets(w)
    drafts = w.tree.close(be)
    assign_parts(drafts, text)
    meta.year = plan_year(drafts, text, delivered, w.headline_spans, meta.title)
    sections = [d.record() for d in drafts]
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
                             headline_spans=a.headline_spans, plan_year=a.meta.year, place=place_of(text, a.meta))
    return ParseResult(meta=a.meta, sections=a.sections, figures=figures, warnings=a.warnings)
