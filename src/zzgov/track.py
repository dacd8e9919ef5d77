"""Targets against actuals: pair each target figure of a plan with the actual figure later
reported for the same metric, and say whether the target was met.

Input: the plan's target Figures (a notice's tasks, a report's plan part) and the actual
Figures of one or more results documents.  Output: `Pair` records, one per target and
results document where a match was found, and one with verdict `unknown` per target that
found none.

>>> from zzgov.models import Figure, Span
>>> t = Figure(id="f1", metric="新增城镇就业", value=11.4, unit="万人", comparator="=", kind="target", span=Span(start=0, end=7))
>>> a = Figure(id="f9", metric="完成新增城镇就业", value=117400, unit="人", comparator="=", kind="actual", span=Span(start=5, end=11))
>>> similarity(t.metric, a.metric), verdict(t, a)
(1.0, 'met')

Matching: only comparable figures pair.  Two figures that state a standard indicator
(`Figure.indicator`) pair when it is the same one, whatever their words; otherwise metrics
are compared as character bigram sets (Dice coefficient) after dropping framing words at
their ends (完成, 累计, 建成 …), and the figures must measure the same kind of quantity:
units of one class once magnitudes are taken out (万人 ≡ 人; 个, 家, 所, 座 and 处 all count
institutions; % is not 个百分点) and the same direction (a growth rate is not a share or a
level, an energy-intensity cut is not output growth).  A target left without a pair says
why (`Pair.reason`).  Within one
results document, pairs are chosen greedily from the most similar down, each figure used
once, so the output does not depend on input order beyond ties (broken by position).

Verdicts are comparator- and direction-aware: an upper bound (`<=`, 控制在…以内) is met when
the actual stays at or below it; a reduction target (`down`: 下降 3%) is met when the actual
also went down, by at least as much; anything else (`=`, `>=`, `~`, a `range`) is met when
the actual reaches the target (its lower end for a range, 95% of it for `~`).
"""

from __future__ import annotations

import regex
from dataclasses import dataclass
from typing import Sequence

from zzgov.models import Figure
from zzgov.numbers import normalize
from zzgov.text import fold

# Words that frame a metric rather than name it, dropped at either end before comparing:
# 完成新增城镇就业 ≡ 新增城镇就业; 社区卫生服务中心建成 ≡ 社区卫生服务中心.
METRIC_FRAME_WORDS = ("完成", "实现", "建成", "达到", "累计", "全年", "全市", "力争", "确保", "共计", "共",
                      "其中", "预计", "超过", "以上", "左右")
# Words that begin with a framing word but name a thing: 建成区绿化覆盖率 (the built-up area).
METRIC_FRAME_EXCEPTIONS = ("建成区",)
# One-to-one spellings of the same word in metrics: 新增公立幼儿园 ≡ 新增公办幼儿园.
METRIC_SYNONYMS = (("公立", "公办"),)
# Least Dice similarity of two metrics for a pair.
MIN_SIMILARITY = 0.5
# Base units that count the same kind of thing: 62个 社区卫生服务中心 ≡ 62家; 100所幼儿园.
COUNT_UNITS = frozenset("个家所座处")
# `~` targets (7%左右) are met by an actual within this share below them.
APPROX_TOLERANCE = 0.05
# Relative slack for float comparisons (62 vs 62.0, 11.4万 vs 114000).
EPSILON = 1e-9

VERDICTS = ("met", "not met", "unknown")

_NON_CONTENT = regex.compile(r"[^\p{Han}\p{L}\p{N}%]+")


@dataclass(frozen=True)
class Pair:
    target: Figure
    actual: Figure | None  # None: no actual found (verdict unknown)
    results: str | None  # id of the results document the actual comes from
    similarity: float
    verdict: str
    reason: str | None = None  # why the verdict is unknown


def metric_key(metric: str | None) -> str:
    """A metric reduced for comparison: `metric_key("完成新增城镇就业")` -> `新增城镇就业`."""
    s = _NON_CONTENT.sub("", fold(metric or ""))
    for a, b in METRIC_SYNONYMS:
        s = s.replace(a, b)
    changed = True
    while changed and s:
        changed = False
        for w in METRIC_FRAME_WORDS:
            if s.startswith(w) and len(s) > len(w) + 1 and not s.startswith(METRIC_FRAME_EXCEPTIONS):
                s, changed = s[len(w):], True
            if s.endswith(w) and len(s) > len(w) + 1:
                s, changed = s[: -len(w)], True
    return s


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else ({s} if s else set())


def _dice(x: set[str], y: set[str]) -> float:
    if not x or not y:
        return 0.0
    return round(2 * len(x & y) / (len(x) + len(y)), 3)


