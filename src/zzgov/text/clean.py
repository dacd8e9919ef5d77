"""Cleaned views of the original text that never lose their place.

Extraction damage in government texts: words and names broken across lines and blank lines
(`开发区管\n\n委会`), stray spaces inside tokens (`市 财政局`, `20 21`), full- and half-width
variants (`（）`/`()`, `：`/`:`).  `clean()` removes the breaks and stray blanks and returns a
`Clean` view that keeps, for every character, its offset in the original decoded text, so
a match in the view maps back to an exact original span.  `folded` is the same view with
each character width-folded one-to-one (NFKC where that yields one character), for matching
patterns without caring which width the writer used; `text` keeps the characters as
written for output.

>>> c = clean("开发区管\\n\\n委会")
>>> c.text, c.span(0, len(c.text))
('开发区管委会', (0, 8))
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain
from operator import itemgetter

from zzgov.text.script import lazy_re


# Characters removed from a cleaned view: line ends and blanks that PDF/Word/web extraction
# scatters through Chinese text, where words are never separated by spaces.
LINE_BREAKS = frozenset("\r\n\u2028\u2029\x0c")
BLANKS = frozenset(" \t\u3000\u00a0\ufeff\x00\u200b")


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "_")


# Blocks whose characters have one-character compatibility forms (NFKC): ASCII-width
# variants, Latin-1, letter-like symbols, Roman numerals, circled numbers, CJK symbols,
# Kangxi radicals, compatibility ideographs and forms, half- and full-width forms.
_FOLD_BLOCKS = (
    (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF), (0x2F00, 0x2FDF),
    (0x3000, 0x303F), (0xF900, 0xFAFF), (0xFE30, 0xFE6F), (0xFF00, 0xFFEF),
)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {0x3000: " "}
    for lo, hi in _FOLD_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            n = unicodedata.normalize("NFKC", ch)
            if n != ch and len(n) == 1:
                table.setdefault(cp, n)
    return table


def _traditional_to_simplified() -> dict[str, str]:
    """Traditional characters folded to their simplified form, one character for one, from
    OpenCC's character table (the `opencc-python-reimplemented` package ships it), so that
    a page in traditional script (責任單位, 牽頭) is read by the same rules.  Only the first
    reading of each character is taken and chains are resolved, so folding stays
    idempotent; names and units are still given as written."""
    try:
        from importlib import resources

        raw = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_bytes()
    except (ImportError, OSError, ModuleNotFoundError):
        return {}
    from zzgov import datacache  # the table built from this file is kept: some 3 ms a run

    return datacache.load("trad", [raw], lambda: _chains_resolved(raw.decode("utf-8")))


def _chains_resolved(data: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in data.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1 and parts[0] != parts[1]:
            pairs[parts[0]] = parts[1]
    out = {}
    for trad, simp in pairs.items():
        seen = {trad}
        while simp in pairs and simp not in seen:
            seen.add(simp)
            simp = pairs[simp]
        if simp != trad:
            out[trad] = simp
    return out


_TABLE: dict[str, str] | None = None
_FOLDABLE: re.Pattern[str] | None = None
_TRAD: frozenset[str] | None = None  # traditional characters with a simplified form
_TRAD_MAP: dict[int, str] = {}


def fold_char(ch: str) -> str:
    """Width-fold one character, keeping it one character (`（`→`(`, `：`→`:`, `２`→`2`)."""
    return fold(ch)


def fold(s: str) -> str:
    """Width-fold a string character by character; the result has the same length.

    Not `str.translate`: on non-ASCII text it looks up every character in the table (about
    60 ns each), while a text holds only a handful of distinct foldable characters.  A
    C-level search (stdlib `re`, several times faster than `regex` on a large character
    class) finds the first foldable character, one `str.replace` folds all its occurrences,
    and the search goes on from there: one search and one replace per distinct character,
    and no list of every occurrence.  Sequential replacement equals a one-to-one mapping
    because NFKC is idempotent: no folded character is itself foldable, so nothing before
    the search position is foldable any more.

    Traditional characters (責任單位 -> 责任单位) are folded by `str.translate`, and only in
    strings that hold one (most documents are in simplified script).  A long string is
    scanned for both kinds of character at once (_fold_long), a short one tested by a set."""
    global _TABLE, _FOLDABLE, _TRAD, _TRAD_MAP
    if s.isascii():
        return s
    if len(s) <= 32:
        return _fold_short(s)  # labels, names and cells are folded again and again
    return _fold(s)


@functools.lru_cache(maxsize=8192)
def _fold_short(s: str) -> str:
    return _fold(s)


def _fold(s: str) -> str:
    global _TABLE, _FOLDABLE, _TRAD, _TRAD_MAP
    if _FOLDABLE is None:
        _TABLE = {chr(k): v for k, v in _fold_table().items()}
        _FOLDABLE = re.compile("[%s]" % "".join(re.escape(ch) for ch in sorted(_TABLE)))
        trad = _traditional_to_simplified()
        _TRAD_MAP = {ord(k): v for k, v in trad.items()}
        _TRAD = frozenset(trad)
    if len(s) >= TRAD_SEARCH_FROM:
        return _fold_long(s)
    s = _fold_width(s, 0)
    if _has_traditional(s):
        s = s.translate(_TRAD_MAP)
    return s


def _fold_width(s: str, pos: int) -> str:
    """`s` with every foldable character from `pos` on width-folded (there is none before)."""
    table, search = _TABLE, _FOLDABLE.search
    m = search(s, pos)
    while m is not None:
        ch = m.group()
        s = s.replace(ch, table[ch])
        m = search(s, m.start())
    return s


def _fold_long(s: str) -> str:
    """_fold of a long string in one scan for the foldable and the traditional characters
    together, where the width fold and the traditional test were a scan each (each `re` class
    test costs the same per character, however large the class).

    Up to the first hit that is not foldable, the scan is the width fold's own (a replaced
    character is read again: a compatibility ideograph may fold to a traditional one).  At a
    traditional character the answer is known: the rest is width-folded and translated.  An
    astral character (the class takes them all, see _has_traditional) leaves it open: the
    rest is width-folded and the result tested as before."""
    global _FOLD_OR_TRAD
    if _FOLD_OR_TRAD is None:
        _FOLD_OR_TRAD = re.compile("[%s%s\U00010000-\U0010FFFF]" % (
            "".join(re.escape(ch) for ch in sorted(_TABLE)),
            re.escape("".join(sorted(ch for ch in _TRAD if ord(ch) <= 0xFFFF)))))
    table, search = _TABLE, _FOLD_OR_TRAD.search
    m = search(s)
    while m is not None:
        ch = m.group()
        if ch not in table:
            break
        s = s.replace(ch, table[ch])
        m = search(s, m.start())
    if m is None:
        return s  # nothing traditional: every character left was scanned
    s = _fold_width(s, m.start() + 1)
    if m.group() in _TRAD or _has_traditional(s):
        s = s.translate(_TRAD_MAP)
    return s


_FOLD_OR_TRAD: re.Pattern[str] | None = None


# From this length on a string is tested for traditional characters by one `re` search (the
# search is faster from 16 characters on; shorter strings are folded once and remembered, see
# _fold_short, and a run over short texts only never compiles the class).
TRAD_SEARCH_FROM = 33
_TRAD_SEARCH: re.Pattern[str] | None = None


def _has_traditional(s: str) -> bool:
    """Whether `s` holds a traditional character (one `_TRAD_MAP` folds).

    A set test steps over every character in Python objects (about 30 ns each); a `re` class
    of the BMP's traditional characters is a bitmap the engine tests in C, some ten times
    faster on a long text and three times on a line.  The few traditional characters outside
    the BMP would turn that class into a list searched character by character, so the class
    takes every astral character instead, and a hit there falls back to the set test.
    Compiled on the first string past TRAD_SEARCH_FROM (about 8 ms): a run over short texts
    never pays for it."""
    global _TRAD_SEARCH
    if len(s) < TRAD_SEARCH_FROM:
        return not _TRAD.isdisjoint(s)
    if _TRAD_SEARCH is None:
        bmp = "".join(sorted(ch for ch in _TRAD if ord(ch) <= 0xFFFF))
        _TRAD_SEARCH = re.compile("[%s\U00010000-\U0010FFFF]" % re.escape(bmp))
    m = _TRAD_SEARCH.search(s)
    return m is not None and (m.group() in _TRAD or not _TRAD.isdisjoint(s))


def script_folded(s: str) -> str:
    """`s` with its traditional characters in simplified script, one for one; widths and
    everything else as written (fold() also folds widths)."""
    if _FOLDABLE is None:
        _fold("\u4e00")  # (the tables are built on first use)
    return s.translate(_TRAD_MAP) if _has_traditional(s) else s


class Folded:
    """A text and its width-folded view of the same length (`（`→`(`, `：`→`:`), folded on first
    use: most views never need it.  What a `Doc` and a `Clean` have in common."""

    __slots__ = ("text", "_folded")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded


class Clean(Folded):
    """A cleaned view: `text` (characters as written), `folded` (same length, width-folded,
    computed on first use since most views never need it) and the map back to the original.

    The map is kept as runs: the cleaned text is the original with gaps taken out, so it is a
    sequence of runs copied unchanged, run k starting at cleaned index `starts[k]` and at
    original offset `origins[k]`.  `offset(i)` and `index(orig)` go either way by bisection;
    `offsets` (one int per character) is built only when asked for.  A list of one int per
    character cost more than everything else clean() does."""

    __slots__ = ("starts", "origins", "_offsets")

    def __init__(self, text: str, starts: list[int], origins: list[int]):
        super().__init__(text)
        self.starts = starts  # increasing; starts[0] == 0 when text is not empty
        self.origins = origins  # increasing
        self._offsets: list[int] | None = None

    @property
    def offsets(self) -> list[int]:
        """offsets[i] is the original offset of text[i]."""
        if self._offsets is None:
            ends = self.starts[1:] + [len(self.text)]
            self._offsets = list(chain.from_iterable(
                range(o, o + e - s) for s, e, o in zip(self.starts, ends, self.origins)))
        return self._offsets

    def offset(self, i: int) -> int:
        """The original offset of text[i]."""
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + (i - self.starts[k])

    def index(self, orig: int) -> int:
        """The first cleaned index whose original offset is at or after `orig` (len(text) if
        none): bisect_left over the offsets, without building them."""
        k = bisect_right(self.origins, orig) - 1
        if k < 0:
            return 0
        i = self.starts[k] + (orig - self.origins[k])
        end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
        return i if i < end else end

    def slice(self, i: int, j: int) -> "Clean":
        """The view of characters [i, j): cleaning a document once and slicing it costs far
        less than cleaning each region of it again."""
        n = len(self.text)
        i, j = max(0, min(i, n)), max(0, min(j, n))
        if j <= i:
            return Clean("", [], [])
        k0 = bisect_right(self.starts, i) - 1
        k1 = bisect_left(self.starts, j)
        starts = [0] + [s - i for s in self.starts[k0 + 1:k1]]
        origins = [self.origins[k0] + (i - self.starts[k0])] + self.origins[k0 + 1:k1]
        sub = Clean(self.text[i:j], starts, origins)
        if self._folded is not None:
            sub._folded = self._folded[i:j]
        return sub

    def __repr__(self) -> str:
        return f"Clean(text={self.text!r}, offsets={self.offsets!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Clean) and (self.text, self.offsets) == (other.text, other.offsets)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original [start, end) of the cleaned slice [i, j)."""
        if not self.text:
            return (0, 0)
        if j <= i:
            k = self.offset(min(i, len(self.text) - 1))
            return (k, k)
        # offset(i) and offset(j - 1) + 1 written out: asked twice for every figure, and the
        # run holding j - 1 is searched for from the one holding i on
        starts, origins = self.starts, self.origins
        k = bisect_right(starts, i) - 1
        a = origins[k] + (i - starts[k])
        k = bisect_right(starts, j - 1, max(k, 0)) - 1
        return (a, origins[k] + (j - 1 - starts[k]) + 1)

    def __len__(self) -> int:
        return len(self.text)


