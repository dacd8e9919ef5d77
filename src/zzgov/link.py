"""Cross-document links: which tasks of a notice restate which passage of another text.

Input: the tasks of one Document (a notice) and the original decoded text of another
(a report page, a news article).  Output: `Link` records, one per task that the other text
restates, with the passage's span (offsets into that text) and a score in [0, 1]:

>>> from zzgov.models import Span, Task
>>> task = Task(id="t1", seq=1, text="推动防控机制常态化，构建更加高效的防控体系。", span=Span(start=0, end=1))
>>> text = "精准做好防控。推动防控机\\n\\n制常态化，构建更加\\n高效的防控体系。另起一段。"
>>> [(l.seq, text[l.start:l.end], l.score) for l in link_tasks([task], text)]
[(1, '推动防控机\\n\\n制常态化，构建更加\\n高效的防控体系', 1.0)]

Method, linear in the texts' lengths: both sides are reduced to their content characters
(Han, letters, digits; width-folded), so hard wrapping, blanks and punctuation do not
matter.  The other text's character n-grams go into an inverted index.  For each task, its
n-grams vote, through the index, for the diagonal (position in the text minus position in
the task) they occur on; a restatement puts most votes on one band of neighbouring
diagonals, even when a few words were changed, inserted or dropped.  The score is the share
of the task's n-grams found on that band (containment), and the passage runs from the first
to the last of them; a link needs most of the task, or a long run of it (`accepts`).  N-grams that occur very often in the text (formulaic phrases) do not
vote, which keeps the work per task bounded.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from zzgov.models import Task
from zzgov.text import fold_char

# Character n-gram length: 4 Han characters rarely recur by chance in one article, while
# a light rewording (健康管理 -> 健康服务管理) breaks only the n-grams across the edit.
NGRAM = 4
# Diagonals are grouped in bands this wide; a match may drift over the band and its two
# neighbours (insertions and deletions of up to about 1.5 bands across the whole task).
BAND = 24
# N-grams occurring more often than this in the other text do not vote (经济社会发展, 高质量发展).
MAX_POSTINGS = 48
# A link needs this share of the task's n-grams found (a short task mostly restated) …
MIN_SCORE = 0.6
# … or, for a long task quoted in part (news often quotes a task's first sentence), this
# lower share together with a long run of shared wording: 舞台艺术进乡村、进社区演出1200场 in
# a report's review of last year is not a restatement of the task that plans more of it.
MIN_PARTIAL_SCORE = 0.4
MIN_PARTIAL_CHARS = 24
# Tasks shorter than this (in content characters) are too short to link reliably.
MIN_TASK_CHARS = 12


@dataclass(frozen=True)
class Passage:
    score: float  # share of the task's n-grams found on the best band
    start: int  # [start, end) in the content view of the text
    end: int
    chars: int  # task content characters covered by the n-grams found


def accepts(p: Passage, min_score: float = MIN_SCORE) -> bool:
    """A restatement: most of the task, or a long part of it (see MIN_PARTIAL_*)."""
    if p.score >= min_score:
        return True
    return p.score >= min(min_score, MIN_PARTIAL_SCORE) and p.chars >= MIN_PARTIAL_CHARS


@dataclass(frozen=True)
class Link:
    seq: int  # the task's seq
    task_id: str
    start: int  # passage span: original offsets into the other text
    end: int
    score: float  # share of the task's n-grams found in the passage, 0..1


def is_content(ch: str) -> bool:
    """Characters that carry the wording: Han, letters, digits (not blanks or punctuation)."""
    return ch.isalnum()


def content_view(text: str) -> tuple[str, list[int]]:
    """(content characters width-folded and lower-cased, their original offsets).

    >>> content_view("市 财政\\n局（牵头）")
    ('市财政局牵头', [0, 2, 3, 5, 7, 8])
    """
    chars: list[str] = []
    offsets: list[int] = []
    for k, ch in enumerate(text):
        if ch.isalnum():
            chars.append(fold_char(ch).lower())
            offsets.append(k)
    return "".join(chars), offsets


def ngrams(s: str, n: int = NGRAM) -> list[str]:
    return [s[i:i + n] for i in range(len(s) - n + 1)]


class PassageIndex:
    """An inverted index of one text's content n-grams: n-gram -> positions in the view."""

    def __init__(self, text: str, n: int = NGRAM):
        self.text = text
        self.n = n
        self.view, self.offsets = content_view(text)
        postings: dict[str, list[int]] = defaultdict(list)
        for j, g in enumerate(ngrams(self.view, n)):
            postings[g].append(j)
        self.postings = dict(postings)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original [start, end) of the view slice [i, j)."""
        return self.offsets[i], self.offsets[j - 1] + 1

    def best_passage(self, words: str, *, band: int = BAND, max_postings: int = MAX_POSTINGS) -> Passage | None:
        """The passage that best restates `words` (a content view), or None when no n-gram
        of it occurs in the text."""
        grams = ngrams(words, self.n)
        if not grams:
            return None
        votes: dict[int, int] = defaultdict(int)
        hits: list[tuple[int, int]] = []  # (task position, text position)
        for i, g in enumerate(grams):
            posting = self.postings.get(g)
            if not posting or len(posting) > max_postings:
                continue
            for j in posting:
                votes[(j - i) // band] += 1
                hits.append((i, j))
        if not votes:
            return None
        # The band with the most votes together with its neighbours; ties to the earliest.
        best = max(sorted(votes), key=lambda b: votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0))
        lo, hi = (best - 1) * band, (best + 2) * band
        pairs = _one_place_each([(i, j) for i, j in hits if lo <= j - i < hi])
        cluster = _densest_run(pairs, max_gap=band)
        matched_i = {i for i, _ in cluster}
        first, last = cluster[0][1], cluster[-1][1]
        # Common n-grams did not vote; count them as found when they lie inside the passage.
        for i, g in enumerate(grams):
            posting = self.postings.get(g, ())
            if i not in matched_i and len(posting) > max_postings:
                k = bisect.bisect_left(posting, first)  # postings are in text order
                if k < len(posting) and posting[k] <= last:
                    matched_i.add(i)
        covered: set[int] = set()
        for i in matched_i:
            covered.update(range(i, i + self.n))
        return Passage(score=len(matched_i) / len(grams), start=first, end=last + self.n, chars=len(covered))


def _one_place_each(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each task position, the text position nearest the median diagonal of all pairs:
    a phrase the text also uses just before the passage (全面落实 … 全面落实) is not taken
    for its start."""
    diagonals = sorted(j - i for i, j in pairs)
    median = diagonals[len(diagonals) // 2]
    best: dict[int, int] = {}
    for i, j in pairs:
        if i not in best or (abs(j - i - median), j) < (abs(best[i] - i - median), best[i]):
            best[i] = j
    return sorted(((i, j) for i, j in best.items()), key=lambda p: (p[1], p[0]))


def _densest_run(pairs: list[tuple[int, int]], max_gap: int) -> list[tuple[int, int]]:
    """The longest run of pairs (sorted by text position) with no gap wider than max_gap in
    the text; ties go to the earliest.  Strays far from the passage are left out."""
    runs: list[list[tuple[int, int]]] = [[pairs[0]]]
    for prev, cur in zip(pairs, pairs[1:]):
        if cur[1] - prev[1] > max_gap:
            runs.append([])
        runs[-1].append(cur)
    return max(runs, key=len)


def link_tasks(tasks: Iterable[Task], text: str, *, min_score: float = MIN_SCORE,
               index: PassageIndex | None = None) -> list[Link]:
    """Links from tasks to the passages of `text` that restate them, in task order."""
    index = index or PassageIndex(text)
    out = []
    for t in tasks:
        words, _ = content_view(t.text)
        if len(words) < MIN_TASK_CHARS:
            continue
        found = index.best_passage(words)
        if found is None or not accepts(found, min_score):
            continue
        start, end = index.span(found.start, found.end)
        out.append(Link(seq=t.seq, task_id=t.id, start=start, end=end, score=round(found.score, 3)))
    return out


def link_rows(doc_id: str, tasks: Sequence[Task], other_id: str, text: str, *,
              min_score: float = MIN_SCORE, excerpt: int = 40) -> list[dict]:
    """Plain rows for output: one per link, with short excerpts of both sides."""
    by_id = {t.id: t for t in tasks}
    rows = []
    for link in link_tasks(tasks, text, min_score=min_score):
        passage = "".join(text[link.start:link.end].split())
        rows.append({
            "document": doc_id,
            "task": link.seq,
            "task_id": link.task_id,
            "other": other_id,
            "start": link.start,
            "end": link.end,
            "score": link.score,
            "task_text": _shorten(by_id[link.task_id].text, excerpt),
            "passage": _shorten(passage, excerpt),
        })
    return rows


def _shorten(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def original_text(doc, record_path: str = "-") -> str | None:
    """The original decoded text of a Document's source file, or None when the file is gone,
    changed since it was parsed (sha256), or was standard input.  `record_path`: the record
    file the Document was read from, which a relative `source.path` may be relative to."""
    from zzgov.report_html.sources import source_text

    return source_text(doc, record_path)
