"""News articles (reports on a work report, meeting read-outs) -> meta and a section tree.

Input: the original decoded text of a news article, as copied from a news site (breadcrumbs,
date/source line, footer link lists) or from a paper's markdown export.  Output: a
`ParseResult` with news meta and sections:

    首页 > 时政要闻                              (site chrome: dropped)
    ### 政府工作报告之郑州实践                  meta.column
    # 书写高质量发展的时代答卷                  meta.title
    2021-01-07 08:39:40 来源: 中原网            meta.published = "2021-01-07T08:39:40", outlet = "中原网"
    #### 关键词 | 稳中求进                       Section(level=1, label="稳中求进", title="稳中求进")
    **【报告摘要】**统筹推进疫情防控…           Section(level=2, label="【报告摘要】", title="报告摘要")
    1打造科技创新中心                           Section(label="1", title="打造科技创新中心")
    郑报全媒体记者 赵柳影 董艳竹                meta.authors = ["赵柳影", "董艳竹"]
    相关新闻 / 精彩推荐 / 电脑版                (footer chrome: the body ends before it)

关键词 headings come in many spellings (`#### 关键词 | X`, `关键词: X`, `关键词：X`, `【关键词】X`,
`关键词丨X`); ordinal heads (`看点一：X`), markdown or bold subheads and numbered heads that
count up (`1打造…`, `一、…`, `（一）…`) come next; labelled sub-parts (`【报告摘要】`, `【郑州实践】`)
sit innermost.  Short banner lines between sections (`“十三五”` / `郑州发展 成绩喜人`) end the
section before them.  The column comes from a kicker above the headline, a `【栏目】` prefix on
it, a `栏目：` line or the last breadcrumb.  Figures are scanned in the body only (after the
head, before the closing byline and footer chrome), each sentence deciding target or actual.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from zzgov import rules
from zzgov.models import Section
from zzgov.parsers.base import MetaDraft, ParseResult
from zzgov.parsers.common import SectionTree, cn_small_int
from zzgov.figures.place import place_of
from zzgov.parsers.report import part_of_heading
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold, split_lines
from zzgov.text.clean import READING
from zzgov.text.plus import lost_plus, plus_warning, restore_plus
from zzgov.text.script import any_of

# The vocabulary is in zzgov/data/rules/news.yaml (heads, meta lines, datelines, bylines,
# e-paper labels) and chrome.yaml (the site around an article); `N.name` is a compiled rule.
# Patterns run on width-folded text (｜→|, ：→:, （→().
N = rules.load("news").re
C = rules.load("chrome").re
CREDIT_MARKS = rules.load("news").words("credit_marks")
# Site chrome in the head or after the body: breadcrumbs, viewer buttons, e-paper navigation,
# photo captions, in one search.
CHROME = any_of(C.breadcrumb, C.button_row, C.viewer, N.epaper_chrome, N.caption_line)

DECOR = "*■◆●▲▶►★☆◎○•·◇□ \t"  # bullets and bold marks around headings: `**【报告摘要】**`
MAX_HEAD_CHARS = 30  # a numbered head is a short line without sentence punctuation
# Every head but a markdown heading has a label and a title: at least two characters. Lines
# shorter than that (hard-wrapped text can have hundreds of thousands) skip the head patterns.
MIN_HEAD_CHARS = 2
# The shortest line C.footer matches (`责编`); a test checks it against the pattern.
MIN_FOOTER_CHARS = 2
NAV_MARK = "标题导航"  # the page's list of headlines follows, up to the article's own headline
MAX_BYLINE_CHARS = 60


# ---------------------------------------------------------------------------------------
# Lines


class Row(NamedTuple):
    line: Line
    f: str  # folded text
    core: str  # folded text without markdown hashes and bold/bullet decoration
    hashes: int  # markdown heading level, 0 for none


# Heads, meta lines and chrome are short: folding the first characters of a line decides
# them all (every length test below is under this), and keeps the pass cheap on long text.
SCAN_CHARS = 128


def _rows(text: str, folded: str | None = None) -> list[Row]:
    # Folding keeps lengths and works character by character, so one fold of the whole text
    # sliced per line equals folding each line (and costs one C-level pass, not one per line).
    folded = fold(text) if folded is None else folded
    out = []
    new = tuple.__new__  # a Row without the Python-level __new__ of a NamedTuple
    for ln in split_lines(text):
        f = folded[ln.start:min(ln.end, ln.start + SCAN_CHARS)]
        m = N.md_heading.match(f) if f[0] == "#" else None
        core = f[m.end():] if m else f
        out.append(new(Row, (ln, f, core.strip(DECOR), len(m["hashes"]) if m else 0)))
    return out


def _text(text: str, ln: Line, keep_blanks: bool = True) -> str:
    """A line as written, markdown and decoration stripped, blanks collapsed."""
    s = clean(restore_plus(ln.text), keep_blanks=keep_blanks).text
    return s.lstrip("#").strip(DECOR)


# ---------------------------------------------------------------------------------------
# Meta


def iso_datetime(s: str) -> str | None:
    """`2021-01-07 08:39:40` → `2021-01-07T08:39:40`; a date alone gets T00:00:00."""
    m = N.datetime.search(s)
    if not m:
        return None
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    hh, mm, ss = int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and hh < 24 and mm < 60 and ss < 60):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}"


def parse_byline(s: str) -> list[str] | None:
    """Author names from a byline, or None when s is not one.

    >>> parse_byline("郑报全媒体记者 赵柳影 董艳竹 曹婷 肖雅文")
    ['赵柳影', '董艳竹', '曹婷', '肖雅文']
    """
    s = fold(s).strip().strip("()[]【】 ")
    if not s or len(s) > MAX_BYLINE_CHARS or N.sentence_punct.search(s):
        return None
    names: list[str] = []
    role: str | None = None  # "author", "other" or None before any role word
    seen_role = False
    tokens = [t for t in N.name_split.split(s) if t]
    for k, tok in enumerate(tokens):
        tok = tok.strip(":")
        if not tok:
            continue
        if N.author_role.fullmatch(tok) or N.author_role.fullmatch(tok + ":"):
            role, seen_role = "author", True
            continue
        if N.other_role.fullmatch(tok):
            role, seen_role = "other", True
            continue
        g = N.glued_role.match(tok)
        if g and N.author_role.fullmatch(g["role"]):
            role, seen_role = "author", True
            names.append(g["name"])
            continue
        if tok in CREDIT_MARKS:
            continue
        if tok.endswith(("/文", "/图", "/摄")):  # `张三/文`, `李四/图`, `杨波/摄` (photo credits)
            if tok.endswith("/文") and N.name.match(tok[:-2]) and role == "author":
                names.append(tok[:-2])
            continue
        photo = tok.endswith("摄") and N.name.match(tok[:-1])
        if photo or (k + 1 < len(tokens) and tokens[k + 1] == "摄"):
            continue  # a photographer's credit
        if N.name.match(tok):
            if role == "author":
                names.append(tok)
            continue
        return None
    if not seen_role or not names:
        return None
    out: list[str] = []
    for n in names:
        if n not in out:
            out.append(n)
    return out


@dataclass
class _Head:
    title_idx: int | None = None
    column_idx: int | None = None
    meta_idx: list[int] = field(default_factory=list)  # date/source and byline lines
    body_start: int = 0  # index of the first body row
    body_end: int = 0  # index after the last body row
    head_idx: list[int] = field(default_factory=list)  # kicker, headline and subtitle rows


def _is_head_candidate(r: Row, first: bool = False) -> bool:
    """A line that may be a headline or kicker: short, not a sentence, not a section head.
    The first one may open with its column in brackets: `【两会进行时】政府工作报告十大看点`."""
    c = r.core
    if not (0 < len(c) <= 80) or c.endswith(("。", ":")) or N.keyword_head.match(c) or N.ordinal_head.match(c):
        return False
    if N.dateline.match(c) or N.dateline_byline.match(c):
        return False
    label = N.label_head.match(c)
    if label and not N.not_labels.search(label["label"]):
        return first and len(c) - label.end() >= LABELLED_TITLE_CHARS
    return True


LABELLED_TITLE_CHARS = 6  # `【栏目】` + a headline of at least this many characters


META_LABEL_CHARS = 8  # a meta label alone on its line (发布日期:) is this long at most


def _is_meta_row(r: Row) -> bool:
    c = r.core
    if len(c) > 100:
        return False
    if N.epaper_head.match(c):
        return True
    if N.datetime.search(c) and (N.meta_words.search(c) or len(N.datetime.sub("", c).strip()) <= 2
                                 or (len(c) <= LABELLED_DATE_CHARS and N.labelled_date_line.match(c))):
        return True
    if c.endswith(":") and len(c) <= META_LABEL_CHARS and N.meta_words.search(c):
        return True  # a date's label alone, the date on the next line (`发布日期:` / `2025年07月28日`)
    return bool(N.source.search(c)) or parse_byline(c) is not None


LABELLED_DATE_CHARS = 48  # a labelled date line is short: a sentence opening `X:` is body


def _is_chrome(r: Row) -> bool:
    return len(r.core) <= 80 and bool(CHROME.search(r.core))


def find_head(rows: list[Row]) -> _Head:
    """Title, kicker (column) and date/source/byline lines at the top; where the body runs."""
    h = _Head()
    n = len(rows)
    i = 0
    candidates: list[int] = []
    while i < min(n, 30):
        r = rows[i]
        if NAV_MARK in r.core and len(r.core) <= 12:
            i = _skip_nav(rows, i + 1)
            continue
        if _is_chrome(r):
            i += 1
            continue
        if _is_meta_row(r):
            h.meta_idx.append(i)
            i += 1
            continue
        after_meta = bool(candidates and h.meta_idx and h.meta_idx[-1] > candidates[-1])
        first = not candidates and not h.meta_idx
        if _is_head_candidate(r, first) and len(candidates) < 3 and not after_meta \
                and (first or not _looks_like_section(r)):
            # A run of short lines before the body: kicker, headline, subtitle.
            if candidates and not (r.hashes or rows[candidates[-1]].hashes) and len(r.core) > 40:
                break
            candidates.append(i)
            i += 1
            continue
        break
    h.body_start = i
    h.head_idx = candidates
    _pick_title(rows, candidates, h)
    h.body_end = n
    for j in range(h.body_start, n):
        r = rows[j]
        # (the line as folded is tried only where it differs from its core: most lines have
        # no decoration to strip, and the match costs more than the comparison)
        if len(r.f) >= MIN_FOOTER_CHARS and (C.footer.match(r.core) or (r.f != r.core and C.footer.match(r.f))):
            h.body_end = j
            break
    # A byline closing the article is meta, not body.
    j = h.body_end - 1
    while j >= h.body_start and (_is_meta_row(rows[j]) or _is_chrome(rows[j])) and h.body_end - j <= 4:
        h.meta_idx.append(j)
        j -= 1
    h.body_end = j + 1
    return h


def _skip_nav(rows: list[Row], i: int) -> int:
    """Past an e-paper page's list of headlines: to the row that repeats one of them (the
    article's own headline), or past the short rows when none repeats."""
    seen: set[str] = set()
    j = i
    while j < len(rows) and len(rows[j].core) <= NAV_ENTRY_CHARS:
        if rows[j].core in seen:
            return j
        seen.add(rows[j].core)
        j += 1
    return i if j >= len(rows) else j


