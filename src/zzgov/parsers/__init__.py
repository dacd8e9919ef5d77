"""Document-kind parsers and kind detection.

Each parser module takes the original decoded text and returns a `ParseResult` (a meta draft,
which the pipeline builds into the Meta record, and the sections, tasks, figures and warnings it
built); `run_parser` picks one by kind.
"""

from __future__ import annotations

from zzgov.parsers.base import ParseResult
from zzgov.parsers.detect import detect_kind


def run_parser(kind: str, text) -> ParseResult:
    """The reader of `kind` (zzgov.kinds) run over `text` (a str or a zzgov.doc.Doc)."""
    from zzgov import kinds

    result = kinds.get(kind).parse(text)
    if kind == "unknown":
        result.warnings.append("document kind not recognised; parsed generically (sections and figures only)")
    return result


__all__ = ["ParseResult", "detect_kind", "run_parser"]
