"""Hard-wrapped text (newspaper pages, PDF extraction) -> paragraphs with original offsets.

A newspaper page set in narrow columns arrives as lines of ~20 characters broken in the
middle of words and numbers, sometimes with a blank line after every line:

    制造业高质量发展态势强劲。新增省级制造业创      <- wrapped mid-word
                                                     <- a stray blank line
    新中心4家。高技术产业增长10.9%，战略性新兴产业

`wrap_width()` tells whether a text is hard-wrapped and at what width (in display columns:
CJK and full-width characters count 2, ASCII 1); `paragraphs()` groups the wrapped lines of
each paragraph (`Para`, with its original span and lines) and `join()` gives a paragraph's
text with an offset map back to the original (`text.clean(text, p.start, p.end)` gives the
fully cleaned view).  A break is a paragraph end after a short line, before a heading or
marker, or after a full line that ends a sentence when a real blank line, an indent or a
narrower first line follows; page numbers (`— 3 —`) between lines are dropped.  Text that
is not hard-wrapped comes back one paragraph per line.  Everything runs in one pass.

>>> t = "新增省级制造业创新中心4家，规上\\n工业增加值增长10.9%，战略性新兴产\\n业增长12.4%。\\n"
>>> [(p.start, p.end) for p in paragraphs(t * 4)][:1]
[(0, 46)]
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import NamedTuple, Sequence

from zzgov.text.lines import Line, split_lines
from zzgov.text.script import compile_re

# A line ending in one of these (before closing quotes/brackets) ends a sentence or a clause
# that may close a paragraph: `…精神力量。`, `重点抓好十个方面工作：`.
TERMINAL = frozenset("。！？!?；;：:…")
CLOSERS = "”’」』）)】》\"'*"

# What opens a paragraph whatever the line before it: heading markers (一、 （一） (1) 1.),
# labels (【报告摘要】), dash items (——高质量发展…), continuation markers (（上接一版）),
# markdown headings (#### 关键词).
PARAGRAPH_OPENER = compile_re(
    r"(?:[零〇○一二三四五六七八九十百]+\s*[、.．]"
    r"|[（(]\s*[零〇○一二三四五六七八九十百\d]+\s*[）)]"
    r"|\d{1,3}\s*(?:、|[.．](?!\d))"
    r"|【|——|#|[（(]\s*(?:上|下)(?:接|转))"
)

# Page numbers a PDF extraction leaves between the lines of a paragraph: `— 3 —`, `- 12 -`.
PAGE_NUMBER = compile_re(r"[-—－–\s]*\d{1,4}[-—－–\s]*")

MIN_LINES = 8  # fewer lines than this say nothing about wrapping
MIN_WIDTH, MAX_WIDTH = 16, 110  # wrap widths seen: 8-55 CJK characters per line
MID_SENTENCE_SHARE = 0.45  # share of lines ending mid-sentence in wrapped text (002: 0.2, 003: 0.85)
NEAR_WIDTH_SHARE = 0.45  # share of lines near the wrap width
FULL_SLACK = 0.16  # a line within 16% of the wrap width is "full": the break after it may be soft
SHORT_SHARE = 0.72  # a line below 72% of the width without closing punctuation ends its paragraph


class Para(NamedTuple):
    start: int  # offset of the first character of the paragraph's first line
    end: int  # offset after its last non-blank character
    lines: tuple[Line, ...]  # the physical lines joined into it


def display_width(s: str) -> int:
    """Columns a line takes in print: 2 for CJK and full-width characters, 1 for ASCII."""
    ascii_count = len(s.encode("ascii", "ignore"))
    return 2 * len(s) - ascii_count


def without_symbols_after(s: str) -> str:
    """s without the symbols (emoji) and blanks after its last word: `回顾2023年工作成果🏆`,
    `…报告。🌟`; most lines end in a Han character or punctuation, which one test lets through."""
    if s and not ("\u4e00" <= s[-1] <= "\u9fff" or s[-1] in TERMINAL):
        s = _SYMBOLS_AFTER.sub("", s)
    return s


_SYMBOLS_AFTER = compile_re(r"[\p{So}\p{Sk}\s]+$")


def _ends_terminal(s: str) -> bool:
    s = without_symbols_after(s.rstrip(CLOSERS + " \t\u3000")).rstrip(CLOSERS + " \t\u3000")
    return bool(s) and s[-1] in TERMINAL


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The wrap width in columns when the lines are hard-wrapped, else None.

    Hard-wrapped text has most lines ending mid-sentence and most lines close to one width;
    text with one paragraph per line has most lines ending in `。`."""
    return _wrap_width(*_line_facts(lines))


def _line_facts(lines: Sequence[Line]) -> tuple[list[int], list[bool]]:
    """Each line's display width and whether it ends a sentence, worked out once: the wrap
    width and every break decision read them."""
    return [display_width(ln.text) for ln in lines], [_ends_terminal(ln.text) for ln in lines]


def _wrap_width(widths: list[int], terminal: list[bool]) -> int | None:
    if len(widths) < MIN_LINES:
        return None
    mid = [w for w, t in zip(widths, terminal) if not t]
    if len(mid) < MID_SENTENCE_SHARE * len(widths):
        return None
    hist = Counter(mid)
    # The width: the 75th percentile of mid-sentence lines (first lines are indented, so
    # the typical full line sits above the median).
    rank = int(0.75 * (len(mid) - 1))
    seen = 0
    width = 0
    for w in sorted(hist):
        seen += hist[w]
        if seen > rank:
            width = w
            break
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    near = sum(1 for w in widths if 0.7 * width <= w <= 1.2 * width)
    return width if near >= NEAR_WIDTH_SHARE * len(widths) else None


