"""Quantitative figures in Chinese government text: targets and achieved values.

Input: the original decoded text and a range of it (a task, a section body, a whole article).
Output: `RawFigure` records sorted by position, each pointing back into the original text:

    >>> [(f.value, f.unit, f.comparator, f.direction) for f in extract_figures("力争工业技改投资增长 20% 以上")]
    [(20.0, '%', '>=', 'up')]

How: the range is cleaned (`zzgov.text.clean`: no line breaks or stray blanks inside numbers,
widths folded), one compiled pattern finds number+unit candidates, and small pure functions
read the clause around each candidate: exclusions (years, ordinals, names, quotes, thresholds),
comparator, direction, kind and metric. The rules follow shared/gold/GUIDE.md; the words they
use are the named vocabularies in `vocab.py`. Work per candidate is bounded, so the whole scan
is linear in the text length and never raises.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from zzgov.figures import vocab as V
from zzgov.text.words import Words
from zzgov.figures.metric import (LIST_MAX_LEN, PARALLEL_MAX, STOCK_CUE, Metric, attributed, completion, completion_name, of_counted, distribute, each_example, in_class_measure, name_metric, names_a_measure, names_nothing_itself, names_a_price_group, names_a_sector, part_measure, refer, shared_verb, stock_name,
                                  scoped, without_place,
                                  stock_of, tidy, topic_before)
from zzgov.numbers import normalize, parse_arabic, parse_chinese, split_chinese_magnitude, split_magnitude
from zzgov.numbers.chinese import CN_DIGITS, parse_fraction_words, parse_percent_words
from zzgov.text.clean import Clean, clean, script_folded
from zzgov.text.script import lazy_re


class RawFigure(NamedTuple):
    start: int  # offsets into the original text; [start, end) covers the number and its unit
    end: int
    metric: str | None  # short noun phrase in the document's words ("新增城镇就业")
    value: float
    value_max: float | None  # upper end of a range
    unit: str  # as written, with magnitude characters ("万人", "%", "万亿元")
    comparator: str  # "=", ">=", "<=", "~", "range"
    direction: str | None  # "up", "down", None
    kind: str  # "target" or "actual"
    estimate: bool  # 预计
    normalized_value: float | None  # in base units (1.52万亿元 -> 1.52e12 元)
    normalized_unit: str | None
    # offsets into the original text of the words the metric was read from (None: no metric)
    metric_start: int | None = None
    metric_end: int | None = None


# ---------------------------------------------------------------------------------------------
# Compiled patterns (built once from the vocabularies).
# ---------------------------------------------------------------------------------------------

def _alt(words) -> str:
    """Regex alternation of literal words, longest first (words of one length in code point
    order, so that the pattern's text is the same in every run)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _trie(words) -> str:
    """The alternation of literal words as a trie: `万(?:人(?:次)?|元)` for 万人, 万人次, 万元.

    It matches what `_alt(words)` matches, and tries the words that fit the text in the same
    order, longest first: the words that fit at a position are prefixes of one another, so
    they lie on one path of the trie, where an optional longer ending is tried before the
    word ends.  `re` tries an alternation one word after the other; the trie asks one
    character at each level, so a number followed by no unit fails after a few tests
    instead of one per unit."""
    root: dict = {}
    for w in sorted(set(words)):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:%s)" % "|".join(alts)
        return "(?:%s)?" % body if "" in node else body

    return build(root)


_CN = V.CN_NUMERAL_CLASS
# The decimal digits (`\d`) of the BMP, each run of ten named by its zero (a test checks them
# against `\d`), and every astral character.  CANDIDATE opens with this class where `[\d…]`
# would look up the Unicode category of every character of the text, twice the cost of
# a class the engine tests by a bitmap; the `(?<=\d)` after it keeps \d's meaning (an astral
# character that is no digit opens no candidate).
_BMP_DIGIT_ZEROS = (0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6,
                    0xD66, 0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
                    0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0,
                    0xA9F0, 0xAA50, 0xABF0, 0xFF10)
_DIGIT_OR_ASTRAL = "".join("%s-%s" % (chr(z), chr(z + 9)) for z in _BMP_DIGIT_ZEROS) + "\U00010000-\U0010FFFF"
# Numbers are bounded (a 13-digit integer part, 12 Chinese numeral characters) and may not start
# inside another number, so a failed candidate costs O(its length) once: linear on any input.
_ARABIC = r"\d{1,13}(?:,\d{3}){0,4}(?:\.\d{1,8})?"
_CN_RUN = r"[%s]{1,12}" % _CN
_UNIT = r"(?:%s)(?:/(?:%s))?" % (_trie(V.ALL_UNITS), _alt(V.PER_SUFFIXES))
# One candidate: a number in words (百分之五, 三分之一), or a number, optional 多/余, optional
# range, then a magnitude and/or a unit (mandatory: a bare number is never a figure).
#
# The pattern opens with the number's first character, consumed: then `re` skips from one
# digit or numeral to the next, where a pattern opening with a lookaround or an alternation
# runs its matcher at every character (that cost more than all the rest of the scan).  The
# lookbehinds that keep a number from starting inside another come after that character,
# and an empty group after the number tells its form: `pct` (百分之五), `frac` (三分之一) or
# `num`.  The number as written runs from the match start to that group (`_number_text`).
#
# An Arabic number is atomic, `(?>…)`: giving back digits cannot help, since no magnitude,
# unit, range sign or 多/余 begins with a digit, comma or point (a test checks the
# vocabularies), so a number followed by none of them fails at once.
CANDIDATE = re.compile(
    r"[{digit}{cn}]"
    r"(?:(?<=百)分之[{cn}点]{{1,12}}(?P<pct>)"
    r"|(?<=[{cn}])(?<![{cn}]{{2}})[{cn}]{{0,11}}分之{cn_run}(?P<frac>)"
    r"|(?:(?<=\d)(?<![\d.]\d)(?>\d{{0,12}}(?:,\d{{3}}){{0,4}}(?:\.\d{{1,8}})?)"
    r"|(?<=[{cn}])(?<![{cn}]{{2}})[{cn}]{{0,11}})(?P<num>)"
    r"(?P<ap1>[{ap}])?"
    r"(?:(?P<u1>%)?(?P<sep>[{sep}])(?P<num2>(?>{ar})|{cn_run}))?"
    r"(?:(?P<mag>{mag})(?P<ap2>[{ap}])?(?P<unit>{unit})?|(?P<unit0>{unit})))".format(
        digit=_DIGIT_OR_ASTRAL, cn=_CN, cn_run=_CN_RUN, ar=_ARABIC, ap=V.APPROX_SUFFIXES, sep=V.RANGE_SEPARATORS,
        mag=_alt(V.MAGNITUDES), unit=_UNIT)
)


def _number_text(m: re.Match) -> tuple[str, str]:
    """(form, number as written) of a CANDIDATE match: ("num", "11.4"), ("pct", "百分之五"),
    ("frac", "三分之一")."""
    e = m.start("num")
    if e >= 0:
        return "num", m.string[m.start():e]
    return ("pct" if m.start("pct") >= 0 else "frac"), m.group()


_QUOTES = [re.compile(r"%s[^%s%s]{0,%d}%s" % (re.escape(o), re.escape(o), re.escape(c), n, re.escape(c)))
           for o, c, n in V.QUOTE_PAIRS]
# A list label at a line start in the original text: "23. 着力提升…", "3．", "10、".
_LIST_LABEL = re.compile(r"[ \t\u3000]*\d{1,3}[.．、](?!\d)")
# After a line feed (the label in group 1): a pattern opening with a literal lets the engine
# skip from line feed to line feed, where `(?m)^` would try a match at every character.
# `(?m)^` matches after LF only, as this does; a label at the scanned range's own start is
# matched by _LIST_LABEL.
_LIST_LABEL_AFTER_LF = re.compile(r"\n([ \t\u3000]*\d{1,3}[.．、](?!\d))")
_VERB_WINDOW = 16  # characters read for a verb and a measure opening the line after a heading
# A short unpunctuated line opening a paragraph, before a line of sentences: a heading.
# (numbered or not: `（二）持续用力兴产业、强农业`; after a sentence or a closing bracket of roles)
# (found from the line feed before it, which the engine looks for fast; the text's first line
# is tried on its own)
_HEADING_BODY = (r"[ \t\u3000]*(?P<head>(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?"
                 r"[^\n，,。；;：:！!？?\d()（）]{2,24}?)[ \t\u3000]*\n(?=[^\n]{20,}[，,。])")
