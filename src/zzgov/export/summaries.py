"""Rows for `zzgov units` and `zzgov leaders`: each unit with the tasks it leads and shares,
each leader with their tasks and the units leading them, per document.

Summaries are rebuilt from the tasks (zzgov.summaries), so documents
read back from older zzgov JSON get today's canonical names too.

>>> from zzgov.api import parse_text
>>> doc = parse_text("1. 建设学校。\\n责任领导：王明\\n牵头单位：郑州市教育局\\n责任单位：市财政局\\n", kind="notice")
>>> [(r["unit"], r["lead_tasks"], r["co_tasks"]) for r in unit_rows([doc])]
[('市教育局', [1], []), ('市财政局', [], [1])]
>>> [(r["leader"], r["tasks"], r["units"]) for r in leader_rows([doc])]
[('王明', [1], ['市教育局'])]
"""

from __future__ import annotations

from typing import Sequence

from zzgov.models import Document

UNIT_COLUMNS = ("document", "unit", "type", "lead", "co", "lead_tasks", "co_tasks", "aliases")
LEADER_COLUMNS = ("document", "leader", "count", "tasks", "units")
UNIT_SORTS = ("appearance", "lead", "total", "name")


def unit_rows(docs: Sequence[Document], sort: str = "appearance") -> list[dict]:
    """One row per unit of each document with tasks.

    `sort`: appearance (document order), lead (most lead tasks first), total (lead + co),
    name (code point order); ties keep document order."""
    from zzgov.summaries import unit_summary

    out = []
    for d in docs:
        rows = [
            {"document": d.id, "unit": u.name, "type": u.type, "lead": len(u.lead_tasks), "co": len(u.co_tasks),
             "lead_tasks": u.lead_tasks, "co_tasks": u.co_tasks, "aliases": u.aliases}
            for u in unit_summary(d.tasks)
        ]
        if sort == "lead":
            rows.sort(key=lambda r: -r["lead"])
        elif sort == "total":
            rows.sort(key=lambda r: -(r["lead"] + r["co"]))
        elif sort == "name":
            rows.sort(key=lambda r: r["unit"])
        out.extend(rows)
    return out


def leader_rows(docs: Sequence[Document]) -> list[dict]:
    """One row per leader of each document, in order of first appearance: their tasks and
    the units that lead those tasks (canonical names, most tasks first, then first seen)."""
    from zzgov.summaries import leader_summary
    from zzgov.export.tables import canonical_units

    out = []
    for d in docs:
        canonical = canonical_units([d])
        by_seq = {}
        for t in d.tasks:
            by_seq.setdefault(t.seq, []).append(t)
        for s in leader_summary(d.tasks):
            counts: dict[str, int] = {}
            for seq in s.tasks:
                for t in by_seq.get(seq, ()):
                    if s.name not in ("".join(n.split()) for n in t.leaders):
                        continue
                    for unit in dict.fromkeys(canonical[n] for n in t.lead_units):
                        counts[unit] = counts.get(unit, 0) + 1
            first = {u: k for k, u in enumerate(counts)}
            units = sorted(counts, key=lambda u: (-counts[u], first[u]))
            out.append({"document": d.id, "leader": s.name, "count": len(s.tasks), "tasks": s.tasks, "units": units})
    return out
