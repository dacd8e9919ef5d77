"""Text from files shown on a terminal: keys, values and names escaped so that they can
neither steer the terminal (escape sequences, direction overrides) nor forge lines of their
own (a newline in a key would print as a second problem line).

>>> printable("a\\nb\\x1b[2Jc")
'a\\\\nb\\\\x1b[2Jc'
>>> printable("郑州\\u202e市")
'郑州\\\\u202e市'
"""

from __future__ import annotations

# C0 controls and DEL as \xNN (\n, \r, \t by name), C1 controls as \xNN, and as \uNNNN the
# characters that break or reorder a line: line/paragraph separators, direction marks and
# overrides.  Lone surrogates stand for bytes of a file name that were not UTF-8 (Python
# reads them as U+DC80-U+DCFF, see os.fsdecode): those show as the byte, \xNN; others as
# \udNNN.
_ESCAPES: dict[int, str] = {i: f"\\x{i:02x}" for i in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_ESCAPES |= {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
_ESCAPES |= {i: f"\\u{i:04x}" for i in [0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                         *range(0x2066, 0x206A)]}
_ESCAPES |= {i: f"\\u{i:04x}" for i in range(0xD800, 0xE000)}
_ESCAPES |= {i: f"\\x{i - 0xDC00:02x}" for i in range(0xDC80, 0xDD00)}


def printable(s: str) -> str:
    """s with every character that could act on a terminal or break a line escaped."""
    return s.translate(_ESCAPES)