NAV_ENTRY_CHARS = 30


def _looks_like_section(r: Row) -> bool:
    """A first section head right under the headline (`关键词：…`, `【报告摘要】`, `1打造…`, `一、…`)."""
    if N.keyword_head.match(r.core) or N.ordinal_head.match(r.core):
        return True
    m = N.label_head.match(r.core)
    if m and not N.not_labels.search(m["label"]):
        return True
    h = _numbered("", r)
    return h is not None and _number_of(h) == 1


def _pick_title(rows: list[Row], cand: list[int], h: _Head) -> None:
    """Markdown: the candidate with the fewest #s is the headline, a heading above it the
    kicker. Plain text: the first candidate, unless it reads like a column name and another
    follows; a second line opening with —— is a subtitle, left out of the title."""
    if not cand:
        return
    md = [i for i in cand if rows[i].hashes]
    if md:
        best = min(md, key=lambda i: (rows[i].hashes, i))
        h.title_idx = best
        before = [i for i in md if i < best]
        if before:
            h.column_idx = before[-1]
        return
    if len(cand) >= 2 and N.column_cue.search(rows[cand[0]].core) and len(rows[cand[0]].core) <= 24 \
            and not rows[cand[1]].core.startswith("——"):
        h.column_idx, h.title_idx = cand[0], cand[1]
        return
    h.title_idx = cand[0]


