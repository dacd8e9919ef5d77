"""Arabic numerals as written in government texts: decimals, thousands separators, full-width
digits, and stray blanks or line breaks that extraction left inside a number.

>>> parse_arabic("1,200"), parse_arabic("１１.４"), parse_arabic("23\\n00")
(1200.0, 11.4, 2300.0)
"""

from __future__ import annotations

import re
import math
import unicodedata


# Longest digit run taken as a quantity: longer runs are phone numbers, IDs or garbage.
# 10 digits is 9,999,999,999 - beyond any count a work report states without a magnitude word.
MAX_DIGITS = 12

# Blanks and line breaks that PDF/newspaper extraction leaves inside numbers ("11.4 万", "2300\n亿").
_STRAY = re.compile(r"[\s\u3000\u00a0\u200b\ufeff]+")
# A plain decimal, or thousands groups "1,200" / "12,345.5" (a group is exactly three digits).
_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def fold_digits(s: str) -> str:
    """Width-fold digits and the decimal point/comma only: `fold_digits("１２．５")` -> "12.5"."""
    if s.isascii():
        return s
    return "".join(unicodedata.normalize("NFKC", ch) if ch in "０１２３４５６７８９．，" else ch for ch in s)


def parse_arabic(s: str) -> float | None:
    """The value of an Arabic numeral string, or None: `parse_arabic("2,300")` -> 2300.0.

    Stray blanks/line breaks are ignored ("11. 4" -> 11.4); runs longer than MAX_DIGITS digits
    are refused (phone numbers, identifiers); never raises.
    """
    if not s:
        return None
    t = _STRAY.sub("", fold_digits(s))
    if not _ARABIC.fullmatch(t):
        return None
    digits = t.split(".")[0].replace(",", "")
    if len(digits) > MAX_DIGITS:
        return None
    try:
        v = float(t.replace(",", ""))
    except (ValueError, OverflowError):
        return None
    return v if math.isfinite(v) else None
