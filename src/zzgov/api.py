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
from zzgov.text import decode_bytes
from zzgov.units import unit_type

KINDS = ("notice", "report", "news", "unknown")


def parse_text(text: str, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-",
               encoding: str = "utf-8", sha256: str | None = None) -> Document:
    """Parse decoded text; `kind` overrides detection."""
    from zzgov.parsers import detect_kind, run_parser

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
    text, encoding = decode_bytes(data)
    return parse_text(text, kind=kind, doc_id=doc_id, path=path, encoding=encoding,
                      sha256=hashlib.sha256(data).hexdigest())


def parse_path(path: str | Path, *, kind: str | None = None) -> Document:
    p = Path(path)
    return parse_bytes(p.read_bytes(), kind=kind, doc_id=p.stem, path=str(path))


def leader_summary(tasks: list[Task]) -> list[LeaderSummary]:
    """Each leader with the tasks they are responsible for, in order of first appearance."""
    by_name: dict[str, list[int]] = {}
    for t in tasks:
        for name in t.leaders:
            seqs = by_name.setdefault(name, [])
            if t.seq not in seqs:
                seqs.append(t.seq)
    return [LeaderSummary(name=n, tasks=s) for n, s in by_name.items()]


def unit_summary(tasks: list[Task]) -> list[UnitSummary]:
    """Each unit with the tasks it leads and those it shares, in order of first appearance."""
    lead: dict[str, list[int]] = {}
    co: dict[str, list[int]] = {}
    order: list[str] = []
    for t in tasks:
        for name in t.lead_units:
            if name not in lead and name not in co:
                order.append(name)
            seqs = lead.setdefault(name, [])
            if t.seq not in seqs:
                seqs.append(t.seq)
        for name in t.units:
            if name not in lead and name not in co:
                order.append(name)
            seqs = co.setdefault(name, [])
            if t.seq not in seqs and t.seq not in lead.get(name, []):
                seqs.append(t.seq)
    return [
        UnitSummary(name=n, type=unit_type(n), lead_tasks=lead.get(n, []), co_tasks=co.get(n, []))
        for n in order
    ]