_HEADING_LINE = lazy_re(r"\n(?<=[。！？!?；;)）\n]\n)" + _HEADING_BODY)
_HEADING_FIRST = lazy_re(_HEADING_BODY)
# The patterns below are compiled on first use (text.script.LazyPattern): a text with no
# number never reaches them.
# Kind cues; the leading lookahead (first characters of every cue) rejects most positions at
# once (the engine still visits each: a lookaround never lets it skip ahead).
_CUES = lazy_re("(?=[%s])(?:(?P<t>%s)|(?P<a>%s)|(?P<w>%s))" % (
    re.escape(V.KIND_CUE_FIRST_CHARS), V.TARGET_CUES, V.ACTUAL_STRONG_CUES, V.ACTUAL_WEAK_CUES))
_PLAN_DOCUMENT = lazy_re(V.PLAN_DOCUMENT_WORDS)
_POLICY_LIST_END = lazy_re(V.POLICY_PACKAGE_LIST_END)
_RANK_FIELD_LEAD = lazy_re(V.RANK_FIELD_LEAD)
_RANK_FIELD_LIST = lazy_re(V.RANK_FIELD_LIST_TAIL)
_MEASURES = frozenset(V.MEASURE_UNITS)
_COUNT_THEN_INVESTMENT = lazy_re(V.COUNT_THEN_INVESTMENT)
_RANK_FIELD = lazy_re(V.RANK_FIELD_TAIL)
_ENUM_NEXT_NUMBER = lazy_re(r"[\d%s]" % _CN)
_OWN_VERB = lazy_re(_alt(V.VERB_ONLY + V.UP_WORDS + V.DOWN_WORDS + V.OWN_VERBS))
# A paragraph ends at a blank line, or at a line break after a sentence or heading end.
# A line end is LF, CRLF or a lone CR (old Mac / some Word exports).  The pattern opens with
# the break's first character, consumed (a line end, or the sentence or heading end), so `re`
# skips from one such character to the next; lookbehinds then tell the two kinds apart.  Its
# plain spelling, which the engine tries at every character, is
#   (?:(?:\r\n|\r|\n)[ \t\u3000]*(?:\r\n|\r|\n)|[。！？!?：:】#][ \t\u3000]*(?:\r\n|\r|\n))[\s\u3000]*
# (a test checks the two find the same breaks).
_PARAGRAPH_BREAK = lazy_re(
    r"[\r\n。！？!?：:】#]"
    r"(?:(?<=[\r\n])(?:(?<=\r)\n)?[ \t\u3000]*(?:\r\n?|\n)"  # a blank line
    r"|(?<=[。！？!?：:】#])[ \t\u3000]*(?:\r\n?|\n))"  # a line break after a sentence end
    r"[\s\u3000]*")
_SENTENCE_SPLIT = lazy_re("[%s]" % re.escape("".join(sorted(V.SENTENCE_BREAKS))))

_LEFT_WINDOW = 40  # characters of left context read for a clause/item (bounded work)
_RIGHT_WINDOW = 30
_SENTENCE_WINDOW = 240
_DURATION = frozenset(V.DURATION_UNITS)
_SPEC = frozenset(V.SPEC_UNITS)
# A qualifying quantity is followed by the noun it qualifies, maybe after 以上/以下.
_QUALIFIED_NOUN = lazy_re("(?:及?以上|及?以下)?的?(?:" + "|".join(V.AGE_QUALIFIED_NOUNS) + ")")
_HAS_DIGIT = lazy_re(r"\d")
_ACRONYM_BEFORE = lazy_re(r"[A-Za-z&]+$")
_DURATION_TUPLE = tuple(V.DURATION_UNITS)


# ---------------------------------------------------------------------------------------------
# Small pure helpers on the scan string.
# ---------------------------------------------------------------------------------------------

def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _forward_to(s: str, i: int, breaks: frozenset, limit: int = _RIGHT_WINDOW) -> int:
    """Index of the first break character at or after i (at most `limit` characters on)."""
    hi = min(len(s), i + limit)
    j = i
    while j < hi:
        if s[j] in breaks:
            return j
        j += 1
    return hi


@lru_cache(maxsize=16)
def _break_pattern(chars: frozenset) -> re.Pattern:
    """A pattern matching one break character of the set."""
    return re.compile("[%s]" % re.escape("".join(sorted(chars))))


class _Breaks:
    """Nearest break characters around a position, found by bounded C-level regex scans (no
    per-character Python loop, no precomputation over the whole text).

    Looking back is a forward search in the reversed string `rs` (shared by every _Breaks of
    one scan string): a character-class search runs as a tight C loop, where matching
    `.*[…]` up to i first ran to i and then backtracked one character at a time."""

    __slots__ = ("s", "rs", "n", "rx")

    def __init__(self, s: str, chars: frozenset, rs: str | None = None):
        self.s = s
        self.rs = s[::-1] if rs is None else rs
        self.n = len(s)
        self.rx = _break_pattern(chars)

    def back(self, i: int, limit: int = _LEFT_WINDOW) -> int:
        """Index after the last break before i, at most `limit` back."""
        lo = i - limit if i > limit else 0
        n = self.n
        m = self.rx.search(self.rs, n - i, n - lo)  # rs[k] is s[n - 1 - k]
        return n - m.start() if m else lo

    def none_between(self, a: int, b: int) -> bool:
        """Whether s[a:b] holds no break."""
        return self.rx.search(self.s, a, b) is None

    def fwd(self, i: int, limit: int = _RIGHT_WINDOW) -> int:
        """Index of the first break at or after i, at most `limit` on."""
        hi = i + limit
        if hi > self.n:
            hi = self.n
        m = self.rx.search(self.s, i, hi)
        return m.start() if m else hi


_LEFT_COMPARATOR = dict(V.LEFT_COMPARATORS)
_RIGHT_COMPARATOR = dict(V.RIGHT_COMPARATORS)
_LEFT_COMPARATORS = Words(_LEFT_COMPARATOR)
_RIGHT_COMPARATORS = Words(_RIGHT_COMPARATOR)
_LEVEL_MARKERS = Words(V.LEVEL_MARKERS)
_LINKS = Words(V.LEFT_LINKS)
_MODIFIERS = Words(V.LEFT_MODIFIERS)
_UP = Words(V.UP_WORDS)
_DOWN = Words(V.DOWN_WORDS)
_UP_SHORT = Words(V.UP_WORDS_SHORT)
_DOWN_SHORT = Words(V.DOWN_WORDS_SHORT)
_LEVEL_VERBS = Words(V.LEVEL_VERBS)
_CUT_VERBS = Words(V.CUT_VERBS)
_RAISE_VERBS = Words(V.RAISE_VERBS)
_METRIC_LEADS = Words(V.METRIC_LEADS)
_COMPARISONS = Words(V.COMPARISON_MODIFIERS)
_VERBS = Words(V.VERB_ONLY)
_LEFT_LAST_CHARS = frozenset().union(*(w.last for w in (
    _LEFT_COMPARATORS, _LEVEL_MARKERS, _UP, _DOWN, _UP_SHORT, _DOWN_SHORT, _LINKS, _MODIFIERS)))
_PRE_VERB = dict(V.PRE_VERB_COMPARATORS)
_PRE_VERB_WORDS = Words(_PRE_VERB)
_EXISTING_RX = lazy_re(_alt(V.EXISTING_CUES))
_DURATION_LEADS = Words(V.DURATION_LEADS)
_THRESHOLD_LEFT = Words(V.THRESHOLD_LEFT)
_CAPACITY_LEADS = Words(V.CAPACITY_NAME_LEADS)


@dataclass(slots=True)
class _Left:
    comparator: str | None = None
    direction: str | None = None
    level: bool = False  # 提高到 / 下降到: a level reached
    core_end: int = 0  # end of the metric words inside the item text