def similarity(a: str | None, b: str | None) -> float:
    """Dice coefficient of the metrics' character bigrams, in [0, 1]."""
    return _dice(_bigrams(metric_key(a)), _bigrams(metric_key(b)))


def base_value(f: Figure) -> tuple[float, float | None, str]:
    """(value, value_max, base unit) with magnitudes moved into the value (11.4万人 -> 114000 人)."""
    if f.normalized is not None:
        factor = f.normalized.value / f.value if f.value else 1.0
        vmax = f.value_max * factor if f.value_max is not None else None
        return f.normalized.value, vmax, f.normalized.unit
    value, unit = normalize(f.value, f.unit)
    vmax = normalize(f.value_max, f.unit)[0] if f.value_max is not None else None
    return value, vmax, unit


def unit_class(unit: str) -> str:
    """What a base unit measures: `unit_class("家")` == `unit_class("个")` == "count"."""
    return "count" if unit in COUNT_UNITS else unit


def compatible(a: Figure, b: Figure) -> bool:
    return unit_class(base_value(a)[2]) == unit_class(base_value(b)[2])


def _direction_word(d: str | None) -> str:
    return {"up": "a growth", "down": "a cut"}.get(d or "", "a level")


def incomparable(t: Figure, a: Figure) -> str | None:
    """Why two figures cannot be compared, or None when they can: different standard
    indicators, units of different classes, or different directions."""
    ti, ai = getattr(t, "indicator", None), getattr(a, "indicator", None)
    if ti and ai and ti != ai:
        return f"different indicators ({ti}, {ai})"
    tu, au = unit_class(base_value(t)[2]), unit_class(base_value(a)[2])
    if tu != au:
        return f"units of different kinds ({t.unit}, {a.unit})"
    if (t.direction or None) != (a.direction or None) and not (ti and ti == ai and t.direction is None):
        return f"{_direction_word(t.direction)} is not {_direction_word(a.direction)}"
    return None


def _at_least(x: float, y: float) -> bool:
    return x >= y - EPSILON * max(1.0, abs(y))


def verdict(target: Figure, actual: Figure | None) -> str:
    """`met`, `not met` or `unknown` (no actual, or units that do not compare)."""
    if actual is None or not compatible(target, actual):
        return "unknown"
    t, t_max, _ = base_value(target)
    a, _, _ = base_value(actual)
    if target.comparator == "<=":
        return "met" if _at_least(t_max if t_max is not None else t, a) else "not met"
    if target.direction == "down":
        if actual.direction == "up":
            return "not met"
        if actual.direction is None:
            return "unknown"  # a level, not a change: cannot tell how much it fell
        return "met" if _at_least(a, t) else "not met"
    if actual.direction == "down" and target.direction == "up":
        return "not met"
    if target.comparator == "~":
        return "met" if _at_least(a, t * (1 - APPROX_TOLERANCE)) else "not met"
    return "met" if _at_least(a, t) else "not met"


# A metric this short (投资, 项目) names nothing specific: it pairs only with the same words.
MIN_SPECIFIC = 3


def _specific_enough(ka: str, kb: str) -> bool:
    return ka == kb or (len(ka) >= MIN_SPECIFIC and len(kb) >= MIN_SPECIFIC)


def candidate_pairs(targets: Sequence[Figure], actuals: Sequence[Figure],
                    min_similarity: float = MIN_SIMILARITY,
                    rejected: dict[int, str] | None = None) -> list[tuple[float, int, int]]:
    """(similarity, target index, actual index) for every comparable pair similar enough; a
    pair stating the same standard indicator counts as similarity 1.

    Actuals are indexed by their metric's bigrams and their indicator, so each target meets
    only the actuals that share one with it; each figure's key is worked out once.
    `rejected` collects, per target, why its most similar incomparable actual was left out."""
    t_keys = [metric_key(f.metric) for f in targets]
    a_keys = [metric_key(f.metric) for f in actuals]
    t_grams = [_bigrams(k) for k in t_keys]
    a_grams = [_bigrams(k) for k in a_keys]
    index: dict[str, list[int]] = {}
    for k, grams in enumerate(a_grams):
        for g in grams:
            index.setdefault(g, []).append(k)
        ind = getattr(actuals[k], "indicator", None)
        if ind:
            index.setdefault("#" + ind, []).append(k)
    out = []
    for i, t in enumerate(targets):
        seen: set[int] = set()
        best_rejected = 0.0
        t_ind = getattr(t, "indicator", None)
        keys = sorted(t_grams[i])
        if t_ind:
            keys.insert(0, "#" + t_ind)
        for g in keys:
            for k in index.get(g, ()):
                if k in seen:
                    continue
                seen.add(k)
                a = actuals[k]
                same_indicator = bool(t_ind) and t_ind == getattr(a, "indicator", None)
                s = 1.0 if same_indicator else _dice(t_grams[i], a_grams[k])
                if s < min_similarity or (not same_indicator and not _specific_enough(t_keys[i], a_keys[k])):
                    continue
                why = incomparable(t, a)
                if why is None:
                    out.append((s, i, k))
                elif rejected is not None and s > best_rejected:
                    best_rejected = s
                    rejected[i] = f"closest actual ({a.metric} {figure_amount(a)}) not comparable: {why}"
    return out