def read_meta(text: str, rows: list[Row], h: _Head, meta: MetaDraft) -> None:
    if h.title_idx is not None:
        ln = rows[h.title_idx].line
        meta.set("title", _text(text, ln) or None, ln.start, ln.end)
        label = N.label_head.match(meta.title or "")
        if label and h.column_idx is None and len(meta.title) - label.end() >= LABELLED_TITLE_CHARS:
            meta.column = label["label"]  # `【两会进行时】政府工作报告十大看点`
            meta.title = meta.title[label.end():].strip()
    if h.column_idx is not None:
        ln = rows[h.column_idx].line
        meta.set("column", _text(text, ln) or None, ln.start, ln.end)
    for i in range(min(len(rows), h.body_start)):
        c = rows[i].core
        m = N.column_line.match(c)
        if m and meta.column is None:
            meta.column = m["col"].strip()
        if C.breadcrumb.search(c) and meta.column is None:
            crumbs = [x.strip() for x in N.crumb_split.split(c) if x.strip()]
            if len(crumbs) >= 2 and len(crumbs[-1]) <= 12:
                meta.column = _crumb(text, rows[i].line, crumbs[-1])
    authors: list[str] = []
    for i in sorted(h.meta_idx):
        c = rows[i].core
        ln = rows[i].line
        if meta.published is None and N.datetime.search(c):
            meta.set("published", iso_datetime(c), ln.start, ln.end)
        e = N.epaper_head.match(c)
        if e and meta.outlet is None:
            meta.set("outlet", e["paper"], ln.start + e.start("paper"), ln.start + e.end("paper"))
        s = N.source.search(ln.text)  # the outlet as written (`人民网－河南频道`)
        if s and meta.outlet is None:
            meta.set("outlet", s["src"], ln.start + s.start("src"), ln.start + s.end("src"))
        names = parse_byline(c)
        if names and "authors" not in meta.spans:
            meta.spans["authors"] = (ln.start, ln.end)
        for part in N.byline_split.split(c) if names is None else ():
            more = parse_byline(N.author_label.sub("作者 ", part.strip()))
            authors.extend(x for x in more or () if x not in authors)
        authors.extend(x for x in names or () if x not in authors)
    # A dateline in the first paragraph: `新华社郑州1月15日电（记者 张三、李四）`.
    for i in range(h.body_start, min(h.body_end, h.body_start + 3)):
        c = rows[i].core
        d = N.dateline.match(c)
        if d and meta.outlet is None:
            meta.outlet = d["outlet"]
        b = N.dateline_byline.match(c)
        if b:
            authors.extend(x for x in parse_byline(b["by"]) or () if x not in authors)
    meta.authors = authors


