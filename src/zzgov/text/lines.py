"""Physical lines with their offsets into the original text (LF, CRLF and CR line ends)."""

from __future__ import annotations

import re
from typing import NamedTuple


# A line ends at LF, CRLF, a lone CR, or the Unicode line/paragraph separators.
LINE_ENDS = "\r\n\u2028\u2029"
# Blanks stripped from both ends of a line.
BLANKS = " \t\u3000\u00a0\ufeff\x00\x0c"
# A line's text without its surrounding blanks: from its first non-blank character to its
# last one.  A scan for it skips line ends, blank lines and leading blanks in C (the pattern
# opens with a class it consumes), and backtracks over trailing blanks once per line.
_LINE_BODY = re.compile("[^{e}{b}](?:[^{e}]*[^{e}{b}])?".format(e=LINE_ENDS, b=re.escape(BLANKS)))
# The same for a text whose only line end is LF (nearly every text): `[^\n]*` runs as one
# tight loop, where the class of four line ends is tested character by character (measured
# 1.5 to 3 times faster on the seeds).
_LF_LINE_BODY = re.compile("[^\n{b}](?:[^\n]*[^\n{b}])?".format(b=re.escape(BLANKS)))
_OTHER_LINE_ENDS = LINE_ENDS.replace("\n", "")


class Line(NamedTuple):
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # text[start:end]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty lines of text[start:end], stripped of surrounding blanks, with offsets."""
    end = len(text) if end is None else end
    new = tuple.__new__  # a Line without the Python-level __new__ of a NamedTuple
    body = _LINE_BODY if any(text.find(e, start, end) >= 0 for e in _OTHER_LINE_ENDS) else _LF_LINE_BODY
    lines = [new(Line, (m.start(), m.end(), m.group())) for m in body.finditer(text, start, end)]
    if breaks_at_tags(text, start, end):
        lines = _split_at_tags(lines)
    return lines


def breaks_at_tags(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] writes its line breaks as `<br>` tags, and no other markup."""
    end = len(text) if end is None else end
    return (text.find("<br", start, end) >= 0 or text.find("<BR", start, end) >= 0) \
        and not _OTHER_TAG.search(text, start, end)


# A line break written as an HTML tag in a page's text (`…如下: <br> 一、重点项目 <br> 1.完成…`):
# a copy that kept that one tag as characters.  A copy that kept the whole markup (`<p>`,
# `<strong>`) is left to the readers as one run of text: cut only at its line breaks, its
# paragraphs would open with tags.
BR_TAG = re.compile(r"[ \t\u3000]*<br[ \t]*/?>[ \t\u3000]*", re.IGNORECASE)
_OTHER_TAG = re.compile(r"</?(?:p|div|span|strong|b|td|tr|table|font|section)\b", re.IGNORECASE)


def _split_at_tags(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        a = 0
        for m in BR_TAG.finditer(ln.text):
            if m.start() > a:
                out.append(Line(ln.start + a, ln.start + m.start(), ln.text[a:m.start()]))
            a = m.end()
        if a < len(ln.text):
            out.append(Line(ln.start + a, ln.end, ln.text[a:]) if a else ln)
    return out