def match(targets: Sequence[Figure], actuals: Sequence[Figure],
          min_similarity: float = MIN_SIMILARITY, rejected: dict[int, str] | None = None) -> dict[int, tuple[int, float]]:
    """Greedy one-to-one matching: target index -> (actual index, similarity)."""
    chosen: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    pairs = candidate_pairs(targets, actuals, min_similarity, rejected)
    for s, i, k in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i in chosen or k in used:
            continue
        chosen[i] = (k, s)
        used.add(k)
    return chosen


def plan_targets(figures: Sequence[Figure]) -> list[Figure]:
    return [f for f in figures if f.kind == "target"]


def reported_actuals(figures: Sequence[Figure]) -> list[Figure]:
    return [f for f in figures if f.kind == "actual"]


def year_compatible(plan_year: int | None, results_year: int | None, published: str | None = None) -> bool:
    """Whether a results document can report on the plan year: same stated year, or unknown
    year but not published before the plan year began."""
    if plan_year is None:
        return True
    if results_year is not None:
        return results_year == plan_year
    if published:
        return int(published[:4]) >= plan_year
    return True


# News published in these months of a year mostly report on the year before (年度盘点).
REVIEW_MONTHS = 3


def reported_year(doc) -> int | None:
    """The year whose results a document reports: a work report reviews the year before the
    one it plans (its `meta.year`); news states its year, else reports on the year before
    when published early in a year (`2021-01-07` -> 2020), else on its publication year."""
    year = doc.meta.year
    if doc.kind == "report":
        return year - 1 if year else None
    if year:
        return year
    published = doc.meta.published
    if published:
        y, m = int(published[:4]), int(published[5:7])
        return y - 1 if m <= REVIEW_MONTHS else y
    return None


def documents_incomparable(plan, results) -> str | None:
    """Why a results document cannot report on a plan's targets, or None: another place,
    or results of another year than the plan's."""
    pp, rp = getattr(plan.meta, "place", None), getattr(results.meta, "place", None)
    if pp and rp and pp != rp:
        return f"is about {rp}, not {pp}"
    ry = reported_year(results)
    if plan.meta.year and ry and ry != plan.meta.year:
        return f"reports on {ry}, not the plan year {plan.meta.year}"
    if plan.meta.year and ry is None and not year_compatible(plan.meta.year, None, results.meta.published):
        return f"was published before the plan year {plan.meta.year}"
    return None


def track(targets: Sequence[Figure], results: Sequence[tuple[str, Sequence[Figure]]],
          min_similarity: float = MIN_SIMILARITY) -> list[Pair]:
    """Pairs for every target, in target order then results order.

    `results` is (document id, figures) per results document; only their `actual` figures
    are considered."""
    out: list[Pair] = []
    per_doc = []
    rejected: dict[int, str] = {}
    for doc_id, figures in results:
        actuals = reported_actuals(figures)
        per_doc.append((doc_id, actuals, match(targets, actuals, min_similarity, rejected)))
    for i, t in enumerate(targets):
        found = False
        for doc_id, actuals, chosen in per_doc:
            if i in chosen:
                k, s = chosen[i]
                v = verdict(t, actuals[k])
                out.append(Pair(target=t, actual=actuals[k], results=doc_id, similarity=s, verdict=v,
                                reason="values cannot be compared" if v == "unknown" else None))
                found = True
        if not found:
            reason = rejected.get(i) or ("no results document" if not results else "no actual figure with a matching metric")
            out.append(Pair(target=t, actual=None, results=None, similarity=0.0, verdict="unknown", reason=reason))
    return out