def read_left(t: str, rate: bool) -> _Left:
    """Comparator and direction words just before a number, reading `t` (the item text up to the
    number) from its end: `read_left("物流业增加值达到 925", …)`-style.

    >>> read_left("工业技改投资增长", True).direction, read_left("比重提高到", True).level
    ('up', True)
    """
    out = _Left()
    pos = len(t)
    for _ in range(8):
        if pos == 0 or t[pos - 1] not in _LEFT_LAST_CHARS:
            break  # no vocabulary word ends here: the common case, decided by one set lookup
        head = t[:pos]
        w = _LEFT_COMPARATORS.suffix(head)
        if w and out.comparator is None:
            out.comparator = _LEFT_COMPARATOR[w]
            pos -= len(w)
            continue
        w = _LEVEL_MARKERS.suffix(head)
        if w:
            verb = _LEVEL_VERBS.suffix(head[: -len(w)])
            if verb:
                out.level = True
                pos -= len(w) + len(verb)
                break
        w = _UP.suffix(head)
        if w:
            if rate or _COMPARISONS.suffix(head[: -len(w)]):
                out.direction = "up"  # 增长 8%; 比上年增加57天 (not: 绿化提升800公里)
            if not head[: -len(w)].endswith(V.PER_HEAD):
                pos -= len(w)  # (人均增收1490元: the increase per head is the measure, the verb its name)
            break
        w = _DOWN.suffix(head)
        if w:
            out.direction, pos = "down", pos - len(w)
            break
        if rate:
            w = _UP_SHORT.suffix(head)
            if w:
                out.direction, pos = "up", pos - len(w)
                break
            w = _DOWN_SHORT.suffix(head)
            if w:
                out.direction, pos = "down", pos - len(w)
                break
        w = _LINKS.suffix(head) or _MODIFIERS.suffix(head)
        if w:
            pos -= len(w)
            continue
        break
    if out.comparator is None and pos and t[pos - 1] in _VERBS.last:
        w = _VERBS.suffix(t[:pos])
        if w:
            pre = _PRE_VERB_WORDS.suffix(t[: pos - len(w)])
            if pre:
                out.comparator = _PRE_VERB[pre]  # 至少建成1个
    # modifiers before the verb belong to neither metric nor verb: "同比增长" -> metric stops before 同比
    for _ in range(4):
        if not pos or t[pos - 1] not in _MODIFIERS.last:
            break
        w = _MODIFIERS.suffix(t[:pos])
        if not w:
            break
        pos -= len(w)
    out.core_end = pos
    return out


def read_right(s: str, i: int, unit: str) -> tuple[str | None, int]:
    """Comparator word right after a figure and where it ends: ("以上" -> ">=")."""
    t = s[i:i + 4]
    w = _RIGHT_COMPARATORS.prefix(t)
    if w:
        return _RIGHT_COMPARATOR[w], i + len(w)
    if unit in _DURATION or unit.endswith(_DURATION_TUPLE):
        for w, comp in V.DURATION_WITHIN:
            if t.startswith(w):
                return comp, i + len(w)
    return None, i


# ---------------------------------------------------------------------------------------------
# Text-level structures: quotes, list labels, sentences, paragraphs, kind cues.
# ---------------------------------------------------------------------------------------------

def _quote_spans(s: str) -> tuple[list[int], list[int]]:
    spans = sorted((m.start(), m.end()) for rx in _QUOTES for m in rx.finditer(s))
    return [a for a, _ in spans], [b for _, b in spans]


def _inside(starts: list[int], ends: list[int], i: int) -> bool:
    k = bisect_right(starts, i) - 1
    # spans may nest (‘…’ inside “…”): look back a few
    for j in range(k, max(-1, k - 4), -1):
        if starts[j] < i < ends[j]:
            return True
    return False


def _label_mask(text: str, start: int, end: int, c: Clean) -> str:
    """The folded view with list labels at line starts ("23. ", "3．") turned into breaks, so that
    "3. 10 个" cannot read as 3.10, and the commas of a bracketed aside holding no number
    (`2650.6亿元(不含定州,下同)、增长9%`) into no break: the clause goes on past it."""
    s = _without_aside_breaks(c.folded)
    labels = [m.span(1) for m in _LIST_LABEL_AFTER_LF.finditer(text, start, end)]
    m0 = _LIST_LABEL.match(text, start, end)
    if m0:
        labels.insert(0, m0.span())
    # a heading of its own line, unpunctuated, over a paragraph (`一般公共预算收入情况` /
    # `全省地方财政收入完成461.55亿元,…`): its last character a break, so the name after it does
    # not take its words (unless the heading holds a kind cue, which its sentence keeps)
    if "\n" in text[start:end]:
        first = _HEADING_FIRST.match(text, start, end) if start == 0 else None
        for m in ([first] if first else []) + list(_HEADING_LINE.finditer(text, start, end)):
            # (a line opening with a verb and a measure, `完成投资5.6亿元`, says what the heading's
            # project did: the heading is its subject)
            if _CUES.search(m["head"]) is None and not names_nothing_itself(text[m.end():m.end() + _VERB_WINDOW]):
                labels.append((m.end("head") - 1, m.end("head")))
        labels.sort()
    if not labels:
        return s
    pieces, last = [], 0
    for i, j in labels:
        a = c.index(i)
        b = c.index(j)
        if a < b and a >= last:
            pieces += [s[last:a], "|" * (b - a)]
            last = b
    pieces.append(s[last:])
    return "".join(pieces)


# A bracketed aside of a few words and no digit holding a clause break: `(不含定州,下同)`,
# `(人民币,下同)`.  (Folded text: brackets are half-width.)
_ASIDE = lazy_re(r"\([^()\d,;。]{1,16}[,;][^()\d。]{0,16}\)")
# What stands for an aside's comma in the scan string: no break, no word.
ASIDE_MARK = "\x1f"


def _without_aside_breaks(s: str) -> str:
    if "(" not in s:
        return s
    pieces, last = [], 0
    for m in _ASIDE.finditer(s):
        a, b = m.span()
        pieces += [s[last:a], s[a:b].replace(",", ASIDE_MARK).replace(";", ASIDE_MARK)]
        last = b
    return "".join(pieces) + s[last:] if pieces else s


def _paragraph_starts(text: str, start: int, end: int, c: Clean) -> list[int]:
    """Clean-view indices where a paragraph begins: after a blank line, or after a line that
    ends a sentence/heading ("。\n", "】\n")."""
    ends = sorted(m.end() for m in _PARAGRAPH_BREAK.finditer(text, start, end))
    out = [0]
    for q in ends:
        i = c.index(q)
        if i < len(c.text) and i != out[-1]:
            out.append(i)
    return out


class _Sentences:
    """Sentence spans of the scan string with their kind cues, for default_kind=None.

    Every lookup is a few bisections: cue positions are kept apart by strength, and each
    sentence's fallback (the nearest earlier sentence of its paragraph with a kind of its
    own) is worked out in one pass, so a paragraph of thousands of cue-less sentences, or a
    sentence of thousands of cues, costs no more per figure than a short one."""

    def __init__(self, s: str, para_starts: list[int], quotes: tuple[list[int], list[int]] | None = None):
        bounds = sorted(set([0, len(s)] + [m.end() for m in _SENTENCE_SPLIT.finditer(s)] + para_starts))
        self.starts = bounds[:-1]
        if quotes is None:
            quotes = _quote_spans(s)
        cues: list[tuple[int, str, bool]] = []  # (position, kind, strong)
        for m in _CUES.finditer(s):
            if quotes[0] and _inside(quotes[0], quotes[1], m.start()):
                continue  # a word of a quoted name: 落实“八项行动计划”, 实施“营养改善计划”
            if m.group("t"):
                if m.group("t") in _ESTIMATED_MODALS and _estimate_before(s, m.start()):
                    continue  # 预计地区生产总值将达到1400亿元: an estimate of a result, not a plan
                cues.append((m.start(), "target", True))
            elif m.group("a"):
                cues.append((m.start(), "actual", True))
            else:
                cues.append((m.start(), "actual", False))
        self.strong_pos = [p for p, _, st in cues if st]
        self.strong_kind = [kd for _, kd, st in cues if st]
        self.weak_pos = [p for p, _, st in cues if not st]
        self.weak_kind = [kd for _, kd, st in cues if not st]
        self.by_strength = ((self.strong_pos, self.strong_kind), (self.weak_pos, self.weak_kind))
        self.ends = self.starts[1:] + [1 << 62]  # each sentence's end (the last runs on)
        # each sentence's own kind: its last strong cue, else its last weak cue
        self.own: list[str | None] = [None] * len(self.starts)
        strong_seen = [False] * len(self.starts)
        for p, kd, st in cues:
            k = bisect_right(self.starts, p) - 1
            if st or not strong_seen[k]:
                self.own[k] = kd
                strong_seen[k] = strong_seen[k] or st
        # each sentence's inherited kind: the own kind of the nearest earlier sentence of its
        # paragraph that has one (paragraph starts are sentence starts: see bounds)
        self.inherited: list[str | None] = [None] * len(self.starts)
        para_idx, last = 0, None
        for k, st in enumerate(self.starts):
            while para_idx + 1 < len(para_starts) and para_starts[para_idx + 1] <= st:
                para_idx, last = para_idx + 1, None
            self.inherited[k] = last
            if self.own[k]:
                last = self.own[k]
        counts = {"target": 0, "actual": 0}
        for own in self.own:
            if own:
                counts[own] += 1
        self.majority = None if counts["actual"] == counts["target"] else \
            ("actual" if counts["actual"] > counts["target"] else "target")
        # Without a cue anywhere the text is an account: a plan states itself with words of
        # intent (要, 将, 力争, 确保, 计划) or assigns the work (责任单位); a review excerpt
        # (`全市新改建道路59条,…`) may never say 去年 or 同比.  A tie between cues keeps the
        # old default, target.
        self.lean = self.majority or ("target" if cues or _PLAN_DOCUMENT.search(s) else "actual")
        self.fallback = "target"  # set by the caller: the whole document's lean when known

    def kind_at(self, i: int) -> str:
        """The kind of a figure at i: the nearest strong cue of its sentence (before it first,
        then after it), else the nearest weak cue, else the sentences before it in its
        paragraph, else the range's majority."""
        k = bisect_right(self.starts, i) - 1
        if k < 0:
            k = 0
        lo, hi = self.starts[k], self.ends[k]
        for pos, kinds in self.by_strength:
            mid = bisect_left(pos, i)
            if mid and pos[mid - 1] >= lo:
                return kinds[mid - 1]
            if mid < len(pos) and pos[mid] < hi:
                return kinds[mid]
        return self.inherited[k] or self.majority or self.fallback