def _crumb(text: str, ln: Line, folded_crumb: str) -> str:
    """The last breadcrumb as written."""
    s = ln.text
    return s[len(s) - len(folded_crumb):].strip() if fold(s).endswith(folded_crumb) else folded_crumb


# ---------------------------------------------------------------------------------------
# Sections


class Head(NamedTuple):
    kind: str  # one of HEAD_ORDER
    label: str
    title: str
    start: int  # offset of the line
    end: int  # offset after the heading's own text


def _keyword(text: str, r: Row) -> Head | None:
    m = N.keyword_head.match(r.core)
    if not m:
        return None
    kw = m["kw"].strip(DECOR)
    cut = N.head_punct.search(kw)
    if cut:  # `关键词：稳中求进。统筹推进…`: the keyword ends at the first punctuation
        kw = kw[:cut.start()]
    if not 1 <= len(kw) <= 24:
        return None
    title = _as_written(text, r, kw)
    return Head("keyword", title, title, r.line.start, r.line.end)


def _ordinal(text: str, r: Row) -> Head | None:
    m = N.ordinal_head.match(r.core)
    if not m or N.head_punct.search(m["title"]):
        return None
    return Head("ordinal", _as_written(text, r, m["label"]), _as_written(text, r, m["title"]),
                r.line.start, r.line.end)


