"""Physical lines with their offsets into the original text (LF, CRLF and CR line ends)."""

from __future__ import annotations

import re
from typing import NamedTuple

# A line ends at LF, CRLF, a lone CR, or the Unicode line/paragraph separators.
_LINE = re.compile(r"[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029]|$)")
_LINE_ENDS = "\r\n\u2028\u2029"
# str.splitlines() (a C loop, several times faster) also ends lines at these; where none
# occurs its lines are exactly ours.
_OTHER_SPLITLINES_ENDS = re.compile("[\v\f\x1c\x1d\x1e\x85]")
_BLANK = " \t\u3000\u00a0\ufeff\x00\x0c"


class Line(NamedTuple):
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # text[start:end]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines of text[start:end], stripped of surrounding blanks, with offsets."""
    end = len(text) if end is None else end
    out: list[Line] = []
    if not _OTHER_SPLITLINES_ENDS.search(text, start, end):
        pos = start
        for raw in text[start:end].splitlines(True):
            body = raw.rstrip(_LINE_ENDS)
            stripped = body.strip(_BLANK)
            if stripped:
                ls = pos + len(body) - len(body.lstrip(_BLANK))
                out.append(Line(ls, ls + len(stripped), stripped))
            pos += len(raw)
        return out
    return _split_lines_rx(text, start, end)


def _split_lines_rx(text: str, start: int, end: int) -> list[Line]:
    """split_lines by one pattern scan: the general case (and the reference for the fast one)."""
    out: list[Line] = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if s == e:
            break
        raw = m.group()
        body = raw.rstrip(_LINE_ENDS)
        stripped = body.strip(_BLANK)
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip(_BLANK))
        ls = s + lead
        out.append(Line(ls, ls + len(stripped), stripped))
    return out
