"""Find the original decoded text of each Document, for the page's provenance passages.

Spans are offsets into the source file's decoded text, which a Document does not carry.  For a
raw input the text is the input itself; for zzgov JSON output it is the file named in
`source.path` (as given, or relative to the JSON file).  A candidate counts only when its bytes
hash to `source.sha256`, so a changed or different file is never shown with stale spans.

>>> from zzgov.api import parse_text
>>> doc = parse_text("1. 建设学校。\\n责任领导：王明\\n", kind="notice")
>>> source_text(doc, "-", raw=doc_bytes("1. 建设学校。\\n责任领导：王明\\n")) is not None
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Optional

from zzgov.models import Document
from zzgov.text import decode_bytes

RECORD_SUFFIXES = (".json", ".jsonl", ".yaml", ".yml")


def doc_bytes(text: str) -> bytes:
    """The bytes `parse_text` hashes for a text it was given directly."""
    return text.encode("utf-8")


def _candidates(doc: Document, input_path: str) -> list[Path]:
    out: list[Path] = []
    if input_path != "-" and Path(input_path).suffix.lower() not in RECORD_SUFFIXES:
        out.append(Path(input_path))
    src = doc.source.path
    if src and src != "-":
        p = Path(src)
        out.append(p)
        if not p.is_absolute() and input_path != "-":
            out.append(Path(input_path).parent / p)
    seen, unique = set(), []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def _text_if_matching(doc: Document, data: bytes) -> Optional[str]:
    if hashlib.sha256(data).hexdigest() != doc.source.sha256:
        return None
    try:
        text, _ = decode_bytes(data)
    except Exception:
        return None
    return text if len(text) == doc.source.chars else None


def source_text(doc: Document, input_path: str, raw: Optional[bytes] = None) -> Optional[str]:
    """The decoded source text of `doc`, or None when no matching file is found.

    `raw` is the input's bytes when the caller already has them (standard input)."""
    if raw is not None:
        text = _text_if_matching(doc, raw)
        if text is not None:
            return text
    for p in _candidates(doc, input_path):
        try:
            data = p.read_bytes()
        except OSError:
            continue
        text = _text_if_matching(doc, data)
        if text is not None:
            return text
    return None