def _keep_blank(prev: str, nxt: str, has_break: bool, keep_blanks: bool) -> bool:
    """Whether a run of blanks between two characters carries meaning and stays (as one space).

    Between two ASCII words a blank separates them (`PM 2.5`, `“1 2 4 N”` stays readable).
    With keep_blanks (lists of names: `吴福民 史占勇`), any blank run without a line break
    is a separator.
    """
    if keep_blanks and not has_break:
        return True
    return _is_ascii_word(prev) and _is_ascii_word(nxt)


def clean(text: str, start: int = 0, end: int | None = None, *, keep_blanks: bool = False) -> Clean:
    """The cleaned view of text[start:end]: no line breaks, no stray blanks, offsets kept.

    keep_blanks=True keeps each blank run on a line as one space (name lists separated by
    spaces); line breaks are always removed, since they fall inside words."""
    end = len(text) if end is None else end
    if start < end and READING.search(text, start, end):
        return _clean_by_gap(text, start, end, keep_blanks, _GAP_OR_READING)
    if start >= end or not _GAP.search(text, start, end):
        # nothing to remove (a field value on one line, say): the view is the text itself
        return Clean(text[start:end], [0] if start < end else [], [start] if start < end else [])
    if not keep_blanks and end - start >= SPLIT_FROM:
        return _clean_split(text, start, end)
    return _clean_by_gap(text, start, end, keep_blanks)


