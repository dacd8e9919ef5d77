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
from zzgov.text.clean import clean, script_folded
from zzgov.text.script import lazy_re, lazy_regex

HEAD = 4000
MIN_NAMED = 3  # times a place must be named in full for the frequency fallback
# Words no place name holds, around a government named in a sentence (`省长代表省人民政府`).
_NOT_IN_NAMES = lazy_re("代表|[长作向的了在年]")
_LEVEL_END = lazy_re("(?:自治区|自治州|省|市|县|区|州|盟|旗)$")
# Characters no place name holds but running text puts before 市/省 (的城市, 提升省…).
_FUNCTION_CHARS = lazy_re("[的了和与及或在是为等以对把被将从向于上下中进推提升新大小高各全本该这那其点型性类化级年]")  # the cues stand near the top; the frequency count reads the whole text


@lru_cache(maxsize=1)
def _table():
    t = rules.load("figures_place")
    whole = {}
    for entry in t.words("whole_words"):
        w, _, level = entry.partition("=")
        whole[w] = level
    return t, frozenset(t.words("not_places")), whole


@lru_cache(maxsize=4)
def _whole_words(words: tuple[str, ...]) -> re.Pattern:
    """The whole words as one pattern, longest first (全自治区 before 全区)."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def _ok(stem: str, stops: frozenset) -> bool:
    """Whether a stem names a place: not 全/本/城 (全市, 城区), not ending in 开发/示范 (开发区)."""
    if len(stem) < 2 or stem in stops or stem[:1] in ("全", "本", "各", "该", "我"):
        return False
    return not any(stem.endswith(w) for w in stops if len(w) >= 2)


# The people a level is autonomous for, after the place's own name: 广西壮族(自治区), 新疆维吾尔
# (自治区), 延边朝鲜族(自治州).
_PEOPLES_END = lazy_regex(r"^(?P<name>\p{Han}{2,}?)(?:(?:\p{Han}{1,3}族)+|维吾尔)$")


def place_forms(place: str | None) -> tuple[str, ...]:
    """The ways a text writes its place before a figure's metric, longest first: 四川省 and
    四川; 广西壮族自治区, 广西壮族 and 广西.  Nothing for a level alone (市, from 全市).

    >>> place_forms("广西壮族自治区")
    ('广西壮族自治区', '广西壮族', '广西')
    >>> place_forms("兰州新区")
    ('兰州新区',)
    >>> place_forms("市")
    ()
    """
    if not place:
        return ()
    stem = _LEVEL_END.sub("", place)
    if len(stem) < 2:
        return ()
    if place.endswith("新区"):
        return (place,)  # 兰州新区: 兰州 is another place
    m = _PEOPLES_END.match(stem)
    return tuple(dict.fromkeys((place, stem, m["name"]) if m else (place, stem)))


def place_of(text: str, draft) -> str | None:
    """The place of a document whose meta draft is `draft` (parsers.base.MetaDraft): the one
    its reader found, else read from the text once (read_place with the draft's title, issuer
    and speaker) and kept in the draft.  Readers ask before their figures, whose names leave
    the place out; the pipeline asks for any reader that did not."""
    if draft.place is None and not draft.place_read:
        draft.place = read_place(text, draft.title, draft.issuer, draft.speaker_title)
        draft.place_read = True
    return draft.place


def read_place(text: str, *hints: str | None) -> str | None:
    """The place `text` is about; `hints` (a title, an issuer, a speaker's title) are read
    first."""
    t, stops, whole = _table()
    # line by line first, then cleaned: a congress line broken across lines
    # (`在贵州省第十四届\n人民代表大会`) reads whole
    raw = "\n".join(h for h in hints if h) + "\n" + text[:HEAD]
    # (a generator: the cleaned head is made only when the folded one names no place)
    heads = (view(raw) for view in (fold, lambda r: clean(r).folded))
    for rule, head in ((r, h) for h in heads for r in ("congress", "government", "title")):
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
    # one scan for all the words (they share their first character 全) instead of one per word
    found = Counter(_whole_words(tuple(whole)).findall(f))
    counts = {w: found[w] for w in whole}
    best = max(counts, key=lambda w: (counts[w], -list(whole).index(w)))
    if not counts[best]:
        return _named_short_or_in_full(text, stops, None)
    level = whole[best]
    names = _named(f, stops, (level,))
    # named in full a few times: a city listing its counties names each once or twice
    scored = sorted((n for n in names if names[n] >= MIN_NAMED), key=lambda n: (-names[n], n))
    return scored[0] if scored else _named_short_or_in_full(text, stops, level)


def _named(f: str, stops: frozenset, levels: tuple[str, ...]) -> Counter[str]:
    """How often f names each place of these levels in full (郑州市, 桐梓县)."""
    names: Counter[str] = Counter()
    for level in levels:
        for stem in _stems_before(f, level):
            if _ok(stem, stops) and not _FUNCTION_CHARS.search(stem):
                names[stem + level] += 1
    return names


def _named_in_full(plain: str, stops: frozenset) -> Counter[str]:
    """How often each city and county is named in full (遵义市, 桐梓县) in a simplified text."""
    plain = plain.replace("县级", "  ").replace("市级", "  ")  # a level, no place: 包抓县级领导
    return _named(plain, stops, _CITY_LEVELS)


_CITY_LEVELS = ("市", "县")


def _named_short_or_in_full(text: str, stops: frozenset, level: str | None) -> str | None:
    """The last fallbacks, on the text's head read in simplified script once: a city named in
    full (only where no whole word implies a level), else a province named short."""
    head = text[:HEAD]
    plain = script_folded(head)  # 遼寧 as 辽宁, 西寧市 as 西宁市
    return (None if level else _city_named(head, plain, stops)) or _province_named(plain, level, stops)


def _city_named(head: str, plain: str, stops: frozenset) -> str | None:
    """The city or county a text that uses no "whole" word is about (`今年上半年,西宁市坚持…`):
    the one named in full at least MIN_NAMED times and more than twice as often as any other,
    in the text's own script (`head`; `plain`: it in simplified script).

    >>> t = "上半年,西寧市堅持穩中求進。西寧市實現…西寧市第三產業…"
    >>> _city_named(t, script_folded(t), frozenset())
    '西寧市'
    >>> t = "遵义市、铜仁市、毕节市、遵义市、铜仁市、毕节市、遵义市、铜仁市"
    >>> _city_named(t, t, frozenset())
    """
    named = _named_in_full(plain, stops).most_common(2)
    if not named or named[0][1] < MIN_NAMED or (len(named) > 1 and named[0][1] <= 2 * named[1][1]):
        return None
    k = plain.find(named[0][0])
    return head[k:k + len(named[0][0])]  # (script folding is one for one)


def _province_named(plain: str, level: str | None, stops: frozenset) -> str | None:
    """The provincial-level place a text is about when it names it by its short name only
    (`上半年贵州完成生产总值…`, `一季度西藏全區生產總值…`): the one named at least MIN_NAMED times
    and more than twice as often as any other, so that news comparing provinces has none.
    `plain`: the text's head in simplified script; `level`: the level the text's "whole" word
    implies (全市 -> 市), if any; a province is the place only at its own level (全省, 全区 of an
    autonomous region, 全市 of 北京市): a city's report names its province often.

    >>> _province_named("上半年贵州完成生产总值3780亿元,贵州省主要指标…贵州", None, frozenset())
    '贵州省'
    >>> _province_named("天津定为4.5%,海南上调为6%,天津…海南…天津…海南", None, frozenset())
    >>> _province_named("全市生产总值…河南…河南…河南", "市", frozenset())
    >>> _province_named("兰州新区生产总值…甘肃…甘肃…甘肃", None, frozenset())
    >>> _province_named("当代贵州:遵义市…贵州…遵义市…贵州…遵义市…贵州", None, frozenset())
    """
    t = _table()[0]
    counts = sorted(((plain.count(short), full) for short, _, full in
                     (w.partition("=") for w in t.words("provinces"))), reverse=True)
    (top, full), (second, _) = counts[0], counts[1]
    if level is not None and not full.endswith(level):
        return None
    below = plain.replace("自治区", "")
    if any(w in below for w in t.words("below_province")):
        return None  # `兰州新区…甘肃…`, `行署…新疆…`: about a place inside the province
    lower = _named_in_full(plain, stops)
    if lower and max(lower.values()) >= MIN_NAMED:
        return None  # `遵义市…当代贵州…遵义市`: a city of the province, named in full
    return full if top >= MIN_NAMED and top > 2 * second else None


def _stems_before(f: str, level: str) -> list[str]:
    """The stems of `([\u4e00-\u9fff]{2,4}?)<level>` matched through f from its start, in order.

    The pattern opens with a Han character, most of a Chinese text: scanned over the whole
    text it is tried at (nearly) every character.  A match ends in the level word at most 4
    characters after it starts, so the pattern is run only on the few characters before each
    occurrence of the word, never before the end of the previous match: the same matches,
    found in the same order, for a few searches per occurrence."""
    rx = re.compile(r"([\u4e00-\u9fff]{2,4}?)%s" % re.escape(level))
    stems: list[str] = []
    pos = 0
    q = f.find(level)
    while q != -1:
        while q - 2 >= pos:
            m = rx.search(f, max(pos, q - 4), q + len(level))
            if m is None:
                break
            stems.append(m.group(1))
            pos = m.end()
        q = f.find(level, q + 1)
    return stems