class _KindOverrides:
    """Sentence cues that overrule a part's kind (rules/figures_kind.yaml): a plan part's
    `刚刚过去的2025年,…增长5.8%` is actual, a review part's `到2030年…` a target.  A sentence
    with cues of one kind takes it; the sentences after it in its paragraph follow until
    another sentence decides; cues of both kinds, or none, leave the part's kind."""

    __slots__ = ("starts", "kinds", "mixed", "cue_pos", "cue_kind")

    @classmethod
    def build(cls, s: str, para_starts, default: str, plan_year: int | None) -> "_KindOverrides | None":
        T = _kind_rules()
        years = []
        if plan_year:
            for m in T["year"].finditer(s):
                y = int(m.group("y"))
                if y < plan_year:
                    years.append((m.start(), "actual"))
                elif y > plan_year and s[max(0, m.start() - 1):m.start()] in ("到", "至"):
                    years.append((m.start(), "target"))
        # The cues of the other kind first: without any, nothing overrules the part (the common
        # case, decided without scanning for the part's own kind's cues at all).
        scans = [("review_cue", "actual"), ("plan_cue", "target")]
        if default == "actual":
            scans = [("plan_cue_in_review", "target"), ("review_cue", "actual")]
        found = {kind: [(m.start(), kind) for m in T[rule].finditer(s)]
                 for rule, kind in scans[:1 if default in ("target", "actual") else 2]}
        if not any(k != default for _, k in years) and not any(found.values()):
            return None
        for rule, kind in scans:
            if kind not in found:
                found[kind] = [(m.start(), kind) for m in T[rule].finditer(s)]
        cues = sorted(found["actual"] + found["target"] + years)
        self = cls()
        bounds = sorted(set([0, len(s)] + [m.end() for m in _SENTENCE_SPLIT.finditer(s)] + list(para_starts())))
        paras = set(para_starts())
        self.starts = bounds[:-1]
        own: list[set] = [set() for _ in self.starts]
        for p, k in cues:
            own[bisect_right(self.starts, p) - 1].add(k)
        self.kinds = []
        self.mixed = [len(o) == 2 for o in own]
        self.cue_pos = [p for p, _ in cues]
        self.cue_kind = [k for _, k in cues]
        carry = default
        for i, st in enumerate(self.starts):
            if st in paras:
                carry = default
            if len(own[i]) == 1:
                carry = next(iter(own[i]))
            elif len(own[i]) == 2:
                carry = default
            self.kinds.append(carry)
        return self

    def own_at(self, i: int) -> str | None:
        """The kind the sentence's own overriding cues give (the nearest before i when it has
        both kinds), None when it has none."""
        k = max(0, bisect_right(self.starts, i) - 1)
        if not self._has_own(k):
            return None
        kind = self.kind_at(i)
        return None if kind == _UNDECIDED else kind

    def _has_own(self, k: int) -> bool:
        lo = bisect_left(self.cue_pos, self.starts[k])
        hi = self.starts[k + 1] if k + 1 < len(self.starts) else 1 << 62
        return lo < len(self.cue_pos) and self.cue_pos[lo] < hi

    def majority(self) -> str | None:
        """The kind most of the cues share, None on a tie."""
        a = self.cue_kind.count("actual")
        t = len(self.cue_kind) - a
        return "actual" if a > t else "target" if t > a else None

    def kind_at(self, i: int) -> str:
        k = max(0, bisect_right(self.starts, i) - 1)
        if self.mixed[k]:
            # "在去年增长5.4%的基础上,今年力争增长5%": the nearest cue before the figure
            j = bisect_right(self.cue_pos, i) - 1
            if j >= 0 and self.cue_pos[j] >= self.starts[k]:
                return self.cue_kind[j]
        return self.kinds[k]


_UNDECIDED = "undecided"


class _Either:
    """The overriding cues' kind where a sentence has one; else the sentence's own cues';
    else, for a sentence with no cue at all, the kind most overriding cues of the range
    share (a January article on last year's results: `全年规模以上工业增加值增长7.2%`)."""

    __slots__ = ("first", "then", "prior")

    def __init__(self, first: "_KindOverrides", then: "_Sentences", prior: str | None):
        self.first, self.then, self.prior = first, then, prior

    def kind_at(self, i: int) -> str:
        own = self.first.own_at(i)
        if own is not None:
            return own  # the sentence's own overriding cue
        j = bisect_right(self.then.starts, i) - 1
        if j >= 0 and self.then.own[j] is not None:
            return self.then.kind_at(i)  # its own plan or result words (计划新增…)
        k = self.first.kind_at(i)
        if k != _UNDECIDED:
            return k  # the paragraph's overriding cue before it
        return self.prior or self.then.kind_at(i)


@lru_cache(maxsize=1)
def _kind_rules():
    from zzgov import rules
    t = rules.load("figures_kind")
    return {n: t.pattern(n) for n in ("review_cue", "plan_cue", "plan_cue_in_review", "year")}


# Modal words of intent that an estimate before them in the clause turns into a forecast of
# the year's result (预计…将达到).
_ESTIMATED_MODALS = frozenset(("将", "要"))


def _estimate_before(s: str, i: int) -> bool:
    """Whether 预计 opens the clause of s that runs to i (no clause break between)."""
    k = s.rfind(V.ESTIMATE_CUE, max(0, i - _LEFT_WINDOW), i)
    return k != -1 and not any(ch in V.CLAUSE_BREAKS for ch in s[k:i])


def _document_majority(text: str, memo: dict | None = None) -> str:
    """The kind most sentences of the whole document lean to, for a scanned range (one section of
    a news article, say) that has no cue of its own.  Worked out once per document: `memo`
    is the document's Prepared.memo, shared by its ranges (never a cache across documents)."""
    if memo is not None and "majority" in memo:
        return memo["majority"]
    kind = _Sentences(text, [0]).lean
    if memo is not None:
        memo["majority"] = kind
    return kind


# ---------------------------------------------------------------------------------------------
# The extractor.
# ---------------------------------------------------------------------------------------------

@dataclass(slots=True)
class _Cand:
    ns: int  # scan index of the number
    ue: int  # scan index after the unit
    re_: int  # scan index after a right comparator word
    clause_lo: int
    value: float
    value_max: float | None
    unit: str
    comparator: str
    direction: str | None
    kind: str
    estimate: bool
    metric: str | None
    mspan: tuple[int, int] | None  # scan indices of the metric's words
    left_comp: str | None
    right_comp: str | None
    own_dir: bool  # direction read from this figure's own words
    ref: Metric | None = None  # how the metric was read (refers back, sibling, share)
    aside: bool = False  # a plan's amount or a completion rate: the figures after it are not its


def _after_acronym(s: str, i: int) -> bool:
    """Whether the Latin letters ending at i are a metric acronym ("GDP1.2万亿元")."""
    m = _ACRONYM_BEFORE.search(s, max(0, i - 6), i)
    return bool(m) and m.group(0) in V.METRIC_ACRONYMS


