"""Character classes for the standard library's `re`, which has no `\\p{…}` properties.

Most patterns in zzgov use the `regex` package; a few hot ones use `re` instead because it
scans some shapes several times faster (line-anchored patterns, plain alternations, large
character classes).  Those need the Han script spelled out as code point ranges.
"""

from __future__ import annotations

import re

from zzgov.pattern_cache import compile_cached

# Unicode Script=Han, the same code points as `regex`'s \p{Han} (a test checks every code
# point): CJK radicals, 々 〇 〡-〩 〸-〻, the unified ideographs and their extensions,
# compatibility ideographs, and two small blocks of ideographic marks (U+16FE2…).
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
    (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
    (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0x31350, 0x33479),
)

# The ranges as the inside of a character class: "[" + HAN + "]" is \p{Han} for `re`.
HAN = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES)


def compile_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with the standard library's re, \\p{Han} spelled out as HAN (the
    compiled code is kept between runs: zzgov.pattern_cache).

    For patterns anchored at a line start and tried on every line: a call into re costs
    about half of one into regex, and such a pattern never scans, so the call is the cost.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        if pattern.startswith(r"\p{Han}", i):
            out.append(HAN if in_class else f"[{HAN}]")
            i += len(r"\p{Han}")
            continue
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return compile_cached("".join(out), flags)


_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One `re` pattern that matches where any of `patterns` (stdlib, same flags) matches:
    `any_of(a, b).match(s)` is truthy exactly when `a.match(s) or b.match(s)` is, and the
    same for `.search`. Their group names are dropped (two may share one; no pattern may
    refer back to a group by name); use the originals to read groups."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1:
        raise ValueError("any_of: the patterns' flags differ")
    return compile_cached("|".join("(?:%s)" % _GROUP_NAME.sub("(?:", p.pattern) for p in patterns), flags.pop())
