"""Whole quantity expressions: a number (Arabic or Chinese), an approximation or a range, and
the unit as written.

>>> parse_quantity("5~8条")
Quantity(value=5.0, value_max=8.0, comparator='range', unit='条')
>>> parse_quantity("1100多场").comparator, parse_quantity("近百万").value
('>=', 100.0)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from zzgov.numbers.arabic import parse_arabic
from zzgov.numbers.chinese import (
    CN_NUMERAL_CHARS,
    parse_chinese,
    parse_fraction_words,
    parse_percent_words,
)
from zzgov.text.script import lazy_re

# Characters that join the two ends of a range: 5~8条, 5—6个, 30至50, 5-6, 1～2个.
RANGE_SEPARATORS = "~～〜—–-－至到"
# Approximation suffixes right after the number: 1100多场, 3000余张 -> ">=".
APPROX_SUFFIXES = ("多", "余")
# Approximation prefixes: 近百万, 约100部 -> "~"; 超1300万人 -> ">=".
APPROX_PREFIXES = {"近": "~", "约": "~", "超": ">=", "逾": ">="}
# Magnitude characters that may follow a Chinese numeral run: 近百万 = 近 + 百 + 万.
TRAILING_MAGNITUDES = ("万亿", "亿", "万")

_CN_RUN = "".join(sorted(CN_NUMERAL_CHARS))
# Compiled on first use: only quantities written out as text are read through it.
_NUMBER = lazy_re(
    r"(?P<pct>百分之[%s点]+)|(?P<frac>[%s]+分之[%s]+)|(?P<ar>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<cn>[%s]+)"
    % (_CN_RUN, _CN_RUN, _CN_RUN, _CN_RUN)
)


class Quantity(NamedTuple):
    value: float
    value_max: float | None
    comparator: str  # "=", ">=", "<=", "~", "range"
    unit: str


def parse_number(s: str) -> float | None:
    """Arabic or Chinese numeral to float: `parse_number("十二")` -> 12.0, `parse_number("1,200")` -> 1200.0."""
    if not s:
        return None
    v = parse_arabic(s)
    if v is not None:
        return v
    return parse_percent_words(s) if s.startswith("百分之") else (parse_fraction_words(s) if "分之" in s else parse_chinese(s))


def split_chinese_magnitude(run: str) -> tuple[str, str]:
    """Split a trailing magnitude off a Chinese numeral run: `("百万")` -> ("百", "万"); ("三千五百") unchanged."""
    for mag in TRAILING_MAGNITUDES:
        if run.endswith(mag) and len(run) > len(mag):
            head = run[: -len(mag)]
            # 十万/百万/千万 keep the place value in the number: 近百万 -> 100 万
            return head, mag
    return run, ""


def parse_range(s: str) -> tuple[float, float] | None:
    """Both ends of a numeric range: `parse_range("5—6")` -> (5.0, 6.0); `parse_range("30至50")` -> (30.0, 50.0)."""
    m = re.fullmatch(r"\s*(\S+?)\s*[%s]\s*(\S+?)\s*" % re.escape(RANGE_SEPARATORS), s or "")
    if not m:
        return None
    lo, hi = parse_number(m.group(1).rstrip("%％")), parse_number(m.group(2).rstrip("%％"))
    if lo is None or hi is None or hi < lo:
        return None
    return lo, hi


def parse_approx(s: str) -> tuple[float, str] | None:
    """A number with an approximation word: `parse_approx("1100多")` -> (1100.0, ">="), `parse_approx("约100")` -> (100.0, "~")."""
    if not s:
        return None
    comp = "="
    if s[0] in APPROX_PREFIXES:
        comp, s = APPROX_PREFIXES[s[0]], s[1:]
    if s and s[-1] in APPROX_SUFFIXES:
        comp, s = ">=", s[:-1]
    v = parse_number(s)
    return None if v is None else (v, comp)


def parse_quantity(s: str) -> Quantity | None:
    """Parse a whole quantity such as `1.52万亿元`, `5~8条`, `近百万`, `百分之五`, `3000余张`; None if not one."""
    try:
        return _parse_quantity(re.sub(r"[\s\u3000]+", "", s))
    except Exception:  # pure helper: never raise on odd input
        return None


def _parse_quantity(s: str) -> Quantity | None:
    comp = "="
    if s[:1] in APPROX_PREFIXES:
        comp, s = APPROX_PREFIXES[s[0]], s[1:]
    m = _NUMBER.match(s)
    if not m:
        return None
    rest = s[m.end():]
    if m.group("pct"):
        v = parse_percent_words(m.group("pct"))
        return None if v is None else Quantity(v, None, comp, "%")
    if m.group("frac"):
        v = parse_fraction_words(m.group("frac"))
        return None if v is None else Quantity(v, None, comp, rest)
    if m.group("cn"):
        head, mag = split_chinese_magnitude(m.group("cn"))
        v = parse_chinese(head)
        if v is None:
            return None
        rest = mag + rest
    else:
        v = parse_arabic(m.group("ar"))
        if v is None:
            return None
    vmax = None
    if rest[:1] in APPROX_SUFFIXES:
        comp, rest = ">=", rest[1:]
    elif rest[:1] and rest[0] in RANGE_SEPARATORS:
        m2 = _NUMBER.match(rest, 1)
        if m2 and (m2.group("ar") or m2.group("cn")):
            hi = parse_number(m2.group(0))
            if hi is not None and hi >= v:
                vmax, comp, rest = hi, "range", rest[m2.end():]
    # "9.3万余套": the approximation can also follow the magnitude
    for mag in TRAILING_MAGNITUDES:
        if rest.startswith(mag) and rest[len(mag):len(mag) + 1] in APPROX_SUFFIXES and rest[len(mag):len(mag) + 1]:
            comp, rest = ">=", mag + rest[len(mag) + 1:]
            break
    return Quantity(v, vmax, comp, rest)
