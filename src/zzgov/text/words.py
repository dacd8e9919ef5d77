"""Vocabularies matched at the start or end of a string, longest word first, by set lookups.

Shared by the figure extractor (comparator and verb words before a number) and the metric
namer (verbs, adverbs and heads of a name): both ask "which word of this list does the text
start or end with" thousands of times per document.
"""

from __future__ import annotations


def _lengths_by(words: frozenset, at: int) -> dict[str, tuple[int, ...]]:
    """Word lengths, longest first, keyed by the character at index `at` of the words."""
    out: dict[str, set[int]] = {}
    for w in words:
        out.setdefault(w[at], set()).add(len(w))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in out.items()}


class Words:
    """A vocabulary matched at the end or start of a string, longest word first, by set lookups
    (no per-word loop): `Words(["增长", "增"]).suffix("投资增长")` -> "增长"."""

    __slots__ = ("words", "last", "ordered", "_by_first", "_by_last")

    def __init__(self, words):
        self.words = frozenset(w for w in words if w)
        self.ordered = tuple(sorted(self.words, key=lambda w: (-len(w), w)))  # longest first
        # last characters, for a one-lookup "no word ends here" in read_left's loops
        self.last = frozenset(w[-1] for w in self.words)
        # the lengths, longest first, of the words that begin/end with each character: a
        # character no word begins/ends with is not a key (the common case, one lookup), and
        # only the listed lengths can give a match, so only those slices are tried
        self._by_first = _lengths_by(self.words, 0)
        self._by_last = _lengths_by(self.words, -1)

    def suffix(self, t: str) -> str | None:
        lengths = self._by_last.get(t[-1:])
        if lengths is None:
            return None
        words = self.words  # (asked thousands of times per document: one attribute lookup)
        for k in lengths:
            # when k > len(t), t[-k:] is t itself: then the longest suffix there can be
            w = t[-k:]
            if w in words:
                return w
        return None

    def prefix(self, t: str) -> str | None:
        lengths = self._by_first.get(t[:1])
        if lengths is None:
            return None
        words = self.words
        for k in lengths:
            w = t[:k]  # (sliced once, whether it is returned or not)
            if w in words:
                return w
        return None

    def __contains__(self, w: object) -> bool:
        return w in self.words

    def __iter__(self):
        return iter(self.ordered)

    def __len__(self) -> int:
        return len(self.words)

