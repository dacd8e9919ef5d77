"""Standard indicators: which of the quantities government reports set targets for a figure
states (`zzgov/data/indicators.yaml`: ids, names, aliases, measure, unit class, direction).

A figure states an indicator when its metric, with place words and verbs that only say
"it was done" taken off its front (全省, 完成, 实现…), is one of the indicator's names, and
its unit fits: a growth rate (增长5%) links to the growth entry, an amount (5.67万亿元) to the
level entry of the same name, a share or rate in % or 个百分点 to the share/rate entry.

    >>> indicator_for("全省地区生产总值", "%", "up"), indicator_for("地区生产总值", "万亿元", None)
    ('gdp_growth', 'gdp')
    >>> indicator_for("战略性新兴产业占工业的比重项目", "个", None) is None
    True
    >>> indicator_for("农村劳动力新增转移就业", "万人", None)  # 新增 inside the name says nothing more
    'rural_labor_transfer'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from zzgov.numbers import split_magnitude


class Indicator(NamedTuple):
    id: str
    name: str
    measure: str  # growth, level, share, rate, index
    unit_class: str
    direction: str | None


# Words before a name that do not change what is measured (全省地区生产总值, 完成地区生产总值).
_LEADS = re.compile(r"^(?:全省|全市|全区|全县|全州|全盟|全自治区|全年|今年|去年|年末|完成|实现|累计|其中|力争|确保|预计)+")
# Change words after a name: 地区生产总值增长 ≡ 地区生产总值 for the growth entry.
_CHANGE = re.compile(r"(?:增长|增速|增幅|增长率)$")

# Words inside a name that say nothing more about what is measured (农村劳动力新增转移就业,
# 新登记各类经营主体).
_FILLERS = re.compile(r"新增|各类|各项")
# Units as written -> unit class of indicators.yaml (magnitude characters removed first).
_UNIT_CLASS = {
    "%": "percent", "‰": "percent", "个百分点": "percent_point", "百分点": "percent_point",
    "人": "persons", "人次": "person_times", "吨": "mass", "斤": "mass", "公斤": "mass", "千克": "mass",
    "亩": "area", "公顷": "area", "平方公里": "area", "平方千米": "area", "平方米": "area",
    "公里": "length", "千米": "length", "米": "length", "千瓦时": "energy", "度": "energy",
    "千瓦": "power", "兆瓦": "power", "吉瓦": "power", "微克/立方米": "concentration",
    "天": "days", "岁": "years", "年": "years", "倍": "ratio",
}
# Persons and person-times are counted alike in reports (转移就业 is written in 万人 and 万人次).
_SAME_CLASS = {frozenset({"persons", "person_times"})}


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _key(name: str) -> str:
    k = _LEADS.sub("", _norm(name))
    return k or _norm(name)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Indicator, ...]]:
    """name or alias (normalised, with and without a change word) -> indicators; empty when
    the data file is not installed."""
    import yaml

    try:
        text = resources.files("zzgov").joinpath("data", "indicators.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    # libyaml's safe loader when the wheel has it (the pure-Python one took ~0.1 s of every run)
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    out: dict[str, list[Indicator]] = {}
    for e in data.get("indicators") or []:
        ind = Indicator(str(e["id"]), str(e["name"]), str(e.get("measure") or "level"),
                        str(e.get("unit_class") or ""), e.get("direction"))
        for name in [e["name"], *(e.get("aliases") or [])]:
            for k in {_key(str(name)), _CHANGE.sub("", _key(str(name)))}:
                if k and ind not in out.setdefault(k, []):
                    out[k].append(ind)
    return {k: tuple(v) for k, v in out.items()}


def unit_class(unit: str) -> str:
    """The unit class of a unit as written: 万亿元 -> currency, 万人 -> persons, 家 -> count."""
    u = _norm(unit or "")
    if u in _UNIT_CLASS:
        return _UNIT_CLASS[u]
    if "/" in u:
        return "concentration" if u.endswith("/立方米") else "count"
    base = split_magnitude(u)[1]
    if "元" in base:  # 亿元, 美元, 元人民币
        return "currency"
    return _UNIT_CLASS.get(base, "count")


def _fits(ind: Indicator, cls: str, direction: str | None) -> int:
    """How well a figure of this unit class and direction fits the indicator: 0 not at all,
    higher is better."""
    if cls == "percent":
        if direction is not None:
            if ind.measure == "growth":
                return 3
            if ind.measure in ("share", "rate"):
                return 2
            return 1 if ind.unit_class != "percent" and ind.direction == direction else 0  # PM2.5 下降7.4%
        if ind.measure in ("share", "rate"):
            return 3
        return 2 if ind.measure == "growth" else 0
    if cls == "percent_point":
        # a share or rate moved by N points (a growth rate N points above another one is a
        # comparison, not the indicator: "增长6.7%、高于全国0.8个百分点")
        return 3 if ind.measure in ("share", "rate") else 0
    if ind.unit_class == cls or frozenset({ind.unit_class, cls}) in _SAME_CLASS:
        return 3 if ind.measure in ("level", "index") else 2
    return 0


def names_an_indicator(metric: str) -> bool:
    """Whether a metric is one of the standard indicators' names, whatever its unit (`GDP`,
    `地区生产总值增长`, `粮食产量`).

    >>> names_an_indicator("地区生产总值"), names_an_indicator("港集装箱吞吐量")
    (True, False)
    """
    index = _index()
    key = _key(metric)
    return key in index or _CHANGE.sub("", key) in index or _FILLERS.sub("", key) in index


@lru_cache(maxsize=4096)
def indicator_for(metric: str | None, unit: str, direction: str | None) -> str | None:
    """The id of the standard indicator a figure states, or None."""
    if not metric:
        return None
    index = _index()
    if not index:
        return None
    key = _key(metric)
    found = index.get(key) or index.get(_CHANGE.sub("", key)) or index.get(_FILLERS.sub("", key))
    if not found:
        return None
    cls = unit_class(unit)
    best, score = None, 0
    for ind in found:
        s = _fits(ind, cls, direction)
        if s > score:
            best, score = ind, s
    return best.id if best else None