def _as_written(text: str, r: Row, folded_part: str) -> str:
    """The original characters of a folded substring of a row's core (folding keeps lengths).
    The row's folded start holds the core, so the first place the part is found there is its
    first place in the whole folded line: no need to fold the line again."""
    ln = r.line
    k = r.f.find(folded_part)
    if k < 0:
        return folded_part
    return clean(restore_plus(ln.text[k:k + len(folded_part)]), keep_blanks=True).text.strip(DECOR)


def _label(text: str, r: Row) -> Head | None:
    m = N.label_head.match(r.core)
    if not m or N.not_labels.search(m["label"]):
        return None
    label = _as_written(text, r, m[0])
    return Head("label", label, label.strip("【】"), r.line.start, r.line.end)


def _numbered(text: str, r: Row) -> Head | None:
    c = r.core
    if len(c) > MAX_HEAD_CHARS + 4 or N.head_punct.search(c.rstrip("。")):
        return None
    for kind, pat in (("cn_paren", N.cn_paren_head), ("cn", N.cn_head), ("arabic", N.arabic_head)):
        m = pat.match(c)
        if m and len(m["title"]) <= MAX_HEAD_CHARS:
            label = m["label"] if kind != "cn_paren" else f"（{m['label']}）"
            return Head(kind, label, _as_written(text, r, m["title"].rstrip("。")), r.line.start, r.line.end)
    return None


def _number_of(h: Head) -> int | None:
    if h.kind == "arabic":
        return int(h.label)
    return cn_small_int(h.label.strip("（）"))


# Kinds of heads from the outermost in: 关键词 first, labels innermost.
HEAD_ORDER = ("keyword", "ordinal", "subhead", "cn", "cn_paren", "arabic", "label")


def _subhead(text: str, r: Row) -> Head | None:
    """A markdown heading or a bold line in the body that is none of the other heads."""
    if len(r.core) > MAX_HEAD_CHARS or not r.core or N.head_punct.search(r.core.rstrip("。")):
        return None
    if r.hashes or N.bold_line.fullmatch(r.f.strip()):
        title = _as_written(text, r, r.core)
        return Head("subhead", "", title, r.line.start, r.line.end)
    return None


BANNER_CHARS = 20  # short lines between paragraphs that end a section (`2020年` / `“十三五”`)


def find_heads(text: str, rows: list[Row], start: int, end: int) -> tuple[list[Head], list[int]]:
    """Section heads in the body, and the offsets of banner lines that close sections."""
    heads: list[Head] = []
    banners: list[int] = []
    expect: dict[str, int] = {}  # numbered heads must count up: 1, 2, 3 …
    for i in range(start, end):
        r = rows[i]
        h = None
        if r.hashes or len(r.core) >= MIN_HEAD_CHARS:
            h = _keyword(text, r) or _ordinal(text, r) or _label(text, r) or _numbered(text, r)
            if h is None:
                h = _subhead(text, r)
        if h is not None and h.kind in ("cn", "cn_paren", "arabic"):
            n = _number_of(h)
            if n is None or n != expect.get(h.kind, 1):
                h = None
            else:
                expect[h.kind] = n + 1
        if h is not None:
            heads.append(h)
            continue
        c = r.core
        if heads and len(c) <= BANNER_CHARS and not N.head_punct.search(c) and parse_byline(c) is None:
            banners.append(r.line.start)
    return heads, banners


def build_sections(heads: list[Head], banners: list[int], end: int) -> list[Section]:
    kinds = [k for k in HEAD_ORDER if any(h.kind == k for h in heads)]
    level = {k: n + 1 for n, k in enumerate(kinds)}
    tree = SectionTree()
    top_part = None
    for h in heads:
        sec = tree.add(level[h.kind], h.label, h.title, h.start, h.end)
        # a heading saying which part it opens (一、2022年工作开展情况 / 二、2023年工作打算) gives
        # its figures their kind, as a report's parts do; a subheading follows its part
        if level[h.kind] == 1:
            top_part = sec.part = part_of_heading(h.title)
        else:
            sec.part = top_part or part_of_heading(h.title, strict=True)
    drafts = tree.close(end)
    # A banner (`“十三五”` / `郑州发展 成绩喜人`) ends every section open before it.
    for sec in drafts:
        k = bisect.bisect_right(banners, sec.start)
        if k < len(banners) and banners[k] < sec.end:
            sec.end = banners[k]
    return [d.record() for d in drafts]


