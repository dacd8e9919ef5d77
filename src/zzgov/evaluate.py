"""Score figures against hand-checked gold rows (the format of shared/gold/GUIDE.md).

A predicted figure matches a gold row when its span overlaps the gold quote (the quote's
first occurrence in the text) and its value is equal; each prediction matches at most one
row, rows are taken in file order.  Among matches, unit (NFKC, blanks removed), comparator,
direction and kind are compared, and the metric name: its character-level F1 with the
gold's (the share of characters in common, as multisets) and whether one contains the other.
These are the rules of shared/tools/devscore.py, so `zzgov eval` reproduces its numbers.
Gold rows may give the figure's offsets (`start`, `end`) instead of a quote (the provincial
gold); rows that name an `indicator` also score the figure's indicator.

>>> round(char_f1("地区生产总值", "全省地区生产总值"), 3)
0.857

>>> s = Score(tp=9, gold=10, predicted=9)
>>> round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)
(1.0, 0.9, 0.947)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from zzgov.models import Document, Figure

ATTRIBUTES = ("unit", "comparator", "direction", "kind")


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def char_f1(a: str, b: str) -> float:
    """Character-level F1 of two names (characters compared as multisets)."""
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


class _Ratio:
    """A read-only property: one counter of the score over another, 0.0 when that one is 0."""

    def __init__(self, part: str, whole: str) -> None:
        self.part, self.whole = part, whole

    def __get__(self, score: "Score | None", owner: type | None = None) -> float:
        if score is None:
            return self  # type: ignore[return-value]  # looked up on the class
        whole = getattr(score, self.whole)
        return getattr(score, self.part) / whole if whole else 0.0


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    predicted: int = 0
    attributes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    metric_f1_sum: float = 0.0
    metric_contains: int = 0
    indicator_rows: int = 0  # matched rows whose gold names an indicator field
    indicator_ok: int = 0
    misses: list[str] = field(default_factory=list)  # gold quotes not found
    extras: list[str] = field(default_factory=list)  # predicted spans not in the gold
    wrong: list[str] = field(default_factory=list)  # matched, with an attribute differing

    precision = _Ratio("tp", "predicted")
    recall = _Ratio("tp", "gold")

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float:
        return self.attributes[attribute] / self.tp if self.tp else 0.0

    metric_f1 = _Ratio("metric_f1_sum", "tp")  # the mean over matched figures
    metric_containment = _Ratio("metric_contains", "tp")

    @property
    def indicator_accuracy(self) -> float | None:
        return self.indicator_ok / self.indicator_rows if self.indicator_rows else None

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.predicted += other.predicted
        for k in ATTRIBUTES:
            self.attributes[k] += other.attributes[k]
        self.metric_f1_sum += other.metric_f1_sum
        self.metric_contains += other.metric_contains
        self.indicator_rows += other.indicator_rows
        self.indicator_ok += other.indicator_ok
        self.misses += other.misses
        self.extras += other.extras
        self.wrong += other.wrong

    def as_dict(self) -> dict:
        return {
            "tp": self.tp, "gold": self.gold, "predicted": self.predicted,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            **{f"{k}_accuracy": round(self.accuracy(k), 4) for k in ATTRIBUTES},
            "metric_f1": round(self.metric_f1, 4), "metric_containment": round(self.metric_containment, 4),
            "indicator_accuracy": None if self.indicator_accuracy is None else round(self.indicator_accuracy, 4),
        }


def scoped_figures(doc: Document, tasks: Iterable[int] | None) -> list[Figure]:
    """Figures with a span; with `tasks`, only those starting inside one of those tasks."""
    figs = [f for f in doc.figures if f.span]
    if tasks is None:
        return figs
    wanted = set(tasks)
    wins = [(t.span.start, t.span.end) for t in doc.tasks if t.seq in wanted]
    return [f for f in figs if any(s <= f.span.start < e for s, e in wins)]


def score_document(text: str, figures: Sequence[Figure], rows: Sequence[dict]) -> Score:
    score = Score(gold=len(rows), predicted=len(figures))
    used: set[int] = set()
    for g in rows:
        if "quote" in g:
            gs = text.find(g["quote"])
            ge = gs + len(g["quote"])
        else:
            gs, ge = int(g["start"]), int(g["end"])
        label = g.get("quote") or text[max(0, gs):ge]
        j = next(
            (j for j, f in enumerate(figures)
             if j not in used and f.span.start < ge and f.span.end > gs
             and abs(float(f.value) - float(g["value"])) < 1e-9),
            None,
        ) if gs >= 0 else None
        if j is None:
            score.misses.append(label)
            continue
        used.add(j)
        score.tp += 1
        f = figures[j]
        ok_unit = _norm(f.unit) == _norm(g.get("unit"))
        score.attributes["unit"] += ok_unit
        diffs = [] if ok_unit else [f"unit {f.unit!r}≠{g.get('unit')!r}"]
        for k in ("comparator", "direction", "kind"):
            same = getattr(f, k) == g.get(k)
            score.attributes[k] += same
            if not same:
                diffs.append(f"{k} {getattr(f, k)!r}≠{g.get(k)!r}")
        pm, gm = _norm(f.metric), _norm(g.get("metric"))
        score.metric_f1_sum += char_f1(pm, gm)
        score.metric_contains += bool(pm) and (pm in gm or gm in pm)
        if pm != gm:
            diffs.append(f"metric {f.metric!r}≠{g.get('metric')!r}")
        if "indicator" in g:
            score.indicator_rows += 1
            same = getattr(f, "indicator", None) == g["indicator"]
            score.indicator_ok += same
            if not same:
                diffs.append(f"indicator {getattr(f, 'indicator', None)!r}≠{g['indicator']!r}")
        if diffs:
            score.wrong.append(f"{label}: {', '.join(diffs)}")
    score.extras = [text[f.span.start:f.span.end] for j, f in enumerate(figures) if j not in used]
    return score


def default_task_scope(rows: Sequence[dict]) -> range | None:
    """Gold for part of a notice (every row has a task): its tasks 1..the highest one."""
    tasks = [r.get("task") for r in rows]
    if rows and all(isinstance(t, int) for t in tasks):
        return range(1, max(tasks) + 1)
    return None
