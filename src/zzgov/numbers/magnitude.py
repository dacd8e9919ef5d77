"""Magnitude characters in units and normalisation to base units.

A unit as written keeps its magnitude characters (`万人`, `1.52` `万亿元`); normalising moves
them into the value: `normalize(1.52, "万亿元")` -> (1.52e12, "元").

>>> split_magnitude("万亿元"), split_magnitude("千瓦"), normalize(11.4, "万人")
((1000000000000, '元'), (1, '千瓦'), (114000.0, '人'))
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Magnitude prefixes of a unit, longest first. 千/百 alone are NOT prefixes here: they begin real
# units (千瓦 "新增光伏装机98万千瓦", 千克, 百分点 "提升12.3个百分点").
MAGNITUDE_PREFIXES: tuple[tuple[str, int], ...] = (
    ("万亿", 10**12),  # 1.52万亿元
    ("千亿", 10**11),  # 1.2千亿元 (rare)
    ("百亿", 10**10),
    ("十亿", 10**9),
    ("千万", 10**7),  # 1千万元
    ("百万", 10**6),  # 100百万 (rare)
    ("亿", 10**8),  # 2300亿元, 1.8亿人次
    ("万", 10**4),  # 11.4万人, 500万平方米
)

# Units that begin with a magnitude character but are units of their own.
MAGNITUDE_LOOKALIKES = ("千瓦", "千克", "千米", "千伏", "百分点", "万向")


@lru_cache(maxsize=1024)  # a document uses a few dozen units, over and over
def split_magnitude(unit: str) -> tuple[int, str]:
    """(factor, base unit): `split_magnitude("亿美元")` -> (100000000, "美元")."""
    u = unit or ""
    for look in MAGNITUDE_LOOKALIKES:
        if u.startswith(look):
            return 1, u
    for prefix, factor in MAGNITUDE_PREFIXES:
        if u.startswith(prefix):
            rest = u[len(prefix):]
            f2, base = split_magnitude(rest) if rest else (1, "")
            return factor * f2, base
    return 1, u


# The exponent of each factor a unit's magnitude gives (all are powers of ten).
_EXPONENT = {10**k: k for k in range(1, 64)}


def normalize(value: float, unit: str) -> tuple[float, str]:
    """Value in base units: `normalize(2300, "亿元")` -> (230000000000.0, "元"); % stays %."""
    factor, base = split_magnitude(unit)
    if factor == 1:
        return float(value), base
    v = float(value)
    k = _EXPONENT.get(factor)
    if k is not None and math.isfinite(v):
        # The decimal repr writes, its exponent moved by k: the number Decimal(repr(v)) * factor
        # holds (exact: 17 digits times a power of ten), read into a float as float() of that
        # Decimal reads it (both round the same exact decimal), without Decimal arithmetic
        # (it ran once per figure).
        digits, _, exp = repr(v).partition("e")  # (repr may write an exponent: 1e-07)
        return float(f"{digits}e{int(exp or 0) + k}"), base
    try:
        return float(Decimal(repr(float(value))) * factor), base
    except (InvalidOperation, ValueError, OverflowError):
        return float(value) * factor, base