def figure_amount(f: Figure) -> str:
    """`11.4万人`, `≥500家`, `5–8条`, `下降3%` as a short cell."""
    def num(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else repr(float(v))

    value = num(f.value) if f.comparator != "range" or f.value_max is None else f"{num(f.value)}–{num(f.value_max)}"
    prefix = {">=": "≥", "<=": "≤", "~": "约"}.get(f.comparator, "")
    direction = {"up": "增长", "down": "下降"}.get(f.direction or "", "")
    return f"{prefix}{direction}{value}{f.unit}"


def pair_rows(plan, results: Sequence, min_similarity: float = MIN_SIMILARITY) -> list[dict]:
    """Rows for output: the plan Document against results Documents."""
    pairs = track(plan_targets(plan.figures), [(r.id, r.figures) for r in results], min_similarity)
    rows = []
    for p in pairs:
        t, a = p.target, p.actual
        rows.append({
            "document": plan.id,
            "target_id": t.id,
            "task": t.task,
            "metric": t.metric,
            "target": figure_amount(t),
            "target_start": t.span.start,
            "target_end": t.span.end,
            "results": p.results,
            "actual_id": a.id if a else None,
            "actual_metric": a.metric if a else None,
            "actual": figure_amount(a) if a else None,
            "actual_start": a.span.start if a else None,
            "actual_end": a.span.end if a else None,
            "similarity": p.similarity,
            "verdict": p.verdict,
            "reason": p.reason,
        })
    return rows


# ---------------------------------------------------------------- many documents at once

def report_rank(plan, results) -> int | None:
    """How surely `results` (a Document) holds the results of `plan`'s targets: 0 when it
    states the year it reports on, 1 when that year is read from its publication date; None
    when it cannot (`documents_incomparable`: another place or another year), or when its
    year is unknown altogether: among many documents an undated one would pair with every
    other (`zzgov track PLAN RESULTS`, where a person chose the pair, is more lenient)."""
    if results is plan or results.source.sha256 == plan.source.sha256:
        return None  # a document (or its copy) does not report on its own targets
    if plan.meta.year is None or not any(f.kind == "actual" for f in results.figures):
        return None
    if documents_incomparable(plan, results) is not None:
        return None
    if results.meta.year is not None:
        return 0
    return 1 if results.meta.published else None


def can_report_on(plan, results) -> bool:
    """Whether `results` can hold the results of `plan`'s targets (see report_rank)."""
    return report_rank(plan, results) is not None


@dataclass(frozen=True)
class DocPair:
    """A target of docs[target_doc] and the best actual any other document reported for it."""

    target_doc: int
    target: Figure
    actual_doc: int | None  # None: no document reported an actual for this target
    actual: Figure | None
    similarity: float
    verdict: str  # one of VERDICTS
    others: int = 0  # further documents that reported an actual for it too


def _figures_key(figures: Sequence[Figure]) -> tuple:
    return tuple((f.metric, f.indicator, f.value, f.value_max, f.unit, f.comparator, f.direction,
                  f.normalized.value if f.normalized else None, f.normalized.unit if f.normalized else None)
                 for f in figures)


def track_documents(docs: Sequence, min_similarity: float = MIN_SIMILARITY) -> list[DocPair] | None:
    """One pair per target of every document: its best actual among the documents that can
    report on it (`report_rank`): the most similar metric, then the surest document, then
    the first in input order; or none.  None when no document can report on any other.

    The output grows with the number of targets, not with targets × documents; matching is
    done once per distinct pair of figure lists, so a document given twice costs nothing more."""
    targets = [plan_targets(d.figures) for d in docs]
    actuals = [reported_actuals(d.figures) for d in docs]
    keys: dict[tuple, int] = {}
    t_key = [keys.setdefault(_figures_key(t), len(keys)) for t in targets]
    a_key = [keys.setdefault(_figures_key(a), len(keys)) for a in actuals]
    matches: dict[tuple[int, int], dict[int, tuple[int, float]]] = {}
    out: list[DocPair] = []
    ran = False
    for p, plan in enumerate(docs):
        if not targets[p]:
            continue
        best: dict[int, tuple[tuple[float, int], int, int]] = {}  # target -> ((-similarity, rank), doc, actual)
        found: dict[int, int] = {}  # target index -> documents with an actual for it
        for r, results in enumerate(docs):
            rank = report_rank(plan, results) if r != p and actuals[r] else None
            if rank is None:
                continue
            ran = True
            chosen = matches.get((t_key[p], a_key[r]))
            if chosen is None:
                chosen = matches[(t_key[p], a_key[r])] = match(targets[p], actuals[r], min_similarity)
            for i, (k, s) in chosen.items():
                found[i] = found.get(i, 0) + 1
                if i not in best or (-s, rank) < best[i][0]:
                    best[i] = ((-s, rank), r, k)
        for i, t in enumerate(targets[p]):
            if i in best:
                (s, _), r, k = best[i]
                a = actuals[r][k]
                out.append(DocPair(p, t, r, a, -s, verdict(t, a), found[i] - 1))
            else:
                out.append(DocPair(p, t, None, None, 0.0, "unknown"))
    return out if ran else None
