"""Escaping for the report page: text, attributes and JSON inside <script>.

Document text is hostile input: it may hold `<`, `&`, `</script>`, control characters or lone
surrogates.  Everything that reaches the page goes through one of these functions.

>>> esc("a < b & </script>")
'a &lt; b &amp; &lt;/script&gt;'
>>> script_json({"t": "</script><!--"})
'{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
"""

from __future__ import annotations

import functools
import html
import json
from typing import Any

import regex


# C0/C1 controls other than tab and newline, and lone surrogates: not allowed in HTML text, and
# a lone surrogate cannot be written as UTF-8.  Each becomes U+FFFD (one code point for one, so
# offsets into a text stay valid).
_UNSAFE_CHARS = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cs}]")


def clean(s: str) -> str:
    """`s` with characters HTML cannot carry replaced by U+FFFD, one for one."""
    return _UNSAFE_CHARS.sub("\ufffd", s)


def esc(s: Any) -> str:
    """Text content: `&`, `<`, `>` and quotes escaped."""
    s = "" if s is None else str(s)
    return _esc_short(s) if len(s) <= SHORT else html.escape(clean(s), quote=True)


# Names, labels and figures recur thousands of times in a page of many documents; short
# strings are escaped once.
SHORT = 40


@functools.lru_cache(maxsize=1 << 15)
def _esc_short(s: str) -> str:
    return html.escape(clean(s), quote=True)


attr = esc  # attribute values are always double-quoted, so the same escaping serves


def json_attr(value: Any) -> str:
    """A JSON value for a data-* attribute (read back with JSON.parse)."""
    return esc(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def script_json(value: Any) -> str:
    """JSON safe inside <script type="application/json">: no `<`, `>` or `&` appear literally,
    so neither `</script>` nor `<!--` in a document can end or confuse the element; U+2028/2029
    are escaped too.  JSON.parse(el.textContent) gives the value back unchanged."""
    s = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, rep in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, rep)
    return clean(s)  # a lone surrogate (in an id, a name) cannot be written as UTF-8