# From this length on clean() splits at the gaps in C rather than going gap by gap: the same
# on ordinary prose, many times faster on a hard break after every character or digit.
SPLIT_FROM = 256


def _clean_by_gap(text: str, start: int, end: int, keep_blanks: bool, gaps: re.Pattern | None = None) -> Clean:
    """clean() one gap at a time: the rule itself, for short ranges and for keep_blanks
    (`gaps`: what is taken out, _GAP unless the range holds pinyin readings)."""
    parts: list[str] = []
    starts: list[int] = []  # the runs of the view (see Clean)
    origins: list[int] = []
    n = 0  # characters kept so far
    pos = start
    last = ""  # last character kept so far
    for m in (gaps or _GAP).finditer(text, start, end):
        i, j = m.span()
        if i > pos:
            parts.append(text[pos:i])
            starts.append(n)
            origins.append(pos)
            n += i - pos
            last = text[i - 1]
        pos = j
        if not last or j >= end or text[i] in "(（":
            continue  # (a pinyin reading leaves no blank behind)
        # Most gaps fall between Chinese characters and simply go: decide that with the
        # cheapest test first, reading the gap's characters only when a blank may stay.
        if not keep_blanks and not (_is_ascii_word(last) and _is_ascii_word(text[j])):
            continue
        has_break = not LINE_BREAKS.isdisjoint(m.group())
        if _keep_blank(last, text[j], has_break, keep_blanks) and not _stray_digit_gap(text, i, j, end, has_break):
            parts.append(" ")
            starts.append(n)
            origins.append(i)
            n += 1
            last = " "
    if pos < end:
        parts.append(text[pos:end])
        starts.append(n)
        origins.append(pos)
    return Clean("".join(parts), starts, origins)


