"""Document-kind parsers and kind detection.

Each parser module takes the original decoded text and returns a `ParseResult`
(meta, sections, tasks, figures, warnings); `run_parser` picks one by kind.
"""

from __future__ import annotations

from zzgov.parsers.base import ParseResult
from zzgov.parsers.detect import detect_kind


def run_parser(kind: str, text: str) -> ParseResult:
    if kind == "notice":
        from zzgov.parsers.notice import parse_notice

        return parse_notice(text)
    if kind == "report":
        from zzgov.parsers.report import parse_report

        return parse_report(text)
    if kind == "news":
        from zzgov.parsers.news import parse_news

        return parse_news(text)
    from zzgov.parsers.generic import parse_generic

    result = parse_generic(text)
    if kind == "unknown":
        result.warnings.append("document kind not recognised; parsed generically (sections and figures only)")
    return result


__all__ = ["ParseResult", "detect_kind", "run_parser"]
