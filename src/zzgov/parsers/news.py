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

from zzgov.models import Meta, Section, Span
from zzgov.parsers.base import ParseResult
from zzgov.parsers.common import CN_NUMERAL, SectionTree, cn_small_int, set_meta
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold, split_lines
from zzgov.text.plus import lost_plus, plus_warning, restore_plus
from zzgov.text.script import compile_re

# ---------------------------------------------------------------------------------------
# Vocabularies (patterns run on width-folded text: ｜→|, ：→:, （→()

MD_HEADING = compile_re(r"^(?P<hashes>#{1,6})\s*")
DECOR = "*■◆●▲▶►★☆◎○•·◇□ \t"  # bullets and bold marks around headings: `**【报告摘要】**`

# 关键词 headings: `#### 关键词 | 扩大内需`, `关键词: X`, `关键词:X`, `【关键词】X`, `关键词丨X`.
KEYWORD_HEAD = compile_re(
    r"(?:[\[【]\s*关键[词字]\s*[\]】]\s*(?:[|丨:/]\s*)?|关键[词字]\s*(?:[|丨:/]|\s)\s*)(?P<kw>\S.*)$"
)
# Labelled sub-parts: `【报告摘要】`, `【郑州实践】`, `【编者按】` (at a paragraph start).
LABEL_HEAD = compile_re(r"【(?P<label>[^】\s]{2,10})】")
NOT_LABELS = compile_re(r"打印|关闭|字号|收藏|分享|返回|纠错|责任编辑|来源|关键[词字]|图|视频|音频|讯$")
# Ordinal heads: `看点一：经济目标`, `亮点2 | …`, `热词三 X`.
ORDINAL_HEAD = compile_re(
    r"(?P<label>(?:看点|亮点|热词|焦点|要点|关注点|数读)\s*[一二三四五六七八九十\d]{1,3})\s*(?:[|丨:/]\s*|\s+)(?P<title>\S.{0,24})$"
)
# Numbered heads: `一、…`, `（一）…`, `1打造科技创新中心`, `1. …`, `01 …`.
CN_HEAD = compile_re(rf"(?P<label>{CN_NUMERAL})\s*[、.]\s*(?P<title>.+)$")
CN_PAREN_HEAD = compile_re(rf"\(\s*(?P<label>{CN_NUMERAL})\s*\)\s*(?P<title>.+)$")
# An Arabic head: the number is glued to the title or set off by 、/./a space; a title that
# opens with a unit (`2020年`, `5万人`) is a sentence, not a head.
ARABIC_HEAD = compile_re(r"(?P<label>\d{1,2})\s*(?:[、.](?!\d)\s*|\s+)?(?P<title>(?![年月日万亿千百个%．.])[\p{Han}“\"].+)$")
MAX_HEAD_CHARS = 30  # a numbered head is a short line without sentence punctuation
# Every head but a markdown heading has a label and a title: at least two characters. Lines
# shorter than that (hard-wrapped text can have hundreds of thousands) skip the head patterns.
MIN_HEAD_CHARS = 2
HEAD_PUNCT = compile_re(r"[。,，;；!?！？]")

