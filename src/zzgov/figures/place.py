"""The place a document is about (Meta.place): 郑州市, 河南省, 广西壮族自治区, 余杭区.

Read from the strongest cue present (rules/figures_place.yaml): the congress a report is
delivered to (`在江苏省第十四届人民代表大会…`), the government that speaks or issues
(`郑州市人民政府市长`), a report's title (`2026年上海市政府工作报告`); else the place named
most often at the level the document's "whole" word implies (全市 -> a 市: 郑州市).

    >>> read_place("2026年上海市政府工作报告\\n——2026年2月3日在上海市第十六届人民代表大会第四次会议上")
    '上海市'
    >>> read_place("郑州市委经济工作会议召开。全市新增就业11万人,郑州市经济总量…郑州市人口…")
    '郑州市'
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from zzgov import rules
from zzgov.text import fold
from zzgov.text.clean import clean
from zzgov.text.script import lazy_re

HEAD = 4000
MIN_NAMED = 3  # times a place must be named in full for the frequency fallback
# Words no place name holds, around a government named in a sentence (`省长代表省人民政府`).
_NOT_IN_NAMES = lazy_re("代表|[长作向的了在]")
_LEVEL_END = lazy_re("(?:自治区|自治州|省|市|县|区|州|盟|旗)$")
# Characters no place name holds but running text puts before 市/省 (的城市, 提升省…).
_FUNCTION_CHARS = lazy_re("[的了和与及或在是为等以对把被将从向于上下中进推提升新大小高各全本该这那其点型性类化级]")  # the cues stand near the top; the frequency count reads the whole text


@lru_cache(maxsize=1)
def _table():
    t = rules.load("figures_place")
    whole = {}
    for entry in t.words("whole_words"):
        w, _, level = entry.partition("=")
        whole[w] = level
    return t, frozenset(t.words("not_places")), whole


def _ok(stem: str, stops: frozenset) -> bool:
    """Whether a stem names a place: not 全/本/城 (全市, 城区), not ending in 开发/示范 (开发区)."""
    if len(stem) < 2 or stem in stops or stem[:1] in ("全", "本", "各", "该", "我"):
        return False
    return not any(stem.endswith(w) for w in stops if len(w) >= 2)


def read_place(text: str, *hints: str | None) -> str | None:
    """The place `text` is about; `hints` (a title, an issuer, a speaker's title) are read
    first."""
    t, stops, whole = _table()
    # line by line first, then cleaned: a congress line broken across lines
    # (`在贵州省第十四届\n人民代表大会`) reads whole
    raw = "\n".join(h for h in hints if h) + "\n" + text[:HEAD]
    heads = (fold(raw), clean(raw).folded)
    for rule, head in [(r, h) for h in heads for r in ("congress", "government", "title")]:
        needs = t.rules[rule].needs
        if needs and not any(w in head for w in needs):
            continue  # an overlapped scan tries every character: skipped where no match can be
        # overlapped: `日在云南省第十四届…` is read from each start until the name holds no 在
        for m in t.pattern(rule).finditer(head, overlapped=True):
            place = m.group("place")
            stem = _LEVEL_END.sub("", place)
            if _ok(stem, stops) and not _NOT_IN_NAMES.search(stem):
                return place
    f = text  # the words counted below have one width only: no need to fold the whole text
    counts = {w: f.count(w) for w in whole}
    best = max(counts, key=lambda w: (counts[w], -list(whole).index(w)))
    if not counts[best]:
        return None
    level = whole[best]
    names: Counter[str] = Counter()
    for m in re.finditer(r"([\u4e00-\u9fff]{2,4}?)%s" % re.escape(level), f):
        stem = m.group(1)
        if _ok(stem, stops) and not _FUNCTION_CHARS.search(stem):
            names[stem + level] += 1
    # named in full a few times: a city listing its counties names each once or twice
    scored = sorted((n for n in names if names[n] >= MIN_NAMED), key=lambda n: (-names[n], n))
    return scored[0] if scored else None