def _blank_between(text: str, a: Line, b: Line) -> bool:
    """True when an empty line separates two non-empty lines."""
    gap = text[a.end:b.start]
    breaks = gap.count("\n")
    if "\r" in gap:  # CR and CRLF line ends (most texts have none: one count, not three)
        breaks += gap.count("\r") - gap.count("\r\n")
    return breaks >= 2


def _indented(text: str, ln: Line) -> bool:
    """The line kept its leading blanks (a paragraph's first-line indent: `　　现在，…`)."""
    return ln.start > 0 and text[ln.start - 1] not in "\r\n\u2028\u2029"


def is_soft_break(text: str, nxt: Line, width: int, blank: bool, blanks_noisy: bool, indents: bool,
                  w: int, terminal: bool, nxt_w: int, nxt_terminal: bool) -> bool:
    """Whether the break between a hard-wrapped line and the next, `nxt`, falls inside a
    paragraph, from both lines' display widths and sentence ends (`_line_facts`: w and
    terminal are the first line's). `indents`: the text marks paragraph starts by indenting
    them (not every line)."""
    full = w >= width * (1 - FULL_SLACK)
    if (terminal or not full) and PARAGRAPH_OPENER.match(nxt.text):  # the cheap test first
        return False  # a heading or marker after a finished line opens a paragraph
    if terminal:
        # A full line that happens to end a sentence: a real blank line says the paragraph
        # ended, unless blank lines are scattered after every line around here; an indented
        # or narrower line after it that runs on is the first line of a new paragraph.
        if not full or (blank and not blanks_noisy) or (indents and _indented(text, nxt)):
            return False
        return nxt_w >= width * (1 - FULL_SLACK) or nxt_terminal
    return w >= width * SHORT_SHARE


INDENT_SHARE = 0.6  # indentation marks paragraphs when fewer lines than this are indented


def paragraphs(text: str, start: int = 0, end: int | None = None, width: int | None = None,
               lines: Sequence[Line] | None = None) -> list[Para]:
    """Paragraphs of text[start:end] (or of the given lines of text): wrapped lines joined
    when the text is hard-wrapped (width detected unless given), else one per line."""
    if lines is None:
        lines = split_lines(text, start, end)
    widths, terminal = _line_facts(lines)
    if width is None:
        width = _wrap_width(widths, terminal)
    if not width:
        return [Para(ln.start, ln.end, (ln,)) for ln in lines]
    keep = [k for k, ln in enumerate(lines) if not PAGE_NUMBER.fullmatch(ln.text)]  # they would split paragraphs
    lines = [lines[k] for k in keep]
    widths = [widths[k] for k in keep]
    terminal = [terminal[k] for k in keep]
    indented = sum(1 for ln in lines if _indented(text, ln))
    indents = 0 < indented < INDENT_SHARE * len(lines)
    out: list[Para] = []
    group: list[Line] = []
    blanks_noisy = False  # the last soft break had a blank line: blanks carry no meaning here
    for k, ln in enumerate(lines):
        group.append(ln)
        if k + 1 < len(lines):
            nxt = lines[k + 1]
            blank = _blank_between(text, ln, nxt)
            if is_soft_break(text, nxt, width, blank, blanks_noisy, indents,
                             widths[k], terminal[k], widths[k + 1], terminal[k + 1]):
                blanks_noisy = blank
                continue
        out.append(Para(group[0].start, group[-1].end, tuple(group)))
        group = []
    return out


class Joined:
    """A paragraph's lines joined end to end (each line already stripped of its indent and
    trailing blanks), with the way back to original offsets: a lighter view than
    `text.clean` for scanning long text, keeping blanks inside lines (`突破 1200亿元`).

    >>> j = join("开发区管\\n  委会。", paragraphs("开发区管\\n  委会。", width=8)[0])
    >>> j.text, j.span(2, 6)
    ('开发区管委会。', (2, 9))
    """

    __slots__ = ("text", "_starts", "_origins")

    def __init__(self, text: str, starts: list[int], origins: list[int]):
        self.text = text
        self._starts = starts  # offset in self.text where each line begins
        self._origins = origins  # original offset of each line's first character

    def orig(self, i: int) -> int:
        """Original offset of joined character i (i == len(text) maps past the last one)."""
        if i >= len(self.text):
            k = len(self._starts) - 1
            return self._origins[k] + (len(self.text) - self._starts[k]) if self._starts else 0
        k = bisect.bisect_right(self._starts, i) - 1
        return self._origins[k] + (i - self._starts[k])

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original [start, end) of the joined slice [i, j)."""
        if j <= i:
            o = self.orig(i)
            return (o, o)
        return (self.orig(i), self.orig(j - 1) + 1)

    def line_end(self, k: int) -> int:
        """Joined offset where physical line k ends."""
        return self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text)

    def __len__(self) -> int:
        return len(self.text)


def join(text: str, para: Para) -> Joined:
    """The lines of a paragraph joined, with offsets back into text."""
    if len(para.lines) == 1:  # most paragraphs of text that is not hard-wrapped
        ln = para.lines[0]
        return Joined(ln.text, [0], [ln.start])
    starts: list[int] = []
    origins: list[int] = []
    n = 0
    for ln in para.lines:
        starts.append(n)
        origins.append(ln.start)
        n += len(ln.text)
    return Joined("".join(ln.text for ln in para.lines), starts, origins)
