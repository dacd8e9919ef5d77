"""Library entry points: text or a file in, a validated Document out.

>>> from zzgov.api import parse_text
>>> doc = parse_text("1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局\\n", kind="notice")
>>> doc.tasks[0].lead_units
['市教育局']
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from zzgov.models import Document, LeaderSummary, Source, Task, UnitSummary

from zzgov.kinds import NAMES

KINDS = NAMES  # the document kinds zzgov reads (zzgov.kinds is the registry)


def parse_text(text: str, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-",
               encoding: str = "utf-8", sha256: str | None = None) -> Document:
    """Parse decoded text into a validated `Document`; `kind` (one of KINDS) overrides
    detection.  An unknown kind is a ValueError that lists the valid ones."""
    from zzgov import kinds
    from zzgov.parsers import detect_kind, run_parser

    if kind is not None:
        kinds.get(kind)  # an unknown kind is a ValueError naming the valid ones

    warnings: list[str] = []
    confidence = None
    if kind is None:
        kind, confidence = detect_kind(text)
    parsed = run_parser(kind, text)
    warnings.extend(parsed.warnings)
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = Document(
        id=doc_id,
        source=Source(path=path, sha256=sha256, encoding=encoding, chars=len(text)),
        kind=kind,
        kind_confidence=confidence,
        meta=parsed.meta,
        sections=parsed.sections,
        tasks=parsed.tasks,
        figures=parsed.figures,
        leaders=leader_summary(parsed.tasks),
        units=unit_summary(parsed.tasks),
        warnings=warnings,
    )
    return doc


def parse_bytes(data: bytes, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-") -> Document:
    """Parse raw bytes (UTF-8/16/32, GB18030/GBK, damaged bytes repaired with a warning)."""
    from zzgov.text.decode import decode

    decoded = decode(data)
    doc = parse_text(decoded.text, kind=kind, doc_id=doc_id, path=path, encoding=decoded.encoding,
                     sha256=hashlib.sha256(data).hexdigest())
    doc.warnings[:0] = decoded.warnings  # damage repaired while decoding comes first
    return doc


def parse_path(path: str | Path, *, kind: str | None = None) -> Document:
    """Parse a file; the record's `source.path` is the path as given."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), kind=kind, doc_id=p.stem, path=str(path))


class _SeqList:
    """Task numbers in first-seen order with set membership (lists alone make summaries
    quadratic in the number of tasks)."""

    __slots__ = ("items", "seen")

    def __init__(self) -> None:
        self.items: list[int] = []
        self.seen: set[int] = set()

    def add(self, seq: int) -> None:
        if seq not in self.seen:
            self.seen.add(seq)
            self.items.append(seq)


def _seqs_of(table: dict[str, _SeqList], key: str) -> _SeqList:
    """table[key], made on first use (not setdefault: that builds a _SeqList on every call)."""
    found = table.get(key)
    if found is None:
        found = table[key] = _SeqList()
    return found


def leader_summary(tasks: list[Task]) -> list[LeaderSummary]:
    """Each leader with the tasks they are responsible for, in order of first appearance.

    Names are compared without blanks (`黄 卿` and `黄卿` are one leader)."""
    by_name: dict[str, _SeqList] = {}
    for t in tasks:
        for written in t.leaders:
            name = "".join(written.split())
            if name:
                _seqs_of(by_name, name).add(t.seq)
    return [LeaderSummary(name=n, tasks=s.items) for n, s in by_name.items()]


def unit_summary(tasks: list[Task]) -> list[UnitSummary]:
    """Each unit with the tasks it leads and those it shares, in order of first appearance.

    Spellings of one unit (`市发展改革委` / `市发展和改革委员会`, `郑州市X` / `市X`) are merged
    under the registry's canonical name (zzgov/data/units.yaml); `aliases` lists, sorted, the
    other spellings the tasks used."""
    if not any(t.lead_units or t.units for t in tasks):
        return []  # reports and news: no need to load the registry
    from zzgov.units.registry import load_registry

    reg = load_registry()
    canonical = reg.group(n for t in tasks for n in (*t.lead_units, *t.units))
    lead: dict[str, _SeqList] = {}
    co: dict[str, _SeqList] = {}
    seen: dict[str, set[str]] = {}
    order: list[str] = []

    def note(written: str) -> str:
        name = canonical[written]
        if name not in seen:
            order.append(name)
            seen[name] = set()
        seen[name].add(written)
        return name

    for t in tasks:
        task_leads = set()
        for written in t.lead_units:
            name = note(written)
            task_leads.add(name)
            _seqs_of(lead, name).add(t.seq)
        for written in t.units:
            name = note(written)
            seqs = _seqs_of(co, name)
            if name not in task_leads and (name not in lead or t.seq not in lead[name].seen):
                seqs.add(t.seq)
    return [
        UnitSummary(name=n, aliases=sorted(seen[n] - {n}), type=reg.unit_type(n),
                    lead_tasks=lead[n].items if n in lead else [], co_tasks=co[n].items if n in co else [])
        for n in order
    ]
