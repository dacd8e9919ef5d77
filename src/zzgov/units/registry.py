"""Canonical organisation names: one name per unit, whatever spelling a document used.

The registry is data (`zzgov/data/units.yaml`: rules with examples, listed units with aliases
and types), loaded once on first use.  A name as written resolves to a canonical name and a
type:

>>> reg = load_registry()
>>> reg.canonical("市发展和改革委员会"), reg.canonical("郑州市资源和规划局"), reg.canonical("管城回族区人民政府")
('市发展改革委', '市资源规划局', '管城回族区政府')
>>> reg.unit_type("市地铁集团公司"), reg.unit_type("各县(市、区)政府")
('enterprise', 'collective')

Resolution: `spelling` rules give the displayed form (width, 郑州市X -> 市X, 人民政府 ->
政府); `abbreviation` rules on top give the matching key (和 dropped between words, 委员会 ->
委); a listed name or alias with the same key gives the canonical name.  Unlisted names keep
their displayed form; `group()` merges unlisted spellings that share a key (they differ only
the way official short names differ from full ones) under the shortest of them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

import regex

from zzgov.units.types import unit_type as rule_unit_type

DATA_FILE = "units.yaml"


@dataclass(frozen=True)
class Rule:
    pattern: regex.Pattern[str]
    replace: str
    example: tuple[str, str] | None = None

    def apply(self, name: str) -> str:
        return self.pattern.sub(self.replace, name)


@dataclass(frozen=True)
class UnitEntry:
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None


@dataclass
class Registry:
    """Rules plus listed units; `canonical`, `key` and `unit_type` are pure lookups."""

    spelling: tuple[Rule, ...]
    abbreviation: tuple[Rule, ...]
    entries: tuple[UnitEntry, ...]
    home_city: str = ""
    _by_key: dict[str, UnitEntry] = field(default_factory=dict, repr=False)
    # display() and key() run every rule over a name, and a ledger asks for the same few
    # hundred names again and again: remember the answers (bounded, for long batches).
    _display_memo: dict[str, str] = field(default_factory=dict, repr=False)
    _key_memo: dict[str, str] = field(default_factory=dict, repr=False)
    _type_memo: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for spelling in (entry.name, *entry.aliases):
                k = self.key(spelling)
                other = self._by_key.get(k)
                if other is not None and other is not entry:
                    raise ValueError(f"{DATA_FILE}: {spelling!r} of {entry.name!r} collides with {other.name!r}")
                self._by_key[k] = entry

    def display(self, name: str) -> str:
        """The name after spelling rules only: `郑州市商务局` -> `市商务局`."""
        out = self._display_memo.get(name)
        if out is None:
            out = name.strip()
            for rule in self.spelling:
                out = rule.apply(out)
            _remember(self._display_memo, name, out)
        return out

    def key(self, name: str) -> str:
        """The matching key: spelling then abbreviation rules (`市发展和改革委员会` -> `市发展改革委`)."""
        out = self._key_memo.get(name)
        if out is None:
            out = self.display(name)
            for rule in self.abbreviation:
                out = rule.apply(out)
            _remember(self._key_memo, name, out)
        return out

    def entry(self, name: str) -> UnitEntry | None:
        return self._by_key.get(self.key(name))

    def canonical(self, name: str) -> str:
        """The listed name, else the name after spelling rules (context-free)."""
        entry = self.entry(name)
        return entry.name if entry else self.display(name)

    def group(self, names: Iterable[str]) -> dict[str, str]:
        """Canonical names for a set of spellings, merging unlisted ones that share a key.

        Listed names map to their entry; unlisted spellings with one key map to the shortest
        of their displayed forms (then the first in code point order), so the result does not
        depend on the order the names came in:
        >>> load_registry().group(["市卫生和健康局", "市卫生健康局"])
        {'市卫生健康局': '市卫生健康局', '市卫生和健康局': '市卫生健康局'}
        """
        names = sorted(set(names))
        by_key: dict[str, list[str]] = {}
        for n in names:
            if self.entry(n) is None:
                by_key.setdefault(self.key(n), []).append(self.display(n))
        best = {k: min(forms, key=lambda f: (len(f), f)) for k, forms in by_key.items()}
        return {n: (self.canonical(n) if self.entry(n) else best[self.key(n)]) for n in names}

    def unit_type(self, name: str) -> str:
        out = self._type_memo.get(name)
        if out is None:
            entry = self.entry(name)
            out = entry.type if entry and entry.type else rule_unit_type(self.canonical(name))
            _remember(self._type_memo, name, out)
        return out

    def aliases(self, name: str) -> tuple[str, ...]:
        """Listed aliases of the unit `name` resolves to (empty for unlisted units)."""
        entry = self.entry(name)
        return entry.aliases if entry else ()


MEMO_LIMIT = 50_000  # names remembered per registry before the memo starts afresh


def _remember(memo: dict[str, str], name: str, value: str) -> None:
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[name] = value


def _rules(items: Iterable[dict], home_city: str) -> tuple[Rule, ...]:
    out = []
    for item in items or ():
        pattern = str(item["pattern"]).replace("{home_city}", regex.escape(home_city))
        example = item.get("example")
        out.append(Rule(regex.compile(pattern), str(item.get("replace", "")),
                        tuple(example) if example else None))
    return tuple(out)


def registry_from_data(data: dict, home_city: str | None = None) -> Registry:
    """A Registry from the parsed YAML mapping; `home_city` overrides the file's."""
    city = home_city if home_city is not None else str(data.get("home_city") or "")
    entries = tuple(
        UnitEntry(name=str(u["name"]), aliases=tuple(str(a) for a in u.get("aliases") or ()), type=u.get("type"))
        for u in data.get("units") or ()
    )
    return Registry(
        spelling=_rules(data.get("spelling"), city),
        abbreviation=_rules(data.get("abbreviation"), city),
        entries=entries,
        home_city=city,
    )


def parse_data(text: str) -> dict:
    """The YAML data file's text, parsed safely."""
    import yaml  # imported on first use: a run that never reads a unit list does not pay for it

    # libyaml's safe loader when the wheel has it: ten times faster than the pure-Python one,
    # which was a tenth of the fixed cost of every run.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader) or {}


@functools.lru_cache(maxsize=1)
def registry_data() -> dict:
    """The parsed data file (read once; kept in the data cache, zzgov.datacache, keyed by the
    file's bytes, so a run need not import PyYAML)."""
    from zzgov import datacache

    raw = resources.files("zzgov").joinpath("data", DATA_FILE).read_bytes()
    return datacache.load("units", [raw], lambda: parse_data(raw.decode("utf-8")))


@functools.lru_cache(maxsize=8)
def load_registry(home_city: str | None = None) -> Registry:
    """The registry from zzgov/data/units.yaml, built once per home city."""
    return registry_from_data(registry_data(), home_city)


def canonical_unit(name: str) -> str:
    return load_registry().canonical(name)