def _number_value(m: re.Match, prev: str) -> tuple[float, str] | None:
    """(value, magnitude characters to prefix to the unit) of a candidate's number, or None when it
    is not a figure's number (single Chinese numerals in names, digit sequences, garbage)."""
    form, num = _number_text(m)
    if form != "num":
        v = parse_percent_words(num) if form == "pct" else parse_fraction_words(num)
        return None if v is None else (v, "")
    if num[0].isdigit():
        # the pattern has checked the shape and the scan string is width-folded: convert directly
        return float(num.replace(",", "") if "," in num else num), ""
    head, mag = split_chinese_magnitude(num)
    v = parse_chinese(head)
    if v is None:
        return None
    unit = m.group("unit") or m.group("unit0") or ""
    approx_lead = prev in V.CN_APPROX_LEADS
    if head in ("万", "亿"):
        # a bare magnitude: 近万人 -> 1 万人; never alone (万人发明专利拥有量, 万企上云)
        return (1.0, head) if approx_lead and unit else None
    if len(head) == 1 and not approx_lead and not (mag and unit and head in CN_DIGITS) \
            and unit not in V.CN_SINGLE_OK_UNITS:
        return None  # 三个“盘子”, 两次, 百家, 十大; but 近百万, 三万人, 下降两个百分点
    if mag and not unit and not approx_lead:
        return None  # 四个千亿台阶
    return v, mag


class _UnitFacts(NamedTuple):
    """What the exclusion rules ask of a unit as written, worked out once per unit string."""
    base: str  # without magnitude or per-suffix: 亿元/年 -> 元
    latin_tail: bool  # ends in a Latin letter (5G, 10kV …)
    generation: bool  # the 5G-style name unit
    rank: bool  # 名 / 位
    policy: bool  # 条 (policy packages)
    cn_excluded: bool  # units a Chinese numeral never counts (十三次全会)
    spec: bool
    duration: bool
    money: bool  # …元
    rank_field: bool  # 个 家 所 … (居9个国家中心城市首位)
    measure: bool


@lru_cache(maxsize=1024)  # a document uses a few dozen units, over and over
def _unit_facts(unit: str) -> _UnitFacts:
    base = split_magnitude(unit.split("/")[0])[1]
    return _UnitFacts(
        base=base,
        latin_tail=unit[-1:].isascii() and unit[-1:].isalpha(),
        generation=unit == V.GENERATION_NAME_UNIT,
        rank=unit in V.RANK_UNITS,
        policy=unit == V.POLICY_PACKAGE_UNIT,
        cn_excluded=unit in V.CN_EXCLUDED_UNITS,
        spec=base in _SPEC,
        duration=base in _DURATION,
        money=base.endswith("元"),
        rank_field=bool(unit) and unit[-1] in V.RANK_FIELD_UNITS,
        measure=base in _MEASURES,
    )


def _excluded(s: str, ns: int, ue: int, left: str, right: str, prev: str, nxt: str, brk: tuple,
              m: re.Match, unit: str, value: float) -> bool:
    """GUIDE exclusions that can be read from the candidate and its neighbourhood: the scan
    string s with the number at ns and the unit ending at ue, the item text before the number
    (`left`), up to _RIGHT_WINDOW characters after the unit (`right`), the characters either
    side, and the (clause, item, name) break finders."""
    u = _unit_facts(unit)
    # (glue characters, ordinals and quotes are checked before: see _candidate)
    if prev == " " and ns >= 2 and _is_ascii_alnum(s[ns - 2]) and not _after_acronym(s, ns - 1):
        return True  # "PM 2.5", "1 2 4 N" (but "人均GDP 1.5万美元")
    if u.latin_tail and _is_ascii_alnum(nxt):
        return True  # 5G-A style codes
    if u.generation and value <= V.GENERATION_NAME_MAX:
        return True  # 5G
    if prev == V.PER_BASE:
        return True  # 每10万人口, 每100户: the base of a rate, part of its name
    if u.rank and prev in V.RANK_PREFIXES:
        return True  # 后20名
    if right.startswith(V.CLASS_SUFFIXES) or (right[2:3] in V.CLASS_SUFFIXES and right.startswith(("以上", "以下"))):
        return True  # 千亿级, 百亿级
    if u.policy:
        stop = brk[0].fwd(ue, 40)
        if right.startswith(V.POLICY_PACKAGE_NOUNS) or _POLICY_LIST_END.search(s, ue, stop):
            return True  # 促进经济平稳健康发展30条、…等政策举措; 为民造福10条意见
    if u.cn_excluded and m.start("num") >= 0 and s[ns] in _CN:
        return True  # 十三次全会
    if right.startswith(V.STRUCTURE_NOUNS):
        return True  # 十一个方面
    if u.base == V.ANNIVERSARY_UNIT[0] and right.startswith((V.ANNIVERSARY_UNIT[1:], "岁")):
        return True  # 成立75周年; 65周岁 (an age, the unit 周 followed by 岁)
    if u.base in V.QUALIFIER_UNITS and _QUALIFIED_NOUN.match(right):
        return True  # 65岁及以上老年人, 35-64岁妇女, 3岁以下婴幼儿
    if u.spec:
        r = right[2:] if right.startswith(("以上", "以下")) else right
        if r[:1] and (_is_cjk(r[0]) or r[0] in "“("):
            return True  # 12英寸大硅片, 20蒸吨以下燃煤锅炉
    if u.duration:
        if _DURATION_LEADS.suffix(left) or right.startswith(V.DURATION_TAILS) \
                or prev in V.DURATION_PERIOD_PREFIXES:
            return True  # 利用 2 年时间, 仅用10天, 前10个月
        if any(right.startswith(t) or right[1:].startswith(t) for t in V.DURATION_NAME_TAILS):
            return True  # 240小时过境免签, 15分钟健身圈
    if left.endswith(V.FRAME_LEFT) and right.startswith(V.FRAME_RIGHT):
        return True  # 以1—3平方公里为尺度
    if _CAPACITY_LEADS.suffix(left) and right[:1] and _is_cjk(right[0]):
        return True  # 年产50万吨航空航天及汽车用铝等项目
    if u.money:
        if _COUNT_THEN_INVESTMENT.search(s, max(0, ns - 20), ns):
            return True  # 引进 2 个以上投资超 30 亿元
        r, thr = right, bool(_THRESHOLD_LEFT.suffix(left))
        w = _RIGHT_COMPARATORS.prefix(r)
        if w and _RIGHT_COMPARATOR[w] != "~":
            r, thr = r[len(w):], True
        if thr and r[:1] and (_is_cjk(r[0]) or r[0] in "“"):
            stop = _forward_to(r, 0, V.ITEM_BREAKS, 10)
            if any(n in r[:stop] for n in V.THRESHOLD_NOUNS):
                return True  # 10亿元以上项目, 投资超10亿元高质量项目
    if u.rank_field:
        if _RANK_FIELD.match(right):
            return True  # 居9个国家中心城市首位
        if _RANK_FIELD_LEAD.search(left) and _RANK_FIELD_LIST.match(right):
            return True  # 在全国168个重点城市、…排名
    if u.measure and right[:1] and _is_cjk(right[0]) and not left.strip(" |") \
            and not _RIGHT_COMPARATORS.prefix(right):
        stop = brk[2].fwd(ue, 24)
        if s[ue:stop].endswith(V.PROJECT_NAME_ENDS):
            return True  # (clause-initial) 1亿立方米南水北调中线观音寺调蓄水库工程获…
    # 东风日产 100 万台发动机、奥克斯空调生产基地等 210 个项目开工: names in an enumeration
    k = s.find(V.ENUM_NAME_END, ue, ue + _RIGHT_WINDOW)
    if k != -1 and _ENUM_NEXT_NUMBER.match(s, k + 1) and k < brk[0].fwd(ue):
        return True
    return False


def extract_figures(text: str, start: int = 0, end: int | None = None, *,
                    default_kind: str | None = "target", view: Clean | None = None,
                    plan_year: int | None = None) -> list[RawFigure]:
    """Figures in text[start:end], sorted by start; offsets are into `text`.

    default_kind: "target" (notice tasks, plan parts), "actual" (review parts) or None to decide
    from each sentence's own cues (news mixing both).

    >>> f = extract_figures("2020年,全市计划新增城镇就业11.4万人。", default_kind=None)[0]
    >>> (f.value, f.unit, f.kind, f.metric, f.normalized_value)
    (11.4, '万人', 'target', '新增城镇就业', 114000.0)

    view: the cleaned view of text[start:end] when the caller has it already (a slice of
    the whole document cleaned once); by default it is computed here.  To scan many ranges
    of one document, `prepare` it once and call `extract_prepared` per range.
    """
    try:
        return _extract(text if isinstance(text, str) else "", start, end, default_kind, view,
                        plan_year=plan_year)
    except Exception:  # pragma: no cover - a library called on arbitrary input must not raise
        return []


class Prepared(NamedTuple):
    """What every range of a document shares, worked out once: the cleaned view of the
    scanned span, its scan string (folded, list labels masked) and its quotations."""
    text: str
    view: Clean
    scan: str
    quote_starts: list[int]
    quote_ends: list[int]
    memo: dict  # what a range asks of the whole document, worked out on first asking