def _clean_split(text: str, start: int, end: int) -> Clean:
    """clean() without keep_blanks in C-level steps: one split at the gaps, the runs' positions
    by accumulate.  Only a gap that may stay as a blank (between ASCII word characters, and
    not a hard break inside a number) is looked at by itself."""
    parts = _GAP_SPLIT.split(text[start:end])  # piece, gap, piece, …, piece
    pieces = parts[0::2]
    at = list(accumulate(map(len, parts), initial=start))
    origins = at[0::2]
    kept = _kept_gaps(text, end, pieces, parts[1::2], at[1::2])
    starts = list(accumulate(map(len, pieces), initial=0))
    starts.pop()
    if not pieces[-1]:  # the range closed with a gap
        del pieces[-1], origins[-1], starts[-1]
    if pieces and not pieces[0]:  # … or opened with one
        del pieces[0], origins[0], starts[0]
    if kept:
        pieces, starts, origins = _with_blanks(pieces, starts, origins, kept)
    return Clean("".join(pieces), starts, origins)


def _kept_gaps(text: str, end: int, pieces: list[str], gaps: list[str], gap_at: list[int]) -> list[int]:
    """Where each gap that stays as a blank begins: between ASCII word characters, except a
    gap holding a line break between two digits and a stray space inside a number
    (_stray_digit_gap); gap k lies between pieces k and k + 1 (the first and last may be
    empty).  The pieces' last characters, joined, are searched in C for a word character:
    a text has a gap at every line end, and only the few after a word character are read
    one by one (a scan of the whole text for them cost as much as the split)."""
    if len(pieces) < 2:
        return []  # no gap
    # every piece between two gaps holds a character; the first may be empty
    lasts = (pieces[0][-1:] or " ") + "".join(map(itemgetter(-1), pieces[1:-1]))
    kept = []
    for m in _ASCII_WORD.finditer(lasts):
        k = m.start()
        nxt = pieces[k + 1][:1]
        if not (nxt and _is_ascii_word(nxt)):
            continue
        i = gap_at[k]
        j = i + len(gaps[k])
        has_break = not LINE_BREAKS.isdisjoint(gaps[k])
        # after a digit, a gap with a line break stays only before a letter (a hard wrap
        # inside a number goes)
        if has_break and lasts[k].isdigit() and nxt.isdigit():
            continue
        if not _stray_digit_gap(text, i, j, end, has_break):
            kept.append(i)
    return kept