# Site chrome.
BREADCRUMB = regex.compile(r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[:>»›]|(?:[>»›][^>»›]+){2,}$|首页\s*[>»›]")
CRUMB_SPLIT = regex.compile(r"\s*(?:>|»|›)\s*")
FOOTER = regex.compile(
    r"^(?:#+\s*)?\**(?:相关新闻|相关阅读|相关报道|相关链接|精彩推荐|热点推荐|推荐阅读|延伸阅读|热门推荐|猜你喜欢|电脑版|手机版"
    r"|返回顶部|分享到|责任编辑|编辑\s*:|\(?责编|审核\s*:|校对\s*:|【打印|【关闭|版权所有|copyright|扫一扫|网站地图|关于我们"
    r"|联系我们|上一篇|下一篇|打印本页|关闭窗口)",
    regex.IGNORECASE,
)
# The shortest line FOOTER matches (`责编`); a test checks it against the pattern.
MIN_FOOTER_CHARS = 2
CHROME_LINE = regex.compile(r"^(?:【[^】]{0,12}】\s*)+$|大\s*中\s*小|^(?:分享|打印|收藏|字号|浏览|阅读|小字号|大字号)(?:\s|:|$)")
# E-paper pages: `上一版  下一版`, `返回目录`, `本版标题导航`; photo captions `大会现场 林木 摄`.
EPAPER_CHROME = regex.compile(r"^(?:上一版|下一版|返回目录|本版标题导航|版面导航|标题导航)(?:\s+(?:上一版|下一版|返回目录))*$")
CAPTION_LINE = regex.compile(r"^.{0,30}?\p{Han}{2,4}\s*摄$")
# An e-paper page's header: `槐安日报 2026年01月21日 第03版：要闻` (its outlet and date).
EPAPER_HEAD = regex.compile(
    r"^(?P<paper>\S{2,12}报)\s+(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:\s*星期[一二三四五六日天])?\s*第\s*\d{1,3}\s*版")
NAV_MARK = "标题导航"  # the page's list of headlines follows, up to the article's own headline

# Date/source line: `2021-01-07 08:39:40 来源: 中原网`, `发布时间：2024年1月15日 09:30`.
DATETIME = regex.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{1,2})(?:\s*[:分]\s*(?P<S>\d{1,2}))?)?"
)
META_WORDS = regex.compile(r"来源|稿源|发布|时间|日期|作者|编辑|浏览|点击|字号")
SOURCE = regex.compile(r"(?:来源|稿源|信息来源|来源于)\s*[:：]\s*(?P<src>[^\s|｜丨/／]{2,30})")
# A dateline naming the outlet: `新华社郑州1月15日电`, `大河网讯`.
DATELINE = regex.compile(
    r"^(?P<outlet>新华社|中新社|人民网|央视网|(?!本报)\p{Han}{2,8}?(?:日报|晚报|网|电视台|广播电视台))"
    r"(?:\p{Han}{0,8}\d{1,2}月\d{1,2}日)?(?:电|讯)"
)
DATELINE_BYLINE = regex.compile(r"^(?:本报讯|[^()\n。]{0,24}?(?:电|讯))\s*\((?P<by>[^()]{2,60})\)")

# Bylines: `郑报全媒体记者 赵柳影 董艳竹 曹婷 肖雅文`, `本报记者 王红 通讯员 李明`, `(记者 张三)`.
AUTHOR_ROLE = regex.compile(r"(?:\p{Han}{0,10}?)(?:记者|通讯员|实习生|作者|撰稿人?|撰文|特约评论员|评论员)\s*:?$")
OTHER_ROLE = regex.compile(r"(?:责任)?(?:编辑|审核|校对|监制|统筹|摄影|图片|视频|制图|设计)\s*:?$")
GLUED_ROLE = regex.compile(r"^(?P<role>\p{Han}{0,10}?(?:记者|通讯员|实习生|作者))\s*:?\s*(?P<name>\p{Han}{2,4})$")
CREDIT_MARKS = ("文/图", "图/文", "文", "图", "摄", "/", "文字")
NAME = regex.compile(r"^\p{Han}{2,4}(?:·\p{Han}{1,8})?$")
NAME_SPLIT = regex.compile(r"[\s、,，;；]+")
MAX_BYLINE_CHARS = 60

# Plain-text kickers naming a column: `政府工作报告之郑州实践`, `两会专栏`, `聚焦·…`.
COLUMN_CUE = regex.compile(r"之|专栏|系列|栏目|聚焦|·|\|")
COLUMN_LINE = regex.compile(r"^(?:栏目|专栏)\s*:\s*(?P<col>.+)$")


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


# Sentence punctuation: a byline never holds it.
SENTENCE_PUNCT = regex.compile(r"[。!?;]")
# Bylines with several parts: `记者 王红  通讯员 李明 | 编辑 张三`
BYLINE_SPLIT = regex.compile(r"\s{2,}|\|")
AUTHOR_LABEL = regex.compile(r"^作者\s*:")