def prepare(text: str, start: int, end: int) -> Prepared:
    """Prepare text[start:end] for `extract_prepared` on ranges inside it.

    Slicing the prepared scan string gives each range exactly what preparing the range alone
    gives: ranges start at line starts, where list labels are found either way, and a
    quotation (no delimiter inside) lies within a range whether or not the scan began there."""
    c = clean(text, start, end)
    s = _label_mask(text, start, end, c)
    qs, qe = _quote_spans(s)
    return Prepared(text, c, s, qs, qe, {})


def extract_prepared(p: Prepared, start: int, end: int, *, default_kind: str | None = "target",
                     plan_year: int | None = None, place: tuple[str, ...] = ()) -> list[RawFigure]:
    """extract_figures(p.text, start, end) for a range inside the prepared span; `place`: the
    ways the document writes its own place (figures.place.place_forms), left out of names."""
    try:
        i, j = p.view.index(start), p.view.index(end)
        scan = p.scan[i:j]
        m = CANDIDATE.search(scan)
        if m is None:
            return []  # most ranges of a long document (a heading, a short section) hold no figure
        lo, hi = bisect_left(p.quote_starts, i), bisect_left(p.quote_starts, j)
        inside = [(a - i, b - i) for a, b in zip(p.quote_starts[lo:hi], p.quote_ends[lo:hi]) if b <= j]
        quotes = ([a for a, _ in inside], [b for _, b in inside])
        return _extract(p.text, start, end, default_kind, p.view.slice(i, j), scan, quotes, m.start(),
                        plan_year, p.memo, place)
    except Exception:  # pragma: no cover - a library called on arbitrary input must not raise
        return []


def _extract(text: str, start: int, end: int | None, default_kind: str | None,
             view: Clean | None = None, scan: str | None = None, quotes=None,
             first_candidate: int = 0, plan_year: int | None = None, memo: dict | None = None,
             place: tuple[str, ...] = ()) -> list[RawFigure]:
    """The extractor; `first_candidate`: where the caller found the first candidate in `scan`
    (the scan for candidates resumes there: none starts before it); `memo`: the document's
    Prepared.memo when the range is one of a prepared document's."""
    n = len(text)
    end = n if end is None else max(0, min(int(end), n))
    start = max(0, min(int(start or 0), end))
    if start >= end:
        return []
    if default_kind not in ("target", "actual"):
        default_kind = None
    c = view if view is not None else clean(text, start, end)
    if not c.text:
        return []
    s = scan if scan is not None else _label_mask(text, start, end, c)
    if quotes is None:
        quotes = _quote_spans(s)
    sentences = None
    found: list[list[int]] = []

    def para_starts() -> list[int]:
        # found at most once: the sentence cues and the overriding cues both ask
        if not found:
            found.append(_paragraph_starts(text, start, end, c))
        return found[0]

    if default_kind is None:
        sentences = _Sentences(s, para_starts(), quotes)
        if sentences.majority is None:
            sentences.fallback = _document_majority(text, memo) if (start, end) != (0, len(text)) else sentences.lean
        if plan_year:
            # news of 2026 telling 2025's results: a sentence naming an earlier year is actual
            over = _KindOverrides.build(s, para_starts, _UNDECIDED, plan_year)
            if over is not None:
                sentences = _Either(over, sentences, over.majority())
    else:
        sentences = _KindOverrides.build(s, para_starts, default_kind, plan_year)
    rs = s[::-1]
    sent_starts = _Breaks(s, V.SENTENCE_BREAKS, rs)
    brk = (_Breaks(s, V.CLAUSE_BREAKS, rs), _Breaks(s, V.ITEM_BREAKS, rs), _Breaks(s, V.ITEM_BREAKS | V.NAME_STOPS, rs))
    estimates = _occurrences(s, V.ESTIMATE_CUE)
    if memo is not None and "traditional" not in memo:
        memo["traditional"] = _naming_words(text)[1] is not None  # (one scan of the whole text)
    words, back = _naming_words(c.text) if memo is None or memo["traditional"] else (c.text, None)
    cands: list[_Cand] = []
    for m in CANDIDATE.finditer(s, first_candidate):
        try:
            cand = _candidate(m, s, c, quotes, sentences, sent_starts, default_kind, brk, estimates, words)
        except Exception:  # pragma: no cover - one odd candidate must not cost the others
            continue
        if cand is not None:
            prev = _before(cands, sent_starts, cand.ns)
            if prev is not None and _completes(cand, prev, cands, sent_starts, words, s):
                cands.append(cand)
                continue
            ref: Metric = cand.ref
            # (a figure of no name opening its sentence may take it from the clause before too:
            # `全县地区生产总值2018年突破百亿元大关,预计2020年实现144亿元`)
            topic = topic_before(words, s, cand.clause_lo, prev.re_ if prev else 0) \
                if ref.ref == "prev" or (cand.metric is None and prev is None) else None
            if topic is not None:
                # `…;财政一般预算收入实现翻倍增长,从2006年的8.8亿元…`: the clause before names it
                cand.metric, cand.mspan = topic.text, (topic.start, topic.end)
            elif ref.ref == "rate" and prev is not None and any(ch in s[prev.re_:cand.ns] for ch in ";；"):
                cand.metric = ref.text  # a rate said of a subject in its own clause, not of the figure before
            elif ref.ref is not None:
                cand.metric = refer((_said_of(prev, cand) if ref.ref == "prev" else prev.metric) if prev else None, ref)
                cand.aside = ref.ref == "schedule"
                if ref.ref == "prev" and prev is not None:
                    cand.mspan = prev.mspan
            if cand.metric is None and prev is not None:
                cand.metric, cand.mspan = _said_of(prev, cand), prev.mspan  # "物流业增加值达到 925 亿元、增长 8% 左右"
                if STOCK_CUE in s[cand.clause_lo:cand.ns]:
                    cand.metric = stock_of(prev.metric)  # 新增…800家,累计达到2900家
            elif prev is not None and ref.ref in (None, "parallel") and cand.metric and prev.metric \
                    and (named := attributed(prev.metric, cand.metric)):
                cand.metric = named  # 第一产业实现增加值11.4亿元,…,贡献率为33.6%
            elif prev is not None and ref.ref in (None, "parallel") and cand.metric and prev.metric \
                    and cand.unit == prev.unit and _PART_CUE not in s[prev.re_:cand.ns] \
                    and (named := in_class_measure(prev.metric, cand.metric)):
                # (after 其中 a total's parts are named by the parts pass, in the total's measure)
                cand.metric = named  # 食品烟酒类价格上涨3.0%;衣着类上涨5.2%
            elif prev is not None and ref.ref in (None, "parallel") and cand.metric and prev.metric \
                    and cand.clause_lo <= prev.ns \
                    and not cand.own_dir and not (cand.mspan and s[cand.mspan[1]:cand.ns].strip()):
                # (an item with a verb of its own keeps its name: "新增A企业1000家、B企业达到1.8万家")
                cand.metric = shared_verb(prev.metric, cand.metric)  # 新增A企业500家、B企业1000家
            if prev is not None and ref.ref in (None, "parallel") and cand.metric and cand.mspan and prev.unit in _COUNT_UNITS \
                    and not s[prev.re_:cand.mspan[0]].strip(" ,，") and (named := of_counted(prev.metric, cand.metric)):
                cand.metric = named  # 亿元以上建设项目2610个,完成投资3020亿元
            if cand.metric and cand.metric[0] in "(（" and prev is not None and prev.metric:
                # `地区生产总值2266.1亿元(区本级1976.7亿元)`: the figure before, for a part of its scope
                cand.metric = scoped(prev.metric, cand.metric) or cand.metric
            if cand.metric:
                # (tidied now too: a later figure's name is built from this one's)
                cand.metric = tidy(cand.metric) or None
            cands.append(cand)
    _share_across_lists(cands, s, words)
    if len(cands) > 1:
        _parts_in_the_measure_of_their_whole(cands, s, para_starts)
    out = []
    new = tuple.__new__  # a RawFigure without the NamedTuple's Python-level constructor
    for k in cands:
        a, b = c.span(k.ns, k.ue)
        nv, nu = normalize(k.value, k.unit)
        ma = mb = None
        if k.metric:
            k.metric = tidy(k.metric) or None
        if place and k.metric and k.metric.startswith(place):
            named = without_place(k.metric, place)
            if k.mspan and words.startswith(k.metric[:len(k.metric) - len(named)], k.mspan[0]):
                k.mspan = (k.mspan[0] + len(k.metric) - len(named), k.mspan[1])
            k.metric = named
        if back is not None and k.metric:
            k.metric = k.metric.translate(back)  # named in simplified script, given as written
        if k.metric and k.mspan:
            ma, mb = c.span(*k.mspan)
        out.append(new(RawFigure, (a, b, k.metric, k.value, k.value_max, k.unit, k.comparator, k.direction,
                                   k.kind, k.estimate, nv, nu, ma, mb)))
    out.sort(key=lambda f: (f.start, f.end))
    return out


