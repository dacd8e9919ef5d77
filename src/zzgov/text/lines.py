"""Physical lines with their offsets into the original text (LF, CRLF and CR line ends)."""

from __future__ import annotations

from typing import NamedTuple

import regex

# A line ends at LF, CRLF, a lone CR, or the Unicode line/paragraph separators.
_LINE = regex.compile(r"[^\r\n\u2028\u2029]*(?:\r\n|[\r\n\u2028\u2029]|$)")
_BLANK = " \t\u3000\u00a0\ufeff\x00\x0c"


class Line(NamedTuple):
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # text[start:end]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines of text[start:end], stripped of surrounding blanks, with offsets."""
    end = len(text) if end is None else end
    out: list[Line] = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if s == e:
            break
        raw = m.group()
        body = raw.rstrip("\r\n\u2028\u2029")
        stripped = body.strip(_BLANK)
        if not stripped:
            continue
        lead = len(body) - len(body.lstrip(_BLANK))
        ls = s + lead
        out.append(Line(ls, ls + len(stripped), stripped))
    return out
