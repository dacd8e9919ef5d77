"""Patterns over Han text.

Every pattern that names the Han script uses `regex`'s `\\p{Han}`, so the set of code points
is the one of the Unicode version `regex` ships, never a hand-copied table that drifts from it.
"""

from __future__ import annotations

import regex


def compile_re(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled with `regex` (kept as a name because the line-anchored patterns of
    the parsers are compiled through it)."""
    return regex.compile(pattern, flags)


_GROUP_NAME = regex.compile(r"\(\?P<\w+>")


def any_of(*patterns: regex.Pattern[str]) -> regex.Pattern[str]:
    """One pattern that matches where any of `patterns` (same flags) matches:
    `any_of(a, b).match(s)` is truthy exactly when `a.match(s) or b.match(s)` is, and the
    same for `.search`. Their group names are dropped (two may share one; no pattern may
    refer back to a group by name); use the originals to read groups."""
    flags = {p.flags for p in patterns}
    if len(flags) != 1:
        raise ValueError("any_of: the patterns' flags differ")
    return regex.compile("|".join("(?:%s)" % _GROUP_NAME.sub("(?:", p.pattern) for p in patterns), flags.pop())