# The units of a count of projects or firms, whose measure may follow it named alone.
_COUNT_UNITS = frozenset(("个", "家", "项"))


# The longest words before a figure that can say it completes a plan (`完成上级下达的年度投资计划数`).
_COMPLETION_MAX = 24


# How many figures of plans and completion rates in a row a figure looks past for the one
# its name may come from.
_ASIDES_MAX = 4


def _before(cands: list[_Cand], sent_starts: _Breaks, ns: int, end: int | None = None) -> _Cand | None:
    """The figure before the one at ns (among cands[:end]) in its sentence whose name the next
    may take: past a plan's amount and a completion rate (`…完成24627万元,完成年初预算数60999万元
    的40.4%,比上年减收1070万元`: the 1070 is said of the 24627's subject)."""
    end = len(cands) if end is None else end
    for k in range(end - 1, max(-1, end - 1 - _ASIDES_MAX), -1):
        c = cands[k]
        if not _same_sentence(sent_starts, c.ns, ns):
            return None
        if not c.aside:
            return c
    return None


def _completes(cand: _Cand, prev: _Cand, cands: list[_Cand], sent_starts: _Breaks, words: str, s: str) -> bool:
    """Name `cand` when it is a completion rate of a plan (`完成年初预算的40.4%`), and the plan's
    amount before it when written (`完成年初预算数60999万元的40.4%`), both said of the subject's
    figure before them; True when it did."""
    if cand.unit not in ("%", "倍"):
        return False
    # (the words are read only when short enough to be a completion: a clause of thousands of
    # figures must not be sliced again for each)
    own = completion(words[cand.clause_lo:cand.ns].strip(" ,")) if cand.ns - cand.clause_lo <= _COMPLETION_MAX else None
    if own is not None:  # (`完成年初预算的40.4%`, `完成年初预算36.7%`)
        if not prev.metric:
            return False
        subject, verb, plan = prev, own[0], own[1]
    else:
        last = cands[-1]
        if last is not prev or s[last.re_:cand.ns].strip() != "的":
            return False
        base = completion(words[last.clause_lo:last.ns].strip(" ,")) if last.ns - last.clause_lo <= _COMPLETION_MAX else None
        subject = _before(cands, sent_starts, last.ns, len(cands) - 1) if base and not base[2] else None
        if subject is None or not subject.metric:
            return False
        verb, plan = base[0], base[1]
        # (the plan's amount is what was planned: a target, whatever the sentence reports)
        last.metric, last.mspan, last.aside, last.kind = subject.metric + plan, subject.mspan, True, "target"
    cand.metric = completion_name(subject.metric, verb, plan.removesuffix("数") if verb == "完成" else plan)
    cand.mspan, cand.aside = subject.mspan, True
    return True


def _same_sentence(sent_starts: _Breaks, a: int, b: int) -> bool:
    """Whether a figure at a (a < b) lies in the sentence of the figure at b, as read within
    _SENTENCE_WINDOW: that is, `sent_starts.back(b, _SENTENCE_WINDOW) <= a`, found by looking
    for a break between the two only rather than across the whole window."""
    return b - _SENTENCE_WINDOW <= a and sent_starts.none_between(a, b)


def _occurrences(s: str, word: str) -> list[int]:
    """Where `word` occurs in s, overlapping occurrences included, in order."""
    out = []
    k = s.find(word)
    while k != -1:
        out.append(k)
        k = s.find(word, k + 1)
    return out


