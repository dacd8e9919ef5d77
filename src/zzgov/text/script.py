"""Patterns over Han text.

Every pattern that names the Han script uses `regex`'s `\\p{Han}`, so the set of code points
is the one of the Unicode version `regex` ships, never a hand-copied table that drifts from it.
"""

from __future__ import annotations

import re
from typing import Any

import regex


def compile_re(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`pattern` compiled with `regex` (kept as a name because the line-anchored patterns of
    the parsers are compiled through it)."""
    return regex.compile(pattern, flags)


class LazyPattern:
    """A pattern compiled the first time it is used (`lazy_regex`, `lazy_re`).

    For module-level patterns that only some documents reach (another kind's features, a rare
    layout, figures): a run that never uses one does not pay for compiling it, and compiling
    is pure Python that costs a run over one small file more than parsing it.  `pattern`, the
    source, reads without compiling.  The first read of any other attribute compiles the
    pattern and copies the compiled pattern's attributes onto the instance, where they hide
    the class's descriptors: `P.search(s)` is then the compiled pattern's own bound method, an
    instance attribute away.  A pattern used on every line of every document is better
    compiled up front (`regex.compile`), where a method call needs no instance lookup."""

    def __init__(self, engine: Any, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.engine = engine
        self._flags = flags

    def __repr__(self) -> str:
        return f"LazyPattern({self.engine.__name__}, {self.pattern!r}, {self._flags})"


class _CompiledOnFirstRead:
    """A LazyPattern attribute before its pattern is compiled."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj: LazyPattern | None, owner: type) -> Any:
        if obj is None:
            return self
        compiled = obj.engine.compile(obj.pattern, obj._flags)
        for name in _PATTERN_ATTRIBUTES:
            if hasattr(compiled, name):
                obj.__dict__[name] = getattr(compiled, name)
        if self.name not in obj.__dict__:
            raise AttributeError(f"{obj.engine.__name__} patterns have no attribute {self.name!r}")
        return obj.__dict__[self.name]


# Everything a compiled `re` or `regex` pattern offers but `pattern`.
_PATTERN_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
                       "flags", "groups", "groupindex", "splititer", "subf", "subfn", "named_lists", "prefixmatch")
for _name in _PATTERN_ATTRIBUTES:
    setattr(LazyPattern, _name, _CompiledOnFirstRead(_name))


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """`regex.compile(pattern, flags)`, done when the pattern is first used (see LazyPattern)."""
    return LazyPattern(regex, pattern, flags)


def lazy_re(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, done when the pattern is first used (see LazyPattern)."""
    return LazyPattern(re, pattern, flags)


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