# ---------------------------------------------------------------------------------------
# Entry point




def _latest_year(text: str, folded: str, start: int, end: int) -> int | None:
    """For an undated article, the year it plans for: the latest year named in a sentence
    that sets out a plan (`提出了2026年…主要预期目标`); `到2035年` horizons are not counted.
    `folded` is the folded text (of the same length).

    The plan words are found in the folded body in one scan (a traditional-script page
    writes 預期目標), and only the sentences holding them are read, each once: reading
    every sentence of the body cost more than the rest of the article's head and sections.
    A sentence is N.sentence's run around the word (found back from the word by the same
    pattern in reverse), as a scan of the body sentence by sentence gives it."""
    years: list[int] = []
    read_to = start  # the sentences read so far end here
    for p in N.plan_words.finditer(folded, start, end):
        if p.start() < read_to:
            continue  # another plan word of the sentence just read
        sentence = _sentence_at(text, p.start(), start, end)
        read_to = sentence.end()
        years.extend(int(y.group(1)) for y in N.year_named.finditer(sentence.group(0)))
    return max(years) if years else None


def _sentence_at(text: str, at: int, start: int, end: int) -> regex.Match:
    """The sentence of text[start:end] holding position `at`, as a scan sentence by sentence
    gives it (found back from `at` by the same pattern in reverse)."""
    s0 = _SENTENCE_BACK.search(text, start, at + 1).start()
    return N.sentence.match(text, s0, end)


_SENTENCE_BACK = regex.compile(N.sentence.pattern, N.sentence.flags | regex.REVERSE)


def _plans(text: str, at: int, start: int, end: int) -> bool:
    """Whether the sentence around `at` sets out a plan (`2024年，槐安将新建…`) rather than
    reports: the year it names may be the one planned for."""
    return N.plan_verb.search(_sentence_at(text, at, start, end).group(0)) is not None


def _plan_year(text: str, folded: str, start: int, end: int) -> int | None:
    """_latest_year of the body; read again without the pinyin a conversion site put after
    each character (`預(yù)期目標(biāo)`) when that hid every plan word."""
    year = _latest_year(text, folded, start, end)
    if year is None and READING.search(text, start, end):
        c = clean(text, start, end)
        year = _latest_year(c.text, c.folded, 0, len(c.text))
    if year is None and N.this_year_plan.search(folded, start, end):
        # `2021年,我国国内生产总值达到114万亿元…今年发展主要预期目标是…`: the plan is for the
        # year after the latest one the article reports (a date's year is none of them)
        named = [int(m[1]) for m in N.year_named.finditer(text, start, end)
                 if not N.date_rest.match(text, m.end()) and not _plans(text, m.start(), start, end)]
        year = max(named) + 1 if named else None
    return year


def parse_news(text: str) -> ParseResult:
    folded = fold(text)  # read by the rows and the plan year
    rows = _rows(text, folded)
    meta = MetaDraft()
    warnings: list[str] = []
    h = find_head(rows)
    read_meta(text, rows, h, meta)
    if h.body_start < h.body_end:
        bs, be = rows[h.body_start].line.start, rows[h.body_end - 1].line.end
    else:
        bs = be = len(text)
    heads, banners = find_heads(text, rows, h.body_start, h.body_end)
    sections = build_sections(heads, banners, be)
    pw = plus_warning(lost_plus(text, bs, be), text)
    if pw:
        warnings.append(pw)
    if meta.title is None:
        warnings.append("no headline found")
    head_lines = [(rows[i].line.start, rows[i].line.end) for i in h.head_idx if i != h.column_idx]
    year = meta.year or (int(meta.published[:4]) if meta.published else _plan_year(text, folded, bs, be))
    figures = attach_figures(text, sections, [], doc_kind="news", body=(bs, be), extra_spans=head_lines,
                             plan_year=year, place=place_of(text, meta))
    return ParseResult(meta=meta, sections=sections, figures=figures, warnings=warnings)