def _rows(text: str) -> list[Row]:
    # Folding keeps lengths and works character by character, so one fold of the whole text
    # sliced per line equals folding each line (and costs one C-level pass, not one per line).
    folded = fold(text)
    out = []
    for ln in split_lines(text):
        f = folded[ln.start:min(ln.end, ln.start + SCAN_CHARS)]
        m = MD_HEADING.match(f) if f[0] == "#" else None
        core = f[m.end():] if m else f
        out.append(Row(ln, f, core.strip(DECOR), len(m["hashes"]) if m else 0))
    return out


def _text(text: str, ln: Line, keep_blanks: bool = True) -> str:
    """A line as written, markdown and decoration stripped, blanks collapsed."""
    s = clean(restore_plus(ln.text), keep_blanks=keep_blanks).text
    return s.lstrip("#").strip(DECOR)


# ---------------------------------------------------------------------------------------
# Meta


def iso_datetime(s: str) -> str | None:
    """`2021-01-07 08:39:40` → `2021-01-07T08:39:40`; a date alone gets T00:00:00."""
    m = DATETIME.search(s)
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
    if not s or len(s) > MAX_BYLINE_CHARS or SENTENCE_PUNCT.search(s):
        return None
    names: list[str] = []
    role: str | None = None  # "author", "other" or None before any role word
    seen_role = False
    tokens = [t for t in NAME_SPLIT.split(s) if t]
    for k, tok in enumerate(tokens):
        tok = tok.strip(":")
        if not tok:
            continue
        if AUTHOR_ROLE.fullmatch(tok) or AUTHOR_ROLE.fullmatch(tok + ":"):
            role, seen_role = "author", True
            continue
        if OTHER_ROLE.fullmatch(tok):
            role, seen_role = "other", True
            continue
        g = GLUED_ROLE.match(tok)
        if g and AUTHOR_ROLE.fullmatch(g["role"]):
            role, seen_role = "author", True
            names.append(g["name"])
            continue
        if tok in CREDIT_MARKS:
            continue
        if tok.endswith(("/文", "/图")):  # `张三/文`, `李四/图` (a photo credit)
            if tok.endswith("/文") and NAME.match(tok[:-2]) and role == "author":
                names.append(tok[:-2])
            continue
        photo = tok.endswith("摄") and NAME.match(tok[:-1])
        if photo or (k + 1 < len(tokens) and tokens[k + 1] == "摄"):
            continue  # a photographer's credit
        if NAME.match(tok):
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
    if not (0 < len(c) <= 80) or c.endswith(("。", ":")) or KEYWORD_HEAD.match(c) or ORDINAL_HEAD.match(c):
        return False
    if DATELINE.match(c) or DATELINE_BYLINE.match(c):
        return False
    label = LABEL_HEAD.match(c)
    if label and not NOT_LABELS.search(label["label"]):
        return first and len(c) - label.end() >= LABELLED_TITLE_CHARS
    return True


LABELLED_TITLE_CHARS = 6  # `【栏目】` + a headline of at least this many characters


def _is_meta_row(r: Row) -> bool:
    c = r.core
    if len(c) > 100:
        return False
    if EPAPER_HEAD.match(c):
        return True
    if DATETIME.search(c) and (META_WORDS.search(c) or len(DATETIME.sub("", c).strip()) <= 2):
        return True
    return bool(SOURCE.search(c)) or parse_byline(c) is not None


def _is_chrome(r: Row) -> bool:
    return len(r.core) <= 80 and bool(BREADCRUMB.search(r.core) or CHROME_LINE.search(r.core)
                                      or EPAPER_CHROME.match(r.core) or CAPTION_LINE.match(r.core))


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
        if len(r.f) >= MIN_FOOTER_CHARS and (FOOTER.match(r.core) or FOOTER.match(r.f)):
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
    if KEYWORD_HEAD.match(r.core) or ORDINAL_HEAD.match(r.core):
        return True
    m = LABEL_HEAD.match(r.core)
    if m and not NOT_LABELS.search(m["label"]):
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
    if len(cand) >= 2 and COLUMN_CUE.search(rows[cand[0]].core) and len(rows[cand[0]].core) <= 24 \
            and not rows[cand[1]].core.startswith("——"):
        h.column_idx, h.title_idx = cand[0], cand[1]
        return
    h.title_idx = cand[0]


