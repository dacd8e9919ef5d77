"""A panel of targets and actuals: one row per place × year × standard indicator.

The dataset economists collect by hand from work reports (Li, Liu, Weng & Zhou 2019,
"Target Setting in Tournaments"): what each place planned for each indicator in a year, next
to what it reported achieving.  Rows come from any mix of reports, news and notices:

- a target figure counts for its document's plan year (`meta.year`; for news without one,
  the year its text names most);
- an actual figure counts for the year its document reports on (`track.reported_year`: a
  work report reviews the year before its plan year), or the one year its sentence names;
  figures over several years (过去五年…, 累计, 年均) are left out;
- the place is the document's `meta.place`; a document naming none takes the one place the
  other documents name, when they name exactly one.

Of several figures for one cell, a report's headline target (主要预期目标) wins, then the
first in input order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from zzgov.models import Document, Figure

COLUMNS = ("place", "year", "indicator", "name",
           "target", "target_value", "target_value_max", "target_unit", "target_comparator", "target_direction",
           "target_document", "target_start", "target_end",
           "actual", "actual_value", "actual_unit", "actual_direction", "actual_document", "actual_start",
           "actual_end")

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_LAST_YEAR = re.compile(r"(?<![比较同])(?:去年|上年)(?!同期)")


@lru_cache(maxsize=1)
def _multi_year():
    from zzgov import rules

    return rules.load("figures_kind").pattern("multi_year")


@lru_cache(maxsize=1)
def indicator_names() -> dict[str, str]:
    """id -> canonical name, from data/indicators.yaml (empty when it is not installed)."""
    from zzgov.figures.indicators import _index

    return {ind.id: ind.name for inds in _index().values() for ind in inds}


@dataclass
class Source:
    """One document of the panel, with its text when it was parsed from a raw file."""
    doc: Document
    text: str | None = None


def text_year(text: str | None, upto: int | None = None) -> int | None:
    """The year a text names most (at or before `upto`), or None."""
    if not text:
        return None
    years = Counter(int(y) for y in _YEAR.findall(text) if upto is None or int(y) <= upto)
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def plan_year(src: Source) -> int | None:
    if src.doc.meta.year:
        return src.doc.meta.year
    pub = src.doc.meta.published
    return text_year(src.text, int(pub[:4]) if pub else None)


def actual_year(src: Source) -> int | None:
    from zzgov.track import reported_year

    d = src.doc
    if d.kind == "report" or d.meta.year:
        return reported_year(d)
    pub = d.meta.published
    return text_year(src.text, int(pub[:4]) if pub else None) or reported_year(d)


def _sentence(text: str, start: int, end: int) -> str:
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    m = _SENTENCE_END.search(text, end)
    return text[lo:m.start() if m else min(len(text), end + 100)]


def _figure_year(src: Source, f: Figure, default: int | None) -> int | None:
    """The year an actual figure is for: the one year its sentence names, else the
    document's; None for a figure over several years."""
    if src.text is None:
        return default
    sent = _sentence(src.text, f.span.start, f.span.end)
    if _multi_year().search(sent):
        return None
    years = {int(y) for y in _YEAR.findall(sent)}
    if len(years) == 1 and (default is None or next(iter(years)) <= default):
        return next(iter(years))
    if not years and _LAST_YEAR.search(sent):
        ref = plan_year(src)
        return ref - 1 if ref else default  # a plan's "去年,全市新增城镇就业11.5万人"
    return default


def _amount(f: Figure) -> str:
    from zzgov.track import figure_amount

    return figure_amount(f)


def panel_rows(sources: Sequence[Source]) -> list[dict]:
    """The panel's rows, sorted by place, year and indicator."""
    places = {s.doc.meta.place for s in sources if s.doc.meta.place}
    only_place = next(iter(places)) if len(places) == 1 else None
    cells: dict[tuple, dict] = {}
    rank: dict[tuple, tuple] = {}
    for order, src in enumerate(sources):
        d = src.doc
        place = d.meta.place or only_place
        ty, ay = plan_year(src), actual_year(src)
        for f in d.figures:
            if not f.indicator:
                continue
            if f.kind == "target":
                year, side = ty, "target"
            else:
                year, side = _figure_year(src, f, ay), "actual"
            if year is None:
                continue
            key = (place or "", year, f.indicator)
            cell = cells.setdefault(key, {"place": place, "year": year, "indicator": f.indicator,
                                          "name": indicator_names().get(f.indicator)})
            r = (not f.headline, order, f.span.start)
            if (key, side) in rank and rank[(key, side)] <= r:
                continue
            rank[(key, side)] = r
            cell[side] = _amount(f)
            cell[f"{side}_value"] = f.value
            cell[f"{side}_unit"] = f.unit
            cell[f"{side}_direction"] = f.direction
            cell[f"{side}_document"] = d.id
            cell[f"{side}_start"] = f.span.start
            cell[f"{side}_end"] = f.span.end
            if side == "target":
                cell["target_value_max"] = f.value_max
                cell["target_comparator"] = f.comparator
    rows = [{c: cell.get(c) for c in COLUMNS} for cell in cells.values()]
    rows.sort(key=lambda r: (r["place"] or "", r["year"], r["indicator"]))
    return rows


def sources_from(pairs: Iterable[tuple[str, Document]]) -> list[Source]:
    """Sources for documents loaded from paths: raw texts are read again for their words."""
    from pathlib import Path

    from zzgov.text import decode_bytes

    out = []
    for path, doc in pairs:
        text = None
        if path != "-" and Path(path).suffix.lower() not in (".json", ".jsonl", ".yaml", ".yml"):
            try:
                text = decode_bytes(Path(path).read_bytes())[0]
            except OSError:
                text = None
        if text is not None and len(text) != doc.source.chars:
            text = None  # not the text the offsets point into
        out.append(Source(doc, text))
    return out
