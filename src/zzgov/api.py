"""Library entry points: text or a file in, a validated Document out.

>>> from zzgov.api import parse_text
>>> doc = parse_text("1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局\\n", kind="notice")
>>> doc.tasks[0].lead_units
['市教育局']
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from zzgov.models import Document, Source
from zzgov.summaries import leader_summary, unit_summary

from zzgov.kinds import NAMES

KINDS = NAMES  # the document kinds zzgov reads (zzgov.kinds is the registry)

__all__ = ["KINDS", "leader_summary", "parse_bytes", "parse_path", "parse_text", "unit_summary"]


def parse_text(text: str, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-",
               encoding: str = "utf-8", sha256: str | None = None, decoded=None) -> Document:
    """Parse decoded text into a validated `Document`; `kind` (one of KINDS) overrides
    detection.  An unknown kind is a ValueError that lists the valid ones.  A doc_id or path
    holding bytes that were not UTF-8 (a file name read with os.fsdecode) is stored with
    them as `\\xNN`.

    Text holding lone surrogates (which no UTF-8, JSON or YAML output can carry; decoded
    files never do) is parsed with each replaced by U+FFFD, one character for one, so that
    offsets still point into the text as given, and a warning saying so."""
    from zzgov import kinds
    from zzgov.parsers import detect_kind, run_parser
    from zzgov.text.decode import file_name_text

    if kind is not None:
        kinds.get(kind)  # an unknown kind is a ValueError naming the valid ones

    warnings: list[str] = []
    if sha256 is None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            text, warning = _without_surrogates(text)
            warnings.append(warning)
            data = text.encode("utf-8")
        sha256 = hashlib.sha256(data).hexdigest()
    confidence = None
    if kind is None:
        kind, confidence = detect_kind(text)
    parsed = run_parser(kind, text)
    if parsed.meta.place is None:
        from zzgov.figures.place import read_place

        m = parsed.meta
        parsed.meta.place = read_place(text, m.title, m.issuer, m.speaker_title)
    warnings.extend(parsed.warnings)
    doc = Document(
        id=file_name_text(doc_id),
        source=_source(file_name_text(path), sha256, encoding, text, decoded),
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


def _without_surrogates(text: str) -> tuple[str, str]:
    import re

    surrogate = re.compile("[\ud800-\udfff]")
    first = surrogate.search(text).start()
    text, n = surrogate.subn("\ufffd", text)
    return text, (f"{n} lone surrogate{'s' if n > 1 else ''} (not Unicode text) replaced with U+FFFD "
                  f"(first at character {first})")


def _source(path: str, sha256: str, encoding: str, text: str, decoded) -> Source:
    """The source record; for a web page, Word file or PDF also the format, the extractor,
    page offsets and table cells (zzgov.text.decode.Decoded)."""
    if decoded is None or decoded.format == "text":
        return Source(path=path, sha256=sha256, encoding=encoding, chars=len(text))
    from zzgov.models import SourceCell, Span

    cells = [SourceCell(span=Span(start=c.start, end=c.end), table=c.table, row=c.row, col=c.col)
             for c in decoded.cells]
    return Source(path=path, sha256=sha256, encoding=encoding, chars=len(text), format=decoded.format,
                  extractor=decoded.extractor, pages=list(decoded.pages), cells=cells)


def parse_bytes(data: bytes, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-") -> Document:
    """Parse raw bytes (UTF-8/16/32, GB18030/GBK, damaged bytes repaired with a warning)."""
    from zzgov.text.decode import decode

    decoded = decode(data)
    doc = parse_text(decoded.text, kind=kind, doc_id=doc_id, path=path, encoding=decoded.encoding,
                     sha256=hashlib.sha256(data).hexdigest(), decoded=decoded)
    doc.warnings[:0] = decoded.warnings  # damage repaired while decoding comes first
    return doc


def parse_path(path: str | Path, *, kind: str | None = None) -> Document:
    """Parse a file; the record's `source.path` is the path as given."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), kind=kind, doc_id=p.stem, path=str(path))