def read_meta(text: str, rows: list[Row], h: _Head, meta: Meta) -> None:
    if h.title_idx is not None:
        ln = rows[h.title_idx].line
        set_meta(meta, "title", _text(text, ln) or None, ln.start, ln.end)
        label = LABEL_HEAD.match(meta.title or "")
        if label and h.column_idx is None and len(meta.title) - label.end() >= LABELLED_TITLE_CHARS:
            meta.column = label["label"]  # `【两会进行时】政府工作报告十大看点`
            meta.title = meta.title[label.end():].strip()
    if h.column_idx is not None:
        ln = rows[h.column_idx].line
        set_meta(meta, "column", _text(text, ln) or None, ln.start, ln.end)
    for i in range(min(len(rows), h.body_start)):
        c = rows[i].core
        m = COLUMN_LINE.match(c)
        if m and meta.column is None:
            meta.column = m["col"].strip()
        if BREADCRUMB.search(c) and meta.column is None:
            crumbs = [x.strip() for x in CRUMB_SPLIT.split(c) if x.strip()]
            if len(crumbs) >= 2 and len(crumbs[-1]) <= 12:
                meta.column = _crumb(text, rows[i].line, crumbs[-1])
    authors: list[str] = []
    for i in sorted(h.meta_idx):
        c = rows[i].core
        ln = rows[i].line
        if meta.published is None and DATETIME.search(c):
            set_meta(meta, "published", iso_datetime(c), ln.start, ln.end)
        e = EPAPER_HEAD.match(c)
        if e and meta.outlet is None:
            set_meta(meta, "outlet", e["paper"], ln.start + e.start("paper"), ln.start + e.end("paper"))
        s = SOURCE.search(ln.text)  # the outlet as written (`人民网－河南频道`)
        if s and meta.outlet is None:
            set_meta(meta, "outlet", s["src"], ln.start + s.start("src"), ln.start + s.end("src"))
        names = parse_byline(c)
        if names and "authors" not in meta.spans:
            meta.spans["authors"] = Span(start=ln.start, end=ln.end)
        for part in BYLINE_SPLIT.split(c) if names is None else ():
            more = parse_byline(AUTHOR_LABEL.sub("作者 ", part.strip()))
            authors.extend(x for x in more or () if x not in authors)
        authors.extend(x for x in names or () if x not in authors)
    # A dateline in the first paragraph: `新华社郑州1月15日电（记者 张三、李四）`.
    for i in range(h.body_start, min(h.body_end, h.body_start + 3)):
        c = rows[i].core
        d = DATELINE.match(c)
        if d and meta.outlet is None:
            meta.outlet = d["outlet"]
        b = DATELINE_BYLINE.match(c)
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
    m = KEYWORD_HEAD.match(r.core)
    if not m:
        return None
    kw = m["kw"].strip(DECOR)
    cut = HEAD_PUNCT.search(kw)
    if cut:  # `关键词：稳中求进。统筹推进…`: the keyword ends at the first punctuation
        kw = kw[:cut.start()]
    if not 1 <= len(kw) <= 24:
        return None
    title = _as_written(text, r.line, kw)
    return Head("keyword", title, title, r.line.start, r.line.end)


def _ordinal(text: str, r: Row) -> Head | None:
    m = ORDINAL_HEAD.match(r.core)
    if not m or HEAD_PUNCT.search(m["title"]):
        return None
    return Head("ordinal", _as_written(text, r.line, m["label"]), _as_written(text, r.line, m["title"]),
                r.line.start, r.line.end)


def _as_written(text: str, ln: Line, folded_part: str) -> str:
    """The original characters of a folded substring of a line (folding keeps lengths)."""
    f = fold(ln.text)
    k = f.find(folded_part)
    if k < 0:
        return folded_part
    return clean(restore_plus(ln.text[k:k + len(folded_part)]), keep_blanks=True).text.strip(DECOR)


