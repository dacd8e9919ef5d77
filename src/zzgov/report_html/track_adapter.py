"""Adapter between `zzgov.track` (targets vs actuals) and the report.

The report shows target → actual pairs only when `zzgov.track` can be imported; without it the
report is complete otherwise and the pairs table is left out.  All knowledge of track's API
lives here, so a change there touches only this module.

The interface used (the first of TRACK_FUNCTIONS that the module has):

    track(targets: Sequence[Figure], results: Sequence[tuple[doc_id, Sequence[Figure]]])
        -> list[Pair]                      when the first parameter is named `targets`
    track(plan: Document, results: Sequence[Document]) -> Iterable[Pair]   otherwise
    (a returned object with a `.pairs` attribute is unwrapped)

where a Pair is an object or a dict with
    target   Figure (or its dict)               the plan's target figure
    actual   Figure | dict | None               the reported figure, None if not found
    verdict  "met" | "not met" | "not_met" | "unknown" (or a bool / None)
    metric   str, optional                      defaults to the target's metric
    results / result_doc / actual_doc, plan_doc / target_doc   doc ids, optional: when
             absent the figures are looked up by id and span in the documents.

Every document with target figures is taken as a plan and paired against the others that
report actual figures; when the module has `year_compatible(plan_year, results_year,
published)`, only results documents it accepts.

>>> normalize_verdict("not met"), normalize_verdict(True), normalize_verdict(None)
('not_met', 'met', 'unknown')
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

from zzgov.models import Document, Figure

TRACK_FUNCTIONS = ("track", "track_documents", "pair_documents", "pair_figures")
VERDICTS = ("met", "not_met", "unknown")
_VERDICT_WORDS = {
    "met": "met", "achieved": "met", "yes": "met", "true": "met", "达成": "met", "完成": "met",
    "not met": "not_met", "unmet": "not_met", "missed": "not_met", "no": "not_met", "false": "not_met",
    "未达成": "not_met", "未完成": "not_met",
    "unknown": "unknown", "none": "unknown", "": "unknown", "未知": "unknown", "待定": "unknown",
}


@dataclass(frozen=True)
class TrackPair:
    """One target and the actual reported for it, as the report shows them."""

    metric: str
    target: Figure
    target_doc: int  # index into the documents given to track_pairs
    actual: Optional[Figure]
    actual_doc: Optional[int]
    verdict: str  # one of VERDICTS


def normalize_verdict(v: Any) -> str:
    if isinstance(v, bool):
        return "met" if v else "not_met"
    if v is None:
        return "unknown"
    word = str(getattr(v, "value", v)).strip().lower().replace("_", " ").replace("-", " ")
    return _VERDICT_WORDS.get(word, "unknown")


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        if isinstance(obj, dict):
            if name in obj:
                return obj[name]
        elif hasattr(obj, name):
            return getattr(obj, name)
    return None


def _figure(value: Any) -> Optional[Figure]:
    if value is None:
        return None
    if isinstance(value, Figure):
        return value
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        return Figure.model_validate({k: v for k, v in value.items() if k in Figure.__pydantic_fields__})
    return None


def _doc_index(fig: Figure, doc_id: Any, docs: Sequence[Document], candidates: Sequence[int]) -> Optional[int]:
    def has(i: int) -> bool:
        return any(f.id == fig.id and f.span == fig.span for f in docs[i].figures)

    named = [i for i in candidates if doc_id is not None and docs[i].id == str(doc_id)]
    for i in named:
        if has(i):
            return i
    if named:
        return named[0]
    for i in candidates:
        if has(i):
            return i
    return None


def _track_module():
    """zzgov.track, or None when it is not there (yet)."""
    try:
        module = importlib.import_module("zzgov.track")
    except ModuleNotFoundError as exc:
        if exc.name in ("zzgov.track", "zzgov"):
            return None
        raise
    return module if any(callable(getattr(module, n, None)) for n in TRACK_FUNCTIONS) else None


def track_available() -> bool:
    try:
        return _track_module() is not None
    except Exception:
        return False


def _run_track(module, plan: Document, results: Sequence[Document]) -> Optional[Iterable[Any]]:
    """track's pairs for one plan, or None when no document can report on it."""
    fn = next(getattr(module, n) for n in TRACK_FUNCTIONS if callable(getattr(module, n, None)))
    year_ok = getattr(module, "year_compatible", None)
    if callable(year_ok):
        results = [r for r in results if year_ok(plan.meta.year, r.meta.year, r.meta.published)]
    results = [r for r in results if any(f.kind == "actual" for f in r.figures)]
    if not results:
        return None
    try:
        first = next(iter(inspect.signature(fn).parameters))
    except (TypeError, ValueError, StopIteration):
        first = None
    if first == "targets":
        out = fn([f for f in plan.figures if f.kind == "target"], [(r.id, r.figures) for r in results])
    else:
        out = fn(plan, list(results))
    return getattr(out, "pairs", out) or []


def track_pairs(docs: Sequence[Document]) -> tuple[Optional[list[TrackPair]], list[str]]:
    """(pairs, notes) for the documents; pairs is None when zzgov.track is not there or no
    document could be paired with another (a lone plan), so the report leaves the section out.

    A failure inside track becomes a note (the report is still written without those pairs)."""
    notes: list[str] = []
    try:
        module = _track_module()
    except Exception as exc:  # track exists but does not import
        return None, [f"track unavailable: {type(exc).__name__}: {exc}"]
    if module is None:
        return None, []
    pairs: dict[tuple, TrackPair] = {}
    ran = False  # whether any plan had a document to be paired against
    for p_idx, plan in enumerate(docs):
        if not any(f.kind == "target" for f in plan.figures):
            continue
        others = [i for i in range(len(docs)) if i != p_idx]
        if not others:
            continue
        try:
            items = _run_track(module, plan, [docs[i] for i in others])
            if items is None:
                continue
            ran = True
            for item in items:
                pair = _adapt(item, docs, p_idx, others)
                if pair is not None:
                    key = (pair.target_doc, pair.target.id, pair.actual_doc,
                           pair.actual.id if pair.actual else None)
                    pairs.setdefault(key, pair)
        except Exception as exc:
            notes.append(f"track failed on {plan.id}: {type(exc).__name__}: {exc}")
    if not ran:
        return None, notes
    ordered = sorted(pairs.values(), key=lambda p: (
        p.target_doc, p.target.span.start, p.target.id,
        -1 if p.actual_doc is None else p.actual_doc, p.actual.span.start if p.actual else -1))
    return ordered, notes


def _adapt(item: Any, docs: Sequence[Document], plan_idx: int, others: Sequence[int]) -> Optional[TrackPair]:
    target = _figure(_get(item, "target", "target_figure", "plan"))
    if target is None:
        return None
    actual = _figure(_get(item, "actual", "actual_figure", "result"))
    t_doc = _doc_index(target, _get(item, "plan_doc", "target_doc", "plan_id"), docs, [plan_idx, *others])
    if t_doc is None:
        t_doc = plan_idx
    a_doc = None
    if actual is not None:
        a_doc = _doc_index(actual, _get(item, "results", "result_doc", "actual_doc", "result_id"), docs, list(others))
    metric = _get(item, "metric") or target.metric or (actual.metric if actual else None) or ""
    return TrackPair(metric=str(metric), target=target, target_doc=t_doc, actual=actual, actual_doc=a_doc,
                     verdict=normalize_verdict(_get(item, "verdict", "status", "met")))