_ASCII_WORD = re.compile("[0-9A-Za-z_]")


def _with_blanks(pieces: list[str], starts: list[int], origins: list[int],
                 kept: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The runs with a one-character blank run inserted at each kept gap (one linear merge)."""
    out_p: list[str] = []
    out_s: list[int] = []
    out_o: list[int] = []
    done = shift = 0
    for g in kept:
        r = bisect_left(origins, g, done)  # runs before the gap
        out_p += pieces[done:r]
        out_o += origins[done:r]
        out_s += [x + shift for x in starts[done:r]]
        out_p.append(" ")
        out_o.append(g)
        out_s.append(starts[r] + shift)  # a piece always follows a kept gap
        shift += 1
        done = r
    out_p += pieces[done:]
    out_o += origins[done:]
    out_s += [x + shift for x in starts[done:]]
    return out_p, out_s, out_o


# Patterns that scan long text open with a character class they consume (`[x][x]*`, not
# `[x]+`; a class, not a lookaround or an alternation of classes): only then does the
# standard library's engine skip to the characters that can start a match; otherwise it
# runs its full matcher at every position of the text (tests/test_scan_prefix.py).
# A run of line breaks and blanks: what clean() removes or collapses.
_GAP_CLASS = "[" + re.escape("".join(sorted(LINE_BREAKS | BLANKS))) + "]"
_GAP = re.compile(_GAP_CLASS + _GAP_CLASS + "*")
_GAP_SPLIT = lazy_re("(" + _GAP_CLASS + _GAP_CLASS + "*)")  # captured, so split keeps the gaps
# A pinyin reading that a script-conversion site prints after a character (`報(bào)告`,
# `預(yù)計(jì)`): no part of the words, which it splits (预计 is a cue, 报告 a word).  Only a
# syllable with a tone mark is taken: no unit or code in brackets has one (`(km)`, `(PM)`).
# The letters of pinyin with a tone mark (and ü).
PINYIN_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü"
READING = re.compile("[(（][a-zü]{0,5}[%s][a-zü]{0,5}[)）]" % PINYIN_TONED.replace("ü", ""))
_GAP_OR_READING = re.compile(_GAP.pattern + "|" + READING.pattern)

def _stray_digit_gap(text: str, i: int, j: int, end: int, has_break: bool) -> bool:
    """True when blanks split one number: digit runs of two or more on each side of a single
    space (`20 21`), or any digits across a hard line break (`11.\n4`). `1 2 4` stays apart."""
    if not (i > 0 and text[i - 1].isdigit() and text[j].isdigit()):
        return False
    if has_break:
        return True
    left = 0
    k = i - 1
    while k >= 0 and text[k].isdigit():
        left += 1
        k -= 1
    right = 0
    k = j
    while k < end and text[k].isdigit():
        right += 1
        k += 1
    return left >= 2 and right >= 2 and (i + 1 == j)
