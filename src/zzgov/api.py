"""Library entry points: text or a file in, a validated Document out.

>>> from zzgov.api import parse_text
>>> doc = parse_text("1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局\\n", kind="notice")
>>> doc.tasks[0].lead_units
['市教育局']
"""

from __future__ import annotations

from pathlib import Path

from zzgov import pipeline
from zzgov.kinds import NAMES
from zzgov.models import Document
from zzgov.summaries import leader_summary, unit_summary

KINDS = NAMES  # the document kinds zzgov reads (zzgov.kinds is the registry)

__all__ = ["KINDS", "leader_summary", "parse_bytes", "parse_path", "parse_text", "unit_summary"]


def parse_text(text: str, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-",
               encoding: str = "utf-8", sha256: str | None = None, decoded=None) -> Document:
    """Parse decoded text into a validated `Document`; `kind` (one of KINDS) overrides
    detection.  An unknown kind is a ValueError that lists the valid ones.  A doc_id or path
    holding bytes that were not UTF-8 (a file name read with os.fsdecode) is stored with
    them as `\\xNN`.  Lone surrogates in the text are replaced one for one, with a warning
    (zzgov.pipeline)."""
    return pipeline.run(text, kind=kind, doc_id=doc_id, path=path, encoding=encoding, sha256=sha256,
                        decoded=decoded)


def parse_bytes(data: bytes, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-") -> Document:
    """Parse raw bytes (UTF-8/16/32, GB18030/GBK, damaged bytes repaired with a warning; web
    pages, Word files and PDFs by their content)."""
    return pipeline.run_bytes(data, kind=kind, doc_id=doc_id, path=path)


def parse_path(path: str | Path, *, kind: str | None = None) -> Document:
    """Parse a file; the record's `source.path` is the path as given."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), kind=kind, doc_id=p.stem, path=str(path))