def _label(text: str, r: Row) -> Head | None:
    m = LABEL_HEAD.match(r.core)
    if not m or NOT_LABELS.search(m["label"]):
        return None
    label = _as_written(text, r.line, m[0])
    return Head("label", label, label.strip("【】"), r.line.start, r.line.end)


def _numbered(text: str, r: Row) -> Head | None:
    c = r.core
    if len(c) > MAX_HEAD_CHARS + 4 or HEAD_PUNCT.search(c.rstrip("。")):
        return None
    for kind, pat in (("cn_paren", CN_PAREN_HEAD), ("cn", CN_HEAD), ("arabic", ARABIC_HEAD)):
        m = pat.match(c)
        if m and len(m["title"]) <= MAX_HEAD_CHARS:
            label = m["label"] if kind != "cn_paren" else f"（{m['label']}）"
            return Head(kind, label, _as_written(text, r.line, m["title"].rstrip("。")), r.line.start, r.line.end)
    return None


def _number_of(h: Head) -> int | None:
    if h.kind == "arabic":
        return int(h.label)
    return cn_small_int(h.label.strip("（）"))


# Kinds of heads from the outermost in: 关键词 first, labels innermost.
HEAD_ORDER = ("keyword", "ordinal", "subhead", "cn", "cn_paren", "arabic", "label")
# A bold line standing alone as a subhead: `**稳字当头 进字为先**`.
BOLD_LINE = compile_re(r"\*\*(?P<title>[^*]{2,30})\*\*")


def _subhead(text: str, r: Row) -> Head | None:
    """A markdown heading or a bold line in the body that is none of the other heads."""
    if len(r.core) > MAX_HEAD_CHARS or not r.core or HEAD_PUNCT.search(r.core.rstrip("。")):
        return None
    if r.hashes or BOLD_LINE.fullmatch(r.f.strip()):
        title = _as_written(text, r.line, r.core)
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
        if heads and len(c) <= BANNER_CHARS and not HEAD_PUNCT.search(c) and parse_byline(c) is None:
            banners.append(r.line.start)
    return heads, banners


def build_sections(heads: list[Head], banners: list[int], end: int) -> list[Section]:
    kinds = [k for k in HEAD_ORDER if any(h.kind == k for h in heads)]
    level = {k: n + 1 for n, k in enumerate(kinds)}
    tree = SectionTree()
    for h in heads:
        tree.add(level[h.kind], h.label, h.title, h.start, h.end)
    sections = tree.finalize(end)
    # A banner (`“十三五”` / `郑州发展 成绩喜人`) ends every section open before it.
    for sec in sections:
        k = bisect.bisect_right(banners, sec.span.start)
        if k < len(banners) and banners[k] < sec.span.end:
            sec.span.end = banners[k]
    return sections


# ---------------------------------------------------------------------------------------
# Entry point


_YEAR_NAMED = regex.compile(r"(?<![到至\d])((?:19|20)\d{2})年")
# Sentences, then the plan words inside one: a single pattern `[^。]*(?:plan words)[^。]*`
# tried from every position backtracked over each sentence again and again.
_SENTENCE = regex.compile(r"[^。！？!?\n]+")
_PLAN_WORDS = regex.compile(r"主要预期目标|预期目标|力争|计划|工作安排|今年")


def _latest_year(text: str, start: int, end: int) -> int | None:
    """For an undated article, the year it plans for: the latest year named in a sentence
    that sets out a plan (`提出了2026年…主要预期目标`); `到2035年` horizons are not counted."""
    years = [int(y.group(1)) for m in _SENTENCE.finditer(text, start, end) if _PLAN_WORDS.search(m.group(0))
             for y in _YEAR_NAMED.finditer(m.group(0))]
    return max(years) if years else None


def parse_news(text: str) -> ParseResult:
    rows = _rows(text)
    meta = Meta()
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
    year = meta.year or (int(meta.published[:4]) if meta.published else _latest_year(text, bs, be))
    figures = attach_figures(text, sections, [], doc_kind="news", body=(bs, be), extra_spans=head_lines,
                             plan_year=year)
    return ParseResult(meta=meta, sections=sections, figures=figures, warnings=warnings)