def _holds(starts: list[int], n: int, lo: int, hi: int) -> bool:
    """Whether an occurrence of a word of length n (starting at `starts`, sorted) lies in
    s[lo:hi]: the first one starting at or after lo decides."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] + n <= hi


def _naming_words(written: str) -> tuple[str, dict[int, str] | None]:
    """The words metric names are read from, and the way back to the script as written: a
    document (or a range scanned alone) in traditional script is named in simplified script,
    where the word lists of rules/figures_metric.yaml are written (舉辦400場招聘會 -> 招聘會,
    as 举办 takes its object after the number), and the name is given back in the range's own
    characters.  A simplified text with a stray traditional character or two (a name) is
    named as written."""
    plain = script_folded(written)
    if plain is written:
        return written, None
    pairs = [(w, p) for w, p in zip(written, plain) if w != p]
    if len(pairs) < max(TRADITIONAL_MIN, len(written) // 100):
        return written, None
    return plain, {ord(p): w for w, p in pairs}


# A range is named in simplified script from this many traditional characters on (and one
# in a hundred): below that it is a simplified text naming someone in traditional script.
TRADITIONAL_MIN = 8


def _candidate(m: re.Match, s: str, c: Clean, quotes, sentences, sent_starts, default_kind, brk,
               estimates: list[int], words: str) -> _Cand | None:
    ns, ue = m.start(), m.end()
    prev = s[ns - 1] if ns else ""
    nv = _number_value(m, prev)
    if nv is None:
        return None
    value, cn_mag = nv
    mag, ap2, unit, unit0 = m.group("mag", "ap2", "unit", "unit0")
    pct = m.start("pct") >= 0
    unit_raw = unit or unit0 or ""
    nxt = s[ue] if ue < len(s) else ""
    if prev in V.GLUE_BEFORE or prev in V.ORDINAL_PREFIXES or nxt in V.GLUE_AFTER \
            or (prev.isascii() and prev.isalnum() and not _after_acronym(s, ns)) \
            or (quotes[0] and _inside(quotes[0], quotes[1], ns)):
        return None  # PM2.5, G310, “1+2+4+N”, 第29届, “15分钟健身圈”, 《…》
    if pct:
        unit_text = "%"
    else:
        # unit as written: magnitude (split off a Chinese run, or after the number) + unit
        if ap2:
            unit_text = c.text[m.start("mag"):m.end("mag")] + (unit or "")
        else:
            tail = m.start("mag") if mag else (m.start("unit0") if unit0 else ue)
            unit_text = c.text[tail:ue]
        unit_text = cn_mag + unit_text.replace(" ", "")
    if mag and not unit_raw and nxt and not (_is_cjk(nxt) or nxt in V.ITEM_BREAKS or nxt == "。"):
        return None  # a bare magnitude is followed by a noun or ends the clause ("9.65万随迁子女")
    clause_b, item_b, name_b = brk
    item_lo = item_b.back(ns)
    # the clause starts where the item does unless the item follows a 、 inside the clause
    # (as far back as a list of names may reach: 食品、烟酒、…、居住的价格分别上涨…)
    clause_lo = clause_b.back(item_lo - 1, LIST_MAX_LEN) if item_lo and s[item_lo - 1] == "、" else item_lo
    left_t = s[item_lo:ns]
    # a minus sign before the number (增长-8.7%, 贡献率为-31.6%): a negative value, the sign no
    # part of the words before; after a digit or a letter a hyphen joins (1-9月, 0371-…), and a
    # line's leading dash is a bullet
    minus = prev in V.MINUS_SIGNS and ns - 1 > item_lo and (_is_cjk(s[ns - 2]) or s[ns - 2] in V.MINUS_AFTER)
    if minus:
        left_t = s[item_lo:ns - 1]
    if _excluded(s, ns, ue, left_t, s[ue:ue + _RIGHT_WINDOW], prev, nxt, brk, m, unit_raw or unit_text, value):
        return None
    value_max = None
    if m.group("sep"):
        n2 = m.group("num2")
        hi = parse_arabic(n2) if n2[0].isdigit() else parse_chinese(n2)
        if hi is None or hi < value:
            return None  # not a range
        value_max = hi
    if minus and value_max is None:
        value = -value
    base_unit = unit_raw.split("/")[0]
    rate = base_unit in V.RATE_UNITS or unit_text == "%"
    left = read_left(left_t, rate)
    right_comp, re_ = read_right(s, ue, base_unit)
    # comparator: a range, a word after the figure, 多/余, a word before it
    if value_max is not None:
        comparator = "range"
    elif right_comp:
        comparator = right_comp
    elif m.group("ap1") or m.group("ap2"):
        comparator = ">="
    else:
        comparator = left.comparator or "="
    # direction: the verb right before the number, else a cut/raise verb governing the clause
    direction = None if left.level else left.direction
    own_dir = direction is not None or left.level
    if not own_dir:
        clause = s[clause_lo:ns]
        for _ in range(2):
            w = _METRIC_LEADS.prefix(clause)
            if not w:
                break
            clause = clause[len(w):]
        if _CUT_VERBS.prefix(clause) and (item_lo == clause_lo or not _OWN_VERB.search(left_t)):
            direction = "down"  # 压减煤电装机111万千瓦、钢铁产能95万吨
        elif rate and _RAISE_VERBS.prefix(clause) and item_lo == clause_lo:
            direction = "up"  # 提高农村土地流转率5个百分点
    # kind and estimate
    # (the cue's places in the range are found once: most ranges have none, and a search of the
    # window before each figure cost more than the rest of this step)
    n_cue = len(V.ESTIMATE_CUE)
    estimate = bool(estimates) and _holds(estimates, n_cue, max(0, ns - _SENTENCE_WINDOW), ns) \
        and _holds(estimates, n_cue, sent_starts.back(ns, _SENTENCE_WINDOW), ns)
    kind = sentences.kind_at(ns) if sentences is not None else default_kind
    if default_kind is not None and kind == "target" and _EXISTING_RX.search(left_t):
        kind = "actual"  # 提升现有9个功能性口岸业务规模
    item_hi = item_b.fwd(re_)
    metric = name_metric(words, s, item_lo, item_lo + left.core_end, re_, item_hi, clause_lo)
    cand = _Cand(ns - 1 if minus and value < 0 else ns, ue, re_, clause_lo, value, value_max, unit_text, comparator, direction, kind, estimate,
                 metric.text, (metric.start, metric.end) if metric.start < metric.end else None,
                 left.comparator, right_comp, own_dir)
    cand.ref = metric
    return cand


def _said_of(prev: _Cand, cand: _Cand) -> str | None:
    """The name a figure takes from the one before it: that figure's, or, after a share, a change
    is its subject's (`…收入461.55亿元,占年度预算的21.62%,比上年同期增长5.02%`, `…,同比增收1316万元`:
    收入; a share changes in 个百分点)."""
    if prev.ref is not None and prev.ref.ref == "share" and cand.direction and not cand.unit.endswith("百分点") \
            and prev.metric and prev.metric.rfind("占") > 0:
        return prev.metric[:prev.metric.rfind("占")]
    return prev.metric


def _respectively(cands: list[_Cand], i: int, group: list[_Cand], s: str) -> list[str] | None:
    """The names of a list of k figures after 分别 that refers to the k figures just before it
    (cands[i - k:i]) in the sentence ("生产总值…、…税费收入144.8亿元,较2015年分别增长26.8%、…和25.9%";
    "新增高速公路1317公里、一级公路2667公里,总里程分别达4246公里和3166公里" -> 高速公路总里程,
    一级公路总里程), else None.  (The index, not a copy of the candidates before: a copy per
    list made a document of many lists quadratic.)"""
    k, first = len(group), group[0]
    if i < k:
        return None
    prior = cands[i - k:i]
    between = s[prior[-1].re_:first.ns]
    if V.RESPECTIVELY not in between or any(c in between for c in V.SENTENCE_BREAKS) or "、" in between:
        return None  # (`…,纺织、建材等行业产值分别增长…`: a list of its own names the values after 分别)
    names = [c.metric for c in prior]
    if not all(names) or len(set(names)) < k or any(
            s[a.re_:b.ns].strip() not in V.LIST_JOINERS and "、" not in s[a.re_:b.ns] for a, b in zip(prior, prior[1:])):
        return None
    ref = first.ref.ref if first.ref is not None else None
    if first.metric is None or ref == "prev" or first.metric == prior[-1].metric:
        return names  # 较2015年分别增长…: the names of the figures before
    if len(first.metric) <= PARALLEL_MAX:
        # (a name that has the measure already keeps it: repeated lists never stack it)
        return [n if n.endswith(first.metric) else stock_name(n) + first.metric for n in names]  # 总里程分别达…
    return None


def _parts_in_the_measure_of_their_whole(cands: list[_Cand], s: str, para_starts) -> None:
    """Parts of a total named by their sector alone are counted in the total's measure, when a
    cue says they are its parts (`地区生产总值958亿元。分三次产业看:第一产业实现119.6亿元` ->
    第一产业增加值; `规上工业总产值500亿元,其中电子信息产业200亿元` -> 电子信息产业产值), or in
    the measure a frame names (`从支柱产业产值看,电子信息产业增长24.9%` -> 电子信息产业产值).
    The cue holds for the parts after it in its paragraph; the figures after a part that took
    its name take the new one too."""
    sector = [bool(c.metric) and (names_a_sector(c.metric) or _names_a_scope(c.metric) or names_a_price_group(c.metric))
              for c in cands]
    if not any(sector):
        return  # (most documents: no figure is a sector's or a scope's alone)
    paras = para_starts()
    measure, total, at = None, None, 0  # the last total's measure and name; where the text after it begins
    active = None  # the measure the parts take once a cue was read
    cued = False  # whether a cue made the figures after the total its parts
    renamed: set[int] = set()
    for k, c in enumerate(cands):
        if bisect_right(paras, c.ns) != bisect_right(paras, at):
            measure = total = active = None  # a total and its cue hold for their own paragraph
            cued = False
        name = c.metric
        if not name or k in renamed:
            continue
        if not sector[k]:
            whole = part_measure(name)
            if whole:  # a total, of its measure (产值) and its scope (一般公共预算支出)
                measure, total, at, active, cued = whole, name, c.ue, None, False
            continue  # (its rate or a comparison keeps the total before)
        if names_a_measure(name):
            continue
        between = s[at:c.ns]
        frame = _PART_FRAME.search(between)
        if frame is not None:
            active, cued = part_measure(frame["frame"]) or measure, True
        elif _PART_CUE in between:
            active, cued = measure, True
        at = c.ue
        # a scope of the total (市本级, 市辖区) takes its whole name, a sector its measure
        new = (total if _names_a_scope(name) else active) if cued else None
        if not new or (new == _PRICE) != (names_a_price_group(name) and not names_a_sector(name)):
            continue  # (a price group is a part of prices only: 食品 of a GDP is an industry)
        for j in range(k, len(cands)):
            if cands[j].metric != name:
                break
            cands[j].metric = name + new
            renamed.add(j)


def _names_a_scope(name: str) -> bool:
    """Whether a name is a part of a total's scope alone: 市本级, 区本级, 市辖区, 省直管县."""
    return name[-1:] in _SCOPE_LAST and _SCOPE_PART.search(name) is not None


_SCOPE_ENDS = ("本级", "辖区", "直管县", "直管市")
_PRICE = "价格"  # the measure a consumer price index's groups are counted in
_SCOPE_PART = lazy_re(r"^[\u4e00-\u9fff]{0,6}?(?:%s)$" % "|".join(_SCOPE_ENDS))
_SCOPE_LAST = frozenset(w[-1] for w in _SCOPE_ENDS)  # (one test turns most names away)
# What says the figures after it are parts of a total: 其中…, 分三次产业看, 从支柱产业产值看.
_PART_CUE = "其中"
_PART_FRAME = lazy_re(r"[分从](?P<frame>[^,;。:]{1,14}?)(?:来)?看")
_FRAME_WINDOW = 30


def _share_across_lists(cands: list[_Cand], s: str, words: str) -> None:
    """Bare lists of figures share one verb and one comparator: "分别在 95%、35% 以上" (both
    >=), "下降14.3%和12.1%" (both down), "分别提高至841元、1180元" (both levels)."""
    i = 0
    while i < len(cands):
        j = i
        while j + 1 < len(cands) and cands[j].re_ < cands[j + 1].ns \
                and s[cands[j].re_:cands[j + 1].ns].strip() in V.LIST_JOINERS:
            j += 1
        if j > i:
            group = cands[i:j + 1]
            first, last = group[0], group[-1]
            for g in group[1:]:
                if not g.own_dir:
                    g.direction = first.direction
                if g.metric is None or g.metric == first.metric:
                    g.metric, g.mspan = first.metric, first.mspan
            shared = all(g.metric == first.metric for g in group)
            names = _respectively(cands, i, group, s) if shared else None
            names = names or (distribute(first.metric, len(group)) if shared else None)
            if not names and shared and first.metric and first.mspan and V.RESPECTIVELY in s[first.clause_lo:first.ns]:
                names = each_example(words[first.clause_lo:first.mspan[0]].rstrip(" ,、"), first.metric, len(group))
            if names:
                for g, name in zip(group, names):
                    g.metric = name  # 城镇和农村居民人均可支配收入分别增长A%、B%
            for g in group:
                if g.comparator == "=" and g.value_max is None:
                    g.comparator = last.right_comp or first.left_comp or "="
        i = j + 1
