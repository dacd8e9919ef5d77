"""The pipeline: a document's bytes or text in, one validated `Document` out.

Read it top to bottom; each step is one call into the module that owns it:

    decode (text.decode, formats/)   bytes -> text, encoding, repairs, format provenance
    Doc (doc.py)                     the text, its folded view and its lines, built once
    detect (parsers.detect)          which kind, with a confidence
    read (kinds.KINDS[kind])         a meta draft, sections, tasks and figures, by the kind's reader
    place (figures.place)            where the document is about, when its reader left it open
                                     (readers ask before their figures: names leave it out)
    meta (parsers.base.MetaDraft)    the Meta record, built once and validated (bad values warn)
    summaries (summaries.py)         each leader and unit with its tasks
    record (models.Document)         built once, validated once; nothing changes it afterwards
"""

from __future__ import annotations

import hashlib
from typing import Sequence

from zzgov import kinds
from zzgov.doc import Doc
from zzgov.models import Document, Source
from zzgov.summaries import leader_summary, unit_summary


def run_bytes(data: bytes, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-") -> Document:
    """Raw bytes in any encoding or format zzgov reads -> a Document."""
    from zzgov.text.decode import decode

    decoded = decode(data)
    return run(decoded.text, kind=kind, doc_id=doc_id, path=path, encoding=decoded.encoding,
               sha256=hashlib.sha256(data).hexdigest(), decoded=decoded, warnings=decoded.warnings)


def run(text: str, *, kind: str | None = None, doc_id: str = "stdin", path: str = "-",
        encoding: str = "utf-8", sha256: str | None = None, decoded=None,
        warnings: Sequence[str] = ()) -> Document:
    """Decoded text -> a Document.  `warnings` are the decoder's (damage repaired), which come
    first; an unknown `kind` is a ValueError naming the valid ones."""
    from zzgov.parsers import detect_kind, run_parser
    from zzgov.text.decode import file_name_text

    if kind is not None:
        kinds.get(kind)
    notes = list(warnings)
    text, sha256 = _checked_text(text, sha256, notes)
    doc = Doc(text)

    confidence = None
    if kind is None:
        kind, confidence = detect_kind(doc.text)
    parsed = run_parser(kind, doc)
    notes.extend(parsed.warnings)

    draft = parsed.meta
    if draft.place is None and not draft.place_read:
        from zzgov.figures.place import place_of

        place_of(doc.text, draft)
    meta = draft.build(notes)

    return Document(
        id=file_name_text(doc_id),
        source=_source(file_name_text(path), sha256, encoding, doc.text, decoded),
        kind=kind,
        kind_confidence=confidence,
        meta=meta,
        sections=parsed.sections,
        tasks=parsed.tasks,
        figures=parsed.figures,
        leaders=leader_summary(parsed.tasks),
        units=unit_summary(parsed.tasks),
        warnings=notes,
    )


def _checked_text(text: str, sha256: str | None, notes: list[str]) -> tuple[str, str]:
    """The text and its digest.  Text holding lone surrogates (which no UTF-8, JSON or YAML
    output can carry; decoded files never do) has each replaced by U+FFFD, one character for
    one, so offsets still point into the text as given, and a note says so."""
    if sha256 is not None:
        return text, sha256
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        import re

        surrogate = re.compile("[\ud800-\udfff]")
        first = surrogate.search(text).start()
        text, n = surrogate.subn("\ufffd", text)
        notes.append(f"{n} lone surrogate{'s' if n > 1 else ''} (not Unicode text) replaced with U+FFFD "
                      f"(first at character {first})")
        data = text.encode("utf-8")
    return text, hashlib.sha256(data).hexdigest()


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
